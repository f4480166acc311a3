#include "rules/writerules.h"

#include "model/formvalidator.h"
#include "rules/pipelines.h"
#include "rules/ruledetail.h"
#include "sync/hlc.h"

#include <algorithm>
#include <array>
#include <set>

namespace fieldbook {

namespace {

// Case-bound records a practitioner writes on the cases they work (contact records are decided
// by checkContact's rule 1, so they are listed apart).
constexpr std::array<std::string_view, 14> kPractitionerCaseTypes = {
    "radar", "triage", "care_plan_action", "outcome_report", "first_contact_report", "carer_contact_attempt",
    "child_assessment", "casework_checklist", "feedback_survey", "welfare_grant_request", "mentoring_referral",
    "onward_referral", "welfare_grant_decision", "welfare_grant_handover",
};

// The mentor's meetings with the person through the gate: written by the case's practitioner or by a
// mentor with an active match on the case, and gated exactly as a contact record (checkContact), so
// a meeting recorded against a restriction is kept and flagged. They are not contact records of the
// contract (they do not keep a contact rhythm, nor count as contacts in the monthly report): the
// mentor's calls and meetings after release are contact sheets.
constexpr std::array<std::string_view, 2> kMentoringMeetingTypes = {"pre_release_meeting", "gate_day"};

constexpr std::array<std::string_view, 4> kIntakeTypes = {"person", "relationship", "consent", "protection_check"};

// The only fields of a carer that may be recorded before the carer's own data_entry consent.
constexpr std::array<std::string_view, 6> kCarerFieldsBeforeConsent = {
    "kind", "given_name", "family_name", "how_to_reach", "phone", "email",
};


template <std::size_t N>
bool among(const std::array<std::string_view, N>& list, std::string_view value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

WriteVerdict applied()
{
    return {};
}

WriteVerdict rejected(std::string reason, std::string message)
{
    return WriteVerdict{WriteStatus::Rejected, std::move(reason), std::move(message)};
}

WriteVerdict forbidden(std::string message)
{
    return rejected("forbidden", "Not allowed: " + std::move(message));
}

bool sameTeamOrSelf(const User& author, std::string_view otherId, const FactSource& facts)
{
    if (otherId.empty()) {
        return false;
    }
    if (otherId == author.id) {
        return true;
    }
    if (author.team.empty()) {
        return false;
    }
    const auto other = facts.user(otherId);
    return other && other->team == author.team;
}

// P, the prisoners linked to P, and the people linked to P as a prisoner.
std::set<std::string> linkedPeople(std::string_view personId, const FactSource& facts)
{
    std::set<std::string> out{std::string(personId)};
    for (const Record& link : facts.recordsWhere("relationship", "person_id", personId)) {
        if (auto prisoner = link.text("prisoner_id"); !prisoner.empty()) {
            out.insert(std::move(prisoner));
        }
    }
    for (const Record& link : facts.recordsWhere("relationship", "prisoner_id", personId)) {
        if (auto other = link.text("person_id"); !other.empty()) {
            out.insert(std::move(other));
        }
    }
    return out;
}

bool isPractitionerOfCase(const User& author, std::string_view caseId, const FactSource& facts)
{
    if (caseId.empty() || author.id.empty() || !author.roles.has(Role::Practitioner)) {
        return false;
    }
    const auto theCase = facts.record("case", caseId);
    return theCase && theCase->text("practitioner_id") == author.id;
}

bool hasActiveMatchOnCase(const User& author, std::string_view caseId, const FactSource& facts)
{
    if (caseId.empty() || author.id.empty()) {
        return false;
    }
    const auto matches = facts.recordsWhere("match", "case_id", caseId);
    return std::any_of(matches.begin(), matches.end(), [&](const Record& match) {
        return match.text("volunteer") == author.id && match.text("status") == "active";
    });
}

// Whether every named person is held; people not named (an empty field) are left to the form.
bool holdsAll(const User& author, std::initializer_list<std::string> people, const FactSource& facts)
{
    return std::all_of(people.begin(), people.end(), [&](const std::string& person) {
        return person.empty() || holdsPerson(author, person, facts);
    });
}

WriteVerdict notHeld()
{
    return forbidden("you do not hold this person: only a practitioner who recorded them, or whose team works "
                     "a case on them, may change what is recorded about them");
}

WriteVerdict coordinatorRecord(const User& author, const Record& record, const FactSource& facts)
{
    if (!author.roles.has(Role::Coordinator)) {
        return forbidden("only a coordinator may record a " + record.type);
    }
    const std::string volunteerId = record.text("volunteer");
    if (volunteerId == author.id) {
        return forbidden("a coordinator never vets or matches themselves");
    }
    const auto volunteer = facts.user(volunteerId);
    if (!volunteer) {
        return forbidden("the volunteer is not known");
    }
    if (!volunteer->team.empty() && !author.team.empty() && volunteer->team != author.team) {
        return forbidden("the volunteer is not in your team");
    }
    return applied();
}

std::string latestStatus(std::vector<Record> consents, std::string_view scope, std::string_view givenBy,
                         std::string_view about)
{
    std::vector<Record> relevant;
    for (Record& consent : consents) {
        if (consent.text("scope") == scope && consent.text("given_by") == givenBy
            && (about.empty() || consent.text("about") == about)) {
            relevant.push_back(std::move(consent));
        }
    }
    const Record* last = detail::latest(relevant, "recorded_at");
    return last != nullptr ? last->text("status") : std::string();
}

bool truthy(const Record& record, std::string_view field)
{
    const auto* value = record.fields.if_contains(field);
    return value != nullptr && value->is_bool() && value->get_bool();
}

bool hasValue(const boost::json::value& value)
{
    if (value.is_null()) {
        return false;
    }
    if (value.is_string()) {
        return !value.get_string().empty();
    }
    if (value.is_array()) {
        return !value.get_array().empty();
    }
    return true;
}

WriteVerdict fromGate(const GateDecision& decision, bool mayQuarantine)
{
    if (decision.cleared()) {
        return applied();
    }
    const bool keep = mayQuarantine && decision.quarantines();
    return WriteVerdict{keep ? WriteStatus::Quarantined : WriteStatus::Rejected, decision.code(), decision.sentence};
}

bool clockAhead(const boost::json::object& fields, std::string_view field, std::int64_t nowMillis)
{
    const auto* value = fields.if_contains(field);
    if (value == nullptr || !value->is_string()) {
        return false;
    }
    const auto seconds = parseInstant(value->get_string());
    return seconds && *seconds * 1000 > nowMillis + kClockAheadMillis;
}

bool dateAhead(const boost::json::object& fields, std::string_view field, Date latestAllowed)
{
    const auto* value = fields.if_contains(field);
    if (value == nullptr || !value->is_string()) {
        return false;
    }
    const auto day = Date::fromDateOrInstant(value->get_string());
    return day && latestAllowed < *day;
}

Date dayOfMillis(std::int64_t millis)
{
    constexpr std::int64_t kSecond = 1000;
    return Date::fromEpochSeconds(millis >= 0 ? millis / kSecond : (millis - kSecond + 1) / kSecond);
}

} // namespace

bool volunteerWritesType(const RoleSet& roles, std::string_view type)
{
    if (type == "session_report") {
        return roles.has(Role::Befriender) || roles.has(Role::Mentor);
    }
    if (type == "contact_sheet") {
        return roles.has(Role::Befriender) || roles.has(Role::Mentor) || roles.has(Role::PrisonVisitor);
    }
    if (type == "play_session" || type == "child_assessment") {
        return roles.has(Role::PlayVolunteer);
    }
    if (among(kMentoringMeetingTypes, type)) {
        return roles.has(Role::Mentor);
    }
    return false;
}

std::vector<std::string> writableRecordTypes(const RoleSet& roles)
{
    std::vector<std::string> out;
    for (const auto& type : knownRecordTypes()) {
        const bool practitioner = roles.has(Role::Practitioner)
            && (among(kIntakeTypes, type) || isContactRecordType(type) || among(kPractitionerCaseTypes, type)
                || among(kMentoringMeetingTypes, type) || type == "case");
        const bool coordinator = roles.has(Role::Coordinator) && (type == "vetting" || type == "match" || type == "case");
        const bool may = type == "safeguarding_report" ? !roles.empty()
                                                       : practitioner || coordinator || volunteerWritesType(roles, type);
        if (may) {
            out.push_back(type);
        }
    }
    return out;
}

std::vector<std::string> formsForCase(const RoleSet& roles, const Record& theCase)
{
    static constexpr std::array<std::string_view, 4> kPlayOnly = {"play_session", "child_assessment",
                                                                  "first_contact_report", "carer_contact_attempt"};
    // Through the gate: the mentoring referral, the meetings in prison and at the gate, and the
    // onward referral belong to mentoring cases only.
    static constexpr std::array<std::string_view, 4> kMentoringOnly = {"mentoring_referral", "pre_release_meeting",
                                                                       "gate_day", "onward_referral"};
    const std::string stream = theCase.text("stream");
    const auto fits = [&](const std::string& type) {
        if (among(kPlayOnly, type)) {
            return stream == "play";
        }
        if (among(kMentoringOnly, type)) {
            return stream == "mentoring";
        }
        if (type == "session_report") {
            return stream == "befriending" || stream == "mentoring";
        }
        if (type == "contact_sheet") {
            return stream != "play";
        }
        return true;
    };
    std::vector<std::string> out;
    bool concern = false;
    for (const std::string& type : writableRecordTypes(roles)) {
        if (type == "safeguarding_report") {
            concern = true;
            continue;
        }
        const FormDefinition* form = FormRegistry::builtin().current(type);
        if (form != nullptr && form->field("case_id") != nullptr && fits(type)) {
            out.push_back(type);
        }
    }
    if (concern) {
        out.emplace_back("safeguarding_report");
    }
    return out;
}

std::string_view writeStatusName(WriteStatus status)
{
    return pushStatusName(status);
}

std::set<std::string> heldRecordAudience(std::string_view caseId, const std::vector<User>& users,
                                         const FactSource& facts)
{
    std::set<std::string> out;
    if (!caseId.empty()) {
        if (const auto theCase = facts.record("case", caseId)) {
            if (auto practitioner = theCase->text("practitioner_id"); !practitioner.empty()) {
                out.insert(std::move(practitioner));
            }
        }
    }
    for (const User& user : users) {
        if (user.roles.has(Role::SafeguardingOfficer)) {
            out.insert(user.id);
        }
    }
    return out;
}

std::string latestWelfareGrantDecision(std::string_view requestId, const FactSource& facts)
{
    const auto decisions = facts.recordsWhere("welfare_grant_decision", "request_id", requestId);
    const Record* last = detail::latest(decisions, "decided_on");
    return last != nullptr ? last->text("decision") : std::string();
}

bool holdsPerson(const User& author, std::string_view personId, const FactSource& facts)
{
    if (personId.empty() || author.id.empty() || !author.roles.has(Role::Practitioner)) {
        return false;
    }
    const std::string creator = facts.creatorOf("person", personId);
    if (creator == author.id) {
        return true;
    }
    // A person nobody has recorded yet (no person record with this id, in any state): the intake
    // may arrive in any order, so the relationship, consent or check that names them first is
    // the practitioner's to write. Ids are random: nobody can aim at someone recorded later.
    if (creator.empty() && !facts.record("person", personId)) {
        return true;
    }
    for (const std::string& person : linkedPeople(personId, facts)) {
        for (const Record& theCase : facts.recordsWhere("case", "person_id", person)) {
            if (sameTeamOrSelf(author, theCase.text("practitioner_id"), facts)) {
                return true;
            }
        }
    }
    return false;
}

WriteVerdict checkClocks(const ProposedChange& change, std::int64_t nowMillis)
{
    if (const auto stamp = HlcStamp::parse(change.hlc); stamp && stamp->millis > nowMillis + kClockAheadMillis) {
        return rejected("invalid:hlc", "The phone's clock is ahead of the server's: this change is stamped in the future.");
    }
    for (const std::string_view field : {"occurred_at", "recorded_at"}) {
        if (clockAhead(change.fields, field, nowMillis)) {
            return rejected("invalid:" + std::string(field), "The " + std::string(field) + " of this record is in the future.");
        }
    }
    const Date latestDay = dayOfMillis(nowMillis).addDays(1);
    for (const std::string_view field : {"checked_at", "dbs_checked_at"}) {
        if (dateAhead(change.fields, field, latestDay)) {
            return rejected("invalid:" + std::string(field), "The " + std::string(field) + " of this record is in the future.");
        }
    }
    return applied();
}

WriteVerdict checkAuthority(const User& author, const Record& record, bool isNew, const FactSource& facts)
{
    const std::string& type = record.type;
    if (!isKnownRecordType(type)) {
        return rejected("unknown_record_type", type + " is not a record type");
    }
    if (type == "safeguarding_report") {
        // Anyone may raise a concern, about anyone, with or without a case.
        return author.roles.empty() ? forbidden("this account holds no role") : applied();
    }
    if (type == "vetting" || type == "match") {
        return coordinatorRecord(author, record, facts);
    }
    const bool practitioner = author.roles.has(Role::Practitioner);
    if (type == "person") {
        if (!practitioner) {
            return forbidden("only a practitioner records a person");
        }
        return isNew || holdsPerson(author, record.id, facts) ? applied() : notHeld();
    }
    if (type == "relationship" || type == "consent" || type == "protection_check") {
        if (!practitioner) {
            return forbidden("only a practitioner records a " + type);
        }
        const bool held = type == "relationship"
            ? holdsAll(author, {record.text("prisoner_id"), record.text("person_id")}, facts)
            : type == "consent" ? holdsAll(author, {record.text("given_by"), record.text("about")}, facts)
                                : holdsAll(author, {record.text("subject")}, facts);
        return held ? applied() : notHeld();
    }
    if (type == "case") {
        if (author.roles.has(Role::Coordinator)) {
            return applied();
        }
        if (!practitioner) {
            return forbidden("only a practitioner or a coordinator opens a case");
        }
        return holdsPerson(author, record.text("person_id"), facts) ? applied() : notHeld();
    }
    if (isContactRecordType(type)) {
        // checkContact's rule 1 decides on the case and the person (the gates step).
        const bool writes = practitioner || volunteerWritesType(author.roles, type);
        return writes ? applied() : forbidden("your role does not let you write a " + type);
    }
    if (among(kMentoringMeetingTypes, type)) {
        // checkContact (the gates step) decides on the person; here only the case.
        const std::string caseId = record.text("case_id");
        if (isPractitionerOfCase(author, caseId, facts)
            || (author.roles.has(Role::Mentor) && hasActiveMatchOnCase(author, caseId, facts))) {
            return applied();
        }
        return forbidden("only the case's practitioner or a mentor matched on the case may write a " + type);
    }
    if (among(kPractitionerCaseTypes, type)) {
        const std::string caseId = record.text("case_id");
        if (isPractitionerOfCase(author, caseId, facts)) {
            return applied();
        }
        if (type == "child_assessment" && author.roles.has(Role::PlayVolunteer)
            && hasActiveMatchOnCase(author, caseId, facts)) {
            return applied();
        }
        return forbidden("only the case's practitioner may write a " + type + " on this case");
    }
    return forbidden("your role does not let you write a " + type);
}

WriteVerdict checkStateChange(const Record& after, const Record* before, const FactSource& facts)
{
    if (auto refused = stateChangeRefusal(after, before, facts)) {
        return rejected(std::move(refused->reason), std::move(refused->message));
    }
    if (after.type == "welfare_grant_decision" || after.type == "welfare_grant_handover") {
        const auto request = facts.record("welfare_grant_request", after.text("request_id"));
        if (!request || request->text("case_id") != after.text("case_id")) {
            return rejected("invalid:request_id", "There is no such welfare grant request on this case.");
        }
        if (after.type == "welfare_grant_handover"
            && latestWelfareGrantDecision(request->id, facts) != "approved") {
            return rejected("invalid:request_id", "This welfare grant has not been approved: nothing can be handed over.");
        }
    }
    return applied();
}

WriteVerdict checkConsentBeforeData(const Record& after, const FactSource& facts)
{
    if (after.type == "person" && after.text("kind") == "carer") {
        const bool beyond = std::any_of(after.fields.begin(), after.fields.end(), [](const auto& entry) {
            return !among(kCarerFieldsBeforeConsent, entry.key()) && hasValue(entry.value());
        });
        if (beyond && latestStatus(facts.recordsWhere("consent", "about", after.id), "data_entry", after.id, after.id)
                != "given") {
            return rejected("consent_missing", "Only the carer's name and how to reach them may be recorded until "
                                               "the carer's consent to data entry is recorded.");
        }
    }
    if (after.type == "care_plan_action" && truthy(after, "approved_to_share")) {
        const auto theCase = facts.record("case", after.text("case_id"));
        const std::string person = theCase ? theCase->text("person_id") : std::string();
        if (person.empty()
            || latestStatus(facts.recordsWhere("consent", "given_by", person), "share_with_professionals", person, {})
                != "given") {
            return rejected("consent_missing", "Sharing with other professionals needs the service user's consent "
                                               "to share, recorded first.");
        }
    }
    return applied();
}

WriteVerdict checkGatesFor(const User& author, const Record& after, const Record* before, const FactSource& facts,
                           Date today, const GateDecision* matchPersonSide)
{
    if (isContactRecordType(after.type)) {
        return fromGate(checkContact(after, author, facts), true);
    }
    if (after.type == "match" && after.text("status") == "active") {
        const bool changed = before == nullptr || before->text("status") != "active"
            || before->text("case_id") != after.text("case_id") || before->text("person_id") != after.text("person_id")
            || before->text("volunteer") != after.text("volunteer");
        if (!changed) {
            return applied();
        }
        return fromGate(matchPersonSide != nullptr ? checkMatchActivation(after, facts, today, *matchPersonSide)
                                                   : checkMatchActivation(after, facts, today),
                        false);
    }
    if (among(kMentoringMeetingTypes, after.type)) {
        return fromGate(checkContact(after, author, facts), true);
    }
    if (after.type == "welfare_grant_request") {
        return fromGate(checkWelfareGrant(after, facts, today), true);
    }
    if (after.type == "welfare_grant_decision" && after.text("decision") == "approved") {
        // Approval meets the same gate as the request, on the day of the decision: a person who was
        // eligible when asked for may not be any longer (the case closed).
        if (const auto request = facts.record("welfare_grant_request", after.text("request_id"))) {
            return fromGate(checkWelfareGrant(*request, facts, today), false);
        }
    }
    return applied();
}

WriteVerdict judgeChange(const User& author, const ProposedChange& change, const IdHistory& ids,
                         const FactSource& facts, std::int64_t nowMillis)
{
    const std::string& type = change.after.type;
    // 1. The change id: the same author's id again is a replay; another author's is never theirs.
    if (ids.changeAuthor) {
        if (*ids.changeAuthor != author.id) {
            return rejected("invalid:id", "This change id is already in use: send the change under a new id.");
        }
        return WriteVerdict{WriteStatus::Duplicate, {}, {}};
    }
    // 2. The record id: one type per id; form records are append-only; a held record stays as it was.
    const bool otherType = std::any_of(ids.recordTypes.begin(), ids.recordTypes.end(),
                                       [&](const std::string& used) { return used != type; });
    if (otherType) {
        return rejected("invalid:record_id", "This record id is already used by another kind of record.");
    }
    const bool exists = std::find(ids.recordTypes.begin(), ids.recordTypes.end(), type) != ids.recordTypes.end();
    const bool isMutable = isMutableRecordType(type);
    if (change.op == "delete" && !isMutable) {
        return rejected("invalid:op", "A " + type + " is never deleted: form records are append-only.");
    }
    if (exists && (!isMutable || ids.heldRecord)) {
        return rejected("invalid:record_id", "This record exists already and cannot be changed: write a new record instead.");
    }
    // 3. Clocks.
    if (auto verdict = checkClocks(change, nowMillis); !verdict.applied()) {
        return verdict;
    }
    // 4. The form's fields, as the record will stand.
    if (!isKnownRecordType(type)) {
        return rejected("unknown_record_type", type + " is not a record type");
    }
    if (change.form == nullptr) {
        return rejected("invalid:form_version", "There is no such version of the " + type + " form.");
    }
    if (!change.deletes) {
        // A stored answer that this change's other answers hide (ended_at kept on a match set back
        // to active) is the state change's to judge, not an error of what the author sent.
        for (const auto& error : validate(*change.form, change.after.fields)) {
            if (error.rule == "hidden" && !change.fields.contains(error.field)) {
                continue;
            }
            return rejected(error.reason(), error.message);
        }
    }
    // 5. Who may write it, as it stands and as it will stand.
    if (change.before != nullptr) {
        if (auto verdict = checkAuthority(author, *change.before, false, facts); !verdict.applied()) {
            return verdict;
        }
    }
    if (auto verdict = checkAuthority(author, change.after, !exists, facts); !verdict.applied()) {
        return verdict;
    }
    if (change.deletes) {
        return applied(); // nothing of a deleted record is read by the gates
    }
    // 6. The state change.
    if (auto verdict = checkStateChange(change.after, change.before, facts); !verdict.applied()) {
        return verdict;
    }
    // 7. Consent before data.
    if (auto verdict = checkConsentBeforeData(change.after, facts); !verdict.applied()) {
        return verdict;
    }
    // 8. The gates.
    return checkGatesFor(author, change.after, change.before, facts, dayOfMillis(nowMillis));
}

} // namespace fieldbook
