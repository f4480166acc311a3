#include "fieldbookbench.h"

#include "httpdevice.h"
#include "procstats.h"
#include "sync/changecodec.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrl>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdio>
#include <memory>
#include <set>
#include <stdexcept>

namespace fieldbook::bench {

namespace {

using testsupport::TestServer;

constexpr int kIncrementalRepeats = 19; // with the first: 20 timings of the incremental pull
constexpr int kManyDevices = 200;

struct Device
{
    QString userId;
    QString deviceId;
    std::unique_ptr<HttpDevice> http;
    std::unique_ptr<HybridClock> clock;
};

void progress(const char* text)
{
    std::fprintf(stderr, "[fieldbook] %s\n", text);
    std::fflush(stderr);
}

// Enrolled through `server`; its calls go to `via` (another process on the same database).
Device enrol(TestServer& server, const QString& userId, const QString& name, TestServer* via = nullptr)
{
    const QString code = server.enrolCode(userId);
    if (code.isEmpty()) {
        throw std::runtime_error("admin enrol-code failed");
    }
    QByteArray key(32, Qt::Uninitialized);
    for (auto& byte : key) {
        byte = static_cast<char>(QRandomGenerator::global()->bounded(256));
    }
    const auto enrolled = server.client().post(
        QStringLiteral("/v1/enrol"),
        QJsonObject{{QStringLiteral("code"), code},
                    {QStringLiteral("device_name"), name},
                    {QStringLiteral("public_key"), QString::fromLatin1(key.toBase64())}});
    if (enrolled.status != 201) {
        throw std::runtime_error("enrol answered " + std::to_string(enrolled.status) + ": " +
                                 enrolled.body.toStdString());
    }
    Device device;
    device.userId = enrolled.object().value(QStringLiteral("user_id")).toString();
    device.deviceId = enrolled.object().value(QStringLiteral("device_id")).toString();
    const auto token = server.client().post(
        QStringLiteral("/v1/token"),
        QJsonObject{{QStringLiteral("device_id"), device.deviceId},
                    {QStringLiteral("refresh_token"),
                     enrolled.object().value(QStringLiteral("refresh_token")).toString()}});
    if (token.status != 200) {
        throw std::runtime_error("token answered " + std::to_string(token.status) + ": " +
                                 token.body.toStdString());
    }
    TestServer& target = via != nullptr ? *via : server;
    device.http = std::make_unique<HttpDevice>(target.url(), target.fingerprint());
    device.http->setBearer(token.object().value(QStringLiteral("access_token")).toString());
    device.clock = std::make_unique<HybridClock>(device.deviceId.toStdString());
    return device;
}

QString addUser(TestServer& server, const QString& name, const QString& role)
{
    const QString id = server.addUser(name, {role}, QStringLiteral("north"));
    if (id.isEmpty()) {
        throw std::runtime_error("admin add-user failed for " + name.toStdString());
    }
    return id;
}

// Push bodies of at most `batch` changes each.
std::vector<HttpRequest> pushRequests(const std::vector<Placed>& changes, std::size_t batch)
{
    std::vector<HttpRequest> out;
    for (std::size_t start = 0; start < changes.size(); start += batch) {
        boost::json::array items;
        for (std::size_t i = start; i < std::min(changes.size(), start + batch); ++i) {
            items.push_back(encodeChange(changes[i].change));
        }
        const std::string body = boost::json::serialize(boost::json::object{{"changes", std::move(items)}});
        out.push_back(HttpRequest{"POST", QStringLiteral("/v1/sync/push"), QByteArray::fromStdString(body)});
    }
    return out;
}

// Tallies the statuses of every answered push; a push that was not answered 200 is a failure.
std::map<QString, int> tally(const std::vector<Lane>& lanes, QString* firstOddity)
{
    std::map<QString, int> counts;
    for (const Lane& lane : lanes) {
        for (const HttpResult& result : lane.results) {
            if (result.status != 200) {
                throw std::runtime_error("push answered " + std::to_string(result.status) + " " +
                                         result.error.toStdString() + ": " +
                                         result.body.left(300).toStdString());
            }
            const auto json = boost::json::parse(
                std::string_view(result.body.constData(), static_cast<std::size_t>(result.body.size())));
            for (const auto& item : json.as_object().at("results").as_array()) {
                const auto& object = item.as_object();
                const QString status = QString::fromStdString(std::string(object.at("status").as_string()));
                ++counts[status];
                if (firstOddity != nullptr && firstOddity->isEmpty() && status != QLatin1String("applied")) {
                    *firstOddity = QString::fromStdString(boost::json::serialize(object));
                }
            }
        }
    }
    return counts;
}

int absorb(Figures& figures, const std::vector<Lane>& lanes)
{
    int retried = 0;
    for (const Lane& lane : lanes) {
        retried += lane.retried;
        if (figures.retryExample.isEmpty() && !lane.failures.empty()) {
            figures.retryExample = lane.failures.front();
        }
    }
    figures.retried += retried;
    return retried;
}

void requireAllApplied(const std::vector<Lane>& lanes, const char* what)
{
    QString oddity;
    const auto counts = tally(lanes, &oddity);
    if (!oddity.isEmpty()) {
        throw std::runtime_error(std::string(what) + ": not every change was applied, e.g. " +
                                 oddity.toStdString());
    }
    (void)counts;
}

struct PullRun
{
    int count = 0;
    int pages = 0;
    double ms = 0;
    QString cursor;
    std::set<std::string> records; // "type/id"
};

PullRun pullAll(HttpDevice& device, const QString& from)
{
    PullRun run;
    run.cursor = from;
    for (int page = 0; page < 100000; ++page) {
        QString path = QStringLiteral("/v1/sync/pull?limit=1000");
        if (!run.cursor.isEmpty()) {
            path += QStringLiteral("&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(run.cursor));
        }
        const HttpResult result = device.call(HttpRequest{"GET", path, {}});
        run.ms += result.milliseconds;
        if (result.status != 200) {
            throw std::runtime_error("pull answered " + std::to_string(result.status) + ": " +
                                     result.body.left(300).toStdString());
        }
        const auto json = boost::json::parse(
            std::string_view(result.body.constData(), static_cast<std::size_t>(result.body.size())));
        const auto& object = json.as_object();
        for (const auto& item : object.at("changes").as_array()) {
            const auto& change = item.as_object();
            run.records.insert(std::string(change.at("record_type").as_string()) + "/" +
                               std::string(change.at("record_id").as_string()));
            ++run.count;
        }
        ++run.pages;
        run.cursor = QString::fromStdString(std::string(object.at("cursor").as_string()));
        if (!object.at("more").as_bool()) {
            break;
        }
    }
    return run;
}

} // namespace

Figures FieldbookBench::run(Durability durability)
{
    testsupport::TestServer* current = nullptr;
    try {
        return runOn(current, durability);
    } catch (const std::exception& error) {
        std::string message = error.what();
        if (current != nullptr) {
            for (const QString& entry : current->log().split(QLatin1Char('\n'))) {
                if (!entry.contains(QLatin1String("\"level\":\"info\""))) {
                    message += "\n  server: " + entry.left(400).toStdString();
                }
            }
        }
        throw std::runtime_error(message);
    }
}

Figures FieldbookBench::runOn(testsupport::TestServer*& current, Durability durability)
{
    const bool full = durability == Durability::Full || m_pgProcesses > 0;
    Figures figures;
    figures.target = QStringLiteral("fieldbook-server");
    figures.transport = QStringLiteral("HTTPS, certificate pinned");
    figures.durability =
        full ? QStringLiteral("SQLite WAL, synchronous=FULL: fsync at every commit, one transaction per push")
             : QStringLiteral("SQLite WAL, synchronous=NORMAL: fsync only at checkpoints");

    // On PostgreSQL the fixture creates the database (FIELDBOOK_TEST_ENGINE=postgres while it does).
    const QByteArray engine = qgetenv("FIELDBOOK_TEST_ENGINE");
    if (m_pgProcesses > 0) {
        if (qEnvironmentVariableIsEmpty("FIELDBOOK_TEST_PG")) {
            throw std::runtime_error("FIELDBOOK_TEST_PG is not set: no PostgreSQL cluster to run on");
        }
        qputenv("FIELDBOOK_TEST_ENGINE", "postgres");
    }
    std::vector<std::unique_ptr<TestServer>> servers;
    // Every device of the benchmark comes from 127.0.0.1: room for the 200 at once.
    QStringList serverArgs{QStringLiteral("--max-connections-per-address"), QStringLiteral("1000")};
    if (!full) {
        serverArgs << QStringLiteral("--synchronous-normal");
    }
    servers.push_back(std::make_unique<TestServer>(serverArgs));
    for (int i = 1; i < m_pgProcesses; ++i) {
        servers.push_back(std::make_unique<TestServer>(serverArgs));
        servers.back()->shareDatabaseOf(*servers.front());
    }
    if (m_pgProcesses > 0) {
        qputenv("FIELDBOOK_TEST_ENGINE", engine);
    }
    TestServer& server = *servers.front();
    current = &server;
    struct Forget
    {
        testsupport::TestServer*& pointer;
        ~Forget() { pointer = nullptr; }
    } forget{current};
    for (auto& each : servers) {
        if (!each->start()) {
            throw std::runtime_error("fieldbook-server did not start: " + each->errorString().toStdString());
        }
    }
    // Device i talks to process i mod N.
    auto via = [&](int i) { return servers[static_cast<std::size_t>(i) % servers.size()].get(); };
    if (m_pgProcesses > 0) {
        const QStringList settings = server.pgQuery(
            "SELECT current_setting('server_version') || ', fsync=' || current_setting('fsync') || "
            "', synchronous_commit=' || current_setting('synchronous_commit')");
        figures.target = QStringLiteral("fieldbook-server x%1 on PostgreSQL").arg(m_pgProcesses);
        figures.durability = QStringLiteral("PostgreSQL %1, one transaction per push")
                                 .arg(settings.isEmpty() ? QStringLiteral("?") : settings.front());
    }
    const std::int64_t pid = findProcess({QStringLiteral("serve"), server.dbPath()});

    progress("creating users and enrolling devices");
    std::vector<std::string> practitionerIds;
    std::vector<std::string> befrienderIds;
    std::vector<Device> practitioners;
    std::vector<Device> befrienders;
    for (int p = 0; p < BenchData::kPractitioners; ++p) {
        const QString id =
            addUser(server, QStringLiteral("Practitioner %1").arg(p), QStringLiteral("practitioner"));
        practitionerIds.push_back(id.toStdString());
        practitioners.push_back(enrol(server, id, QStringLiteral("office laptop"), via(p)));
    }
    const QString coordinatorId =
        addUser(server, QStringLiteral("Coordinator"), QStringLiteral("coordinator"));
    Device coordinator = enrol(server, coordinatorId, QStringLiteral("office laptop"));
    addUser(server, QStringLiteral("Safeguarding officer"), QStringLiteral("safeguarding_officer"));
    for (int b = 0; b < BenchData::kBefrienders; ++b) {
        const QString id =
            addUser(server, QStringLiteral("Befriender %1").arg(b), QStringLiteral("befriender"));
        befrienderIds.push_back(id.toStdString());
        befrienders.push_back(enrol(server, id, QStringLiteral("phone"), via(b)));
    }
    m_data.setUsers(practitionerIds, coordinatorId.toStdString(), befrienderIds);

    progress(full ? "seeding 5,000 cases and 50,000 records through the API"
                  : "seeding again, for a server with synchronous=NORMAL");
    {
        std::vector<Lane> lanes;
        for (int p = 0; p < BenchData::kPractitioners; ++p) {
            Device& device = practitioners[static_cast<std::size_t>(p)];
            lanes.push_back(makeLane(device.http.get(), pushRequests(m_data.seedChanges(p, *device.clock),
                                                                     BenchData::kSeedBatch)));
        }
        figures.seedMs = runLanes(lanes);
        absorb(figures, lanes);
        requireAllApplied(lanes, "seeding");
        figures.seedRecords = BenchData::kSeedRecords;
    }
    {
        std::vector<Lane> lanes;
        lanes.push_back(
            makeLane(coordinator.http.get(), pushRequests(m_data.matchChanges(*coordinator.clock), 500)));
        runLanes(lanes);
        absorb(figures, lanes);
        requireAllApplied(lanes, "vetting and matches");
    }
    {
        std::vector<Lane> lanes;
        for (int p = 0; p < BenchData::kPractitioners; ++p) {
            Device& device = practitioners[static_cast<std::size_t>(p)];
            auto changes = m_data.withdrawalChanges(p, *device.clock);
            if (!changes.empty()) {
                lanes.push_back(makeLane(device.http.get(), pushRequests(changes, 500)));
            }
        }
        runLanes(lanes);
        absorb(figures, lanes);
        requireAllApplied(lanes, "consent withdrawals");
    }

    progress(full ? "push: 20 devices x 500 session reports" : "push again, with synchronous=NORMAL");
    {
        std::vector<Lane> lanes;
        m_pushed.clear();
        for (int b = 0; b < BenchData::kBefrienders; ++b) {
            Device& device = befrienders[static_cast<std::size_t>(b)];
            const auto changes = m_data.pushChanges(b, *device.clock);
            for (const Placed& placed : changes) {
                m_pushed.push_back(placed.change);
            }
            lanes.push_back(makeLane(device.http.get(), pushRequests(changes, BenchData::kPushBatch)));
        }
        figures.devices = BenchData::kBefrienders;
        figures.batchSize = BenchData::kPushBatch;
        figures.pushChanges = BenchData::kPushChanges;
        figures.pushMs = runLanes(lanes);
        figures.pushRetried = absorb(figures, lanes);
        for (const Lane& lane : lanes) {
            for (const HttpResult& result : lane.results) {
                figures.batchMs.push_back(result.milliseconds);
            }
        }
        figures.pushOutcomes = tally(lanes, nullptr);
        if (figures.pushOutcomes[QStringLiteral("applied")] !=
                BenchData::kPushChanges - BenchData::kPushFailing ||
            figures.pushOutcomes[QStringLiteral("quarantined")] != BenchData::kPushFailing) {
            figures.problems << QStringLiteral("push: expected %1 applied and %2 quarantined")
                                    .arg(BenchData::kPushChanges - BenchData::kPushFailing)
                                    .arg(BenchData::kPushFailing);
        }
    }

    if (!full) {
        // This run measures the push alone (the pulls do not write).
        figures.peakKiB = pid > 0 ? peakMemoryKiB(pid) : -1;
        server.stop();
        figures.ran = true;
        return figures;
    }

    progress("cold first sync of P's caseload to a new device");
    Device phone =
        enrol(server, QString::fromStdString(practitionerIds.front()), QStringLiteral("new phone"));
    const PullRun cold = pullAll(*phone.http, {});
    figures.coldCount = cold.count;
    figures.coldPages = cold.pages;
    figures.coldMs = cold.ms;
    figures.coldExpected = BenchData::kCasesPerPractitioner * BenchData::kRecordsPerCase;
    if (cold.count != figures.coldExpected) {
        figures.problems
            << QStringLiteral("cold sync: %1 changes, expected %2").arg(cold.count).arg(figures.coldExpected);
    }

    progress("1,000 new changes, then the incremental pull");
    std::set<std::string> expected;
    {
        std::vector<Lane> lanes;
        const auto own = m_data.incrementalOwn(*practitioners.front().clock);
        for (const Placed& placed : own) {
            expected.insert(placed.change.recordType + "/" + placed.change.recordId);
        }
        lanes.push_back(makeLane(practitioners.front().http.get(), pushRequests(own, BenchData::kPushBatch)));
        for (int b = 0; b < BenchData::kBefrienders; ++b) {
            Device& device = befrienders[static_cast<std::size_t>(b)];
            lanes.push_back(
                makeLane(device.http.get(), pushRequests(m_data.incrementalBefriender(b, *device.clock),
                                                         BenchData::kPushBatch)));
        }
        lanes.push_back(makeLane(
            practitioners[2].http.get(),
            pushRequests(m_data.incrementalPersons(*practitioners[2].clock), BenchData::kPushBatch)));
        runLanes(lanes);
        absorb(figures, lanes);
        requireAllApplied(lanes, "the 1,000 new changes");
    }
    const PullRun incremental = pullAll(*phone.http, cold.cursor);
    figures.incrementalCount = incremental.count;
    figures.incrementalMs = incremental.ms;
    figures.incrementalExpected = BenchData::kIncrementalInCaseload;
    if (incremental.count != figures.incrementalExpected || incremental.records != expected) {
        figures.problems << QStringLiteral(
                                "incremental pull: %1 changes, expected exactly the %2 in the caseload")
                                .arg(incremental.count)
                                .arg(figures.incrementalExpected);
    }

    // The same pull again, for its spread: it reads the same 200 changes each time.
    for (int run = 0; run < kIncrementalRepeats; ++run) {
        const PullRun again = pullAll(*phone.http, cold.cursor);
        if (again.count != figures.incrementalExpected) {
            figures.problems << QStringLiteral("incremental pull, run %1: %2 changes").arg(run).arg(again.count);
        }
        figures.incrementalRuns.push_back(again.ms);
    }
    figures.incrementalRuns.push_back(incremental.ms);

    figures.peakBeforeManyKiB = pid > 0 ? peakMemoryKiB(pid) : -1;
    progress("200 devices at once, each pulling a first page of 100 from scratch");
    {
        std::vector<Device> many;
        for (int i = 0; i < kManyDevices; ++i) {
            const auto& user = practitionerIds[static_cast<std::size_t>(i % BenchData::kPractitioners)];
            many.push_back(enrol(server, QString::fromStdString(user), QStringLiteral("phone %1").arg(i), via(i)));
        }
        std::vector<Lane> lanes;
        for (Device& device : many) {
            lanes.push_back(makeLane(device.http.get(), {HttpRequest{"GET", QStringLiteral("/v1/sync/pull?limit=100"), {}}}));
            // More than the server takes in at once (it answers 503 busy beyond that): ask again.
            lanes.back().maxRetries = 200;
        }
        figures.manyMs = runLanes(lanes);
        absorb(figures, lanes);
        figures.manyDevices = kManyDevices;
        for (const Lane& lane : lanes) {
            for (const HttpResult& result : lane.results) {
                if (result.status != 200) {
                    figures.problems << QStringLiteral("200 devices: a pull answered %1").arg(result.status);
                    continue;
                }
                const auto json = boost::json::parse(
                    std::string_view(result.body.constData(), static_cast<std::size_t>(result.body.size())));
                figures.manyPulled += static_cast<int>(json.as_object().at("changes").as_array().size());
            }
        }
    }

    figures.peakKiB = pid > 0 ? peakMemoryKiB(pid) : -1;
    if (m_pgProcesses > 0) {
        const QStringList size = server.pgQuery("SELECT pg_database_size(current_database())");
        figures.diskBytes = size.isEmpty() ? 0 : size.front().toLongLong();
    }
    for (auto& each : servers) {
        if (!each->stop()) {
            figures.problems << QStringLiteral("the server did not stop cleanly on SIGTERM");
        }
        for (const QString& entry : each->log().split(QLatin1Char('\n'))) {
            if (!entry.trimmed().isEmpty() && !entry.contains(QLatin1String("\"level\":\"info\""))) {
                figures.serverErrors << entry.left(300);
            }
        }
    }
    // Alerts: one per quarantined record for the case's practitioner and one for the officer.
    figures.storedRecords = BenchData::kSeedRecords + BenchData::kMatchRecords + BenchData::kBefrienders +
                            BenchData::kPushChanges + 2 * BenchData::kPushFailing +
                            BenchData::kIncrementalNewRecords;
    const QFileInfo db(server.dbPath());
    // FIELDBOOK_BENCH_KEEP_DB=PATH keeps a copy of the database for a look at its layout
    // (sqlite3 PATH "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").
    if (const QString keep = qEnvironmentVariable("FIELDBOOK_BENCH_KEEP_DB"); !keep.isEmpty() && m_pgProcesses == 0) {
        QFile::remove(keep);
        QFile::copy(db.absoluteFilePath(), keep);
    }
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (m_pgProcesses == 0) {
            figures.diskBytes += diskBytes(db.absoluteFilePath() + suffix);
        }
    }
    figures.ran = true;
    return figures;
}

} // namespace fieldbook::bench
