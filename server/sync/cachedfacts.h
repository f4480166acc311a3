// A FactSource that remembers answers for the length of one push batch. A batch of many contact
// records about one case asks the gates the same questions again and again; the store answers
// each once. Every write of a record of type T (through noteWritten) forgets what was cached
// about T, so later changes in the batch still see earlier ones. Users never change during a push.
// Not thread-safe: one per batch, on the batch's thread.
#pragma once

#include "rules/facts.h"

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace fieldbook::server {

class CachedFacts final : public FactSource
{
public:
    explicit CachedFacts(const FactSource& source) : m_source(source) {}

    std::optional<Record> record(std::string_view type, std::string_view id) const override;
    std::vector<Record> recordsWhere(std::string_view type, std::string_view field,
                                     std::string_view value) const override;
    std::optional<User> user(std::string_view userId) const override;
    // Not cached: one primary-key lookup, and a record created later in the batch must be seen.
    std::string creatorOf(std::string_view type, std::string_view id) const override
    {
        return m_source.creatorOf(type, id);
    }

    void noteWritten(std::string_view type);

private:
    const FactSource& m_source;
    mutable std::map<std::pair<std::string, std::string>, std::optional<Record>, std::less<>> m_records;
    mutable std::map<std::tuple<std::string, std::string, std::string>, std::vector<Record>, std::less<>> m_where;
    mutable std::map<std::string, std::optional<User>, std::less<>> m_users;
};

} // namespace fieldbook::server
