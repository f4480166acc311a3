// The manager's home without its screen: a demo manager enrols through the whole app, and the
// report controller fetches the month's report from the real server over pinned TLS, shows its
// figures and chart lists, and saves the CSV and the PDF.
#include "appcontroller.h"
#include "controllers/reportcontroller.h"
#include "devicefixture.h"
#include "sync/synccontroller.h"

#include <QDate>
#include <QFile>
#include <QSignalSpy>
#include <QtTest>

using namespace fieldbook;
using namespace fieldbook::app;

class ReportControllerTest : public QObject
{
    Q_OBJECT

private slots:
    void managerSeesTheMonthAndSavesIt()
    {
        testsupport::TestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QJsonObject seed = e2e::seedDemo(server);
        const QJsonObject manager = e2e::demoUser(seed, QStringLiteral("manager"));

        QTemporaryDir data;
        AppOptions options;
        options.dataDir = data.path();
        options.scryptLogN = 10;
        AppController app(options);
        QSignalSpy enrolled(&app, &AppController::enrolFinished);
        QSignalSpy synced(app.sync(), &SyncController::finished);
        app.enrol(server.url().toString(), server.fingerprint(), manager.value("code").toString(), QStringLiteral("2468"));
        QVERIFY(enrolled.wait(30000));
        QVERIFY2(enrolled.first().at(0).toBool(), qPrintable(enrolled.first().at(1).toString()));
        QVERIFY(synced.wait(60000));
        QVERIFY(app.roles().contains(QStringLiteral("manager")));

        ReportController report;
        QCOMPARE(report.month(), QDate::currentDate().toString(QStringLiteral("yyyy-MM")));
        QSignalSpy changed(&report, &ReportController::changed);
        report.reload();
        QVERIFY(changed.wait(30000));
        QVERIFY2(report.loaded(), qPrintable(report.message()));
        QVERIFY(!report.loading());

        // The demo's month: Daniel's triage, accepted, and his RADAR from start to exit.
        QVariantMap figures;
        for (const QVariant& figure : report.figures()) {
            figures[figure.toMap().value("label").toString()] = figure.toMap().value("value");
        }
        QCOMPARE(figures.value("Triages").toString(), QStringLiteral("1"));
        QCOMPARE(figures.value("Accepted").toString(), QStringLiteral("1"));
        QCOMPARE(report.triageOutcomes().size(), 3);
        QCOMPARE(report.declineReasons().size(), 6);
        QCOMPARE(report.radarCases(), 1);
        QCOMPARE(report.radar().size(), 6);
        for (const QVariant& item : report.radar()) {
            const QVariantMap domain = item.toMap();
            if (domain.value("key") == QLatin1String("communication")) {
                QCOMPARE(domain.value("start").toDouble(), 5.0);
                QCOMPARE(domain.value("exit").toDouble(), 2.0);
                QCOMPARE(domain.value("change").toDouble(), -3.0);
            }
        }
        QCOMPARE(report.takeUp().size(), 1);
        QCOMPARE(report.takeUp().first().toMap().value("ethnicity").toString(), QStringLiteral("Black British"));

        // Last month: another answer, not this one.
        changed.clear();
        report.previousMonth();
        QVERIFY(changed.wait(30000));
        QCOMPARE(report.month(), QDate::currentDate().addMonths(-1).toString(QStringLiteral("yyyy-MM")));
        QCOMPARE(report.radarCases(), 0);
        report.nextMonth();
        QVERIFY(changed.wait(30000));

        QSignalSpy exported(&report, &ReportController::exportedChanged);
        report.exportReport(QStringLiteral("csv"));
        QVERIFY(exported.wait(30000));
        QFile csv(report.exportedPath());
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readAll().startsWith("report,month"));
        QCOMPARE(csv.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        report.exportReport(QStringLiteral("pdf"));
        QVERIFY(exported.wait(30000));
        QFile pdf(report.exportedPath());
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.readAll().startsWith("%PDF-"));
    }
};

QTEST_GUILESS_MAIN(ReportControllerTest)
#include "reportcontrollertest.moc"
