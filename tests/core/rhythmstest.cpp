// The rhythms: what is due and overdue on a day, for a case and for a caseload.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "rules/rhythms.h"
#include "rules/reasons.h"

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

QString stateName(DueState state)
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

const DueItem* find(const std::vector<DueItem>& items, const std::string& what)
{
    for (const auto& item : items) {
        if (item.what == what) {
            return &item;
        }
    }
    return nullptr;
}

// "what:state:due" for one item, or "-" when there is none.
QString describe(const std::vector<DueItem>& items, const std::string& what)
{
    const auto* item = find(items, what);
    return item == nullptr ? "-"
                           : QString::fromStdString(what) + ":" + stateName(item->state) + ":"
            + QString::fromStdString(item->due.toString());
}

void setField(Scenario& s, const std::string& type, const std::string& id, const std::string& field,
              const std::string& value)
{
    auto record = *s.facts.record(type, id);
    if (value.empty()) {
        record.fields.erase(field);
    } else {
        record.fields[field] = value;
    }
    s.facts.put(record);
}

} // namespace

class RhythmsTest : public QObject
{
    Q_OBJECT

private slots:
    void befriendingContact_data();
    void befriendingContact();
    void onlyContactsAboutTheMatchedPerson();
    void reviews_data();
    void reviews();
    void triage_data();
    void triage();
    void playFirstContact_data();
    void playFirstContact();
    void volunteerFirstContact_data();
    void volunteerFirstContact();
    void playSessionsMinimum_data();
    void playSessionsMinimum();
    void communitySupport_data();
    void communitySupport();
    void communitySupportWeekly_data();
    void communitySupportWeekly();
    void welfareGrantHandover_data();
    void welfareGrantHandover();
    void carePlanActions_data();
    void carePlanActions();
    void closedCaseHasNothing();
    void caseloadOrderAndOwners();
    void playSessionMinutes_data();
    void playSessionMinutes();
    void referralFlow_data();
    void referralFlow();
    void pausedWhenNotCleared_data();
    void pausedWhenNotCleared();
    void pausedOnTheCaseload();
    void sessionMinutesByAgeBand_data();
    void sessionMinutesByAgeBand();
};

// Match started 2025-01-10; `lastContact` the day of the last session report ("" none).
void RhythmsTest::befriendingContact_data()
{
    QTest::addColumn<QString>("lastContact");
    QTest::addColumn<QString>("today");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("day 0") << "2025-03-01" << "2025-03-01" << "befriending_contact:upcoming:2025-03-15"
                           << "Contact Irina: last contact 0 days ago (every 7-14 days)";
    QTest::newRow("day 6") << "2025-03-01" << "2025-03-07" << "befriending_contact:upcoming:2025-03-15" << "";
    QTest::newRow("day 7") << "2025-03-01" << "2025-03-08" << "befriending_contact:due:2025-03-15" << "";
    QTest::newRow("day 14") << "2025-03-01" << "2025-03-15" << "befriending_contact:due:2025-03-15"
                            << "Contact Irina: last contact 14 days ago (every 7-14 days)";
    QTest::newRow("day 15") << "2025-03-01" << "2025-03-16" << "befriending_contact:overdue:2025-03-15"
                            << "Contact Irina: last contact 15 days ago (every 7-14 days)";
    QTest::newRow("no contact since the start, day 14") << "" << "2025-01-24" << "befriending_contact:due:2025-01-24"
                                                        << "Contact Irina: no contact since the match started 14 days ago (every 7-14 days)";
    QTest::newRow("no contact since the start, day 15") << "" << "2025-01-25"
                                                        << "befriending_contact:overdue:2025-01-24" << "";
    QTest::newRow("a future-dated record does not count") << "2025-03-20" << "2025-01-25"
                                                          << "befriending_contact:overdue:2025-01-24" << "";
}

void RhythmsTest::befriendingContact()
{
    QFETCH(QString, lastContact);
    QFETCH(QString, today);
    QFETCH(QString, expected);
    QFETCH(QString, sentence);
    Scenario s;
    if (!lastContact.isEmpty()) {
        s.recordContact("session_report", s.befriendingCase, s.irina, "2025-02-01T10:00:00Z", s.befriender);
        s.recordContact("contact_sheet", s.befriendingCase, s.irina, lastContact.toStdString() + "T18:00:00Z",
                        s.befriender);
    }
    const auto items = dueForCase(s.befriendingCase, s.facts, day(today));
    QCOMPARE(describe(items, "befriending_contact"), expected);
    QCOMPARE(find(items, "befriending_contact")->ownerId, s.befriender);
    QCOMPARE(find(items, "befriending_contact")->personId, s.irina);
    if (!sentence.isEmpty()) {
        QCOMPARE(QString::fromStdString(find(items, "befriending_contact")->sentence), sentence);
    }
}

void RhythmsTest::onlyContactsAboutTheMatchedPerson()
{
    Scenario s;
    s.recordContact("session_report", s.befriendingCase, s.otherPerson, "2025-03-01T10:00:00Z", s.befriender);
    const auto items = dueForCase(s.befriendingCase, s.facts, day("2025-03-01"));
    QCOMPARE(describe(items, "befriending_contact"), QString("befriending_contact:overdue:2025-01-24"));
}

void RhythmsTest::reviews_data()
{
    QTest::addColumn<QString>("today");
    QTest::addColumn<QString>("done"); // review_3m_on / review_6m_on set
    QTest::addColumn<QString>("review3");
    QTest::addColumn<QString>("review6");
    QTest::newRow("too early to list") << "2025-03-01" << "" << "-" << "-";
    QTest::newRow("3 months, listed") << "2025-03-20" << "" << "review_3m:upcoming:2025-04-10" << "-";
    QTest::newRow("3 months, due") << "2025-03-27" << "" << "review_3m:due:2025-04-10" << "-";
    QTest::newRow("3 months, on the day") << "2025-04-10" << "" << "review_3m:due:2025-04-10" << "-";
    QTest::newRow("3 months, overdue") << "2025-04-11" << "" << "review_3m:overdue:2025-04-10" << "-";
    QTest::newRow("3 months held") << "2025-04-11" << "3" << "-" << "-";
    QTest::newRow("6 months due") << "2025-07-05" << "3" << "-" << "review_6m:due:2025-07-10";
    QTest::newRow("6 months overdue") << "2025-07-11" << "3" << "-" << "review_6m:overdue:2025-07-10";
    QTest::newRow("both held") << "2025-07-11" << "36" << "-" << "-";
}

void RhythmsTest::reviews()
{
    QFETCH(QString, today);
    QFETCH(QString, done);
    QFETCH(QString, review3);
    QFETCH(QString, review6);
    Scenario s;
    if (done.contains('3')) {
        setField(s, "match", s.befriendingMatch, "review_3m_on", "2025-04-09");
    }
    if (done.contains('6')) {
        setField(s, "match", s.befriendingMatch, "review_6m_on", "2025-07-09");
    }
    const auto items = dueForCase(s.befriendingCase, s.facts, day(today));
    QCOMPARE(describe(items, "review_3m"), review3);
    QCOMPARE(describe(items, "review_6m"), review6);
}

void RhythmsTest::triage_data()
{
    QTest::addColumn<QString>("arrivedAt");
    QTest::addColumn<QString>("today");
    QTest::addColumn<bool>("triaged");
    QTest::addColumn<QString>("expected");
    QTest::newRow("arrival day") << "2025-03-01T10:00:00Z" << "2025-03-01" << false << "triage:due:2025-03-04";
    QTest::newRow("72 hours later") << "2025-03-01T10:00:00Z" << "2025-03-04" << false << "triage:due:2025-03-04";
    QTest::newRow("day after the deadline") << "2025-03-01T10:00:00Z" << "2025-03-05" << false
                                            << "triage:overdue:2025-03-04";
    QTest::newRow("late-evening arrival") << "2025-03-01T23:30:00Z" << "2025-03-04" << false << "triage:due:2025-03-04";
    QTest::newRow("over the month end") << "2025-02-27T08:00:00Z" << "2025-03-03" << false
                                        << "triage:overdue:2025-03-02";
    QTest::newRow("triaged") << "2025-03-01T10:00:00Z" << "2025-03-05" << true << "-";
    QTest::newRow("no arrival recorded") << "" << "2025-03-05" << false << "-";
}

void RhythmsTest::triage()
{
    QFETCH(QString, arrivedAt);
    QFETCH(QString, today);
    QFETCH(bool, triaged);
    QFETCH(QString, expected);
    Scenario s;
    setField(s, "case", s.otherCase, "arrived_at", arrivedAt.toStdString());
    if (triaged) {
        s.put("triage", hexId(90), R"({"case_id":")" + s.otherCase + R"(","outcome":"accepted"})");
    }
    QCOMPARE(describe(dueForCase(s.otherCase, s.facts, day(today)), "triage"), expected);
}

// The play case waits for first contact since 2025-03-01; attempts are "day|method|outcome".
void RhythmsTest::playFirstContact_data()
{
    QTest::addColumn<QStringList>("attempts");
    QTest::addColumn<QString>("today");
    QTest::addColumn<QString>("firstContact");
    QTest::addColumn<QString>("letter");
    QTest::addColumn<QString>("close");
    QTest::newRow("new referral") << QStringList{} << "2025-03-01" << "first_contact_carer:due:2025-03-08" << "-" << "-";
    QTest::newRow("day 7") << QStringList{} << "2025-03-08" << "first_contact_carer:due:2025-03-08" << "-" << "-";
    QTest::newRow("day 8") << QStringList{} << "2025-03-09" << "first_contact_carer:overdue:2025-03-08" << "-" << "-";
    QTest::newRow("two failed attempts") << QStringList{"2025-03-02|phone|no_answer", "2025-03-04|phone|left_message"}
                                         << "2025-03-05" << "first_contact_carer:due:2025-03-08" << "-" << "-";
    QTest::newRow("three failed attempts: letter")
        << QStringList{"2025-03-02|phone|no_answer", "2025-03-04|phone|left_message", "2025-03-06|text_message|no_answer"}
        << "2025-03-07" << "-" << "carer_letter:due:2025-03-13" << "-";
    QTest::newRow("letter overdue") << QStringList{"2025-03-02|phone|no_answer", "2025-03-04|phone|no_answer",
                                                   "2025-03-06|phone|wrong_number"}
                                    << "2025-03-14" << "-" << "carer_letter:overdue:2025-03-13" << "-";
    QTest::newRow("letter sent: close as no support required")
        << QStringList{"2025-03-02|phone|no_answer", "2025-03-04|phone|no_answer", "2025-03-06|phone|no_answer",
                       "2025-03-07|letter|no_answer"}
        << "2025-03-07" << "-" << "-" << "no_support_required:due:2025-03-07";
    QTest::newRow("reached on the third attempt")
        << QStringList{"2025-03-02|phone|no_answer", "2025-03-04|phone|no_answer", "2025-03-06|phone|reached"}
        << "2025-03-07" << "-" << "-" << "-";
}

void RhythmsTest::playFirstContact()
{
    QFETCH(QStringList, attempts);
    QFETCH(QString, today);
    QFETCH(QString, firstContact);
    QFETCH(QString, letter);
    QFETCH(QString, close);
    Scenario s;
    setField(s, "case", s.playCase, "referral_status", "awaiting_first_contact");
    setField(s, "case", s.playCase, "referral_status_since", "2025-03-01");
    s.facts.remove("match", s.playMatch);
    int n = 0;
    for (const auto& attempt : attempts) {
        const auto parts = attempt.split('|');
        s.put("carer_contact_attempt", hexId(9100 + n++),
              R"({"case_id":")" + s.playCase + R"(","attempted_at":")" + parts[0].toStdString()
                  + R"(T10:00:00Z","method":")" + parts[1].toStdString() + R"(","outcome":")" + parts[2].toStdString()
                  + R"("})",
              s.practitioner);
    }
    const auto items = dueForCase(s.playCase, s.facts, day(today));
    QCOMPARE(describe(items, "first_contact_carer"), firstContact);
    QCOMPARE(describe(items, "carer_letter"), letter);
    QCOMPARE(describe(items, "no_support_required"), close);
}

void RhythmsTest::volunteerFirstContact_data()
{
    QTest::addColumn<QString>("contactedOn"); // the volunteer's play session ("" none)
    QTest::addColumn<QString>("today");
    QTest::addColumn<QString>("expected");
    QTest::newRow("report received") << "" << "2025-02-01" << "volunteer_first_contact:due:2025-02-08";
    QTest::newRow("day 7") << "" << "2025-02-08" << "volunteer_first_contact:due:2025-02-08";
    QTest::newRow("day 8") << "" << "2025-02-09" << "volunteer_first_contact:overdue:2025-02-08";
    QTest::newRow("contacted") << "2025-02-05" << "2025-02-09" << "-";
    QTest::newRow("a session before the report does not count") << "2025-01-20" << "2025-02-09"
                                                                << "volunteer_first_contact:overdue:2025-02-08";
}

void RhythmsTest::volunteerFirstContact()
{
    QFETCH(QString, contactedOn);
    QFETCH(QString, today);
    QFETCH(QString, expected);
    Scenario s;
    s.put("first_contact_report", hexId(91),
          R"({"case_id":")" + s.playCase + R"(","carer_id":")" + s.sam + R"(","contacted_on":"2025-01-25","sent_to_volunteer":")"
              + s.playVolunteer + R"(","sent_on":"2025-02-01"})",
          s.practitioner);
    if (!contactedOn.isEmpty()) {
        s.recordContact("play_session", s.playCase, s.maya, contactedOn.toStdString() + "T10:00:00Z", s.playVolunteer);
    }
    const auto items = dueForCase(s.playCase, s.facts, day(today));
    QCOMPARE(describe(items, "volunteer_first_contact"), expected);
    if (const auto* item = find(items, "volunteer_first_contact")) {
        QCOMPARE(item->ownerId, s.playVolunteer);
        QCOMPARE(item->sentence, std::string("Contact Sam within 7 days of receiving the First Contact Report"));
    }
}

void RhythmsTest::playSessionsMinimum_data()
{
    QTest::addColumn<int>("sessions");
    QTest::addColumn<QString>("today");
    QTest::addColumn<QString>("expected");
    // Match started 2025-01-10: six weekly sessions by 2025-02-21.
    QTest::newRow("none yet") << 0 << "2025-01-10" << "play_sessions_min:upcoming:2025-02-21";
    QTest::newRow("last week") << 3 << "2025-02-15" << "play_sessions_min:due:2025-02-21";
    QTest::newRow("behind") << 5 << "2025-02-22" << "play_sessions_min:overdue:2025-02-21";
    QTest::newRow("six held") << 6 << "2025-02-22" << "-";
}

void RhythmsTest::playSessionsMinimum()
{
    QFETCH(int, sessions);
    QFETCH(QString, today);
    QFETCH(QString, expected);
    Scenario s;
    for (int i = 0; i < sessions; ++i) {
        s.recordContact("play_session", s.playCase, s.maya, Date{2025, 1, 11}.addDays(7 * i).toString() + "T10:00:00Z",
                        s.playVolunteer);
    }
    const auto items = dueForCase(s.playCase, s.facts, day(today));
    QCOMPARE(describe(items, "play_sessions_min"), expected);
    if (sessions < 6) {
        QCOMPARE(find(items, "play_sessions_min")->sentence,
                 std::to_string(sessions) + " of at least 6 play sessions with Maya held");
    }
}

// Released 2025-03-03 (a Monday); contacts are days; `today` is the day asked about.
void RhythmsTest::communitySupport_data()
{
    QTest::addColumn<QStringList>("contacts");
    QTest::addColumn<QString>("today");
    QTest::addColumn<QString>("followup");
    QTest::addColumn<QString>("end");
    QTest::newRow("before release") << QStringList{} << "2025-03-02" << "-" << "-";
    QTest::newRow("release day") << QStringList{} << "2025-03-03" << "community_followup:due:2025-03-10" << "-";
    QTest::newRow("first week missed") << QStringList{} << "2025-03-11" << "community_followup:overdue:2025-03-10" << "-";
    QTest::newRow("twice weekly: next within 4 days") << QStringList{"2025-03-04"} << "2025-03-05"
                                                      << "community_followup:upcoming:2025-03-08" << "-";
    QTest::newRow("twice weekly: due") << QStringList{"2025-03-04"} << "2025-03-07"
                                       << "community_followup:due:2025-03-08" << "-";
    QTest::newRow("twice weekly: overdue") << QStringList{"2025-03-04"} << "2025-03-09"
                                           << "community_followup:overdue:2025-03-08" << "-";
    QTest::newRow("last intensive contact") << QStringList{"2025-03-04", "2025-03-07", "2025-03-12"} << "2025-03-13"
                                            << "community_followup:upcoming:2025-03-16" << "-";
    QTest::newRow("then fortnightly") << QStringList{"2025-03-04", "2025-03-07", "2025-03-10", "2025-03-14"}
                                      << "2025-03-20" << "community_followup:upcoming:2025-03-28" << "-";
    QTest::newRow("fortnightly overdue") << QStringList{"2025-04-01"} << "2025-04-16"
                                         << "community_followup:overdue:2025-04-15" << "-";
    QTest::newRow("end approaching") << QStringList{"2025-08-25"} << "2025-08-25"
                                     << "community_followup:upcoming:2025-09-03"
                                     << "community_support_end:due:2025-09-03";
    QTest::newRow("ended") << QStringList{"2025-08-25"} << "2025-09-04" << "-" << "community_support_end:overdue:2025-09-03";
    QTest::newRow("ended with feedback") << QStringList{"2025-08-25", "feedback"} << "2025-09-04" << "-" << "-";
}

void RhythmsTest::communitySupport()
{
    QFETCH(QStringList, contacts);
    QFETCH(QString, today);
    QFETCH(QString, followup);
    QFETCH(QString, end);
    Scenario s;
    setField(s, "case", s.otherCase, "stream", "casework");
    setField(s, "case", s.otherCase, "released_on", "2025-03-03");
    for (const auto& contact : contacts) {
        if (contact == "feedback") {
            s.put("feedback_survey", hexId(92), R"({"case_id":")" + s.otherCase + R"(","completed_on":"2025-09-01"})");
        } else {
            s.recordContact("session_report", s.otherCase, s.otherPerson, contact.toStdString() + "T12:00:00Z",
                            s.otherPractitioner);
        }
    }
    const auto items = dueForCase(s.otherCase, s.facts, day(today));
    QCOMPARE(describe(items, "community_followup"), followup);
    QCOMPARE(describe(items, "community_support_end"), end);
}

// The toolkit's alternative: weekly for about the first four weeks, then fortnightly.
void RhythmsTest::communitySupportWeekly_data()
{
    QTest::addColumn<QStringList>("contacts");
    QTest::addColumn<QString>("today");
    QTest::addColumn<QString>("followup");
    QTest::newRow("release day") << QStringList{} << "2025-03-03" << "community_followup:due:2025-03-10";
    QTest::newRow("weekly: next within 7 days") << QStringList{"2025-03-05"} << "2025-03-06"
                                                << "community_followup:upcoming:2025-03-12";
    QTest::newRow("weekly: due two days before") << QStringList{"2025-03-05"} << "2025-03-10"
                                                 << "community_followup:due:2025-03-12";
    QTest::newRow("weekly: overdue") << QStringList{"2025-03-05"} << "2025-03-13"
                                     << "community_followup:overdue:2025-03-12";
    QTest::newRow("weekly through week four") << QStringList{"2025-03-05", "2025-03-12", "2025-03-19"} << "2025-03-20"
                                              << "community_followup:upcoming:2025-03-26";
    QTest::newRow("then fortnightly") << QStringList{"2025-03-05", "2025-03-12", "2025-03-19", "2025-03-26"}
                                      << "2025-03-27" << "community_followup:upcoming:2025-04-09";
}

void RhythmsTest::communitySupportWeekly()
{
    QFETCH(QStringList, contacts);
    QFETCH(QString, today);
    QFETCH(QString, followup);
    Scenario s;
    setField(s, "case", s.otherCase, "stream", "casework");
    setField(s, "case", s.otherCase, "released_on", "2025-03-03");
    setField(s, "case", s.otherCase, "after_release_cadence", "weekly_four_weeks");
    for (const auto& contact : contacts) {
        s.recordContact("session_report", s.otherCase, s.otherPerson, contact.toStdString() + "T12:00:00Z",
                        s.otherPractitioner);
    }
    QCOMPARE(describe(dueForCase(s.otherCase, s.facts, day(today)), "community_followup"), followup);
}

// An approved grant is handed over on release day when the decision came before it, else within
// a week of the decision; a declined one, or one handed over, leaves nothing to do.
void RhythmsTest::welfareGrantHandover_data()
{
    QTest::addColumn<QString>("releaseDate");
    QTest::addColumn<QString>("decision"); // approved, declined, ""
    QTest::addColumn<bool>("handedOver");
    QTest::addColumn<QString>("today");
    QTest::addColumn<QString>("expected");
    QTest::newRow("approved before release") << "2025-03-20" << "approved" << false << "2025-03-10"
                                             << "welfare_grant_handover:upcoming:2025-03-20";
    QTest::newRow("release day") << "2025-03-20" << "approved" << false << "2025-03-20"
                                 << "welfare_grant_handover:due:2025-03-20";
    QTest::newRow("not handed over on release day") << "2025-03-20" << "approved" << false << "2025-03-21"
                                                    << "welfare_grant_handover:overdue:2025-03-20";
    QTest::newRow("no release date: within a week") << "" << "approved" << false << "2025-03-10"
                                                    << "welfare_grant_handover:due:2025-03-12";
    QTest::newRow("decided after release: within a week") << "2025-03-01" << "approved" << false << "2025-03-13"
                                                          << "welfare_grant_handover:overdue:2025-03-12";
    QTest::newRow("handed over") << "2025-03-20" << "approved" << true << "2025-03-21" << "-";
    QTest::newRow("declined") << "2025-03-20" << "declined" << false << "2025-03-21" << "-";
    QTest::newRow("not decided") << "2025-03-20" << "" << false << "2025-03-21" << "-";
}

void RhythmsTest::welfareGrantHandover()
{
    QFETCH(QString, releaseDate);
    QFETCH(QString, decision);
    QFETCH(bool, handedOver);
    QFETCH(QString, today);
    QFETCH(QString, expected);
    Scenario s;
    setField(s, "case", s.befriendingCase, "release_date", releaseDate.toStdString());
    const std::string request = hexId(93);
    s.put("welfare_grant_request", request,
          R"({"case_id":")" + s.befriendingCase + R"(","person_id":")" + s.irina
              + R"(","requested_on":"2025-03-01","purpose":"food","amount_pence":2000,"justification":"x"})");
    if (!decision.isEmpty()) {
        s.put("welfare_grant_decision", hexId(94),
              R"({"case_id":")" + s.befriendingCase + R"(","request_id":")" + request
                  + R"(","decided_on":"2025-03-05","decision":")" + decision.toStdString() + R"("})");
    }
    if (handedOver) {
        s.put("welfare_grant_handover", hexId(95),
              R"({"case_id":")" + s.befriendingCase + R"(","request_id":")" + request
                  + R"(","handed_over_on":"2025-03-20","items":["food_vouchers"],"received":true})");
    }
    QCOMPARE(describe(dueForCase(s.befriendingCase, s.facts, day(today)), "welfare_grant_handover"), expected);
}

void RhythmsTest::carePlanActions_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("today");
    QTest::addColumn<QString>("expected");
    QTest::newRow("far off") << "not_started" << "2025-03-01" << "-";
    QTest::newRow("listed") << "in_progress" << "2025-04-17" << "care_plan_action:upcoming:2025-05-01";
    QTest::newRow("due") << "in_progress" << "2025-04-24" << "care_plan_action:due:2025-05-01";
    QTest::newRow("overdue") << "not_started" << "2025-05-02" << "care_plan_action:overdue:2025-05-01";
    QTest::newRow("done") << "done" << "2025-05-02" << "-";
    QTest::newRow("dropped") << "dropped" << "2025-05-02" << "-";
}

void RhythmsTest::carePlanActions()
{
    QFETCH(QString, status);
    QFETCH(QString, today);
    QFETCH(QString, expected);
    Scenario s;
    s.put("care_plan_action", hexId(93),
          R"({"case_id":")" + s.otherCase + R"(","action":"Arrange a visit","owner":"practitioner","due_on":"2025-05-01","status":")"
              + status.toStdString() + R"("})");
    QCOMPARE(describe(dueForCase(s.otherCase, s.facts, day(today)), "care_plan_action"), expected);
}

void RhythmsTest::closedCaseHasNothing()
{
    Scenario s;
    setField(s, "case", s.befriendingCase, "status", "closed");
    QVERIFY(dueForCase(s.befriendingCase, s.facts, day("2025-06-01")).empty());
    QVERIFY(dueForCase(hexId(999), s.facts, day("2025-06-01")).empty());
}

void RhythmsTest::caseloadOrderAndOwners()
{
    Scenario s;
    // Befriending contact overdue; a care plan action on the same case not yet due.
    s.put("care_plan_action", hexId(94),
          R"({"case_id":")" + s.befriendingCase + R"(","action":"Call school","owner":"practitioner","due_on":"2025-03-10","status":"not_started"})");
    s.put("care_plan_action", hexId(95),
          R"({"case_id":")" + s.befriendingCase + R"(","action":"Letter","owner":"practitioner","due_on":"2025-02-25","status":"not_started"})");
    const Date today{2025, 3, 1};

    const auto forBefriender = dueForUser(s.user(s.befriender), s.facts, today);
    QCOMPARE(forBefriender.size(), std::size_t(1));
    QCOMPARE(forBefriender.front().what, std::string("befriending_contact"));
    QCOMPARE(forBefriender.front().state, DueState::Overdue);

    const auto forPractitioner = dueForUser(s.user(s.practitioner), s.facts, today);
    QStringList order;
    for (const auto& item : forPractitioner) {
        order << QString::fromStdString(item.what) + ":" + stateName(item.state);
    }
    // Overdue first (by date), then the rest by date.
    QCOMPARE(order, (QStringList{"befriending_contact:overdue", "play_sessions_min:overdue",
                                 "care_plan_action:overdue", "care_plan_action:upcoming"}));

    QVERIFY(dueForUser(s.user(s.manager), s.facts, today).empty());
    QVERIFY(dueForUser(s.user(s.visitor), s.facts, today).empty());
    const auto forPlay = dueForUser(s.user(s.playVolunteer), s.facts, today);
    QCOMPARE(forPlay.size(), std::size_t(1));
    QCOMPARE(forPlay.front().what, std::string("play_sessions_min"));
}

void RhythmsTest::playSessionMinutes_data()
{
    QTest::addColumn<QString>("born");
    QTest::addColumn<QString>("on");
    QTest::addColumn<int>("min"); // 0: no range
    QTest::addColumn<int>("max");
    QTest::newRow("17 months") << "2023-10-02" << "2025-03-01" << 0 << 0;
    QTest::newRow("18 months") << "2023-09-01" << "2025-03-01" << 20 << 30;
    QTest::newRow("2 years 11 months") << "2022-04-01" << "2025-03-01" << 20 << 30;
    QTest::newRow("3rd birthday") << "2022-03-01" << "2025-03-01" << 25 << 40;
    QTest::newRow("5") << "2019-03-02" << "2025-03-01" << 25 << 40;
    QTest::newRow("6th birthday") << "2019-03-01" << "2025-03-01" << 35 << 50;
    QTest::newRow("10") << "2014-03-02" << "2025-03-01" << 35 << 50;
    QTest::newRow("11th birthday") << "2014-03-01" << "2025-03-01" << 45 << 60;
    QTest::newRow("16") << "2008-03-02" << "2025-03-01" << 45 << 60;
    QTest::newRow("17th birthday") << "2008-03-01" << "2025-03-01" << 0 << 0;
    QTest::newRow("29 Feb child on 28 Feb of a common year, still 2") << "2020-02-29" << "2023-02-28" << 20 << 30;
    QTest::newRow("29 Feb child on 1 Mar of a common year, 3") << "2020-02-29" << "2023-03-01" << 25 << 40;
}

void RhythmsTest::playSessionMinutes()
{
    QFETCH(QString, born);
    QFETCH(QString, on);
    QFETCH(int, min);
    QFETCH(int, max);
    const auto range = fieldbook::playSessionMinutes(day(born), day(on));
    QCOMPARE(range.has_value(), min != 0);
    if (range) {
        QCOMPARE(range->min, min);
        QCOMPARE(range->max, max);
    }
}

void RhythmsTest::referralFlow_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("new referral") << "" << "awaiting_first_contact" << true;
    QTest::newRow("new referral straight to matched") << "" << "active_matched" << false;
    QTest::newRow("first contact made") << "awaiting_first_contact" << "awaiting_matching" << true;
    QTest::newRow("multiple attempts") << "awaiting_first_contact" << "no_support_required" << true;
    QTest::newRow("skip matching") << "awaiting_first_contact" << "active_matched" << false;
    QTest::newRow("matched") << "awaiting_matching" << "active_matched" << true;
    QTest::newRow("back to first contact") << "awaiting_matching" << "awaiting_first_contact" << false;
    QTest::newRow("close") << "active_matched" << "closed" << true;
    QTest::newRow("volunteer left") << "active_matched" << "awaiting_matching" << true;
    QTest::newRow("closed is final") << "closed" << "active_matched" << false;
    QTest::newRow("no support required is final") << "no_support_required" << "awaiting_matching" << false;
    QTest::newRow("staying") << "awaiting_matching" << "awaiting_matching" << true;
    QTest::newRow("unknown") << "awaiting_matching" << "paused" << false;
}

void RhythmsTest::referralFlow()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, allowed);
    QCOMPARE(playReferralTransitionAllowed(from.toStdString(), to.toStdString()), allowed);
}

void RhythmsTest::pausedWhenNotCleared_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("state");
    QTest::addColumn<bool>("samePerson");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expected"); // the state after
    const char* codes[] = {"consent_withdrawn", "consent_missing", "restricted", "protection_check_missing",
                           "vetting_invalid", "after_ending"};
    for (const char* what : {"befriending_contact", "volunteer_first_contact", "play_sessions_min", "community_followup"}) {
        for (const char* code : codes) {
            QTest::addRow("%s overdue, %s", what, code) << what << "overdue" << true << code << "paused";
        }
        QTest::addRow("%s due, restricted", what) << what << "due" << true << "restricted" << "paused";
        QTest::addRow("%s upcoming, restricted", what) << what << "upcoming" << true << "restricted" << "paused";
        QTest::addRow("%s overdue, cleared", what) << what << "overdue" << true << "" << "overdue";
        QTest::addRow("%s overdue, someone else", what) << what << "overdue" << false << "consent_withdrawn" << "overdue";
    }
    for (const char* what : {"review_3m", "review_6m", "triage", "carer_letter", "no_support_required",
                             "first_contact_carer", "community_support_end", "care_plan_action"}) {
        QTest::addRow("%s is not contact", what) << what << "overdue" << true << "consent_withdrawn" << "overdue";
    }
}

void RhythmsTest::pausedWhenNotCleared()
{
    QFETCH(QString, what);
    QFETCH(QString, state);
    QFETCH(bool, samePerson);
    QFETCH(QString, code);
    QFETCH(QString, expected);
    DueItem item;
    item.caseId = hexId(10);
    item.personId = hexId(2);
    item.what = what.toStdString();
    item.sentence = "Contact Irina: last contact 20 days ago (every 7-14 days)";
    item.due = day("2025-03-01");
    item.state = state == "overdue" ? DueState::Overdue : state == "due" ? DueState::Due : DueState::Upcoming;
    const DueItem after = pausedUnlessCleared(item, samePerson ? hexId(2) : hexId(3), code.toStdString());
    QCOMPARE(stateName(after.state), expected);
    QCOMPARE(after.due, item.due);
    if (expected == "paused") {
        QCOMPARE(QString::fromStdString(after.pausedReason), code);
        QVERIFY2(after.sentence.find(reasonShort(code.toStdString())) != std::string::npos, after.sentence.c_str());
        QVERIFY(after.sentence.rfind("Paused", 0) == 0);
    } else {
        QVERIFY(after.pausedReason.empty());
        QCOMPARE(after.sentence, item.sentence);
    }
    const QStringList contactRhythms{"befriending_contact", "volunteer_first_contact", "play_sessions_min",
                                     "community_followup"};
    QCOMPARE(isContactRhythm(item.what), contactRhythms.contains(what));
}

void RhythmsTest::pausedOnTheCaseload()
{
    // The befriender's overdue contact, once consent is withdrawn, is paused with the reason.
    Scenario s;
    s.consent(hexId(44), s.prisoner, s.irina, "contact", "withdrawn", "2025-02-01T10:00:00Z");
    const auto items = dueForUser(s.user(s.befriender), s.facts, day("2025-03-01"));
    const auto* contact = find(items, "befriending_contact");
    QVERIFY(contact);
    QCOMPARE(stateName(contact->state), QString("overdue"));
    const DueItem paused = pausedUnlessCleared(*contact, s.irina, "consent_withdrawn");
    QCOMPARE(stateName(paused.state), QString("paused"));
    QVERIFY(paused.sentence.find("consent withdrawn") != std::string::npos);
    QVERIFY(paused.sentence.find("Overdue") == std::string::npos);
}

void RhythmsTest::sessionMinutesByAgeBand_data()
{
    QTest::addColumn<QString>("band");
    QTest::addColumn<int>("min");
    QTest::addColumn<int>("max"); // 0, 0: no guidance
    QTest::newRow("0-2") << "0-2" << 20 << 30;
    QTest::newRow("3-5") << "3-5" << 25 << 40;
    QTest::newRow("6-10") << "6-10" << 35 << 50;
    QTest::newRow("11-15") << "11-15" << 45 << 60;
    QTest::newRow("16-17") << "16-17" << 45 << 60;
    QTest::newRow("18+") << "18+" << 0 << 0;
    QTest::newRow("empty") << "" << 0 << 0;
    QTest::newRow("not a band") << "4-7" << 0 << 0;
    QTest::newRow("a date is not a band") << "2020-01-01" << 0 << 0;
}

void RhythmsTest::sessionMinutesByAgeBand()
{
    QFETCH(QString, band);
    QFETCH(int, min);
    QFETCH(int, max);
    const auto minutes = playSessionMinutesForAgeBand(band.toStdString());
    QCOMPARE(minutes.has_value(), max > 0);
    if (minutes) {
        QCOMPARE(minutes->min, min);
        QCOMPARE(minutes->max, max);
    }
}

QTEST_APPLESS_MAIN(RhythmsTest)
#include "rhythmstest.moc"
