// ReaderScope in process, against a real SQLite store: which cases and people each reader stands
// on, whether their pull may narrow its scan, what view() opens to them (a volunteer never sees a
// protection check; an alert only reaches its audience), and break-the-glass reads marked apart.
#include "sync/readerscope.h"

#include "model/ids.h"
#include "storeworld.h"

#include <QtTest>
#include <algorithm>

using namespace fieldbook;
using namespace fieldbook::server;
using namespace fieldbook::testsupport;

namespace {

bool holds(const std::vector<std::string>& list, const std::string& item)
{
    return std::find(list.begin(), list.end(), item) != list.end();
}

Date today()
{
    return Date::fromEpochSeconds(StoreWorld::kNow);
}

StoredRecord storedOf(StoreWorld& world, const std::string& type, const std::string& id)
{
    const auto stored = world.store().storedRecord(type, id);
    if (!stored) {
        QTest::qFail("record not stored", __FILE__, __LINE__);
        return {};
    }
    return *stored;
}

} // namespace

class ReaderScopeTest : public QObject
{
    Q_OBJECT

private slots:
    void whoIsCaseScoped_data();
    void whoIsCaseScoped();
    void casesAndPeopleOfTheReader();
    void volunteerViewLeavesOutChecks();
    void alertsReachOnlyTheirAudience();
    void breakGlassOpensTheCaseAndIsMarked();
};

void ReaderScopeTest::whoIsCaseScoped_data()
{
    QTest::addColumn<QString>("reader");
    QTest::addColumn<bool>("scoped");
    QTest::newRow("volunteer") << "volunteer" << true;
    QTest::newRow("practitioner") << "practitioner" << true;
    QTest::newRow("coordinator") << "coordinator" << false;
    QTest::newRow("safeguarding officer") << "officer" << false;
    QTest::newRow("manager") << "manager" << false;
}

void ReaderScopeTest::whoIsCaseScoped()
{
    QFETCH(QString, reader);
    QFETCH(bool, scoped);
    StoreWorld world;
    const StoreCase theCase = world.buildCase();
    const User& user = reader == QLatin1String("volunteer")      ? theCase.volunteer
                       : reader == QLatin1String("practitioner") ? world.practitioner
                       : reader == QLatin1String("coordinator")  ? world.coordinator
                       : reader == QLatin1String("officer")      ? world.officer
                                                                 : world.manager;
    const ReaderScope scope(user, world.store(), today());
    QCOMPARE(scope.caseScoped(), scoped);
}

void ReaderScopeTest::casesAndPeopleOfTheReader()
{
    StoreWorld world;
    const StoreCase matched = world.buildCase();
    StoreWorldOptions unmatched;
    unmatched.match = false;
    const StoreCase other = world.buildCase(unmatched);

    const ReaderScope volunteer(matched.volunteer, world.store(), today());
    QVERIFY(holds(volunteer.caseIds(), matched.caseId));
    QVERIFY(!holds(volunteer.caseIds(), other.caseId));
    QVERIFY(holds(volunteer.people(), matched.person));
    QCOMPARE(volunteer.activeMatches().size(), std::size_t{1});
    QCOMPARE(volunteer.activeMatches().front().id, matched.match);

    const ReaderScope lonely(other.volunteer, world.store(), today());
    QVERIFY(lonely.caseIds().empty());
    QVERIFY(lonely.activeMatches().empty());

    const ReaderScope practitioner(world.practitioner, world.store(), today());
    QVERIFY(holds(practitioner.caseIds(), matched.caseId));
    QVERIFY(holds(practitioner.caseIds(), other.caseId));
    QVERIFY(holds(practitioner.people(), matched.prisoner)); // linked by the relationship
}

void ReaderScopeTest::volunteerViewLeavesOutChecks()
{
    StoreWorld world;
    const StoreCase theCase = world.buildCase();
    const auto checks = world.store().recordsWhere("protection_check", "subject", theCase.person);
    QCOMPARE(checks.size(), std::size_t{1});
    const StoredRecord check = storedOf(world, "protection_check", checks.front().id);

    QVERIFY(!ReaderScope(theCase.volunteer, world.store(), today()).view(check));
    QVERIFY(ReaderScope(world.practitioner, world.store(), today()).view(check));

    const StoredRecord person = storedOf(world, "person", theCase.person);
    const auto seen = ReaderScope(theCase.volunteer, world.store(), today()).view(person);
    QVERIFY(seen.has_value());
    QVERIFY(!seen->contains("date_of_birth")); // an age band at most
}

void ReaderScopeTest::alertsReachOnlyTheirAudience()
{
    StoreWorld world;
    const StoreCase theCase = world.buildCase();
    StoredRecord alert;
    alert.record.type = "alert";
    alert.record.id = newId();
    alert.record.hlc = world.hlc();
    alert.record.fields = {{"kind", "held"}, {"recipient", world.officer.id}, {"case_id", theCase.caseId}};
    alert.caseId = theCase.caseId;
    alert.audience = world.officer.id;
    alert.changeId = newId();
    QVERIFY(ReaderScope(world.officer, world.store(), today()).view(alert));
    QVERIFY(!ReaderScope(world.practitioner, world.store(), today()).view(alert));
    QVERIFY(!ReaderScope(theCase.volunteer, world.store(), today()).view(alert));
}

void ReaderScopeTest::breakGlassOpensTheCaseAndIsMarked()
{
    StoreWorld world;
    const StoreCase theCase = world.buildCase();
    const PushResult report = world.push(theCase.volunteer, "session_report", world.sessionReport(theCase));
    QCOMPARE(report.status, PushStatus::Applied);
    const auto reports = world.store().recordsWhere("session_report", "case_id", theCase.caseId);
    QCOMPARE(reports.size(), std::size_t{1});
    const StoredRecord stored = storedOf(world, "session_report", reports.front().id);

    ReaderScope officer(world.officer, world.store(), today());
    QVERIFY(!officer.view(stored));
    QVERIFY(!officer.readUnderGrant("session_report", stored.record.id));
    officer.grantBreakGlass({theCase.caseId});
    const auto seen = officer.view(stored);
    QVERIFY(seen.has_value());
    QVERIFY(seen->contains("notes"));
    QVERIFY(officer.readUnderGrant("session_report", stored.record.id));
}

QTEST_GUILESS_MAIN(ReaderScopeTest)
#include "readerscopetest.moc"
