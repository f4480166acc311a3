// The monthly report (docs/sync-contract.md 1.2 "Monthly report"): counts for a manager, never a name or a
// narrative. The counting rules live here, once, so that the server (which answers
// GET /v1/reports/monthly and `admin report monthly`) and the app count alike.
//
// What must stay true:
// - months are UTC calendar months; a record counts in the month of its counting day
//   (countingField()), and a record without a valid counting day counts in no month;
// - each triage counts once, under exactly one of its three outcomes, so they sum to `total`;
// - contacts count only applied records; held (quarantined) contacts are counted apart;
// - the report carries counts, means and percentages only: no record id, no name, no free text
//   but the self-defined ethnicity labels that the take-up comparison needs.
#pragma once

#include "model/dates.h"
#include "model/formdefinition.h"
#include "model/record.h"
#include "rules/facts.h"

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fieldbook {

// A UTC calendar month, written YYYY-MM.
struct ReportMonth
{
    int year = 1970;
    int month = 1;

    // Strict YYYY-MM, years 2000 to 2999, months 01 to 12; nullopt otherwise.
    static std::optional<ReportMonth> parse(std::string_view text);
    Date first() const;
    Date last() const;
    bool contains(Date day) const { return day >= first() && day <= last(); }
    std::string toString() const;
};

// One stored record as the report reads it: its current fields, whether it is held
// (quarantined), and when the server received it (a fallback day, see countingDay()).
struct ReportRecord
{
    Record record;
    bool held = false;
    std::int64_t receivedAt = 0; // seconds since the epoch
};

// The establishment's population by self-defined ethnicity (admin import-population).
struct PopulationRow
{
    std::string establishment;
    std::string ethnicity;
    std::int64_t count = 0;
};

// Bounds of a population file: what one establishment's diversity data can reasonably hold.
inline constexpr std::size_t kMaxPopulationBytes = 256 * 1024;
inline constexpr std::size_t kMaxPopulationRows = 500;
inline constexpr std::size_t kMaxEthnicityLength = 100;
inline constexpr std::int64_t kMaxPopulationCount = 1000000;

// A population file: CSV (RFC 4180, quoted fields allowed) of `ethnicity,count` rows, an optional
// header line `ethnicity,count`, blank lines ignored. Labels are 1 to kMaxEthnicityLength bytes of
// printable UTF-8, counts whole numbers from 0 to kMaxPopulationCount, no label twice (by
// ethnicityKey), at least one row. Throws std::invalid_argument naming the line and what is wrong.
// The rows' establishment is left empty for the caller to fill in.
std::vector<PopulationRow> parsePopulationCsv(std::string_view text);

// Every record the report reads, of any type it counts (triage, case, person, the contact
// records, safeguarding_report, radar, match, welfare_grant_request), applied or held.
struct ReportInput
{
    std::vector<ReportRecord> records;
    std::vector<PopulationRow> population;
};

// ---- The counting rules ------------------------------------------------------------------------

// The field whose day places a record of this type in a month: triage triaged_at, case opened_on,
// contact records and safeguarding_report occurred_at, radar assessed_on, welfare_grant_request
// requested_on; "" for a type the report does not place by a day.
std::string_view countingField(std::string_view recordType);
// The counting day of a record: the day of its countingField(). A safeguarding report or a RADAR
// without that (optional) field counts on the day the server received it.
std::optional<Date> countingDay(const ReportRecord& record);

// Open at the end of the day `end`: opened on or before it (a case without opened_on counts as
// opened) and not closed by then (status closed with closed_on on or before `end`, or closed
// without a closed_on). A case closed after `end` was still open then.
bool openOn(const Record& theCase, Date end);

// Take-up against population share: a group is under-represented when people are accepted from it
// and its share of the month's acceptances is under 80 % of its share of the population.
inline constexpr double kUnderRepresentedRatio = 0.8;
bool underRepresented(double takeUpPercent, double populationPercent, std::int64_t acceptedTotal);

// The key two spellings of one self-defined ethnicity share ("White  British " and "white british"):
// ASCII case folded, spaces trimmed and collapsed. "" for a blank label.
std::string ethnicityKey(std::string_view label);

// A count as a file to be shared outside the charity shows it: counts from 1 to below-1 become
// "<below"; 0 and larger counts stay as they are (a zero discloses nobody). below <= 1: no change.
std::string suppressedText(std::int64_t count, int below);
bool isSuppressed(std::int64_t count, int below);

// ---- The report --------------------------------------------------------------------------------

using Counts = std::vector<std::pair<std::string, std::int64_t>>;

struct RadarDomainChange
{
    std::string domain;
    std::int64_t cases = 0; // cases with this domain scored at both start and exit
    double startMean = 0.0;
    double exitMean = 0.0;
    double change = 0.0; // mean of exit minus start; 0.0 when no case
};

struct TakeUpRow
{
    std::string ethnicity; // the population's label when imported, else the first label seen
    std::int64_t triaged = 0;
    std::int64_t accepted = 0;
    std::int64_t population = 0;
    double takeUpPercent = 0.0;     // accepted / all accepted in the month
    double populationPercent = 0.0; // population / all population imported
    bool underRepresented = false;
};

struct MonthlyReport
{
    ReportMonth month;
    Counts triages;           // total, accepted, declined, declined_to_sign
    Counts declineReasons;    // triages with outcome declined, each reason they give
    Counts referralsBySource; // cases by opened_on, by referral_source (not_recorded when missing)
    Counts openCasesByStream; // open at the month's end
    Counts contacts;          // total, session_report, contact_sheet, play_session (applied)
    Counts contactsByMode;    // in_person, phone, video, not_recorded (applied)
    std::int64_t heldContacts = 0;
    std::int64_t safeguardingReports = 0;
    Counts overdueContacts; // total and by rhythm, at the end of the month's last day
    std::int64_t radarCases = 0;
    std::vector<RadarDomainChange> radar;
    Counts matches;       // started, ended (by started_at, ended_at)
    Counts playSessions;  // sessions, children_reached (distinct children of the month's sessions)
    Counts welfareGrants; // requested, amount_pence (by requested_on)
    std::int64_t populationTotal = 0;
    std::vector<TakeUpRow> takeUp;
};

// The report for `month` from `input`. `facts` answers the rhythms (what was overdue at the
// month's end) and must see the same applied records as `input`; `forms` names the vocabularies
// (every choice of a counted field is listed, with 0 when nothing counted under it).
MonthlyReport computeMonthlyReport(const ReportInput& input, const FactSource& facts, const FormRegistry& forms,
                                   ReportMonth month);

// The contract's JSON, plus the extra figures. With suppressBelow > 1, small counts are the
// string "<N>" and means and percentages drawn from them are left out (null).
boost::json::object monthlyReportJson(const MonthlyReport& report, int suppressBelow = 0);

// One CSV table per section (RFC 4180: CRLF, fields with a comma, quote or line break quoted,
// quotes doubled). Each table: a line with the section's JSON key, a header line, its rows, and a
// blank line after it.
std::string monthlyReportCsv(const MonthlyReport& report, int suppressBelow = 0);

// One CSV field, quoted as RFC 4180 requires.
std::string csvField(std::string_view text);

// Two decimals, "-0.50", for the tables of the CSV and the PDF.
std::string formatDecimal(double value);

} // namespace fieldbook
