#include "rules/caseload.h"

#include <algorithm>

namespace fieldbook {

std::vector<CaseloadEntry> caseloadOf(const User& user, const FactSource& facts)
{
    std::vector<CaseloadEntry> out;
    if (user.id.empty()) {
        return out;
    }
    if (user.roles.has(Role::Practitioner)) {
        for (const Record& theCase : facts.recordsWhere("case", "practitioner_id", user.id)) {
            CaseloadEntry entry;
            entry.caseId = theCase.id;
            entry.personId = theCase.text("person_id");
            entry.role = Role::Practitioner;
            entry.open = theCase.text("status") != "closed";
            out.push_back(std::move(entry));
        }
    }
    if (!user.roles.anyVolunteer()) {
        return out;
    }
    const std::size_t practitionerEntries = out.size();
    for (const Record& match : facts.recordsWhere("match", "volunteer", user.id)) {
        if (match.text("status") != "active") {
            continue;
        }
        const std::string caseId = match.text("case_id");
        const auto practitionerEnd = out.begin() + static_cast<std::ptrdiff_t>(practitionerEntries);
        if (caseId.empty() || std::any_of(out.begin(), practitionerEnd,
                                          [&](const CaseloadEntry& entry) { return entry.caseId == caseId; })) {
            continue;
        }
        const auto theCase = facts.record("case", caseId);
        CaseloadEntry entry;
        entry.caseId = caseId;
        entry.matchId = match.id;
        entry.personId = match.text("person_id");
        if (entry.personId.empty() && theCase) {
            entry.personId = theCase->text("person_id");
        }
        std::string stream = match.text("stream");
        if (stream.empty() && theCase) {
            stream = theCase->text("stream");
        }
        const auto streamRole = volunteerRoleForStream(stream);
        if (streamRole && user.roles.has(*streamRole)) {
            entry.role = *streamRole;
        } else {
            for (const Role role : user.roles.list()) {
                if (isVolunteerRole(role)) {
                    entry.role = role;
                    break;
                }
            }
        }
        entry.open = !theCase || theCase->text("status") != "closed";
        out.push_back(std::move(entry));
    }
    return out;
}

const CaseloadEntry* caseloadEntryFor(const std::vector<CaseloadEntry>& caseload, std::string_view caseId)
{
    const auto found = std::find_if(caseload.begin(), caseload.end(),
                                    [&](const CaseloadEntry& entry) { return entry.caseId == caseId; });
    return found == caseload.end() ? nullptr : &*found;
}

} // namespace fieldbook
