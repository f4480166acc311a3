// A thin RAII wrapper over libpq for the PostgreSQL store: one connection, statements prepared
// once per connection (PQprepare) and run with bound parameters (PQexecPrepared). There is no call
// that runs SQL built from data; execScript is for the schema's constant DDL only.
// Not thread-safe: one PgConnection per thread, like SqliteDb.
#pragma once

#include "crypto/bytes.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct pg_conn;
struct pg_result;

namespace fieldbook::server {

// What went wrong, with the SQLSTATE; the message is PostgreSQL's primary message only, which
// names constraints and tables but never the values that were bound.
class PgError : public std::runtime_error
{
public:
    PgError(std::string state, const std::string& what) : std::runtime_error(what), m_state(std::move(state)) {}
    const std::string& sqlState() const { return m_state; }

private:
    std::string m_state;
};

// Whether `text` is a PostgreSQL connection URI (postgresql:// or postgres://) rather than a path.
bool isPostgresUri(std::string_view text);

// The parameters of one statement: text, integers, NULL and bytea (sent in binary).
class PgParams
{
public:
    PgParams& text(std::string_view value);
    PgParams& integer(std::int64_t value);
    PgParams& null();
    PgParams& bytes(const crypto::Bytes& value);
    // A text value, or NULL when `value` is empty (bytea columns that may be NULL).
    PgParams& bytesOrNull(const crypto::Bytes& value);
    PgParams& textOrNull(const std::optional<std::string>& value);

    int size() const { return static_cast<int>(m_values.size()); }
    std::vector<const char*> values() const;
    std::vector<int> lengths() const;
    std::vector<int> formats() const;

private:
    std::vector<std::optional<std::string>> m_values;
    std::vector<int> m_formats;
};

class PgResult
{
public:
    explicit PgResult(pg_result* result) : m_result(result) {}
    ~PgResult();
    PgResult(PgResult&& other) noexcept : m_result(other.m_result) { other.m_result = nullptr; }
    PgResult& operator=(PgResult&& other) noexcept;
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;

    int rows() const;
    bool isNull(int row, int column) const;
    std::string text(int row, int column) const;
    std::int64_t integer(int row, int column) const;
    // A bytea column (text format, hex escaped).
    crypto::Bytes bytes(int row, int column) const;
    // Rows an UPDATE or DELETE touched.
    std::int64_t affected() const;

private:
    pg_result* m_result;
};

class PgConnection
{
public:
    // Throws PgError when the server cannot be reached. The URI never appears in the message.
    explicit PgConnection(const std::string& uri);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // Runs constant SQL with no parameters (DDL): never data.
    void execScript(const char* sql);
    // A transaction: `begin` takes its constant BEGIN statement (with the isolation level).
    void begin(const char* sql);
    void commit();
    // Never throws: on a lost connection the server has rolled back already.
    void rollback() noexcept;
    // Prepares `sql` on first use (keyed by its address: pass string literals or static strings).
    PgResult run(const char* sql, const PgParams& params = {});
    // One-off parameterised statement, not kept prepared (admin tools).
    PgResult runOnce(const std::string& sql, const PgParams& params = {});
    // The connection is unusable (the server went away or restarted).
    bool broken() const;

private:
    PgResult check(pg_result* result) const;
    // Between transactions, a lost connection is opened again (a PostgreSQL restart or failover
    // costs the requests in flight, not the pooled stores). Inside one it is an error: what the
    // transaction did is gone, and the statements after it must not run on their own.
    void reconnectIfBroken();

    pg_conn* m_conn = nullptr;
    std::unordered_map<const char*, std::string> m_prepared; // sql -> statement name
    bool m_inTransaction = false;
};

} // namespace fieldbook::server
