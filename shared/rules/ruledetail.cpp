#include "rules/ruledetail.h"

#include <algorithm>
#include <chrono>

namespace fieldbook::detail {

Date todayUtc()
{
    const auto now = std::chrono::system_clock::now();
    const auto days = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count() / 86400;
    return Date::fromDays(days);
}

std::optional<Date> dayOf(const Record& record, std::string_view field)
{
    return Date::fromDateOrInstant(record.text(field));
}

std::string orderKey(const Record& record, std::string_view field)
{
    std::string when = record.text(field);
    if (Date::parse(when)) {
        when += "T00:00:00Z";
    } else if (!isInstant(when)) {
        when = "0000-00-00T00:00:00Z"; // an undated record sorts before every dated one
    }
    return when + "|" + record.hlc + "|" + record.id;
}

const Record* latest(const std::vector<Record>& records, std::string_view field)
{
    const Record* best = nullptr;
    std::string bestKey;
    for (const auto& record : records) {
        std::string key = orderKey(record, field);
        if (best == nullptr || key > bestKey) {
            best = &record;
            bestKey = std::move(key);
        }
    }
    return best;
}

std::string givenName(std::string_view personId, const FactSource& facts, std::string_view fallback)
{
    if (!personId.empty()) {
        if (const auto person = facts.record("person", personId)) {
            std::string name = person->text("given_name");
            if (!name.empty()) {
                return name;
            }
        }
    }
    return std::string(fallback);
}

std::vector<std::string> stringsOf(const Record& record, std::string_view field)
{
    std::vector<std::string> out;
    const auto* value = record.fields.if_contains(field);
    if (value != nullptr && value->is_array()) {
        for (const auto& item : value->get_array()) {
            if (item.is_string()) {
                out.emplace_back(item.get_string());
            }
        }
    }
    return out;
}

} // namespace fieldbook::detail
