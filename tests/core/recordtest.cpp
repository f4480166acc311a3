// Records and the record type lists every part agrees on.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "model/record.h"

#include <boost/json/parse.hpp>
#endif

using namespace fieldbook;

class RecordTest : public QObject
{
    Q_OBJECT

private slots:
    void textAndHas();
    void recordTypes_data();
    void recordTypes();
    void unknownTypes();
};

void RecordTest::textAndHas()
{
    Record record;
    record.fields = boost::json::parse(R"({"given_name":"Irina","age":30,"flag":null})").as_object();
    QCOMPARE(record.text("given_name"), std::string("Irina"));
    QCOMPARE(record.text("age"), std::string());
    QCOMPARE(record.text("missing"), std::string());
    QVERIFY(record.has("flag"));
    QVERIFY(!record.has("missing"));
}

void RecordTest::recordTypes_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("mutableType");
    QTest::addColumn<bool>("contact");
    QTest::newRow("person") << "person" << true << false;
    QTest::newRow("case") << "case" << true << false;
    QTest::newRow("relationship") << "relationship" << true << false;
    QTest::newRow("consent") << "consent" << false << false;
    QTest::newRow("protection_check") << "protection_check" << false << false;
    QTest::newRow("vetting") << "vetting" << true << false;
    QTest::newRow("match") << "match" << true << false;
    QTest::newRow("session_report") << "session_report" << false << true;
    QTest::newRow("contact_sheet") << "contact_sheet" << false << true;
    QTest::newRow("play_session") << "play_session" << false << true;
    QTest::newRow("safeguarding_report") << "safeguarding_report" << false << false;
    QTest::newRow("radar") << "radar" << false << false;
    QTest::newRow("triage") << "triage" << false << false;
    QTest::newRow("care_plan_action") << "care_plan_action" << true << false;
    QTest::newRow("outcome_report") << "outcome_report" << false << false;
    QTest::newRow("first_contact_report") << "first_contact_report" << false << false;
    QTest::newRow("carer_contact_attempt") << "carer_contact_attempt" << false << false;
    QTest::newRow("child_assessment") << "child_assessment" << false << false;
    QTest::newRow("casework_checklist") << "casework_checklist" << false << false;
    QTest::newRow("feedback_survey") << "feedback_survey" << false << false;
    QTest::newRow("mentoring_referral") << "mentoring_referral" << false << false;
    QTest::newRow("pre_release_meeting") << "pre_release_meeting" << false << false;
    QTest::newRow("gate_day") << "gate_day" << false << false;
    QTest::newRow("onward_referral") << "onward_referral" << false << false;
    QTest::newRow("welfare_grant_decision") << "welfare_grant_decision" << false << false;
    QTest::newRow("welfare_grant_handover") << "welfare_grant_handover" << false << false;
    QTest::newRow("welfare_grant_request") << "welfare_grant_request" << false << false;
}

void RecordTest::recordTypes()
{
    QFETCH(QString, type);
    QFETCH(bool, mutableType);
    QFETCH(bool, contact);
    QVERIFY(isKnownRecordType(type.toStdString()));
    QCOMPARE(isMutableRecordType(type.toStdString()), mutableType);
    QCOMPARE(isContactRecordType(type.toStdString()), contact);
}

void RecordTest::unknownTypes()
{
    QCOMPARE(knownRecordTypes().size(), std::size_t(27));
    QVERIFY(!isKnownRecordType("clearance"));
    QVERIFY(!isKnownRecordType(""));
    QVERIFY(!isKnownRecordType("Person"));
    QVERIFY(!isContactRecordType("safeguarding_report"));
    // Gated as contacts, never counted as contact records of the contract.
    QVERIFY(isGatedMeetingType("pre_release_meeting") && isGatedMeetingType("gate_day"));
    QVERIFY(!isGatedMeetingType("contact_sheet") && !isContactRecordType("gate_day"));
}

QTEST_APPLESS_MAIN(RecordTest)
#include "recordtest.moc"
