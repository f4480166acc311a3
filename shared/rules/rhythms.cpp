#include "rules/rhythms.h"

#include "rules/caseload.h"
#include "rules/reasons.h"
#include "rules/releasetimeline.h"
#include "rules/writerules.h"
#include "rules/ruledetail.h"

#include <algorithm>
#include <tuple>

namespace fieldbook {

namespace {

using detail::dayOf;
using detail::givenName;

constexpr int kBefriendingDueAfterDays = 7;
constexpr int kBefriendingOverdueAfterDays = 14;
constexpr int kReviewWindowDays = 14;
constexpr int kReviewShowDays = 30;
constexpr std::int64_t kTriageSeconds = std::int64_t{72} * 3600;
constexpr int kFirstContactDays = 7;
constexpr int kFailedAttemptsForLetter = 3;
constexpr int kMinPlaySessions = 6;
constexpr int kPlaySessionsWeeks = 6;
constexpr int kCommunityFirstWeekDays = 7;
constexpr int kCommunityIntensiveDays = 14;
constexpr int kCommunityIntensiveGap = 4;
constexpr int kCommunityWeeklyDays = 28;
constexpr int kCommunityWeeklyGap = 7;
constexpr int kGrantHandoverDays = 7;
constexpr int kCommunityFortnight = 14;
constexpr int kCommunityMonths = 6;
constexpr int kCarePlanWindowDays = 7;
constexpr int kCarePlanShowDays = 14;

DueState stateOn(Date today, Date windowStart, Date deadline)
{
    if (today < windowStart) {
        return DueState::Upcoming;
    }
    return today <= deadline ? DueState::Due : DueState::Overdue;
}

DueItem item(std::string caseId, std::string personId, std::string what, std::string sentence, Date windowStart,
             Date deadline, Date today, std::string owner = {})
{
    DueItem out;
    out.caseId = std::move(caseId);
    out.personId = std::move(personId);
    out.what = std::move(what);
    out.sentence = std::move(sentence);
    out.due = deadline;
    out.state = stateOn(today, windowStart, deadline);
    out.ownerId = std::move(owner);
    return out;
}

std::string plural(std::int64_t n, std::string_view one, std::string_view many)
{
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::vector<Record> activeMatches(std::string_view caseId, const FactSource& facts)
{
    std::vector<Record> out;
    for (auto& match : facts.recordsWhere("match", "case_id", caseId)) {
        if (match.text("status") == "active") {
            out.push_back(std::move(match));
        }
    }
    return out;
}

// Contact records (session reports and contact sheets) on the case up to today, optionally only
// those about one person.
std::vector<Date> contactDays(std::string_view caseId, std::string_view personId, Date from, Date today,
                              const FactSource& facts, bool includePlay = false)
{
    std::vector<Date> out;
    std::vector<std::string_view> types = {"session_report", "contact_sheet"};
    if (includePlay) {
        types.emplace_back("play_session");
    }
    for (const auto type : types) {
        for (const auto& record : facts.recordsWhere(type, "case_id", caseId)) {
            if (!personId.empty() && record.text("person_id") != personId) {
                continue;
            }
            const auto day = dayOf(record, "occurred_at");
            if (day && !(*day < from) && !(today < *day)) {
                out.push_back(*day);
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

void triage(const Record& theCase, Date today, const FactSource& facts, std::vector<DueItem>& out)
{
    const auto arrived = parseInstant(theCase.text("arrived_at"));
    if (!arrived || !facts.recordsWhere("triage", "case_id", theCase.id).empty()) {
        return;
    }
    const Date start = Date::fromDays(*arrived / 86400);
    const Date deadline = *Date::fromDateOrInstant(formatInstant(*arrived + kTriageSeconds));
    const std::string personId = theCase.text("person_id");
    out.push_back(item(theCase.id, personId, "triage",
                       "Triage " + givenName(personId, facts) + " within 72 hours of arrival (by "
                           + formatInstant(*arrived + kTriageSeconds) + ")",
                       start, deadline, today));
}

void befriending(const Record& theCase, Date today, const FactSource& facts, std::vector<DueItem>& out)
{
    for (const auto& match : activeMatches(theCase.id, facts)) {
        const auto started = dayOf(match, "started_at");
        if (!started) {
            continue;
        }
        const std::string personId = match.text("person_id");
        const std::string volunteer = match.text("volunteer");
        const std::string name = givenName(personId, facts);
        const auto contacts = contactDays(theCase.id, personId, *started, today, facts);
        const Date base = contacts.empty() ? *started : contacts.back();
        const std::int64_t days = daysBetween(base, today);
        const std::string since = contacts.empty() ? "no contact since the match started " : "last contact ";
        out.push_back(item(theCase.id, personId, "befriending_contact",
                           "Contact " + name + ": " + since + plural(days, "day", "days") + " ago (every 7-14 days)",
                           base.addDays(kBefriendingDueAfterDays), base.addDays(kBefriendingOverdueAfterDays), today,
                           volunteer));
        for (const auto& [months, field, what] : {std::tuple{3, "review_3m_on", "review_3m"},
                                                  std::tuple{6, "review_6m_on", "review_6m"}}) {
            if (!match.text(field).empty()) {
                continue;
            }
            const Date due = started->addMonths(months);
            if (today < due.addDays(-kReviewShowDays)) {
                continue;
            }
            out.push_back(item(theCase.id, personId, what,
                               std::to_string(months) + "-month review of the befriending with " + name + " (by "
                                   + due.toString() + ")",
                               due.addDays(-kReviewWindowDays), due, today));
        }
    }
}

void play(const Record& theCase, Date today, const FactSource& facts, std::vector<DueItem>& out)
{
    const std::string personId = theCase.text("person_id");
    const std::string name = givenName(personId, facts);
    const auto reports = facts.recordsWhere("first_contact_report", "case_id", theCase.id);

    if (theCase.text("referral_status") == "awaiting_first_contact" && reports.empty()) {
        const auto attempts = facts.recordsWhere("carer_contact_attempt", "case_id", theCase.id);
        bool reached = false;
        std::vector<Date> failed;
        std::optional<Date> letter;
        for (const auto& attempt : attempts) {
            const auto day = dayOf(attempt, "attempted_at");
            if (!day) {
                continue;
            }
            if (attempt.text("outcome") == "reached") {
                reached = true;
            } else if (attempt.text("method") == "letter") {
                letter = letter ? std::max(*letter, *day) : *day;
            } else {
                failed.push_back(*day);
            }
        }
        std::sort(failed.begin(), failed.end());
        if (!reached && letter) {
            out.push_back(item(theCase.id, personId, "no_support_required",
                               "Letter sent to " + name
                                   + "'s carer: move the referral to No Support Required (multiple attempts made)",
                               *letter, *letter, today));
        } else if (!reached && failed.size() >= static_cast<std::size_t>(kFailedAttemptsForLetter)) {
            const Date third = failed[kFailedAttemptsForLetter - 1];
            out.push_back(item(theCase.id, personId, "carer_letter",
                               "3 attempts to reach " + name
                                   + "'s carer failed: send the letter, then No Support Required (multiple attempts made)",
                               third, third.addDays(kFirstContactDays), today));
        } else if (!reached) {
            const Date since = dayOf(theCase, "referral_status_since")
                                   .value_or(dayOf(theCase, "opened_on").value_or(today));
            out.push_back(item(theCase.id, personId, "first_contact_carer",
                               "First contact with " + name + "'s carer within 7 days of Awaiting First Contact ("
                                   + plural(static_cast<std::int64_t>(failed.size()), "attempt", "attempts")
                                   + " of 3 made)",
                               since, since.addDays(kFirstContactDays), today));
        }
    }

    for (const auto& report : reports) {
        const std::string volunteer = report.text("sent_to_volunteer");
        const auto sent = dayOf(report, "sent_on");
        if (volunteer.empty() || !sent) {
            continue;
        }
        bool contacted = false;
        for (const auto& [type, field] : {std::pair{"play_session", "occurred_at"},
                                          std::pair{"carer_contact_attempt", "attempted_at"}}) {
            for (const auto& record : facts.recordsWhere(type, "case_id", theCase.id)) {
                const auto day = dayOf(record, field);
                contacted = contacted || (record.author == volunteer && day && !(*day < *sent));
            }
        }
        if (!contacted) {
            out.push_back(item(theCase.id, report.text("carer_id"), "volunteer_first_contact",
                               "Contact " + givenName(report.text("carer_id"), facts, "the carer")
                                   + " within 7 days of receiving the First Contact Report",
                               *sent, sent->addDays(kFirstContactDays), today, volunteer));
        }
    }

    for (const auto& match : activeMatches(theCase.id, facts)) {
        const auto started = dayOf(match, "started_at");
        if (!started) {
            continue;
        }
        const std::string child = match.text("person_id");
        std::int64_t held = 0;
        for (const auto& session : facts.recordsWhere("play_session", "case_id", theCase.id)) {
            held += session.text("person_id") == child ? 1 : 0;
        }
        if (held >= kMinPlaySessions) {
            continue;
        }
        const Date deadline = started->addDays(std::int64_t{7} * kPlaySessionsWeeks);
        out.push_back(item(theCase.id, child, "play_sessions_min",
                           std::to_string(held) + " of at least 6 play sessions with " + givenName(child, facts)
                               + " held",
                           deadline.addDays(-7), deadline, today, match.text("volunteer")));
    }
}

void community(const Record& theCase, Date today, const FactSource& facts, std::vector<DueItem>& out)
{
    const auto released = releasedDay(theCase, facts);
    if (!released || today < *released) {
        return;
    }
    const std::string personId = theCase.text("person_id");
    const std::string name = givenName(personId, facts);
    const Date end = released->addMonths(kCommunityMonths);
    const std::string owner = theCase.text("stream") == "mentoring" ? leadMentor(theCase.id, facts) : std::string();
    if (!(today < end.addDays(-kCommunityFortnight))
        && facts.recordsWhere("feedback_survey", "case_id", theCase.id).empty()) {
        out.push_back(item(theCase.id, personId, "community_support_end",
                           "Community support for " + name + " ends on " + end.toString()
                               + ": close with the feedback survey",
                           end.addDays(-kCommunityFortnight), end, today));
    }
    if (!(today < end)) {
        return;
    }
    const auto contacts = contactDays(theCase.id, "", *released, today, facts);
    if (contacts.empty()) {
        out.push_back(item(theCase.id, personId, "community_followup",
                           "Follow up with " + name + " in the first week after release (by "
                               + released->addDays(kCommunityFirstWeekDays).toString() + ")",
                           *released, released->addDays(kCommunityFirstWeekDays), today, owner));
        return;
    }
    const Date last = contacts.back();
    const bool weekly = theCase.text("after_release_cadence") == "weekly_four_weeks";
    const int earlyDays = weekly ? kCommunityWeeklyDays : kCommunityIntensiveDays;
    const int gap = weekly ? kCommunityWeeklyGap : kCommunityIntensiveGap;
    const Date earlyEnd = released->addDays(earlyDays - 1);
    if (!(earlyEnd < last.addDays(gap))) {
        const std::string rhythm = weekly ? "every week in the first four weeks" : "twice a week in the first two weeks";
        out.push_back(item(theCase.id, personId, "community_followup",
                           "Meet " + name + " " + rhythm + " after release (last contact " + last.toString() + ")",
                           last.addDays(gap - (weekly ? 2 : 1)), last.addDays(gap), today, owner));
    } else {
        const Date deadline = std::min(last.addDays(kCommunityFortnight), end);
        out.push_back(item(theCase.id, personId, "community_followup",
                           "Meet " + name + " every two weeks until " + end.toString() + " (last contact "
                               + last.toString() + ")",
                           deadline.addDays(-3), deadline, today, owner));
    }
}

void welfareGrants(const Record& theCase, Date today, const FactSource& facts, std::vector<DueItem>& out)
{
    const auto release = dayOf(theCase, "released_on") ? dayOf(theCase, "released_on") : dayOf(theCase, "release_date");
    for (const auto& request : facts.recordsWhere("welfare_grant_request", "case_id", theCase.id)) {
        if (latestWelfareGrantDecision(request.id, facts) != "approved"
            || !facts.recordsWhere("welfare_grant_handover", "request_id", request.id).empty()) {
            continue;
        }
        std::optional<Date> decided;
        for (const auto& decision : facts.recordsWhere("welfare_grant_decision", "request_id", request.id)) {
            const auto day = dayOf(decision, "decided_on");
            if (day && decision.text("decision") == "approved" && (!decided || *decided < *day)) {
                decided = day;
            }
        }
        const Date from = decided.value_or(today);
        const bool onRelease = release && from < *release;
        const Date deadline = onRelease ? *release : from.addDays(kGrantHandoverDays);
        const std::string personId = request.text("person_id");
        out.push_back(item(theCase.id, personId, "welfare_grant_handover",
                           "Hand over " + givenName(personId, facts) + "'s approved welfare grant"
                               + (onRelease ? " on release day (" + release->toString() + ")"
                                            : " (by " + deadline.toString() + ")"),
                           onRelease ? *release : from, deadline, today));
    }
}

void carePlan(const Record& theCase, Date today, const FactSource& facts, std::vector<DueItem>& out)
{
    for (const auto& action : facts.recordsWhere("care_plan_action", "case_id", theCase.id)) {
        const std::string status = action.text("status");
        const auto due = dayOf(action, "due_on");
        if (status == "done" || status == "dropped" || !due || today < due->addDays(-kCarePlanShowDays)) {
            continue;
        }
        out.push_back(item(theCase.id, theCase.text("person_id"), "care_plan_action",
                           "Care plan action due " + due->toString() + ": " + action.text("action"),
                           due->addDays(-kCarePlanWindowDays), *due, today));
    }
}

bool soonerThan(const DueItem& a, const DueItem& b)
{
    return std::tie(a.due, a.what, a.personId, a.ownerId) < std::tie(b.due, b.what, b.personId, b.ownerId);
}

} // namespace

std::vector<DueItem> dueForCase(std::string_view caseId, const FactSource& facts, Date today, int minuteOfDay)
{
    std::vector<DueItem> out;
    const auto theCase = facts.record("case", caseId);
    if (!theCase || theCase->text("status") != "open") {
        return out;
    }
    const std::string stream = theCase->text("stream");
    triage(*theCase, today, facts, out);
    if (stream == "befriending") {
        befriending(*theCase, today, facts, out);
    }
    if (stream == "play") {
        play(*theCase, today, facts, out);
    }
    community(*theCase, today, facts, out);
    carePlan(*theCase, today, facts, out);
    welfareGrants(*theCase, today, facts, out);
    for (auto& due : releaseTimelineDue(*theCase, facts, today, minuteOfDay)) {
        out.push_back(std::move(due));
    }
    std::sort(out.begin(), out.end(), soonerThan);
    return out;
}

std::vector<DueItem> dueForUser(const User& user, const FactSource& facts, Date today, int minuteOfDay)
{
    std::vector<DueItem> out;
    std::vector<std::string> seen; // two matches on one case (two children) list its items once
    for (const CaseloadEntry& entry : caseloadOf(user, facts)) {
        if (std::find(seen.begin(), seen.end(), entry.caseId) != seen.end()) {
            continue;
        }
        seen.push_back(entry.caseId);
        for (auto& due : dueForCase(entry.caseId, facts, today, minuteOfDay)) {
            if (entry.role == Role::Practitioner || due.ownerId == user.id) {
                out.push_back(std::move(due));
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const DueItem& a, const DueItem& b) {
        const bool aOverdue = a.state == DueState::Overdue;
        const bool bOverdue = b.state == DueState::Overdue;
        if (aOverdue != bOverdue) {
            return aOverdue;
        }
        return std::tie(a.due, a.caseId, a.what) < std::tie(b.due, b.caseId, b.what);
    });
    return out;
}

std::optional<MinutesRange> playSessionMinutes(Date childDateOfBirth, Date on)
{
    int months = (on.year - childDateOfBirth.year) * 12 + (on.month - childDateOfBirth.month);
    if (on.day < childDateOfBirth.day) {
        --months;
    }
    const int years = ageOn(childDateOfBirth, on);
    if (months < 18) {
        return std::nullopt;
    }
    if (years < 3) {
        return MinutesRange{20, 30};
    }
    if (years < 6) {
        return MinutesRange{25, 40};
    }
    if (years < 11) {
        return MinutesRange{35, 50};
    }
    if (years <= 16) {
        return MinutesRange{45, 60};
    }
    return std::nullopt;
}

std::optional<MinutesRange> playSessionMinutesForAgeBand(std::string_view ageBand)
{
    if (ageBand == "0-2") {
        return MinutesRange{20, 30};
    }
    if (ageBand == "3-5") {
        return MinutesRange{25, 40};
    }
    if (ageBand == "6-10") {
        return MinutesRange{35, 50};
    }
    if (ageBand == "11-15" || ageBand == "16-17") {
        return MinutesRange{45, 60};
    }
    return std::nullopt;
}

bool isContactRhythm(std::string_view what)
{
    return what == "befriending_contact" || what == "volunteer_first_contact" || what == "play_sessions_min"
        || what == "community_followup" || what == "pre_release_meeting" || what == "gate_meeting"
        || what == "rota_call" || what == "rota_meeting";
}

DueItem pausedUnlessCleared(DueItem item, std::string_view personId, std::string_view notClearedCode)
{
    if (notClearedCode.empty() || !isContactRhythm(item.what) || item.personId != personId) {
        return item;
    }
    item.state = DueState::Paused;
    item.pausedReason = std::string(notClearedCode);
    item.sentence = "Paused until contact is cleared (" + std::string(reasonShort(notClearedCode)) + "): " + item.sentence;
    return item;
}

bool playReferralTransitionAllowed(std::string_view from, std::string_view to)
{
    if (from == to) {
        return !to.empty();
    }
    if (from.empty()) {
        return to == "awaiting_first_contact";
    }
    if (from == "awaiting_first_contact") {
        return to == "awaiting_matching" || to == "no_support_required" || to == "closed";
    }
    if (from == "awaiting_matching") {
        return to == "active_matched" || to == "no_support_required" || to == "closed";
    }
    if (from == "active_matched") {
        return to == "closed" || to == "no_support_required" || to == "awaiting_matching";
    }
    return false; // closed and no_support_required are final: a new referral is a new case
}

} // namespace fieldbook
