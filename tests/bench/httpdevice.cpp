#include "httpdevice.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>
#include <stdexcept>
#include <string>

namespace fieldbook::bench {

namespace {

bool pinned(const QSslCertificate& certificate, const QString& fingerprint)
{
    return !certificate.isNull() &&
           QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex()) == fingerprint;
}

} // namespace

HttpDevice::HttpDevice(QUrl base, QString fingerprint)
    : m_base(std::move(base))
    , m_fingerprint(std::move(fingerprint))
    , m_network(std::make_unique<QNetworkAccessManager>())
{
}

HttpDevice::~HttpDevice() = default;

void HttpDevice::setBearer(const QString& token)
{
    m_authorization = "Bearer " + token.toUtf8();
}

void HttpDevice::setBasic(const QString& user, const QString& password)
{
    m_authorization = "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64();
}

void HttpDevice::send(const HttpRequest& request, std::function<void(HttpResult)> done)
{
    QUrl url = m_base;
    const qsizetype mark = request.pathAndQuery.indexOf(QLatin1Char('?'));
    url.setPath(mark < 0 ? request.pathAndQuery : request.pathAndQuery.left(mark));
    if (mark >= 0) {
        url.setQuery(request.pathAndQuery.mid(mark + 1), QUrl::StrictMode);
    }
    QNetworkRequest out(url);
    out.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!request.body.isEmpty()) {
        out.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    }
    if (!m_authorization.isEmpty()) {
        out.setRawHeader("Authorization", m_authorization);
    }
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    QNetworkReply* reply = m_network->sendCustomRequest(out, request.method, request.body);
    if (!m_fingerprint.isEmpty()) {
        const QString fingerprint = m_fingerprint;
        QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                         [reply, fingerprint](const QList<QSslError>& errors) {
                             if (pinned(reply->sslConfiguration().peerCertificate(), fingerprint)) {
                                 reply->ignoreSslErrors(errors);
                             }
                         });
    }
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, timer, done = std::move(done)] {
        HttpResult result;
        result.milliseconds = static_cast<double>(timer->nsecsElapsed()) / 1e6;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        if (result.status == 0) {
            result.error = reply->errorString();
        }
        reply->deleteLater();
        done(std::move(result));
    });
}

HttpResult HttpDevice::call(const HttpRequest& request, int timeoutMs)
{
    HttpResult out;
    bool finished = false;
    QEventLoop loop;
    send(request, [&](HttpResult result) {
        out = std::move(result);
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!finished) {
        loop.exec();
    }
    if (!finished) {
        out.error = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
    }
    return out;
}

double runLanes(std::vector<Lane>& lanes, int timeoutMs)
{
    QEventLoop loop;
    int open = 0;
    QElapsedTimer wall;
    wall.start();
    // Each lane sends its next request when the previous one has been answered.
    std::vector<int> attempts(lanes.size(), 0);
    std::vector<double> spent(lanes.size(), 0);
    std::function<void(std::size_t)> next = [&](std::size_t index) {
        Lane& lane = lanes[index];
        if (lane.results.size() == lane.requests.size()) {
            if (--open == 0) {
                loop.quit();
            }
            return;
        }
        lane.device->send(lane.requests[lane.results.size()], [&, index](HttpResult result) {
            Lane& self = lanes[index];
            spent[index] += result.milliseconds;
            if ((result.status == 0 || result.status >= 500) && attempts[index] < self.maxRetries) {
                ++attempts[index];
                ++self.retried;
                self.failures.push_back(
                    QStringLiteral("%1 %2")
                        .arg(result.status)
                        .arg(result.status == 0 ? result.error : QString::fromUtf8(result.body.left(200))));
                next(index);
                return;
            }
            result.milliseconds = spent[index];
            spent[index] = 0;
            attempts[index] = 0;
            self.results.push_back(std::move(result));
            next(index);
        });
    };
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        lanes[i].results.clear();
        lanes[i].retried = 0;
        lanes[i].failures.clear();
        lanes[i].results.reserve(lanes[i].requests.size());
        ++open;
    }
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        next(i);
    }
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (open > 0) {
        loop.exec();
    }
    if (open > 0) {
        // Replies still in flight refer to this frame: nothing sensible can continue.
        throw std::runtime_error("the load did not finish within " + std::to_string(timeoutMs) + " ms");
    }
    return static_cast<double>(wall.nsecsElapsed()) / 1e6;
}

} // namespace fieldbook::bench
