#include "sync/readerscope.h"

#include "rules/caseload.h"
#include "model/ids.h"

namespace fieldbook::server {

namespace {

// The people of a case: its person, the people of its matches, and whoever a relationship links
// to them (the prisoner of a family member, the family of a prisoner).
void addPeopleOfCase(const FactSource& facts, const std::string& caseId, std::set<std::string>& people)
{
    std::set<std::string> direct;
    if (const auto theCase = facts.record("case", caseId)) {
        if (auto person = theCase->text("person_id"); !person.empty()) {
            direct.insert(person);
        }
    }
    for (const Record& match : facts.recordsWhere("match", "case_id", caseId)) {
        if (auto person = match.text("person_id"); !person.empty()) {
            direct.insert(person);
        }
    }
    for (const std::string& person : direct) {
        people.insert(person);
        for (const Record& link : facts.recordsWhere("relationship", "person_id", person)) {
            if (auto prisoner = link.text("prisoner_id"); !prisoner.empty()) {
                people.insert(prisoner);
            }
        }
        for (const Record& link : facts.recordsWhere("relationship", "prisoner_id", person)) {
            if (auto other = link.text("person_id"); !other.empty()) {
                people.insert(other);
            }
        }
    }
}

} // namespace

ReaderScope::ReaderScope(const User& reader, const FactSource& facts, Date today)
    : m_reader(reader)
    , m_facts(facts)
    , m_today(today)
{
    // Who is on the reader's caseload is the core's rule (caseloadOf): the app lists the same.
    for (const CaseloadEntry& entry : caseloadOf(reader, facts)) {
        if (entry.matchId.empty()) {
            m_practitionerCases.insert(entry.caseId);
            addPeopleOfCase(facts, entry.caseId, m_practitionerPeople);
            continue;
        }
        auto match = facts.record("match", entry.matchId);
        if (!match) {
            continue;
        }
        m_matchedCases.insert(entry.caseId);
        if (!entry.personId.empty()) {
            m_matchedPeople.insert(entry.personId);
        }
        if (const auto theCase = facts.record("case", entry.caseId)) {
            if (auto person = theCase->text("person_id"); !person.empty()) {
                m_matchedPeople.insert(person);
            }
        }
        m_activeMatches.push_back(std::move(*match));
    }
    // Cases of matches in any state: an ended match is how a phone learns to let go of its case.
    if (reader.roles.anyVolunteer()) {
        for (const Record& match : facts.recordsWhere("match", "volunteer", reader.id)) {
            m_anyMatchCases.insert(match.text("case_id"));
        }
    }
}

const std::optional<User>& ReaderScope::userOf(const std::string& userId) const
{
    auto found = m_users.find(userId);
    if (found == m_users.end()) {
        found = m_users.emplace(userId, userId.empty() ? std::nullopt : m_facts.user(userId)).first;
    }
    return found->second;
}

std::string ReaderScope::teamOf(const std::string& userId) const
{
    const auto& user = userOf(userId);
    return user ? user->team : std::string();
}

ReaderContext ReaderScope::contextFor(const StoredRecord& stored) const
{
    const Record& record = stored.record;
    ReaderContext context;
    context.today = m_today;
    context.isAuthor = !record.author.empty() && record.author == m_reader.id;
    if (!stored.caseId.empty()) {
        context.isCasePractitioner = m_practitionerCases.count(stored.caseId) > 0;
        context.hasActiveMatch = m_matchedCases.count(stored.caseId) > 0;
        context.breakGlass = m_breakGlassCases.count(stored.caseId) > 0;
    } else {
        for (const std::string& person : peopleOf(record)) {
            context.isCasePractitioner = context.isCasePractitioner || m_practitionerPeople.count(person) > 0;
            context.hasActiveMatch = context.hasActiveMatch || m_matchedPeople.count(person) > 0;
            context.breakGlass = context.breakGlass || m_breakGlassPeople.count(person) > 0;
        }
    }
    if (m_reader.roles.has(Role::Coordinator)) {
        const auto& author = userOf(record.author);
        context.authorIsVolunteer = author && author->roles.anyVolunteer();
        context.teamReferral = isTeamReferral(record);
    }
    if (!m_reader.team.empty()) {
        const std::string volunteer = record.text("volunteer");
        context.sameTeam = teamOf(record.author) == m_reader.team ||
                           (!volunteer.empty() && teamOf(volunteer) == m_reader.team);
    }
    return context;
}

bool ReaderScope::isTeamReferralCase(const Record& theCase) const
{
    const std::string stream = theCase.text("stream");
    return !m_reader.team.empty() && !stream.empty() && stream != "casework" &&
           teamOf(theCase.text("practitioner_id")) == m_reader.team;
}

bool ReaderScope::isTeamReferral(const Record& record) const
{
    if (record.type == "case") {
        return isTeamReferralCase(record);
    }
    if (record.type != "person") {
        return false;
    }
    for (const Record& theCase : m_facts.recordsWhere("case", "person_id", record.id)) {
        if (isTeamReferralCase(theCase)) {
            return true;
        }
    }
    // A play case is the carer's; the child is the person of its match.
    for (const Record& match : m_facts.recordsWhere("match", "person_id", record.id)) {
        if (const auto theCase = m_facts.record("case", match.text("case_id")); theCase && isTeamReferralCase(*theCase)) {
            return true;
        }
    }
    return false;
}

ReaderContext ReaderScope::formerContextFor(const StoredRecord& record) const
{
    ReaderContext context = contextFor(record);
    context.isCasePractitioner = m_reader.roles.has(Role::Practitioner);
    context.hasActiveMatch = m_reader.roles.anyVolunteer();
    // An officer may hold the case from a grant that has since expired.
    context.breakGlass = m_reader.roles.has(Role::SafeguardingOfficer);
    return context;
}

std::optional<boost::json::object> ReaderScope::view(const StoredRecord& record) const
{
    if (record.record.type == "alert") {
        return record.audience == m_reader.id ? std::optional(record.record.fields) : std::nullopt;
    }
    const ReaderContext context = contextFor(record);
    auto view = readView(m_reader, record.record, context);
    if (view && context.breakGlass) {
        ReaderContext without = context;
        without.breakGlass = false;
        if (!readView(m_reader, record.record, without)) {
            m_grantReads.emplace(record.record.type, record.record.id);
        }
    }
    return view;
}

void ReaderScope::grantBreakGlass(const std::set<std::string>& caseIds)
{
    if (!m_reader.roles.has(Role::SafeguardingOfficer)) {
        return;
    }
    for (const std::string& caseId : caseIds) {
        m_breakGlassCases.insert(caseId);
        addPeopleOfCase(m_facts, caseId, m_breakGlassPeople);
    }
}

bool ReaderScope::readUnderGrant(const std::string& type, const std::string& id) const
{
    return m_grantReads.count({type, id}) > 0;
}

std::optional<boost::json::object> ReaderScope::formerView(const StoredRecord& record) const
{
    if (record.record.type == "alert") {
        return record.audience == m_reader.id ? std::optional(record.record.fields) : std::nullopt;
    }
    return readView(m_reader, record.record, formerContextFor(record));
}

bool ReaderScope::caseScoped() const
{
    for (const Role role : m_reader.roles.list()) {
        if (!isVolunteerRole(role) && role != Role::Practitioner) {
            return false;
        }
    }
    return true;
}

std::vector<std::string> ReaderScope::caseIds() const
{
    std::set<std::string> all = m_practitionerCases;
    all.insert(m_anyMatchCases.begin(), m_anyMatchCases.end());
    return {all.begin(), all.end()};
}

std::vector<std::string> ReaderScope::people() const
{
    std::set<std::string> all = m_practitionerPeople;
    all.insert(m_matchedPeople.begin(), m_matchedPeople.end());
    return {all.begin(), all.end()};
}

} // namespace fieldbook::server
