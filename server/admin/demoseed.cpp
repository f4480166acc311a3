#include "admin/demoseed.h"

#include "model/dates.h"
#include "model/formdefinition.h"
#include "model/ids.h"
#include "rules/releasetimeline.h"
#include "sync/derived.h"
#include "sync/hlc.h"
#include "sync/pushservice.h"
#include "util/clock.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <stdexcept>
#include <tuple>

namespace fieldbook::server {

namespace {

constexpr const char* kDemoSetting = "demo_users";

struct DemoUser
{
    Role role;
    const char* name;
};

// One of each role, in the contract's order; every one in the same team.
constexpr DemoUser kDemoUsers[] = {
    {Role::Befriender, "Sam Okafor"},
    {Role::PlayVolunteer, "Priya Shah"},
    {Role::PrisonVisitor, "Tom Reid"},
    {Role::Mentor, "Dev Malik"},
    {Role::Practitioner, "Alex Morgan"},
    {Role::Coordinator, "Jo Lewis"},
    {Role::SafeguardingOfficer, "Chris Nolan"},
    {Role::Manager, "Morgan Hale"},
    {Role::Admin, "Ari Admin"},
    // Through the gate: the intensive mentoring group with Dev Malik.
    {Role::Mentor, "Ruth Adeyemi"},
    {Role::Mentor, "Lee Chen"},
};

class DemoWriter
{
public:
    DemoWriter(Store& store, std::int64_t now)
        : m_store(store)
        , m_now(now)
        , m_clock(derivedId("fieldbook-demo-seed"))
        , m_push(FormRegistry::builtin())
    {
    }

    // Pushes one change as `author` and insists that it gets `expected` (applied, unless the demo
    // means to show a held record): the demo must obey the rules.
    std::string write(const User& author, const std::string& type, boost::json::object fields,
                      std::string recordId = {}, PushStatus expected = PushStatus::Applied)
    {
        if (recordId.empty()) {
            recordId = newId();
        }
        const std::string changeId = newId();
        boost::json::object change{{"id", changeId},
                                   {"record_type", type},
                                   {"record_id", recordId},
                                   {"op", "upsert"},
                                   {"hlc", m_clock.tick(m_now * 1000)},
                                   {"form_version", FormRegistry::builtin().current(type)->version},
                                   {"fields", std::move(fields)}};
        const boost::json::value body = boost::json::object{{"changes", boost::json::array{std::move(change)}}};
        const Caller caller{author, derivedId("fieldbook-demo-seed")};
        const auto results = m_push.push(m_store, caller, body, m_now);
        if (results.size() != 1 || results[0].status != expected) {
            throw std::runtime_error("the demo " + type + " was not " + std::string(pushStatusName(expected)) + ": " +
                                     (results.empty() ? std::string("no result")
                                                      : std::string(pushStatusName(results[0].status)) + " " +
                                                            results[0].reason.wire() + " (" + results[0].message + ")"));
        }
        return recordId;
    }

private:
    Store& m_store;
    std::int64_t m_now;
    HybridClock m_clock;
    PushService m_push;
};

std::string day(std::int64_t now, int offsetDays)
{
    return dayOf(now).addDays(offsetDays).toString();
}

std::string instant(std::int64_t now, std::int64_t offsetSeconds)
{
    return formatInstant(now + offsetSeconds);
}

// What the safeguarding officer and the practitioner act on: a session the befriender wrote up
// with Mark after Daniel withdrew his consent (held, with alerts to both), and two C1 reports,
// one urgent from the community and one from custody.
void addSafeguardingDemo(DemoWriter& demo, const User& befriender, const User& practitioner,
                         const std::string& irinaCase, const std::string& irina, const std::string& markCase,
                         const std::string& mark, std::int64_t now)
{
    constexpr std::int64_t kHour = 3600;
    demo.write(befriender, "session_report",
               {{"case_id", markCase},
                {"person_id", mark},
                {"occurred_at", instant(now, -20 * kHour)},
                {"duration_minutes", 45},
                {"mode", "phone"},
                {"notes", "Mark called me; we talked about his job interview."},
                {"concerns", "none"}},
               {}, PushStatus::Quarantined);
    demo.write(befriender, "safeguarding_report",
               {{"case_id", irinaCase},
                {"person_id", irina},
                {"urgency", "urgent"},
                {"setting", "community"},
                {"occurred_at", instant(now, -3 * kHour)},
                {"what_happened", "Irina said her former partner has been waiting outside the house at night."},
                {"action_taken", boost::json::array{"called_101"}},
                {"action_details", "Called 101 with Irina; incident number given to her."},
                {"officer_informed", true}});
    demo.write(practitioner, "safeguarding_report",
               {{"urgency", "non_urgent"},
                {"setting", "custody"},
                {"occurred_at", instant(now, -26 * kHour)},
                {"what_happened", "A prisoner on the wing, not on any case, spoke of being threatened over a debt."},
                {"action_taken", boost::json::array{"safer_custody_hotline"}},
                {"officer_informed", false}});
}

// Through the gate (docs/domain.md): three mentoring cases of Dev Malik's, each written as the field
// writes it. Kyle is released in 10 days (the prison meeting is due, the gate meeting planned,
// a welfare grant approved for release day); Jason was released a week ago (met at the gate, a
// follow-up since); Marcus, released 9 days ago, has intensive mentoring from Dev, Ruth and Lee,
// with a call every day but one.
void createMentoringDemo(DemoWriter& demo, const std::vector<User>& users, std::int64_t now)
{
    constexpr std::int64_t kDay = 86400;
    const User* practitioner = nullptr;
    const User* coordinator = nullptr;
    std::vector<const User*> mentors;
    for (const User& user : users) {
        practitioner = user.roles.has(Role::Practitioner) ? &user : practitioner;
        coordinator = user.roles.has(Role::Coordinator) ? &user : coordinator;
        if (user.roles.has(Role::Mentor)) {
            mentors.push_back(&user);
        }
    }
    if (practitioner == nullptr || coordinator == nullptr || mentors.size() < 3) {
        throw std::logic_error("a demo mentor is missing");
    }
    for (const User* mentor : mentors) {
        demo.write(*coordinator, "vetting",
                   {{"volunteer", mentor->id},
                    {"dbs_checked_at", day(now, -200)},
                    {"dbs_expires_at", day(now, 2 * 365)},
                    {"training",
                     boost::json::array{"safeguarding", "professional_boundaries", "equality_diversity", "data_protection"}},
                    {"references_received", true}});
    }
    struct Leaver
    {
        const char* givenName;
        const char* familyName;
        const char* born;
        const char* kind;
        int releaseInDays;
        const char* service;
    };
    const Leaver leavers[] = {
        {"Kyle", "Bennett", "1994-02-17", "prisoner", 10, "through_the_gate"},
        {"Jason", "Miles", "1989-07-30", "prison_leaver", -7, "through_the_gate"},
        {"Marcus", "Reid", "1997-11-05", "prison_leaver", -9, "intensive"},
    };
    std::vector<std::pair<std::string, std::string>> cases; // person, case
    for (const Leaver& leaver : leavers) {
        const std::string person = demo.write(*practitioner, "person",
                                              {{"kind", leaver.kind},
                                               {"given_name", leaver.givenName},
                                               {"family_name", leaver.familyName},
                                               {"date_of_birth", leaver.born},
                                               {"establishment", "HMP Northfield"},
                                               {"phone", "07700 900789"}});
        // Mentoring is with the person themselves: their own consent to be contacted, and their check.
        demo.write(*practitioner, "consent",
                   {{"given_by", person},
                    {"scope", "contact"},
                    {"about", person},
                    {"status", "given"},
                    {"method", "written"},
                    {"recorded_at", instant(now, -70 * kDay)},
                    {"recorded_by", practitioner->id}});
        demo.write(*practitioner, "protection_check",
                   {{"subject", person},
                    {"outcome", "clear"},
                    {"restrictions", boost::json::array{}},
                    {"checked_at", day(now, -68)},
                    {"source", "Offender management unit"}});
        boost::json::object theCase{{"person_id", person},
                                    {"stream", "mentoring"},
                                    {"practitioner_id", practitioner->id},
                                    {"status", "open"},
                                    {"opened_on", day(now, -70)},
                                    {"referral_source", "prison"},
                                    {"release_date", day(now, leaver.releaseInDays)},
                                    {"mentoring_service", leaver.service}};
        if (leaver.releaseInDays <= 0) {
            theCase["released_on"] = day(now, leaver.releaseInDays);
        }
        const std::string caseId = demo.write(*practitioner, "case", std::move(theCase));
        demo.write(*practitioner, "mentoring_referral",
                   {{"case_id", caseId},
                    {"referred_on", day(now, leaver.releaseInDays - 60)},
                    {"vulnerabilities", boost::json::array{"no_fixed_abode", "substance_misuse"}},
                    {"supervision", "licence"},
                    {"responsible_officer", "Probation: N. Shah"},
                    {"responsible_officer_contact", "Northfield probation office, 0161 496 0000"}});
        cases.emplace_back(person, caseId);
    }
    const User& dev = *mentors[0];
    const User& ruth = *mentors[1];
    const User& lee = *mentors[2];
    const auto matchOn = [&](const std::pair<std::string, std::string>& theCase, const User& mentor, int startedDaysAgo,
                             boost::json::object extra) {
        boost::json::object fields{{"case_id", theCase.second},
                                   {"volunteer", mentor.id},
                                   {"person_id", theCase.first},
                                   {"status", "active"},
                                   {"started_at", day(now, -startedDaysAgo)}};
        for (auto& entry : extra) {
            fields[entry.key()] = entry.value();
        }
        demo.write(*coordinator, "match", std::move(fields));
    };
    matchOn(cases[0], dev, 20, {});
    matchOn(cases[1], dev, 40, {});
    const char* devDays[] = {"monday", "tuesday", "wednesday"};
    const char* ruthDays[] = {"thursday", "friday"};
    const char* leeDays[] = {"saturday", "sunday"};
    const auto daysOf = [](const auto& list) {
        boost::json::array out;
        for (const char* day : list) {
            out.emplace_back(day);
        }
        return out;
    };
    matchOn(cases[2], dev, 40, {{"call_days", daysOf(devDays)}, {"weekly_meeting", true}, {"volunteer_name", "Dev"}});
    matchOn(cases[2], ruth, 38, {{"call_days", daysOf(ruthDays)}, {"volunteer_name", "Ruth"}});
    matchOn(cases[2], lee, 38, {{"call_days", daysOf(leeDays)}, {"volunteer_name", "Lee"}});

    // Kyle: a grant approved for his release day, the handover still to come.
    const std::string grant = demo.write(*practitioner, "welfare_grant_request",
                                         {{"case_id", cases[0].second},
                                          {"person_id", cases[0].first},
                                          {"requested_on", day(now, -5)},
                                          {"purpose", "travel"},
                                          {"amount_pence", 3000},
                                          {"justification", "A travel card for the first appointments after release."}});
    demo.write(*practitioner, "welfare_grant_decision",
               {{"case_id", cases[0].second},
                {"request_id", grant},
                {"decided_on", day(now, -2)},
                {"decision", "approved"},
                {"given_as", "vouchers"},
                {"amount_pence", 3000}});

    // Jason and Marcus: met in prison, met at the gate.
    for (const auto& [index, releasedDaysAgo] : {std::pair{1, 7}, std::pair{2, 9}}) {
        const auto& [person, caseId] = cases[static_cast<std::size_t>(index)];
        demo.write(dev, "pre_release_meeting",
                   {{"case_id", caseId},
                    {"person_id", person},
                    {"occurred_at", instant(now, -(releasedDaysAgo + 13) * kDay)},
                    {"service_explained", true},
                    {"wants_gate_meeting", true},
                    {"release_plan", boost::json::array{"accommodation", "offender_manager_appointment", "phone"}}});
        demo.write(dev, "gate_day",
                   {{"case_id", caseId},
                    {"person_id", person},
                    {"occurred_at", instant(now, -releasedDaysAgo * kDay)},
                    {"met_at_gate", true},
                    {"appointments_attended", boost::json::array{"offender_manager", "housing"}}});
    }
    demo.write(dev, "contact_sheet",
               {{"case_id", cases[1].second},
                {"person_id", cases[1].first},
                {"occurred_at", instant(now, -4 * kDay)},
                {"mode", "in_person"},
                {"location", "Cafe near the probation office"},
                {"concerns", "none"}});
    // Marcus's group: the day's mentor calls every day since release but three days ago.
    const User* byWeekday[] = {&dev, &dev, &dev, &ruth, &ruth, &lee, &lee};
    for (int daysAgo = 9; daysAgo >= 1; --daysAgo) {
        if (daysAgo == 3) {
            continue;
        }
        const Date on = dayOf(now).addDays(-daysAgo);
        const User& caller = *byWeekday[weekdayIndex(on)];
        const bool meeting = daysAgo == 9 || daysAgo == 2;
        demo.write(caller, "contact_sheet",
                   {{"case_id", cases[2].second},
                    {"person_id", cases[2].first},
                    {"occurred_at", instant(now, -daysAgo * kDay)},
                    {"mode", meeting ? "in_person" : "phone"},
                    {"duration_minutes", meeting ? 60 : 15},
                    {"concerns", "none"}});
    }
}

// The coordinator's week: a play referral awaiting its first contact (a carer not yet reached), an
// isolated prisoner referred to the visitor scheme and a family member for befriending, both
// awaiting a volunteer; the play volunteer's DBS expiring within the month, the prison visitor's
// valid; and a befriending match whose 3-month review is due this week.
void createVolunteeringDemo(DemoWriter& demo, const std::vector<User>& users, std::int64_t now)
{
    constexpr std::int64_t kDay = 86400;
    const auto userWith = [&](Role role) -> const User& {
        for (const User& user : users) {
            if (user.roles.has(role)) {
                return user;
            }
        }
        throw std::logic_error("a demo role is missing");
    };
    const User& practitioner = userWith(Role::Practitioner);
    const User& coordinator = userWith(Role::Coordinator);
    const boost::json::array trainings{"safeguarding", "professional_boundaries", "equality_diversity",
                                       "data_protection"};
    demo.write(coordinator, "vetting",
               {{"volunteer", userWith(Role::PlayVolunteer).id},
                {"dbs_checked_at", day(now, -3 * 365 + 20)},
                {"dbs_expires_at", day(now, 20)},
                {"training", trainings},
                {"references_received", true}});
    demo.write(coordinator, "vetting",
               {{"volunteer", userWith(Role::PrisonVisitor).id},
                {"dbs_checked_at", day(now, -150)},
                {"dbs_expires_at", day(now, 3 * 365 - 150)},
                {"training", trainings},
                {"references_received", true}});

    const auto consent = [&](const std::string& givenBy, const std::string& about, const char* scope) {
        demo.write(practitioner, "consent",
                   {{"given_by", givenBy},
                    {"scope", scope},
                    {"about", about},
                    {"status", "given"},
                    {"method", "written"},
                    {"recorded_at", instant(now, -12 * kDay)},
                    {"recorded_by", practitioner.id}});
    };
    const auto clearCheck = [&](const std::string& subject) {
        demo.write(practitioner, "protection_check",
                   {{"subject", subject},
                    {"outcome", "clear"},
                    {"restrictions", boost::json::array{}},
                    {"checked_at", day(now, -10)},
                    {"source", "Offender management unit"}});
    };

    // Play: Ryan's son Leo, cared for by Grace, who has not been reached yet.
    const std::string ryan = demo.write(practitioner, "person",
                                        {{"kind", "prisoner"},
                                         {"given_name", "Ryan"},
                                         {"family_name", "Taylor"},
                                         {"date_of_birth", "1990-06-02"},
                                         {"prison_number", "A7788DE"},
                                         {"establishment", "HMP Northfield"}});
    const std::string grace = demo.write(practitioner, "person",
                                         {{"kind", "carer"}, {"given_name", "Grace"}, {"phone", "07700 900321"}});
    const std::string leo = demo.write(practitioner, "person",
                                       {{"kind", "child"}, {"given_name", "Leo"}, {"date_of_birth", day(now, -7 * 365)}});
    demo.write(practitioner, "relationship", {{"prisoner_id", ryan}, {"person_id", leo}, {"relation", "son"}});
    demo.write(practitioner, "relationship", {{"prisoner_id", ryan}, {"person_id", grace}, {"relation", "partner"}});
    consent(ryan, leo, "contact");
    consent(grace, leo, "play_sessions");
    for (const std::string& subject : {ryan, grace, leo}) {
        clearCheck(subject);
    }
    const std::string playCase = demo.write(practitioner, "case",
                                            {{"person_id", leo},
                                             {"stream", "play"},
                                             {"practitioner_id", practitioner.id},
                                             {"status", "open"},
                                             {"opened_on", day(now, -9)},
                                             {"referral_source", "prison"},
                                             {"referral_status", "awaiting_first_contact"},
                                             {"referral_status_since", day(now, -9)}});
    demo.write(practitioner, "carer_contact_attempt",
               {{"case_id", playCase},
                {"carer_id", grace},
                {"attempted_at", instant(now, -8 * kDay)},
                {"method", "phone"},
                {"outcome", "no_answer"}});

    // The visitor scheme: Alan has had no visits for two years.
    const std::string alan = demo.write(practitioner, "person",
                                        {{"kind", "prisoner"},
                                         {"given_name", "Alan"},
                                         {"family_name", "Price"},
                                         {"date_of_birth", "1958-03-14"},
                                         {"prison_number", "A4455FG"},
                                         {"establishment", "HMP Northfield"}});
    consent(alan, alan, "contact");
    clearCheck(alan);
    demo.write(practitioner, "case",
               {{"person_id", alan},
                {"stream", "visitor"},
                {"practitioner_id", practitioner.id},
                {"status", "open"},
                {"opened_on", day(now, -6)},
                {"referral_source", "prison"}});

    // Befriending: Aisha, whose brother is in HMP Northfield, waits for a befriender.
    const std::string omar = demo.write(practitioner, "person",
                                        {{"kind", "prisoner"},
                                         {"given_name", "Omar"},
                                         {"family_name", "Said"},
                                         {"date_of_birth", "1992-12-01"},
                                         {"prison_number", "A9911HJ"},
                                         {"establishment", "HMP Northfield"}});
    const std::string aisha = demo.write(practitioner, "person",
                                         {{"kind", "family_member"},
                                          {"given_name", "Aisha"},
                                          {"family_name", "Said"},
                                          {"date_of_birth", "1995-04-22"},
                                          {"phone", "07700 900654"}});
    demo.write(practitioner, "relationship", {{"prisoner_id", omar}, {"person_id", aisha}, {"relation", "sister"}});
    consent(omar, aisha, "contact");
    clearCheck(omar);
    clearCheck(aisha);
    demo.write(practitioner, "case",
               {{"person_id", aisha},
                {"stream", "befriending"},
                {"practitioner_id", practitioner.id},
                {"status", "open"},
                {"opened_on", day(now, -4)},
                {"referral_source", "family"}});
}

void createDemoData(Store& store, const std::vector<User>& users, std::int64_t now)
{
    auto userWith = [&](Role role) -> const User& {
        for (const User& user : users) {
            if (user.roles.has(role)) {
                return user;
            }
        }
        throw std::logic_error("a demo role is missing");
    };
    const User& practitioner = userWith(Role::Practitioner);
    const User& coordinator = userWith(Role::Coordinator);
    const User& befriender = userWith(Role::Befriender);
    constexpr std::int64_t kDay = 86400;
    DemoWriter demo(store, now);

    // The practitioner's intake: a prisoner and two family members, their links, consents and checks.
    const std::string prisoner = demo.write(practitioner, "person",
                                            {{"kind", "prisoner"},
                                             {"given_name", "Daniel"},
                                             {"family_name", "Hughes"},
                                             {"date_of_birth", "1985-04-12"},
                                             {"prison_number", "A1234BC"},
                                             {"establishment", "HMP Northfield"},
                                             {"ethnicity", "Black British"}});
    const std::string irina = demo.write(practitioner, "person",
                                         {{"kind", "family_member"},
                                          {"given_name", "Irina"},
                                          {"family_name", "Hughes"},
                                          {"date_of_birth", "1988-09-03"},
                                          {"phone", "07700 900123"},
                                          {"how_to_reach", "Mobile after 5pm; text first"}});
    const std::string mark = demo.write(practitioner, "person",
                                        {{"kind", "family_member"},
                                         {"given_name", "Mark"},
                                         {"family_name", "Hughes"},
                                         {"date_of_birth", "1991-01-20"},
                                         {"phone", "07700 900456"}});
    demo.write(practitioner, "relationship", {{"prisoner_id", prisoner}, {"person_id", irina}, {"relation", "partner"}});
    demo.write(practitioner, "relationship", {{"prisoner_id", prisoner}, {"person_id", mark}, {"relation", "brother"}});
    for (const std::string& about : {irina, mark}) {
        demo.write(practitioner, "consent",
                   {{"given_by", prisoner},
                    {"scope", "contact"},
                    {"about", about},
                    {"status", "given"},
                    {"method", "written"},
                    {"recorded_at", instant(now, -90 * kDay)},
                    {"recorded_by", practitioner.id}});
    }
    for (const std::string& subject : {prisoner, irina, mark}) {
        demo.write(practitioner, "protection_check",
                   {{"subject", subject},
                    {"outcome", "clear"},
                    {"restrictions", boost::json::array{}},
                    {"checked_at", day(now, -85)},
                    {"source", "Offender management unit"}});
    }
    const std::string irinaCase = demo.write(practitioner, "case",
                                             {{"person_id", irina},
                                              {"stream", "befriending"},
                                              {"practitioner_id", practitioner.id},
                                              {"status", "open"},
                                              {"opened_on", day(now, -80)}});
    const std::string markCase = demo.write(practitioner, "case",
                                            {{"person_id", mark},
                                             {"stream", "befriending"},
                                             {"practitioner_id", practitioner.id},
                                             {"status", "open"},
                                             {"opened_on", day(now, -80)}});
    const std::string danielCase = demo.write(practitioner, "case",
                                              {{"person_id", prisoner},
                                               {"stream", "casework"},
                                               {"practitioner_id", practitioner.id},
                                               {"status", "open"},
                                               {"opened_on", day(now, -95)},
                                               {"referral_source", "prison"}});
    // Daniel's triage and RADARs: what the manager's monthly report counts.
    demo.write(practitioner, "triage",
               {{"case_id", danielCase},
                {"person_id", prisoner},
                {"triaged_at", instant(now, -60)},
                {"outcome", "accepted"},
                {"needs", boost::json::array{"family_contact", "housing"}}});
    const auto radar = [&](const char* stage, const std::string& on, boost::json::object scores) {
        demo.write(practitioner, "radar", {{"case_id", danielCase}, {"stage", stage}, {"assessed_on", on}, {"scores", std::move(scores)}});
    };
    radar("start", day(now, -90),
          {{"family_relationships", 4}, {"parenting_and_children", 3}, {"partner_relationship", 4},
           {"communication", 5}, {"emotional_wellbeing", 4}, {"practical_needs", 3}});
    radar("exit", day(now, 0),
          {{"family_relationships", 2}, {"parenting_and_children", 2}, {"partner_relationship", 3},
           {"communication", 2}, {"emotional_wellbeing", 3}, {"practical_needs", 2}});

    // The coordinator vets the befriender and matches them to both family members.
    demo.write(coordinator, "vetting",
               {{"volunteer", befriender.id},
                {"dbs_checked_at", day(now, -120)},
                {"dbs_expires_at", day(now, 3 * 365)},
                {"training",
                 boost::json::array{"safeguarding", "professional_boundaries", "equality_diversity", "data_protection"}},
                {"references_received", true}});
    // Irina's match started three months ago this week: its 3-month review is due.
    for (const auto& [caseId, person, startedDaysAgo] :
         {std::tuple{irinaCase, irina, 86}, std::tuple{markCase, mark, 60}}) {
        const Date started = dayOf(now).addDays(-startedDaysAgo);
        demo.write(coordinator, "match",
                   {{"case_id", caseId},
                    {"volunteer", befriender.id},
                    {"person_id", person},
                    {"status", "active"},
                    {"started_at", started.toString()},
                    {"review_3m_on", started.addMonths(3).toString()},
                    {"review_6m_on", started.addMonths(6).toString()}});
    }

    // Daniel withdraws his consent to contact Mark: that case stays matched but not cleared.
    demo.write(practitioner, "consent",
               {{"given_by", prisoner},
                {"scope", "contact"},
                {"about", mark},
                {"status", "withdrawn"},
                {"method", "phone"},
                {"recorded_at", instant(now, -5 * kDay)},
                {"recorded_by", practitioner.id}});

    // The befriender's last session with Irina.
    demo.write(befriender, "session_report",
               {{"case_id", irinaCase},
                {"person_id", irina},
                {"occurred_at", instant(now, -4 * kDay)},
                {"duration_minutes", 60},
                {"mode", "in_person"},
                {"location", "Visitors' centre cafe"},
                {"notes", "Talked about the next visit and the children's school. Irina is coping well."},
                {"concerns", "none"}});

    addSafeguardingDemo(demo, befriender, practitioner, irinaCase, irina, markCase, mark, now);
    createMentoringDemo(demo, users, now);
    createVolunteeringDemo(demo, users, now);
}

} // namespace

boost::json::object seedDemo(Store& store, const AuthService& auth, std::int64_t now)
{
    boost::json::array out;
    store.writeTransaction([&] {
        out.clear();
        std::vector<User> users;
        if (const auto saved = store.setting(kDemoSetting)) {
            const boost::json::value ids = boost::json::parse(*saved);
            for (const auto& id : ids.as_array()) {
                if (auto user = store.user(std::string(id.as_string()))) {
                    users.push_back(std::move(*user));
                }
            }
        } else {
            boost::json::array ids;
            for (const DemoUser& demo : kDemoUsers) {
                User user{newId(), demo.name, {demo.role}, "north"};
                store.addUser(user, now);
                ids.emplace_back(user.id);
                users.push_back(std::move(user));
            }
            store.setSetting(kDemoSetting, boost::json::serialize(ids));
            createDemoData(store, users, now);
        }
        for (const User& user : users) {
            const auto roles = user.roles.list();
            out.push_back(boost::json::object{{"role", roles.empty() ? "" : roleName(roles.front())},
                                              {"name", user.name},
                                              {"user_id", user.id},
                                              {"code", auth.issueEnrolCode(store, user.id, now)}});
        }
        store.appendAudit(AuditEntry{0, now, "admin.seed_demo", "", "", {{"users", users.size()}}});
    });
    return boost::json::object{{"users", std::move(out)}};
}

} // namespace fieldbook::server
