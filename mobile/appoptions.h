// The app's command line (see docs/design.md): where the data lives, which server to enrol with,
// the PIN for unattended runs, and where to save screenshots.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace fieldbook::app {

struct AppOptions
{
    QString dataDir;     // empty: the platform's app data location
    QString serverUrl;   // https://host:port
    QString fingerprint; // SHA-256 of the server certificate, 64 hex (colons allowed)
    QString enrolCode;
    QString pin;
    QString screenshotDir;
    bool quitAfterScreenshots = false;
    bool walk = false; // --walk: the demo walk (launcherwalk.cpp) after the screenshots

    // Not on the command line: tests lower the PIN stretching (2^scryptLogN) to stay fast, and
    // shorten the inactivity lock (0: the person's choice on the settings page, 5 minutes at first).
    int scryptLogN = 15;
    int lockAfterSeconds = 0;

    bool wantsEnrol() const { return !serverUrl.isEmpty() && !enrolCode.isEmpty(); }
    bool unattended() const { return !screenshotDir.isEmpty() || quitAfterScreenshots; }
};

// Parses the arguments (argv[0] included). On a bad command line returns nullopt and sets `error`
// to a sentence naming the option at fault.
std::optional<AppOptions> parseAppOptions(const QStringList& arguments, QString& error);

} // namespace fieldbook::app
