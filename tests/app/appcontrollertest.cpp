// The app's states: enrol -> ready <-> locked; wrong PINs counted and the data wiped after five;
// inactivity locks; enrolment refuses a bad address, fingerprint, code or PIN with a sentence.
#include "appfixture.h"
#include "errorchannel.h"
#include "rules/access.h"
#include "rules/writerules.h"
#include "store/localstore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>

using namespace fieldbook;
using namespace fieldbook::app;

class AppControllerTest : public QObject
{
    Q_OBJECT

private slots:
    void startsLockedWhenEnrolled()
    {
        fixture::App f;
        QCOMPARE(f.app->state(), AppController::State::Ready);
        QCOMPARE(f.app->userName(), QStringLiteral("Sam"));
        QVERIFY(f.app->isVolunteer());
        QVERIFY(!f.app->isPractitioner());
        f.app->lock();
        QCOMPARE(f.app->state(), AppController::State::Locked);
        QVERIFY(f.app->userName().isEmpty());
    }

    void fiveWrongPinsWipe()
    {
        fixture::App f;
        f.app->lock();
        for (int i = 0; i < 4; ++i) {
            f.app->unlock(QStringLiteral("0000"));
            QCOMPARE(f.app->state(), AppController::State::Locked);
            QCOMPARE(f.app->errors()->kind(), QStringLiteral("warning"));
        }
        QCOMPARE(f.app->attemptsLeft(), 1);
        f.app->unlock(QStringLiteral("0000"));
        QCOMPARE(f.app->state(), AppController::State::Enrol);
        QVERIFY(f.app->errors()->message().contains(QStringLiteral("erased")));
        QVERIFY(!f.app->store()->hasPin());
    }

    void inactivityLocks()
    {
        fixture::App f;
        AppOptions options = f.app->options();
        f.app.reset();
        options.lockAfterSeconds = 1;
        AppController app(options);
        app.unlock(QStringLiteral("1234"));
        QCOMPARE(app.state(), AppController::State::Ready);
        QTRY_COMPARE_WITH_TIMEOUT(app.state(), AppController::State::Locked, 5000);
        QVERIFY(!app.store()->unlocked());
    }

    void enrolRefusesBadInput_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("fingerprint");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("pin");
        QTest::addColumn<QString>("mentions");
        const QString print(64, QLatin1Char('a'));
        QTest::newRow("http") << "http://x" << print << "C" << "1234" << "https://";
        QTest::newRow("fingerprint") << "https://x" << "abc" << "C" << "1234" << "fingerprint";
        QTest::newRow("code") << "https://x" << print << " " << "1234" << "code";
        QTest::newRow("pin letters") << "https://x" << print << "C" << "12ab" << "PIN";
        QTest::newRow("pin short") << "https://x" << print << "C" << "12" << "PIN";
    }

    void enrolRefusesBadInput()
    {
        QFETCH(QString, url);
        QFETCH(QString, fingerprint);
        QFETCH(QString, code);
        QFETCH(QString, pin);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        AppOptions options;
        options.dataDir = dir.path();
        options.scryptLogN = 10;
        AppController app(options);
        QSignalSpy finished(&app, &AppController::enrolFinished);
        app.enrol(url, fingerprint, code, pin);
        QCOMPARE(finished.count(), 1);
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY2(finished.first().at(1).toString().contains(mentions), qPrintable(finished.first().at(1).toString()));
        QCOMPARE(app.state(), AppController::State::Enrol);
        QVERIFY(!app.store()->hasPin());
    }

    // The roles are the server's word (GET /v1/me), never guessed from the records on the phone.
    void rolesComeOnlyFromTheServer()
    {
        fixture::App f(RoleSet{}, fixture::kVolunteer); // matched as a befriender in the records
        f.app->refresh();
        QVERIFY(f.app->roles().isEmpty());
        QCOMPARE(f.app->caseload()->rowCount(), 0);
        f.app->learnUser(QJsonObject{{QStringLiteral("roles"), QJsonArray{QStringLiteral("befriender")}}});
        QCOMPARE(f.app->roles(), QStringList{QStringLiteral("befriender")});
        f.app->refresh();
        QCOMPARE(f.app->caseload()->rowCount(), 1);
        // Every role taken away: the phone offers nothing more.
        f.app->learnUser(QJsonObject{{QStringLiteral("roles"), QJsonArray{}}});
        QVERIFY(f.app->roles().isEmpty());
        // An answer that says nothing about roles leaves them as they were.
        f.app->learnUser(QJsonObject{{QStringLiteral("roles"), QJsonArray{QStringLiteral("mentor")}}});
        f.app->learnUser(QJsonObject{{QStringLiteral("name"), QStringLiteral("Sam")}});
        QCOMPARE(f.app->roles(), QStringList{QStringLiteral("mentor")});
    }

    // "Raise a safeguarding concern" is offered exactly where the core's role table (which the
    // server enforces) accepts the report, and then it leads the menu.
    void concernOfferedWhereTheCoreAccepts_data()
    {
        QTest::addColumn<int>("role");
        for (const Role role : allRoles()) {
            QTest::newRow(std::string(roleName(role)).c_str()) << static_cast<int>(role);
        }
    }

    void concernOfferedWhereTheCoreAccepts()
    {
        QFETCH(int, role);
        const RoleSet roles{static_cast<Role>(role)};
        fixture::App f(roles, fixture::kVolunteer);
        const auto types = writableRecordTypes(roles);
        const bool core = std::find(types.begin(), types.end(), "safeguarding_report") != types.end();
        QCOMPARE(f.app->canRaiseConcern(), core);
        const QVariantList forms = f.app->menuForms();
        QCOMPARE(!forms.isEmpty() && forms.first().toMap().value(QStringLiteral("recordType")).toString()
                                         == QLatin1String("safeguarding_report"),
                 core);
    }

    void menuOffersTheSafeguardingReport()
    {
        fixture::App f;
        const QVariantList forms = f.app->menuForms();
        QVERIFY(!forms.isEmpty());
        QCOMPARE(forms.first().toMap().value(QStringLiteral("recordType")).toString(), QStringLiteral("safeguarding_report"));
    }
};

QTEST_GUILESS_MAIN(AppControllerTest)
#include "appcontrollertest.moc"
