// The one Qt Quick Test harness: every tst_<page>.qml runs against the real Fieldbook module (QML
// from qrc:/qt/qml, C++ types from the static plugin) with an AppController of its own, unlocked
// over a temporary store that holds the fixture's befriending case (tests/app/storefixture.h).
#include "appcontroller.h"
#include "storefixture.h"

#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(FieldbookPlugin)

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

    void qmlEngineAvailable(QQmlEngine* engine) { engine->addImportPath(QStringLiteral("qrc:/qt/qml")); }

    void cleanupTestCase() { m_app.reset(); }

private:
    QTemporaryDir m_dataDir;
    std::unique_ptr<fieldbook::app::AppController> m_app;
};

QUICK_TEST_MAIN_WITH_SETUP(Fieldbook, Setup)

#include "quicktestmain.moc"
