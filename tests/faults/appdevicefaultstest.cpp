// The app's own sync client (mobile/: LocalStore, ApiClient, SyncEngine) as one device of the
// fault suite, on the test's main thread, while simulated befrienders (simdevice.h) push and pull
// on their own threads and the server is SIGKILLed mid-sync and restarted on the same database.
// Afterwards the server's change log (read through the server's store library) holds every change
// the app wrote, applied, once; the app's outbox is empty and every record it wrote is synced.
// The app only writes reports the gates clear here: see appKeepsQuarantineWhenTheReplyWasLost for
// what happens to a quarantined one whose reply is lost.
#include "cli/serverfiles.h"
#include "faultworld.h"
#include "net/apiclient.h"
#include "simdevice.h"
#include "store/keyring.h"
#include "store/localstore.h"
#include "store/sqlitestore.h"
#include "sync/changecodec.h"
#include "sync/syncengine.h"
#include "testserver.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <boost/json/serialize.hpp>
#include <memory>
#include <random>

using namespace fieldbook;
using namespace fieldbook::faults;
using fieldbook::testsupport::TestServer;

namespace {

// A phone without its user interface: encrypted store, pinned client, sync engine.
struct AppPhone
{
    AppPhone(TestServer& server, const testsupport::TestDevice& enrolled)
    {
        crypto::ScryptParams fast;
        fast.n = 1u << 10; // tests stretch the PIN cheaply; the app uses the default
        store =
            std::make_unique<app::LocalStore>(dir.filePath(QStringLiteral("phone.db")).toStdString(), fast);
        store->initialise("2468");
        app::Identity identity;
        identity.serverUrl = server.url().toString().toStdString();
        identity.fingerprint = server.fingerprint().toStdString();
        identity.deviceId = enrolled.deviceId.toStdString();
        identity.refreshToken = enrolled.refreshToken.toStdString();
        identity.user.id = enrolled.userId.toStdString();
        identity.user.roles = RoleSet{Role::Befriender};
        store->saveIdentity(identity);
        api.setServer(server.url(), server.fingerprint());
        api.setTimeoutMs(15000);
        engine = std::make_unique<app::SyncEngine>(store.get(), &api);
        QObject::connect(engine.get(), &app::SyncEngine::finished, engine.get(),
                         [this](const app::SyncOutcome& outcome) {
                             last = outcome;
                             done = true;
                         });
    }

    void start()
    {
        done = false;
        engine->run();
    }
    bool wait(int ms)
    {
        return QTest::qWaitFor([this] { return done; }, ms);
    }

    Change report(const VolunteerWorld& world, bool onQ, int hoursAgo)
    {
        Change change;
        change.recordType = "session_report";
        change.formVersion = 2;
        change.fields = {{"case_id", onQ ? world.caseQ : world.caseA},
                         {"person_id", onQ ? world.personQ : world.personA},
                         {"occurred_at", QDateTime::currentDateTimeUtc()
                                             .addSecs(-3600LL * hoursAgo)
                                             .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"))
                                             .toStdString()},
                         {"duration_minutes", 45},
                         {"mode", "phone"},
                         {"notes", "Written on the app during the fault run."},
                         {"concerns", "none"}};
        return store->recordLocalChange(change);
    }

    QTemporaryDir dir;
    std::unique_ptr<app::LocalStore> store;
    app::ApiClient api;
    std::unique_ptr<app::SyncEngine> engine;
    app::SyncOutcome last;
    bool done = true;
};

std::unique_ptr<server::SqliteStore> openServerStore(TestServer& server)
{
    const auto files = server::ServerFiles::forDatabase(server.dbPath().toStdString(), std::nullopt);
    return server::openSqliteStore(files,
                                   std::make_shared<const server::KeyRing>(server::KeyRing::load(files.keyFile)));
}

} // namespace

class AppDeviceFaultsTest : public QObject
{
    Q_OBJECT

private slots:
    void appDeviceSurvivesKillsMidSync();
    void appKeepsQuarantineWhenTheReplyWasLost();
};

void AppDeviceFaultsTest::appDeviceSurvivesKillsMidSync()
{
    TestServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    FaultWorld world(server);
    QVERIFY(world.build(3, 0));
    const VolunteerWorld& mine = world.volunteers().front();
    AppPhone phone(server, mine.device);

    // Two simulated befrienders keep the server busy meanwhile.
    ServerEndpoint endpoint;
    endpoint.set(server.url(), server.fingerprint());
    std::atomic<bool> faultsDone{false};
    std::vector<std::unique_ptr<SimDevice>> others;
    std::vector<std::unique_ptr<QThread>> threads;
    for (std::size_t v = 1; v < world.volunteers().size(); ++v) {
        DeviceOptions options;
        options.steps = 15;
        others.push_back(std::make_unique<SimDevice>(
            FaultWorld::identity(QStringLiteral("befriender %1").arg(v), world.volunteers()[v].device),
            endpoint, 700 + v, options, world.befrienderWriter(v)));
        SimDevice* raw = others.back().get();
        raw->setProgress(nullptr, [&faultsDone] { return faultsDone.load(); });
        threads.emplace_back(QThread::create([raw] {
            raw->run();
            raw->releaseClient();
        }));
        threads.back()->start();
    }

    std::mt19937_64 random(77);
    std::set<std::string> written;
    int kills = 0;
    constexpr int kRounds = 12;
    for (int round = 0; round < kRounds; ++round) {
        const int count = 1 + static_cast<int>(random() % 5);
        for (int i = 0; i < count; ++i) {
            written.insert(phone.report(mine, false, 1 + static_cast<int>(random() % 48)).id);
        }
        phone.start();
        if (round % 3 == 1) {
            // Pull the plug while the app is in the middle of its run.
            QTest::qWait(static_cast<int>(random() % 40));
            endpoint.markKilled();
            server.kill();
            QVERIFY2(phone.wait(20000), "the app's sync did not end after the server died");
            QTest::qWait(static_cast<int>(50 + random() % 200));
            QVERIFY2(server.restart(), qPrintable(server.errorString()));
            endpoint.set(server.url(), server.fingerprint());
            phone.api.setServer(server.url(), server.fingerprint());
            ++kills;
        } else {
            QVERIFY2(phone.wait(30000), "the app's sync did not finish");
        }
    }
    faultsDone = true;
    // Retry as the app does when the network comes back, until everything is sent.
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired() && (phone.store->waitingCount() > 0 || !phone.last.ok)) {
        phone.start();
        QVERIFY2(phone.wait(30000), "the app's sync did not finish");
        if (!phone.last.ok) {
            QTest::qWait(200);
        }
    }
    QVERIFY2(phone.last.ok, qPrintable(phone.last.message));
    QCOMPARE(phone.store->waitingCount(), 0);
    QVERIFY(phone.store->problems().empty());
    for (auto& thread : threads) {
        QVERIFY2(thread->wait(QDeadlineTimer(90000)), "a simulated device did not finish");
    }
    for (const auto& other : others) {
        QVERIFY2(other->errors().isEmpty(), qPrintable(other->errors().join(QLatin1Char('\n'))));
    }
    QCOMPARE(kills, kRounds / 3);
    QVERIFY(server.stop());

    auto store = openServerStore(server);
    QStringList problems;
    store->readTransaction([&] {
        for (const std::string& id : written) {
            const auto outcome = store->changeOutcome(id);
            if (!outcome || outcome->status != "applied") {
                problems << QStringLiteral("the app's change %1 is %2 on the server")
                                .arg(QString::fromStdString(id), outcome
                                                                     ? QString::fromStdString(outcome->status)
                                                                     : QStringLiteral("missing"));
            }
        }
        auto count = store->db().prepare("SELECT COUNT(*) FROM changes WHERE device_id = ?");
        count.bind(1, mine.device.deviceId.toStdString());
        count.step();
        if (count.integer(0) != static_cast<std::int64_t>(written.size())) {
            problems << QStringLiteral("the app wrote %1 changes, the change log holds %2 from it")
                            .arg(written.size())
                            .arg(count.integer(0));
        }
    });
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    for (const Record& report : phone.store->recordsOfType("session_report")) {
        QCOMPARE(phone.store->status("session_report", report.id), app::RecordStatus::Synced);
    }
    qInfo("the app wrote %d reports over %d syncs with %d kills mid-sync; all applied once",
          static_cast<int>(written.size()), kRounds, kills);
}

void AppDeviceFaultsTest::appKeepsQuarantineWhenTheReplyWasLost()
{
    // The app pushes a report the gates quarantine, the server stores it, and the reply is lost
    // (here: the same change was pushed before the app's run, as if by its own earlier attempt).
    // The app's retry is answered `duplicate` with was=quarantined: the phone must still hold the
    // report as quarantined and list it among its problems, as it would have with the first reply.
    TestServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    FaultWorld world(server);
    QVERIFY(world.build(1, 0));
    const VolunteerWorld& mine = world.volunteers().front();
    AppPhone phone(server, mine.device);
    const Change change = phone.report(mine, true, 2);

    const QByteArray body = QByteArray::fromStdString(
        boost::json::serialize(boost::json::object{{"changes", boost::json::array{encodeChange(change)}}}));
    const auto first =
        server.requestBytes("POST", QStringLiteral("/v1/sync/push"), body, mine.device.accessToken);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.object()
                 .value(QStringLiteral("results"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("quarantined"));

    phone.start();
    QVERIFY2(phone.wait(30000), "the app's sync did not finish");
    QVERIFY2(phone.last.ok, qPrintable(phone.last.message));
    QCOMPARE(phone.store->waitingCount(), 0);
    QCOMPARE(phone.store->status("session_report", change.recordId), app::RecordStatus::Quarantined);
    const auto problems = phone.store->problems();
    QCOMPARE(problems.size(), std::size_t{1});
    QCOMPARE(problems.front().state, std::string("quarantined"));
    QCOMPARE(problems.front().reason, std::string("consent_withdrawn")); // why, as the first answer said
}

QTEST_GUILESS_MAIN(AppDeviceFaultsTest)
#include "appdevicefaultstest.moc"
