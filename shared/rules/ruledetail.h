// Helpers shared by the rule files (gates, access, rhythms). Internal to the core.
#pragma once

#include "model/dates.h"
#include "model/record.h"
#include "rules/facts.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fieldbook::detail {

// The UTC date of the wall clock: only where a caller gave no day.
Date todayUtc();

// The day of a date or instant field; nullopt when missing or malformed.
std::optional<Date> dayOf(const Record& record, std::string_view field);

// A sort key for "latest by <field>, then by clock": the field as an instant (a plain date counts
// as its midnight), then the record's hlc, then its id so that the order is total.
std::string orderKey(const Record& record, std::string_view field);

// The record with the greatest orderKey; nullptr for an empty list.
const Record* latest(const std::vector<Record>& records, std::string_view field);

// The person's given name for sentences, or `fallback` when it is not known.
std::string givenName(std::string_view personId, const FactSource& facts, std::string_view fallback = "this person");

// Strings of a JSON array field (non-strings skipped).
std::vector<std::string> stringsOf(const Record& record, std::string_view field);

} // namespace fieldbook::detail
