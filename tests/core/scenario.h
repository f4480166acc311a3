// A small world of records for the rule tests: one prisoner (Daniel), his partner Irina, his
// daughter Maya (with her carer Sam), a befriending case and a play case, the staff and
// volunteers, every gate satisfied on 2025-03-01. Each test changes one thing and looks.
#pragma once

#include "model/record.h"
#include "rules/facts.h"
#include "rules/roles.h"

#include <boost/json/parse.hpp>

#include <cstdio>
#include <string>

namespace fieldbook::test {

inline std::string hexId(int n)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%032x", n);
    return buffer;
}

inline boost::json::object object(std::string_view json)
{
    return boost::json::parse(json).as_object();
}

class Scenario
{
public:
    const std::string prisoner = hexId(1);
    const std::string irina = hexId(2);
    const std::string maya = hexId(3);
    const std::string sam = hexId(4);
    const std::string otherPerson = hexId(5);

    const std::string befriendingCase = hexId(10);
    const std::string playCase = hexId(11);
    const std::string otherCase = hexId(12);

    const std::string befriendingMatch = hexId(20);
    const std::string playMatch = hexId(21);

    const std::string practitioner = hexId(100);
    const std::string befriender = hexId(101);
    const std::string playVolunteer = hexId(102);
    const std::string coordinator = hexId(103);
    const std::string manager = hexId(104);
    const std::string admin = hexId(105);
    const std::string officer = hexId(106);
    const std::string visitor = hexId(107);
    const std::string mentor = hexId(108);
    const std::string otherPractitioner = hexId(109);
    const std::string southCoordinator = hexId(110);

    const std::string contactDay = "2025-03-01T10:00:00Z";

    MemoryFacts facts;

    Scenario()
    {
        addUser(practitioner, "Priya", {Role::Practitioner});
        addUser(otherPractitioner, "Omar", {Role::Practitioner});
        addUser(befriender, "Ben", {Role::Befriender});
        addUser(playVolunteer, "Pat", {Role::PlayVolunteer});
        addUser(coordinator, "Cleo", {Role::Coordinator});
        addUser(southCoordinator, "Sid", {Role::Coordinator}, "south");
        addUser(manager, "Mo", {Role::Manager});
        addUser(admin, "Ada", {Role::Admin});
        addUser(officer, "Sofia", {Role::SafeguardingOfficer});
        addUser(visitor, "Vic", {Role::PrisonVisitor});
        addUser(mentor, "Max", {Role::Mentor});

        put("person", prisoner, R"({"kind":"prisoner","given_name":"Daniel","family_name":"Reyes",
             "date_of_birth":"1980-04-02","prison_number":"A1234BC","establishment":"HMP Example"})");
        put("person", irina, R"({"kind":"family_member","given_name":"Irina","family_name":"Reyes",
             "date_of_birth":"1985-06-01","phone":"07700 900000","ethnicity":"White Other"})");
        put("person", maya, R"({"kind":"child","given_name":"Maya","date_of_birth":"2018-05-20"})");
        put("person", sam, R"({"kind":"carer","given_name":"Sam"})");
        put("person", otherPerson, R"({"kind":"family_member","given_name":"Olga"})");

        relationship(hexId(30), prisoner, irina);
        relationship(hexId(31), prisoner, maya);
        relationship(hexId(32), prisoner, otherPerson);

        consent(hexId(40), prisoner, irina, "contact", "given", "2025-01-05T10:00:00Z");
        consent(hexId(41), prisoner, maya, "contact", "given", "2025-01-05T10:00:00Z");
        consent(hexId(42), sam, maya, "play_sessions", "given", "2025-01-06T10:00:00Z");
        consent(hexId(43), prisoner, otherPerson, "contact", "given", "2025-01-05T10:00:00Z");

        check(hexId(50), prisoner, "2025-01-04", "[]");
        check(hexId(51), irina, "2025-01-04", "[]");
        check(hexId(52), maya, "2025-01-04", "[]");
        check(hexId(53), otherPerson, "2025-01-04", "[]");

        put("case", befriendingCase,
            R"({"person_id":")" + irina + R"(","stream":"befriending","practitioner_id":")" + practitioner
                + R"(","status":"open","opened_on":"2025-01-02"})");
        put("case", playCase,
            R"({"person_id":")" + maya + R"(","stream":"play","practitioner_id":")" + practitioner
                + R"(","status":"open","opened_on":"2025-01-02","referral_status":"active_matched"})");
        put("case", otherCase,
            R"({"person_id":")" + otherPerson + R"(","stream":"befriending","practitioner_id":")" + otherPractitioner
                + R"(","status":"open"})");

        vetting(hexId(60), befriender, "2024-01-01", "2027-01-01", allTrainings());
        vetting(hexId(61), playVolunteer, "2024-01-01", "2027-01-01", allTrainings());
        vetting(hexId(62), visitor, "2024-01-01", "2027-01-01", allTrainings());
        vetting(hexId(63), mentor, "2024-01-01", "2027-01-01", allTrainings());

        match(befriendingMatch, befriendingCase, befriender, irina, "active", "2025-01-10");
        match(playMatch, playCase, playVolunteer, maya, "active", "2025-01-10");
    }

    static std::string allTrainings()
    {
        return R"(["safeguarding","professional_boundaries","equality_diversity","data_protection"])";
    }

    // Every record gets a later clock than the one before, so "then by clock" is insertion order.
    std::string nextHlc()
    {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%013lld-%06d-", 1735689600000LL + m_clock, 0);
        ++m_clock;
        return buffer + hexId(999);
    }

    Record put(const std::string& type, const std::string& id, std::string_view json, const std::string& author = {})
    {
        Record record;
        record.type = type;
        record.id = id;
        record.author = author;
        record.hlc = nextHlc();
        record.fields = object(json);
        facts.put(record);
        return record;
    }

    void addUser(const std::string& id, const std::string& name, std::initializer_list<Role> roles,
                 const std::string& team = "north")
    {
        facts.putUser(User{id, name, RoleSet(roles), team});
    }

    User user(const std::string& id) const { return *facts.user(id); }

    void relationship(const std::string& id, const std::string& prisonerId, const std::string& personId)
    {
        put("relationship", id,
            R"({"prisoner_id":")" + prisonerId + R"(","person_id":")" + personId + R"(","relation":"partner"})");
    }

    void consent(const std::string& id, const std::string& givenBy, const std::string& about, const std::string& scope,
                 const std::string& status, const std::string& recordedAt)
    {
        put("consent", id,
            R"({"given_by":")" + givenBy + R"(","about":")" + about + R"(","scope":")" + scope + R"(","status":")"
                + status + R"(","method":"written","recorded_at":")" + recordedAt + R"("})");
    }

    void check(const std::string& id, const std::string& subject, const std::string& checkedAt,
               const std::string& restrictionsJson)
    {
        const bool restricted = restrictionsJson != "[]";
        put("protection_check", id,
            R"({"subject":")" + subject + R"(","outcome":")" + (restricted ? "restricted" : "clear") + R"(",)"
                + (restricted ? R"("restrictions":)" + restrictionsJson + "," : std::string())
                + R"("checked_at":")" + checkedAt + R"("})");
    }

    void vetting(const std::string& id, const std::string& volunteer, const std::string& checked,
                 const std::string& expires, const std::string& trainingJson)
    {
        put("vetting", id,
            R"({"volunteer":")" + volunteer + R"(","dbs_checked_at":")" + checked + R"(","dbs_expires_at":")" + expires
                + R"(","training":)" + trainingJson + "}");
    }

    void match(const std::string& id, const std::string& caseId, const std::string& volunteer,
               const std::string& personId, const std::string& status, const std::string& startedAt,
               const std::string& endedAt = {})
    {
        put("match", id,
            R"({"case_id":")" + caseId + R"(","volunteer":")" + volunteer + R"(","person_id":")" + personId
                + R"(","status":")" + status + R"(","started_at":")" + startedAt + R"(")"
                + (endedAt.empty() ? std::string() : R"(,"ended_at":")" + endedAt + R"(")") + "}");
    }

    Record contact(const std::string& type, const std::string& caseId, const std::string& personId,
                   const std::string& occurredAt, const std::string& author = {})
    {
        Record record;
        record.type = type;
        record.id = hexId(9000 + m_clock);
        record.author = author;
        record.hlc = nextHlc();
        record.fields = object(R"({"case_id":")" + caseId + R"(","person_id":")" + personId + R"(","occurred_at":")"
                               + occurredAt + R"(","duration_minutes":60,"concerns":"none"})");
        return record;
    }

    // Stores a contact record (for the rhythms, which read what happened).
    void recordContact(const std::string& type, const std::string& caseId, const std::string& personId,
                       const std::string& occurredAt, const std::string& author)
    {
        facts.put(contact(type, caseId, personId, occurredAt, author));
    }

private:
    long long m_clock = 0;
};

} // namespace fieldbook::test
