#include "simdevice.h"

#include "sync/changecodec.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslSocket>
#include <QThread>
#include <QUrl>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace fieldbook::faults {

namespace {

constexpr int kMaxBatchesPerSync = 8;

std::string text(const boost::json::object& object, std::string_view key)
{
    const auto* value = object.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : std::string();
}

std::optional<boost::json::value> parseJson(const QByteArray& body)
{
    boost::system::error_code error;
    auto value =
        boost::json::parse(std::string_view(body.constData(), static_cast<std::size_t>(body.size())), error);
    if (error) {
        return std::nullopt;
    }
    return value;
}

} // namespace

SimDevice::SimDevice(DeviceIdentity identity, ServerEndpoint& endpoint, std::uint64_t seed,
                     DeviceOptions options, Writer writer)
    : m_identity(std::move(identity))
    , m_endpoint(endpoint)
    , m_random(seed)
    , m_decisions(seed ^ 0x9e3779b97f4a7c15ULL)
    , m_jitter(seed ^ 0xc2b2ae3d27d4eb4fULL)
    , m_options(options)
    , m_writer(std::move(writer))
    , m_clock(std::make_unique<HybridClock>(m_identity.deviceId.toStdString()))
    , m_deadlineMs(options.deadlineMs)
{
    m_clockStarted.start();
}

SimDevice::~SimDevice() = default;

testsupport::HttpsClient& SimDevice::client()
{
    const ServerEndpoint::Address address = m_endpoint.get();
    if (!m_client || address.generation != m_clientGeneration || m_clientThread != QThread::currentThread()) {
        // Made on the calling (device) thread, so its QNetworkAccessManager lives there.
        m_client = std::make_unique<testsupport::HttpsClient>(address.url, address.fingerprint);
        m_client->setTimeout(15000);
        if (m_clientGeneration >= 0) {
            ++m_stats.reconnects;
        }
        m_clientGeneration = address.generation;
        m_clientThread = QThread::currentThread();
    }
    return *m_client;
}

void SimDevice::backoff()
{
    QThread::msleep(static_cast<unsigned long>(40 + m_jitter() % 120));
}

void SimDevice::fail(const QString& what)
{
    if (m_errors.size() < 20) {
        m_errors << m_identity.name + QStringLiteral(": ") + what;
    }
}

bool SimDevice::refreshToken()
{
    const auto reply = client().post(QStringLiteral("/v1/token"),
                                     QJsonObject{{QStringLiteral("device_id"), m_identity.deviceId},
                                                 {QStringLiteral("refresh_token"), m_identity.refreshToken}});
    if (reply.status != 200) {
        return false;
    }
    m_identity.accessToken = reply.object().value(QStringLiteral("access_token")).toString();
    // Rotated on every use, as a phone keeps it; a lost answer is retried with the old one (grace).
    if (const QString rotated = reply.object().value(QStringLiteral("refresh_token")).toString(); !rotated.isEmpty()) {
        m_identity.refreshToken = rotated;
    }
    ++m_stats.tokenRefreshes;
    return true;
}

void SimDevice::run()
{
    m_clockStarted.restart();
    for (int step = 0; step < m_options.steps && !expired(); ++step) {
        write();
        const double roll = std::uniform_real_distribution<double>(0, 1)(m_decisions);
        if (roll < m_options.offline) {
            if (m_progress != nullptr) {
                ++*m_progress;
            }
            continue; // offline this round: the writes wait in the outbox
        }
        sync();
        if (m_progress != nullptr) {
            ++*m_progress;
        }
        QThread::msleep(static_cast<unsigned long>(m_jitter() % 40));
    }
    while (m_mayFinish && !m_mayFinish() && !expired()) {
        // Keep syncing while the faults go on, so that they land on a busy server.
        sync();
        QThread::msleep(static_cast<unsigned long>(20 + m_jitter() % 40));
    }
    if (!drain()) {
        fail(QStringLiteral("did not finish within %1 ms").arg(m_deadlineMs));
    }
}

void SimDevice::write()
{
    for (PlannedWrite& planned : m_writer(m_random, *m_clock)) {
        OutboxItem item;
        item.encoded = QByteArray::fromStdString(boost::json::serialize(encodeChange(planned.change)));
        item.change = std::move(planned.change);
        item.expected = planned.expected;
        m_items.push_back(std::move(item));
    }
}

std::vector<std::size_t> SimDevice::nextBatch()
{
    const auto size =
        static_cast<std::size_t>(1 + m_decisions() % static_cast<std::uint64_t>(m_options.maxBatch));
    std::vector<std::size_t> batch;
    for (std::size_t i = 0; i < m_items.size() && batch.size() < size; ++i) {
        if (m_items[i].told.isEmpty()) {
            batch.push_back(i);
        }
    }
    return batch;
}

QByteArray SimDevice::body(const std::vector<std::size_t>& batch) const
{
    QByteArray out = "{\"changes\":[";
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        out += m_items[batch[i]].encoded;
    }
    out += "]}";
    return out;
}

bool SimDevice::sync()
{
    const double cutRoll = std::uniform_real_distribution<double>(0, 1)(m_decisions);
    const double replayRoll = std::uniform_real_distribution<double>(0, 1)(m_decisions);
    for (int round = 0; round < kMaxBatchesPerSync; ++round) {
        const std::vector<std::size_t> batch = nextBatch();
        if (batch.empty()) {
            break;
        }
        if (round == 0 && cutRoll < m_options.cut) {
            cut(batch);
        }
        if (push(batch) == Outcome::Failed) {
            backoff();
            return false;
        }
    }
    if (replayRoll < m_options.replay) {
        replay();
    }
    bool more = true;
    for (int page = 0; more && page < 1000; ++page) {
        if (pullPage(more) == Outcome::Failed) {
            backoff();
            return false;
        }
    }
    return true;
}

SimDevice::Outcome SimDevice::push(const std::vector<std::size_t>& batch)
{
    for (std::size_t index : batch) {
        ++m_items[index].attempts;
    }
    ++m_stats.pushes;
    const int killsBefore = m_endpoint.kills();
    const auto reply =
        client().send("POST", QStringLiteral("/v1/sync/push"), body(batch), m_identity.accessToken);
    const bool torn = m_endpoint.kills() != killsBefore; // the server died during the call
    if (reply.status == 401) {
        refreshToken();
        ++m_stats.pushFailures;
        return Outcome::Failed;
    }
    if (reply.status != 200) {
        ++m_stats.pushFailures;
        if (reply.status >= 500) {
            ++m_stats.serverErrors;
        } else if (reply.status != 0) {
            fail(QStringLiteral("push answered %1: %2")
                     .arg(reply.status)
                     .arg(QString::fromUtf8(reply.body.left(200))));
        }
        return Outcome::Failed;
    }
    const auto json = parseJson(reply.body);
    const auto* results = json && json->is_object() ? json->as_object().if_contains("results") : nullptr;
    if (results == nullptr || !results->is_array() || results->as_array().size() != batch.size()) {
        ++m_stats.pushFailures;
        if (!torn) {
            fail(QStringLiteral("push answer without one result per change: ") +
                 QString::fromUtf8(reply.body.left(200)));
        }
        return Outcome::Failed;
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
        OutboxItem& item = m_items[batch[i]];
        const auto& result = results->as_array()[i].as_object();
        const std::string id = text(result, "id");
        const QString status = QString::fromStdString(text(result, "status"));
        if (id != item.change.id) {
            fail(QStringLiteral("result %1 answers change %2, not %3")
                     .arg(i)
                     .arg(QString::fromStdString(id), QString::fromStdString(item.change.id)));
            continue;
        }
        QString told = status;
        if (status == QLatin1String("duplicate")) {
            told = QString::fromStdString(text(result, "was"));
            if (item.told.isEmpty()) {
                if (item.attempts <= 1) {
                    fail(QStringLiteral("change %1 was a duplicate on its first push")
                             .arg(QString::fromStdString(id)));
                }
                item.lostReply = true;
                ++m_stats.lostReplies;
            }
        }
        if (told != QLatin1String("applied") && told != QLatin1String("quarantined")) {
            fail(QStringLiteral("change %1 (%2) answered %3: %4")
                     .arg(QString::fromStdString(id), QString::fromStdString(item.change.recordType), status,
                          QString::fromStdString(boost::json::serialize(result))));
            told = QStringLiteral("rejected");
        }
        if (!item.told.isEmpty() && item.told != told) {
            fail(QStringLiteral("change %1 was %2, now %3").arg(QString::fromStdString(id), item.told, told));
        }
        item.told = told;
    }
    m_answeredBatches.push_back(batch);
    return Outcome::Done;
}

void SimDevice::cut(const std::vector<std::size_t>& batch)
{
    const ServerEndpoint::Address address = m_endpoint.get();
    const QByteArray payload = body(batch);
    const QByteArray head =
        "POST /v1/sync/push HTTP/1.1\r\nHost: " + address.url.host().toLatin1() + ':' +
        QByteArray::number(address.url.port()) + "\r\nAuthorization: Bearer " +
        m_identity.accessToken.toLatin1() +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(payload.size()) +
        "\r\n\r\n";
    const QByteArray request = head + payload;
    qsizetype cutAt = 0;
    switch (m_decisions() % 3) {
    case 0:
        cutAt = 1 + static_cast<qsizetype>(m_decisions() % static_cast<std::uint64_t>(head.size() - 1));
        break; // in the headers
    case 1:
        cutAt = head.size() + payload.size() / 2;
        break; // mid-body
    default:
        cutAt = request.size() - 1;
        break; // all but one byte
    }
    const bool reset = m_decisions() % 2 == 0;

    QSslSocket socket;
    const QString fingerprint = address.fingerprint;
    QObject::connect(
        &socket, &QSslSocket::sslErrors, &socket, [&socket, fingerprint](const QList<QSslError>& errors) {
            const QSslCertificate peer = socket.peerCertificate();
            if (!peer.isNull() &&
                QString::fromLatin1(peer.digest(QCryptographicHash::Sha256).toHex()) == fingerprint) {
                socket.ignoreSslErrors(errors);
            }
        });
    socket.connectToHostEncrypted(address.url.host(), static_cast<quint16>(address.url.port()));
    if (!socket.waitForEncrypted(5000)) {
        return; // the server is down just now: nothing was sent
    }
    socket.write(request.left(cutAt));
    socket.flush();
    socket.waitForBytesWritten(3000);
    if (reset) {
        socket.abort();
    } else {
        socket.disconnectFromHost();
        if (socket.state() != QAbstractSocket::UnconnectedState) {
            socket.waitForDisconnected(1000);
        }
    }
    ++m_stats.cuts;
}

void SimDevice::replay()
{
    if (m_answeredBatches.empty()) {
        return;
    }
    const auto& batch = m_answeredBatches[static_cast<std::size_t>(m_decisions() % m_answeredBatches.size())];
    const int killsBefore = m_endpoint.kills();
    const auto reply =
        client().send("POST", QStringLiteral("/v1/sync/push"), body(batch), m_identity.accessToken);
    if (reply.status != 200) {
        return; // a replay that does not arrive proves nothing either way
    }
    const auto json = parseJson(reply.body);
    const auto* results = json && json->is_object() ? json->as_object().if_contains("results") : nullptr;
    if (results == nullptr || !results->is_array() || results->as_array().size() != batch.size()) {
        if (m_endpoint.kills() == killsBefore) {
            fail(QStringLiteral("replay answer without one result per change"));
        }
        return;
    }
    ++m_stats.replays;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const OutboxItem& item = m_items[batch[i]];
        const auto& result = results->as_array()[i].as_object();
        ++m_stats.replayedChanges;
        if (text(result, "status") != "duplicate" ||
            QString::fromStdString(text(result, "was")) != item.told) {
            fail(QStringLiteral("replayed change %1 (told %2) answered %3")
                     .arg(QString::fromStdString(item.change.id), item.told,
                          QString::fromStdString(boost::json::serialize(result))));
        }
    }
}

SimDevice::Outcome SimDevice::pullPage(bool& more)
{
    QString path = QStringLiteral("/v1/sync/pull?limit=%1").arg(m_options.pullLimit);
    if (!m_cursor.isEmpty()) {
        path += QStringLiteral("&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(m_cursor));
    }
    ++m_stats.pulls;
    const int killsBefore = m_endpoint.kills();
    const auto reply = client().get(path, m_identity.accessToken);
    const bool torn = m_endpoint.kills() != killsBefore; // the server died during the call
    if (reply.status == 401) {
        refreshToken();
        ++m_stats.pullFailures;
        return Outcome::Failed;
    }
    if (reply.status != 200) {
        ++m_stats.pullFailures;
        if (reply.status >= 500) {
            ++m_stats.serverErrors;
        } else if (reply.status != 0) {
            fail(QStringLiteral("pull answered %1: %2")
                     .arg(reply.status)
                     .arg(QString::fromUtf8(reply.body.left(200))));
            if (reply.error() == QLatin1String("invalid_cursor")) {
                m_cursor.clear();
            }
        }
        return Outcome::Failed;
    }
    const auto json = parseJson(reply.body);
    if (!json || !json->is_object() || !json->as_object().contains("changes")) {
        ++m_stats.pullFailures;
        if (!torn) {
            fail(QStringLiteral("pull answer is not a page: ") + QString::fromUtf8(reply.body.left(200)));
        }
        return Outcome::Failed;
    }
    const auto& page = json->as_object();
    // Applied as one unit with its cursor, as the app stores a page and its cursor in one transaction.
    for (const auto& value : page.at("changes").as_array()) {
        const auto& change = value.as_object();
        const Key key{text(change, "record_type"), text(change, "record_id")};
        m_clock->observe(text(change, "hlc"), wallClockMillis());
        if (text(change, "op") == "delete") {
            m_view.erase(key);
        } else if (const auto* fields = change.if_contains("fields");
                   fields != nullptr && fields->is_object()) {
            m_view[key] = fields->as_object();
        }
    }
    m_cursor = QString::fromStdString(text(page, "cursor"));
    const auto* next = page.if_contains("more");
    more = next != nullptr && next->is_bool() && next->as_bool();
    return Outcome::Done;
}

bool SimDevice::drain()
{
    while (!expired()) {
        bool pending = false;
        for (const OutboxItem& item : m_items) {
            pending = pending || item.told.isEmpty();
        }
        if (!pending) {
            return pullToEnd();
        }
        const std::vector<std::size_t> batch = nextBatch();
        if (push(batch) == Outcome::Failed) {
            backoff();
        }
    }
    return false;
}

bool SimDevice::pullToEnd()
{
    bool more = true;
    while (!expired()) {
        if (pullPage(more) == Outcome::Failed) {
            backoff();
            more = true;
            continue;
        }
        if (!more) {
            return true;
        }
    }
    return false;
}

} // namespace fieldbook::faults
