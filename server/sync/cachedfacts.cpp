#include "sync/cachedfacts.h"

namespace fieldbook::server {

std::optional<Record> CachedFacts::record(std::string_view type, std::string_view id) const
{
    auto key = std::make_pair(std::string(type), std::string(id));
    auto found = m_records.find(key);
    if (found == m_records.end()) {
        found = m_records.emplace(std::move(key), m_source.record(type, id)).first;
    }
    return found->second;
}

std::vector<Record> CachedFacts::recordsWhere(std::string_view type, std::string_view field,
                                              std::string_view value) const
{
    auto key = std::make_tuple(std::string(type), std::string(field), std::string(value));
    auto found = m_where.find(key);
    if (found == m_where.end()) {
        found = m_where.emplace(std::move(key), m_source.recordsWhere(type, field, value)).first;
    }
    return found->second;
}

std::optional<User> CachedFacts::user(std::string_view userId) const
{
    auto found = m_users.find(userId);
    if (found == m_users.end()) {
        found = m_users.emplace(std::string(userId), m_source.user(userId)).first;
    }
    return found->second;
}

void CachedFacts::noteWritten(std::string_view type)
{
    for (auto it = m_records.begin(); it != m_records.end();) {
        it = it->first.first == type ? m_records.erase(it) : std::next(it);
    }
    for (auto it = m_where.begin(); it != m_where.end();) {
        it = std::get<0>(it->first) == type ? m_where.erase(it) : std::next(it);
    }
}

} // namespace fieldbook::server
