// One wording per reason code: every code the contract pins has its own sentence (never the
// fallback), every reason that holds a record says what to do next, and no wording names anyone.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "rules/reasons.h"
#endif

using namespace fieldbook;

class ReasonsTest : public QObject
{
    Q_OBJECT

private slots:
    void everyCodeHasItsWords_data();
    void everyCodeHasItsWords();
    void fallbacks();
};

void ReasonsTest::everyCodeHasItsWords_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("holds"); // a quarantine reason: has a next step
    for (const char* code : {"consent_missing", "consent_withdrawn", "protection_check_missing", "restricted",
                             "vetting_invalid", "after_ending"}) {
        QTest::newRow(code) << code << true;
    }
    for (const char* code : {"forbidden", "unknown_record_type", "too_large", "too_young", "no_relationship",
                             "invalid:hlc", "invalid:id", "invalid:record_id", "invalid:status",
                             "invalid:referral_status"}) {
        QTest::newRow(code) << code << false;
    }
}

void ReasonsTest::everyCodeHasItsWords()
{
    QFETCH(QString, code);
    QFETCH(bool, holds);
    const std::string c = code.toStdString();
    const std::string_view sentence = reasonSentence(c);
    QVERIFY(!sentence.empty());
    QVERIFY(sentence != reasonSentence("invalid:some_field"));
    QVERIFY(sentence != reasonSentence("no_such_code"));
    QVERIFY(!reasonShort(c).empty());
    QCOMPARE(!reasonNextStep(c).empty(), holds);
    QVERIFY(sentence.find('%') == std::string_view::npos);
}

void ReasonsTest::fallbacks()
{
    QCOMPARE(reasonSentence("invalid:duration_minutes"), reasonSentence("invalid:notes"));
    QVERIFY(reasonSentence("invalid:duration_minutes") != reasonSentence("something_new"));
    QVERIFY(reasonNextStep("something_new").empty());
    QCOMPARE(std::string(kReasonContext), std::string("Reason"));
}

QTEST_APPLESS_MAIN(ReasonsTest)
#include "reasonstest.moc"
