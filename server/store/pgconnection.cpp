#include "store/pgconnection.h"

#include <libpq-fe.h>

#include <charconv>

namespace fieldbook::server {

bool isPostgresUri(std::string_view text)
{
    return text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0;
}

PgParams& PgParams::text(std::string_view value)
{
    m_values.emplace_back(std::string(value));
    m_formats.push_back(0);
    return *this;
}

PgParams& PgParams::integer(std::int64_t value)
{
    m_values.emplace_back(std::to_string(value));
    m_formats.push_back(0);
    return *this;
}

PgParams& PgParams::null()
{
    m_values.emplace_back(std::nullopt);
    m_formats.push_back(0);
    return *this;
}

PgParams& PgParams::bytes(const crypto::Bytes& value)
{
    m_values.emplace_back(std::string(value.begin(), value.end()));
    m_formats.push_back(1);
    return *this;
}

PgParams& PgParams::bytesOrNull(const crypto::Bytes& value)
{
    return value.empty() ? null() : bytes(value);
}

PgParams& PgParams::textOrNull(const std::optional<std::string>& value)
{
    return value ? text(*value) : null();
}

std::vector<const char*> PgParams::values() const
{
    std::vector<const char*> out;
    out.reserve(m_values.size());
    for (const auto& value : m_values) {
        out.push_back(value ? value->data() : nullptr);
    }
    return out;
}

std::vector<int> PgParams::lengths() const
{
    std::vector<int> out;
    out.reserve(m_values.size());
    for (const auto& value : m_values) {
        out.push_back(value ? static_cast<int>(value->size()) : 0);
    }
    return out;
}

std::vector<int> PgParams::formats() const
{
    return m_formats;
}

PgResult::~PgResult()
{
    if (m_result != nullptr) {
        PQclear(m_result);
    }
}

PgResult& PgResult::operator=(PgResult&& other) noexcept
{
    if (this != &other) {
        if (m_result != nullptr) {
            PQclear(m_result);
        }
        m_result = other.m_result;
        other.m_result = nullptr;
    }
    return *this;
}

int PgResult::rows() const
{
    return PQntuples(m_result);
}

bool PgResult::isNull(int row, int column) const
{
    return PQgetisnull(m_result, row, column) != 0;
}

std::string PgResult::text(int row, int column) const
{
    return std::string(PQgetvalue(m_result, row, column), static_cast<std::size_t>(PQgetlength(m_result, row, column)));
}

std::int64_t PgResult::integer(int row, int column) const
{
    const char* value = PQgetvalue(m_result, row, column);
    const auto length = static_cast<std::size_t>(PQgetlength(m_result, row, column));
    std::int64_t out = 0;
    const auto [end, error] = std::from_chars(value, value + length, out);
    if (error != std::errc() || end != value + length) {
        throw std::runtime_error("a stored integer is not a number");
    }
    return out;
}

crypto::Bytes PgResult::bytes(int row, int column) const
{
    std::size_t length = 0;
    unsigned char* raw =
        PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(m_result, row, column)), &length);
    if (raw == nullptr) {
        throw std::runtime_error("out of memory reading a bytea value");
    }
    crypto::Bytes out(raw, raw + length);
    PQfreemem(raw);
    return out;
}

std::int64_t PgResult::affected() const
{
    const char* text = PQcmdTuples(m_result);
    std::int64_t out = 0;
    std::from_chars(text, text + std::char_traits<char>::length(text), out);
    return out;
}

namespace {

// Notices (e.g. "relation already exists, skipping") are not the server's log's business.
void ignoreNotice(void* /*arg*/, const char* /*message*/) {}

} // namespace

PgConnection::PgConnection(const std::string& uri)
{
    m_conn = PQconnectdb(uri.c_str());
    if (m_conn == nullptr || PQstatus(m_conn) != CONNECTION_OK) {
        // libpq's message names the host and port, never a password; the URI itself is not repeated.
        std::string message = m_conn != nullptr ? PQerrorMessage(m_conn) : "out of memory";
        while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
            message.pop_back();
        }
        if (m_conn != nullptr) {
            PQfinish(m_conn);
            m_conn = nullptr;
        }
        throw PgError("08006", "cannot connect to PostgreSQL: " + message);
    }
    PQsetNoticeProcessor(m_conn, ignoreNotice, nullptr);
}

PgConnection::~PgConnection()
{
    if (m_conn != nullptr) {
        PQfinish(m_conn);
    }
}

bool PgConnection::broken() const
{
    return PQstatus(m_conn) != CONNECTION_OK;
}

PgResult PgConnection::check(pg_result* result) const
{
    PgResult owned(result);
    const ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        return owned;
    }
    std::string state = "XX000";
    std::string message = "PostgreSQL failed";
    if (result != nullptr) {
        if (const char* field = PQresultErrorField(result, PG_DIAG_SQLSTATE)) {
            state = field;
        }
        if (const char* field = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)) {
            message = field;
        }
    } else if (m_conn != nullptr) {
        message = PQerrorMessage(m_conn);
    }
    throw PgError(state, "PostgreSQL: " + message + " (" + state + ")");
}

void PgConnection::reconnectIfBroken()
{
    if (PQstatus(m_conn) == CONNECTION_OK) {
        return;
    }
    if (m_inTransaction) {
        throw PgError("08006", "the connection to PostgreSQL was lost in a transaction");
    }
    PQreset(m_conn);
    m_prepared.clear(); // prepared statements die with their session
    if (PQstatus(m_conn) != CONNECTION_OK) {
        throw PgError("08006", "cannot reconnect to PostgreSQL");
    }
}

void PgConnection::execScript(const char* sql)
{
    reconnectIfBroken();
    check(PQexec(m_conn, sql));
}

void PgConnection::begin(const char* sql)
{
    reconnectIfBroken();
    check(PQexec(m_conn, sql));
    m_inTransaction = true;
}

void PgConnection::commit()
{
    check(PQexec(m_conn, "COMMIT"));
    m_inTransaction = false;
}

void PgConnection::rollback() noexcept
{
    m_inTransaction = false;
    if (PQstatus(m_conn) == CONNECTION_OK) {
        PQclear(PQexec(m_conn, "ROLLBACK"));
    }
}

PgResult PgConnection::run(const char* sql, const PgParams& params)
{
    reconnectIfBroken();
    auto found = m_prepared.find(sql);
    if (found == m_prepared.end()) {
        std::string name = "s" + std::to_string(m_prepared.size() + 1);
        check(PQprepare(m_conn, name.c_str(), sql, 0, nullptr));
        found = m_prepared.emplace(sql, std::move(name)).first;
    }
    const auto values = params.values();
    const auto lengths = params.lengths();
    const auto formats = params.formats();
    return check(PQexecPrepared(m_conn, found->second.c_str(), params.size(), values.data(), lengths.data(),
                                formats.data(), 0));
}

PgResult PgConnection::runOnce(const std::string& sql, const PgParams& params)
{
    reconnectIfBroken();
    const auto values = params.values();
    const auto lengths = params.lengths();
    const auto formats = params.formats();
    return check(PQexecParams(m_conn, sql.c_str(), params.size(), nullptr, values.data(), lengths.data(),
                              formats.data(), 0));
}

} // namespace fieldbook::server
