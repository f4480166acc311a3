#include "storage/sqlitedb.h"

#include <sqlite3.h>

#include <climits>
#include <utility>

namespace fieldbook {

namespace {

[[noreturn]] void fail(sqlite3* db, int code, std::string_view doing)
{
    std::string message(doing);
    message += ": ";
    message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    throw SqliteError(code, message);
}

void check(sqlite3* db, int code, std::string_view doing)
{
    if (code != SQLITE_OK) {
        fail(db, code, doing);
    }
}

} // namespace

bool SqliteError::busy() const
{
    const int primary = m_code & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

Statement::Statement(sqlite3* db, std::string_view sql)
{
    if (sql.size() > static_cast<std::size_t>(INT_MAX)) {
        throw SqliteError(SQLITE_TOOBIG, "statement too long");
    }
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, &tail);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        fail(db, rc, "prepare");
    }
    if (m_stmt == nullptr) {
        throw SqliteError(SQLITE_MISUSE, "prepare: empty statement");
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept : m_stmt(std::exchange(other.m_stmt, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

Statement& Statement::bind(int index, std::string_view text)
{
    if (text.size() > static_cast<std::size_t>(INT_MAX)) {
        throw SqliteError(SQLITE_TOOBIG, "bind: text too long");
    }
    check(sqlite3_db_handle(m_stmt),
          sqlite3_bind_text(m_stmt, index, text.data() == nullptr ? "" : text.data(), static_cast<int>(text.size()),
                            SQLITE_TRANSIENT),
          "bind");
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value)
{
    check(sqlite3_db_handle(m_stmt), sqlite3_bind_int64(m_stmt, index, value), "bind");
    return *this;
}

Statement& Statement::bindBlob(int index, const std::vector<unsigned char>& blob)
{
    if (blob.size() > static_cast<std::size_t>(INT_MAX)) {
        throw SqliteError(SQLITE_TOOBIG, "bind: blob too long");
    }
    // An empty vector is an empty blob, not NULL (sqlite3_bind_blob with no data binds NULL).
    const int rc = blob.empty() ? sqlite3_bind_zeroblob(m_stmt, index, 0)
                                : sqlite3_bind_blob(m_stmt, index, blob.data(), static_cast<int>(blob.size()),
                                                    SQLITE_TRANSIENT);
    check(sqlite3_db_handle(m_stmt), rc, "bind");
    return *this;
}

Statement& Statement::bindNull(int index)
{
    check(sqlite3_db_handle(m_stmt), sqlite3_bind_null(m_stmt, index), "bind");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    fail(sqlite3_db_handle(m_stmt), rc, "step");
}

void Statement::run()
{
    while (step()) {
    }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

std::string Statement::text(int column) const
{
    const auto* data = sqlite3_column_text(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (data == nullptr || size <= 0) {
        return {};
    }
    return std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
}

std::vector<unsigned char> Statement::blob(int column) const
{
    const auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (data == nullptr || size <= 0) {
        return {};
    }
    return std::vector<unsigned char>(data, data + size);
}

SqliteDb::SqliteDb(const std::string& path, bool synchronousNormal)
{
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = std::string("open: ") + (m_db != nullptr ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
        sqlite3_close(m_db);
        m_db = nullptr;
        throw SqliteError(rc, message);
    }
    sqlite3_extended_result_codes(m_db, 1);
    try {
        sqlite3_busy_timeout(m_db, 5000);
        Statement wal(m_db, "PRAGMA journal_mode=WAL");
        wal.run();
        execScript("PRAGMA foreign_keys=ON");
        execScript(synchronousNormal ? "PRAGMA synchronous=NORMAL" : "PRAGMA synchronous=FULL");
    } catch (...) {
        sqlite3_close(m_db);
        m_db = nullptr;
        throw;
    }
}

SqliteDb::~SqliteDb()
{
    sqlite3_close_v2(m_db);
}

Statement SqliteDb::prepare(std::string_view sql)
{
    return Statement(m_db, sql);
}

void SqliteDb::execScript(std::string_view sql)
{
    const std::string text(sql);
    char* error = nullptr;
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = "exec: ";
        message += error != nullptr ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw SqliteError(rc, message);
    }
}

int SqliteDb::userVersion()
{
    Statement statement(m_db, "PRAGMA user_version");
    statement.step();
    return static_cast<int>(statement.integer(0));
}

void SqliteDb::setUserVersion(int version)
{
    // PRAGMA takes no bound parameters; the value is an int, never text from outside.
    execScript("PRAGMA user_version=" + std::to_string(version));
}

std::int64_t SqliteDb::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int SqliteDb::changes() const
{
    return sqlite3_changes(m_db);
}

Transaction::Transaction(SqliteDb& db) : m_db(db)
{
    m_db.execScript("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (!m_done) {
        // Never throws from a destructor: a failed rollback leaves SQLite to roll back on close.
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit()
{
    m_db.execScript("COMMIT");
    m_done = true;
}

} // namespace fieldbook
