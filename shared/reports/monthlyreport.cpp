#include "reports/monthlyreport.h"

#include "reports/radar.h"
#include "rules/rhythms.h"
#include "rules/ruledetail.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>

namespace fieldbook {

namespace {

using detail::dayOf;
using detail::stringsOf;

constexpr std::string_view kNotRecorded = "not_recorded";
constexpr std::string_view kContactTypes[] = {"session_report", "contact_sheet", "play_session"};
// The rhythms whose overdue items are contacts someone should have made (rules/rhythms.h).
constexpr std::string_view kContactRhythms[] = {"befriending_contact", "first_contact_carer",
                                                "volunteer_first_contact", "community_followup"};

std::vector<std::string> choicesOf(const FormRegistry& forms, std::string_view type, std::string_view field)
{
    const FormDefinition* form = forms.current(type);
    const FieldDefinition* definition = form != nullptr ? form->field(field) : nullptr;
    return definition != nullptr ? definition->choices : std::vector<std::string>{};
}

Counts zeroed(const std::vector<std::string>& keys)
{
    Counts out;
    out.reserve(keys.size());
    for (const auto& key : keys) {
        out.emplace_back(key, 0);
    }
    return out;
}

// A value outside the vocabulary (an older form version) still counts, under its own key.
void bump(Counts& counts, std::string_view key, std::int64_t by = 1)
{
    for (auto& [name, count] : counts) {
        if (name == key) {
            count += by;
            return;
        }
    }
    counts.emplace_back(std::string(key), by);
}

std::int64_t countOf(const Counts& counts, std::string_view key)
{
    for (const auto& [name, count] : counts) {
        if (name == key) {
            return count;
        }
    }
    return 0;
}

bool isContactType(std::string_view type)
{
    return std::find(std::begin(kContactTypes), std::end(kContactTypes), type) != std::end(kContactTypes);
}

bool inMonth(const ReportRecord& record, ReportMonth month)
{
    const auto day = countingDay(record);
    return day && month.contains(*day);
}

// The facts as they stood at the end of `end`, as far as the rhythms ask: a case closed after
// `end` was open then, and a match ended after `end` was active then. Records written after `end`
// are left in: the rhythms read contacts only "on or before today".
class AsOfFacts final : public FactSource
{
public:
    AsOfFacts(const FactSource& facts, Date end) : m_facts(facts), m_end(end) {}

    std::optional<Record> record(std::string_view type, std::string_view id) const override
    {
        auto found = m_facts.record(type, id);
        if (found) {
            rewind(*found);
        }
        return found;
    }
    std::vector<Record> recordsWhere(std::string_view type, std::string_view field,
                                     std::string_view value) const override
    {
        auto found = m_facts.recordsWhere(type, field, value);
        for (auto& record : found) {
            rewind(record);
        }
        return found;
    }
    std::optional<User> user(std::string_view userId) const override { return m_facts.user(userId); }
    std::string creatorOf(std::string_view type, std::string_view id) const override
    {
        return m_facts.creatorOf(type, id);
    }

private:
    void rewind(Record& record) const
    {
        if (record.type == "case" && record.text("status") == "closed" && openOn(record, m_end)) {
            record.fields["status"] = "open";
            record.fields.erase("closed_on");
        } else if (record.type == "match" && record.text("status") == "ended") {
            const auto ended = dayOf(record, "ended_at");
            if (ended && *ended > m_end) {
                record.fields["status"] = "active";
                record.fields.erase("ended_at");
            }
        }
    }

    const FactSource& m_facts;
    Date m_end;
};

double mean(double sum, std::int64_t n)
{
    return n > 0 ? sum / static_cast<double>(n) : 0.0;
}

std::vector<RadarDomainChange> radarChange(const std::vector<const ReportRecord*>& radars,
                                           const std::vector<std::string>& domains, ReportMonth month,
                                           std::int64_t& casesOut)
{
    std::map<std::string, std::vector<const Record*>> byCase;
    std::map<const Record*, const ReportRecord*> items;
    for (const ReportRecord* radar : radars) {
        byCase[radar->record.text("case_id")].push_back(&radar->record);
        items[&radar->record] = radar;
    }
    std::vector<RadarDomainChange> out;
    std::vector<double> startSum(domains.size(), 0.0);
    std::vector<double> exitSum(domains.size(), 0.0);
    std::vector<std::int64_t> counted(domains.size(), 0);
    casesOut = 0;
    for (const auto& [caseId, records] : byCase) {
        const RadarPair pair = radarPairOf(records);
        if (caseId.empty() || pair.start == nullptr || pair.exit == nullptr || !inMonth(*items.at(pair.exit), month)) {
            continue;
        }
        const auto* start = pair.start->fields.if_contains("scores");
        const auto* exit = pair.exit->fields.if_contains("scores");
        if (start == nullptr || exit == nullptr || !start->is_object() || !exit->is_object()) {
            continue;
        }
        ++casesOut;
        for (std::size_t i = 0; i < domains.size(); ++i) {
            const auto s = radarScore(*pair.start, domains[i]);
            const auto e = radarScore(*pair.exit, domains[i]);
            if (s && e) {
                startSum[i] += *s;
                exitSum[i] += *e;
                ++counted[i];
            }
        }
    }
    for (std::size_t i = 0; i < domains.size(); ++i) {
        RadarDomainChange domain;
        domain.domain = domains[i];
        domain.cases = counted[i];
        domain.startMean = mean(startSum[i], counted[i]);
        domain.exitMean = mean(exitSum[i], counted[i]);
        domain.change = mean(exitSum[i] - startSum[i], counted[i]);
        out.push_back(std::move(domain));
    }
    return out;
}

std::vector<TakeUpRow> takeUpByEthnicity(const std::vector<const ReportRecord*>& triages,
                                         const std::map<std::string, std::string>& ethnicityOfPerson,
                                         const std::vector<PopulationRow>& population, std::int64_t& populationTotal)
{
    std::vector<TakeUpRow> rows;
    std::map<std::string, std::size_t> index; // ethnicityKey -> row
    const auto rowFor = [&](const std::string& label) -> TakeUpRow& {
        std::string key = ethnicityKey(label);
        if (key.empty()) {
            key = std::string(kNotRecorded);
        }
        const auto [at, added] = index.emplace(key, rows.size());
        if (added) {
            TakeUpRow row;
            row.ethnicity = key == kNotRecorded ? std::string(kNotRecorded) : label;
            rows.push_back(std::move(row));
        }
        return rows[at->second];
    };
    populationTotal = 0;
    for (const PopulationRow& group : population) {
        rowFor(group.ethnicity).population += group.count;
        populationTotal += group.count;
    }
    const std::size_t populationRows = rows.size();
    std::int64_t acceptedTotal = 0;
    for (const ReportRecord* triage : triages) {
        const auto found = ethnicityOfPerson.find(triage->record.text("person_id"));
        TakeUpRow& row = rowFor(found != ethnicityOfPerson.end() ? found->second : std::string());
        ++row.triaged;
        if (triage->record.text("outcome") == "accepted") {
            ++row.accepted;
            ++acceptedTotal;
        }
    }
    for (TakeUpRow& row : rows) {
        row.takeUpPercent = acceptedTotal > 0 ? 100.0 * static_cast<double>(row.accepted) / static_cast<double>(acceptedTotal) : 0.0;
        row.populationPercent =
            populationTotal > 0 ? 100.0 * static_cast<double>(row.population) / static_cast<double>(populationTotal) : 0.0;
        row.underRepresented = underRepresented(row.takeUpPercent, row.populationPercent, acceptedTotal);
    }
    // The population's groups in their imported order, then the others by label, not_recorded last.
    std::stable_sort(rows.begin() + static_cast<std::ptrdiff_t>(populationRows), rows.end(),
                     [](const TakeUpRow& a, const TakeUpRow& b) {
                         const bool aNone = a.ethnicity == kNotRecorded;
                         const bool bNone = b.ethnicity == kNotRecorded;
                         if (aNone != bNone) {
                             return bNone;
                         }
                         return ethnicityKey(a.ethnicity) < ethnicityKey(b.ethnicity);
                     });
    return rows;
}

} // namespace

// ---- ReportMonth -------------------------------------------------------------------------------

std::optional<ReportMonth> ReportMonth::parse(std::string_view text)
{
    if (text.size() != 7 || text[4] != '-') {
        return std::nullopt;
    }
    const auto digits = [](std::string_view part, int& out) {
        if (!std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            return false;
        }
        return std::from_chars(part.data(), part.data() + part.size(), out).ec == std::errc();
    };
    ReportMonth month;
    if (!digits(text.substr(0, 4), month.year) || !digits(text.substr(5, 2), month.month)) {
        return std::nullopt;
    }
    if (month.year < 2000 || month.year > 2999 || month.month < 1 || month.month > 12) {
        return std::nullopt;
    }
    return month;
}

Date ReportMonth::first() const
{
    return Date{year, month, 1};
}

Date ReportMonth::last() const
{
    const Date next = month == 12 ? Date{year + 1, 1, 1} : Date{year, month + 1, 1};
    return next.addDays(-1);
}

std::string ReportMonth::toString() const
{
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d", year, month);
    return text;
}

// ---- Counting rules ----------------------------------------------------------------------------

std::string_view countingField(std::string_view recordType)
{
    if (recordType == "triage") {
        return "triaged_at";
    }
    if (recordType == "case") {
        return "opened_on";
    }
    if (isContactType(recordType) || recordType == "safeguarding_report") {
        return "occurred_at";
    }
    if (recordType == "radar") {
        return "assessed_on";
    }
    if (recordType == "welfare_grant_request") {
        return "requested_on";
    }
    return {};
}

std::optional<Date> countingDay(const ReportRecord& record)
{
    const std::string_view field = countingField(record.record.type);
    if (field.empty()) {
        return std::nullopt;
    }
    if (record.record.has(field)) {
        return dayOf(record.record, field);
    }
    if ((record.record.type == "safeguarding_report" || record.record.type == "radar") && record.receivedAt > 0) {
        return Date::fromDays(record.receivedAt / 86400);
    }
    return std::nullopt;
}

bool openOn(const Record& theCase, Date end)
{
    if (theCase.has("opened_on")) {
        const auto opened = dayOf(theCase, "opened_on");
        if (!opened || *opened > end) {
            return false;
        }
    }
    if (theCase.text("status") != "closed") {
        return true;
    }
    const auto closed = dayOf(theCase, "closed_on");
    return closed && *closed > end;
}

bool underRepresented(double takeUpPercent, double populationPercent, std::int64_t acceptedTotal)
{
    return acceptedTotal > 0 && populationPercent > 0.0 && takeUpPercent < kUnderRepresentedRatio * populationPercent;
}

std::string ethnicityKey(std::string_view label)
{
    std::string out;
    bool space = false;
    for (const char c : label) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out.push_back(' ');
            space = false;
        }
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

bool isSuppressed(std::int64_t count, int below)
{
    return below > 1 && count > 0 && count < below;
}

std::string suppressedText(std::int64_t count, int below)
{
    return isSuppressed(count, below) ? "<" + std::to_string(below) : std::to_string(count);
}

namespace {

// The fields of one CSV record starting at `at` (RFC 4180); moves `at` past its line break.
std::vector<std::string> csvRecord(std::string_view text, std::size_t& at, std::size_t line)
{
    std::vector<std::string> fields(1);
    bool quoted = false;
    bool wasQuoted = false;
    while (at < text.size()) {
        const char c = text[at++];
        if (quoted) {
            if (c == '"' && at < text.size() && text[at] == '"') {
                fields.back().push_back('"');
                ++at;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back().push_back(c);
            }
        } else if (c == '"' && fields.back().empty() && !wasQuoted) {
            quoted = true;
            wasQuoted = true;
        } else if (c == ',') {
            fields.emplace_back();
            wasQuoted = false;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && at < text.size() && text[at] == '\n') {
                ++at;
            }
            return fields;
        } else if (wasQuoted) {
            throw std::invalid_argument("line " + std::to_string(line) + ": text after a closing quote");
        } else {
            fields.back().push_back(c);
        }
    }
    if (quoted) {
        throw std::invalid_argument("line " + std::to_string(line) + ": a quote is never closed");
    }
    return fields;
}

bool printableUtf8(std::string_view text)
{
    // Control characters are refused; bytes from 0x80 are UTF-8 sequences, checked for shape.
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
        if (length == 0 || i + length > text.size() || (length == 1 && (c < 0x20 || c == 0x7f))) {
            return false;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) {
                return false;
            }
        }
        i += length;
    }
    return true;
}

std::string trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

} // namespace

std::vector<PopulationRow> parsePopulationCsv(std::string_view text)
{
    if (text.size() > kMaxPopulationBytes) {
        throw std::invalid_argument("the file is larger than " + std::to_string(kMaxPopulationBytes / 1024) + " KiB");
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3); // a spreadsheet's byte order mark
    }
    std::vector<PopulationRow> rows;
    std::set<std::string> seen;
    bool anyRecord = false;
    std::size_t at = 0;
    for (std::size_t line = 1; at < text.size(); ++line) {
        const auto fields = csvRecord(text, at, line);
        const std::string where = "line " + std::to_string(line) + ": ";
        if (fields.size() == 1 && trimmed(fields[0]).empty()) {
            continue;
        }
        if (fields.size() != 2) {
            throw std::invalid_argument(where + "expected two fields, ethnicity,count");
        }
        const std::string label = trimmed(fields[0]);
        const std::string countText = trimmed(fields[1]);
        const bool firstRecord = !anyRecord;
        anyRecord = true;
        if (firstRecord && ethnicityKey(label) == "ethnicity" && ethnicityKey(countText) == "count") {
            continue; // the header
        }
        if (label.empty() || label.size() > kMaxEthnicityLength || !printableUtf8(label)) {
            throw std::invalid_argument(where + "the ethnicity must be 1 to " + std::to_string(kMaxEthnicityLength) +
                                        " printable characters");
        }
        std::int64_t count = -1;
        const auto [end, error] = std::from_chars(countText.data(), countText.data() + countText.size(), count);
        if (countText.empty() || error != std::errc() || end != countText.data() + countText.size() || count < 0 ||
            count > kMaxPopulationCount) {
            throw std::invalid_argument(where + "the count must be a whole number from 0 to " +
                                        std::to_string(kMaxPopulationCount));
        }
        if (!seen.insert(ethnicityKey(label)).second) {
            throw std::invalid_argument(where + "this ethnicity is already listed");
        }
        if (rows.size() == kMaxPopulationRows) {
            throw std::invalid_argument("more than " + std::to_string(kMaxPopulationRows) + " groups");
        }
        rows.push_back(PopulationRow{{}, label, count});
    }
    if (rows.empty()) {
        throw std::invalid_argument("the file lists no group");
    }
    return rows;
}

// ---- The report --------------------------------------------------------------------------------

MonthlyReport computeMonthlyReport(const ReportInput& input, const FactSource& facts, const FormRegistry& forms,
                                   ReportMonth month)
{
    MonthlyReport report;
    report.month = month;
    const Date end = month.last();

    std::vector<std::string> outcomes = choicesOf(forms, "triage", "outcome");
    report.triages = zeroed({"total"});
    for (const auto& outcome : outcomes) {
        report.triages.emplace_back(outcome, 0);
    }
    report.declineReasons = zeroed(choicesOf(forms, "triage", "decline_reasons"));
    report.referralsBySource = zeroed(choicesOf(forms, "case", "referral_source"));
    report.referralsBySource.emplace_back(kNotRecorded, 0);
    report.openCasesByStream = zeroed(choicesOf(forms, "case", "stream"));
    report.contacts = zeroed({"total", "session_report", "contact_sheet", "play_session"});
    report.contactsByMode = zeroed(choicesOf(forms, "session_report", "mode"));
    for (const auto& mode : choicesOf(forms, "play_session", "mode")) {
        if (std::none_of(report.contactsByMode.begin(), report.contactsByMode.end(),
                         [&](const auto& entry) { return entry.first == mode; })) {
            report.contactsByMode.emplace_back(mode, 0);
        }
    }
    report.contactsByMode.emplace_back(kNotRecorded, 0);
    report.overdueContacts = zeroed({"total"});
    for (const auto rhythm : kContactRhythms) {
        report.overdueContacts.emplace_back(rhythm, 0);
    }
    report.matches = zeroed({"started", "ended"});
    report.playSessions = zeroed({"sessions", "children_reached"});
    report.welfareGrants = zeroed({"requested", "amount_pence"});

    std::vector<const ReportRecord*> monthTriages;
    std::vector<const ReportRecord*> radars;
    std::vector<std::string> openCases;
    std::map<std::string, std::string> ethnicityOfPerson;
    std::set<std::string> children;
    for (const ReportRecord& item : input.records) {
        const Record& record = item.record;
        const std::string& type = record.type;
        if (item.held) {
            if (isContactType(type) && inMonth(item, month)) {
                ++report.heldContacts;
            }
            continue;
        }
        if (type == "person") {
            ethnicityOfPerson[record.id] = record.text("ethnicity");
        } else if (type == "triage") {
            const std::string outcome = record.text("outcome");
            if (!inMonth(item, month) || std::find(outcomes.begin(), outcomes.end(), outcome) == outcomes.end()) {
                continue;
            }
            monthTriages.push_back(&item);
            bump(report.triages, "total");
            bump(report.triages, outcome);
            if (outcome == "declined") {
                for (const auto& reason : stringsOf(record, "decline_reasons")) {
                    bump(report.declineReasons, reason);
                }
            }
        } else if (type == "case") {
            if (inMonth(item, month)) {
                const std::string source = record.text("referral_source");
                bump(report.referralsBySource, source.empty() ? kNotRecorded : std::string_view(source));
            }
            if (openOn(record, end)) {
                bump(report.openCasesByStream, record.text("stream"));
                openCases.push_back(record.id);
            }
        } else if (isContactType(type)) {
            if (!inMonth(item, month)) {
                continue;
            }
            bump(report.contacts, "total");
            bump(report.contacts, type);
            const std::string mode = record.text("mode");
            bump(report.contactsByMode, mode.empty() ? kNotRecorded : std::string_view(mode));
            if (type == "play_session") {
                bump(report.playSessions, "sessions");
                children.insert(record.text("person_id"));
            }
        } else if (type == "safeguarding_report") {
            if (inMonth(item, month)) {
                ++report.safeguardingReports;
            }
        } else if (type == "radar") {
            radars.push_back(&item);
        } else if (type == "match") {
            const auto started = dayOf(record, "started_at");
            const auto ended = dayOf(record, "ended_at");
            if (started && month.contains(*started) && record.text("status") != "proposed") {
                bump(report.matches, "started");
            }
            if (ended && month.contains(*ended) && record.text("status") == "ended") {
                bump(report.matches, "ended");
            }
        } else if (type == "welfare_grant_request") {
            if (inMonth(item, month)) {
                bump(report.welfareGrants, "requested");
                const auto* amount = record.fields.if_contains("amount_pence");
                if (amount != nullptr && amount->is_int64() && amount->get_int64() > 0) {
                    bump(report.welfareGrants, "amount_pence", amount->get_int64());
                }
            }
        }
    }
    bump(report.playSessions, "children_reached", static_cast<std::int64_t>(children.size()));

    const AsOfFacts asOf(facts, end);
    for (const std::string& caseId : openCases) {
        for (const DueItem& due : dueForCase(caseId, asOf, end)) {
            if (due.state == DueState::Overdue &&
                std::find(std::begin(kContactRhythms), std::end(kContactRhythms), due.what) !=
                    std::end(kContactRhythms)) {
                bump(report.overdueContacts, "total");
                bump(report.overdueContacts, due.what);
            }
        }
    }

    report.radar = radarChange(radars, choicesOf(forms, "radar", "scores"), month, report.radarCases);
    report.takeUp = takeUpByEthnicity(monthTriages, ethnicityOfPerson, input.population, report.populationTotal);
    return report;
}

// ---- JSON --------------------------------------------------------------------------------------

namespace {

boost::json::value countValue(std::int64_t count, int below)
{
    if (isSuppressed(count, below)) {
        return boost::json::value(suppressedText(count, below));
    }
    return boost::json::value(count);
}

boost::json::object countsJson(const Counts& counts, int below)
{
    boost::json::object out;
    for (const auto& [key, count] : counts) {
        out[key] = countValue(count, below);
    }
    return out;
}

// Means drawn from fewer cases than the threshold would let a reader work back to one person.
boost::json::value meanValue(double value, std::int64_t cases, int below)
{
    if (below > 1 && cases > 0 && cases < below) {
        return nullptr;
    }
    return value;
}

} // namespace

boost::json::object monthlyReportJson(const MonthlyReport& report, int suppressBelow)
{
    const int below = suppressBelow;
    boost::json::object radarChangeJson;
    boost::json::object radarStart;
    boost::json::object radarExit;
    boost::json::object radarCases;
    for (const RadarDomainChange& domain : report.radar) {
        radarChangeJson[domain.domain] = meanValue(domain.change, domain.cases, below);
        radarStart[domain.domain] = meanValue(domain.startMean, domain.cases, below);
        radarExit[domain.domain] = meanValue(domain.exitMean, domain.cases, below);
        radarCases[domain.domain] = countValue(domain.cases, below);
    }
    boost::json::array takeUp;
    for (const TakeUpRow& row : report.takeUp) {
        const bool hidden = isSuppressed(row.accepted, below) || isSuppressed(row.triaged, below);
        takeUp.push_back(boost::json::object{
            {"ethnicity", row.ethnicity},
            {"triaged", countValue(row.triaged, below)},
            {"accepted", countValue(row.accepted, below)},
            {"population", row.population},
            {"take_up_pct", hidden ? boost::json::value(nullptr) : boost::json::value(row.takeUpPercent)},
            {"population_pct", row.populationPercent},
            {"under_represented", row.underRepresented},
        });
    }
    boost::json::object out{
        {"month", report.month.toString()},
        {"triages", countsJson(report.triages, below)},
        {"decline_reasons", countsJson(report.declineReasons, below)},
        {"referrals_by_source", countsJson(report.referralsBySource, below)},
        {"open_cases_by_stream", countsJson(report.openCasesByStream, below)},
        {"contacts", countsJson(report.contacts, below)},
        {"held_contacts", countValue(report.heldContacts, below)},
        {"safeguarding_reports", countValue(report.safeguardingReports, below)},
        {"radar_change", std::move(radarChangeJson)},
        {"take_up_by_ethnicity", std::move(takeUp)},
        {"contacts_by_mode", countsJson(report.contactsByMode, below)},
        {"overdue_contacts", countsJson(report.overdueContacts, below)},
        {"radar", boost::json::object{{"cases", countValue(report.radarCases, below)},
                                      {"cases_by_domain", std::move(radarCases)},
                                      {"start", std::move(radarStart)},
                                      {"exit", std::move(radarExit)}}},
        {"matches", countsJson(report.matches, below)},
        {"play_sessions", countsJson(report.playSessions, below)},
        {"welfare_grants", boost::json::object{{"requested", countValue(countOf(report.welfareGrants, "requested"), below)},
                                               {"amount_pence", countOf(report.welfareGrants, "amount_pence")}}},
        {"population_total", report.populationTotal},
    };
    if (below > 1) {
        out["suppress_below"] = below;
    }
    return out;
}

// ---- CSV ---------------------------------------------------------------------------------------

std::string csvField(std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(text);
    }
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') {
            out += "\"\"";
        } else {
            out.push_back(c);
        }
    }
    out += '"';
    return out;
}

std::string formatDecimal(double value)
{
    char text[32];
    const double rounded = std::round(value * 100.0) / 100.0;
    std::snprintf(text, sizeof text, "%.2f", rounded == 0.0 ? 0.0 : rounded);
    return text;
}

namespace {

class CsvWriter
{
public:
    void row(std::initializer_list<std::string> fields)
    {
        bool first = true;
        for (const auto& field : fields) {
            if (!first) {
                m_out += ',';
            }
            m_out += csvField(field);
            first = false;
        }
        m_out += "\r\n";
    }
    void table(std::string_view section, std::string_view keyHeader, const Counts& counts, int below)
    {
        row({std::string(section)});
        row({std::string(keyHeader), "count"});
        for (const auto& [key, count] : counts) {
            row({key, suppressedText(count, below)});
        }
        m_out += "\r\n";
    }
    void blank() { m_out += "\r\n"; }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
};

std::string meanText(double value, std::int64_t cases, int below)
{
    return below > 1 && cases > 0 && cases < below ? std::string() : formatDecimal(value);
}

} // namespace

std::string monthlyReportCsv(const MonthlyReport& report, int suppressBelow)
{
    const int below = suppressBelow;
    CsvWriter csv;
    csv.row({"report", "month", "suppress_below"});
    csv.row({"monthly", report.month.toString(), below > 1 ? std::to_string(below) : std::string()});
    csv.blank();
    csv.table("triages", "outcome", report.triages, below);
    csv.table("decline_reasons", "reason", report.declineReasons, below);
    csv.table("referrals_by_source", "source", report.referralsBySource, below);
    csv.table("open_cases_by_stream", "stream", report.openCasesByStream, below);
    csv.table("contacts", "record_type", report.contacts, below);
    csv.table("contacts_by_mode", "mode", report.contactsByMode, below);
    csv.table("held_and_safeguarding", "figure",
              Counts{{"held_contacts", report.heldContacts}, {"safeguarding_reports", report.safeguardingReports}},
              below);
    csv.table("overdue_contacts", "rhythm", report.overdueContacts, below);

    csv.row({"radar_change"});
    csv.row({"domain", "cases", "start_mean", "exit_mean", "change"});
    for (const RadarDomainChange& domain : report.radar) {
        csv.row({domain.domain, suppressedText(domain.cases, below), meanText(domain.startMean, domain.cases, below),
                 meanText(domain.exitMean, domain.cases, below), meanText(domain.change, domain.cases, below)});
    }
    csv.blank();

    csv.row({"take_up_by_ethnicity"});
    csv.row({"ethnicity", "triaged", "accepted", "take_up_pct", "population", "population_pct", "under_represented"});
    for (const TakeUpRow& row : report.takeUp) {
        const bool hidden = isSuppressed(row.accepted, below) || isSuppressed(row.triaged, below);
        csv.row({row.ethnicity, suppressedText(row.triaged, below), suppressedText(row.accepted, below),
                 hidden ? std::string() : formatDecimal(row.takeUpPercent), std::to_string(row.population),
                 formatDecimal(row.populationPercent), row.underRepresented ? "yes" : "no"});
    }
    csv.blank();

    csv.table("matches", "figure", report.matches, below);
    csv.table("play_sessions", "figure", report.playSessions, below);
    csv.row({"welfare_grants"});
    csv.row({"figure", "count"});
    csv.row({"requested", suppressedText(countOf(report.welfareGrants, "requested"), below)});
    csv.row({"amount_pence", std::to_string(countOf(report.welfareGrants, "amount_pence"))});
    return csv.take();
}

} // namespace fieldbook
