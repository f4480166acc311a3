#include "storeworld.h"

#include "model/dates.h"
#include "model/formdefinition.h"
#include "model/ids.h"
#include "store/keyring.h"
#include "sync/hlc.h"

#include <QtTest>
#include <boost/json/serialize.hpp>

namespace fieldbook::testsupport {

namespace {

void requireApplied(const PushResult& result, const char* what)
{
    if (result.status != PushStatus::Applied) {
        QTest::qFail(
            qPrintable(QStringLiteral("%1 not applied: %2")
                           .arg(QString::fromLatin1(what),
                                QString::fromStdString(boost::json::serialize(encodePushResult(result))))),
            __FILE__, __LINE__);
    }
}

} // namespace

StoreWorld::StoreWorld()
{
    m_path = m_dir.filePath(QStringLiteral("server.db")).toStdString();
    auto keys = std::make_shared<const server::KeyRing>(server::KeyRing::loadOrCreate(m_path + ".key"));
    m_store = std::make_unique<server::SqliteStore>(m_path, keys, FormRegistry::builtin());
    m_push = std::make_unique<server::PushService>(FormRegistry::builtin());
    practitioner = addUser("Priya Practitioner", {Role::Practitioner});
    coordinator = addUser("Cole Coordinator", {Role::Coordinator});
    officer = addUser("Sade Officer", {Role::SafeguardingOfficer});
    manager = addUser("Mina Manager", {Role::Manager});
}

const FormRegistry& StoreWorld::forms() const
{
    return FormRegistry::builtin();
}

User StoreWorld::addUser(const std::string& name, std::initializer_list<Role> roles, const std::string& team)
{
    User user{newId(), name, {}, team};
    for (const Role role : roles) {
        user.roles.add(role);
    }
    m_store->addUser(user, kNow);
    return user;
}

std::string StoreWorld::day(std::int64_t offsetDays)
{
    return Date::fromEpochSeconds(kNow).addDays(offsetDays).toString();
}

std::string StoreWorld::instant(std::int64_t offsetSeconds)
{
    return formatInstant(kNow + offsetSeconds);
}

std::string StoreWorld::hlc(std::int64_t now)
{
    return HlcStamp{now * 1000, ++m_counter, std::string(32, 'd')}.toString();
}

boost::json::object StoreWorld::change(const std::string& type, boost::json::object fields,
                                       std::string recordId, std::string op)
{
    const FormDefinition* form = FormRegistry::builtin().current(type);
    return boost::json::object{{"id", newId()},
                               {"record_type", type},
                               {"record_id", recordId.empty() ? newId() : std::move(recordId)},
                               {"op", std::move(op)},
                               {"hlc", hlc()},
                               {"form_version", form != nullptr ? form->version : 1},
                               {"fields", std::move(fields)}};
}

PushResult StoreWorld::pushChange(const User& author, const boost::json::object& change, std::int64_t now)
{
    const boost::json::value body = boost::json::object{{"changes", boost::json::array{change}}};
    auto results = m_push->push(*m_store, callerOf(author), body, now);
    return results.at(0);
}

PushResult StoreWorld::push(const User& author, const std::string& type, boost::json::object fields,
                            std::string recordId, std::int64_t now)
{
    return pushChange(author, change(type, std::move(fields), std::move(recordId)), now);
}

StoreCase StoreWorld::buildCase(const StoreWorldOptions& options)
{
    StoreCase world;
    world.volunteer = addUser("Volunteer " + std::to_string(++m_volunteers), {Role::Befriender});
    world.prisoner = newId();
    world.person = newId();
    world.caseId = newId();
    world.relationship = newId();
    requireApplied(push(practitioner, "person",
                        {{"kind", "prisoner"},
                         {"given_name", "Daniel"},
                         {"family_name", "Hughes"},
                         {"date_of_birth", "1985-04-12"},
                         {"prison_number", "A1234BC"},
                         {"establishment", "HMP Northfield"}},
                        world.prisoner),
                   "prisoner");
    requireApplied(push(practitioner, "person",
                        {{"kind", "family_member"},
                         {"given_name", "Irina"},
                         {"family_name", "Hughes"},
                         {"date_of_birth", "1988-09-03"},
                         {"phone", "07700 900123"}},
                        world.person),
                   "person");
    requireApplied(
        push(practitioner, "relationship",
             {{"prisoner_id", world.prisoner}, {"person_id", world.person}, {"relation", "partner"}},
             world.relationship),
        "relationship");
    if (options.consent) {
        world.consent = newId();
        requireApplied(push(practitioner, "consent",
                            {{"given_by", world.prisoner},
                             {"scope", "contact"},
                             {"about", world.person},
                             {"status", "given"},
                             {"method", "written"},
                             {"recorded_at", instant(-30 * 86400)}},
                            world.consent),
                       "consent");
    }
    auto check = [&](const std::string& subject) {
        requireApplied(push(practitioner, "protection_check",
                            {{"subject", subject},
                             {"outcome", "clear"},
                             {"restrictions", boost::json::array{}},
                             {"checked_at", day(-20)},
                             {"source", "OMU"}}),
                       "protection check");
    };
    if (options.checkPrisoner) {
        check(world.prisoner);
    }
    if (options.checkPerson) {
        check(world.person);
    }
    requireApplied(push(practitioner, "case",
                        {{"person_id", world.person},
                         {"stream", "befriending"},
                         {"practitioner_id", practitioner.id},
                         {"status", "open"}},
                        world.caseId),
                   "case");
    if (options.vetting) {
        world.vetting = newId();
        requireApplied(push(coordinator, "vetting",
                            {{"volunteer", world.volunteer.id},
                             {"dbs_checked_at", day(-100)},
                             {"dbs_expires_at", day(700)},
                             {"training", boost::json::array{"safeguarding", "professional_boundaries",
                                                             "equality_diversity", "data_protection"}}},
                            world.vetting),
                       "vetting");
    }
    if (options.match) {
        world.match = newId();
        push(coordinator, "match",
             {{"case_id", world.caseId},
              {"volunteer", world.volunteer.id},
              {"person_id", world.person},
              {"status", "active"},
              {"started_at", day(-10)}},
             world.match);
    }
    return world;
}

boost::json::object StoreWorld::sessionReport(const StoreCase& world, const std::string& notes) const
{
    return {{"case_id", world.caseId}, {"person_id", world.person}, {"occurred_at", instant(-3600)},
            {"duration_minutes", 60},  {"mode", "in_person"},       {"location", "Visitors' centre"},
            {"notes", notes},          {"concerns", "none"}};
}

} // namespace fieldbook::testsupport
