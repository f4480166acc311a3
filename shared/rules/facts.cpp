#include "rules/facts.h"

namespace fieldbook {

void MemoryFacts::put(Record record)
{
    auto key = std::make_pair(record.type, record.id);
    m_creators.emplace(key, record.author);
    m_records.insert_or_assign(std::move(key), std::move(record));
}

void MemoryFacts::putUser(User user)
{
    std::string id = user.id;
    m_users.insert_or_assign(std::move(id), std::move(user));
}

void MemoryFacts::remove(std::string_view type, std::string_view id)
{
    // As if never recorded: its creator goes too.
    const auto key = std::make_pair(std::string(type), std::string(id));
    m_records.erase(key);
    m_creators.erase(key);
}

std::optional<Record> MemoryFacts::record(std::string_view type, std::string_view id) const
{
    const auto it = m_records.find(std::make_pair(std::string(type), std::string(id)));
    if (it == m_records.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::vector<Record> MemoryFacts::recordsWhere(std::string_view type, std::string_view field,
                                              std::string_view value) const
{
    std::vector<Record> out;
    // Records are keyed by (type, id): the ones of `type` are one contiguous range.
    for (auto it = m_records.lower_bound(std::make_pair(std::string(type), std::string())); it != m_records.end()
         && it->first.first == type;
         ++it) {
        const auto* found = it->second.fields.if_contains(field);
        if (found != nullptr && found->is_string() && found->get_string() == value) {
            out.push_back(it->second);
        }
    }
    return out;
}

std::optional<User> MemoryFacts::user(std::string_view userId) const
{
    const auto it = m_users.find(userId);
    if (it == m_users.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::string MemoryFacts::creatorOf(std::string_view type, std::string_view id) const
{
    const auto it = m_creators.find(std::make_pair(std::string(type), std::string(id)));
    return it == m_creators.end() ? std::string() : it->second;
}

} // namespace fieldbook
