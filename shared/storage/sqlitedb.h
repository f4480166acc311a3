// A thin RAII wrapper over SQLite used by both the server's store and the app's local store.
// Only prepared statements with bound parameters: there is no call that runs SQL built from data.
// Not thread-safe: one SqliteDb per thread (the server opens one per worker).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace fieldbook {

class SqliteError : public std::runtime_error
{
public:
    SqliteError(int code, const std::string& what) : std::runtime_error(what), m_code(code) {}
    int code() const { return m_code; }
    bool busy() const; // SQLITE_BUSY / SQLITE_LOCKED

private:
    int m_code;
};

class Statement
{
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;

    // Parameters are 1-based, as in SQLite.
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bindBlob(int index, const std::vector<unsigned char>& blob);
    Statement& bindNull(int index);

    bool step(); // true while a row is available; throws SqliteError on failure
    void run();  // steps to completion
    void reset();

    bool isNull(int column) const;
    std::int64_t integer(int column) const;
    std::string text(int column) const;
    std::vector<unsigned char> blob(int column) const;

private:
    sqlite3_stmt* m_stmt = nullptr;
};

class SqliteDb
{
public:
    // Opens (creating if needed) with WAL, foreign keys on, a busy timeout and synchronous=FULL
    // unless `synchronousNormal` (benchmarks state which they use).
    explicit SqliteDb(const std::string& path, bool synchronousNormal = false);
    ~SqliteDb();
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;

    Statement prepare(std::string_view sql);
    // Runs fixed schema SQL (no parameters, never built from data): migrations only.
    void execScript(std::string_view sql);
    int userVersion();
    void setUserVersion(int version);
    std::int64_t lastInsertId() const;
    int changes() const;
    sqlite3* handle() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back in the destructor unless commit() was called.
class Transaction
{
public:
    explicit Transaction(SqliteDb& db);
    ~Transaction();
    void commit();

private:
    SqliteDb& m_db;
    bool m_done = false;
};

} // namespace fieldbook
