#include "settings/appsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPointer>
#include <QQmlEngine>
#include <QScreen>
#include <QStandardPaths>
#include <QTranslator>
#include <algorithm>
#include <array>
#include <cmath>

namespace fieldbook::app {

namespace {
QPointer<AppSettings> s_settings; // NOLINT: the one process-wide instance, GUI thread only

// The languages the app is translated into; English is the source text.
struct Language
{
    const char* code;
    const char* name; // in its own language, so that a person who cannot read the current one finds theirs
};
constexpr std::array kLanguages{Language{"en", "English"}, Language{"pl", "Polski"}};

constexpr std::array kTextScales{0.85, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0};
constexpr std::array kLockDelays{1, 2, 5, 10, 15};

bool translated(const QString& code)
{
    return std::any_of(kLanguages.begin(), kLanguages.end(),
                       [&code](const Language& language) { return code == QLatin1String(language.code); });
}

double boundedScale(double scale)
{
    if (!std::isfinite(scale)) {
        return 1.0;
    }
    return std::clamp(scale, AppSettings::kMinTextScale, AppSettings::kMaxTextScale);
}
} // namespace

AppSettings::AppSettings(const QString& dataDir, QObject* parent)
    : QObject(parent)
    , m_translator(std::make_unique<QTranslator>())
{
    if (!s_settings) {
        s_settings = this;
    }
    const QString dir =
        dataDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : dataDir;
    QDir().mkpath(dir);
    m_settings =
        std::make_unique<QSettings>(QDir(dir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    const QString storedLanguage = m_settings->value(QStringLiteral("language")).toString();
    m_language = translated(storedLanguage) ? storedLanguage : QString();
    m_textScale = boundedScale(m_settings->value(QStringLiteral("textScale"), 1.0).toDouble());
    const int delay = m_settings->value(QStringLiteral("lockDelayMinutes"), 5).toInt();
    m_lockDelayMinutes =
        std::find(kLockDelays.begin(), kLockDelays.end(), delay) != kLockDelays.end() ? delay : 5;

    bool ok = false;
    const double envScale = qEnvironmentVariable("FIELDBOOK_TEXT_SCALE").toDouble(&ok);
    if (ok) {
        m_textScale = boundedScale(envScale);
    }
    const QString envLanguage = qEnvironmentVariable("FIELDBOOK_LANGUAGE");
    if (translated(envLanguage)) {
        m_language = envLanguage;
    }
}

AppSettings::~AppSettings()
{
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator.get());
    }
}

AppSettings* AppSettings::instance()
{
    if (!s_settings) {
        // Nobody made one (a QML tool loading the module): settings that last for this run only.
        new AppSettings(QDir::temp().filePath(
                            QStringLiteral("fieldbook-settings-%1").arg(QCoreApplication::applicationPid())),
                        QCoreApplication::instance());
    }
    return s_settings;
}

AppSettings* AppSettings::ensure(const QString& dataDir, QObject* parent)
{
    if (!s_settings) {
        new AppSettings(dataDir, parent);
    }
    return s_settings;
}

AppSettings* AppSettings::create(QQmlEngine* qmlEngine, QJSEngine* /*jsEngine*/)
{
    AppSettings* settings = instance();
    settings->setEngine(qmlEngine);
    QJSEngine::setObjectOwnership(settings, QJSEngine::CppOwnership);
    return settings;
}

void AppSettings::setLanguage(const QString& language)
{
    const QString chosen = translated(language) ? language : QString();
    if (chosen == m_language) {
        return;
    }
    m_language = chosen;
    m_settings->setValue(QStringLiteral("language"), m_language);
    applyLanguage();
    emit languageChanged();
}

QString AppSettings::effectiveLanguage() const
{
    if (!m_language.isEmpty()) {
        return m_language;
    }
    // The phone's first language the app speaks; English when it speaks none of them.
    for (const QString& name : QLocale::system().uiLanguages()) {
        const QString code = QLocale(name).name().section(QLatin1Char('_'), 0, 0);
        if (translated(code)) {
            return code;
        }
    }
    return QStringLiteral("en");
}

QVariantList AppSettings::availableLanguages() const
{
    QVariantList list;
    list.append(QVariantMap{
        {QStringLiteral("code"), QString()},
        {QStringLiteral("name"), tr("As the phone (%1)").arg(QLocale::system().nativeLanguageName())}});
    for (const Language& language : kLanguages) {
        list.append(QVariantMap{{QStringLiteral("code"), QString::fromLatin1(language.code)},
                                {QStringLiteral("name"), QString::fromUtf8(language.name)}});
    }
    return list;
}

void AppSettings::setTextScale(double scale)
{
    const double bounded = boundedScale(scale);
    if (qFuzzyCompare(bounded, m_textScale)) {
        return;
    }
    m_textScale = bounded;
    m_settings->setValue(QStringLiteral("textScale"), m_textScale);
    emit textScaleChanged();
}

double AppSettings::baseFontPixelSize() const
{
    // The phone's own text size: Android and desktops give it in points, which follow the screen's
    // font DPI (a person's "large text" raises it).
    const QFont font = QGuiApplication::font();
    double pixels = font.pixelSize();
    if (pixels <= 0) {
        const QScreen* screen = QGuiApplication::primaryScreen();
        const double dpi = screen ? screen->logicalDotsPerInch() : 96.0;
        pixels = font.pointSizeF() * dpi / 72.0;
    }
    if (!(pixels > 0)) {
        pixels = 16.0;
    }
    // Never smaller than a readable size, whatever the platform reports.
    return std::max(14.0, pixels) * m_textScale;
}

void AppSettings::setLockDelayMinutes(int minutes)
{
    if (std::find(kLockDelays.begin(), kLockDelays.end(), minutes) == kLockDelays.end() ||
        minutes == m_lockDelayMinutes) {
        return;
    }
    m_lockDelayMinutes = minutes;
    m_settings->setValue(QStringLiteral("lockDelayMinutes"), m_lockDelayMinutes);
    emit lockDelayChanged();
}

QVariantList AppSettings::lockDelayChoices() const
{
    QVariantList list;
    for (const int minutes : kLockDelays) {
        list.append(minutes);
    }
    return list;
}

QVariantList AppSettings::textScaleChoices() const
{
    QVariantList list;
    for (const double scale : kTextScales) {
        list.append(scale);
    }
    return list;
}

QDateTime AppSettings::lastSync() const
{
    return m_settings->value(QStringLiteral("lastSync")).toDateTime();
}

void AppSettings::setLastSync(const QDateTime& when)
{
    m_settings->setValue(QStringLiteral("lastSync"), when.toUTC());
}

void AppSettings::applyLanguage()
{
    QCoreApplication::removeTranslator(m_translator.get());
    const QString code = effectiveLanguage();
    QLocale::setDefault(code == QLatin1String("en") && m_language.isEmpty() ? QLocale::system()
                                                                            : QLocale(code));
    if (code != QLatin1String("en") &&
        m_translator->load(QStringLiteral(":/i18n/fieldbook_%1.qm").arg(code))) {
        QCoreApplication::installTranslator(m_translator.get());
    }
    if (m_engine) {
        m_engine->retranslate();
    }
}

} // namespace fieldbook::app
