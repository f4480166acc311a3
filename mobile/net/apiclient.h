// HTTPS to the Fieldbook server with the certificate pinned: a reply is only ever read from a
// server whose certificate's SHA-256 equals the pinned fingerprint (self-signed accepted on that
// condition only; a CA-signed certificate with another key is refused too). TLS 1.2 or later.
// Lives on the GUI thread; callbacks run there.
#pragma once

#include "net/serverclock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>

namespace fieldbook::app {

struct ApiReply
{
    enum class Failure { None, Network, Pinning, Timeout, Http };

    Failure failure = Failure::None;
    int status = 0;       // HTTP status, 0 when no answer arrived
    QJsonDocument json;   // the body, when it was JSON
    QByteArray body;
    QString errorCode;    // the server's {"error": ...}, or "pinning" / "network" / "timeout"
    QString message;      // a sentence for a person: what went wrong and what to do

    bool ok() const { return failure == Failure::None && status >= 200 && status < 300; }
    QJsonObject object() const { return json.object(); }
};

class ApiClient : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const ApiReply&)>;

    explicit ApiClient(QObject* parent = nullptr);

    // `fingerprint` is normalised (64 lowercase hex); an empty or malformed one fails every call.
    void setServer(const QUrl& baseUrl, const QString& fingerprint);
    QUrl baseUrl() const { return m_baseUrl; }
    QString fingerprint() const { return m_fingerprint; }
    void setAccessToken(const QString& token) { m_accessToken = token; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // `path` may carry a query ("/v1/sync/pull?cursor=..."). The callback runs exactly once.
    void get(const QString& path, Callback callback);
    void post(const QString& path, const QJsonObject& body, Callback callback);

    // The server's time, learnt from the `Date` header of every answer from the pinned server.
    ServerClock& clock() { return m_clock; }
    const ServerClock& clock() const { return m_clock; }

    // What the last handshake presented, for showing to a person at enrolment (may be empty).
    QString lastSeenFingerprint() const { return m_lastSeenFingerprint; }

private:
    void send(const QByteArray& verb, const QString& path, const QByteArray& body, Callback callback);
    QNetworkRequest request(const QString& path) const;

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QString m_fingerprint;
    QString m_accessToken;
    QString m_lastSeenFingerprint;
    int m_timeoutMs = 20000;
    ServerClock m_clock;
};

} // namespace fieldbook::app
