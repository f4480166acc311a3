#include "pouchbench.h"

#include "httpdevice.h"
#include "procstats.h"

#include <QDir>
#include <QFile>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>

namespace fieldbook::bench {

namespace {

const QString kDatabase = QStringLiteral("/fieldbook");

void progress(const char* text)
{
    std::fprintf(stderr, "[pouchdb] %s\n", text);
    std::fflush(stderr);
}

boost::json::value parse(const QByteArray& body)
{
    return boost::json::parse(std::string_view(body.constData(), static_cast<std::size_t>(body.size())));
}

QByteArray toBody(const boost::json::value& value)
{
    return QByteArray::fromStdString(boost::json::serialize(value));
}

QString password(const std::string& user)
{
    return QStringLiteral("bench-") + QString::fromStdString(user);
}

// The documents the peer keeps, so that an update can carry the whole document and its _rev.
class DocumentKeeper
{
public:
    boost::json::object document(const Placed& placed, const std::string& author)
    {
        const Change& change = placed.change;
        auto known = m_documents.find(change.recordId);
        if (known != m_documents.end()) {
            boost::json::object doc = known->second;
            auto& fields = doc["fields"].as_object();
            for (const auto& [name, value] : change.fields) {
                fields[name] = value;
            }
            doc["author"] = author;
            doc["change_id"] = change.id;
            doc["hlc"] = change.hlc;
            doc["_rev"] = m_revisions.at(change.recordId);
            return doc;
        }
        return boost::json::object{{"_id", change.recordId},
                                   {"type", change.recordType},
                                   {"case_id", placed.caseId},
                                   {"author", author},
                                   {"change_id", change.id},
                                   {"hlc", change.hlc},
                                   {"form_version", change.formVersion},
                                   {"fields", change.fields}};
    }

    // Keeps mutable records (the ones later updated) and every revision answered.
    void remember(const boost::json::object& doc)
    {
        const std::string type(doc.at("type").as_string());
        if (type == "case" || type == "person") {
            boost::json::object kept = doc;
            kept.erase("_rev");
            m_documents[std::string(doc.at("_id").as_string())] = std::move(kept);
        }
    }
    void revision(const std::string& id, const std::string& rev) { m_revisions[id] = rev; }

private:
    std::map<std::string, boost::json::object> m_documents;
    std::map<std::string, std::string> m_revisions;
};

struct BulkPlan
{
    std::vector<HttpRequest> requests;
    std::vector<std::vector<boost::json::object>> docs; // per request
};

BulkPlan bulkRequests(DocumentKeeper& keeper, const std::vector<Placed>& changes, const std::string& author,
                      std::size_t batch)
{
    BulkPlan plan;
    for (std::size_t start = 0; start < changes.size(); start += batch) {
        boost::json::array docs;
        std::vector<boost::json::object> kept;
        for (std::size_t i = start; i < std::min(changes.size(), start + batch); ++i) {
            boost::json::object doc = keeper.document(changes[i], author);
            kept.push_back(doc);
            docs.push_back(std::move(doc));
        }
        plan.requests.push_back(HttpRequest{"POST", kDatabase + QStringLiteral("/_bulk_docs"),
                                            toBody(boost::json::object{{"docs", std::move(docs)}})});
        plan.docs.push_back(std::move(kept));
    }
    return plan;
}

// Counts "ok" and each error of _bulk_docs answers, and records the new revisions.
std::map<QString, int> tallyBulk(DocumentKeeper& keeper, const std::vector<Lane>& lanes,
                                 const std::vector<BulkPlan>& plans)
{
    std::map<QString, int> counts;
    for (std::size_t l = 0; l < lanes.size(); ++l) {
        for (std::size_t r = 0; r < lanes[l].results.size(); ++r) {
            const HttpResult& result = lanes[l].results[r];
            if (result.status != 201 && result.status != 200) {
                throw std::runtime_error("_bulk_docs answered " + std::to_string(result.status) + " " +
                                         result.error.toStdString() + ": " +
                                         result.body.left(300).toStdString());
            }
            std::set<std::string> stored;
            const boost::json::value answer = parse(result.body);
            for (const auto& item : answer.as_array()) {
                const auto& object = item.as_object();
                if (object.contains("ok") && object.contains("rev")) {
                    ++counts[QStringLiteral("ok")];
                    const std::string id(object.at("id").as_string());
                    keeper.revision(id, std::string(object.at("rev").as_string()));
                    stored.insert(id);
                } else {
                    ++counts[QString::fromStdString(std::string(object.at("error").as_string()))];
                }
            }
            for (const auto& doc : plans[l].docs[r]) {
                if (stored.count(std::string(doc.at("_id").as_string())) > 0) {
                    keeper.remember(doc);
                }
            }
        }
    }
    return counts;
}

struct PullRun
{
    int count = 0;
    int pages = 0;
    double ms = 0;
    std::string since = "0";
    std::set<std::string> ids;
};

PullRun pullChanges(HttpDevice& device, const QString& cases, const std::string& since)
{
    PullRun run;
    run.since = since;
    constexpr int kLimit = 1000;
    for (int page = 0; page < 100000; ++page) {
        const QString path =
            kDatabase +
            QStringLiteral("/_changes?filter=fieldbook/caseload&include_docs=true&limit=%1&since=%2&cases=%3")
                .arg(kLimit)
                .arg(QString::fromStdString(run.since), cases);
        const HttpResult result = device.call(HttpRequest{"GET", path, {}});
        run.ms += result.milliseconds;
        if (result.status != 200) {
            throw std::runtime_error("_changes answered " + std::to_string(result.status) + ": " +
                                     result.body.left(300).toStdString());
        }
        const auto json = parse(result.body);
        const auto& results = json.as_object().at("results").as_array();
        for (const auto& item : results) {
            run.ids.insert(std::string(item.as_object().at("id").as_string()));
            ++run.count;
        }
        ++run.pages;
        const auto& last = json.as_object().at("last_seq");
        run.since =
            last.is_string() ? std::string(last.as_string()) : std::to_string(last.to_number<std::int64_t>());
        if (results.size() < static_cast<std::size_t>(kLimit)) {
            break;
        }
    }
    return run;
}

void requireStatus(const HttpResult& result, std::initializer_list<int> statuses, const char* what)
{
    for (int status : statuses) {
        if (result.status == status) {
            return;
        }
    }
    throw std::runtime_error(std::string(what) + " answered " + std::to_string(result.status) + " " +
                             result.error.toStdString() + ": " + result.body.left(300).toStdString());
}

} // namespace

PouchBench::PouchBench(BenchData& data, QUrl url, QString designDocument, QString dataDir, std::int64_t pid)
    : m_data(data)
    , m_url(std::move(url))
    , m_designDocument(std::move(designDocument))
    , m_dataDir(std::move(dataDir))
    , m_pid(pid)
{
}

Figures PouchBench::run()
{
    Figures figures;
    figures.target = QStringLiteral("pouchdb-server");
    figures.transport = QStringLiteral("plain HTTP");
    figures.durability =
        QStringLiteral("LevelDB (leveldown, sync=false): written to the OS at every batch, no fsync");

    HttpDevice admin(m_url, {}); // admin party: no admin users configured on the peer
    admin.call(HttpRequest{"DELETE", kDatabase, {}});
    requireStatus(admin.call(HttpRequest{"PUT", kDatabase, {}}), {201}, "creating the database");
    QFile design(m_designDocument);
    if (!design.open(QIODevice::ReadOnly)) {
        throw std::runtime_error("cannot read the design document " + m_designDocument.toStdString());
    }
    requireStatus(
        admin.call(HttpRequest{"PUT", kDatabase + QStringLiteral("/_design/fieldbook"), design.readAll()}),
        {201}, "storing the design document");

    progress("creating users");
    auto addUser = [&](const std::string& name, const std::vector<int>& cases) {
        boost::json::array roles;
        for (int index : cases) {
            roles.emplace_back("case:" + m_data.caseAt(index).id);
        }
        const boost::json::object user{{"_id", "org.couchdb.user:" + name},
                                       {"name", name},
                                       {"password", password(name).toStdString()},
                                       {"roles", std::move(roles)},
                                       {"type", "user"}};
        requireStatus(admin.call(HttpRequest{
                          "PUT", QStringLiteral("/_users/org.couchdb.user:") + QString::fromStdString(name),
                          toBody(user)}),
                      {201, 202}, "creating a user");
    };
    for (int p = 0; p < BenchData::kPractitioners; ++p) {
        std::vector<int> cases;
        for (int i = BenchData::firstCaseOf(p); i < BenchData::firstCaseOf(p + 1); ++i) {
            cases.push_back(i);
        }
        addUser(m_data.practitioners()[static_cast<std::size_t>(p)], cases);
    }
    for (int b = 0; b < BenchData::kBefrienders; ++b) {
        std::vector<int> cases;
        for (int j = 0; j < BenchData::kMatchesPerBefriender - 1;
             ++j) { // not the case whose consent was withdrawn
            cases.push_back(BenchData::matchedCase(b, j));
        }
        addUser(m_data.befrienders()[static_cast<std::size_t>(b)], cases);
    }

    auto device = [&](const std::string& user) {
        auto http = std::make_unique<HttpDevice>(m_url, QString());
        http->setBasic(QString::fromStdString(user), password(user));
        return http;
    };
    // A clock per device, as on the fieldbook side (the peer stores the stamp as a field).
    auto clock = [](const std::string& user) { return std::make_unique<HybridClock>(user); };

    DocumentKeeper keeper;
    std::vector<std::unique_ptr<HttpDevice>> practitioners;
    std::vector<std::unique_ptr<HybridClock>> practitionerClocks;
    for (const auto& id : m_data.practitioners()) {
        practitioners.push_back(device(id));
        practitionerClocks.push_back(clock(id));
    }
    std::vector<std::unique_ptr<HttpDevice>> befrienders;
    std::vector<std::unique_ptr<HybridClock>> befrienderClocks;
    for (const auto& id : m_data.befrienders()) {
        befrienders.push_back(device(id));
        befrienderClocks.push_back(clock(id));
    }

    progress("seeding 5,000 cases and 50,000 records through the API");
    {
        std::vector<Lane> lanes;
        std::vector<BulkPlan> plans;
        for (int p = 0; p < BenchData::kPractitioners; ++p) {
            const auto& author = m_data.practitioners()[static_cast<std::size_t>(p)];
            plans.push_back(
                bulkRequests(keeper, m_data.seedChanges(p, *practitionerClocks[static_cast<std::size_t>(p)]),
                             author, BenchData::kSeedBatch));
            lanes.push_back(
                makeLane(practitioners[static_cast<std::size_t>(p)].get(), plans.back().requests));
        }
        figures.seedMs = runLanes(lanes);
        const auto counts = tallyBulk(keeper, lanes, plans);
        if (counts.size() != 1 || counts.begin()->second != BenchData::kSeedRecords) {
            throw std::runtime_error("seeding the peer: not every document was stored");
        }
        figures.seedRecords = BenchData::kSeedRecords;
    }
    {
        // Vetting, matches and withdrawals as the administrator (the peer has no rule for them).
        auto coordinatorClock = clock(m_data.coordinator());
        std::vector<Placed> changes = m_data.matchChanges(*coordinatorClock);
        for (int p = 0; p < BenchData::kPractitioners; ++p) {
            for (auto& placed :
                 m_data.withdrawalChanges(p, *practitionerClocks[static_cast<std::size_t>(p)])) {
                changes.push_back(std::move(placed));
            }
        }
        std::vector<BulkPlan> plans{bulkRequests(keeper, changes, m_data.coordinator(), 500)};
        std::vector<Lane> lanes{makeLane(&admin, plans.front().requests)};
        runLanes(lanes);
        const auto counts = tallyBulk(keeper, lanes, plans);
        if (counts.size() != 1 || counts.begin()->second != static_cast<int>(changes.size())) {
            throw std::runtime_error("matches on the peer: not every document was stored");
        }
    }

    progress("push: 20 devices x 500 session reports");
    {
        std::vector<Lane> lanes;
        std::vector<BulkPlan> plans;
        for (int b = 0; b < BenchData::kBefrienders; ++b) {
            const auto& author = m_data.befrienders()[static_cast<std::size_t>(b)];
            plans.push_back(
                bulkRequests(keeper, m_data.pushChanges(b, *befrienderClocks[static_cast<std::size_t>(b)]),
                             author, BenchData::kPushBatch));
            lanes.push_back(makeLane(befrienders[static_cast<std::size_t>(b)].get(), plans.back().requests));
        }
        figures.devices = BenchData::kBefrienders;
        figures.batchSize = BenchData::kPushBatch;
        figures.pushChanges = BenchData::kPushChanges;
        figures.pushMs = runLanes(lanes);
        for (const Lane& lane : lanes) {
            figures.pushRetried += lane.retried;
            if (figures.retryExample.isEmpty() && !lane.failures.empty()) {
                figures.retryExample = lane.failures.front();
            }
        }
        figures.retried += figures.pushRetried;
        for (const Lane& lane : lanes) {
            for (const HttpResult& result : lane.results) {
                figures.batchMs.push_back(result.milliseconds);
            }
        }
        figures.pushOutcomes = tallyBulk(keeper, lanes, plans);
        if (figures.pushOutcomes[QStringLiteral("ok")] != BenchData::kPushChanges - BenchData::kPushFailing ||
            figures.pushOutcomes[QStringLiteral("forbidden")] != BenchData::kPushFailing) {
            figures.problems << QStringLiteral("push: expected %1 ok and %2 forbidden")
                                    .arg(BenchData::kPushChanges - BenchData::kPushFailing)
                                    .arg(BenchData::kPushFailing);
        }
    }

    QStringList caseIds;
    for (int i = BenchData::firstCaseOf(0); i < BenchData::firstCaseOf(1); ++i) {
        caseIds << QString::fromStdString(m_data.caseAt(i).id);
    }
    const QString cases = caseIds.join(QLatin1Char(','));

    progress("cold first sync of P's caseload to a new device");
    auto phone = device(m_data.practitioners().front());
    const PullRun cold = pullChanges(*phone, cases, "0");
    figures.coldCount = cold.count;
    figures.coldPages = cold.pages;
    figures.coldMs = cold.ms;
    figures.coldExpected = BenchData::kCasesPerPractitioner * BenchData::kRecordsPerCase;
    if (cold.count != figures.coldExpected) {
        figures.problems << QStringLiteral("cold sync: %1 documents, expected %2")
                                .arg(cold.count)
                                .arg(figures.coldExpected);
    }

    progress("1,000 new changes, then the incremental pull");
    std::set<std::string> expected;
    {
        std::vector<Lane> lanes;
        std::vector<BulkPlan> plans;
        const auto own = m_data.incrementalOwn(*practitionerClocks.front());
        for (const Placed& placed : own) {
            expected.insert(placed.change.recordId);
        }
        plans.push_back(bulkRequests(keeper, own, m_data.practitioners().front(), BenchData::kPushBatch));
        lanes.push_back(makeLane(practitioners.front().get(), plans.back().requests));
        for (int b = 0; b < BenchData::kBefrienders; ++b) {
            const auto& author = m_data.befrienders()[static_cast<std::size_t>(b)];
            plans.push_back(bulkRequests(
                keeper, m_data.incrementalBefriender(b, *befrienderClocks[static_cast<std::size_t>(b)]),
                author, BenchData::kPushBatch));
            lanes.push_back(makeLane(befrienders[static_cast<std::size_t>(b)].get(), plans.back().requests));
        }
        plans.push_back(bulkRequests(keeper, m_data.incrementalPersons(*practitionerClocks[2]),
                                     m_data.practitioners()[2], BenchData::kPushBatch));
        lanes.push_back(makeLane(practitioners[2].get(), plans.back().requests));
        runLanes(lanes);
        const auto counts = tallyBulk(keeper, lanes, plans);
        if (counts.size() != 1 || counts.begin()->second != BenchData::kIncrementalChanges) {
            figures.problems << QStringLiteral("the 1,000 new changes: not every document was stored");
        }
    }
    const PullRun incremental = pullChanges(*phone, cases, cold.since);
    figures.incrementalCount = incremental.count;
    figures.incrementalMs = incremental.ms;
    figures.incrementalExpected = BenchData::kIncrementalInCaseload;
    if (incremental.count != figures.incrementalExpected || incremental.ids != expected) {
        figures.problems << QStringLiteral(
                                "incremental pull: %1 documents, expected exactly the %2 in the caseload")
                                .arg(incremental.count)
                                .arg(figures.incrementalExpected);
    }

    figures.peakKiB = m_pid > 0 ? peakMemoryKiB(m_pid) : -1;
    figures.storedRecords = BenchData::kSeedRecords + BenchData::kMatchRecords + BenchData::kBefrienders +
                            (BenchData::kPushChanges - BenchData::kPushFailing) +
                            BenchData::kIncrementalNewRecords;
    const QString folder = QDir(m_dataDir).filePath(QStringLiteral("fieldbook"));
    figures.diskBytes = diskBytes(QDir(folder).exists() ? folder : m_dataDir);
    figures.ran = true;
    return figures;
}

} // namespace fieldbook::bench
