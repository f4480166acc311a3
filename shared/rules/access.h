// Least privilege per role and per field: who may write which record type on which case, and
// what of each record each role may read. The server filters every pull through readView();
// who may WRITE what is decided in writerules.h.
#pragma once

#include "model/record.h"
#include "rules/facts.h"
#include "rules/gates.h"
#include "rules/roles.h"

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

namespace fieldbook {

// The record's case, as far as it can be told from the record and the facts: the `case_id` field,
// the record itself for a case, the match's case. "" when the record belongs to no case.
std::string caseOf(const Record& record, const FactSource& facts);

// How the reader stands towards the record's case; the server computes it, the rules decide.
// For records that belong to no case (person, relationship, consent, protection_check), the
// server sets isCasePractitioner / hasActiveMatch when one of peopleOf(record) is the person of
// (or matched on) one of the reader's cases.
struct ReaderContext
{
    bool isCasePractitioner = false; // practitioner_id of the case (or of a case of the same team, where configured)
    bool hasActiveMatch = false;     // the reader is the volunteer of an active match on the case
    bool isAuthor = false;           // the reader wrote this record
    bool sameTeam = false;           // the record's volunteer/author is in the reader's team (coordinators)
    bool authorIsVolunteer = false;  // the record's author holds a volunteer role (coordinators see their reports)
    bool teamReferral = false;       // (coordinators) a case of a volunteer stream whose practitioner is in the
                                     // reader's team, or the person of one: what matching needs to name
    bool breakGlass = false;         // an audited break-the-glass grant of a safeguarding officer on this case
    std::optional<Date> today;       // the day age bands are computed for; the UTC date of the wall clock if unset
};

// The people a record is about: a person's own id; a relationship's prisoner_id and person_id;
// a consent's given_by and about; a protection check's subject; else person_id, carer_id,
// child_id where present. Lets the server decide who may see records that belong to no case.
std::vector<std::string> peopleOf(const Record& record);


// The fields of `record` that `reader` may see, or nullopt if the record is not theirs to see.
// Field-level: a volunteer never gets prison_number, date_of_birth (only `age_band`), another
// author's notes, restriction details; a manager gets no case records at all.
// A user with several roles sees the union of what each role sees. Narrative fields are the ones
// the record's form definition marks `narrative`.
//   admin: nothing;  manager: only what they wrote (the monthly report carries the aggregates,
//   computed on the server: no row-level record reaches a manager's phone);
//   safeguarding_officer: every safeguarding_report, anything else only with breakGlass;
//   practitioner: everything on their cases (isCasePractitioner) and what they wrote;
//   coordinator: vetting, match and volunteers' contact records / child assessments of their team;
//   the referrals they match (teamReferral): the case without narrative fields, and its person as a
//   volunteer sees them (first name, how to reach them, age_band) — never consents, checks or notes;
//   volunteers: their own match records (a mentor also the other active matches of a case they
//   hold an active match on: the intensive mentoring group); with an active match on the case: the person (first
//   name, how to reach them, establishment, release date, age_band), the case, contact records,
//   prison and gate-day meetings and child assessments (other authors' without narrative
//   fields), a mentoring referral's date and Responsible Officer only, the first contact report
//   sent to them; their own safeguarding reports. Never protection_check, vetting, consent,
//   relationship or casework records.
std::optional<boost::json::object> readView(const User& reader, const Record& record, const ReaderContext& context);

// "0-2", "3-5", "6-10", "11-15", "16-17", "18+" from a date of birth on a day.
std::string ageBand(Date dateOfBirth, Date on);

} // namespace fieldbook
