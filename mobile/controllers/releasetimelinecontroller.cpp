#include "controllers/releasetimelinecontroller.h"

#include "appcontroller.h"
#include "jsonbridge.h"
#include "models/casestatus.h"
#include "rules/releasetimeline.h"
#include "store/localstore.h"

#include <QDateTime>
#include <QVariantMap>

#include <algorithm>

namespace fieldbook::app {

namespace {

constexpr int kRotaDaysBack = 7;
constexpr int kRotaDaysAhead = 6;

QString stepStateName(StepState state)
{
    switch (state) {
    case StepState::Planned:
        return QStringLiteral("planned");
    case StepState::Due:
        return QStringLiteral("due");
    case StepState::Overdue:
        return QStringLiteral("overdue");
    case StepState::Done:
        return QStringLiteral("done");
    case StepState::NotYet:
        return QStringLiteral("notyet");
    }
    return {};
}

QString rotaStateName(RotaState state)
{
    switch (state) {
    case RotaState::Planned:
        return QStringLiteral("planned");
    case RotaState::Due:
        return QStringLiteral("due");
    case RotaState::Called:
        return QStringLiteral("called");
    case RotaState::Missed:
        return QStringLiteral("missed");
    case RotaState::Uncovered:
        return QStringLiteral("uncovered");
    }
    return {};
}

QString shortWeekday(Date day)
{
    return qs(weekdayName(day)).left(3);
}

} // namespace

ReleaseTimelineController::ReleaseTimelineController(QObject* parent)
    : QObject(parent), m_app(AppController::instance())
{
    connect(m_app, &AppController::dataChanged, this, &ReleaseTimelineController::reload);
}

void ReleaseTimelineController::setCaseId(const QString& caseId)
{
    if (m_caseId == caseId) {
        return;
    }
    m_caseId = caseId;
    emit caseIdChanged();
    reload();
}

void ReleaseTimelineController::setToday(const QString& today)
{
    if (m_today == today) {
        return;
    }
    m_today = today;
    emit caseIdChanged();
    reload();
}

void ReleaseTimelineController::setMinuteOfDay(int minute)
{
    if (m_minuteOfDay == minute) {
        return;
    }
    m_minuteOfDay = minute;
    emit caseIdChanged();
    reload();
}

void ReleaseTimelineController::reload()
{
    m_steps.clear();
    m_members.clear();
    m_rotaDays.clear();
    m_rotaSummary.clear();
    m_uncovered.clear();
    m_meetingText.clear();
    m_intensive = false;
    const LocalStore& store = *m_app->store();
    const User me = m_app->currentUser();
    const std::string caseId = ss(m_caseId);
    const Date today = Date::parse(ss(m_today)).value_or(todayUtc());
    const QTime now = QDateTime::currentDateTimeUtc().time();
    const int minute = m_minuteOfDay >= 0 ? m_minuteOfDay : now.hour() * 60 + now.minute();

    const ReleaseTimeline timeline = m_app->state() == AppController::State::Ready && !caseId.empty()
        ? releaseTimeline(caseId, store.facts(), today)
        : ReleaseTimeline{};
    m_known = timeline.known;
    if (!m_known) {
        m_personName.clear();
        m_headline.clear();
        m_hasReleaseDate = false;
        m_weekend = false;
        m_cadence.clear();
        emit changed();
        return;
    }
    m_personName = app::personName(store, casePersonFor(store, me, caseId));
    m_headline = qs(timeline.sentence);
    m_hasReleaseDate = timeline.release.has_value();
    m_weekend = timeline.weekend && !timeline.released; // a day still to check with the prison
    m_cadence = timeline.cadence == "weekly_four_weeks" ? tr("Weekly for the first four weeks, then every two weeks")
                                                        : tr("Twice a week for the first two weeks, then every two weeks");
    for (const TimelineStep& step : timeline.steps) {
        m_steps << QVariantMap{{QStringLiteral("what"), qs(step.what)},
                               {QStringLiteral("title"), qs(step.title)},
                               {QStringLiteral("sentence"), qs(step.sentence)},
                               {QStringLiteral("state"), stepStateName(step.state)},
                               {QStringLiteral("date"), step.due ? qs(step.due->toString()) : QString()},
                               {QStringLiteral("late"), step.late},
                               {QStringLiteral("early"), step.early},
                               {QStringLiteral("mine"), !step.ownerId.empty() && step.ownerId == me.id}};
    }

    const IntensiveRota rota = intensiveRota(caseId, store.facts(), today, minute);
    m_intensive = rota.intensive;
    if (!m_intensive) {
        emit changed();
        return;
    }
    // The group's names as the coordinator gave them on each match; the phone holds no directory.
    std::map<std::string, QString> names;
    int other = 0;
    for (const RotaMember& member : rota.members) {
        QString name;
        for (const Record& match : store.facts().recordsWhere("match", "case_id", caseId)) {
            if (match.text("volunteer") == member.volunteerId && !match.text("volunteer_name").empty()) {
                name = qs(match.text("volunteer_name"));
            }
        }
        if (member.volunteerId == me.id) {
            name = tr("You");
        } else if (name.isEmpty()) {
            name = tr("Mentor %1").arg(++other);
        }
        names[member.volunteerId] = name;
        QStringList days;
        for (const std::string& day : member.callDays) {
            days << qs(day).left(1).toUpper() + qs(day).mid(1, 2);
        }
        m_members << QVariantMap{{QStringLiteral("name"), name},
                                 {QStringLiteral("days"), days.isEmpty() ? tr("no days yet") : days.join(QStringLiteral(", "))},
                                 {QStringLiteral("called"), member.calledDays},
                                 {QStringLiteral("missed"), member.missedDays},
                                 {QStringLiteral("meeting"), member.weeklyMeeting},
                                 {QStringLiteral("you"), member.volunteerId == me.id}};
    }
    QStringList uncovered;
    for (const std::string& day : rota.uncoveredWeekdays) {
        uncovered << qs(day).left(1).toUpper() + qs(day).mid(1);
    }
    m_uncovered = uncovered.join(QStringLiteral(", "));
    if (rota.from) {
        m_rotaSummary = today < *rota.from
            ? tr("Daily calls and weekly meetings from %1 until %2").arg(qs(rota.from->toString()), qs(rota.until->toString()))
            : tr("Since release: %1 days called, %2 missed (until %3)")
                  .arg(rota.calledDays)
                  .arg(rota.missedDays)
                  .arg(qs(rota.until->toString()));
        const Date from = std::max(*rota.from, std::min(today, *rota.until).addDays(-kRotaDaysBack));
        for (const RotaDay& day : rota.days) {
            if (day.day < from || today.addDays(kRotaDaysAhead) < day.day) {
                continue;
            }
            QStringList callers;
            bool mine = false;
            for (const std::string& caller : day.callers) {
                callers << names[caller];
                mine = mine || caller == me.id;
            }
            m_rotaDays << QVariantMap{{QStringLiteral("date"), qs(day.day.toString())},
                                      {QStringLiteral("weekday"), shortWeekday(day.day)},
                                      {QStringLiteral("callers"), callers.isEmpty() ? tr("nobody") : callers.join(QStringLiteral(", "))},
                                      {QStringLiteral("state"), rotaStateName(day.state)},
                                      {QStringLiteral("mine"), mine},
                                      {QStringLiteral("today"), day.day == today}};
        }
        for (const RotaWeek& week : rota.weeks) {
            if (!(today < week.from) && !(week.to < today)) {
                const QString owner = names.count(week.ownerId) ? names[week.ownerId] : tr("the group");
                m_meetingText = week.state == RotaState::Called
                    ? tr("This week's meeting is done")
                    : tr("This week's meeting, by %1: %2").arg(qs(week.to.toString()), owner);
            }
        }
    }
    emit changed();
}

} // namespace fieldbook::app
