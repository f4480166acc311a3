// PullService in process, against a real SQLite store: what a volunteer's page holds and never
// holds, the derived clearance decoded by the shared codec, paging by cursor without repeats,
// and cursors the server did not issue refused.
#include "sync/pullservice.h"

#include "http/apierror.h"
#include "storeworld.h"

#include <QtTest>
#include <set>

using namespace fieldbook;
using namespace fieldbook::server;
using namespace fieldbook::testsupport;

namespace {

PullPage pullAll(StoreWorld& world, const User& reader, std::size_t limit, int* pages = nullptr)
{
    const PullService service("server-node");
    PullPage all;
    std::string cursor;
    for (int page = 1; page < 100; ++page) {
        PullPage next = service.pull(world.store(), world.callerOf(reader), cursor, limit, StoreWorld::kNow);
        for (Change& change : next.changes) {
            all.changes.push_back(std::move(change));
        }
        cursor = next.cursor;
        if (!next.more) {
            if (pages != nullptr) {
                *pages = page;
            }
            break;
        }
    }
    all.cursor = cursor;
    return all;
}

std::set<std::string> typesOf(const PullPage& page)
{
    std::set<std::string> out;
    for (const Change& change : page.changes) {
        out.insert(change.recordType);
    }
    return out;
}

} // namespace

class PullServiceTest : public QObject
{
    Q_OBJECT

private slots:
    void volunteerNeverSeesChecksOrVetting();
    void clearanceFollowsTheGates_data();
    void clearanceFollowsTheGates();
    void pagesResumeWithoutRepeats();
    void foreignCursorsAreRefused_data();
    void foreignCursorsAreRefused();
    void authorTravelsWithTheChange();
};

void PullServiceTest::volunteerNeverSeesChecksOrVetting()
{
    StoreWorld world;
    const StoreCase theCase = world.buildCase();
    const auto types = typesOf(pullAll(world, theCase.volunteer, 200));
    QVERIFY(types.count("case"));
    QVERIFY(types.count("clearance"));
    QVERIFY(!types.count("protection_check"));
    QVERIFY(!types.count("vetting"));
    const auto practitioners = typesOf(pullAll(world, world.practitioner, 200));
    QVERIFY(practitioners.count("protection_check"));
    QVERIFY(!practitioners.count("clearance"));
}

void PullServiceTest::clearanceFollowsTheGates_data()
{
    QTest::addColumn<bool>("withdraw");
    QTest::addColumn<QString>("reason");
    QTest::newRow("cleared") << false << "";
    QTest::newRow("consent withdrawn") << true << "consent_withdrawn";
}

void PullServiceTest::clearanceFollowsTheGates()
{
    QFETCH(bool, withdraw);
    QFETCH(QString, reason);
    StoreWorld world;
    const StoreCase theCase = world.buildCase();
    if (withdraw) {
        QCOMPARE(world
                     .push(world.practitioner, "consent",
                           {{"given_by", theCase.prisoner},
                            {"scope", "contact"},
                            {"about", theCase.person},
                            {"status", "withdrawn"},
                            {"method", "phone"},
                            {"recorded_at", StoreWorld::instant(-60)}})
                     .status,
                 PushStatus::Applied);
    }
    const PullPage page = pullAll(world, theCase.volunteer, 200);
    int found = 0;
    for (const Change& change : page.changes) {
        if (change.recordType != kClearanceRecordType) {
            continue;
        }
        ++found;
        const auto decoded = decodeClearance(change.fields);
        QVERIFY(std::holds_alternative<Clearance>(decoded));
        const Clearance& clearance = std::get<Clearance>(decoded);
        QCOMPARE(clearance.caseId, theCase.caseId);
        QCOMPARE(clearance.matchId, theCase.match);
        QCOMPARE(clearance.cleared, reason.isEmpty());
        QCOMPARE(QString::fromStdString(clearance.reason.wire()), reason);
    }
    QCOMPARE(found, 1);
}

void PullServiceTest::pagesResumeWithoutRepeats()
{
    StoreWorld world;
    const StoreCase theCase = world.buildCase();
    for (int i = 0; i < 7; ++i) {
        QCOMPARE(world.push(theCase.volunteer, "session_report", world.sessionReport(theCase)).status,
                 PushStatus::Applied);
    }
    int pages = 0;
    const PullPage paged = pullAll(world, world.practitioner, 3, &pages);
    const PullPage whole = pullAll(world, world.practitioner, 1000);
    QVERIFY(pages > 3);
    QCOMPARE(paged.changes.size(), whole.changes.size());
    std::set<std::string> ids;
    for (const Change& change : paged.changes) {
        QVERIFY2(ids.insert(change.recordType + change.recordId).second, change.recordId.c_str());
    }
    // Pulling again from the last cursor brings nothing new.
    const PullService service("server-node");
    const PullPage after =
        service.pull(world.store(), world.callerOf(world.practitioner), paged.cursor, 10, StoreWorld::kNow);
    QVERIFY(after.changes.empty());
    QVERIFY(!after.more);
}

void PullServiceTest::foreignCursorsAreRefused_data()
{
    QTest::addColumn<QString>("cursor");
    QTest::newRow("garbage") << "not-a-cursor";
    QTest::newRow("digits") << "12345";
    QTest::newRow("ahead of the data (an older backup)") << "c1.00000000000fffff";
}

void PullServiceTest::foreignCursorsAreRefused()
{
    QFETCH(QString, cursor);
    StoreWorld world;
    const PullService service("server-node");
    try {
        service.pull(world.store(), world.callerOf(world.practitioner), cursor.toStdString(), 10,
                     StoreWorld::kNow);
        QFAIL("no exception");
    } catch (const ApiException& e) {
        QCOMPARE(int(e.error()), int(ApiError::InvalidCursor));
    }
}

void PullServiceTest::authorTravelsWithTheChange()
{
    StoreWorld world;
    const StoreCase theCase = world.buildCase();
    QCOMPARE(world.push(theCase.volunteer, "session_report", world.sessionReport(theCase)).status,
             PushStatus::Applied);
    const PullPage page = pullAll(world, world.practitioner, 200);
    bool seen = false;
    for (const Change& change : page.changes) {
        if (change.recordType == "session_report") {
            QCOMPARE(change.author, theCase.volunteer.id);
            seen = true;
        } else if (change.recordType == "case") {
            QCOMPARE(change.author, world.practitioner.id);
        }
    }
    QVERIFY(seen);
}

QTEST_GUILESS_MAIN(PullServiceTest)
#include "pullservicetest.moc"
