// The one Qt Quick Test harness: every tst_<page>.qml runs against the real Fieldbook module (QML
// from qrc:/qt/qml, C++ types from the static plugin) with an AppController of its own, unlocked
// over a temporary store that holds the fixture's befriending case (tests/app/storefixture.h).
#include "appcontroller.h"
#include "jsonbridge.h"
#include "net/apiclient.h"
#include "storefixture.h"
#include "sync/synccontroller.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(FieldbookPlugin)

// What a test may change in the shared fixture (as `Fixture` in QML): records as if pulled, the
// user's id and roles as the server would say them, and the phone's clock. Tests put back what
// they change.
class Fixture : public QObject
{
    Q_OBJECT

public:
    explicit Fixture(fieldbook::app::AppController* app) : m_app(app) {}

    Q_INVOKABLE void pull(const QString& type, const QString& id, const QVariantMap& fields)
    {
        m_app->store()->applyPulled({fixture::pulled(type.toStdString(), id.toStdString(),
                                                     fieldbook::app::toBoost(QJsonObject::fromVariantMap(fields)),
                                                     ++m_counter)},
                                    "c" + std::to_string(m_counter));
        m_app->refresh();
    }
    Q_INVOKABLE void beUser(const QString& userId, const QStringList& roles)
    {
        auto identity = m_app->store()->identity();
        identity->user.id = userId.toStdString();
        m_app->store()->saveIdentity(*identity);
        m_app->learnUser(QJsonObject{{QStringLiteral("roles"), QJsonArray::fromStringList(roles)}});
        m_app->refresh();
    }
    // The phone's clock `minutes` ahead of the server's, as the last answer told it.
    Q_INVOKABLE void phoneClockAhead(int minutes)
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 ahead = qint64(minutes) * 60 * 1000;
        m_app->api()->clock().setPhoneClock([now, ahead] { return now + ahead; });
        m_app->api()->clock().learn(now, now + ahead);
        m_app->sync()->refreshCounts();
    }

private:
    fieldbook::app::AppController* m_app;
    int m_counter = 500000;
};

class Setup : public QObject
{
    Q_OBJECT

public slots:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        {
            fieldbook::app::LocalStore store(m_dataDir.filePath(QStringLiteral("fieldbook.db")).toStdString(),
                                             fixture::fastKdf());
            store.initialise("1234");
            fieldbook::app::Identity identity;
            identity.serverUrl = "https://127.0.0.1:9";
            identity.fingerprint = std::string(64, 'a');
            identity.deviceId = fixture::kDevice;
            identity.refreshToken = "r";
            identity.user.id = fixture::kVolunteer;
            identity.user.name = "Sam Okafor";
            identity.user.roles = {fieldbook::Role::Befriender};
            store.saveIdentity(identity);
            store.applyPulled(fixture::clearedCase(), "c1");
        }
        fieldbook::app::AppOptions options;
        options.dataDir = m_dataDir.path();
        options.scryptLogN = 10;
        m_app = std::make_unique<fieldbook::app::AppController>(options);
        m_app->unlock(QStringLiteral("1234"));
    }

    void qmlEngineAvailable(QQmlEngine* engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        m_fixture = std::make_unique<Fixture>(m_app.get());
        engine->rootContext()->setContextProperty(QStringLiteral("Fixture"), m_fixture.get());
    }

    void cleanupTestCase()
    {
        m_fixture.reset();
        m_app.reset();
    }

private:
    QTemporaryDir m_dataDir;
    std::unique_ptr<fieldbook::app::AppController> m_app;
    std::unique_ptr<Fixture> m_fixture;
};

QUICK_TEST_MAIN_WITH_SETUP(Fieldbook, Setup)

#include "quicktestmain.moc"
