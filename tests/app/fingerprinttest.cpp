// Fingerprints as people type them (with colons, in capitals) become the one form the pin compares.
#include "net/fingerprint.h"

#include <QtTest>

using namespace fieldbook::app;

class FingerprintTest : public QObject
{
    Q_OBJECT

private slots:
    void normalises_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        const QString lower = QStringLiteral("0123456789abcdef").repeated(4);
        QString colons;
        for (int i = 0; i < lower.size(); i += 2) {
            colons += (i ? ":" : "") + lower.mid(i, 2).toUpper();
        }
        QTest::newRow("lower") << lower << lower;
        QTest::newRow("upper with colons") << colons << lower;
        QTest::newRow("too short") << lower.left(62) << QString();
        QTest::newRow("not hex") << QString(lower).replace(0, 1, "g") << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void normalises()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(normaliseFingerprint(input), expected);
    }

    void groupsForReading()
    {
        QCOMPARE(groupedFingerprint(QStringLiteral("abcd1234ef")), QStringLiteral("abcd 1234 ef"));
    }

    void nullCertificateHasNoFingerprint() { QVERIFY(certificateFingerprint(QSslCertificate()).isEmpty()); }
};

QTEST_GUILESS_MAIN(FingerprintTest)
#include "fingerprinttest.moc"
