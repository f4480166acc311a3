#include "sync/synccontroller.h"

#include "appcontroller.h"
#include "errorchannel.h"
#include "models/problemlistmodel.h"
#include "net/apiclient.h"
#include "settings/appsettings.h"
#include "store/localstore.h"
#include "sync/syncengine.h"

#include <QJSEngine>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkInformation>

#include <algorithm>

namespace fieldbook::app {

namespace {
constexpr int kFirstBackoffMs = 5 * 1000;
constexpr int kMaxBackoffMs = 5 * 60 * 1000;
constexpr int kSoonMs = 1500;
} // namespace

SyncController::SyncController(AppController* app)
    : QObject(app)
    , m_app(app)
    , m_engine(new SyncEngine(app->store(), app->api(), this))
    , m_problems(new ProblemListModel(this))
{
    m_status = tr("Not synced yet");
    // The last good sync of an earlier run, so that "last sync" means the same after a restart.
    m_lastSync = AppSettings::instance()->lastSync();
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        m_nextRetry = {};
        if (m_app->state() == AppController::State::Ready) {
            syncNow();
        }
    });
    connect(m_engine, &SyncEngine::progress, this, [this](double fraction, const QString& stage) {
        m_progress = fraction;
        m_status = stage;
        emit stateChanged();
    });
    connect(m_engine, &SyncEngine::finished, this, &SyncController::onEngineFinished);
    connect(m_engine, &SyncEngine::userInfo, m_app, &AppController::learnUser);
    // Where the platform can say when the network comes back, try then (not every platform can).
    if (QNetworkInformation::loadDefaultBackend()) {
        if (auto* network = QNetworkInformation::instance()) {
            connect(network, &QNetworkInformation::reachabilityChanged, this,
                    [this](QNetworkInformation::Reachability reachability) {
                        if (reachability == QNetworkInformation::Reachability::Online && m_waiting > 0) {
                            retrySoon();
                        }
                    });
        }
    }
}

SyncController::~SyncController() = default;

SyncController* SyncController::create(QQmlEngine* /*qmlEngine*/, QJSEngine* /*jsEngine*/)
{
    SyncController* sync = AppController::instance()->sync();
    QJSEngine::setObjectOwnership(sync, QJSEngine::CppOwnership);
    return sync;
}

QString SyncController::lastSyncText() const
{
    if (!m_lastSync.isValid()) {
        return tr("never");
    }
    return QLocale().toString(m_lastSync.toLocalTime(), QLocale::ShortFormat);
}

QString SyncController::retryText() const
{
    if (!m_nextRetry.isValid() || m_busy) {
        return {};
    }
    const qint64 seconds = std::max<qint64>(1, QDateTime::currentDateTimeUtc().secsTo(m_nextRetry));
    return tr("Trying again in %n second(s)", nullptr, static_cast<int>(seconds));
}

QString SyncController::clockWarning() const
{
    return m_app->api()->clock().warning();
}

void SyncController::refreshCounts()
{
    if (m_app->state() == AppController::State::Ready) {
        m_waiting = m_app->store()->waitingCount();
        m_problems->reload(*m_app->store());
    } else {
        m_waiting = 0;
        m_problems->clear();
    }
    emit stateChanged();
}

void SyncController::onUnlocked()
{
    refreshCounts();
}

void SyncController::onLocked()
{
    m_engine->stop();
    m_retry.stop();
    m_nextRetry = {};
    m_engine->resetToken();
    m_problems->clear();
    m_waiting = 0;
    emit stateChanged();
}

void SyncController::retrySoon()
{
    scheduleRetry(kSoonMs);
}

void SyncController::scheduleRetry(int delayMs)
{
    m_nextRetry = QDateTime::currentDateTimeUtc().addMSecs(delayMs);
    m_retry.start(delayMs);
    emit stateChanged();
}

void SyncController::syncNow()
{
    if (m_app->state() != AppController::State::Ready) {
        checkServer();
        return;
    }
    if (m_engine->running()) {
        return;
    }
    m_retry.stop();
    m_nextRetry = {};
    m_busy = true;
    m_progress = 0.0;
    emit stateChanged();
    m_engine->run();
}

void SyncController::onEngineFinished(const SyncOutcome& outcome)
{
    m_busy = false;
    m_lastSucceeded = outcome.ok;
    m_status = outcome.message;
    if (outcome.revoked) {
        m_app->wipeWithMessage(outcome.message);
        emit stateChanged();
        emit finished(false, outcome.message);
        return;
    }
    if (outcome.ok) {
        m_lastSync = QDateTime::currentDateTimeUtc();
        AppSettings::instance()->setLastSync(m_lastSync);
        m_backoffMs = 0;
        m_progress = 1.0;
    } else if (outcome.errorCode == QLatin1String("stopped")) {
        // Locked or wiped on purpose: nothing for a person to act on.
    } else if (outcome.networkDown) {
        m_backoffMs = m_backoffMs == 0 ? kFirstBackoffMs : std::min(kMaxBackoffMs, m_backoffMs * 2);
        scheduleRetry(m_backoffMs);
        m_app->errors()->report(outcome.message, QStringLiteral("warning"));
    } else {
        m_app->errors()->report(outcome.message);
    }
    refreshCounts();
    m_app->refresh();
    if (outcome.ok && (outcome.quarantined > 0 || outcome.rejected > 0)) {
        m_app->errors()->report(tr("%n record(s) need your attention: see Sync.", nullptr,
                                   outcome.quarantined + outcome.rejected),
                                QStringLiteral("warning"));
    }
    emit stateChanged();
    emit finished(outcome.ok, outcome.message);
}

void SyncController::dismissProblem(const QString& changeId)
{
    if (m_app->state() != AppController::State::Ready) {
        return;
    }
    m_app->store()->dismissProblem(changeId.toStdString());
    refreshCounts();
    m_app->refresh();
}

void SyncController::checkServer()
{
    if (m_busy) {
        return;
    }
    m_busy = true;
    m_status = tr("Contacting the server…");
    emit stateChanged();
    m_app->api()->get(QStringLiteral("/v1/health"), [this](const ApiReply& reply) {
        if (!reply.ok()) {
            m_serverAnswer.clear();
            finishHealth(false, reply.message);
            return;
        }
        m_serverAnswer = QString::fromUtf8(reply.json.toJson(QJsonDocument::Compact));
        m_lastSync = QDateTime::currentDateTimeUtc();
        AppSettings::instance()->setLastSync(m_lastSync);
        const QString status = reply.object().value(QLatin1String("status")).toString();
        finishHealth(true, tr("Server reached securely: status %1").arg(status));
    });
}

void SyncController::finishHealth(bool ok, const QString& status)
{
    m_busy = false;
    m_lastSucceeded = ok;
    m_status = status;
    emit stateChanged();
    if (!ok) {
        m_app->errors()->report(status);
    }
    emit finished(ok, status);
}

} // namespace fieldbook::app
