#include "rules/releasetimeline.h"

#include "rules/ruledetail.h"

#include <algorithm>
#include <array>
#include <tuple>

namespace fieldbook {

namespace {

using detail::dayOf;
using detail::givenName;

constexpr int kReferralEarliestDays = 84; // 12 weeks before release
constexpr int kReferralLatestDays = 42;   // 6 weeks before release
constexpr int kPreReleaseDays = 14;       // about two weeks before release
constexpr int kPreReleaseSlackDays = 7; // "about two weeks": between three weeks and one week before
constexpr int kFirstWeekDays = 7;
constexpr int kTwiceWeeklyLastDay = 13;   // the first two weeks: R .. R+13
constexpr int kWeeklyLastDay = 27;        // the first four weeks: R .. R+27
constexpr int kEarlyContactsExpected = 4; // twice a week for two weeks, or weekly for four
constexpr int kSupportMonths = 6;
constexpr int kIntensiveMonths = 3;
constexpr int kMissedShownDays = 7;
constexpr int kUncoveredNoticeDays = 14;

constexpr std::array<std::string_view, 7> kWeekdays = {"monday", "tuesday", "wednesday", "thursday",
                                                       "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 7> kWeekdayNames = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                                           "Friday", "Saturday", "Sunday"};

bool isMentoringCase(const Record& theCase)
{
    return theCase.text("stream") == "mentoring" && theCase.text("status") == "open";
}

std::optional<Date> releaseDayOf(const Record& theCase)
{
    if (auto released = dayOf(theCase, "released_on")) {
        return released;
    }
    return dayOf(theCase, "release_date");
}

// Active matches on the case, the lead first: started_at, then id (a match without started_at last).
std::vector<Record> groupOf(std::string_view caseId, const FactSource& facts)
{
    std::vector<Record> out;
    for (auto& match : facts.recordsWhere("match", "case_id", caseId)) {
        if (match.text("status") == "active" && !match.text("volunteer").empty()) {
            out.push_back(std::move(match));
        }
    }
    std::sort(out.begin(), out.end(), [](const Record& a, const Record& b) {
        const auto aStart = dayOf(a, "started_at");
        const auto bStart = dayOf(b, "started_at");
        return std::tuple(!aStart.has_value(), aStart.value_or(Date{}), a.id)
            < std::tuple(!bStart.has_value(), bStart.value_or(Date{}), b.id);
    });
    return out;
}

// Days of the records of `type` on the case (the field as a date or instant), sorted.
std::vector<Date> daysOf(std::string_view caseId, std::string_view type, std::string_view field,
                         const FactSource& facts)
{
    std::vector<Date> out;
    for (const auto& record : facts.recordsWhere(type, "case_id", caseId)) {
        if (const auto day = dayOf(record, field)) {
            out.push_back(*day);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

struct Contact
{
    Date day;
    bool inPerson = false;
};

std::vector<Contact> contactsOf(std::string_view caseId, const FactSource& facts)
{
    std::vector<Contact> out;
    for (const auto type : {"session_report", "contact_sheet"}) {
        for (const auto& record : facts.recordsWhere(type, "case_id", caseId)) {
            if (const auto day = dayOf(record, "occurred_at")) {
                out.push_back({*day, record.text("mode") == "in_person"});
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const Contact& a, const Contact& b) { return a.day < b.day; });
    return out;
}

StepState windowState(Date today, Date start, Date deadline)
{
    if (today < start) {
        return StepState::Planned;
    }
    return today <= deadline ? StepState::Due : StepState::Overdue;
}

std::string weeksBefore(Date day, Date release)
{
    const std::int64_t days = daysBetween(day, release);
    if (days < 0) {
        return std::to_string(-days) + " days after release";
    }
    if (days < 14) {
        return std::to_string(days) + (days == 1 ? " day" : " days") + " before release";
    }
    const std::string weeks = std::to_string(days / 7) + " weeks";
    if (days % 7 == 0) {
        return weeks + " before release";
    }
    return weeks + " " + std::to_string(days % 7) + (days % 7 == 1 ? " day" : " days") + " before release";
}

std::string inDays(Date today, Date day)
{
    const std::int64_t days = daysBetween(today, day);
    if (days == 0) {
        return "today";
    }
    if (days == 1) {
        return "tomorrow";
    }
    if (days == -1) {
        return "yesterday";
    }
    return days > 0 ? "in " + std::to_string(days) + " days" : std::to_string(-days) + " days ago";
}

std::string dayText(Date day)
{
    return weekdayName(day) + " " + day.toString();
}

DueState dueStateOf(StepState state)
{
    switch (state) {
    case StepState::Due:
        return DueState::Due;
    case StepState::Overdue:
        return DueState::Overdue;
    default:
        return DueState::Upcoming;
    }
}

bool hasWeekday(const Record& match, std::string_view weekday)
{
    const auto days = detail::stringsOf(match, "call_days");
    return std::find(days.begin(), days.end(), weekday) != days.end();
}

bool truthy(const Record& record, std::string_view field)
{
    const auto* value = record.fields.if_contains(field);
    return value != nullptr && value->is_bool() && value->get_bool();
}

void addFollowUps(ReleaseTimeline& out, Date release, const std::vector<Contact>& contacts, Date today,
                  const FactSource& facts, std::string_view caseId, const std::string& lead)
{
    std::vector<Date> after;
    for (const Contact& contact : contacts) {
        if (!(contact.day < release)) {
            after.push_back(contact.day);
        }
    }
    const auto countIn = [&](Date from, Date to) {
        return std::count_if(after.begin(), after.end(), [&](Date d) { return !(d < from) && !(to < d); });
    };

    TimelineStep first;
    first.what = "first_followup";
    first.title = "First follow-up";
    first.windowStart = release;
    first.due = release.addDays(kFirstWeekDays);
    first.ownerId = lead;
    if (!after.empty()) {
        first.state = StepState::Done;
        first.doneOn = after.front();
        first.late = *first.due < after.front();
        first.sentence = "First contact after release on " + after.front().toString() + (first.late ? " (late)" : "");
    } else {
        first.state = windowState(today, release, *first.due);
        first.sentence = "Follow up within the first week after release (by " + first.due->toString() + ")";
    }
    out.steps.push_back(std::move(first));

    const bool weekly = out.cadence == "weekly_four_weeks";
    const Date earlyEnd = release.addDays(weekly ? kWeeklyLastDay : kTwiceWeeklyLastDay);
    TimelineStep early;
    early.what = "early_contact";
    early.title = weekly ? "Weekly for the first four weeks" : "Twice a week for the first two weeks";
    early.windowStart = release;
    early.due = earlyEnd;
    early.ownerId = lead;
    const auto made = countIn(release, earlyEnd);
    early.sentence = made >= kEarlyContactsExpected
        ? std::to_string(made) + " contacts by " + earlyEnd.toString() + " (at least "
            + std::to_string(kEarlyContactsExpected) + " expected)"
        : std::to_string(made) + " of " + std::to_string(kEarlyContactsExpected) + " contacts by " + earlyEnd.toString();
    if (made >= kEarlyContactsExpected) {
        early.state = StepState::Done;
    } else {
        early.state = windowState(today, release, earlyEnd);
    }
    out.steps.push_back(std::move(early));

    const Date end = release.addMonths(kSupportMonths);
    TimelineStep fortnightly;
    fortnightly.what = "fortnightly_contact";
    fortnightly.title = "Every two weeks";
    fortnightly.windowStart = earlyEnd.addDays(1);
    fortnightly.due = end;
    fortnightly.ownerId = lead;
    fortnightly.state = today < *fortnightly.windowStart ? StepState::Planned
                                                           : (today <= end ? StepState::Due : StepState::Done);
    fortnightly.sentence = "Meet every two weeks from " + fortnightly.windowStart->toString() + " until "
        + end.toString() + " (" + std::to_string(countIn(*fortnightly.windowStart, end)) + " contacts so far)";
    out.steps.push_back(std::move(fortnightly));

    TimelineStep close;
    close.what = "support_end";
    close.title = "Support ends with feedback";
    close.windowStart = end.addDays(-14);
    close.due = end;
    const auto surveys = daysOf(caseId, "feedback_survey", "completed_on", facts);
    if (!surveys.empty()) {
        close.state = StepState::Done;
        close.doneOn = surveys.back();
        close.sentence = "Feedback survey completed on " + surveys.back().toString();
    } else {
        close.state = windowState(today, *close.windowStart, end);
        close.sentence = "Support ends on " + end.toString() + ": close with the feedback survey";
    }
    out.steps.push_back(std::move(close));
}

} // namespace

int weekdayIndex(Date day)
{
    // 1970-01-01 was a Thursday (index 3).
    const std::int64_t days = day.daysSinceEpoch() + 3;
    return static_cast<int>(((days % 7) + 7) % 7);
}

std::string weekdayName(Date day)
{
    return std::string(kWeekdayNames[static_cast<std::size_t>(weekdayIndex(day))]);
}

std::string leadMentor(std::string_view caseId, const FactSource& facts)
{
    const auto group = groupOf(caseId, facts);
    return group.empty() ? std::string() : group.front().text("volunteer");
}

std::optional<Date> releasedDay(const Record& theCase, const FactSource& facts)
{
    if (auto released = dayOf(theCase, "released_on")) {
        return released;
    }
    if (theCase.text("stream") != "mentoring") {
        return std::nullopt;
    }
    const auto gateDays = daysOf(theCase.id, "gate_day", "occurred_at", facts);
    if (gateDays.empty()) {
        return std::nullopt;
    }
    return gateDays.front();
}

ReleaseTimeline releaseTimeline(std::string_view caseId, const FactSource& facts, Date today)
{
    ReleaseTimeline out;
    const auto theCase = facts.record("case", caseId);
    if (!theCase || !isMentoringCase(*theCase)) {
        return out;
    }
    out.known = true;
    out.intensive = theCase->text("mentoring_service") == "intensive";
    out.cadence = theCase->text("after_release_cadence") == "weekly_four_weeks" ? "weekly_four_weeks"
                                                                               : "twice_weekly_two_weeks";
    const std::string name = givenName(theCase->text("person_id"), facts);
    const std::string lead = leadMentor(caseId, facts);
    const auto referrals = daysOf(caseId, "mentoring_referral", "referred_on", facts);
    const auto release = releaseDayOf(*theCase);

    TimelineStep referral;
    referral.what = "mentoring_referral";
    referral.title = "Referral to the Mentor Coordinator";
    if (!referrals.empty()) {
        referral.state = StepState::Done;
        referral.doneOn = referrals.front();
    }
    if (!release) {
        out.sentence = "No release date yet: the timeline is planned once " + name + "'s release date is recorded";
        if (referral.doneOn) {
            referral.sentence = "Referred on " + referral.doneOn->toString();
        } else {
            referral.state = StepState::NotYet;
            referral.sentence = "Referral 6-12 weeks before release";
        }
        out.steps.push_back(std::move(referral));
        for (const auto& [what, title] : {std::pair{"pre_release_meeting", "Meeting in prison"},
                                          std::pair{"gate_meeting", "Gate meeting on release day"}}) {
            TimelineStep step;
            step.what = what;
            step.title = title;
            step.state = StepState::NotYet;
            step.sentence = "Planned when the release date is known";
            step.ownerId = lead;
            out.steps.push_back(std::move(step));
        }
        return out;
    }

    const Date r = *release;
    out.release = r;
    out.released = dayOf(*theCase, "released_on").has_value();
    out.weekday = weekdayName(r);
    out.weekend = weekdayIndex(r) >= 5;
    out.sentence = (out.released ? "Released on " : "Release on ") + dayText(r) + ", " + inDays(today, r)
        + (out.weekend && !out.released ? " (a weekend: check the day with the prison)" : "");

    referral.windowStart = r.addDays(-kReferralEarliestDays);
    referral.due = r.addDays(-kReferralLatestDays);
    if (referral.doneOn) {
        referral.late = *referral.due < *referral.doneOn;
        referral.early = *referral.doneOn < *referral.windowStart;
        referral.sentence = "Referred on " + referral.doneOn->toString() + ", " + weeksBefore(*referral.doneOn, r)
            + (referral.late ? ": late (6-12 weeks before release expected)"
                             : referral.early ? ": early (6-12 weeks before release expected)" : "");
    } else {
        referral.state = windowState(today, *referral.windowStart, *referral.due);
        referral.sentence = "Refer " + name + " to the Mentor Coordinator 6-12 weeks before release (between "
            + referral.windowStart->toString() + " and " + referral.due->toString() + ")";
    }
    out.steps.push_back(referral);

    TimelineStep meeting;
    meeting.what = "pre_release_meeting";
    meeting.title = "Meeting in prison";
    meeting.ownerId = lead;
    const Date planned = r.addDays(-kPreReleaseDays);
    meeting.windowStart = planned.addDays(-kPreReleaseSlackDays);
    meeting.due = planned.addDays(kPreReleaseSlackDays);
    if (referral.doneOn && *meeting.windowStart < *referral.doneOn) {
        meeting.windowStart = std::min(*referral.doneOn, r.addDays(-1));
        meeting.due = r.addDays(-1);
    }
    std::optional<Date> met;
    for (const Date day : daysOf(caseId, "pre_release_meeting", "occurred_at", facts)) {
        if (day < r) {
            met = day;
        }
    }
    if (met) {
        meeting.state = StepState::Done;
        meeting.doneOn = met;
        meeting.late = *meeting.due < *met;
        meeting.sentence = "Met " + name + " in prison on " + met->toString() + ", " + weeksBefore(*met, r);
    } else {
        meeting.state = windowState(today, *meeting.windowStart, *meeting.due);
        meeting.sentence = "Meet " + name + " in prison to explain the service, about two weeks before release (by "
            + meeting.due->toString() + ")";
    }
    out.steps.push_back(meeting);

    TimelineStep gate;
    gate.what = "gate_meeting";
    gate.title = "Gate meeting on release day";
    gate.ownerId = lead;
    gate.windowStart = r;
    gate.due = r;
    std::optional<Date> gateDay;
    for (const Date day : daysOf(caseId, "gate_day", "occurred_at", facts)) {
        if (!(day < r.addDays(-1)) && !gateDay) {
            gateDay = day;
        }
    }
    if (gateDay) {
        gate.state = StepState::Done;
        gate.doneOn = gateDay;
        gate.sentence = "Release day recorded on " + gateDay->toString();
    } else {
        gate.state = windowState(today, r, r);
        gate.sentence = "Meet " + name + " at the prison gate on " + dayText(r)
            + " and go with them to the Offender Manager and other appointments";
    }
    out.steps.push_back(gate);

    const Date supportFrom = releasedDay(*theCase, facts).value_or(r);
    addFollowUps(out, supportFrom, contactsOf(caseId, facts), today, facts, caseId, lead);
    return out;
}

IntensiveRota intensiveRota(std::string_view caseId, const FactSource& facts, Date today, int minuteOfDay)
{
    IntensiveRota out;
    const auto theCase = facts.record("case", caseId);
    if (!theCase || !isMentoringCase(*theCase) || theCase->text("mentoring_service") != "intensive") {
        return out;
    }
    out.intensive = true;
    const auto release = releasedDay(*theCase, facts) ? releasedDay(*theCase, facts) : releaseDayOf(*theCase);
    const auto group = groupOf(caseId, facts);
    std::string meetingOwner = group.empty() ? std::string() : group.front().text("volunteer");
    for (const Record& match : group) {
        RotaMember member;
        member.volunteerId = match.text("volunteer");
        member.callDays = detail::stringsOf(match, "call_days");
        member.weeklyMeeting = truthy(match, "weekly_meeting");
        if (member.weeklyMeeting) {
            meetingOwner = member.volunteerId;
        }
        out.members.push_back(std::move(member));
    }
    for (const auto weekday : kWeekdays) {
        const bool held = std::any_of(group.begin(), group.end(),
                                      [&](const Record& match) { return hasWeekday(match, weekday); });
        if (!held) {
            out.uncoveredWeekdays.emplace_back(weekday);
        }
    }
    if (!release) {
        return out;
    }
    out.from = release;
    out.until = release->addMonths(kIntensiveMonths).addDays(-1);
    const auto contacts = contactsOf(caseId, facts);
    const auto calledOn = [&](Date day) {
        return std::any_of(contacts.begin(), contacts.end(), [&](const Contact& c) { return c.day == day; });
    };
    const bool evening = minuteOfDay >= kEveningMinute;
    for (Date day = *out.from; !(*out.until < day); day = day.addDays(1)) {
        RotaDay entry;
        entry.day = day;
        const auto weekday = kWeekdays[static_cast<std::size_t>(weekdayIndex(day))];
        for (const Record& match : group) {
            if (hasWeekday(match, weekday)) {
                entry.callers.push_back(match.text("volunteer"));
            }
        }
        const bool called = !(today < day) && calledOn(day);
        if (called) {
            entry.state = RotaState::Called;
        } else if (day < today || (day == today && evening)) {
            entry.state = RotaState::Missed;
        } else if (day == today) {
            entry.state = RotaState::Due;
        } else {
            entry.state = entry.callers.empty() ? RotaState::Uncovered : RotaState::Planned;
        }
        if (entry.state == RotaState::Called || entry.state == RotaState::Missed) {
            const bool missed = entry.state == RotaState::Missed;
            (missed ? out.missedDays : out.calledDays) += 1;
            if (missed) {
                out.lastMissed = day;
            }
            for (RotaMember& member : out.members) {
                if (std::find(entry.callers.begin(), entry.callers.end(), member.volunteerId) != entry.callers.end()) {
                    (missed ? member.missedDays : member.calledDays) += 1;
                }
            }
        }
        out.days.push_back(std::move(entry));
    }
    for (Date from = *out.from; !(*out.until < from); from = from.addDays(7)) {
        RotaWeek week;
        week.from = from;
        week.to = std::min(from.addDays(6), *out.until);
        week.ownerId = meetingOwner;
        const bool met = std::any_of(contacts.begin(), contacts.end(), [&](const Contact& c) {
            return c.inPerson && !(c.day < week.from) && !(week.to < c.day) && !(today < c.day);
        });
        if (met) {
            week.state = RotaState::Called;
        } else if (week.to < today) {
            week.state = RotaState::Missed;
        } else {
            week.state = today < week.from ? RotaState::Planned : RotaState::Due;
        }
        out.weeks.push_back(week);
    }
    return out;
}

std::vector<DueItem> releaseTimelineDue(const Record& theCase, const FactSource& facts, Date today, int minuteOfDay)
{
    std::vector<DueItem> out;
    if (!isMentoringCase(theCase)) {
        return out;
    }
    const std::string personId = theCase.text("person_id");
    const std::string name = givenName(personId, facts);
    const auto push = [&](std::string what, std::string sentence, Date start, Date deadline, std::string owner,
                          std::optional<DueState> state = std::nullopt) {
        DueItem item;
        item.caseId = theCase.id;
        item.personId = personId;
        item.what = std::move(what);
        item.sentence = std::move(sentence);
        item.due = deadline;
        item.state = state ? *state : dueStateOf(windowState(today, start, deadline));
        item.ownerId = std::move(owner);
        out.push_back(std::move(item));
    };

    const ReleaseTimeline timeline = releaseTimeline(theCase.id, facts, today);
    if (!timeline.release) {
        push("release_date_missing", "Record " + name + "'s expected release date: the through-the-gate timeline needs it",
             today, today, {});
    } else {
        // Before release every open step; after it only the gate meeting, for a week, so that the
        // day is recorded (a referral or a prison meeting can no longer be made on time).
        const Date r = *timeline.release;
        for (const TimelineStep& step : timeline.steps) {
            const bool beforeRelease = step.what == "mentoring_referral" || step.what == "pre_release_meeting";
            const bool gate = step.what == "gate_meeting";
            if ((!beforeRelease && !gate) || step.state == StepState::Done || !step.due || !step.windowStart) {
                continue;
            }
            if ((beforeRelease && r < today) || (gate && r.addDays(kMissedShownDays) < today)) {
                continue;
            }
            // A referral's window is the practitioner's; the meetings are the lead mentor's.
            const std::string owner = step.what == "mentoring_referral" ? std::string() : step.ownerId;
            std::string sentence = step.sentence;
            if (gate && timeline.weekend) {
                sentence += " (a " + timeline.weekday + ": check the day with the prison)";
            }
            if (gate && r < today) {
                sentence = "Record the release day: " + sentence;
            }
            push(step.what, sentence, *step.windowStart, *step.due, owner);
        }
    }

    const IntensiveRota rota = intensiveRota(theCase.id, facts, today, minuteOfDay);
    if (!rota.intensive || !rota.from) {
        return out;
    }
    if (!rota.uncoveredWeekdays.empty() && !(*rota.until < today)) {
        std::string days;
        for (const auto& weekday : rota.uncoveredWeekdays) {
            days += (days.empty() ? "" : ", ") + weekday;
        }
        push("rota_uncovered", "Nobody in " + name + "'s group calls on " + days + ": share out the days",
             rota.from->addDays(-kUncoveredNoticeDays), rota.from->addDays(-1), {});
    }
    if (today < *rota.from || *rota.until < today) {
        return out;
    }
    for (const RotaDay& day : rota.days) {
        if (day.day == today) {
            for (const std::string& caller : day.callers) {
                if (day.state == RotaState::Called) {
                    continue;
                }
                push("rota_call",
                     (day.state == RotaState::Missed ? "No call to " + name + " yet today: call this evening"
                                                     : "Call " + name + " today (a rota day)"),
                     today, today, caller, day.state == RotaState::Missed ? DueState::Overdue : DueState::Due);
            }
        }
    }
    for (const RotaMember& member : rota.members) {
        const bool theirsToday = std::any_of(rota.days.begin(), rota.days.end(), [&](const RotaDay& d) {
            return d.day == today && std::find(d.callers.begin(), d.callers.end(), member.volunteerId) != d.callers.end();
        });
        if (theirsToday) {
            continue;
        }
        for (const RotaDay& day : rota.days) {
            if (today < day.day
                && std::find(day.callers.begin(), day.callers.end(), member.volunteerId) != day.callers.end()) {
                push("rota_call", "Next rota call to " + name + " on " + dayText(day.day), day.day,
                     day.day, member.volunteerId, DueState::Upcoming);
                break;
            }
        }
    }
    for (const RotaWeek& week : rota.weeks) {
        if (!(today < week.from) && !(week.to < today) && week.state != RotaState::Called) {
            push("rota_meeting", "Weekly meeting with " + name + " by " + week.to.toString(), week.from, week.to,
                 week.ownerId);
        }
    }
    if (rota.lastMissed && daysBetween(*rota.lastMissed, today) <= kMissedShownDays) {
        push("rota_missed",
             "No call to " + name + " on " + dayText(*rota.lastMissed) + " (" + std::to_string(rota.missedDays)
                 + (rota.missedDays == 1 ? " day" : " days") + " without a call since release)",
             *rota.lastMissed, *rota.lastMissed, {}, DueState::Overdue);
    }
    return out;
}

} // namespace fieldbook
