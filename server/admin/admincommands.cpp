// `fieldbook-server admin ...`: the console commands of docs/sync-contract.md and a few more for operators.
// Each runs in its own process beside (or without) the server and writes one audit entry.
#include "admin/backup.h"
#include "admin/demoseed.h"
#include "admin/pgmigrate.h"
#include "auth/authservice.h"
#include "cli/commandline.h"
#include "cli/options.h"
#include "cli/serverfiles.h"
#include "model/dates.h"
#include "model/ids.h"
#include "reports/reportservice.h"
#include "store/pgconnection.h"
#include "util/clock.h"

#include <boost/json/serialize.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <optional>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <set>

namespace fieldbook::server {

namespace {

void printLine(const std::string& text)
{
    std::fputs(text.c_str(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void printJson(const boost::json::value& value)
{
    printLine(boost::json::serialize(value));
}

void audit(Store& store, const std::string& action, boost::json::object detail)
{
    store.appendAudit(AuditEntry{0, nowSeconds(), "admin." + action, "", "", std::move(detail)});
}

std::string requireId(const Options& cli, const std::string& name)
{
    std::string id = cli.required(name);
    if (!isId(id)) {
        throw UsageError(name + " must be an id: 32 lowercase hex characters");
    }
    return id;
}

std::string rolesText()
{
    std::string out;
    for (const Role role : allRoles()) {
        out += (out.empty() ? "" : ", ") + std::string(roleName(role));
    }
    return out;
}

int addUser(Store& store, const Options& cli)
{
    const std::string name = cli.required("--name");
    if (name.empty() || name.size() > 100 ||
        std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
        throw UsageError("--name must be 1 to 100 printable characters");
    }
    const std::string team = cli.value("--team").value_or("");
    if (team.size() > 64) {
        throw UsageError("--team must be at most 64 characters");
    }
    const auto roleNames = cli.all("--role");
    if (roleNames.empty()) {
        throw UsageError("--role is required (" + rolesText() + ")");
    }
    User user{newId(), name, {}, team};
    boost::json::array roles;
    for (const auto& roleText : roleNames) {
        const auto role = parseRole(roleText);
        if (!role) {
            throw UsageError("unknown role '" + roleText + "' (roles: " + rolesText() + ")");
        }
        user.roles.add(*role);
        roles.emplace_back(roleText);
    }
    store.writeTransaction([&] {
        store.addUser(user, nowSeconds());
        audit(store, "add_user", {{"user_id", user.id}, {"roles", roles}});
    });
    printLine(user.id);
    return 0;
}

int enrolCode(Store& store, const Options& cli)
{
    const std::string userId = requireId(cli, "--user");
    AuthSettings settings;
    settings.enrolCodeSeconds = cli.integer("--valid-hours", 72, 1, 24LL * 30) * 3600;
    const AuthService auth(settings);
    std::string code;
    store.writeTransaction([&] {
        if (!store.user(userId)) {
            throw std::runtime_error("there is no user " + userId);
        }
        code = auth.issueEnrolCode(store, userId, nowSeconds());
        audit(store, "enrol_code", {{"user_id", userId}, {"valid_hours", settings.enrolCodeSeconds / 3600}});
    });
    printLine(code);
    return 0;
}

int revokeDevice(Store& store, const Options& cli)
{
    const std::string deviceId = requireId(cli, "--device");
    bool found = false;
    store.writeTransaction([&] {
        found = store.revokeDevice(deviceId, nowSeconds());
        if (found) {
            audit(store, "revoke_device", {{"device_id", deviceId}});
        }
    });
    if (!found) {
        throw std::runtime_error("there is no device " + deviceId);
    }
    printLine("revoked " + deviceId);
    return 0;
}

int listUsers(Store& store)
{
    std::vector<User> users;
    store.writeTransaction([&] {
        users = store.users();
        audit(store, "list_users", {{"count", users.size()}});
    });
    for (const User& user : users) {
        boost::json::array roles;
        for (const Role role : user.roles.list()) {
            roles.emplace_back(roleName(role));
        }
        printJson(boost::json::object{{"user_id", user.id}, {"name", user.name}, {"roles", roles}, {"team", user.team}});
    }
    return 0;
}

int listDevices(Store& store, const Options& cli)
{
    const auto userFilter = cli.value("--user");
    std::vector<DeviceInfo> devices;
    store.writeTransaction([&] {
        devices = store.devices();
        audit(store, "list_devices", {{"count", devices.size()}});
    });
    for (const DeviceInfo& device : devices) {
        if (userFilter && device.userId != *userFilter) {
            continue;
        }
        boost::json::object line{{"device_id", device.id},
                                 {"user_id", device.userId},
                                 {"name", device.name},
                                 {"enrolled_at", formatInstant(device.createdAt)},
                                 {"last_seen_at", formatInstant(device.lastSeenAt)},
                                 {"revoked_at", nullptr}};
        if (device.revokedAt) {
            line["revoked_at"] = formatInstant(*device.revokedAt);
        }
        printJson(line);
    }
    return 0;
}

boost::json::object exportRecord(const StoredRecord& stored)
{
    return boost::json::object{{"record_type", stored.record.type},
                               {"record_id", stored.record.id},
                               {"state", recordStateName(stored.state)},
                               {"case_id", stored.caseId},
                               {"author", stored.record.author},
                               {"hlc", stored.record.hlc},
                               {"form_version", stored.record.formVersion},
                               {"updated_at", formatInstant(stored.updatedAt)},
                               {"fields", stored.record.fields}};
}

// Everything held about one person: the records that name them, the cases about them and
// every record of those cases. Decrypted: the output is for the person who asked.
int exportPerson(Store& store, const Options& cli)
{
    const std::string personId = requireId(cli, "--person");
    boost::json::array records;
    store.writeTransaction([&] {
        std::vector<StoredRecord> found = store.recordsReferencing(personId);
        const bool known = std::any_of(found.begin(), found.end(), [&](const StoredRecord& r) {
            return r.record.type == "person" && r.record.id == personId;
        });
        if (!known) {
            throw std::runtime_error("there is no person " + personId);
        }
        // Restrictions that name the person are sealed, so not indexed: look inside every check.
        for (StoredRecord& check : store.recordsOfType("protection_check")) {
            const auto* restrictions = check.record.fields.if_contains("restrictions");
            if (restrictions != nullptr && restrictions->is_array()) {
                for (const auto& item : restrictions->as_array()) {
                    const auto* named = item.is_object() ? item.as_object().if_contains("person_id") : nullptr;
                    if (named != nullptr && named->is_string() && named->as_string() == personId) {
                        found.push_back(std::move(check));
                        break;
                    }
                }
            }
        }
        std::set<std::string> cases;
        for (const StoredRecord& record : found) {
            if (record.record.type == "case" && record.record.text("person_id") == personId) {
                cases.insert(record.record.id);
            }
        }
        for (const std::string& caseId : cases) {
            for (StoredRecord& record : store.recordsOfCase(caseId)) {
                found.push_back(std::move(record));
            }
        }
        std::set<std::pair<std::string, std::string>> seen;
        for (const StoredRecord& record : found) {
            if (seen.emplace(record.record.type, record.record.id).second) {
                records.push_back(exportRecord(record));
            }
        }
        audit(store, "export", {{"person_id", personId}, {"records", records.size()}});
    });
    printJson(boost::json::object{{"person_id", personId},
                                  {"exported_at", formatInstant(nowSeconds())},
                                  {"records", std::move(records)}});
    return 0;
}

// The audit log names review decisions and break-the-glass grants by id; their free text (the
// officer's note or reason) is sealed in its own table and shown here, to the administrator only.
void withReviewText(Store& store, const AuditEntry& entry, boost::json::object& line)
{
    const auto text = [&](std::string_view key) -> std::string {
        const auto* value = entry.detail.if_contains(key);
        return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
    };
    if (entry.action == "review") {
        if (const auto decision = store.reviewDecision(text("decision_id"))) {
            line["review"] = boost::json::object{{"decision", decision->decision},
                                                 {"officer", decision->officer},
                                                 {"note", decision->note},
                                                 {"decided_at", formatInstant(decision->decidedAt)}};
        }
    } else if (entry.action == "break_glass") {
        if (const auto grant = store.breakGlassGrant(text("grant_id"))) {
            boost::json::object shown{{"case_id", grant->caseId},
                                      {"officer", grant->officer},
                                      {"reason", grant->reason},
                                      {"granted_at", formatInstant(grant->grantedAt)},
                                      {"expires_at", formatInstant(grant->expiresAt)}};
            if (grant->closedAt) {
                shown["closed_at"] = formatInstant(*grant->closedAt);
            }
            line["grant"] = std::move(shown);
        }
    }
}

int auditLog(Store& store, const Options& cli)
{
    const std::string since = cli.required("--since");
    std::optional<std::int64_t> at = parseInstant(since);
    if (!at) {
        if (const auto day = Date::parse(since)) {
            at = day->daysSinceEpoch() * 86400;
        }
    }
    if (!at) {
        throw UsageError("--since must be an instant YYYY-MM-DDTHH:MM:SSZ or a date YYYY-MM-DD");
    }
    const auto limit = static_cast<std::size_t>(cli.integer("--limit", 100000, 1, 10000000));
    std::vector<AuditEntry> entries;
    std::vector<boost::json::object> lines;
    store.writeTransaction([&] {
        entries = store.auditSince(*at, limit);
        for (const AuditEntry& entry : entries) {
            lines.push_back(boost::json::object{{"seq", entry.sequence},
                                                {"at", formatInstant(entry.at)},
                                                {"action", entry.action},
                                                {"user_id", entry.userId},
                                                {"device_id", entry.deviceId},
                                                {"detail", entry.detail}});
            withReviewText(store, entry, lines.back());
        }
        audit(store, "audit", {{"since", since}, {"count", entries.size()}});
    });
    for (const auto& line : lines) {
        printJson(line);
    }
    return 0;
}

// Writes the whole of `bytes` to a new or truncated file, readable by its owner only: a report is
// counts, but counts about a charity's service users.
void writePrivateFile(const std::string& path, const std::string& bytes)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
    }
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            const int error = errno;
            ::close(fd);
            throw std::runtime_error("cannot write " + path + ": " + std::strerror(error));
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
    }
}

// `report monthly`: the same report GET /v1/reports/monthly answers a manager, to a file (or to
// stdout for JSON and CSV).
int reportMonthly(Store& store, const Options& cli)
{
    if (cli.positional().size() != 2 || cli.positional()[1] != "monthly") {
        throw UsageError("report needs the report's name: report monthly --month YYYY-MM");
    }
    const std::string monthText = cli.required("--month");
    const auto month = ReportMonth::parse(monthText);
    if (!month) {
        throw UsageError("--month must be a month written YYYY-MM (years 2000 to 2999)");
    }
    const std::string formatText = cli.value("--format").value_or("json");
    const auto format = parseReportFormat(formatText);
    if (!format) {
        throw UsageError("--format must be json, csv or pdf");
    }
    const auto out = cli.value("--out");
    if (!out && *format == ReportFormat::Pdf) {
        throw UsageError("--out FILE is required for a PDF");
    }
    int below = 0;
    if (cli.value("--suppress-below")) {
        below = static_cast<int>(cli.integer("--suppress-below", 0, 2, kMaxSuppressBelow));
    }
    const std::int64_t now = nowSeconds();
    const MonthlyReport report = monthlyReportFromStore(store, FormRegistry::builtin(), *month);
    const RenderedReport rendered = renderMonthlyReport(report, *format, below, now);
    store.writeTransaction([&] {
        audit(store, "report_monthly", {{"month", month->toString()}, {"format", formatText}, {"suppress_below", below}});
    });
    if (!out) {
        std::fwrite(rendered.body.data(), 1, rendered.body.size(), stdout);
        if (*format == ReportFormat::Json) {
            std::fputc('\n', stdout);
        }
        std::fflush(stdout);
        return 0;
    }
    writePrivateFile(*out, rendered.body);
    printLine("wrote " + *out + " (" + std::to_string(rendered.body.size()) + " bytes)");
    return 0;
}

// `import-population`: one establishment's population by self-defined ethnicity, replacing what
// was held for it. The file is checked whole before anything is stored.
int importPopulation(Store& store, const Options& cli)
{
    const std::string establishment = cli.required("--establishment");
    if (establishment.empty() || establishment.size() > 100 ||
        std::any_of(establishment.begin(), establishment.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
        throw UsageError("--establishment must be 1 to 100 printable characters");
    }
    const std::string path = cli.required("--file");
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        throw std::runtime_error("cannot read " + path);
    }
    std::string text;
    text.resize(kMaxPopulationBytes + 1);
    file.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(file.gcount()));
    std::vector<PopulationRow> rows;
    try {
        rows = parsePopulationCsv(text);
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error(path + ": " + e.what());
    }
    std::int64_t total = 0;
    for (PopulationRow& row : rows) {
        row.establishment = establishment;
        total += row.count;
    }
    store.writeTransaction([&] {
        store.replacePopulation(establishment, rows, nowSeconds());
        audit(store, "import_population", {{"groups", rows.size()}, {"total", total}});
    });
    printLine("imported " + std::to_string(rows.size()) + " groups, " + std::to_string(total) + " people");
    return 0;
}

// Crash-safe order: the file first gains the new key (old keys kept), then every record is
// re-sealed in one transaction, and only then is the file cut down to the new key. At every
// point the file holds every key the database needs.
int rotateKey(const ServerFiles& files)
{
    const KeyFileLock lock(files.keyFile, KeyFileLock::Mode::Exclusive);
    const KeyRing old = *loadKeys(files);
    const KeyRing rotated = old.withNewKey();
    rotated.save(files.keyFile);
    auto store = openStore(files, std::make_shared<const KeyRing>(rotated));
    std::size_t count = 0;
    store->writeTransaction([&] {
        count = store->resealAll();
        audit(*store, "rotate_key", {{"key_id", rotated.currentId()}, {"records", count}});
    });
    rotated.currentOnly().save(files.keyFile);
    printLine("rotated to key " + rotated.currentId() + "; " + std::to_string(count) + " records re-encrypted");
    return 0;
}

// `migrate`: an SQLite database into an empty PostgreSQL database, with its key. Refuses a target
// that holds a Fieldbook schema already; the copy is checked before it answers.
int migrateCommand(const Options& cli)
{
    const std::string from = cli.required("--from");
    const std::string to = cli.required("--to");
    if (isPostgresUri(from) || !isPostgresUri(to)) {
        throw UsageError("migrate copies an SQLite database (--from PATH) into PostgreSQL (--to postgresql://...)");
    }
    const ServerFiles source = ServerFiles::forDatabase(from, cli.value("--from-key"));
    const ServerFiles target = ServerFiles::forDatabase(to, cli.value("--key-file"), cli.value("--state-dir"));
    target.prepareFolder();
    const MigrationResult result = migrateToPostgres(source, target);
    {
        auto store = openStore(target, loadKeys(target));
        audit(*store, "migrate", {{"records", result.records}, {"rows", result.rows}, {"checked", result.checked}});
    }
    boost::json::object tables;
    for (const auto& [name, count] : result.tables) {
        tables[name] = count;
    }
    printJson(boost::json::object{{"migrated", result.records},
                                  {"rows", result.rows},
                                  {"checked", result.checked},
                                  {"tables", std::move(tables)},
                                  {"key", target.keyFile}});
    return 0;
}

int backup(const ServerFiles& files, const Options& cli)
{
    const std::string out = cli.required("--out");
    if (cli.flag("--no-key") && cli.value("--key-out")) {
        throw UsageError("--no-key and --key-out exclude each other");
    }
    const std::optional<std::string> keyOut =
        cli.flag("--no-key") ? std::nullopt : std::optional<std::string>(cli.value("--key-out").value_or(out + ".key"));
    const BackupResult result = backupDatabase(files, out, keyOut);
    {
        auto store = openStore(files, loadKeys(files));
        audit(*store, "backup", {{"bytes", result.bytes}, {"key_written", !result.keyFile.empty()}});
    }
    printJson(boost::json::object{{"backup", result.file}, {"bytes", result.bytes}, {"key", result.keyFile}});
    if (!result.keyFile.empty()) {
        std::fprintf(stderr, "fieldbook-server: the key is in %s: store it apart from the backup\n",
                     result.keyFile.c_str());
    }
    return 0;
}

int restore(const ServerFiles& files, const Options& cli)
{
    const std::string from = cli.required("--from");
    restoreDatabase(from, cli.value("--key-from").value_or(from + ".key"), files);
    auto store = openStore(files, loadKeys(files));
    audit(*store, "restore", {});
    printJson(boost::json::object{{"restored", files.database}, {"key", files.keyFile}});
    return 0;
}

} // namespace

std::string adminUsage()
{
    return R"(usage: fieldbook-server admin --db PATH|URI [--key-file PATH] COMMAND [options]
  --db PATH|URI          the SQLite database or a postgresql://USER@HOST:PORT/DBNAME URI
                         (default: none, required; env FIELDBOOK_DB)
  --state-dir DIR        with a URI: where the sealing key is (default: the working directory;
                         env FIELDBOOK_STATE_DIR)
  --key-file PATH        the sealing key (default: <db>.key, or DIR/fieldbook.key with a URI;
                         env FIELDBOOK_KEY_FILE)
commands:
  add-user --name NAME --role ROLE [--role ROLE ...] [--team TEAM]   prints the user id
      --team default: none
  enrol-code --user USER_ID [--valid-hours N]                         prints a one-time code
      --valid-hours default: 72 (1 to 720)
  revoke-device --device DEVICE_ID
  list-users                                                          one JSON object a line
  list-devices [--user USER_ID]                                       one JSON object a line
      --user default: every user
  export --person PERSON_ID                                           one JSON object
  audit --since INSTANT [--limit N]                                   one JSON object a line
      --limit default: 100000
  backup --out FILE [--key-out PATH | --no-key]                       online and consistent
      --key-out default: FILE.key (0600); keep it apart from FILE. --no-key: no key written
  restore --from FILE [--key-from PATH]                               into --db, which must not exist
      --key-from default: FILE.key
  rotate-key                                                          (server stopped)
  seed-demo                                                           one JSON object
  report monthly --month YYYY-MM [--format json|csv|pdf] [--out FILE] [--suppress-below N]
      --format default: json; --out default: standard output; --suppress-below default: none
  import-population --establishment NAME --file CSV                   rows: ethnicity,count
  migrate --from SQLITE_PATH --to URI [--from-key PATH]               no --db; into an empty PostgreSQL
      --from-key default: SQLITE_PATH.key; copied to --state-dir (or --key-file) as the URI's key
roles: befriender play_volunteer prison_visitor mentor practitioner coordinator
       safeguarding_officer manager admin
)";
}

int runAdmin(const std::vector<std::string>& args)
{
    Options cli(args,
                {"--db", "--key-file", "--name", "--role", "--team", "--user", "--valid-hours", "--device", "--person",
                 "--since", "--limit", "--out", "--key-out", "--from", "--key-from", "--month", "--format",
                 "--suppress-below", "--establishment", "--file", "--state-dir", "--to", "--from-key"},
                {"--no-key"}, 2);
    cli.addEnvironment({"--db", "--key-file", "--state-dir"}, {});
    if (cli.positional().empty()) {
        throw UsageError("admin needs a command");
    }
    const std::string command = cli.positional().front();
    if (command != "report" && cli.positional().size() > 1) {
        throw UsageError("unexpected argument " + cli.positional()[1]);
    }
    if (command == "migrate") {
        return migrateCommand(cli);
    }
    const ServerFiles files =
        ServerFiles::forDatabase(cli.required("--db"), cli.value("--key-file"), cli.value("--state-dir"));
    if (files.postgres() && (command == "backup" || command == "restore")) {
        throw UsageError(command + " is for an SQLite database; back a PostgreSQL database up with pg_dump, and "
                                   "its key file (" + files.keyFile + ") apart from it");
    }
    if (command == "restore") {
        return restore(files, cli);
    }
    if (command == "backup") {
        return backup(files, cli);
    }
    files.prepareFolder();
    if (command == "rotate-key") {
        return rotateKey(files);
    }
    static const std::set<std::string> kCommands = {"add-user",     "enrol-code", "revoke-device", "list-users",
                                                    "list-devices", "export",     "audit",         "seed-demo",
                                                    "report",       "import-population"};
    if (kCommands.count(command) == 0) {
        throw UsageError("unknown admin command " + command);
    }
    auto keys = loadKeys(files);
    auto store = openStore(files, keys);
    if (command == "add-user") {
        return addUser(*store, cli);
    }
    if (command == "enrol-code") {
        return enrolCode(*store, cli);
    }
    if (command == "revoke-device") {
        return revokeDevice(*store, cli);
    }
    if (command == "list-users") {
        return listUsers(*store);
    }
    if (command == "list-devices") {
        return listDevices(*store, cli);
    }
    if (command == "export") {
        return exportPerson(*store, cli);
    }
    if (command == "audit") {
        return auditLog(*store, cli);
    }
    if (command == "report") {
        return reportMonthly(*store, cli);
    }
    if (command == "import-population") {
        return importPopulation(*store, cli);
    }
    const AuthService auth;
    printJson(seedDemo(*store, auth, nowSeconds()));
    return 0;
}

} // namespace fieldbook::server
