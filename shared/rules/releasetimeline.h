// Through the gate (docs/domain.md "The rhythms"): a mentoring case's release timeline and
// the intensive mentoring rota, keyed to the case's release day and worked out afresh from the
// records on every call, so a release date that moves earlier or later moves every step with it
// (nothing is stored that would need re-planning).
//
// The release day R: the case's released_on when recorded, else its expected release_date; no
// day at all is a timeline that says so (and one item for the practitioner to record it).
// The steps of a mentoring case, each with its window (Due from its start through its deadline):
//  mentoring_referral   to the Mentor Coordinator 6-12 weeks before R: window R-84 .. R-42. Done
//                       by a mentoring_referral; one dated after R-42 is done but flagged late
//                       (and one before R-84 early), which the timeline says and no rule refuses.
//  pre_release_meeting  in prison about two weeks before R: planned R-14, window R-21 .. R-7.
//                       When the referral came later than R-21 the window runs from the referral
//                       to R-1 instead: the meeting still happens before release. Done by a
//                       pre_release_meeting dated before R.
//  gate_meeting         on R itself (Due on R only, Overdue after). Done by a gate_day record on
//                       or after R-1 (a prison may release in the early hours). A release day on a
//                       Saturday or Sunday is kept as recorded: the seed is silent, prisons
//                       usually bring a weekend release forward to the Friday, and the practitioner
//                       records the day the prison gives, so the core never guesses a day of its
//                       own; the step's sentence names the weekday so that the mentor checks it.
//  follow-ups           after R, the community support cadence (rhythms.h community_followup):
//                       within the first week; then twice a week for two weeks, or weekly for the
//                       first four weeks when the case's after_release_cadence is
//                       weekly_four_weeks; then every two weeks; ending at R + 6 months with the
//                       feedback survey (community_support_end).
// The through-the-gate items belong to the lead mentor: the active match on the case that started
// first (then by id); with no active match, to the practitioner.
//
// Intensive mentoring (the case's mentoring_service is intensive): a group of mentors, one active
// match each, makes a daily call and holds a weekly meeting for three months from R (R .. R + 3
// months - 1). Each match's call_days (weekdays) say whose day it is; a weekday nobody holds is
// uncovered. A day's call is made when a contact_sheet or session_report on the case falls on that
// day, by anyone of the group. Today's call is flagged missed from the evening (kEveningMinute,
// the caller's wall-clock time of day) and every earlier day without a call is missed. Week k
// (R+7k .. R+7k+6) needs one in-person contact; its owner is the match with weekly_meeting, else
// the lead mentor.
#pragma once

#include "model/dates.h"
#include "rules/facts.h"
#include "rules/rhythms.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fieldbook {

// 18:00: a day's call not made by then is flagged (the group still has the evening to make it).
inline constexpr int kEveningMinute = 18 * 60;

enum class StepState { Planned, Due, Overdue, Done, NotYet };

struct TimelineStep
{
    std::string what;     // mentoring_referral, pre_release_meeting, gate_meeting, first_followup,
                          // early_contact, fortnightly_contact, support_end
    std::string title;    // "Gate meeting on release day"
    std::string sentence; // what to do, or what was done, with its dates
    std::optional<Date> windowStart;
    std::optional<Date> due; // the deadline of the step
    StepState state = StepState::Planned;
    std::optional<Date> doneOn;
    bool late = false;  // done after its window (a referral later than 6 weeks before release)
    bool early = false; // done before its window (a referral earlier than 12 weeks before release)
    std::string ownerId;
};

struct ReleaseTimeline
{
    bool known = false;           // a mentoring case, open
    std::optional<Date> release;  // R
    bool released = false;        // released_on is recorded
    bool weekend = false;         // R falls on a Saturday or Sunday
    std::string weekday;          // "Monday" .. "Sunday" of R, "" without R
    bool intensive = false;
    std::string cadence;          // twice_weekly_two_weeks (the default) or weekly_four_weeks
    std::string sentence;         // one line: "Release on Friday 2026-12-11, in 10 days"
    std::vector<TimelineStep> steps;
};

// The timeline of a mentoring case on `today`; known = false for any other case.
ReleaseTimeline releaseTimeline(std::string_view caseId, const FactSource& facts, Date today);

// "Monday" .. "Sunday".
std::string weekdayName(Date day);
// 0 = Monday .. 6 = Sunday.
int weekdayIndex(Date day);

enum class RotaState { Planned, Due, Called, Missed, Uncovered };

struct RotaDay
{
    Date day;
    std::vector<std::string> callers; // the volunteers whose call day it is
    RotaState state = RotaState::Planned;
};

struct RotaWeek
{
    Date from;
    Date to;
    std::string ownerId;
    RotaState state = RotaState::Planned; // Called = met that week
};

struct RotaMember
{
    std::string volunteerId;
    std::vector<std::string> callDays; // monday .. sunday
    bool weeklyMeeting = false;
    int calledDays = 0; // of their past days (and today, once called), how many had a call
    int missedDays = 0;
};

struct IntensiveRota
{
    bool intensive = false;     // an open mentoring case with mentoring_service intensive
    std::optional<Date> from;   // R
    std::optional<Date> until;  // R + 3 months - 1
    std::vector<RotaMember> members;
    std::vector<std::string> uncoveredWeekdays; // monday .. sunday nobody holds
    std::vector<RotaDay> days;                  // every day from R to `until`
    std::vector<RotaWeek> weeks;
    int calledDays = 0;
    int missedDays = 0;
    std::optional<Date> lastMissed;
};

// The rota on `today` at `minuteOfDay` (0 .. 1439, the caller's wall clock).
IntensiveRota intensiveRota(std::string_view caseId, const FactSource& facts, Date today, int minuteOfDay);

// The due items of both, for rhythms.h dueForCase: the timeline's open steps before release
// (mentoring_referral, pre_release_meeting, gate_meeting, release_date_missing) and the rota's
// rota_call (today's call, for each volunteer whose day it is; Overdue from the evening),
// rota_meeting (this week's meeting) and rota_missed (the last missed day, for the practitioner).
std::vector<DueItem> releaseTimelineDue(const Record& theCase, const FactSource& facts, Date today, int minuteOfDay);

// The day after-release support starts from: released_on, else a mentoring case's gate_day
// record (the mentor was there; the practitioner may not have recorded the day yet).
std::optional<Date> releasedDay(const Record& theCase, const FactSource& facts);

// The lead mentor of a case: the volunteer of the active match that started first; "" without one.
std::string leadMentor(std::string_view caseId, const FactSource& facts);

} // namespace fieldbook
