// PushService in process, against a real SQLite store: each change answered with the status and
// reason the contract names (a data-driven table of the gates), duplicates answered with the
// first push's outcome, ids of other users refused, derived records never pushed, request-level
// errors thrown, and one transaction per batch.
#include "http/apierror.h"
#include "model/ids.h"
#include "storeworld.h"
#include "sync/limits.h"

#include <QtTest>
#include <boost/json/parse.hpp>

using namespace fieldbook;
using namespace fieldbook::server;
using namespace fieldbook::testsupport;

Q_DECLARE_METATYPE(fieldbook::PushStatus)

class PushServiceTest : public QObject
{
    Q_OBJECT

private slots:
    void gates_data();
    void gates();
    void duplicateAnswersWithTheFirstOutcome();
    void changeIdOfAnotherUserIsInvalid();
    void derivedRecordsAreNeverPushed();
    void undecodableChangeNamesItsField();
    void requestErrorsThrow_data();
    void requestErrorsThrow();
    void resultsKeepTheBatchOrder();
};

void PushServiceTest::gates_data()
{
    QTest::addColumn<QString>("omit");
    QTest::addColumn<bool>("byVolunteer");
    QTest::addColumn<PushStatus>("status");
    QTest::addColumn<QString>("reason");

    QTest::newRow("everything, volunteer") << "" << true << PushStatus::Applied << "";
    QTest::newRow("everything, practitioner") << "" << false << PushStatus::Applied << "";
    QTest::newRow("no consent, practitioner")
        << "consent" << false << PushStatus::Quarantined << "consent_missing";
    QTest::newRow("no check of the prisoner")
        << "checkPrisoner" << false << PushStatus::Quarantined << "protection_check_missing";
    QTest::newRow("no check of the person")
        << "checkPerson" << false << PushStatus::Quarantined << "protection_check_missing";
    QTest::newRow("no match, volunteer") << "match" << true << PushStatus::Rejected << "forbidden";
    QTest::newRow("no vetting: no active match, volunteer")
        << "vetting" << true << PushStatus::Rejected << "forbidden";
}

void PushServiceTest::gates()
{
    QFETCH(QString, omit);
    QFETCH(bool, byVolunteer);
    QFETCH(PushStatus, status);
    QFETCH(QString, reason);

    StoreWorld world;
    StoreWorldOptions options;
    options.consent = omit != QLatin1String("consent");
    options.checkPrisoner = omit != QLatin1String("checkPrisoner");
    options.checkPerson = omit != QLatin1String("checkPerson");
    options.match = omit != QLatin1String("match");
    options.vetting = omit != QLatin1String("vetting");
    const StoreCase theCase = world.buildCase(options);
    const User& author = byVolunteer ? theCase.volunteer : world.practitioner;

    const PushResult result = world.push(author, "session_report", world.sessionReport(theCase));
    QCOMPARE(pushStatusName(result.status), pushStatusName(status));
    QCOMPARE(QString::fromStdString(result.reason.wire()), reason);
    QCOMPARE(result.message.empty(), status == PushStatus::Applied);
    // A held record is stored but never a fact; a refused one is not stored at all.
    const std::size_t facts = world.store().recordsWhere("session_report", "case_id", theCase.caseId).size();
    QCOMPARE(facts, std::size_t(status == PushStatus::Applied ? 1 : 0));
}

void PushServiceTest::duplicateAnswersWithTheFirstOutcome()
{
    StoreWorld world;
    StoreWorldOptions options;
    options.consent = false;
    const StoreCase theCase = world.buildCase(options);
    const auto change = world.change("session_report", world.sessionReport(theCase));

    const PushResult first = world.pushChange(world.practitioner, change);
    QCOMPARE(pushStatusName(first.status), std::string_view("quarantined"));
    const std::int64_t sequence = world.store().lastSequence();

    const PushResult again = world.pushChange(world.practitioner, change);
    QCOMPARE(pushStatusName(again.status), std::string_view("duplicate"));
    QVERIFY(again.was == PushStatus::Quarantined);
    QVERIFY(again.reason == first.reason);
    QVERIFY(again.outcome() == PushStatus::Quarantined);
    QCOMPARE(world.store().lastSequence(), sequence); // nothing written the second time
}

void PushServiceTest::changeIdOfAnotherUserIsInvalid()
{
    StoreWorld world;
    const StoreCase theCase = world.buildCase();
    const auto change = world.change("session_report", world.sessionReport(theCase));
    QCOMPARE(world.pushChange(theCase.volunteer, change).status, PushStatus::Applied);
    const PushResult replay = world.pushChange(world.practitioner, change);
    QCOMPARE(replay.status, PushStatus::Rejected);
    QVERIFY(replay.reason == Reason::invalid("id"));
}

void PushServiceTest::derivedRecordsAreNeverPushed()
{
    StoreWorld world;
    const StoreCase theCase = world.buildCase();
    for (const char* type : {"alert", "clearance"}) {
        const PushResult result = world.push(world.officer, type, {{"case_id", theCase.caseId}});
        QCOMPARE(result.status, PushStatus::Rejected);
        QCOMPARE(result.reason.code, ReasonCode::Forbidden);
    }
}

void PushServiceTest::undecodableChangeNamesItsField()
{
    StoreWorld world;
    auto change = world.change("person", {{"kind", "prisoner"}});
    change["hlc"] = "yesterday";
    const PushResult result = world.pushChange(world.practitioner, change);
    QCOMPARE(result.status, PushStatus::Rejected);
    QVERIFY(result.reason == Reason::invalid("hlc"));
    QCOMPARE(result.id, std::string(change["id"].as_string()));
}

void PushServiceTest::requestErrorsThrow_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("error");
    QTest::newRow("not an object") << "[]" << int(ApiError::BadRequest);
    QTest::newRow("no changes") << "{}" << int(ApiError::BadRequest);
    QTest::newRow("changes not a list") << R"({"changes":7})" << int(ApiError::BadRequest);
    QTest::newRow("too many") << QStringLiteral(R"({"changes":[%1]})")
                                     .arg(QStringLiteral("{},").repeated(int(limits::kMaxChangesPerPush)) +
                                          "{}")
                              << int(ApiError::TooLarge);
}

void PushServiceTest::requestErrorsThrow()
{
    QFETCH(QString, body);
    QFETCH(int, error);
    StoreWorld world;
    const PushService service(world.forms());
    const std::int64_t before = world.store().lastSequence();
    try {
        service.push(world.store(), world.callerOf(world.practitioner),
                     boost::json::parse(body.toStdString()), StoreWorld::kNow);
        QFAIL("no exception");
    } catch (const ApiException& e) {
        QCOMPARE(int(e.error()), error);
    }
    QCOMPARE(world.store().lastSequence(), before);
}

void PushServiceTest::resultsKeepTheBatchOrder()
{
    StoreWorld world;
    const StoreCase theCase = world.buildCase();
    boost::json::array changes{world.change("session_report", world.sessionReport(theCase)),
                               world.change("unknown_kind", {{"a", 1}}),
                               world.change("session_report", world.sessionReport(theCase))};
    const PushService service(world.forms());
    const auto results = service.push(world.store(), world.callerOf(theCase.volunteer),
                                      boost::json::object{{"changes", changes}}, StoreWorld::kNow);
    QCOMPARE(results.size(), std::size_t{3});
    for (std::size_t i = 0; i < results.size(); ++i) {
        QCOMPARE(results[i].id, std::string(changes[i].as_object().at("id").as_string()));
    }
    QCOMPARE(results[0].status, PushStatus::Applied);
    QCOMPARE(results[1].reason.code, ReasonCode::UnknownRecordType);
    QCOMPARE(results[2].status, PushStatus::Applied);
}

QTEST_GUILESS_MAIN(PushServiceTest)
#include "pushservicetest.moc"
