#include "net/apiclient.h"

#include "net/fingerprint.h"

#include <QNetworkReply>
#include <QSslConfiguration>
#include <QSslError>

#include <memory>

namespace fieldbook::app {

namespace {

QString shortPrint(const QString& fingerprint)
{
    return fingerprint.isEmpty() ? QStringLiteral("none") : fingerprint.left(16) + QStringLiteral("…");
}

} // namespace

ApiClient::ApiClient(QObject* parent) : QObject(parent)
{
    // A fresh TLS session per handshake keeps the fingerprint check on every connection.
    m_network.setAutoDeleteReplies(false);
}

void ApiClient::setServer(const QUrl& baseUrl, const QString& fingerprint)
{
    m_baseUrl = baseUrl;
    m_fingerprint = normaliseFingerprint(fingerprint);
    m_network.clearConnectionCache();
}

QNetworkRequest ApiClient::request(const QString& path) const
{
    QUrl url = m_baseUrl;
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(query < 0 ? path : path.left(query));
    if (query >= 0) {
        url.setQuery(path.mid(query + 1));
    }
    QNetworkRequest req(url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    // Verification stays on so that an unpinned certificate raises sslErrors; the pin decides there.
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    req.setSslConfiguration(tls);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    req.setRawHeader("Accept", "application/json");
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setTransferTimeout(m_timeoutMs);
    if (!m_accessToken.isEmpty()) {
        req.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());
    }
    return req;
}

void ApiClient::get(const QString& path, Callback callback)
{
    send("GET", path, {}, std::move(callback));
}

void ApiClient::post(const QString& path, const QJsonObject& body, Callback callback)
{
    send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), std::move(callback));
}

void ApiClient::send(const QByteArray& verb, const QString& path, const QByteArray& body, Callback callback)
{
    if (m_baseUrl.scheme() != QLatin1String("https") || m_fingerprint.isEmpty()) {
        ApiReply reply;
        reply.failure = ApiReply::Failure::Pinning;
        reply.errorCode = QStringLiteral("pinning");
        reply.message = tr("No server is set up with a pinned certificate. Enrol this phone first.");
        callback(reply);
        return;
    }
    QNetworkReply* reply = m_network.sendCustomRequest(request(path), verb, body);
    // Shared between the handlers of this one reply.
    auto pinFailure = std::make_shared<QString>();

    auto checkPin = [this, reply, pinFailure](const QSslCertificate& presented) {
        m_lastSeenFingerprint = certificateFingerprint(presented);
        if (m_lastSeenFingerprint != m_fingerprint) {
            *pinFailure = tr("The server's certificate does not match the one pinned for this phone "
                             "(presented %1, pinned %2). Nothing was sent. Check the server address "
                             "or ask your administrator.")
                              .arg(shortPrint(m_lastSeenFingerprint), shortPrint(m_fingerprint));
            return false;
        }
        return true;
    };

    connect(reply, &QNetworkReply::sslErrors, this, [reply, checkPin](const QList<QSslError>& errors) {
        const QSslCertificate presented = reply->sslConfiguration().peerCertificate();
        if (checkPin(presented)) {
            // The pin is the trust anchor: a self-signed certificate whose name is not the host
            // is expected, and accepted only because its fingerprint is the pinned one.
            reply->ignoreSslErrors(errors);
        }
    });
    connect(reply, &QNetworkReply::encrypted, this, [reply, checkPin]() {
        // Also reached when a certificate authority vouches for the server: the pin still decides.
        if (!checkPin(reply->sslConfiguration().peerCertificate())) {
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, pinFailure, callback = std::move(callback)]() {
        ApiReply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        // Only the pinned server's word sets the clock: an answer that failed the pin says nothing.
        if (pinFailure->isEmpty() && result.status != 0 && reply->hasRawHeader("Date")) {
            m_clock.learnFromDateHeader(reply->rawHeader("Date"));
        }
        if (reply->isOpen()) {
            result.body = reply->readAll();
        }
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(result.body, &parseError);
        if (parseError.error == QJsonParseError::NoError) {
            result.json = doc;
        }
        if (!pinFailure->isEmpty()) {
            result.failure = ApiReply::Failure::Pinning;
            result.errorCode = QStringLiteral("pinning");
            result.message = *pinFailure;
            result.status = 0;
        } else if (reply->error() == QNetworkReply::OperationCanceledError ||
                   reply->error() == QNetworkReply::TimeoutError) {
            result.failure = ApiReply::Failure::Timeout;
            result.errorCode = QStringLiteral("timeout");
            result.message = ApiClient::tr("The server did not answer in time. Your records are safe on "
                                           "this phone; try again when the connection is better.");
        } else if (result.status == 0) {
            result.failure = ApiReply::Failure::Network;
            result.errorCode = QStringLiteral("network");
            result.message = ApiClient::tr("Could not reach the server (%1). Your records are safe on this "
                                           "phone and will be sent when the connection returns.")
                                 .arg(reply->errorString());
        } else if (result.status < 200 || result.status >= 300) {
            result.failure = ApiReply::Failure::Http;
            const QJsonObject error = result.json.object();
            result.errorCode = error.value(QLatin1String("error")).toString();
            result.message = error.value(QLatin1String("message")).toString();
            if (result.message.isEmpty()) {
                result.message = ApiClient::tr("The server answered with status %1.").arg(result.status);
            }
        }
        reply->deleteLater();
        callback(result);
    });
}

} // namespace fieldbook::app
