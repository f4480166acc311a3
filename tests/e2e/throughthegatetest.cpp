// Through the gate on a mentor's phone, against the real server over TLS: the demo mentor syncs
// and finds the prison meeting due and the gate meeting on the release day of the mentee released
// in 10 days; the practitioner moves the release date on their phone; after the mentor's next sync
// every step has moved with it. The intensive case shows the whole group on the mentor's phone.
#include "devicefixture.h"
#include "model/dates.h"
#include "rules/releasetimeline.h"
#include "rules/rhythms.h"

#include <QDateTime>
#include <QtTest>

using namespace fieldbook;

namespace {

Date todayUtc()
{
    const QDate today = QDateTime::currentDateTimeUtc().date();
    return Date{today.year(), today.month(), today.day()};
}

const DueItem* itemOf(const std::vector<DueItem>& items, const std::string& caseId, const std::string& what)
{
    for (const DueItem& item : items) {
        if (item.caseId == caseId && item.what == what) {
            return &item;
        }
    }
    return nullptr;
}

} // namespace

class ThroughTheGateTest : public QObject
{
    Q_OBJECT

private slots:
    void movingTheReleaseDateMovesTheMentorsItems()
    {
        testsupport::TestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QJsonObject seed = e2e::seedDemo(server);
        const QString mentorId = e2e::demoUser(seed, QStringLiteral("mentor")).value("user_id").toString();
        const QString practitionerId = e2e::demoUser(seed, QStringLiteral("practitioner")).value("user_id").toString();
        QVERIFY(!mentorId.isEmpty() && !practitionerId.isEmpty());
        const User mentor{mentorId.toStdString(), "Dev", RoleSet{Role::Mentor}, "north"};
        const Date today = todayUtc();

        e2e::Device phone(server, mentorId, RoleSet{Role::Mentor});
        const auto first = phone.sync();
        QVERIFY2(first.ok, qPrintable(first.message));

        // The mentee released in 10 days: found by the release date the mentor's phone holds.
        std::string kyleCase;
        std::string marcusCase;
        for (const Record& theCase : phone.store->facts().recordsWhere("case", "stream", "mentoring")) {
            if (theCase.text("release_date") == today.addDays(10).toString()) {
                kyleCase = theCase.id;
            }
            if (theCase.text("mentoring_service") == "intensive") {
                marcusCase = theCase.id;
            }
        }
        QVERIFY2(!kyleCase.empty(), "the mentor's phone holds the case released in 10 days");
        auto due = dueForUser(mentor, phone.store->facts(), today);
        const DueItem* meeting = itemOf(due, kyleCase, "pre_release_meeting");
        const DueItem* gate = itemOf(due, kyleCase, "gate_meeting");
        QVERIFY(meeting && gate);
        QCOMPARE(meeting->state, DueState::Due);
        QCOMPARE(meeting->due, today.addDays(3));
        QCOMPARE(gate->due, today.addDays(10));
        QCOMPARE(gate->state, DueState::Upcoming);
        QCOMPARE(gate->ownerId, mentor.id);

        // The practitioner's phone: the prison now says 30 days, past the prison meeting's window.
        e2e::Device office(server, practitionerId, RoleSet{Role::Practitioner});
        const auto pulled = office.sync();
        QVERIFY2(pulled.ok, qPrintable(pulled.message));
        QVERIFY(office.store->record("case", kyleCase));
        Change moved;
        moved.recordType = "case";
        moved.recordId = kyleCase;
        moved.formVersion = 2;
        moved.fields = {{"release_date", today.addDays(30).toString()}};
        office.store->recordLocalChange(moved);
        const auto pushed = office.sync();
        QVERIFY2(pushed.ok, qPrintable(pushed.message));
        QCOMPARE(pushed.rejected, 0);
        QCOMPARE(pushed.pushed, 1);

        // Before the mentor syncs again, the phone still plans on the old day.
        due = dueForUser(mentor, phone.store->facts(), today);
        QCOMPARE(itemOf(due, kyleCase, "gate_meeting")->due, today.addDays(10));
        const auto again = phone.sync();
        QVERIFY2(again.ok, qPrintable(again.message));
        due = dueForUser(mentor, phone.store->facts(), today);
        meeting = itemOf(due, kyleCase, "pre_release_meeting");
        gate = itemOf(due, kyleCase, "gate_meeting");
        QVERIFY(meeting && gate);
        QCOMPARE(gate->due, today.addDays(30));
        QCOMPARE(meeting->due, today.addDays(23));
        QCOMPARE(meeting->state, DueState::Upcoming);
        const ReleaseTimeline timeline = releaseTimeline(kyleCase, phone.store->facts(), today);
        QCOMPARE(timeline.release, std::optional<Date>(today.addDays(30)));
        // The referral's essentials reached the mentor, its vulnerabilities did not.
        const auto referrals = phone.store->facts().recordsWhere("mentoring_referral", "case_id", kyleCase);
        QCOMPARE(referrals.size(), std::size_t{1});
        QVERIFY(!referrals.front().text("responsible_officer").empty());
        QVERIFY(!referrals.front().fields.contains("vulnerabilities"));

        // The intensive case: the whole group's days on this mentor's phone, and the missed day.
        QVERIFY(!marcusCase.empty());
        const IntensiveRota rota = intensiveRota(marcusCase, phone.store->facts(), today, 9 * 60);
        QVERIFY(rota.intensive);
        QCOMPARE(rota.members.size(), std::size_t{3});
        QVERIFY(rota.uncoveredWeekdays.empty());
        QCOMPARE(rota.missedDays, 1);
        QCOMPARE(rota.lastMissed, std::optional<Date>(today.addDays(-3)));
    }
};

QTEST_GUILESS_MAIN(ThroughTheGateTest)
#include "throughthegatetest.moc"
