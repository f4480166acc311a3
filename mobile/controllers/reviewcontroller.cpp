#include "controllers/reviewcontroller.h"

#include "appcontroller.h"
#include "jsonbridge.h"
#include "net/apiclient.h"
#include "rules/review.h"
#include "store/localstore.h"
#include "sync/synccontroller.h"

#include <QDateTime>
#include <QJsonArray>

namespace fieldbook::app {

ReviewController::ReviewController(QObject* parent)
    : QObject(parent), m_app(AppController::instance()), m_held(new HeldListModel(this))
{
    m_tick.setInterval(30 * 1000);
    connect(&m_tick, &QTimer::timeout, this, &ReviewController::grantsChanged);
}

bool ReviewController::mayDecide() const
{
    return m_app != nullptr && mayDecideHeld(m_app->currentUser().roles);
}

int ReviewController::minimumTextLength() const
{
    return static_cast<int>(kMinReviewTextChars);
}

QString ReviewController::textProblem(const QString& text, const QString& what) const
{
    const QByteArray utf8 = text.toUtf8();
    return qs(reviewTextProblem(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), ss(what)));
}

QVariantList ReviewController::grants() const
{
    QVariantList out;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Grant& grant : m_grants) {
        const QDateTime expires = QDateTime::fromString(grant.expiresAt, Qt::ISODate);
        const qint64 left = now.secsTo(expires);
        if (left <= 0) {
            continue;
        }
        out.append(QVariantMap{{QStringLiteral("caseId"), grant.caseId},
                               {QStringLiteral("expiresAt"), expires.toLocalTime().toString(QStringLiteral("HH:mm"))},
                               {QStringLiteral("timeLeft"), tr("%1 h %2 min left").arg(left / 3600).arg((left % 3600) / 60)}});
    }
    return out;
}

void ReviewController::finish(const QString& message)
{
    m_busy = false;
    m_message = message;
    emit stateChanged();
}

void ReviewController::failed(const ApiReply& reply)
{
    finish(reply.message.isEmpty() ? tr("The server did not answer; try again when online.") : reply.message);
}

void ReviewController::withToken(const std::function<void()>& call)
{
    if (m_app == nullptr || m_busy) {
        return;
    }
    const auto identity = m_app->store()->unlocked() ? m_app->store()->identity() : std::nullopt;
    if (!identity || identity->deviceId.empty()) {
        finish(tr("This phone is not enrolled."));
        return;
    }
    m_busy = true;
    m_message.clear();
    emit stateChanged();
    const QJsonObject body{{QStringLiteral("device_id"), qs(identity->deviceId)},
                           {QStringLiteral("refresh_token"), qs(identity->refreshToken)}};
    m_app->api()->post(QStringLiteral("/v1/token"), body, [this, call](const ApiReply& reply) {
        if (!reply.ok()) {
            failed(reply);
            return;
        }
        m_app->api()->setAccessToken(reply.object().value(QLatin1String("access_token")).toString());
        call();
    });
}

void ReviewController::refresh()
{
    withToken([this] {
        m_app->api()->get(QStringLiteral("/v1/review"), [this](const ApiReply& reply) {
            if (!reply.ok()) {
                failed(reply);
                return;
            }
            m_held->setHeld(reply.object().value(QLatin1String("held")).toArray(), m_app->store(),
                            qs(m_app->currentUser().id));
            finish(m_held->count() == 0 ? tr("Nothing is held for review.") : QString());
        });
    });
}

void ReviewController::decide(const QString& changeId, const QString& decision, const QString& note)
{
    if (const QString problem = textProblem(note, QStringLiteral("note")); !problem.isEmpty()) {
        finish(problem);
        return;
    }
    const QJsonObject body{{QStringLiteral("change_id"), changeId},
                           {QStringLiteral("decision"), decision},
                           {QStringLiteral("note"), note}};
    withToken([this, body, changeId] {
        m_app->api()->post(QStringLiteral("/v1/review"), body, [this, changeId](const ApiReply& reply) {
            if (!reply.ok()) {
                failed(reply);
                return;
            }
            const QString state = reply.object().value(QLatin1String("state")).toString();
            if (state == QLatin1String("applied")) {
                m_held->removeChange(changeId);
            }
            finish(state == QLatin1String("applied") ? tr("Released: the record now stands on its case.")
                                                      : tr("Kept held, with your note."));
            emit decided(changeId, state);
            m_app->sync()->retrySoon();
        });
    });
}

void ReviewController::breakGlass(const QString& caseId, const QString& reason)
{
    if (const QString problem = textProblem(reason, QStringLiteral("reason")); !problem.isEmpty()) {
        finish(problem);
        return;
    }
    const QJsonObject body{{QStringLiteral("case_id"), caseId}, {QStringLiteral("reason"), reason}};
    withToken([this, body] {
        m_app->api()->post(QStringLiteral("/v1/break-glass"), body, [this](const ApiReply& reply) {
            if (!reply.ok()) {
                failed(reply);
                return;
            }
            const QString caseId = reply.object().value(QLatin1String("case_id")).toString();
            const QString expires = reply.object().value(QLatin1String("expires_at")).toString();
            m_grants.push_back(Grant{caseId, expires});
            m_tick.start();
            emit grantsChanged();
            finish(tr("You have this case for four hours. Every record you open is in the audit log."));
            emit granted(caseId, expires);
            m_app->sync()->retrySoon();
        });
    });
}

} // namespace fieldbook::app
