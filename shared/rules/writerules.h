// Who may write which change, and what the server answers it: the one judgement behind every
// push (sync contract 1.2, "Who may change the facts the gates read", "State changes the server
// validates", "The gates on a contact record"). The server calls judgeChange() to enforce; the
// app calls the same function on a draft to tell the person before they save. Nothing outside
// the core decides any part of it again.
//
// A change is judged in the contract's order, and the first refusal is its answer:
//   change id -> record_id -> clocks -> the form's fields -> who may write it -> the state change
//   -> consent before data -> the gates.
// Every message names only what its reader may see: a refusal never names a person.
#pragma once

#include "model/formdefinition.h"
#include "model/record.h"
#include "rules/facts.h"
#include "rules/gates.h"
#include "rules/roles.h"
#include "sync/protocol.h"

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace fieldbook {

// The verdict's status is the push status the server answers (sync/protocol.h spells it).
using WriteStatus = PushStatus;

std::string_view writeStatusName(WriteStatus status); // pushStatusName

struct WriteVerdict
{
    WriteStatus status = WriteStatus::Applied;
    std::string reason;  // the contract's code: "forbidden", "invalid:hlc", "restricted", ...; "" when applied
    std::string message; // a sentence for the author; never names a person they may not see

    bool applied() const { return status == WriteStatus::Applied; }
};

// What is known of a change's ids beyond the current facts: records and changes in any state.
struct IdHistory
{
    std::optional<std::string> changeAuthor; // who first pushed this change id, if anyone did
    std::vector<std::string> recordTypes;    // types of the records (any state) that use this record_id
    bool heldRecord = false;                 // the record of this type and id is quarantined
};

struct ProposedChange
{
    std::string changeId;
    std::string op = "upsert";  // or "delete" (mutable records only)
    std::string hlc;
    boost::json::object fields; // as sent
    // The record as it will stand: for a mutable record the stored fields merged with this change
    // (core merge), else the fields as sent. author = the pushing user.
    Record after;
    bool deletes = false;        // after the merge, the record is deleted
    const Record* before = nullptr; // the applied record this change updates; nullptr for a new record
    const FormDefinition* form = nullptr; // the definition of the change's form_version; nullptr if none
};

// How far ahead of the server's clock a stamp may be (contract: 5 minutes); dates may be one day ahead.
inline constexpr std::int64_t kClockAheadMillis = 5 * 60 * 1000;

// The whole judgement. `nowMillis` is the judge's clock (the server's; on the phone, the phone's
// clock corrected by the server's). A Duplicate carries no reason: the caller answers with what
// the first push of the change got.
WriteVerdict judgeChange(const User& author, const ProposedChange& change, const IdHistory& ids,
                         const FactSource& facts, std::int64_t nowMillis);

// The parts of judgeChange, for the app to warn before a draft is saved and for the tests.
// Each answers Applied when it has nothing against the change.

// Clocks: hlc, occurred_at, recorded_at at most kClockAheadMillis ahead of `nowMillis`;
// checked_at, dbs_checked_at at most one day after the UTC date of `nowMillis`.
WriteVerdict checkClocks(const ProposedChange& change, std::int64_t nowMillis);

// Who may write the record as it stands in `record` (called for the record before and after).
// `isNew`: the record id was never seen (a new person may be recorded by any practitioner).
WriteVerdict checkAuthority(const User& author, const Record& record, bool isNew, const FactSource& facts);

// State changes: a new case is open (a play case at awaiting_first_contact); a case closes only
// with a casework_checklist on it; the play referral pipeline; match proposed -> active -> ended;
// a welfare grant decision or handover names a request on its own case (invalid:request_id), and a
// handover needs the request's latest decision (decided_on, then clock) to be approved.
WriteVerdict checkStateChange(const Record& after, const Record* before, const FactSource& facts);

// Consent before data: a carer's data beyond their name and how to reach them needs their
// data_entry consent; a care-plan action approved to share needs the case person's
// share_with_professionals consent.
WriteVerdict checkConsentBeforeData(const Record& after, const FactSource& facts);

// The gate that applies to the record, if any, and whether a failure quarantines or refuses:
// contact records are quarantined (refused when forbidden); an active match whose status,
// case, person or volunteer changed is judged as an activation and refused; a welfare grant
// request is refused when not eligible, and so is the approval of one; a pre_release_meeting or
// gate_day meets checkContact as a contact record does (quarantined).
// `matchPersonSide`: on a coordinator's phone, which holds no consent or check, the person's side
// of a match activation as the server decided it (its `clearance` record, gateDecisionOfClearance).
// The server never passes it: it judges every gate on its own facts.
WriteVerdict checkGatesFor(const User& author, const Record& after, const Record* before, const FactSource& facts,
                           Date today, const GateDecision* matchPersonSide = nullptr);

// The record types a volunteer role writes: befriender session_report, contact_sheet; mentor the
// same and pre_release_meeting, gate_day; prison_visitor contact_sheet; play_volunteer
// play_session, child_assessment.
bool volunteerWritesType(const RoleSet& roles, std::string_view type);

// The record types these roles may create at all, for offering forms (checkAuthority decides on
// each record). safeguarding_report for every role.
std::vector<std::string> writableRecordTypes(const RoleSet& roles);

// The forms to offer on one case: the types these roles may write (writableRecordTypes) whose form
// belongs to a case, that fit the case's stream: the play pipeline's records (play session, child
// assessment, first contact report, carer contact attempt) only on a play case; a session report
// only where a befriender or mentor meets the person (befriending, mentoring); a contact sheet on
// any stream but play. safeguarding_report is always offered, last. Offering only: checkAuthority
// still decides each record.
std::vector<std::string> formsForCase(const RoleSet& roles, const Record& theCase);

// Who is told of a held record (and of its release): the practitioner of its case, if any, and
// every safeguarding officer among `users`.
std::set<std::string> heldRecordAudience(std::string_view caseId, const std::vector<User>& users,
                                         const FactSource& facts);

// "approved", "declined" or "" (no decision yet): the latest welfare_grant_decision on the request.
std::string latestWelfareGrantDecision(std::string_view requestId, const FactSource& facts);

// Whether `author` holds person `personId`: they recorded the person, or they (or a practitioner
// of their non-empty team) are the practitioner of a case on the person, on a prisoner linked to
// the person by a relationship, or on a person so linked; or nobody has recorded the person yet
// (an intake pushed in any order). Practitioners only.
bool holdsPerson(const User& author, std::string_view personId, const FactSource& facts);

} // namespace fieldbook
