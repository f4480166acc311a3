// Sync as QML sees it: one button, a progress bar, a count of what is waiting, the list of records
// the server held back or refused, and a line saying what happened last. Retries by itself with
// backoff while the network is away, and soon after every local write.
// GUI thread only.
#pragma once

#include "models/problemlistmodel.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace fieldbook::app {

class AppController;
class SyncEngine;
struct SyncOutcome;

class SyncController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(double progress READ progress NOTIFY stateChanged)
    Q_PROPERTY(QString status READ status NOTIFY stateChanged)
    Q_PROPERTY(bool lastSucceeded READ lastSucceeded NOTIFY stateChanged)
    Q_PROPERTY(QString serverAnswer READ serverAnswer NOTIFY stateChanged)
    Q_PROPERTY(QString lastSyncText READ lastSyncText NOTIFY stateChanged)
    Q_PROPERTY(int waitingCount READ waitingCount NOTIFY stateChanged)
    Q_PROPERTY(QString retryText READ retryText NOTIFY stateChanged)
    // "" while the phone's clock agrees with the server's within a minute; else what is off and
    // that records are stamped with the server's time (serverclock.h).
    Q_PROPERTY(QString clockWarning READ clockWarning NOTIFY stateChanged)
    Q_PROPERTY(fieldbook::app::ProblemListModel* problems READ problems CONSTANT)

public:
    // Not default-constructible on purpose: QML must reach AppController's instance via create().
    explicit SyncController(AppController* app);
    ~SyncController() override;
    static SyncController* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

    bool busy() const { return m_busy; }
    double progress() const { return m_progress; }
    QString status() const { return m_status; }
    bool lastSucceeded() const { return m_lastSucceeded; }
    QString serverAnswer() const { return m_serverAnswer; }
    QString lastSyncText() const;
    int waitingCount() const { return m_waiting; }
    QString retryText() const;
    QString clockWarning() const;
    ProblemListModel* problems() const { return m_problems; }
    SyncEngine* engine() const { return m_engine; }

    // Push then pull; before enrolment, only checks that the server answers (GET /v1/health).
    Q_INVOKABLE void syncNow();
    // Reaches the server over pinned TLS (GET /v1/health) and reports what it answered.
    Q_INVOKABLE void checkServer();
    Q_INVOKABLE void dismissProblem(const QString& changeId);

    // From AppController.
    void onUnlocked();
    void onLocked();
    // A sync in a few seconds (after a local write, when the app comes back, when the network does).
    void retrySoon();
    void refreshCounts();

signals:
    void stateChanged();
    void finished(bool ok, const QString& message);

private:
    void finishHealth(bool ok, const QString& status);
    void onEngineFinished(const SyncOutcome& outcome);
    void scheduleRetry(int delayMs);

    AppController* m_app = nullptr;
    SyncEngine* m_engine = nullptr;
    ProblemListModel* m_problems = nullptr;
    QTimer m_retry;
    bool m_busy = false;
    bool m_lastSucceeded = false;
    double m_progress = 0.0;
    int m_waiting = 0;
    int m_backoffMs = 0;
    QString m_status;
    QString m_serverAnswer;
    QDateTime m_lastSync;
    QDateTime m_nextRetry;
};

} // namespace fieldbook::app
