// What the rules may ask about the records around a decision. The server answers from its SQLite
// store, the app from its local store, the tests from MemoryFacts. Rules are pure functions of
// these answers: same facts, same decision, on the phone and on the server.
#pragma once

#include "model/record.h"
#include "rules/roles.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fieldbook {

class FactSource
{
public:
    virtual ~FactSource() = default;
    // The current (merged, applied, not quarantined) state of one record.
    virtual std::optional<Record> record(std::string_view type, std::string_view id) const = 0;
    // All current records of `type` whose string field `field` equals `value`.
    virtual std::vector<Record> recordsWhere(std::string_view type, std::string_view field,
                                             std::string_view value) const = 0;
    // The user's roles, if the user is known.
    virtual std::optional<User> user(std::string_view userId) const = 0;
    // Who recorded the record: the author of its first change (kept when later changes by others
    // update it), whatever its state now; "" when the record is not known. "Holding" a person
    // starts here (writerules.h), so an intake can be pushed before any case exists.
    virtual std::string creatorOf(std::string_view type, std::string_view id) const = 0;
};

// An in-memory FactSource: for tests, and for the app to evaluate a draft against what it holds.
class MemoryFacts : public FactSource
{
public:
    // Replaces a record with the same type and id; the first author put stays its creator.
    void put(Record record);
    void putUser(User user);
    void remove(std::string_view type, std::string_view id);

    std::optional<Record> record(std::string_view type, std::string_view id) const override;
    std::vector<Record> recordsWhere(std::string_view type, std::string_view field,
                                     std::string_view value) const override;
    std::optional<User> user(std::string_view userId) const override;
    std::string creatorOf(std::string_view type, std::string_view id) const override;

private:
    std::map<std::pair<std::string, std::string>, Record> m_records;
    std::map<std::pair<std::string, std::string>, std::string> m_creators;
    std::map<std::string, User, std::less<>> m_users;
};

} // namespace fieldbook
