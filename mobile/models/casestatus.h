// What the phone can say about a case: the person's name, and whether contact is cleared, in plain
// words. Volunteers read the server's derived `clearance` record (they never hold the protection
// checks and vetting the gates read); practitioners, who hold the records, ask the core's gates.
// No rule is decided here: both paths end in the core's answer.
#pragma once

#include "model/dates.h"
#include "rules/roles.h"

#include <QString>

#include <optional>
#include <string>

namespace fieldbook {
struct Record;
}

namespace fieldbook::app {

class LocalStore;

struct ContactClearance
{
    bool known = false;   // false: nothing to decide from yet (sync first)
    bool cleared = false;
    QString sentence;     // "Cleared to contact", "Not cleared: consent to contact Irina is not recorded"
    QString reasonCode;   // the contract's code, "" when cleared or unknown
};

ContactClearance contactClearance(const LocalStore& store, const User& me, const std::string& caseId,
                                  const std::string& personId, Date today);

// The gates for one contact record about to be saved (type, case_id, person_id, occurred_at).
ContactClearance contactGate(const LocalStore& store, const User& me, const Record& contact);

// "Irina" (given name), or a neutral placeholder when the person record is not on the phone.
QString personName(const LocalStore& store, const std::string& personId);

// The person a case is about for this user: the matched person for a volunteer, the case's person
// otherwise.
std::string casePersonFor(const LocalStore& store, const User& me, const std::string& caseId);

// Today in UTC, as the rules count days.
Date todayUtc();

// Plain words for a code the server sent ("in_person" -> "In person").
QString humanise(const QString& code);

} // namespace fieldbook::app
