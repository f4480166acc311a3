// A user's caseload: the cases they work and, on each, the person they work with. The app lists
// it, the rhythms report on it, and the server's reader scope can start from it, so that who is
// on whose caseload is decided once.
#pragma once

#include "rules/facts.h"
#include "rules/roles.h"

#include <string>
#include <vector>

namespace fieldbook {

struct CaseloadEntry
{
    std::string caseId;
    std::string personId; // the person the user works with: the match's person, else the case's
    std::string matchId;  // the active match that puts the case on a volunteer's caseload; "" for a practitioner
    Role role = Role::Practitioner; // the role the user holds on this case
    bool open = true;     // false for a practitioner's closed case (kept for reading, not for working)
};

// Practitioner entries first: every case whose practitioner_id is the user (when they hold the
// practitioner role), closed ones with open = false. Then one entry per `active` match whose
// volunteer is the user (when they hold a volunteer role), person = the match's person_id, else
// the case's; role = the volunteer role of the stream (the match's `stream`, else its case's) when
// the user holds it, else the first volunteer role they hold. A match on a case the user is already
// practitioner of adds no second entry. Proposed and ended matches put nothing on a caseload.
// Within each group, in the order the facts list them.
std::vector<CaseloadEntry> caseloadOf(const User& user, const FactSource& facts);

// The entry for one case of the user's caseload, or nullptr.
const CaseloadEntry* caseloadEntryFor(const std::vector<CaseloadEntry>& caseload, std::string_view caseId);

} // namespace fieldbook
