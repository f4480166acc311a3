// The command line: every option the app documents is read, and a bad one is refused with a
// sentence that names it.
#include "appoptions.h"

#include <QtTest>

using fieldbook::app::parseAppOptions;

class AppOptionsTest : public QObject
{
    Q_OBJECT

private slots:
    void readsEveryOption()
    {
        QString error;
        const QString print(64, QLatin1Char('a'));
        const auto options = parseAppOptions({"fieldbook", "--data-dir", "/tmp/x", "--server", "https://127.0.0.1:8443",
                                              "--fingerprint", print, "--enrol-code", "CODE-1", "--pin", "1234",
                                              "--screenshots", "/tmp/shots", "--quit-after-screenshots"},
                                             error);
        QVERIFY2(options.has_value(), qPrintable(error));
        QCOMPARE(options->dataDir, QStringLiteral("/tmp/x"));
        QCOMPARE(options->serverUrl, QStringLiteral("https://127.0.0.1:8443"));
        QCOMPARE(options->fingerprint, print);
        QCOMPARE(options->enrolCode, QStringLiteral("CODE-1"));
        QCOMPARE(options->pin, QStringLiteral("1234"));
        QCOMPARE(options->screenshotDir, QStringLiteral("/tmp/shots"));
        QVERIFY(options->quitAfterScreenshots);
        QVERIFY(options->wantsEnrol());
    }

    void noOptionsIsFine()
    {
        QString error;
        const auto options = parseAppOptions({"fieldbook"}, error);
        QVERIFY(options.has_value());
        QVERIFY(!options->wantsEnrol());
        QVERIFY(!options->unattended());
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        const QString print(64, QLatin1Char('b'));
        QTest::newRow("plain http") << QStringList{"fieldbook", "--server", "http://x:1", "--fingerprint", print}
                                    << "--server";
        QTest::newRow("no fingerprint") << QStringList{"fieldbook", "--server", "https://x:1"} << "--fingerprint";
        QTest::newRow("short fingerprint") << QStringList{"fieldbook", "--fingerprint", "abcd"} << "--fingerprint";
        QTest::newRow("pin too short") << QStringList{"fieldbook", "--pin", "12"} << "--pin";
        QTest::newRow("unknown option") << QStringList{"fieldbook", "--bogus"} << "bogus";
    }

    void refusesBadInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        QString error;
        QVERIFY(!parseAppOptions(arguments, error).has_value());
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(AppOptionsTest)
#include "appoptionstest.moc"
