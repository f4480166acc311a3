// The main journey through the whole app (without its screens): a befriender enrols with a
// one-time code and a PIN, records a session report offline through the form controller, syncs
// when the server is back, and the practitioner's device pulls it. Then the device is revoked and
// wipes itself on its next sync.
#include "appcontroller.h"
#include "controllers/formcontroller.h"
#include "devicefixture.h"
#include "errorchannel.h"
#include "models/caseloadmodel.h"
#include "store/localstore.h"
#include "sync/synccontroller.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace fieldbook;
using namespace fieldbook::app;

class JourneyTest : public QObject
{
    Q_OBJECT

private:
    static bool waitForSync(AppController& app)
    {
        QSignalSpy finished(app.sync(), &SyncController::finished);
        if (!app.sync()->busy()) {
            app.sync()->syncNow();
        }
        return finished.wait(60000) && finished.first().at(0).toBool();
    }

private slots:
    void befrienderRecordsOfflineAndPractitionerReceives()
    {
        testsupport::TestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QJsonObject seed = e2e::seedDemo(server);
        const QJsonObject befriender = e2e::demoUser(seed, QStringLiteral("befriender"));
        const QString practitionerId = e2e::demoUser(seed, QStringLiteral("practitioner")).value("user_id").toString();

        QTemporaryDir data;
        AppOptions options;
        options.dataDir = data.path();
        options.scryptLogN = 10;
        AppController app(options);
        QAbstractItemModelTester caseloadTester(app.caseload(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(app.state(), AppController::State::Enrol);

        // Enrol: address, pinned fingerprint, one-time code, PIN.
        QSignalSpy enrolled(&app, &AppController::enrolFinished);
        QSignalSpy synced(app.sync(), &SyncController::finished);
        app.enrol(server.url().toString(), server.fingerprint(), befriender.value("code").toString(), QStringLiteral("2468"));
        QVERIFY(enrolled.wait(30000));
        QVERIFY2(enrolled.first().at(0).toBool(), qPrintable(enrolled.first().at(1).toString()));
        QCOMPARE(app.state(), AppController::State::Ready);
        QVERIFY(synced.wait(60000));
        QVERIFY2(synced.first().at(0).toBool(), qPrintable(synced.first().at(1).toString()));
        QCOMPARE(app.userName(), befriender.value("name").toString());
        QVERIFY(app.isVolunteer());

        // The caseload: two people, the one not cleared (overdue) first, each saying why.
        QCOMPARE(app.caseload()->rowCount(), 2);
        int irinaRow = -1;
        for (int row = 0; row < 2; ++row) {
            if (app.caseload()->data(app.caseload()->index(row), CaseloadModel::ClearedRole).toBool()) {
                irinaRow = row;
            }
        }
        QVERIFY(irinaRow >= 0);
        const QModelIndex irina = app.caseload()->index(irinaRow);
        const QString caseId = app.caseload()->data(irina, CaseloadModel::CaseIdRole).toString();
        const QString personId = app.caseload()->data(irina, CaseloadModel::PersonIdRole).toString();
        QCOMPARE(app.caseload()->data(irina, CaseloadModel::ClearanceTextRole).toString(),
                 QStringLiteral("Cleared to contact Irina"));

        // Offline (the server is down), the session report is written through the form.
        QVERIFY(server.stop());
        FormController form;
        form.setRecordType(QStringLiteral("session_report"));
        form.setCaseId(caseId);
        form.setPersonId(personId);
        QVERIFY(form.gateApplies());
        QVERIFY(form.gateCleared());
        QVERIFY(!form.submit()); // "concerns" is required in version 2
        QVERIFY2(form.errorSummary().contains(QStringLiteral("fix")), qPrintable(form.errorSummary()));
        form.setValue(QStringLiteral("duration_minutes"), 50);
        form.setValue(QStringLiteral("mode"), QStringLiteral("phone"));
        form.setValue(QStringLiteral("concerns"), QStringLiteral("none"));
        form.setValue(QStringLiteral("notes"), QStringLiteral("Long call on the bus home about the visit"));
        QSignalSpy saved(&form, &FormController::saved);
        QVERIFY2(form.submit(), qPrintable(form.errorSummary()));
        QCOMPARE(saved.count(), 1);
        const QString recordId = saved.first().at(0).toString();
        QCOMPARE(app.store()->waitingCount(), 1);
        QVERIFY(!waitForSync(app)); // no server: kept, to be retried
        QCOMPARE(app.store()->waitingCount(), 1);
        QVERIFY(!app.sync()->retryText().isEmpty());

        // The server is back (on a new port): the session goes, and the practitioner receives it.
        QVERIFY(server.restart());
        app.api()->setServer(server.url(), server.fingerprint());
        QVERIFY(waitForSync(app));
        QCOMPARE(app.store()->waitingCount(), 0);
        QCOMPARE(app.store()->status("session_report", recordId.toStdString()), RecordStatus::Synced);

        e2e::Device practitioner(server, practitionerId, {Role::Practitioner});
        QVERIFY(practitioner.sync().ok);
        const auto received = practitioner.store->record("session_report", recordId.toStdString());
        QVERIFY(received);
        QCOMPARE(received->text("notes"), std::string("Long call on the bus home about the visit"));
        QCOMPARE(received->text("author"), std::string());
        QCOMPARE(received->author, befriender.value("user_id").toString().toStdString());

        // Locked and unlocked, the data is still there; then the device is revoked and wipes itself.
        app.lock();
        QCOMPARE(app.state(), AppController::State::Locked);
        QCOMPARE(app.caseload()->rowCount(), 0);
        app.unlock(QStringLiteral("2468"));
        QCOMPARE(app.state(), AppController::State::Ready);
        QCOMPARE(app.caseload()->rowCount(), 2);
        app.api()->setServer(server.url(), server.fingerprint()); // the restarted test server's new port
        const std::string deviceId = app.store()->identity()->deviceId;
        server.admin({QStringLiteral("revoke-device"), QStringLiteral("--device"), QString::fromStdString(deviceId)});
        app.sync()->engine()->resetToken();
        QVERIFY(!waitForSync(app));
        QVERIFY2(app.state() == AppController::State::Enrol, qPrintable(app.errors()->message()));
        QVERIFY(!app.store()->hasPin());
        QVERIFY(!app.store()->enrolled());
        QVERIFY(app.errors()->message().contains(QStringLiteral("revoked")));
    }
};

QTEST_GUILESS_MAIN(JourneyTest)
#include "journeytest.moc"
