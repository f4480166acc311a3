#include "sync/syncengine.h"

#include "jsonbridge.h"
#include "model/ids.h"
#include "rules/roles.h"
#include "net/apiclient.h"
#include "store/localstore.h"
#include "sync/changecodec.h"
#include "sync/clockrestamp.h"
#include "sync/limits.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUrlQuery>

#include <algorithm>

namespace fieldbook::app {

namespace {
constexpr std::int64_t kTokenMarginMs = 30 * 1000; // renew a little before the server would refuse
}

SyncEngine::SyncEngine(LocalStore* store, ApiClient* api, QObject* parent)
    : QObject(parent), m_store(store), m_api(api)
{
}

void SyncEngine::setBatchSizes(int pushBatch, int pullBatch)
{
    m_pushBatch = std::clamp(pushBatch, 1, static_cast<int>(limits::kMaxChangesPerPush));
    m_pullBatch = std::clamp(pullBatch, 1, static_cast<int>(limits::kMaxPullLimit));
}

void SyncEngine::resetToken()
{
    m_accessToken.clear();
    m_tokenExpiresAtMs = 0;
    m_api->setAccessToken({});
}

template<typename Step>
std::function<void(const ApiReply&)> SyncEngine::guarded(Step step)
{
    return [this, step](const ApiReply& reply) {
        if (!m_running) {
            return;
        }
        if (!m_store->unlocked()) {
            finish(false, tr("Sync stopped: Fieldbook was locked."), QStringLiteral("stopped"));
            return;
        }
        try {
            step(reply);
        } catch (const std::exception& error) {
            finish(false, tr("Sync stopped: this phone could not store what arrived (%1).").arg(QString::fromUtf8(error.what())),
                   QStringLiteral("local_error"));
        }
    };
}

void SyncEngine::stop()
{
    if (m_running) {
        finish(false, tr("Sync stopped."), QStringLiteral("stopped"));
    }
}

void SyncEngine::run()
{
    if (m_running) {
        return;
    }
    m_running = true;
    m_retriedAuth = false;
    m_outcome = SyncOutcome{};
    m_pushTotal = m_store->waitingCount();
    emit progress(0.0, tr("Connecting…"));
    ensureToken();
}

void SyncEngine::ensureToken()
{
    if (!m_accessToken.isEmpty() && QDateTime::currentMSecsSinceEpoch() < m_tokenExpiresAtMs - kTokenMarginMs) {
        fetchMe();
        return;
    }
    const auto identity = m_store->identity();
    if (!identity || identity->deviceId.empty()) {
        finish(false, tr("This phone is not enrolled yet."), QStringLiteral("not_enrolled"));
        return;
    }
    const QJsonObject body{{QStringLiteral("device_id"), qs(identity->deviceId)},
                           {QStringLiteral("refresh_token"), qs(identity->refreshToken)}};
    m_api->post(QStringLiteral("/v1/token"), body, guarded([this](const ApiReply& reply) {
        if (!reply.ok()) {
            if (reply.errorCode == QLatin1String("device_revoked")) {
                m_outcome.revoked = true;
                finish(false, tr("This phone has been revoked by an administrator. Its local data has been erased."),
                       reply.errorCode);
                return;
            }
            m_outcome.networkDown = reply.failure == ApiReply::Failure::Network ||
                                    reply.failure == ApiReply::Failure::Timeout;
            finish(false, reply.message, reply.errorCode);
            return;
        }
        acceptToken(reply.object());
        fetchMe();
    }));
}

void SyncEngine::acceptToken(const QJsonObject& answer)
{
    m_accessToken = answer.value(QLatin1String("access_token")).toString();
    const auto expiresIn = static_cast<std::int64_t>(answer.value(QLatin1String("expires_in")).toDouble(60));
    m_tokenExpiresAtMs = QDateTime::currentMSecsSinceEpoch() + expiresIn * 1000;
    m_api->setAccessToken(m_accessToken);
    // The server rotates the refresh token on every use: the one just sent works only for a short
    // retry grace, so the new one is stored at once (sealed, with the rest of the identity).
    const QString rotated = answer.value(QLatin1String("refresh_token")).toString();
    if (auto identity = m_store->identity(); identity && !rotated.isEmpty()) {
        identity->refreshToken = rotated.toStdString();
        m_store->saveIdentity(*identity);
    }
}

void SyncEngine::fetchMe()
{
    // Who the user is may change between runs (roles granted or taken away); a failure here is
    // not worth stopping for: push and pull say the rest.
    m_api->get(QStringLiteral("/v1/me"), guarded([this](const ApiReply& reply) {
        if (reply.ok()) {
            emit userInfo(reply.object());
            const QJsonArray roles = reply.object().value(QLatin1String("roles")).toArray();
            if (roles.contains(QStringLiteral("coordinator")) || roles.contains(QStringLiteral("practitioner"))) {
                fetchTeam();
                return;
            }
        }
        pushNext();
    }));
}

void SyncEngine::fetchTeam()
{
    m_api->get(QStringLiteral("/v1/team"), guarded([this](const ApiReply& reply) {
        if (reply.ok() && m_store->unlocked()) {
            std::vector<User> users;
            for (const QJsonValue& value : reply.object().value(QLatin1String("users")).toArray()) {
                const QJsonObject object = value.toObject();
                User user;
                user.id = ss(object.value(QLatin1String("user_id")).toString());
                user.name = ss(object.value(QLatin1String("name")).toString().left(200));
                // Every user listed shares the caller's team (that is what the server lists).
                user.team = ss(reply.object().value(QLatin1String("team")).toString().left(200));
                for (const QJsonValue& role : object.value(QLatin1String("roles")).toArray()) {
                    if (const auto parsed = parseRole(ss(role.toString()))) {
                        user.roles.add(*parsed);
                    }
                }
                if (isId(user.id)) {
                    users.push_back(std::move(user));
                }
            }
            m_store->saveTeam(users);
        }
        pushNext();
    }));
}

bool SyncEngine::handleAuthFailure(int status, const QString& code, void (SyncEngine::*retry)())
{
    if (code == QLatin1String("device_revoked")) {
        m_outcome.revoked = true;
        finish(false, tr("This phone has been revoked by an administrator. Its local data has been erased."), code);
        return true;
    }
    if (status == 401 && !m_retriedAuth) {
        // The access token expired mid-run: get a new one once, then carry on where we were.
        m_retriedAuth = true;
        resetToken();
        const auto identity = m_store->identity();
        const QJsonObject body{{QStringLiteral("device_id"), qs(identity ? identity->deviceId : std::string())},
                               {QStringLiteral("refresh_token"), qs(identity ? identity->refreshToken : std::string())}};
        m_api->post(QStringLiteral("/v1/token"), body, guarded([this, retry](const ApiReply& reply) {
            if (!reply.ok()) {
                if (reply.errorCode == QLatin1String("device_revoked")) {
                    m_outcome.revoked = true;
                }
                finish(false, reply.message, reply.errorCode);
                return;
            }
            acceptToken(reply.object());
            (this->*retry)();
        }));
        return true;
    }
    return false;
}

void SyncEngine::pushNext()
{
    const std::vector<OutboxEntry> batch = m_store->waitingChanges(static_cast<std::size_t>(m_pushBatch));
    if (batch.empty()) {
        pullNext();
        return;
    }
    QJsonArray changes;
    std::vector<std::string> ids;
    for (const OutboxEntry& entry : batch) {
        changes.append(toQt(encodeChange(entry.change)));
        ids.push_back(entry.change.id);
    }
    const int sent = m_outcome.pushed + m_outcome.quarantined + m_outcome.rejected;
    emit progress(m_pushTotal > 0 ? 0.5 * sent / m_pushTotal : 0.0,
                  tr("Sending %1 of %2…").arg(sent + static_cast<int>(batch.size())).arg(std::max(m_pushTotal, sent + static_cast<int>(batch.size()))));
    m_api->post(QStringLiteral("/v1/sync/push"), QJsonObject{{QStringLiteral("changes"), changes}},
                guarded([this, ids](const ApiReply& reply) {
                    if (!reply.ok()) {
                        if (handleAuthFailure(reply.status, reply.errorCode, &SyncEngine::pushNext)) {
                            return;
                        }
                        m_outcome.networkDown = reply.failure == ApiReply::Failure::Network ||
                                                reply.failure == ApiReply::Failure::Timeout;
                        finish(false, reply.message, reply.errorCode);
                        return;
                    }
                    const QJsonArray results = reply.object().value(QLatin1String("results")).toArray();
                    std::vector<PushResult> stored;
                    int clockRefusals = 0;
                    for (qsizetype i = 0; i < results.size(); ++i) {
                        const QJsonObject result = results.at(i).toObject();
                        PushResult item;
                        item.changeId = result.value(QLatin1String("id")).toString().toStdString();
                        if (item.changeId.empty() && static_cast<std::size_t>(i) < ids.size()) {
                            item.changeId = ids[static_cast<std::size_t>(i)];
                        }
                        item.status = result.value(QLatin1String("status")).toString().toStdString();
                        item.reason = result.value(QLatin1String("reason")).toString().toStdString();
                        item.was = result.value(QLatin1String("was")).toString().toStdString();
                        if (item.status == "quarantined" || item.was == "quarantined") {
                            ++m_outcome.quarantined;
                        } else if (item.status == "rejected" && isClockRefusal(item.reason)) {
                            ++clockRefusals; // counted below, unless stamped again and resent
                        } else if (item.status == "rejected") {
                            ++m_outcome.rejected;
                        } else {
                            ++m_outcome.pushed;
                        }
                        stored.push_back(std::move(item));
                    }
                    if (stored.empty()) {
                        finish(false, tr("The server's answer to a push was not understood."),
                               QStringLiteral("bad_answer"));
                        return;
                    }
                    const std::size_t problemsBefore = clockRefusals > 0 ? m_store->problems().size() : 0;
                    m_store->applyPushResults(stored);
                    if (clockRefusals > 0) {
                        m_outcome.rejected += static_cast<int>(m_store->problems().size() - problemsBefore);
                    }
                    pushNext();
                }));
}

void SyncEngine::pullNext()
{
    QUrlQuery query;
    const std::string cursor = m_store->pullCursor();
    if (!cursor.empty()) {
        query.addQueryItem(QStringLiteral("cursor"), qs(cursor));
    }
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_pullBatch));
    const double base = m_pushTotal > 0 ? 0.5 : 0.1;
    emit progress(base + (1.0 - base) * (1.0 - 1.0 / (1.0 + m_outcome.pulled / 200.0)),
                  tr("Receiving updates… %1 so far").arg(m_outcome.pulled));
    m_api->get(QStringLiteral("/v1/sync/pull?") + query.toString(QUrl::FullyEncoded), guarded([this](const ApiReply& reply) {
        if (!reply.ok()) {
            if (handleAuthFailure(reply.status, reply.errorCode, &SyncEngine::pullNext)) {
                return;
            }
            m_outcome.networkDown =
                reply.failure == ApiReply::Failure::Network || reply.failure == ApiReply::Failure::Timeout;
            finish(false, reply.message, reply.errorCode);
            return;
        }
        const QJsonObject answer = reply.object();
        std::vector<Change> changes;
        for (const QJsonValue& item : answer.value(QLatin1String("changes")).toArray()) {
            const ChangeOrError decoded = decodeChange(toBoostValue(item));
            if (const auto* change = std::get_if<Change>(&decoded)) {
                Change pulled = *change;
                // The author is the server's word here (it set it from the pushing device's token).
                pulled.author = item.toObject().value(QLatin1String("author")).toString().toStdString();
                changes.push_back(std::move(pulled));
            }
        }
        const std::string before = m_store->pullCursor();
        const QString next = answer.value(QLatin1String("cursor")).toString();
        m_store->applyPulled(changes, next.isEmpty() ? before : next.toStdString());
        m_outcome.pulled += static_cast<int>(changes.size());
        // A page that does not move the cursor would be asked for again forever.
        if (answer.value(QLatin1String("more")).toBool() && !next.isEmpty() && next.toStdString() != before) {
            pullNext();
            return;
        }
        finish(true, {});
    }));
}

void SyncEngine::finish(bool ok, const QString& message, const QString& code)
{
    m_running = false;
    m_outcome.ok = ok;
    m_outcome.errorCode = code;
    if (ok) {
        QStringList parts;
        parts << tr("%n sent", nullptr, m_outcome.pushed) << tr("%n received", nullptr, m_outcome.pulled);
        if (m_outcome.quarantined > 0) {
            parts << tr("%n held for review", nullptr, m_outcome.quarantined);
        }
        if (m_outcome.rejected > 0) {
            parts << tr("%n refused", nullptr, m_outcome.rejected);
        }
        m_outcome.message = tr("Up to date: %1").arg(parts.join(QStringLiteral(", ")));
        emit progress(1.0, m_outcome.message);
    } else {
        m_outcome.message = message;
    }
    emit finished(m_outcome);
}

} // namespace fieldbook::app
