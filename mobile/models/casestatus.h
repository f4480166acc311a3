// What the phone can say about a case: the person's name, and whether contact is cleared, in plain
// words. On a volunteer's case (a match on the user's caseload) the phone reads the server's
// derived `clearance` record (volunteers never hold the protection checks and vetting the gates
// read); on a practitioner's it asks the core's gates, which treat a prisoner or prison leaver with
// no family link as their own X. No rule is decided here: both paths end in the core's answer,
// worded by the core's reasonSentence (translated in context "Reason").
#pragma once

#include "model/dates.h"
#include "rules/caseload.h"
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

    // What pauses the contact rhythms (rhythms.h pausedUnlessCleared): the code when known and not
    // cleared; "" when cleared or not known yet (the sentence then says to sync first).
    std::string notClearedCode() const;
};

ContactClearance contactClearance(const LocalStore& store, const User& me, const std::string& caseId,
                                  const std::string& personId, Date today);

// The gates for one contact record about to be saved (type, case_id, person_id, occurred_at).
ContactClearance contactGate(const LocalStore& store, const User& me, const Record& contact);

// "Irina" (given name), or a neutral placeholder when the person record is not on the phone.
QString personName(const LocalStore& store, const std::string& personId);

// The person a case is about for this user (caseloadOf): the matched person for a volunteer, the
// case's person for its practitioner, else the case's person as far as the phone holds it.
std::string casePersonFor(const LocalStore& store, const User& me, const std::string& caseId);

// The sentence and the short words for a contract reason code, as the core words them, translated.
QString reasonText(const std::string& code);
QString reasonShortText(const std::string& code);

// Today in UTC, as the rules count days.
Date todayUtc();
// Minutes since midnight UTC now: the time of day the rota's evening flag is judged at, on the
// same clock as todayUtc().
int minuteOfDayUtc();

// Plain words for a code the server sent ("in_person" -> "In person").
QString humanise(const QString& code);

} // namespace fieldbook::app
