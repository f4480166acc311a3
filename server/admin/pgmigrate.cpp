#include "admin/pgmigrate.h"

#include "model/formdefinition.h"
#include "storage/sqlitedb.h"
#include "store/keyring.h"
#include "store/pgconnection.h"
#include "store/pgschema.h"
#include "store/pgstore.h"
#include "store/sqlitestore.h"

#include <boost/json/serialize.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace fieldbook::server {

namespace fs = std::filesystem;

namespace {

enum class Kind { Text, Integer, Blob };

struct Column
{
    const char* name;
    Kind kind;
};

struct Table
{
    const char* name;
    std::vector<Column> columns;
};

constexpr Kind T = Kind::Text;
constexpr Kind I = Kind::Integer;
constexpr Kind B = Kind::Blob;

// Every table of the SQLite schema at kSchemaVersion and of the PostgreSQL schema, with every
// column: a table or column added to one schema must be added here too (the counts check fails
// loudly otherwise only for tables, so keep this list whole).
const std::vector<Table>& tables()
{
    static const std::vector<Table> kTables = {
        {"settings", {{"key", T}, {"value", T}}},
        {"counters", {{"name", T}, {"value", I}}},
        {"users", {{"id", T}, {"name", T}, {"roles", I}, {"team", T}, {"created_at", I}}},
        {"enrol_codes", {{"code_hash", T}, {"user_id", T}, {"created_at", I}, {"expires_at", I}, {"used_at", I}}},
        {"devices",
         {{"id", T}, {"user_id", T}, {"name", T}, {"public_key", T}, {"refresh_hash", T}, {"created_at", I},
          {"last_seen_at", I}, {"revoked_at", I}}},
        {"access_tokens", {{"token_hash", T}, {"device_id", T}, {"expires_at", I}}},
        {"retired_refresh_tokens", {{"token_hash", T}, {"device_id", T}, {"retired_at", I}}},
        {"records",
         {{"record_type", T}, {"record_id", T}, {"state", T}, {"case_id", T}, {"audience", T}, {"author", T},
          {"hlc", T}, {"form_version", I}, {"change_id", T}, {"seq", I}, {"updated_at", I}, {"fields", T},
          {"field_clocks", T}, {"sealed", B}, {"key_id", T}, {"created_by", T}}},
        {"record_index", {{"record_type", T}, {"field", T}, {"value", T}, {"record_id", T}}},
        {"record_people", {{"person_id", T}, {"record_type", T}, {"record_id", T}, {"seq", I}}},
        {"changes",
         {{"id", T}, {"device_id", T}, {"author", T}, {"record_type", T}, {"record_id", T}, {"status", T},
          {"reason", T}, {"seq", I}, {"received_at", I}}},
        {"access_events", {{"seq", I}, {"user_id", T}, {"case_id", T}}},
        {"audit", {{"seq", I}, {"at", I}, {"action", T}, {"user_id", T}, {"device_id", T}, {"detail", T}}},
        {"review_decisions",
         {{"id", T}, {"change_id", T}, {"record_type", T}, {"record_id", T}, {"officer", T}, {"decision", T},
          {"note", B}, {"key_id", T}, {"decided_at", I}}},
        {"break_glass_grants",
         {{"id", T}, {"officer", T}, {"case_id", T}, {"reason", B}, {"key_id", T}, {"granted_at", I},
          {"expires_at", I}, {"closed_at", I}}},
        {"population",
         {{"establishment", T}, {"ethnicity", T}, {"count", I}, {"position", I}, {"imported_at", I}}},
    };
    return kTables;
}

std::string columnList(const Table& table)
{
    std::string out;
    for (const Column& column : table.columns) {
        out += (out.empty() ? "" : ", ") + std::string(column.name);
    }
    return out;
}

std::string readFile(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

// The target's key file: a copy of the source's, or one that is the same already.
void installKey(const std::string& from, const std::string& to)
{
    const KeyRing ring = KeyRing::load(from);
    if (fs::exists(to)) {
        if (readFile(to) != readFile(from)) {
            throw std::runtime_error(to + " exists with other keys; migrate into a state folder without a key file");
        }
        return;
    }
    ring.save(to);
}

std::int64_t countPg(PgConnection& db, const std::string& sql)
{
    const PgResult result = db.runOnce(sql);
    return result.integer(0, 0);
}

} // namespace

MigrationResult migrateToPostgres(const ServerFiles& source, const ServerFiles& target)
{
    if (!fs::exists(source.database) || fs::file_size(source.database) == 0) {
        throw std::runtime_error("there is no SQLite database at " + source.database);
    }
    if (!fs::exists(source.keyFile)) {
        throw std::runtime_error("the key file " + source.keyFile + " is missing (give --from-key)");
    }
    auto keys = std::make_shared<const KeyRing>(KeyRing::load(source.keyFile));
    // Opened through the store first: migrated to this binary's schema, and its key checked on a
    // sealed record before anything is written to PostgreSQL.
    SqliteStore from(source.database, keys, FormRegistry::builtin());
    for (const char* type : {"session_report", "person", "case"}) {
        const auto sample = from.recordsOfType(type);
        (void)sample; // opening throws when the key does not match
    }
    PgStore to(target.postgresUri, keys, FormRegistry::builtin());
    PgConnection db(target.postgresUri);
    if (countPg(db, "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM records) + "
                    "(SELECT count(*) FROM audit) + (SELECT value FROM counters WHERE name = 'sequence')") != 0) {
        throw std::runtime_error("the PostgreSQL database holds Fieldbook data already; migrate into an empty one");
    }
    installKey(source.keyFile, target.keyFile);

    MigrationResult result;
    SqliteDb& sqlite = from.db();
    // The statements live until the end: the connection keeps them prepared by their address.
    std::vector<std::string> inserts;
    inserts.reserve(tables().size());
    db.begin("BEGIN");
    try {
        db.runOnce("SELECT pg_advisory_xact_lock($1)", PgParams().integer(kPgWriteLock));
        sqlite.execScript("BEGIN DEFERRED"); // one snapshot of the source, even with a server on it
        for (const Table& table : tables()) {
            const std::string columns = columnList(table);
            std::string placeholders;
            for (std::size_t i = 0; i < table.columns.size(); ++i) {
                placeholders += (i == 0 ? "$" : ", $") + std::to_string(i + 1);
            }
            std::string insert = "INSERT INTO " + std::string(table.name) + "(" + columns + ") VALUES (" +
                                 placeholders + ")";
            if (std::string_view(table.name) == "counters" || std::string_view(table.name) == "settings") {
                insert += std::string(" ON CONFLICT(") + table.columns[0].name + ") DO UPDATE SET " +
                          table.columns[1].name + " = excluded." + table.columns[1].name;
            }
            inserts.push_back(std::move(insert));
            Statement select = sqlite.prepare("SELECT " + columns + " FROM " + table.name);
            std::int64_t count = 0;
            while (select.step()) {
                PgParams params;
                for (std::size_t i = 0; i < table.columns.size(); ++i) {
                    const int column = static_cast<int>(i);
                    if (select.isNull(column)) {
                        params.null();
                    } else if (table.columns[i].kind == Kind::Integer) {
                        params.integer(select.integer(column));
                    } else if (table.columns[i].kind == Kind::Blob) {
                        params.bytes(select.blob(column));
                    } else {
                        params.text(select.text(column));
                    }
                }
                db.run(inserts.back().c_str(), params);
                ++count;
            }
            result.tables.emplace_back(table.name, count);
            result.rows += count;
            if (std::string_view(table.name) == "records") {
                result.records = count;
            }
        }
        sqlite.execScript("COMMIT");
        // The audit log numbers its own entries: later ones follow the copied ones.
        db.runOnce("SELECT setval(pg_get_serial_sequence('audit', 'seq'), GREATEST((SELECT max(seq) FROM audit), 1))");
        for (const auto& [name, count] : result.tables) {
            const std::int64_t copied = countPg(db, "SELECT count(*) FROM " + name);
            if (copied != count) {
                throw std::runtime_error("table " + name + ": " + std::to_string(count) + " rows in SQLite, " +
                                         std::to_string(copied) + " in PostgreSQL");
            }
        }
        db.commit();
    } catch (...) {
        try {
            sqlite.execScript("ROLLBACK");
        } catch (const std::exception&) {
        }
        db.rollback();
        throw;
    }

    // Read back through both stores: every sealed record's fields (up to a sample), and the
    // officers' sealed texts, must open with the copied key and match.
    constexpr std::size_t kSample = 200;
    const PgResult sealed = db.runOnce(
        "SELECT record_type, record_id FROM records WHERE sealed IS NOT NULL ORDER BY random() LIMIT $1",
        PgParams().integer(static_cast<std::int64_t>(kSample)));
    for (int row = 0; row < sealed.rows(); ++row) {
        const auto mine = from.storedRecord(sealed.text(row, 0), sealed.text(row, 1));
        const auto theirs = to.storedRecord(sealed.text(row, 0), sealed.text(row, 1));
        if (!mine || !theirs || mine->record.fields != theirs->record.fields || mine->sequence != theirs->sequence ||
            mine->state != theirs->state) {
            throw std::runtime_error("record " + sealed.text(row, 1) + " does not read back the same from PostgreSQL");
        }
        ++result.checked;
    }
    const PgResult decisions = db.runOnce("SELECT id FROM review_decisions ORDER BY random() LIMIT 20");
    for (int row = 0; row < decisions.rows(); ++row) {
        const auto mine = from.reviewDecision(decisions.text(row, 0));
        const auto theirs = to.reviewDecision(decisions.text(row, 0));
        if (!mine || !theirs || mine->note != theirs->note) {
            throw std::runtime_error("review decision " + decisions.text(row, 0) + " does not read back the same");
        }
        ++result.checked;
    }
    const PgResult grants = db.runOnce("SELECT id FROM break_glass_grants ORDER BY random() LIMIT 20");
    for (int row = 0; row < grants.rows(); ++row) {
        const auto mine = from.breakGlassGrant(grants.text(row, 0));
        const auto theirs = to.breakGlassGrant(grants.text(row, 0));
        if (!mine || !theirs || mine->reason != theirs->reason) {
            throw std::runtime_error("grant " + grants.text(row, 0) + " does not read back the same");
        }
        ++result.checked;
    }
    return result;
}

} // namespace fieldbook::server
