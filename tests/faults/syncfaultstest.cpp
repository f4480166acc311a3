// Load and faults: simulated devices (modelled here, see simdevice.h) push and pull at the same
// time against the real fieldbook-server while it is SIGKILLed and restarted on the same
// database, requests are cut mid-body, batches are replayed and two devices edit the same case
// and person offline. Afterwards, with the server stopped, its database is read through the
// server's own store library and must hold exactly what the devices were told:
//   - every change has one entry in the change log, with the status the device was told
//     (applied or quarantined; a duplicate's `was`), none more: nothing lost, nothing duplicated;
//   - the session reports stored are exactly the ones written, in the state each was told, each
//     with exactly one alert per recipient (P and the officer) when quarantined;
//   - the contested case and person hold the field-by-field merge (core mergeChange) of every
//     edit from both devices, and after a last pull every device holds that same view, P's devices
//     hold the same set of reports and alerts, and each befriender holds its applied reports.
// Short by default (well under 90 s); FIELDBOOK_FAULTS_LONG=1 runs the long form (ci/bench).
// Each run is seeded; every wait has a deadline.
#include "cli/serverfiles.h"
#include "faultworld.h"
#include "simdevice.h"
#include "store/keyring.h"
#include "store/sqlitestore.h"
#include "sync/merge.h"
#include "testserver.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QSet>
#include <QTest>
#include <QThread>
#include <atomic>
#include <boost/json/serialize.hpp>
#include <map>
#include <memory>
#include <random>
#include <set>

using namespace fieldbook;
using namespace fieldbook::faults;
using fieldbook::testsupport::TestServer;

namespace {

struct Scenario
{
    const char* name = "";
    int volunteers = 3;
    int practitionerDevices = 2;
    DeviceOptions befriender;
    DeviceOptions practitioner;
    int kills = 0;
    std::uint64_t seed = 1;
};

bool longForm()
{
    return qEnvironmentVariableIntValue("FIELDBOOK_FAULTS_LONG") == 1;
}

QString str(const std::string& text)
{
    return QString::fromStdString(text);
}

QString json(const boost::json::object& object)
{
    return str(boost::json::serialize(object));
}

} // namespace

class SyncFaultsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cutRequestsChangeNothing();
    void replayedBatchesAreDuplicates();
    void offlineEditsOfOneRecordConverge();
    void devicesSurviveKillsCutsAndReplays();

private:
    void runScenario(const Scenario& scenario);
    void verifyStore(TestServer& server, FaultWorld& world,
                     const std::vector<std::unique_ptr<SimDevice>>& devices);
    void verifyViews(FaultWorld& world, const std::vector<std::unique_ptr<SimDevice>>& devices,
                     std::size_t befrienders);

    // What the store held for the contested records and the reports, read in verifyStore.
    boost::json::object m_storedCase;
    boost::json::object m_storedPerson;
    std::set<std::string> m_appliedReports;
    std::set<std::string> m_quarantinedReports;
};

void SyncFaultsTest::initTestCase()
{
    QVERIFY2(!TestServer::serverBinary().isEmpty(), "FIELDBOOK_SERVER is not set");
    qInfo("form: %s", longForm() ? "long (FIELDBOOK_FAULTS_LONG=1)" : "short");
}

void SyncFaultsTest::cutRequestsChangeNothing()
{
    // Every sync starts with its first batch sent half-way and cut (in the headers, mid-body or one
    // byte short; FIN or RST); the full push after it must be answered as a first push.
    Scenario scenario;
    scenario.name = "cuts";
    scenario.volunteers = 2;
    scenario.practitionerDevices = 0;
    scenario.befriender.steps = longForm() ? 30 : 8;
    scenario.befriender.offline = 0;
    scenario.befriender.cut = 1.0;
    scenario.befriender.replay = 0;
    scenario.seed = 11;
    runScenario(scenario);
}

void SyncFaultsTest::replayedBatchesAreDuplicates()
{
    Scenario scenario;
    scenario.name = "replays";
    scenario.volunteers = 2;
    scenario.practitionerDevices = 0;
    scenario.befriender.steps = longForm() ? 30 : 8;
    scenario.befriender.offline = 0.2;
    scenario.befriender.cut = 0;
    scenario.befriender.replay = 1.0;
    scenario.seed = 22;
    runScenario(scenario);
}

void SyncFaultsTest::offlineEditsOfOneRecordConverge()
{
    // P's two devices edit the same case and person while mostly offline.
    Scenario scenario;
    scenario.name = "offline edits";
    scenario.volunteers = 0;
    scenario.practitionerDevices = 2;
    scenario.practitioner.steps = longForm() ? 60 : 16;
    scenario.practitioner.offline = 0.6;
    scenario.practitioner.cut = 0;
    scenario.practitioner.replay = 0.1;
    scenario.seed = 33;
    runScenario(scenario);
}

void SyncFaultsTest::devicesSurviveKillsCutsAndReplays()
{
    Scenario scenario;
    scenario.name = "storm";
    scenario.volunteers = longForm() ? 16 : 6;
    scenario.practitionerDevices = 2;
    scenario.befriender.steps = longForm() ? 120 : 30;
    scenario.practitioner.steps = longForm() ? 120 : 30;
    scenario.practitioner.offline = 0.5;
    scenario.kills = longForm() ? 16 : 5;
    scenario.befriender.deadlineMs = scenario.practitioner.deadlineMs = longForm() ? 400000 : 60000;
    scenario.seed = 44;
    runScenario(scenario);
}

void SyncFaultsTest::runScenario(const Scenario& scenario)
{
    QElapsedTimer elapsed;
    elapsed.start();
    TestServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    FaultWorld world(server);
    QVERIFY(world.build(scenario.volunteers, scenario.practitionerDevices));

    ServerEndpoint endpoint;
    endpoint.set(server.url(), server.fingerprint());
    std::vector<std::unique_ptr<SimDevice>> devices;
    for (std::size_t v = 0; v < world.volunteers().size(); ++v) {
        devices.push_back(std::make_unique<SimDevice>(
            FaultWorld::identity(QStringLiteral("befriender %1").arg(v), world.volunteers()[v].device),
            endpoint, scenario.seed * 1000 + v, scenario.befriender, world.befrienderWriter(v)));
    }
    for (std::size_t d = 0; d < world.practitionerDevices().size(); ++d) {
        devices.push_back(std::make_unique<SimDevice>(
            FaultWorld::identity(QStringLiteral("P%1").arg(d + 1), world.practitionerDevices()[d]), endpoint,
            scenario.seed * 1000 + 100 + d, scenario.practitioner, world.practitionerWriter()));
    }
    const std::size_t befrienders = world.volunteers().size();

    // The rounds all devices will play; the kills are spread over them.
    int totalSteps = 0;
    for (std::size_t i = 0; i < devices.size(); ++i) {
        totalSteps += i < befrienders ? scenario.befriender.steps : scenario.practitioner.steps;
    }
    std::atomic<int> progress{0};
    std::atomic<bool> faultsDone{scenario.kills == 0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (auto& device : devices) {
        device->setProgress(&progress, [&faultsDone] { return faultsDone.load(); });
        SimDevice* raw = device.get();
        threads.emplace_back(QThread::create([raw] {
            raw->run();
            raw->releaseClient();
        }));
    }
    for (auto& thread : threads) {
        thread->start();
    }

    auto running = [&] {
        int count = 0;
        for (const auto& thread : threads) {
            count += thread->isFinished() ? 0 : 1;
        }
        return count;
    };
    std::mt19937_64 faults(scenario.seed);
    const qint64 deadlineMs =
        std::max(scenario.befriender.deadlineMs, scenario.practitioner.deadlineMs) + 30000;
    QDeadlineTimer deadline(deadlineMs);
    int kills = 0;
    while (running() > 0 && !deadline.hasExpired()) {
        const int due = (kills + 1) * totalSteps / (scenario.kills + 1);
        if (kills < scenario.kills && progress.load() >= due) {
            // Let some requests be in flight, then pull the plug.
            QTest::qWait(static_cast<int>(faults() % 60));
            endpoint.markKilled();
            server.kill();
            QTest::qWait(static_cast<int>(50 + faults() % 300));
            QVERIFY2(server.restart(),
                     qPrintable(QStringLiteral("restart %1: %2").arg(kills + 1).arg(server.errorString())));
            endpoint.set(server.url(), server.fingerprint());
            ++kills;
            if (kills == scenario.kills) {
                faultsDone = true;
            }
        } else {
            QTest::qWait(5);
        }
    }
    faultsDone = true;
    for (auto& thread : threads) {
        QVERIFY2(thread->wait(QDeadlineTimer(std::max<qint64>(1000, deadline.remainingTime()))),
                 "a device did not finish");
    }
    QCOMPARE(kills, scenario.kills);

    QStringList errors;
    SimDevice::Stats total;
    int lostReplies = 0;
    int retriedThenFirst = 0; // sent more than once, first answered on a retry as applied/quarantined
    for (const auto& device : devices) {
        for (const OutboxItem& item : device->items()) {
            retriedThenFirst += item.attempts > 1 && !item.lostReply ? 1 : 0;
        }
        errors += device->errors();
        const auto& s = device->stats();
        total.pushes += s.pushes;
        total.pushFailures += s.pushFailures;
        total.serverErrors += s.serverErrors;
        total.pulls += s.pulls;
        total.cuts += s.cuts;
        total.replays += s.replays;
        total.replayedChanges += s.replayedChanges;
        total.reconnects += s.reconnects;
        lostReplies += s.lostReplies;
    }
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));

    // Every device pulls once more, now that nothing is pending anywhere.
    threads.clear();
    for (auto& device : devices) {
        device->restartDeadline(30000);
        SimDevice* raw = device.get();
        threads.emplace_back(QThread::create([raw] {
            if (!raw->pullToEnd()) {
                qWarning("%s: the last pull did not finish", qPrintable(raw->identity().name));
            }
            raw->releaseClient();
        }));
        threads.back()->start();
    }
    for (auto& thread : threads) {
        QVERIFY2(thread->wait(QDeadlineTimer(60000)), "a device's last pull did not finish");
    }
    QVERIFY2(server.stop(), "the server did not stop cleanly after the run");

    int changes = 0;
    for (const auto& device : devices) {
        changes += static_cast<int>(device->items().size());
    }
    qInfo("%s: %d devices, %d changes, %d pushes (%d failed, %d answered 5xx), %d pulls, %d kills, %d cuts, "
          "%d replays (%d changes), %d changes retried after no answer: %d then told duplicate (their reply "
          "was "
          "lost), %d then applied/quarantined; %d reconnects, %lld ms",
          scenario.name, static_cast<int>(devices.size()), changes, total.pushes, total.pushFailures,
          total.serverErrors, total.pulls, kills, total.cuts, total.replays, total.replayedChanges,
          lostReplies + retriedThenFirst, lostReplies, retriedThenFirst, total.reconnects,
          static_cast<long long>(elapsed.elapsed()));
    if (scenario.befriender.cut >= 1.0 && befrienders > 0) {
        QVERIFY2(total.cuts > 0, "no request was cut");
    }
    if (scenario.befriender.replay >= 1.0 && befrienders > 0) {
        QVERIFY2(total.replayedChanges > 0, "no batch was replayed");
    }

    verifyStore(server, world, devices);
    if (QTest::currentTestFailed()) {
        return;
    }
    verifyViews(world, devices, befrienders);
    qInfo("%s: the server holds %d applied and %d quarantined reports; every device agrees", scenario.name,
          static_cast<int>(m_appliedReports.size()), static_cast<int>(m_quarantinedReports.size()));
}

void SyncFaultsTest::verifyStore(TestServer& server, FaultWorld& world,
                                 const std::vector<std::unique_ptr<SimDevice>>& devices)
{
    using namespace fieldbook::server;
    const ServerFiles files = ServerFiles::forDatabase(server.dbPath().toStdString(), std::nullopt);
    auto store = openSqliteStore(files, std::make_shared<const KeyRing>(KeyRing::load(files.keyFile)));

    std::map<std::string, std::pair<std::string, QString>> written; // report id -> (change id, state told)
    std::vector<Change> edits = world.contestedCreates();
    QStringList problems;
    store->readTransaction([&] {
        for (const auto& device : devices) {
            for (const OutboxItem& item : device->items()) {
                if (item.told != item.expected) {
                    problems << QStringLiteral("%1: change %2 (%3) was told %4, its gates say %5")
                                    .arg(device->identity().name, str(item.change.id),
                                         str(item.change.recordType), item.told, item.expected);
                }
                const auto outcome = store->changeOutcome(item.change.id);
                if (!outcome) {
                    problems << QStringLiteral("%1: change %2 (told %3) is not in the change log")
                                    .arg(device->identity().name, str(item.change.id), item.told);
                } else if (str(outcome->status) != item.told) {
                    problems << QStringLiteral(
                                    "%1: change %2 is %3 in the change log, the device was told %4")
                                    .arg(device->identity().name, str(item.change.id), str(outcome->status),
                                         item.told);
                }
                if (item.change.recordType == "session_report") {
                    written[item.change.recordId] = {item.change.id, item.told};
                } else {
                    edits.push_back(item.change);
                }
            }
            // Nothing duplicated: one log entry per change the device wrote, however often it was sent.
            auto count = store->db().prepare("SELECT COUNT(*) FROM changes WHERE device_id = ?");
            count.bind(1, device->identity().deviceId.toStdString());
            count.step();
            if (count.integer(0) != static_cast<std::int64_t>(device->items().size())) {
                problems << QStringLiteral("%1 wrote %2 changes; the change log holds %3 from it")
                                .arg(device->identity().name)
                                .arg(device->items().size())
                                .arg(count.integer(0));
            }
        }

        m_appliedReports.clear();
        m_quarantinedReports.clear();
        for (const StoredRecord& stored : store->recordsOfType("session_report")) {
            const auto found = written.find(stored.record.id);
            const QString state = str(std::string(recordStateName(stored.state)));
            if (found == written.end()) {
                problems << QStringLiteral("report %1 is stored (%2) but no device wrote it")
                                .arg(str(stored.record.id), state);
                continue;
            }
            if (state != found->second.second || stored.changeId != found->second.first) {
                problems << QStringLiteral(
                                "report %1 is %2 from change %3; its device was told %4 for change %5")
                                .arg(str(stored.record.id), state, str(stored.changeId), found->second.second,
                                     str(found->second.first));
            }
            (stored.state == RecordState::Quarantined ? m_quarantinedReports : m_appliedReports)
                .insert(stored.record.id);
        }
        if (m_appliedReports.size() + m_quarantinedReports.size() != written.size()) {
            problems << QStringLiteral("%1 reports written, %2 stored")
                            .arg(written.size())
                            .arg(m_appliedReports.size() + m_quarantinedReports.size());
        }

        // One alert per quarantined report for each recipient: P and the officer.
        std::map<std::string, std::multiset<std::string>> alerts;
        for (const StoredRecord& alert : store->recordsOfType("alert")) {
            alerts[alert.record.text("record_id")].insert(alert.record.text("recipient"));
        }
        const std::multiset<std::string> recipients{world.practitionerId().toStdString(),
                                                    world.officerId().toStdString()};
        for (const auto& [record, to] : alerts) {
            if (m_quarantinedReports.count(record) == 0) {
                problems << QStringLiteral("an alert about %1, which is not a quarantined report")
                                .arg(str(record));
            } else if (to != recipients) {
                problems << QStringLiteral(
                                "report %1 raised %2 alerts, expected one for P and one for the officer")
                                .arg(str(record))
                                .arg(to.size());
            }
        }
        if (alerts.size() != m_quarantinedReports.size()) {
            problems << QStringLiteral("%1 quarantined reports, alerts about %2")
                            .arg(m_quarantinedReports.size())
                            .arg(alerts.size());
        }

        // The contested records: the merge of every edit, in whatever order the server saw them.
        MergeState expectedCase;
        MergeState expectedPerson;
        for (const Change& edit : edits) {
            mergeChange(edit.recordType == "case" ? expectedCase : expectedPerson, edit);
        }
        const auto storedCase = store->storedRecord("case", world.contestedCase());
        const auto storedPerson = store->storedRecord("person", world.contestedPerson());
        if (!storedCase || !storedPerson) {
            problems << QStringLiteral("the contested case or person is missing");
            return;
        }
        m_storedCase = storedCase->record.fields;
        m_storedPerson = storedPerson->record.fields;
        if (m_storedCase != expectedCase.fields) {
            problems << QStringLiteral("case K is %1, the merge of its %2 edits is %3")
                            .arg(json(m_storedCase))
                            .arg(edits.size())
                            .arg(json(expectedCase.fields));
        }
        if (m_storedPerson != expectedPerson.fields) {
            problems << QStringLiteral("person X is %1, the merge of the edits is %2")
                            .arg(json(m_storedPerson), json(expectedPerson.fields));
        }
    });
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(QLatin1Char('\n'))));
}

void SyncFaultsTest::verifyViews(FaultWorld& world, const std::vector<std::unique_ptr<SimDevice>>& devices,
                                 std::size_t befrienders)
{
    QStringList problems;
    auto reportsIn = [](const SimDevice& device) {
        std::set<std::string> out;
        for (const auto& [key, fields] : device.view()) {
            if (key.first == "session_report") {
                out.insert(key.second);
            }
        }
        return out;
    };
    for (std::size_t i = 0; i < devices.size(); ++i) {
        const SimDevice& device = *devices[i];
        if (i < befrienders) {
            // A befriender holds their applied reports (the quarantined ones stay only on the phone).
            std::set<std::string> applied;
            for (const OutboxItem& item : device.items()) {
                if (item.told == QLatin1String("applied")) {
                    applied.insert(item.change.recordId);
                }
            }
            if (reportsIn(device) != applied) {
                problems << QStringLiteral("%1 holds %2 reports after its last pull, %3 were applied")
                                .arg(device.identity().name)
                                .arg(reportsIn(device).size())
                                .arg(applied.size());
            }
            continue;
        }
        // P's devices: the contested records as stored, every applied report, one alert per quarantined one.
        const auto theCase = device.view().find({"case", world.contestedCase()});
        const auto person = device.view().find({"person", world.contestedPerson()});
        if (theCase == device.view().end() || theCase->second != m_storedCase) {
            problems << QStringLiteral("%1 holds case K as %2, the server %3")
                            .arg(device.identity().name,
                                 theCase == device.view().end() ? QStringLiteral("nothing")
                                                                : json(theCase->second),
                                 json(m_storedCase));
        }
        if (person == device.view().end() || person->second != m_storedPerson) {
            problems << QStringLiteral("%1 holds person X as %2, the server %3")
                            .arg(device.identity().name,
                                 person == device.view().end() ? QStringLiteral("nothing")
                                                               : json(person->second),
                                 json(m_storedPerson));
        }
        if (reportsIn(device) != m_appliedReports) {
            problems << QStringLiteral("%1 holds %2 reports, the server applied %3")
                            .arg(device.identity().name)
                            .arg(reportsIn(device).size())
                            .arg(m_appliedReports.size());
        }
        int alerts = 0;
        for (const auto& [key, fields] : device.view()) {
            alerts += key.first == "alert" ? 1 : 0;
        }
        if (alerts != static_cast<int>(m_quarantinedReports.size())) {
            problems << QStringLiteral("%1 holds %2 alerts, %3 reports were quarantined")
                            .arg(device.identity().name)
                            .arg(alerts)
                            .arg(m_quarantinedReports.size());
        }
    }
    // Every one of P's devices holds the same view of everything it holds.
    for (std::size_t i = befrienders + 1; i < devices.size(); ++i) {
        if (devices[i]->view() != devices[befrienders]->view()) {
            problems << QStringLiteral("%1 and %2 hold different views (%3 and %4 records)")
                            .arg(devices[befrienders]->identity().name, devices[i]->identity().name)
                            .arg(devices[befrienders]->view().size())
                            .arg(devices[i]->view().size());
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(SyncFaultsTest)
#include "syncfaultstest.moc"
