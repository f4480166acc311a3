// fieldbook: the field app. Everything but wiring lives in the fieldbook-app library.
#include "appcontroller.h"
#include "appoptions.h"
#include "launcher.h"
#include "session/securewindow.h"
#include "settings/appsettings.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QUrl>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(FieldbookPlugin)

int main(int argc, char* argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("Fieldbook"));
    QGuiApplication::setApplicationName(QStringLiteral("Fieldbook"));
    QGuiApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QQuickStyle::setStyle(QStringLiteral("Material"));
    // Light or dark as the phone is set, unless the environment asks for one (screenshots).
    if (!qEnvironmentVariableIsSet("QT_QUICK_CONTROLS_MATERIAL_THEME")) {
        qputenv("QT_QUICK_CONTROLS_MATERIAL_THEME", "System");
    }

    QString error;
    const auto options = fieldbook::app::parseAppOptions(QGuiApplication::arguments(), error);
    if (!options) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }

    fieldbook::app::AppController controller(*options);
    // The phone's language or the person's choice, installed before QML reads any text.
    fieldbook::app::AppSettings::instance()->applyLanguage();
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Fieldbook/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        std::fprintf(stderr, "fieldbook: the user interface failed to load\n");
        return 1;
    }
    fieldbook::app::markWindowSecure(); // no thumbnails or screenshots of data where the platform allows
    fieldbook::app::Launcher launcher(&controller, &engine);
    launcher.start();
    return QGuiApplication::exec();
}
