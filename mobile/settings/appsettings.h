// What a person chooses on the settings page and keeps across restarts: the language (the phone's
// unless chosen), the text size on top of the phone's own, and how soon the app locks itself.
// Also keeps the time of the last good sync, so that "last sync" survives a restart.
// Stored in settings.ini in the app's data folder (never a record, never personal data).
// One instance per process, made by main() or a test before QML asks for it. GUI thread only.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <memory>

class QQmlEngine;
class QJSEngine;
class QTranslator;

namespace fieldbook::app {

class AppSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // "" follows the phone (QLocale::system()); else one of availableLanguages' codes.
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    // The language the app speaks now ("en", "pl"): the choice, else the phone's when translated.
    Q_PROPERTY(QString effectiveLanguage READ effectiveLanguage NOTIFY languageChanged)
    // [{code, name}] in their own language, the phone's choice ("") first.
    Q_PROPERTY(QVariantList availableLanguages READ availableLanguages NOTIFY languageChanged)
    // A factor on the phone's own text size (kTextScales), so 2.0 at a phone's 100 % is 200 %.
    Q_PROPERTY(double textScale READ textScale WRITE setTextScale NOTIFY textScaleChanged)
    // The phone's text size in pixels times textScale: every font size in the app derives from it.
    Q_PROPERTY(double baseFontPixelSize READ baseFontPixelSize NOTIFY textScaleChanged)
    Q_PROPERTY(int lockDelayMinutes READ lockDelayMinutes WRITE setLockDelayMinutes NOTIFY lockDelayChanged)
    Q_PROPERTY(QVariantList lockDelayChoices READ lockDelayChoices CONSTANT)
    Q_PROPERTY(QVariantList textScaleChoices READ textScaleChoices CONSTANT)

public:
    // `dataDir` holds settings.ini. FIELDBOOK_TEXT_SCALE and FIELDBOOK_LANGUAGE in the environment
    // override what is stored, for this run only (screenshots).
    explicit AppSettings(const QString& dataDir, QObject* parent = nullptr);
    ~AppSettings() override;

    static AppSettings* instance();
    // The instance, made over `dataDir` (empty: the platform's app data folder) when there is none.
    static AppSettings* ensure(const QString& dataDir, QObject* parent);
    static AppSettings* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

    QString language() const { return m_language; }
    void setLanguage(const QString& language);
    QString effectiveLanguage() const;
    QVariantList availableLanguages() const;
    double textScale() const { return m_textScale; }
    void setTextScale(double scale);
    double baseFontPixelSize() const;
    int lockDelayMinutes() const { return m_lockDelayMinutes; }
    void setLockDelayMinutes(int minutes);
    QVariantList lockDelayChoices() const;
    QVariantList textScaleChoices() const;

    QDateTime lastSync() const;
    void setLastSync(const QDateTime& when);

    // Installs the translation for effectiveLanguage() (none for English) and, when QML is
    // running, asks the engine to re-read every qsTr.
    void applyLanguage();
    void setEngine(QQmlEngine* engine) { m_engine = engine; }

    static constexpr double kMinTextScale = 0.85;
    static constexpr double kMaxTextScale = 2.0;

signals:
    void languageChanged();
    void textScaleChanged();
    void lockDelayChanged();

private:
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<QTranslator> m_translator;
    QQmlEngine* m_engine = nullptr;
    QString m_language;
    double m_textScale = 1.0;
    int m_lockDelayMinutes = 5;
};

} // namespace fieldbook::app
