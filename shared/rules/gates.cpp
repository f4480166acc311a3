#include "rules/gates.h"

#include "rules/ruledetail.h"
#include "rules/writerules.h"

#include <algorithm>
#include <array>

namespace fieldbook {

namespace {

using detail::givenName;
using detail::latest;

constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kTrainings = {{
    {"safeguarding", "safeguarding"},
    {"professional_boundaries", "professional boundaries"},
    {"equality_diversity", "equality and diversity"},
    {"data_protection", "data protection"},
}};

constexpr int kMonthsAfterEnding = 6;
constexpr int kAdultAge = 18;
constexpr int kWelfareGrantAge = 16;

GateDecision decide(GateReason reason, std::string sentence)
{
    return GateDecision{reason, std::move(sentence)};
}

GateDecision forbidden(std::string why)
{
    return decide(GateReason::Forbidden, "Not allowed: " + std::move(why));
}

Date contactDay(const Record& record, std::string_view field)
{
    if (const auto day = detail::dayOf(record, field)) {
        return *day;
    }
    return detail::todayUtc();
}

bool hasActiveMatch(std::string_view caseId, std::string_view personId, std::string_view volunteerId,
                    const FactSource& facts)
{
    const auto matches = facts.recordsWhere("match", "case_id", caseId);
    return std::any_of(matches.begin(), matches.end(), [&](const Record& match) {
        return match.text("volunteer") == volunteerId && match.text("person_id") == personId
            && match.text("status") == "active";
    });
}

std::vector<std::string> prisonersOf(std::string_view personId, const FactSource& facts)
{
    std::vector<std::string> out;
    for (const auto& relationship : facts.recordsWhere("relationship", "person_id", personId)) {
        std::string prisoner = relationship.text("prisoner_id");
        if (!prisoner.empty() && std::find(out.begin(), out.end(), prisoner) == out.end()) {
            out.push_back(std::move(prisoner));
        }
    }
    if (out.empty()) {
        if (const auto person = facts.record("person", personId)) {
            const std::string kind = person->text("kind");
            if (kind == "prisoner" || kind == "prison_leaver") {
                out.emplace_back(personId);
            }
        }
    }
    return out;
}

bool isUnder18(std::string_view personId, Date day, const FactSource& facts)
{
    const auto person = facts.record("person", personId);
    if (!person) {
        return false;
    }
    if (const auto born = Date::parse(person->text("date_of_birth"))) {
        return ageOn(*born, day) < kAdultAge;
    }
    return person->text("kind") == "child";
}

// Fails closed: a restriction that should name someone and names nobody covers everyone, and a
// check whose outcome is `restricted` with no restriction listed covers every contact too.
bool restrictionCovers(const Record& check, std::string_view personId, Date day, const FactSource& facts)
{
    const auto* list = check.fields.if_contains("restrictions");
    const bool listed = list != nullptr && list->is_array() && !list->get_array().empty();
    if (!listed) {
        return check.text("outcome") == "restricted";
    }
    for (const auto& item : list->get_array()) {
        if (!item.is_object()) {
            return true; // unreadable: covers
        }
        const auto* kind = item.get_object().if_contains("kind");
        const auto* person = item.get_object().if_contains("person_id");
        if (kind == nullptr || !kind->is_string()) {
            return true;
        }
        const std::string_view k = kind->get_string();
        if (k == "children_under_18") {
            if (isUnder18(personId, day, facts)) {
                return true;
            }
            continue;
        }
        const bool namesSomeone = person != nullptr && person->is_string() && !person->get_string().empty();
        if (!namesSomeone || person->get_string() == personId) {
            return true; // named_person, court_order, no_contact_request (or a kind not known)
        }
    }
    return false;
}

std::string matchStream(const Record& match, const FactSource& facts)
{
    std::string stream = match.text("stream");
    if (stream.empty()) {
        if (const auto theCase = facts.record("case", match.text("case_id"))) {
            stream = theCase->text("stream");
        }
    }
    return stream;
}

struct GateInput
{
    std::string personId;
    Date day;
    bool play = false;
    std::string volunteerId; // "" when the author is the case's practitioner (gates 4 and 5 skipped)
    std::string excludeMatchId;
    bool addressVolunteer = true; // "your DBS check" (the volunteer's phone) or "the volunteer's"
    bool endingDayHeld = false;   // a match activation: the ending day itself is within the six months
    std::string name;             // how sentences name P: the given name, or words naming nobody
    const GateDecision* personSide = nullptr; // gates 2 and 3 as decided elsewhere (a coordinator's phone)
};

GateDecision checkConsent(const GateInput& in, const std::vector<std::string>& prisoners, const std::string& name,
                          const FactSource& facts)
{
    const auto consents = facts.recordsWhere("consent", "about", in.personId);
    for (const auto& prisoner : prisoners) {
        std::vector<Record> relevant;
        for (const auto& consent : consents) {
            if (consent.text("given_by") == prisoner && consent.text("scope") == "contact") {
                relevant.push_back(consent);
            }
        }
        const Record* last = latest(relevant, "recorded_at");
        if (last == nullptr) {
            return decide(GateReason::ConsentMissing, "Not cleared: consent to contact " + name + " is not recorded");
        }
        if (last->text("status") != "given") {
            return decide(GateReason::ConsentWithdrawn, "Not cleared: consent to contact " + name + " was withdrawn");
        }
    }
    if (in.play) {
        std::vector<Record> relevant;
        for (const auto& consent : consents) {
            if (consent.text("scope") == "play_sessions"
                && std::find(prisoners.begin(), prisoners.end(), consent.text("given_by")) == prisoners.end()) {
                relevant.push_back(consent);
            }
        }
        const Record* last = latest(relevant, "recorded_at");
        if (last == nullptr) {
            return decide(GateReason::ConsentMissing,
                          "Not cleared: the carer's consent to play sessions with " + name + " is not recorded");
        }
        if (last->text("status") != "given") {
            return decide(GateReason::ConsentWithdrawn,
                          "Not cleared: the carer's consent to play sessions with " + name + " was withdrawn");
        }
    }
    return {};
}

GateDecision checkProtection(const GateInput& in, const std::vector<std::string>& prisoners, const std::string& name,
                             const FactSource& facts)
{
    for (const auto& prisoner : prisoners) {
        if (facts.recordsWhere("protection_check", "subject", prisoner).empty()) {
            const std::string who = prisoner == in.personId ? name : "the prisoner linked to " + name;
            return decide(GateReason::ProtectionCheckMissing,
                          "Not cleared: the public protection check of " + who + " is not recorded");
        }
    }
    if (facts.recordsWhere("protection_check", "subject", in.personId).empty()) {
        return decide(GateReason::ProtectionCheckMissing,
                      "Not cleared: the public protection check of " + name + " is not recorded");
    }
    // The family member's own latest check: a `restricted` outcome (an order in place) shuts the
    // gate. A prisoner who is their own X (visitor scheme, mentoring) is judged by the loop below.
    const bool ownX = std::find(prisoners.begin(), prisoners.end(), in.personId) != prisoners.end();
    const auto ownChecks = facts.recordsWhere("protection_check", "subject", in.personId);
    if (const Record* own = latest(ownChecks, "checked_at");
        !ownX && own != nullptr && own->text("outcome") == "restricted") {
        return decide(GateReason::Restricted, "Not cleared: a public protection restriction covers contact with " + name);
    }
    for (const auto& prisoner : prisoners) {
        const auto checks = facts.recordsWhere("protection_check", "subject", prisoner);
        const Record* last = latest(checks, "checked_at");
        if (last != nullptr && restrictionCovers(*last, in.personId, in.day, facts)) {
            // Never the details: the person holding the phone may be a volunteer.
            return decide(GateReason::Restricted,
                          "Not cleared: a public protection restriction covers contact with " + name);
        }
    }
    return {};
}

GateDecision checkVetting(const GateInput& in, const FactSource& facts)
{
    const std::string whose = in.addressVolunteer ? "your" : "the volunteer's";
    const auto vettings = facts.recordsWhere("vetting", "volunteer", in.volunteerId);
    if (vettings.empty()) {
        return decide(GateReason::VettingInvalid, "Not cleared: " + whose + " DBS check is not recorded");
    }
    // Any one valid vetting clears; otherwise the most recent one explains why not.
    std::string why;
    std::string whyKey;
    for (const auto& vetting : vettings) {
        std::string problem;
        const auto checked = Date::parse(vetting.text("dbs_checked_at"));
        const auto expires = Date::parse(vetting.text("dbs_expires_at"));
        if (!checked || !expires) {
            problem = whose + " DBS check has no valid dates";
        } else if (in.day < *checked) {
            problem = whose + " DBS check is dated " + checked->toString() + ", after this contact";
        } else if (in.day > *expires) {
            problem = whose + " DBS check expired on " + expires->toString();
        } else {
            const auto done = detail::stringsOf(vetting, "training");
            for (const auto& [code, words] : kTrainings) {
                if (std::find(done.begin(), done.end(), code) == done.end()) {
                    problem = whose + " training in " + std::string(words) + " is not recorded";
                    break;
                }
            }
        }
        if (problem.empty()) {
            return {};
        }
        std::string key = detail::orderKey(vetting, "dbs_checked_at");
        if (why.empty() || key > whyKey) {
            why = std::move(problem);
            whyKey = std::move(key);
        }
    }
    return decide(GateReason::VettingInvalid, "Not cleared: " + why);
}

GateDecision checkEnding(const GateInput& in, const std::string& name, const FactSource& facts)
{
    for (const auto& match : facts.recordsWhere("match", "volunteer", in.volunteerId)) {
        if (match.id == in.excludeMatchId || match.text("person_id") != in.personId || match.text("status") != "ended") {
            continue;
        }
        const std::string stream = matchStream(match, facts);
        if (!stream.empty() && stream != "befriending") {
            continue;
        }
        const auto ended = Date::parse(match.text("ended_at"));
        if (!ended) {
            continue;
        }
        const Date until = ended->addMonths(kMonthsAfterEnding);
        const bool afterStart = in.endingDayHeld ? *ended <= in.day : *ended < in.day;
        if (afterStart && in.day < until) {
            return decide(GateReason::AfterEnding, "Not cleared: the befriending with " + name + " ended on "
                                                       + ended->toString() + "; no contact before "
                                                       + until.toString());
        }
    }
    return {};
}

GateDecision checkPersonSide(const GateInput& in, const std::string& name, const FactSource& facts)
{
    const auto prisoners = prisonersOf(in.personId, facts);
    if (prisoners.empty()) {
        return decide(GateReason::ConsentMissing, "Not cleared: consent to contact " + name
                                                      + " is not recorded (no prisoner is linked to " + name + ")");
    }
    if (auto decision = checkConsent(in, prisoners, name, facts); !decision.cleared()) {
        return decision;
    }
    return checkProtection(in, prisoners, name, facts);
}

GateDecision runGates(const GateInput& in, const FactSource& facts)
{
    const std::string name = in.name.empty() ? givenName(in.personId, facts) : in.name;
    if (in.personSide != nullptr) {
        if (!in.personSide->cleared()) {
            return *in.personSide;
        }
    } else if (auto decision = checkPersonSide(in, name, facts); !decision.cleared()) {
        return decision;
    }
    if (!in.volunteerId.empty()) {
        if (auto decision = checkVetting(in, facts); !decision.cleared()) {
            return decision;
        }
        if (auto decision = checkEnding(in, name, facts); !decision.cleared()) {
            return decision;
        }
    }
    return decide(GateReason::Cleared, "Cleared to contact " + name);
}

} // namespace

std::string GateDecision::code() const
{
    return std::string(gateReasonCode(reason));
}

bool GateDecision::quarantines() const
{
    switch (reason) {
    case GateReason::ConsentMissing:
    case GateReason::ConsentWithdrawn:
    case GateReason::ProtectionCheckMissing:
    case GateReason::Restricted:
    case GateReason::VettingInvalid:
    case GateReason::AfterEnding:
        return true;
    case GateReason::Cleared:
    case GateReason::Forbidden:
    case GateReason::TooYoung:
    case GateReason::NoRelationship:
        return false;
    }
    return false;
}

std::string_view gateReasonCode(GateReason reason)
{
    switch (reason) {
    case GateReason::Cleared:
        return "";
    case GateReason::Forbidden:
        return "forbidden";
    case GateReason::ConsentMissing:
        return "consent_missing";
    case GateReason::ConsentWithdrawn:
        return "consent_withdrawn";
    case GateReason::ProtectionCheckMissing:
        return "protection_check_missing";
    case GateReason::Restricted:
        return "restricted";
    case GateReason::VettingInvalid:
        return "vetting_invalid";
    case GateReason::AfterEnding:
        return "after_ending";
    case GateReason::TooYoung:
        return "too_young";
    case GateReason::NoRelationship:
        return "no_relationship";
    }
    return "";
}

GateDecision checkContact(const Record& contact, const User& author, const FactSource& facts)
{
    const std::string caseId = contact.text("case_id");
    const std::string personId = contact.text("person_id");
    if (!isContactRecordType(contact.type) && !isGatedMeetingType(contact.type)) {
        return forbidden(contact.type + " is not a contact record");
    }
    const auto theCase = facts.record("case", caseId);
    if (!theCase || personId.empty()) {
        return forbidden("this case is not known");
    }
    const bool practitioner = author.roles.has(Role::Practitioner) && !author.id.empty()
        && theCase->text("practitioner_id") == author.id;
    if (!practitioner
        && !(volunteerWritesType(author.roles, contact.type) && hasActiveMatch(caseId, personId, author.id, facts))) {
        // Names nobody: the author may not be allowed to see who the record is about.
        return forbidden("you are not matched with this person on this case");
    }
    GateInput in;
    in.personId = personId;
    in.day = contactDay(contact, "occurred_at");
    in.play = contact.type == "play_session";
    in.volunteerId = practitioner ? std::string() : author.id;
    return runGates(in, facts);
}

namespace {
GateDecision matchActivation(const Record& match, const FactSource& facts, Date today, const GateDecision* personSide);
} // namespace

GateDecision checkMatchActivation(const Record& match, const FactSource& facts, Date today)
{
    return matchActivation(match, facts, today, nullptr);
}

GateDecision checkMatchActivation(const Record& match, const FactSource& facts, Date today,
                                  const GateDecision& personSide)
{
    return matchActivation(match, facts, today, &personSide);
}

GateDecision referralClearanceFor(std::string_view caseId, Date day, const FactSource& facts)
{
    const auto theCase = facts.record("case", caseId);
    if (!theCase || theCase->text("status") == "closed") {
        return forbidden("this referral is not open");
    }
    GateInput in;
    in.personId = theCase->text("person_id");
    if (in.personId.empty()) {
        return forbidden("the case names no person");
    }
    in.day = day;
    in.play = theCase->text("stream") == "play";
    in.name = "this person";
    return checkPersonSide(in, in.name, facts);
}

GateDecision gateDecisionOfClearance(const Record& clearance)
{
    const auto* cleared = clearance.fields.if_contains("cleared");
    if (cleared != nullptr && cleared->is_bool() && cleared->get_bool()) {
        return {};
    }
    GateReason reason = gateReasonOfCode(clearance.text("reason"));
    // "Not cleared" without a code still shuts the gate.
    if (reason == GateReason::Cleared) {
        reason = GateReason::Forbidden;
    }
    return decide(reason, "Not cleared");
}

GateReason gateReasonOfCode(std::string_view code)
{
    for (const GateReason reason :
         {GateReason::Cleared, GateReason::ConsentMissing, GateReason::ConsentWithdrawn,
          GateReason::ProtectionCheckMissing, GateReason::Restricted, GateReason::VettingInvalid,
          GateReason::AfterEnding, GateReason::TooYoung, GateReason::NoRelationship}) {
        if (gateReasonCode(reason) == code) {
            return reason;
        }
    }
    return GateReason::Forbidden;
}

namespace {

GateDecision matchActivation(const Record& match, const FactSource& facts, Date today, const GateDecision* personSide)
{
    const std::string personId = match.text("person_id");
    const std::string volunteerId = match.text("volunteer");
    const auto theCase = facts.record("case", match.text("case_id"));
    if (!theCase) {
        return forbidden("the case of this match is not known");
    }
    if (theCase->text("status") == "closed") {
        return forbidden("the case is closed");
    }
    if (personId.empty()) {
        return forbidden("the match names no person");
    }
    const auto volunteer = facts.user(volunteerId);
    if (!volunteer) {
        return forbidden("the volunteer is not known");
    }
    const std::string stream = theCase->text("stream");
    if (!volunteer->roles.fitsStream(stream)) {
        return forbidden("the volunteer does not hold the role for " + (stream.empty() ? "this" : stream) + " cases");
    }
    GateInput in;
    in.personId = personId;
    in.day = detail::dayOf(match, "started_at").value_or(today);
    in.play = stream == "play";
    in.volunteerId = volunteerId;
    in.excludeMatchId = match.id;
    in.addressVolunteer = false;
    in.endingDayHeld = true;
    in.name = "this person"; // never a name: refusals name nobody
    in.personSide = personSide;
    return runGates(in, facts);
}

} // namespace

GateDecision clearanceFor(std::string_view caseId, std::string_view personId, std::string_view volunteerId, Date day,
                          const FactSource& facts)
{
    const auto theCase = facts.record("case", caseId);
    if (!theCase) {
        return forbidden("this case is not known");
    }
    if (!hasActiveMatch(caseId, personId, volunteerId, facts)) {
        return forbidden("you are not matched with this person on this case");
    }
    GateInput in;
    in.personId = std::string(personId);
    in.day = day;
    in.play = theCase->text("stream") == "play";
    in.volunteerId = std::string(volunteerId);
    return runGates(in, facts);
}

GateDecision checkWelfareGrant(const Record& grantRequest, const FactSource& facts, Date day)
{
    const std::string personId = grantRequest.text("person_id");
    const std::string name = givenName(personId, facts);
    const auto person = facts.record("person", personId);
    const auto born = person ? Date::parse(person->text("date_of_birth")) : std::nullopt;
    if (!born) {
        return decide(GateReason::TooYoung,
                      "Not eligible: welfare grants are for people aged 16 or over, and " + name
                          + "'s date of birth is not recorded");
    }
    if (const int age = ageOn(*born, day); age < kWelfareGrantAge) {
        return decide(GateReason::TooYoung, "Not eligible: welfare grants are for people aged 16 or over; " + name
                                                + " is " + std::to_string(age < 0 ? 0 : age));
    }
    bool open = false;
    if (const auto theCase = facts.record("case", grantRequest.text("case_id"))) {
        open = theCase->text("status") == "open";
    }
    if (!open) {
        const auto cases = facts.recordsWhere("case", "person_id", personId);
        open = std::any_of(cases.begin(), cases.end(), [](const Record& c) { return c.text("status") == "open"; });
    }
    if (!open) {
        return decide(GateReason::NoRelationship,
                      "Not eligible: welfare grants need an existing professional relationship, and " + name
                          + " has no open case");
    }
    return decide(GateReason::Cleared, "Eligible for a welfare grant");
}

} // namespace fieldbook
