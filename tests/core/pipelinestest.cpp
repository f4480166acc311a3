// The moves each pipeline offers from each state, allowed or not with the reason: what the app
// shows as actions. Refusals of the same moves are in writerulestest (judgeChange).
#include <QtTest>

#ifndef Q_MOC_RUN
#include "rules/pipelines.h"

#include "scenario.h"
#endif

using namespace fieldbook;
using fieldbook::test::hexId;
using fieldbook::test::Scenario;

namespace {

// "field=to" for allowed moves, "field=to!" for moves shown but not allowed yet.
QStringList describe(const std::vector<Move>& moves)
{
    QStringList out;
    for (const Move& move : moves) {
        out << QString::fromStdString(move.field + "=" + move.to + (move.allowed ? "" : "!"));
        if (!move.allowed && move.why.empty()) {
            out << "(no reason)";
        }
    }
    return out;
}

} // namespace

class PipelinesTest : public QObject
{
    Q_OBJECT

private slots:
    void moves_data();
    void moves();
    void nothingForOtherRecords();
};

void PipelinesTest::moves_data()
{
    QTest::addColumn<QString>("record");
    QTest::addColumn<QString>("state");
    QTest::addColumn<int>("failedAttempts");
    QTest::addColumn<bool>("checklist");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("open case without checklist") << "case" << "open" << 0 << false << QStringList{"status=closed!"};
    QTest::newRow("open case with checklist") << "case" << "open" << 0 << true << QStringList{"status=closed"};
    QTest::newRow("closed case") << "case" << "closed" << 0 << false << QStringList{"status=open"};
    QTest::newRow("awaiting first contact, no attempts")
        << "play" << "awaiting_first_contact" << 0 << false
        << QStringList{"status=closed!", "referral_status=awaiting_matching", "referral_status=no_support_required!"};
    QTest::newRow("awaiting first contact, two attempts")
        << "play" << "awaiting_first_contact" << 2 << false
        << QStringList{"status=closed!", "referral_status=awaiting_matching", "referral_status=no_support_required!"};
    QTest::newRow("awaiting first contact, three attempts")
        << "play" << "awaiting_first_contact" << 3 << false
        << QStringList{"status=closed!", "referral_status=awaiting_matching", "referral_status=no_support_required"};
    QTest::newRow("no referral status yet counts as awaiting first contact")
        << "play" << "" << 0 << false
        << QStringList{"status=closed!", "referral_status=awaiting_matching", "referral_status=no_support_required!"};
    QTest::newRow("awaiting matching") << "play" << "awaiting_matching" << 0 << false
                                       << QStringList{"status=closed!", "referral_status=active_matched"};
    QTest::newRow("active matched") << "play" << "active_matched" << 0 << true
                                    << QStringList{"status=closed", "referral_status=closed"};
    QTest::newRow("referral closed") << "play" << "closed" << 0 << false
                                     << QStringList{"status=closed!", "referral_status=awaiting_first_contact"};
    QTest::newRow("no support required") << "play" << "no_support_required" << 0 << false
                                         << QStringList{"status=closed!", "referral_status=awaiting_first_contact"};
    QTest::newRow("proposed match") << "match" << "proposed" << 0 << false << QStringList{"status=active", "status=ended"};
    QTest::newRow("active match") << "match" << "active" << 0 << false << QStringList{"status=ended"};
    QTest::newRow("ended match") << "match" << "ended" << 0 << false << QStringList{};
}

void PipelinesTest::moves()
{
    QFETCH(QString, record);
    QFETCH(QString, state);
    QFETCH(int, failedAttempts);
    QFETCH(bool, checklist);
    QFETCH(QStringList, expected);
    Scenario s;
    const std::string caseId = record == "play" ? s.playCase : s.befriendingCase;
    for (int i = 0; i < failedAttempts; ++i) {
        s.put("carer_contact_attempt", hexId(90 + i),
              R"({"case_id":")" + caseId + R"(","attempted_at":"2025-02-01T10:00:00Z","method":"phone","outcome":"no_answer"})");
    }
    if (checklist) {
        s.put("casework_checklist", hexId(80), R"({"case_id":")" + caseId + R"(","completed_on":"2025-02-28"})");
    }
    Record subject;
    if (record == "match") {
        subject = *s.facts.record("match", s.befriendingMatch);
        subject.fields["status"] = state.toStdString();
    } else {
        subject = *s.facts.record("case", caseId);
        if (record == "case") {
            subject.fields["status"] = state.toStdString();
        } else if (state.isEmpty()) {
            subject.fields.erase("referral_status");
        } else {
            subject.fields["referral_status"] = state.toStdString();
        }
    }
    QCOMPARE(describe(movesFrom(subject, s.facts)), expected);
}

void PipelinesTest::nothingForOtherRecords()
{
    Scenario s;
    QVERIFY(movesFrom(*s.facts.record("person", s.irina), s.facts).empty());
    QVERIFY(!stateChangeRefusal(*s.facts.record("person", s.irina), nullptr, s.facts));
}

QTEST_APPLESS_MAIN(PipelinesTest)
#include "pipelinestest.moc"
