#include "benchdata.h"

#include "model/dates.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <cstdio>

namespace fieldbook::bench {

namespace {

constexpr const char* kGivenNames[] = {"Irina", "Daniel", "Aisha", "Tom",  "Grace",  "Marek",
                                       "Sofia", "Kwame",  "Lucy",  "Owen", "Priya",  "Jamal",
                                       "Ellie", "Connor", "Nadia", "Ravi", "Hannah", "Leon"};
constexpr const char* kFamilyNames[] = {"Hughes", "Okafor", "Nowak",    "Patel", "Evans", "Murphy",
                                        "Ahmed",  "Clarke", "Kowalski", "Begum", "Walsh", "Mensah",
                                        "Reid",   "Shah",   "Doyle",    "Baker"};
constexpr const char* kEstablishments[] = {"HMP Northfield", "HMP Riverside", "HMP Eastgate",
                                           "HMP Hollins Park"};
constexpr const char* kRelations[] = {"partner", "mother",      "sister", "father",
                                      "brother", "grandmother", "friend"};
constexpr const char* kLocations[] = {"Visitors' centre", "Community café", "Library", "Family hub",
                                      "Phone call"};
constexpr const char* kModes[] = {"in_person", "phone", "video"};
constexpr const char* kLanguages[] = {"English", "Polish", "Urdu", "Romanian", "Somali"};
constexpr const char* kSentences[] = {
    "We met as planned and talked about how the last visit went.",
    "She said the children are finding the weekends hard since the move.",
    "He is worried about the cost of travelling to the prison every fortnight.",
    "We went through the visiting order process together and booked the next slot.",
    "The family member felt better prepared for the release date after we talked it through.",
    "We looked at the letter from the housing office and agreed who to call first.",
    "She has started going to the support group on Thursdays and found it useful.",
    "Money is tight this month; we talked about the assisted prison visits scheme.",
    "We practised what to say to the school about the children's father being away.",
    "The session ended early because of childcare; we agreed to phone next week instead.",
    "Contact with the prison has improved since the family engagement worker got involved.",
    "We talked about boundaries and what I can and cannot help with as a volunteer.",
};

constexpr std::int64_t kMinutesPerDay = 24 * 60;

std::string hex(std::uint64_t high, std::uint64_t low)
{
    char text[33];
    std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(high),
                  static_cast<unsigned long long>(low));
    return text;
}

} // namespace

BenchData::BenchData(std::uint64_t seed)
    : m_seed(seed)
    , m_random(seed)
{
    m_startSeconds =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    m_today = m_startSeconds / 86400;
    m_cases.resize(kCases);
    for (int i = 0; i < kCases; ++i) {
        BenchCase& c = m_cases[static_cast<std::size_t>(i)];
        c.id = id();
        c.prisoner = id();
        c.person = id();
        c.relationship = id();
        c.consent = id();
        c.checkPrisoner = id();
        c.checkPerson = id();
        for (auto& report : c.reports) {
            report = id();
        }
        c.practitioner = i / kCasesPerPractitioner;
    }
    // Made-up users until the server's are known (a peer-only run keeps these).
    std::vector<std::string> practitioners;
    std::vector<std::string> befrienders;
    for (int p = 0; p < kPractitioners; ++p) {
        practitioners.push_back(id());
    }
    for (int b = 0; b < kBefrienders; ++b) {
        befrienders.push_back(id());
    }
    setUsers(std::move(practitioners), id(), std::move(befrienders));
}

void BenchData::setUsers(std::vector<std::string> practitioners, std::string coordinator,
                         std::vector<std::string> befrienders)
{
    m_practitioners = std::move(practitioners);
    m_coordinator = std::move(coordinator);
    m_befrienders = std::move(befrienders);
}

int BenchData::matchedCase(int befriender, int j)
{
    // Spread over practitioners 1..9 (37 is prime to 4,500, so the 100 indexes are distinct).
    return kCasesPerPractitioner +
           ((befriender * kMatchesPerBefriender + j) * 37) % (kCases - kCasesPerPractitioner);
}

std::string BenchData::id()
{
    const std::uint64_t high = m_random();
    const std::uint64_t low = m_random();
    return hex(high, low);
}

void BenchData::phase(std::uint64_t tag)
{
    m_random.seed(m_seed * 1000003u + tag);
}

int BenchData::pick(int bound)
{
    return static_cast<int>(m_random() % static_cast<std::uint64_t>(bound));
}

std::string BenchData::notes()
{
    std::string text;
    const int sentences = 3 + pick(6);
    for (int i = 0; i < sentences; ++i) {
        if (!text.empty()) {
            text += ' ';
        }
        text += kSentences[pick(static_cast<int>(std::size(kSentences)))];
    }
    return text;
}

std::string BenchData::instantDaysAgo(int days, int minuteOfDay) const
{
    // Today's sessions happened before the run started: a time later today is in the future, which
    // the write rules refuse (a run shortly after midnight UTC would otherwise fail).
    const std::int64_t seconds = ((m_today - days) * kMinutesPerDay + minuteOfDay) * 60;
    return formatInstant(std::min(seconds, m_startSeconds - 60 - minuteOfDay));
}

std::string BenchData::dateDaysFrom(int days) const
{
    return Date::fromDays(m_today + days).toString();
}

Change BenchData::make(HybridClock& clock, std::string type, std::string recordId, boost::json::object fields,
                       int formVersion)
{
    Change change;
    change.id = id();
    change.recordType = std::move(type);
    change.recordId = std::move(recordId);
    change.hlc = clock.tick(wallClockMillis());
    change.formVersion = formVersion;
    change.fields = std::move(fields);
    return change;
}

Placed BenchData::report(HybridClock& clock, const BenchCase& theCase, int daysAgo)
{
    boost::json::object fields{{"case_id", theCase.id},
                               {"person_id", theCase.person},
                               {"occurred_at", instantDaysAgo(daysAgo, 9 * 60 + pick(10 * 60))},
                               {"duration_minutes", 30 + 15 * pick(7)},
                               {"mode", kModes[pick(3)]},
                               {"location", kLocations[pick(static_cast<int>(std::size(kLocations)))]},
                               {"notes", notes()},
                               {"concerns", "none"}};
    if (pick(25) == 0) {
        fields["concerns"] = "boundary";
        fields["concern_details"] =
            "Asked me for my personal phone number; I explained why I cannot give it.";
    }
    return Placed{make(clock, "session_report", id(), std::move(fields), 2), theCase.id};
}

std::vector<Placed> BenchData::seedChanges(int practitioner, HybridClock& clock)
{
    phase(100 + static_cast<std::uint64_t>(practitioner));
    std::vector<Placed> out;
    out.reserve(static_cast<std::size_t>(kCasesPerPractitioner * kRecordsPerCase));
    const std::string& author = m_practitioners.at(static_cast<std::size_t>(practitioner));
    for (int i = firstCaseOf(practitioner); i < firstCaseOf(practitioner + 1); ++i) {
        const BenchCase& c = m_cases[static_cast<std::size_t>(i)];
        const std::string family = kFamilyNames[pick(static_cast<int>(std::size(kFamilyNames)))];
        char prisonNumber[16];
        std::snprintf(prisonNumber, sizeof prisonNumber, "A%04d%c%c", pick(10000), 'A' + pick(26),
                      'A' + pick(26));
        out.push_back(
            {make(clock, "person", c.prisoner,
                  {{"kind", "prisoner"},
                   {"given_name", kGivenNames[pick(static_cast<int>(std::size(kGivenNames)))]},
                   {"family_name", family},
                   {"date_of_birth", dateDaysFrom(-(20 * 365 + pick(30 * 365)))},
                   {"prison_number", prisonNumber},
                   {"establishment", kEstablishments[pick(static_cast<int>(std::size(kEstablishments)))]},
                   {"release_date", dateDaysFrom(30 + pick(700))}}),
             c.id});
        char phone[24];
        std::snprintf(phone, sizeof phone, "07700 9%05d", pick(100000));
        out.push_back(
            {make(clock, "person", c.person,
                  {{"kind", "family_member"},
                   {"given_name", kGivenNames[pick(static_cast<int>(std::size(kGivenNames)))]},
                   {"family_name", family},
                   {"date_of_birth", dateDaysFrom(-(19 * 365 + pick(40 * 365)))},
                   {"phone", phone},
                   {"how_to_reach", "Mobile after 6pm; text first."},
                   {"preferred_language", kLanguages[pick(static_cast<int>(std::size(kLanguages)))]}}),
             c.id});
        out.push_back({make(clock, "relationship", c.relationship,
                            {{"prisoner_id", c.prisoner},
                             {"person_id", c.person},
                             {"relation", kRelations[pick(static_cast<int>(std::size(kRelations)))]}}),
                       c.id});
        out.push_back({make(clock, "consent", c.consent,
                            {{"given_by", c.prisoner},
                             {"scope", "contact"},
                             {"about", c.person},
                             {"status", "given"},
                             {"method", "written"},
                             {"recorded_at", instantDaysAgo(200 + pick(100), 10 * 60)},
                             {"recorded_by", author}}),
                       c.id});
        for (const auto& [check, subject] :
             {std::pair{c.checkPrisoner, c.prisoner}, std::pair{c.checkPerson, c.person}}) {
            out.push_back({make(clock, "protection_check", check,
                                {{"subject", subject},
                                 {"outcome", "clear"},
                                 {"restrictions", boost::json::array{}},
                                 {"checked_at", dateDaysFrom(-(150 + pick(40)))},
                                 {"source", "Offender management unit"}}),
                           c.id});
        }
        out.push_back({make(clock, "case", c.id,
                            {{"person_id", c.person},
                             {"stream", "befriending"},
                             {"practitioner_id", author},
                             {"status", "open"},
                             {"opened_on", dateDaysFrom(-(120 + pick(60)))},
                             {"referral_source", "triage"},
                             {"team", "north"}}),
                       c.id});
        for (std::size_t r = 0; r < c.reports.size(); ++r) {
            Placed placed = report(clock, c, 10 + 20 * static_cast<int>(r) + pick(10));
            placed.change.recordId = c.reports[r];
            out.push_back(std::move(placed));
        }
    }
    return out;
}

std::vector<Placed> BenchData::matchChanges(HybridClock& clock)
{
    phase(200);
    std::vector<Placed> out;
    for (int b = 0; b < kBefrienders; ++b) {
        out.push_back({make(clock, "vetting", id(),
                            {{"volunteer", m_befrienders[static_cast<std::size_t>(b)]},
                             {"dbs_checked_at", dateDaysFrom(-100)},
                             {"dbs_expires_at", dateDaysFrom(700)},
                             {"training", boost::json::array{"safeguarding", "professional_boundaries",
                                                             "equality_diversity", "data_protection"}}}),
                       ""});
    }
    for (int b = 0; b < kBefrienders; ++b) {
        for (int j = 0; j < kMatchesPerBefriender; ++j) {
            const BenchCase& c = caseAt(matchedCase(b, j));
            out.push_back({make(clock, "match", id(),
                                {{"case_id", c.id},
                                 {"volunteer", m_befrienders[static_cast<std::size_t>(b)]},
                                 {"person_id", c.person},
                                 {"status", "active"},
                                 {"started_at", dateDaysFrom(-60)}}),
                           c.id});
        }
    }
    return out;
}

std::vector<Placed> BenchData::withdrawalChanges(int practitioner, HybridClock& clock)
{
    phase(300 + static_cast<std::uint64_t>(practitioner));
    std::vector<Placed> out;
    for (int b = 0; b < kBefrienders; ++b) {
        const BenchCase& c = caseAt(matchedCase(b, kMatchesPerBefriender - 1));
        if (c.practitioner != practitioner) {
            continue;
        }
        out.push_back({make(clock, "consent", id(),
                            {{"given_by", c.prisoner},
                             {"scope", "contact"},
                             {"about", c.person},
                             {"status", "withdrawn"},
                             {"method", "phone"},
                             {"recorded_at", instantDaysAgo(1, 11 * 60)},
                             {"recorded_by", m_practitioners.at(static_cast<std::size_t>(practitioner))}}),
                       c.id});
    }
    return out;
}

std::vector<Placed> BenchData::pushChanges(int befriender, HybridClock& clock)
{
    phase(400 + static_cast<std::uint64_t>(befriender));
    std::vector<Placed> out;
    out.reserve(kReportsPerDevice);
    for (int n = 0; n < kReportsPerDevice; ++n) {
        const int j =
            n % kFailEvery == kFailEvery - 1 ? kMatchesPerBefriender - 1 : n % (kMatchesPerBefriender - 1);
        out.push_back(report(clock, caseAt(matchedCase(befriender, j)), 1 + pick(28)));
    }
    return out;
}

std::vector<Placed> BenchData::incrementalOwn(HybridClock& clock)
{
    phase(500);
    std::vector<Placed> out;
    for (int i = 0; i < kNewOwnReports; ++i) {
        out.push_back(report(clock, caseAt(firstCaseOf(0) + i), 0));
    }
    for (int i = 0; i < kNewOwnCaseUpdates; ++i) {
        const BenchCase& c = caseAt(firstCaseOf(0) + kNewOwnReports + i);
        out.push_back({make(clock, "case", c.id,
                            {{"release_date", dateDaysFrom(14 + i)}, {"referral_source", "prison"}}),
                       c.id});
    }
    return out;
}

std::vector<Placed> BenchData::incrementalBefriender(int befriender, HybridClock& clock)
{
    phase(600 + static_cast<std::uint64_t>(befriender));
    std::vector<Placed> out;
    for (int n = 0; n < kNewBefrienderReports; ++n) {
        out.push_back(report(clock, caseAt(matchedCase(befriender, n % (kMatchesPerBefriender - 1))), 0));
    }
    return out;
}

std::vector<Placed> BenchData::incrementalPersons(HybridClock& clock)
{
    phase(700);
    std::vector<Placed> out;
    for (int i = 0; i < kNewPersonUpdates; ++i) {
        const BenchCase& c = caseAt(firstCaseOf(2) + i);
        char phone[24];
        std::snprintf(phone, sizeof phone, "07700 8%05d", pick(100000));
        out.push_back({make(clock, "person", c.person, {{"phone", phone}}), c.id});
    }
    return out;
}

std::string BenchData::sealedPart(const Change& change)
{
    boost::json::object sealed;
    for (const char* name : {"notes", "concern_details"}) {
        if (const auto* value = change.fields.if_contains(name)) {
            sealed[name] = *value;
        }
    }
    return boost::json::serialize(sealed);
}

} // namespace fieldbook::bench
