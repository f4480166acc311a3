// The rhythms: what is due and overdue, for a case or for a person's whole caseload, on a day.
// Inputs are records (case, match, contact records, triage, first contact attempts); the result
// is a list the app shows and the server can report on.
#pragma once

#include "model/dates.h"
#include "rules/facts.h"
#include "rules/roles.h"

#include <optional>
#include <string>
#include <vector>

namespace fieldbook {

// Paused: a rhythm of contact with a person whom the gates do not clear for contact; it is neither
// due nor overdue until the gate opens (pausedUnlessCleared).
enum class DueState { Upcoming, Due, Overdue, Paused };

struct DueItem
{
    std::string caseId;
    std::string personId;
    std::string what;     // code: triage, befriending_contact, review_3m, review_6m, first_contact_carer,
                          // volunteer_first_contact, play_sessions_min, community_followup, ...
    std::string sentence; // "Contact Irina: last contact 15 days ago (every 7-14 days)"
    Date due;             // the deadline: the last day on which the item is on time
    DueState state = DueState::Upcoming;
    std::string ownerId;  // the volunteer whose task it is; "" for the case's practitioner
    std::string pausedReason; // the gate's reason code when state is Paused, else ""
};

// Everything due on one case on `today`, soonest first. Nothing for an unknown or closed case.
// Each item has a window (state Due from its start through `due`; Upcoming before; Overdue after):
//  triage               only when case.arrived_at is set and no triage is recorded: Due from the
//                       day of arrival, due on the day arrived_at + 72 h falls on.
//  befriending_contact  befriending cases, each active match with started_at: base = the last
//                       session_report/contact_sheet about the matched person (on or before today),
//                       else started_at. Day 0-6 after base Upcoming, day 7-14 Due, day 15 on
//                       Overdue (due = base + 14). Owner: the match's volunteer.
//  review_3m/review_6m  started_at + 3/6 months unless the match's review_3m_on/review_6m_on is set;
//                       listed from 30 days before, Due from 14 days before.
//  first_contact_carer  play cases in awaiting_first_contact with no first_contact_report and no
//                       carer_contact_attempt reached: within 7 days of referral_status_since
//                       (else opened_on, else today).
//  carer_letter         after 3 failed attempts (outcome not reached, method not letter): send the
//                       letter within 7 days of the third; once a letter attempt is recorded,
//                       no_support_required is Due on the letter's day (Overdue after).
//  volunteer_first_contact  each first_contact_report with sent_to_volunteer and sent_on: the
//                       volunteer's play_session or carer_contact_attempt on/after sent_on, within 7
//                       days. Owner: that volunteer.
//  play_sessions_min    each active play match with fewer than 6 play_sessions about the matched
//                       child: assumed weekly, due started_at + 6 weeks (Due in the last week).
//  community_followup   released (R = case.released_on, or for a mentoring case its first gate_day
//                       record), until R + 6 months: no contact yet -> within the first week
//                       (R + 7); last contact within the first two weeks -> next within 4 days
//                       (twice weekly) while that falls in the first 14 days; with the case's
//                       after_release_cadence weekly_four_weeks instead: last contact within the
//                       first four weeks -> next within 7 days while that falls in the first 28
//                       days; otherwise every 14 days (Due 3 days before). Owner: a mentoring
//                       case's lead mentor (releasetimeline.h), else the practitioner.
//  community_support_end  released_on + 6 months, from 14 days before, until a feedback_survey exists.
//  care_plan_action     actions not done/dropped, listed from 14 days before due_on, Due from 7.
//  welfare_grant_handover  an approved welfare_grant_decision with no welfare_grant_handover for
//                       its request: handed over on release day (the case's release day when it is
//                       after the decision, Due from the decision), else within 7 days of it.
//  through the gate     a mentoring case's timeline and intensive rota (releasetimeline.h
//                       releaseTimelineDue): mentoring_referral, pre_release_meeting, gate_meeting,
//                       release_date_missing, rota_call, rota_meeting, rota_missed, rota_uncovered.
// `minuteOfDay` is the caller's wall-clock time on `today` (0 .. 1439): a rota call not made by
// the evening is overdue; every other rhythm is by the day.
std::vector<DueItem> dueForCase(std::string_view caseId, const FactSource& facts, Date today, int minuteOfDay = 0);

// Everything due across the user's caseload (caseload.h: their cases as practitioner, their active
// matches as a volunteer), overdue first, then by date. A volunteer gets only the items they own; a
// practitioner gets every item of their cases.
std::vector<DueItem> dueForUser(const User& user, const FactSource& facts, Date today, int minuteOfDay = 0);

// Whether `what` is kept by contact with its person (a gated contact record, or the volunteer's
// first contact): befriending_contact, volunteer_first_contact, play_sessions_min,
// community_followup, and through the gate pre_release_meeting, gate_meeting, rota_call,
// rota_meeting. Reviews, triage, letters, referrals and care-plan actions are not.
bool isContactRhythm(std::string_view what);

// A contact rhythm about `personId` on a day when contact with that person is not cleared is
// Paused, never Due or Overdue: `notClearedCode` is the gate's reason code for contact with
// `personId` on the item's case ("" when cleared, and then the item is returned unchanged, as is
// every item that is not a contact rhythm or is about someone else). A paused item keeps its due
// date, carries the code in pausedReason, and its sentence says that it is paused and why
// (reasonShort). Upcoming items pause too: no contact may be planned for while the gate is shut.
DueItem pausedUnlessCleared(DueItem item, std::string_view personId, std::string_view notClearedCode);

// Play session length by the child's age band: 18 m-3 y 20-30 min, 3-5 y 25-40, 6-10 y 35-50,
// 11-16 y 45-60; nullopt outside 18 months-16 years. The bands meet at birthdays: the 3rd birthday
// starts 25-40, the 6th 35-50, the 11th 45-60; the 17th birthday ends the range.
struct MinutesRange
{
    int min = 0;
    int max = 0;
};
std::optional<MinutesRange> playSessionMinutes(Date childDateOfBirth, Date on);

// The same guidance from the age band a volunteer sees instead of the date of birth (access.h
// ageBand: "0-2", "3-5", "6-10", "11-15", "16-17", "18+"): the range that holds for the ages of the
// band that have one, so "0-2" is 20-30 (for the children from 18 months) and "16-17" is 45-60 (for
// the 16-year-olds); nullopt for "18+" and for anything that is not a band. A band is never turned
// back into a date of birth.
std::optional<MinutesRange> playSessionMinutesForAgeBand(std::string_view ageBand);

// Play referral status flow: awaiting_first_contact -> awaiting_matching -> active_matched ->
// closed | no_support_required. True when moving from `from` to `to` is allowed.
// Also allowed: "" -> awaiting_first_contact (a new referral); staying in the same state; closing or
// no_support_required from any open state; active_matched -> awaiting_matching (the volunteer
// left). closed and no_support_required are final.
bool playReferralTransitionAllowed(std::string_view from, std::string_view to);

} // namespace fieldbook
