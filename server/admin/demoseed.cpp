#include "admin/demoseed.h"

#include "model/dates.h"
#include "model/formdefinition.h"
#include "model/ids.h"
#include "sync/derived.h"
#include "sync/hlc.h"
#include "sync/pushservice.h"
#include "util/clock.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <stdexcept>

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
                      std::string recordId = {}, std::string_view expected = "applied")
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
            throw std::runtime_error("the demo " + type + " was not " + std::string(expected) + ": " +
                                     (results.empty() ? std::string("no result")
                                                      : results[0].status + " " + results[0].reason + " (" +
                                                            results[0].message + ")"));
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
               {}, "quarantined");
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
    for (const auto& [caseId, person] : {std::pair{irinaCase, irina}, std::pair{markCase, mark}}) {
        demo.write(coordinator, "match",
                   {{"case_id", caseId},
                    {"volunteer", befriender.id},
                    {"person_id", person},
                    {"status", "active"},
                    {"started_at", day(now, -60)}});
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
