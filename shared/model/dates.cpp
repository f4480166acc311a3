#include "model/dates.h"

#include <cstdio>

namespace fieldbook {

namespace {

bool isLeap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : kDays[month - 1];
}

// Reads exactly `count` decimal digits at `at`; -1 if any is not a digit.
int digits(std::string_view text, std::size_t at, std::size_t count)
{
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') {
            return -1;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

// Days from civil and back: H. Hinnant's algorithms, exact over the proleptic Gregorian calendar.
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

} // namespace

std::optional<Date> Date::parse(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
        return std::nullopt;
    }
    return Date{year, month, day};
}

std::optional<Date> Date::fromDateOrInstant(std::string_view text)
{
    if (text.size() == 10) {
        return parse(text);
    }
    if (isInstant(text)) {
        return parse(text.substr(0, 10));
    }
    return std::nullopt;
}

Date Date::fromEpochSeconds(std::int64_t seconds)
{
    constexpr std::int64_t kDay = 86400;
    return fromDays(seconds >= 0 ? seconds / kDay : (seconds - kDay + 1) / kDay);
}

Date Date::fromDays(std::int64_t daysSinceEpoch)
{
    const std::int64_t z = daysSinceEpoch + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

std::int64_t Date::daysSinceEpoch() const
{
    return daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

Date Date::addDays(std::int64_t days) const
{
    return fromDays(daysSinceEpoch() + days);
}

Date Date::addMonths(int months) const
{
    const std::int64_t total = static_cast<std::int64_t>(year) * 12 + (month - 1) + months;
    const auto newYear = static_cast<int>(total >= 0 ? total / 12 : (total - 11) / 12);
    const int newMonth = static_cast<int>(total - static_cast<std::int64_t>(newYear) * 12) + 1;
    const int last = daysInMonth(newYear, newMonth);
    return Date{newYear, newMonth, day > last ? last : day};
}

std::string Date::toString() const
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

std::int64_t daysBetween(Date a, Date b)
{
    return b.daysSinceEpoch() - a.daysSinceEpoch();
}

int ageOn(Date dateOfBirth, Date on)
{
    int age = on.year - dateOfBirth.year;
    // Comparing (month, day) makes a 29 February birthday fall on 1 March in common years:
    // 28 February is still before it, 1 March is after it.
    if (on.month < dateOfBirth.month || (on.month == dateOfBirth.month && on.day < dateOfBirth.day)) {
        --age;
    }
    return age;
}

bool isInstant(std::string_view text)
{
    return parseInstant(text).has_value();
}

std::optional<std::int64_t> parseInstant(std::string_view text)
{
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') {
        return std::nullopt;
    }
    const auto date = Date::parse(text.substr(0, 10));
    const int hours = digits(text, 11, 2);
    const int minutes = digits(text, 14, 2);
    const int seconds = digits(text, 17, 2);
    if (!date || hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) {
        return std::nullopt;
    }
    return date->daysSinceEpoch() * 86400 + std::int64_t{hours} * 3600 + std::int64_t{minutes} * 60 + seconds;
}

std::string formatInstant(std::int64_t secondsSinceEpoch)
{
    std::int64_t days = secondsSinceEpoch / 86400;
    std::int64_t rest = secondsSinceEpoch % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    const Date date = Date::fromDays(days);
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", date.year, date.month, date.day,
                  static_cast<int>(rest / 3600), static_cast<int>(rest % 3600 / 60), static_cast<int>(rest % 60));
    return buffer;
}

} // namespace fieldbook
