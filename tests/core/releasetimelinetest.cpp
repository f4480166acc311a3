// Through the gate: the release timeline of a mentoring case and the intensive mentoring rota.
// One mentoring case for Daniel (the scenario's prisoner) released from prison, its steps and rota
// worked out from the records on a day: each row changes one thing and looks.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "rules/releasetimeline.h"
#include "rules/rhythms.h"

#include "scenario.h"
#endif

using namespace fieldbook;
using fieldbook::test::hexId;
using fieldbook::test::Scenario;

namespace {

Date day(const QString& text)
{
    return *Date::parse(text.toStdString());
}

QString stepStateName(StepState state)
{
    switch (state) {
    case StepState::Planned:
        return "planned";
    case StepState::Due:
        return "due";
    case StepState::Overdue:
        return "overdue";
    case StepState::Done:
        return "done";
    case StepState::NotYet:
        return "notyet";
    }
    return {};
}

QString rotaStateName(RotaState state)
{
    switch (state) {
    case RotaState::Planned:
        return "planned";
    case RotaState::Due:
        return "due";
    case RotaState::Called:
        return "called";
    case RotaState::Missed:
        return "missed";
    case RotaState::Uncovered:
        return "uncovered";
    }
    return {};
}

QString dueStateName(DueState state)
{
    switch (state) {
    case DueState::Upcoming:
        return "upcoming";
    case DueState::Due:
        return "due";
    case DueState::Overdue:
        return "overdue";
    case DueState::Paused:
        return "paused";
    }
    return {};
}

// "what:state:due" (+ ":late" / ":early") for every step of the timeline.
QStringList describe(const ReleaseTimeline& timeline)
{
    QStringList out;
    for (const TimelineStep& step : timeline.steps) {
        QString text = QString::fromStdString(step.what) + ":" + stepStateName(step.state) + ":"
            + (step.due ? QString::fromStdString(step.due->toString()) : QString("-"));
        if (step.late) {
            text += ":late";
        }
        if (step.early) {
            text += ":early";
        }
        out << text;
    }
    return out;
}

// "what:state:due:owner" of the items of one kind; owner is a name of the world or "" .
QStringList describeDue(const std::vector<DueItem>& items, const std::string& what,
                        const std::map<std::string, QString>& names)
{
    QStringList out;
    for (const DueItem& item : items) {
        if (item.what == what) {
            const auto name = names.find(item.ownerId);
            out << QString::fromStdString(item.what) + ":" + dueStateName(item.state) + ":"
                    + QString::fromStdString(item.due.toString()) + ":"
                    + (name == names.end() ? QString::fromStdString(item.ownerId) : name->second);
        }
    }
    return out;
}

struct World : Scenario
{
    const std::string mentoringCase = hexId(14);
    const std::string ruth = hexId(120);
    const std::string lee = hexId(121);

    World()
    {
        addUser(ruth, "Ruth", {Role::Mentor});
        addUser(lee, "Lee", {Role::Mentor});
        vetting(hexId(64), ruth, "2024-01-01", "2027-01-01", allTrainings());
        vetting(hexId(65), lee, "2024-01-01", "2027-01-01", allTrainings());
        consent(hexId(44), prisoner, prisoner, "contact", "given", "2025-01-05T10:00:00Z");
        put("case", mentoringCase,
            R"({"person_id":")" + prisoner + R"(","stream":"mentoring","practitioner_id":")" + practitioner
                + R"(","status":"open","opened_on":"2025-03-01"})");
        match(hexId(23), mentoringCase, mentor, prisoner, "active", "2025-04-10");
    }

    std::map<std::string, QString> names() const
    {
        return {{mentor, "max"}, {ruth, "ruth"}, {lee, "lee"}, {practitioner, "priya"}, {"", "practitioner"}};
    }

    void setCase(const std::string& field, const std::string& value)
    {
        auto record = *facts.record("case", mentoringCase);
        if (value.empty()) {
            record.fields.erase(field);
        } else {
            record.fields[field] = value;
        }
        facts.put(record);
    }

    void referral(const QString& on)
    {
        put("mentoring_referral", hexId(200),
            R"({"case_id":")" + mentoringCase + R"(","referred_on":")" + on.toStdString()
                + R"(","vulnerabilities":["no_fixed_abode"]})");
    }

    // "prerelease:DAY", "gate:DAY", "phone:DAY[Thh:mm]", "meet:DAY", "feedback:DAY".
    void record(const QString& what)
    {
        const auto parts = what.split(':');
        const std::string kind = parts[0].toStdString();
        std::string at = parts.mid(1).join(':').toStdString();
        if (at.size() == 10) {
            at += "T12:00:00Z";
        } else if (at.size() == 16) {
            at += ":00Z";
        }
        static int n = 0;
        const std::string id = hexId(3000 + ++n);
        if (kind == "prerelease") {
            put("pre_release_meeting", id,
                R"({"case_id":")" + mentoringCase + R"(","person_id":")" + prisoner + R"(","occurred_at":")" + at
                    + R"(","service_explained":true})", mentor);
        } else if (kind == "gate") {
            put("gate_day", id,
                R"({"case_id":")" + mentoringCase + R"(","person_id":")" + prisoner + R"(","occurred_at":")" + at
                    + R"(","met_at_gate":true})", mentor);
        } else if (kind == "feedback") {
            put("feedback_survey", id, R"({"case_id":")" + mentoringCase + R"(","completed_on":")" + at.substr(0, 10)
                                           + R"("})");
        } else {
            const std::string mode = kind == "meet" ? "in_person" : "phone";
            put("contact_sheet", id,
                R"({"case_id":")" + mentoringCase + R"(","person_id":")" + prisoner + R"(","occurred_at":")" + at
                    + R"(","mode":")" + mode + R"(","concerns":"none"})", mentor);
        }
    }

    // The intensive group: Max calls Monday to Wednesday and holds the weekly meeting, Ruth
    // Thursday and Friday, Lee Saturday; nobody holds Sunday.
    void intensive()
    {
        setCase("mentoring_service", "intensive");
        put("match", hexId(23),
            R"({"case_id":")" + mentoringCase + R"(","volunteer":")" + mentor + R"(","person_id":")" + prisoner
                + R"(","status":"active","started_at":"2025-04-10","call_days":["monday","tuesday","wednesday"],"weekly_meeting":true})");
        put("match", hexId(24),
            R"({"case_id":")" + mentoringCase + R"(","volunteer":")" + ruth + R"(","person_id":")" + prisoner
                + R"(","status":"active","started_at":"2025-04-12","call_days":["thursday","friday"]})");
        put("match", hexId(25),
            R"({"case_id":")" + mentoringCase + R"(","volunteer":")" + lee + R"(","person_id":")" + prisoner
                + R"(","status":"active","started_at":"2025-04-12","call_days":["saturday"]})");
    }
};

} // namespace

class ReleaseTimelineTest : public QObject
{
    Q_OBJECT

private slots:
    void weekdays_data();
    void weekdays();
    void timeline_data();
    void timeline();
    void sentences_data();
    void sentences();
    void noReleaseDateYet();
    void releaseDateMoves_data();
    void releaseDateMoves();
    void weekendRelease();
    void cadence_data();
    void cadence();
    void dueBeforeRelease_data();
    void dueBeforeRelease();
    void notAMentoringCase();
    void rota_data();
    void rota();
    void eachVolunteerSeesTheirDays_data();
    void eachVolunteerSeesTheirDays();
    void coverage();
};

void ReleaseTimelineTest::weekdays_data()
{
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("weekday");
    QTest::newRow("the epoch") << "1970-01-01" << "Thursday";
    QTest::newRow("a Monday") << "2025-06-02" << "Monday";
    QTest::newRow("a Saturday") << "2025-06-07" << "Saturday";
    QTest::newRow("a Sunday") << "2025-06-08" << "Sunday";
    QTest::newRow("before the epoch") << "1969-12-31" << "Wednesday";
    QTest::newRow("leap day") << "2028-02-29" << "Tuesday";
}

void ReleaseTimelineTest::weekdays()
{
    QFETCH(QString, date);
    QFETCH(QString, weekday);
    QCOMPARE(QString::fromStdString(weekdayName(day(date))), weekday);
}

// Release on Monday 2025-06-02 unless the row says otherwise: referral window 2025-03-10 ..
// 2025-04-21, prison meeting 2025-05-12 .. 2025-05-26, gate meeting 2025-06-02.
void ReleaseTimelineTest::timeline_data()
{
    QTest::addColumn<QString>("releasedOn");
    QTest::addColumn<QString>("referredOn");
    QTest::addColumn<QStringList>("records");
    QTest::addColumn<QString>("today");
    QTest::addColumn<QStringList>("steps");

    const QStringList afterRelease = {"first_followup:planned:2025-06-09", "early_contact:planned:2025-06-15",
                                      "fortnightly_contact:planned:2025-12-02", "support_end:planned:2025-12-02"};
    auto with = [&](QStringList before) { return before + afterRelease; };
    QTest::newRow("no referral yet, 13 weeks before") << "" << "" << QStringList{} << "2025-03-01"
        << with({"mentoring_referral:planned:2025-04-21", "pre_release_meeting:planned:2025-05-26",
                 "gate_meeting:planned:2025-06-02"});
    QTest::newRow("referral due, 10 weeks before") << "" << "" << QStringList{} << "2025-03-24"
        << with({"mentoring_referral:due:2025-04-21", "pre_release_meeting:planned:2025-05-26",
                 "gate_meeting:planned:2025-06-02"});
    QTest::newRow("referral overdue, 5 weeks before") << "" << "" << QStringList{} << "2025-04-28"
        << with({"mentoring_referral:overdue:2025-04-21", "pre_release_meeting:planned:2025-05-26",
                 "gate_meeting:planned:2025-06-02"});
    QTest::newRow("referral 8 weeks before") << "" << "2025-04-07" << QStringList{} << "2025-04-08"
        << with({"mentoring_referral:done:2025-04-21", "pre_release_meeting:planned:2025-05-26",
                 "gate_meeting:planned:2025-06-02"});
    QTest::newRow("referral exactly 6 weeks before is on time") << "" << "2025-04-21" << QStringList{} << "2025-04-22"
        << with({"mentoring_referral:done:2025-04-21", "pre_release_meeting:planned:2025-05-26",
                 "gate_meeting:planned:2025-06-02"});
    QTest::newRow("referral a day after 6 weeks before is late") << "" << "2025-04-22" << QStringList{} << "2025-04-22"
        << with({"mentoring_referral:done:2025-04-21:late", "pre_release_meeting:planned:2025-05-26",
                 "gate_meeting:planned:2025-06-02"});
    QTest::newRow("referral 13 weeks before is early") << "" << "2025-03-03" << QStringList{} << "2025-03-04"
        << with({"mentoring_referral:done:2025-04-21:early", "pre_release_meeting:planned:2025-05-26",
                 "gate_meeting:planned:2025-06-02"});
    QTest::newRow("prison meeting due three weeks before") << "" << "2025-04-07" << QStringList{} << "2025-05-12"
        << with({"mentoring_referral:done:2025-04-21", "pre_release_meeting:due:2025-05-26",
                 "gate_meeting:planned:2025-06-02"});
    QTest::newRow("prison meeting not due 22 days before") << "" << "2025-04-07" << QStringList{} << "2025-05-11"
        << with({"mentoring_referral:done:2025-04-21", "pre_release_meeting:planned:2025-05-26",
                 "gate_meeting:planned:2025-06-02"});
    QTest::newRow("prison meeting overdue") << "" << "2025-04-07" << QStringList{} << "2025-05-27"
        << with({"mentoring_referral:done:2025-04-21", "pre_release_meeting:overdue:2025-05-26",
                 "gate_meeting:planned:2025-06-02"});
    QTest::newRow("prison meeting held") << "" << "2025-04-07" << QStringList{"prerelease:2025-05-19"} << "2025-05-27"
        << with({"mentoring_referral:done:2025-04-21", "pre_release_meeting:done:2025-05-26",
                 "gate_meeting:planned:2025-06-02"});
    QTest::newRow("prison meeting held late") << "" << "2025-04-07" << QStringList{"prerelease:2025-05-28"} << "2025-05-29"
        << with({"mentoring_referral:done:2025-04-21", "pre_release_meeting:done:2025-05-26:late",
                 "gate_meeting:planned:2025-06-02"});
    QTest::newRow("referral a week before: meet before release") << "" << "2025-05-26" << QStringList{} << "2025-05-27"
        << with({"mentoring_referral:done:2025-04-21:late", "pre_release_meeting:due:2025-06-01",
                 "gate_meeting:planned:2025-06-02"});
    QTest::newRow("release day") << "" << "2025-04-07" << QStringList{"prerelease:2025-05-19"} << "2025-06-02"
        << QStringList{"mentoring_referral:done:2025-04-21", "pre_release_meeting:done:2025-05-26",
                       "gate_meeting:due:2025-06-02", "first_followup:due:2025-06-09", "early_contact:due:2025-06-15",
                       "fortnightly_contact:planned:2025-12-02", "support_end:planned:2025-12-02"};
    QTest::newRow("gate meeting not recorded") << "" << "2025-04-07" << QStringList{"prerelease:2025-05-19"} << "2025-06-03"
        << QStringList{"mentoring_referral:done:2025-04-21", "pre_release_meeting:done:2025-05-26",
                       "gate_meeting:overdue:2025-06-02", "first_followup:due:2025-06-09", "early_contact:due:2025-06-15",
                       "fortnightly_contact:planned:2025-12-02", "support_end:planned:2025-12-02"};
    QTest::newRow("gate day recorded, first follow-up done") << "2025-06-02" << "2025-04-07"
        << QStringList{"prerelease:2025-05-19", "gate:2025-06-02T07:30", "phone:2025-06-04"} << "2025-06-05"
        << QStringList{"mentoring_referral:done:2025-04-21", "pre_release_meeting:done:2025-05-26",
                       "gate_meeting:done:2025-06-02", "first_followup:done:2025-06-09", "early_contact:due:2025-06-15",
                       "fortnightly_contact:planned:2025-12-02", "support_end:planned:2025-12-02"};
    QTest::newRow("first follow-up late") << "2025-06-02" << "2025-04-07"
        << QStringList{"gate:2025-06-02", "phone:2025-06-11"} << "2025-06-12"
        << QStringList{"mentoring_referral:done:2025-04-21", "pre_release_meeting:overdue:2025-05-26",
                       "gate_meeting:done:2025-06-02", "first_followup:done:2025-06-09:late",
                       "early_contact:due:2025-06-15", "fortnightly_contact:planned:2025-12-02",
                       "support_end:planned:2025-12-02"};
    QTest::newRow("two weeks of contact kept") << "2025-06-02" << "2025-04-07"
        << QStringList{"gate:2025-06-02", "phone:2025-06-04", "meet:2025-06-07", "phone:2025-06-10", "meet:2025-06-13"}
        << "2025-06-20"
        << QStringList{"mentoring_referral:done:2025-04-21", "pre_release_meeting:overdue:2025-05-26",
                       "gate_meeting:done:2025-06-02", "first_followup:done:2025-06-09", "early_contact:done:2025-06-15",
                       "fortnightly_contact:due:2025-12-02", "support_end:planned:2025-12-02"};
    QTest::newRow("six months with feedback") << "2025-06-02" << "2025-04-07"
        << QStringList{"gate:2025-06-02", "phone:2025-06-04", "feedback:2025-12-01"} << "2025-12-03"
        << QStringList{"mentoring_referral:done:2025-04-21", "pre_release_meeting:overdue:2025-05-26",
                       "gate_meeting:done:2025-06-02", "first_followup:done:2025-06-09", "early_contact:overdue:2025-06-15",
                       "fortnightly_contact:done:2025-12-02", "support_end:done:2025-12-02"};
    QTest::newRow("released a day early: support from that day") << "2025-06-01" << "2025-04-07"
        << QStringList{"gate:2025-06-01"} << "2025-06-01"
        << QStringList{"mentoring_referral:done:2025-04-20", "pre_release_meeting:overdue:2025-05-25",
                       "gate_meeting:done:2025-06-01", "first_followup:due:2025-06-08", "early_contact:due:2025-06-14",
                       "fortnightly_contact:planned:2025-12-01", "support_end:planned:2025-12-01"};
}

void ReleaseTimelineTest::timeline()
{
    QFETCH(QString, releasedOn);
    QFETCH(QString, referredOn);
    QFETCH(QStringList, records);
    QFETCH(QString, today);
    QFETCH(QStringList, steps);
    World w;
    w.setCase("release_date", "2025-06-02");
    w.setCase("released_on", releasedOn.toStdString());
    if (!referredOn.isEmpty()) {
        w.referral(referredOn);
    }
    for (const QString& record : records) {
        w.record(record);
    }
    const ReleaseTimeline timeline = releaseTimeline(w.mentoringCase, w.facts, day(today));
    QVERIFY(timeline.known);
    QCOMPARE(describe(timeline), steps);
    QCOMPARE(timeline.released, !releasedOn.isEmpty());
    for (const TimelineStep& step : timeline.steps) {
        QVERIFY2(!step.sentence.empty(), step.what.c_str());
        // Every step of the mentor's is the lead mentor's; the referral and the end are not.
        const bool mentors = step.what != "mentoring_referral" && step.what != "support_end";
        QCOMPARE(step.ownerId == w.mentor, mentors);
    }
}

// What the mentor and practitioner read: how far before release each thing happened.
void ReleaseTimelineTest::sentences_data()
{
    QTest::addColumn<QString>("referredOn");
    QTest::addColumn<QString>("metOn");
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("late referral") << "2025-04-22" << "" << "mentoring_referral"
        << "Referred on 2025-04-22, 5 weeks 6 days before release: late (6-12 weeks before release expected)";
    QTest::newRow("referral 8 weeks before") << "2025-04-07" << "" << "mentoring_referral"
        << "Referred on 2025-04-07, 8 weeks before release";
    QTest::newRow("a week and a day") << "2025-04-07" << "2025-05-24" << "pre_release_meeting"
        << "Met Daniel in prison on 2025-05-24, 9 days before release";
    QTest::newRow("the day before") << "2025-04-07" << "2025-06-01" << "pre_release_meeting"
        << "Met Daniel in prison on 2025-06-01, 1 day before release";
    QTest::newRow("two weeks and a day") << "2025-04-07" << "2025-05-18" << "pre_release_meeting"
        << "Met Daniel in prison on 2025-05-18, 2 weeks 1 day before release";
}

void ReleaseTimelineTest::sentences()
{
    QFETCH(QString, referredOn);
    QFETCH(QString, metOn);
    QFETCH(QString, what);
    QFETCH(QString, sentence);
    World w;
    w.setCase("release_date", "2025-06-02");
    w.referral(referredOn);
    if (!metOn.isEmpty()) {
        w.record("prerelease:" + metOn);
    }
    const ReleaseTimeline timeline = releaseTimeline(w.mentoringCase, w.facts, day("2025-06-01"));
    const auto step = std::find_if(timeline.steps.begin(), timeline.steps.end(),
                                   [&](const TimelineStep& s) { return s.what == what.toStdString(); });
    QVERIFY(step != timeline.steps.end());
    QCOMPARE(QString::fromStdString(step->sentence), sentence);
}

void ReleaseTimelineTest::noReleaseDateYet()
{
    World w;
    const ReleaseTimeline timeline = releaseTimeline(w.mentoringCase, w.facts, day("2025-03-01"));
    QVERIFY(timeline.known);
    QVERIFY(!timeline.release);
    QVERIFY(QString::fromStdString(timeline.sentence).startsWith("No release date yet"));
    QCOMPARE(describe(timeline), (QStringList{"mentoring_referral:notyet:-", "pre_release_meeting:notyet:-",
                                              "gate_meeting:notyet:-"}));
    const auto due = dueForCase(w.mentoringCase, w.facts, day("2025-03-01"));
    QCOMPARE(describeDue(due, "release_date_missing", w.names()), QStringList{"release_date_missing:due:2025-03-01:practitioner"});
    QCOMPARE(describeDue(due, "gate_meeting", w.names()), QStringList{});
    // Recorded, the date plans every step and the item goes.
    w.setCase("release_date", "2025-06-02");
    const auto planned = dueForCase(w.mentoringCase, w.facts, day("2025-03-01"));
    QCOMPARE(describeDue(planned, "release_date_missing", w.names()), QStringList{});
    QCOMPARE(describeDue(planned, "gate_meeting", w.names()), QStringList{"gate_meeting:upcoming:2025-06-02:max"});
}

// The referral came on 2025-04-07; the expected release date moves from 2025-06-02. Every step
// follows it, and the referral's lateness is judged against the new date.
void ReleaseTimelineTest::releaseDateMoves_data()
{
    QTest::addColumn<QString>("release");
    QTest::addColumn<QString>("today");
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QString>("mentorNext"); // the mentor's first item on `today`
    QTest::newRow("as planned") << "2025-06-02" << "2025-05-19"
        << QStringList{"mentoring_referral:done:2025-04-21", "pre_release_meeting:due:2025-05-26", "gate_meeting:planned:2025-06-02"}
        << "pre_release_meeting:due:2025-05-26:max";
    QTest::newRow("moved a week earlier") << "2025-05-26" << "2025-05-19"
        << QStringList{"mentoring_referral:done:2025-04-14", "pre_release_meeting:due:2025-05-19", "gate_meeting:planned:2025-05-26"}
        << "pre_release_meeting:due:2025-05-19:max";
    QTest::newRow("moved earlier: the referral becomes late") << "2025-05-12" << "2025-04-30"
        << QStringList{"mentoring_referral:done:2025-03-31:late", "pre_release_meeting:due:2025-05-05", "gate_meeting:planned:2025-05-12"}
        << "pre_release_meeting:due:2025-05-05:max";
    QTest::newRow("moved a month later") << "2025-06-30" << "2025-05-19"
        << QStringList{"mentoring_referral:done:2025-05-19", "pre_release_meeting:planned:2025-06-23", "gate_meeting:planned:2025-06-30"}
        << "pre_release_meeting:upcoming:2025-06-23:max";
    QTest::newRow("moved later: the referral becomes early") << "2025-07-14" << "2025-05-19"
        << QStringList{"mentoring_referral:done:2025-06-02:early", "pre_release_meeting:planned:2025-07-07", "gate_meeting:planned:2025-07-14"}
        << "pre_release_meeting:upcoming:2025-07-07:max";
    QTest::newRow("moved onto today") << "2025-05-19" << "2025-05-19"
        << QStringList{"mentoring_referral:done:2025-04-07", "pre_release_meeting:overdue:2025-05-12", "gate_meeting:due:2025-05-19"}
        << "pre_release_meeting:overdue:2025-05-12:max";
}

void ReleaseTimelineTest::releaseDateMoves()
{
    QFETCH(QString, release);
    QFETCH(QString, today);
    QFETCH(QStringList, steps);
    QFETCH(QString, mentorNext);
    World w;
    w.setCase("release_date", "2025-06-02");
    w.referral("2025-04-07");
    (void)releaseTimeline(w.mentoringCase, w.facts, day(today)); // planned once on the old date
    w.setCase("release_date", release.toStdString());
    QCOMPARE(describe(releaseTimeline(w.mentoringCase, w.facts, day(today))).mid(0, 3), steps);
    const auto mine = dueForUser(w.user(w.mentor), w.facts, day(today));
    QVERIFY(!mine.empty());
    QCOMPARE(describeDue({mine.front()}, mine.front().what, w.names()), QStringList{mentorNext});
}

// Saturday 2025-06-07: the day is kept as the prison gave it, and the sentence names it.
void ReleaseTimelineTest::weekendRelease()
{
    World w;
    w.setCase("release_date", "2025-06-07");
    const ReleaseTimeline timeline = releaseTimeline(w.mentoringCase, w.facts, day("2025-06-01"));
    QVERIFY(timeline.weekend);
    QCOMPARE(QString::fromStdString(timeline.weekday), QString("Saturday"));
    QCOMPARE(describe(timeline).mid(1, 2),
             (QStringList{"pre_release_meeting:overdue:2025-05-31", "gate_meeting:planned:2025-06-07"}));
    QVERIFY(QString::fromStdString(timeline.sentence).contains("weekend"));
    const auto due = dueForCase(w.mentoringCase, w.facts, day("2025-06-07"));
    QCOMPARE(describeDue(due, "gate_meeting", w.names()), QStringList{"gate_meeting:due:2025-06-07:max"});
    for (const DueItem& item : due) {
        if (item.what == "gate_meeting") {
            QVERIFY2(QString::fromStdString(item.sentence).contains("Saturday"), item.sentence.c_str());
        }
    }
    // A weekday release says nothing of weekends.
    w.setCase("release_date", "2025-06-06");
    QVERIFY(!releaseTimeline(w.mentoringCase, w.facts, day("2025-06-01")).weekend);
}

// After release on 2025-06-02: the first week, then twice a week for two weeks or weekly for four,
// then fortnightly. Both the timeline's early step and the rhythm's next follow-up.
void ReleaseTimelineTest::cadence_data()
{
    QTest::addColumn<QString>("cadence");
    QTest::addColumn<QStringList>("contacts");
    QTest::addColumn<QString>("today");
    QTest::addColumn<QString>("early");
    QTest::addColumn<QString>("followup");
    QTest::newRow("twice weekly: first week") << "" << QStringList{} << "2025-06-03"
        << "early_contact:due:2025-06-15" << "community_followup:due:2025-06-09:max";
    QTest::newRow("twice weekly: next in 4 days") << "" << QStringList{"2025-06-04"} << "2025-06-05"
        << "early_contact:due:2025-06-15" << "community_followup:upcoming:2025-06-08:max";
    QTest::newRow("twice weekly: four kept") << "" << QStringList{"2025-06-04", "2025-06-07", "2025-06-10", "2025-06-13"}
        << "2025-06-14" << "early_contact:done:2025-06-15" << "community_followup:upcoming:2025-06-27:max";
    QTest::newRow("twice weekly: fell short") << "" << QStringList{"2025-06-04"} << "2025-06-16"
        << "early_contact:overdue:2025-06-15" << "community_followup:overdue:2025-06-08:max";
    QTest::newRow("weekly: first week") << "weekly_four_weeks" << QStringList{} << "2025-06-03"
        << "early_contact:due:2025-06-29" << "community_followup:due:2025-06-09:max";
    QTest::newRow("weekly: next in 7 days") << "weekly_four_weeks" << QStringList{"2025-06-04"} << "2025-06-05"
        << "early_contact:due:2025-06-29" << "community_followup:upcoming:2025-06-11:max";
    QTest::newRow("weekly: due") << "weekly_four_weeks" << QStringList{"2025-06-04"} << "2025-06-09"
        << "early_contact:due:2025-06-29" << "community_followup:due:2025-06-11:max";
    QTest::newRow("weekly: overdue") << "weekly_four_weeks" << QStringList{"2025-06-04"} << "2025-06-12"
        << "early_contact:due:2025-06-29" << "community_followup:overdue:2025-06-11:max";
    QTest::newRow("weekly: still weekly in week three") << "weekly_four_weeks"
        << QStringList{"2025-06-04", "2025-06-11", "2025-06-18"} << "2025-06-19"
        << "early_contact:due:2025-06-29" << "community_followup:upcoming:2025-06-25:max";
    QTest::newRow("weekly: four kept, then fortnightly") << "weekly_four_weeks"
        << QStringList{"2025-06-04", "2025-06-11", "2025-06-18", "2025-06-25"} << "2025-06-26"
        << "early_contact:done:2025-06-29" << "community_followup:upcoming:2025-07-09:max";
}

void ReleaseTimelineTest::cadence()
{
    QFETCH(QString, cadence);
    QFETCH(QStringList, contacts);
    QFETCH(QString, today);
    QFETCH(QString, early);
    QFETCH(QString, followup);
    World w;
    w.setCase("release_date", "2025-06-02");
    w.setCase("released_on", "2025-06-02");
    w.setCase("after_release_cadence", cadence.toStdString());
    for (const QString& contact : contacts) {
        w.record("phone:" + contact);
    }
    const ReleaseTimeline timeline = releaseTimeline(w.mentoringCase, w.facts, day(today));
    QCOMPARE(timeline.cadence, cadence.isEmpty() ? std::string("twice_weekly_two_weeks") : cadence.toStdString());
    QCOMPARE(describe(timeline).filter("early_contact"), QStringList{early});
    QCOMPARE(describeDue(dueForCase(w.mentoringCase, w.facts, day(today)), "community_followup", w.names()),
             QStringList{followup});
}

// Who is told what before release: the referral is the practitioner's, the meetings the lead mentor's.
void ReleaseTimelineTest::dueBeforeRelease_data()
{
    QTest::addColumn<QString>("today");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("items"); // what:state:due of the user's list, in its order
    QTest::newRow("practitioner, referral due") << "2025-03-24" << "practitioner"
        << QStringList{"mentoring_referral:due:2025-04-21", "pre_release_meeting:upcoming:2025-05-26",
                       "gate_meeting:upcoming:2025-06-02"};
    QTest::newRow("mentor, referral due") << "2025-03-24" << "mentor"
        << QStringList{"pre_release_meeting:upcoming:2025-05-26", "gate_meeting:upcoming:2025-06-02"};
    QTest::newRow("mentor, 10 days before") << "2025-05-23" << "mentor"
        << QStringList{"pre_release_meeting:due:2025-05-26", "gate_meeting:upcoming:2025-06-02"};
    QTest::newRow("mentor, 6 days before") << "2025-05-27" << "mentor"
        << QStringList{"pre_release_meeting:overdue:2025-05-26", "gate_meeting:upcoming:2025-06-02"};
    QTest::newRow("mentor, release day") << "2025-06-02" << "mentor"
        << QStringList{"pre_release_meeting:overdue:2025-05-26", "gate_meeting:due:2025-06-02"};
    QTest::newRow("mentor, after release without a gate record") << "2025-06-04" << "mentor"
        << QStringList{"gate_meeting:overdue:2025-06-02"};
    QTest::newRow("mentor, gate meeting forgotten after a week") << "2025-06-10" << "mentor" << QStringList{};
    QTest::newRow("another mentor sees none of it") << "2025-06-02" << "ruth" << QStringList{};
}

void ReleaseTimelineTest::dueBeforeRelease()
{
    QFETCH(QString, today);
    QFETCH(QString, user);
    QFETCH(QStringList, items);
    World w;
    w.setCase("release_date", "2025-06-02");
    const std::string id = user == "practitioner" ? w.practitioner : user == "mentor" ? w.mentor : w.ruth;
    QStringList got;
    for (const DueItem& item : dueForUser(w.user(id), w.facts, day(today))) {
        if (item.caseId == w.mentoringCase) {
            got << QString::fromStdString(item.what) + ":" + dueStateName(item.state) + ":"
                    + QString::fromStdString(item.due.toString());
        }
    }
    QCOMPARE(got, items);
}

void ReleaseTimelineTest::notAMentoringCase()
{
    World w;
    QVERIFY(!releaseTimeline(w.befriendingCase, w.facts, day("2025-03-01")).known);
    QVERIFY(!intensiveRota(w.befriendingCase, w.facts, day("2025-03-01"), 0).intensive);
    QVERIFY(!releaseTimeline(hexId(4242), w.facts, day("2025-03-01")).known);
    w.setCase("release_date", "2025-06-02");
    QVERIFY(!intensiveRota(w.mentoringCase, w.facts, day("2025-06-03"), 0).intensive); // not intensive
    w.setCase("status", "closed");
    QVERIFY(!releaseTimeline(w.mentoringCase, w.facts, day("2025-03-01")).known);
    QVERIFY(dueForCase(w.mentoringCase, w.facts, day("2025-06-02")).empty());
}

// Intensive mentoring from Monday 2025-06-02: Max Mon-Wed (and the weekly meeting), Ruth Thu-Fri,
// Lee Sat, nobody Sunday; until 2025-09-01.
void ReleaseTimelineTest::rota_data()
{
    QTest::addColumn<QStringList>("contacts");
    QTest::addColumn<QString>("today");
    QTest::addColumn<int>("minute");
    QTest::addColumn<QString>("look");     // the day whose state is checked
    QTest::addColumn<QString>("state");
    QTest::addColumn<int>("missed");
    QTest::addColumn<QStringList>("calls"); // rota_call items of the case (all owners)
    QTest::addColumn<QStringList>("flags"); // rota_missed items
    const int morning = 9 * 60;
    const int evening = 18 * 60 + 30;
    QTest::newRow("today's call due in the morning") << QStringList{"phone:2025-06-02", "phone:2025-06-03"}
        << "2025-06-04" << morning << "2025-06-04" << "due" << 0
        << QStringList{"rota_call:due:2025-06-04:max", "rota_call:upcoming:2025-06-05:ruth", "rota_call:upcoming:2025-06-07:lee"}
        << QStringList{};
    QTest::newRow("17:59 is not yet the evening") << QStringList{"phone:2025-06-02", "phone:2025-06-03"}
        << "2025-06-04" << 18 * 60 - 1 << "2025-06-04" << "due" << 0
        << QStringList{"rota_call:due:2025-06-04:max", "rota_call:upcoming:2025-06-05:ruth", "rota_call:upcoming:2025-06-07:lee"}
        << QStringList{};
    QTest::newRow("no call by the evening is flagged") << QStringList{"phone:2025-06-02", "phone:2025-06-03"}
        << "2025-06-04" << evening << "2025-06-04" << "missed" << 1
        << QStringList{"rota_call:overdue:2025-06-04:max", "rota_call:upcoming:2025-06-05:ruth", "rota_call:upcoming:2025-06-07:lee"}
        << QStringList{"rota_missed:overdue:2025-06-04:practitioner"};
    QTest::newRow("called in the evening") << QStringList{"phone:2025-06-02", "phone:2025-06-03", "phone:2025-06-04T19:10"}
        << "2025-06-04" << evening + 60 << "2025-06-04" << "called" << 0
        << QStringList{"rota_call:upcoming:2025-06-05:ruth", "rota_call:upcoming:2025-06-07:lee"} << QStringList{};
    QTest::newRow("yesterday missed") << QStringList{"phone:2025-06-02"}
        << "2025-06-04" << morning << "2025-06-03" << "missed" << 1
        << QStringList{"rota_call:due:2025-06-04:max", "rota_call:upcoming:2025-06-05:ruth", "rota_call:upcoming:2025-06-07:lee"}
        << QStringList{"rota_missed:overdue:2025-06-03:practitioner"};
    QTest::newRow("a call by anyone of the group counts") << QStringList{"meet:2025-06-02", "phone:2025-06-03"}
        << "2025-06-05" << morning << "2025-06-03" << "called" << 1
        << QStringList{"rota_call:due:2025-06-05:ruth", "rota_call:upcoming:2025-06-07:lee", "rota_call:upcoming:2025-06-09:max"}
        << QStringList{"rota_missed:overdue:2025-06-04:practitioner"};
    QTest::newRow("an uncovered Sunday ahead") << QStringList{} << "2025-06-02" << morning << "2025-06-08" << "uncovered" << 0
        << QStringList{"rota_call:due:2025-06-02:max", "rota_call:upcoming:2025-06-05:ruth", "rota_call:upcoming:2025-06-07:lee"}
        << QStringList{};
    QTest::newRow("before release: nothing to call yet") << QStringList{} << "2025-05-30" << evening << "2025-06-02"
        << "planned" << 0 << QStringList{} << QStringList{};
    QTest::newRow("the last day of the three months") << QStringList{} << "2025-09-01" << morning << "2025-09-01"
        << "due" << 91 << QStringList{"rota_call:due:2025-09-01:max"}
        << QStringList{"rota_missed:overdue:2025-08-31:practitioner"};
    QTest::newRow("after three months the rota ends") << QStringList{} << "2025-09-02" << evening << "2025-09-01"
        << "missed" << 92 << QStringList{} << QStringList{};
}

void ReleaseTimelineTest::rota()
{
    QFETCH(QStringList, contacts);
    QFETCH(QString, today);
    QFETCH(int, minute);
    QFETCH(QString, look);
    QFETCH(QString, state);
    QFETCH(int, missed);
    QFETCH(QStringList, calls);
    QFETCH(QStringList, flags);
    World w;
    w.setCase("release_date", "2025-06-02");
    w.intensive();
    for (const QString& contact : contacts) {
        w.record(contact);
    }
    const IntensiveRota rota = intensiveRota(w.mentoringCase, w.facts, day(today), minute);
    QVERIFY(rota.intensive);
    QCOMPARE(rota.from->toString(), std::string("2025-06-02"));
    QCOMPARE(rota.until->toString(), std::string("2025-09-01"));
    QCOMPARE(rota.days.size(), std::size_t{92});
    QCOMPARE(rota.weeks.size(), std::size_t{14});
    const auto found = std::find_if(rota.days.begin(), rota.days.end(), [&](const RotaDay& d) { return d.day == day(look); });
    QVERIFY(found != rota.days.end());
    QCOMPARE(rotaStateName(found->state), state);
    QCOMPARE(rota.missedDays, missed);
    const auto due = dueForCase(w.mentoringCase, w.facts, day(today), minute);
    QCOMPARE(describeDue(due, "rota_call", w.names()), calls);
    QCOMPARE(describeDue(due, "rota_missed", w.names()), flags);
}

// Each volunteer's list holds their own calls; the practitioner's holds the group's flags.
void ReleaseTimelineTest::eachVolunteerSeesTheirDays_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("today");
    QTest::addColumn<QStringList>("rota"); // the user's rota_* items
    QTest::newRow("Max on his Wednesday") << "mentor" << "2025-06-04"
        << QStringList{"rota_call:due:2025-06-04:max", "rota_meeting:due:2025-06-08:max"};
    QTest::newRow("Ruth on Max's Wednesday") << "ruth" << "2025-06-04" << QStringList{"rota_call:upcoming:2025-06-05:ruth"};
    QTest::newRow("Ruth on her Thursday") << "ruth" << "2025-06-05" << QStringList{"rota_call:due:2025-06-05:ruth"};
    QTest::newRow("Lee on Sunday") << "lee" << "2025-06-08" << QStringList{"rota_call:upcoming:2025-06-14:lee"};
    QTest::newRow("the practitioner sees the missed day") << "practitioner" << "2025-06-05"
        << QStringList{"rota_uncovered:overdue:2025-06-01:practitioner", "rota_missed:overdue:2025-06-04:practitioner",
                       "rota_call:due:2025-06-05:ruth", "rota_call:upcoming:2025-06-07:lee",
                       "rota_meeting:due:2025-06-08:max", "rota_call:upcoming:2025-06-09:max"};
}

void ReleaseTimelineTest::eachVolunteerSeesTheirDays()
{
    QFETCH(QString, user);
    QFETCH(QString, today);
    QFETCH(QStringList, rota);
    World w;
    w.setCase("release_date", "2025-06-02");
    w.setCase("released_on", "2025-06-02");
    w.intensive();
    w.record("gate:2025-06-02");
    w.record("phone:2025-06-02");
    w.record("phone:2025-06-03");
    const std::string id = user == "practitioner" ? w.practitioner
        : user == "mentor"                        ? w.mentor
        : user == "ruth"                          ? w.ruth
                                                  : w.lee;
    QStringList got;
    const auto names = w.names();
    for (const DueItem& item : dueForUser(w.user(id), w.facts, day(today), 9 * 60)) {
        if (item.what.rfind("rota_", 0) == 0) {
            got << describeDue({item}, item.what, names);
        }
    }
    QCOMPARE(got, rota);
}

// The coordinator's view of the group: who holds which days, what each has kept, what nobody holds.
void ReleaseTimelineTest::coverage()
{
    World w;
    w.setCase("release_date", "2025-06-02");
    w.intensive();
    for (const char* contact : {"phone:2025-06-02", "meet:2025-06-05", "phone:2025-06-06", "phone:2025-06-08"}) {
        w.record(contact);
    }
    const IntensiveRota rota = intensiveRota(w.mentoringCase, w.facts, day("2025-06-10"), 9 * 60);
    QCOMPARE(rota.uncoveredWeekdays, std::vector<std::string>{"sunday"});
    QCOMPARE(rota.members.size(), std::size_t{3});
    QCOMPARE(rota.members[0].volunteerId, w.mentor);
    QVERIFY(rota.members[0].weeklyMeeting);
    // Max: 2nd called, 3rd, 4th, 9th missed (the 10th is today, not yet evening).
    QCOMPARE(rota.members[0].calledDays, 1);
    QCOMPARE(rota.members[0].missedDays, 3);
    QCOMPARE(rota.members[1].calledDays, 2); // Ruth: 5th and 6th
    QCOMPARE(rota.members[2].missedDays, 1); // Lee: the 7th
    QCOMPARE(rota.calledDays, 4);            // the uncovered Sunday 8th was called all the same
    QCOMPARE(rota.missedDays, 4);
    QCOMPARE(rota.weeks.front().ownerId, w.mentor);
    QCOMPARE(rotaStateName(rota.weeks.front().state), QString("called")); // met on the 5th
    QCOMPARE(rotaStateName(rota.weeks[1].state), QString("due"));
    // Before release the practitioner is told of the uncovered day.
    const auto before = dueForCase(w.mentoringCase, w.facts, day("2025-05-25"));
    QCOMPARE(describeDue(before, "rota_uncovered", w.names()), QStringList{"rota_uncovered:due:2025-06-01:practitioner"});
}

QTEST_APPLESS_MAIN(ReleaseTimelineTest)
#include "releasetimelinetest.moc"
