// The app's root object: owns the local store, the pinned API client, sync and the lists every page
// shares, and walks the phone through its states: enrol -> (set PIN) -> ready <-> locked.
// Locks after inactivity and when the app goes to the background; wipes the phone after too many
// wrong PINs and when the server says the device is revoked.
// One instance per process, created by main() (or a test's setup) before QML asks for it.
// GUI thread only.
#pragma once

#include "appoptions.h"
#include "models/caseloadmodel.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QQmlEngine;
class QJSEngine;

namespace fieldbook {
struct User;
}

namespace fieldbook::app {

class ApiClient;
class ErrorChannel;
class LocalStore;
class SyncController;

class AppController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY serverChanged)
    Q_PROPERTY(QString fingerprint READ fingerprint NOTIFY serverChanged)
    Q_PROPERTY(QString fingerprintGrouped READ fingerprintGrouped NOTIFY serverChanged)
    Q_PROPERTY(QString presentedFingerprint READ presentedFingerprint NOTIFY serverChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY userChanged)
    Q_PROPERTY(QStringList roles READ roles NOTIFY userChanged)
    Q_PROPERTY(QString rolesText READ rolesText NOTIFY userChanged)
    Q_PROPERTY(bool isVolunteer READ isVolunteer NOTIFY userChanged)
    Q_PROPERTY(bool isPractitioner READ isPractitioner NOTIFY userChanged)
    Q_PROPERTY(bool isCoordinator READ isCoordinator NOTIFY userChanged)
    Q_PROPERTY(QVariantList menuForms READ menuForms NOTIFY userChanged)
    // Whether this person may raise a safeguarding concern (the core's role table, which the server
    // enforces): offered from every main screen, with or without a case.
    Q_PROPERTY(bool canRaiseConcern READ canRaiseConcern NOTIFY userChanged)
    Q_PROPERTY(int attemptsLeft READ attemptsLeft NOTIFY stateChanged)
    Q_PROPERTY(fieldbook::app::CaseloadModel* caseload READ caseload CONSTANT)

public:
    enum class State { Enrol, Locked, Ready };
    Q_ENUM(State)

    // Not default-constructible on purpose: QML must reach the one instance through create()
    // (Qt 6.4 prefers a default constructor over the factory).
    explicit AppController(AppOptions options, QObject* parent = nullptr);
    ~AppController() override;

    // The process-wide instance; creates a default one when main() or a test did not.
    static AppController* instance();
    static AppController* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

    const AppOptions& options() const { return m_options; }
    ApiClient* api() const { return m_api; }
    ErrorChannel* errors() const { return m_errors; }
    SyncController* sync() const { return m_sync; }
    LocalStore* store() const { return m_store.get(); }
    CaseloadModel* caseload() const { return m_caseload; }

    State state() const { return m_state; }
    bool busy() const { return m_busy; }
    QString serverUrl() const;
    QString fingerprint() const;
    QString fingerprintGrouped() const;
    QString presentedFingerprint() const { return m_presentedFingerprint; }
    QString userName() const;
    QStringList roles() const;
    QString rolesText() const; // "befriender, play volunteer", for a person to read
    bool isVolunteer() const;
    bool isPractitioner() const;
    bool isCoordinator() const;
    QVariantList menuForms() const;
    bool canRaiseConcern() const;
    int attemptsLeft() const;
    // The signed-in user as the rules see them (roles included); empty when locked.
    User currentUser() const;

    // Asks the server for its certificate without sending anything, to show a person the
    // fingerprint before they pin it (presentedFingerprint changes).
    Q_INVOKABLE void probeServer(const QString& url);
    // Sets the PIN (new data key), enrols with the one-time code, pins the certificate.
    Q_INVOKABLE void enrol(const QString& url, const QString& fingerprint, const QString& code, const QString& pin);
    Q_INVOKABLE void unlock(const QString& pin);
    Q_INVOKABLE void lock();
    Q_INVOKABLE void eraseThisPhone();
    Q_INVOKABLE void navigate(const QString& page, const QString& argument = {});
    // Any touch or key: restarts the inactivity timer.
    Q_INVOKABLE void noteActivity();
    // Re-reads the lists from the store (after a local write or a sync).
    void refresh();
    // What the server says about the signed-in user ({"name", "roles", "team"}, or under "user"):
    // GET /v1/me on every sync. The roles are only ever the server's.
    void learnUser(const QJsonObject& answer);
    // Erases every local record and the enrolment, back to the enrol screen, telling why.
    void wipeWithMessage(const QString& message);

signals:
    void stateChanged();
    void busyChanged();
    void serverChanged();
    void userChanged();
    void dataChanged();
    // Asks Main.qml to show a screen ("caseload", "case", "form", "sync", ...).
    void navigationRequested(const QString& page, const QString& argument);
    // Emitted once an enrol attempt has ended (ok or not), for the command line driver.
    void enrolFinished(bool ok, const QString& message);
    void unlockFinished(bool ok, const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void setState(State state);
    void setBusy(bool busy);
    void afterUnlock();
    void onApplicationStateChanged(Qt::ApplicationState state);

    AppOptions m_options;
    ApiClient* m_api = nullptr;
    ErrorChannel* m_errors = nullptr;
    std::unique_ptr<LocalStore> m_store;
    SyncController* m_sync = nullptr;
    CaseloadModel* m_caseload = nullptr;
    State m_state = State::Enrol;
    bool m_busy = false;
    QString m_presentedFingerprint;
    QTimer m_inactivity;
};

} // namespace fieldbook::app
