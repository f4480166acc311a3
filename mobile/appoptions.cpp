#include "appoptions.h"

#include "net/fingerprint.h"

#include <QCommandLineParser>
#include <QUrl>

namespace fieldbook::app {

std::optional<AppOptions> parseAppOptions(const QStringList& arguments, QString& error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Fieldbook: offline casework for volunteers and practitioners"));
    parser.addHelpOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("Folder of the local encrypted store."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("Server address, https://host:port."),
                                    QStringLiteral("URL"));
    const QCommandLineOption fingerprint(QStringLiteral("fingerprint"),
                                         QStringLiteral("SHA-256 fingerprint of the server certificate."),
                                         QStringLiteral("HEX"));
    const QCommandLineOption enrolCode(QStringLiteral("enrol-code"), QStringLiteral("One-time enrolment code."),
                                       QStringLiteral("CODE"));
    const QCommandLineOption pin(QStringLiteral("pin"), QStringLiteral("PIN to set or unlock with (unattended runs)."),
                                 QStringLiteral("PIN"));
    const QCommandLineOption screenshots(QStringLiteral("screenshots"),
                                         QStringLiteral("Save PNGs of the main screens after a sync into DIR."),
                                         QStringLiteral("DIR"));
    const QCommandLineOption quit(QStringLiteral("quit-after-screenshots"),
                                  QStringLiteral("Exit once the screenshots are saved (non-zero if enrol or sync failed)."));
    const QCommandLineOption walk(QStringLiteral("walk"),
                                  QStringLiteral("With --screenshots: also work the demo's cases through their next "
                                                 "steps as this user (the demo walk), syncing each."));
    parser.addOptions({dataDir, server, fingerprint, enrolCode, pin, screenshots, quit, walk});

    if (!parser.parse(arguments)) {
        error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        error = parser.helpText();
        return std::nullopt;
    }
    AppOptions options;
    options.dataDir = parser.value(dataDir);
    options.serverUrl = parser.value(server);
    options.enrolCode = parser.value(enrolCode);
    options.pin = parser.value(pin);
    options.screenshotDir = parser.value(screenshots);
    options.quitAfterScreenshots = parser.isSet(quit);
    options.walk = parser.isSet(walk);

    if (!options.serverUrl.isEmpty()) {
        const QUrl url(options.serverUrl);
        if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty()) {
            error = QStringLiteral("--server must be an https:// address with a host, got \"%1\"").arg(options.serverUrl);
            return std::nullopt;
        }
    }
    if (parser.isSet(fingerprint)) {
        options.fingerprint = normaliseFingerprint(parser.value(fingerprint));
        if (options.fingerprint.isEmpty()) {
            error = QStringLiteral("--fingerprint must be 64 hex characters (SHA-256), colons allowed");
            return std::nullopt;
        }
    }
    if (!options.serverUrl.isEmpty() && options.fingerprint.isEmpty()) {
        error = QStringLiteral("--server needs --fingerprint: the app only talks to a pinned certificate");
        return std::nullopt;
    }
    if (!options.pin.isEmpty() && (options.pin.size() < 4 || options.pin.size() > 12)) {
        error = QStringLiteral("--pin must be 4 to 12 digits");
        return std::nullopt;
    }
    return options;
}

} // namespace fieldbook::app
