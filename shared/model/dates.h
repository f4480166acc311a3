// Calendar dates (YYYY-MM-DD) and instants (YYYY-MM-DDTHH:MM:SSZ, UTC) as the wire writes them.
// All arithmetic is on the proleptic Gregorian calendar in UTC; no time zones, no locale.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fieldbook {

struct Date
{
    int year = 1970;
    int month = 1;
    int day = 1;

    // Strict YYYY-MM-DD with a real calendar day (2025-02-29 is refused).
    static std::optional<Date> parse(std::string_view text);
    // The date part of an RFC 3339 UTC instant "YYYY-MM-DDTHH:MM:SSZ", or of a plain date.
    static std::optional<Date> fromDateOrInstant(std::string_view text);
    static Date fromDays(std::int64_t daysSinceEpoch);
    // The UTC calendar day of an instant in seconds since the epoch (before 1970 too).
    static Date fromEpochSeconds(std::int64_t seconds);

    std::int64_t daysSinceEpoch() const;
    Date addDays(std::int64_t days) const;
    // Same day of month, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29).
    Date addMonths(int months) const;
    std::string toString() const;

    auto operator<=>(const Date&) const = default;
};

// Whole days from a to b (b - a); negative when b is earlier.
std::int64_t daysBetween(Date a, Date b);
// Age in whole years on the given day; a birthday on 29 February counts from 1 March in other years.
int ageOn(Date dateOfBirth, Date on);

// Strict "YYYY-MM-DDTHH:MM:SSZ".
bool isInstant(std::string_view text);
// Seconds since the epoch of such an instant.
std::optional<std::int64_t> parseInstant(std::string_view text);
std::string formatInstant(std::int64_t secondsSinceEpoch);

} // namespace fieldbook
