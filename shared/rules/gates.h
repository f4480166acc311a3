// The gates: consent, public protection, vetting, after an ending, welfare grants (docs/sync-contract.md,
// "The gates on a contact record"). Pure functions of the facts; the app calls them to tell a
// person before they act, the server calls the same functions to enforce.
#pragma once

#include "model/dates.h"
#include "model/record.h"
#include "rules/facts.h"
#include "rules/roles.h"

#include <string>
#include <string_view>

namespace fieldbook {

enum class GateReason {
    Cleared,
    Forbidden,              // rejected: the author may not write this record
    ConsentMissing,         // quarantined
    ConsentWithdrawn,       // quarantined
    ProtectionCheckMissing, // quarantined
    Restricted,             // quarantined
    VettingInvalid,         // quarantined (rejected when activating a match)
    AfterEnding,            // quarantined
    TooYoung,               // welfare grant: under 16
    NoRelationship          // welfare grant: no existing professional relationship
};

struct GateDecision
{
    GateReason reason = GateReason::Cleared;
    std::string sentence; // plain words for the person holding the phone

    bool cleared() const { return reason == GateReason::Cleared; }
    // The contract's reason code: "consent_missing", "restricted", "forbidden", ...; "" when cleared.
    std::string code() const;
    // Whether a push with this outcome is kept and flagged (true) or refused (false).
    bool quarantines() const;
};

std::string_view gateReasonCode(GateReason reason);

// All five gates, in the contract's order, for a session_report / contact_sheet / play_session, and
// for the mentor's pre_release_meeting and gate_day (isGatedMeetingType).
// `contact` carries case_id, person_id, occurred_at; `author` is who pushes it.
// Decisions on the edges (each one tested in tests/core/gatestest.cpp):
//  1. forbidden unless the case is known and the author is its practitioner, or holds a volunteer
//     role that writes this record type and is the volunteer of an `active` match on the case for P.
//  2. the prisoner X is every prisoner_id of a `relationship` with person_id P (all must pass); a
//     P who is a prisoner or prison leaver with no such link is their own X (visitor scheme,
//     mentoring). No X at all is consent_missing. The latest consent (recorded_at, then hlc, then
//     id) given_by X, scope contact, about P decides; withdrawn then given again is given. A
//     play_session also needs the latest play_sessions consent about P, given by someone other
//     than X (the carer), to be given.
//  3. a protection_check of each X and of P must exist; the latest check of X (checked_at, then
//     hlc) covers P with named_person / court_order / no_contact_request naming P, or
//     children_under_18 when P is under 18 on the day of occurred_at by date_of_birth (the 18th
//     birthday is no longer under 18; a 29 February birthday counts from 1 March); with no
//     date_of_birth, a P of kind child counts as under 18.
//  4. a volunteer author (not the case's practitioner) needs one vetting with
//     dbs_checked_at <= day <= dbs_expires_at (a DBS expiring ON the day is still valid that day)
//     and all four trainings.
//  5. after_ending when a befriending match (the match's stream field, else its case's stream;
//     unknown counts as befriending) of the same volunteer and P ended on E and E < day < E + 6
//     months (the ending day itself is the last session; from E + 6 months contact is allowed).
// Dates are the UTC date part of occurred_at; without one, today's UTC date.
GateDecision checkContact(const Record& contact, const User& author, const FactSource& facts);

// The same gates for a coordinator setting a match to active (author = the match's volunteer,
// day = started_at or today). Refusals here are rejections, never quarantine.
// Also forbidden: an unknown or closed case, an unknown volunteer, or a volunteer without the
// stream's role (befriending: befriender, play: play_volunteer, visitor: prison_visitor,
// mentoring: mentor; casework: any volunteer role). The match itself is left out of gate 5.
GateDecision checkMatchActivation(const Record& match, const FactSource& facts, Date today);

// The person's side of a match on a referral: gates 2 and 3 (consent, protection) for the case's
// person on `day`, without a volunteer, in words naming nobody. A coordinator's phone holds no
// consent and no check, so the server sends this as a derived `clearance` record (no match_id)
// and the phone judges the volunteer's side itself (checkMatchActivation with `personSide`).
// Forbidden for an unknown or closed case, or a case that names no person.
GateDecision referralClearanceFor(std::string_view caseId, Date day, const FactSource& facts);

// checkMatchActivation where gates 2 and 3 were decided elsewhere: `personSide` answers for them
// (the first refusal wins, in the contract's order), the rest is judged here on `facts`.
GateDecision checkMatchActivation(const Record& match, const FactSource& facts, Date today,
                                  const GateDecision& personSide);

// The GateReason of a contract code ("consent_missing" -> ConsentMissing); Forbidden for a code
// it does not know, so that an unknown answer never clears.
GateReason gateReasonOfCode(std::string_view code);

// The decision a derived `clearance` record carries: cleared only when its `cleared` is true;
// otherwise its reason, and Forbidden when the reason is missing or unknown.
GateDecision gateDecisionOfClearance(const Record& clearance);

// Whether volunteer `volunteerId` may contact `personId` on case `caseId` on `day`: the derived
// `clearance` record and the app's "Cleared to contact" line both come from here.
// Forbidden without an active match; a play case also needs the carer's play_sessions consent.
GateDecision clearanceFor(std::string_view caseId, std::string_view personId, std::string_view volunteerId,
                          Date day, const FactSource& facts);

// Welfare grants: aged 16 or over on `day`, with an open case (an existing professional relationship).
// TooYoung when under 16 or when date_of_birth is not recorded; NoRelationship unless the request's
// case_id is an open case, or P is the person of an open case.
GateDecision checkWelfareGrant(const Record& grantRequest, const FactSource& facts, Date day);

} // namespace fieldbook
