// One simulated device's connection: its own QNetworkAccessManager (so its own keep-alive
// connection), HTTPS pinned to the server's certificate fingerprint or plain HTTP (the peer), and
// its credentials (a bearer token or HTTP basic). Requests are timed from send to the last byte.
// runLanes() runs many devices at once, each sending its requests one after another, in one event
// loop: the load is concurrent across devices and sequential within one, as phones behave.
// Main thread only.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace fieldbook::bench {

struct HttpRequest
{
    QByteArray method = "GET";
    QString pathAndQuery;
    QByteArray body;
};

struct HttpResult
{
    int status = 0; // 0: no HTTP answer
    QByteArray body;
    QString error;
    double milliseconds = 0;
};

class HttpDevice
{
public:
    // `fingerprint` empty: plain HTTP, no pinning.
    HttpDevice(QUrl base, QString fingerprint);
    ~HttpDevice();
    HttpDevice(const HttpDevice&) = delete;
    HttpDevice& operator=(const HttpDevice&) = delete;

    void setBearer(const QString& token);
    void setBasic(const QString& user, const QString& password);

    // Calls `done` exactly once, from the event loop.
    void send(const HttpRequest& request, std::function<void(HttpResult)> done);
    // Blocks (running a local event loop) until the answer or `timeoutMs`.
    HttpResult call(const HttpRequest& request, int timeoutMs = 120000);

private:
    QUrl m_base;
    QString m_fingerprint;
    QByteArray m_authorization;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

struct Lane
{
    HttpDevice* device = nullptr;
    std::vector<HttpRequest> requests;
    std::vector<HttpResult> results; // filled by runLanes, one per request
    // A request answered 5xx or not at all is sent again (pushes are idempotent), at most this
    // many times; its time then counts every attempt, as a phone's user would wait through them.
    int maxRetries = 3;
    int retried = 0;
    std::vector<QString> failures; // what the retried attempts got
};

inline Lane makeLane(HttpDevice* device, std::vector<HttpRequest> requests)
{
    Lane lane;
    lane.device = device;
    lane.requests = std::move(requests);
    return lane;
}

// Runs every lane at once; answers the wall-clock milliseconds from the first send to the last answer.
double runLanes(std::vector<Lane>& lanes, int timeoutMs = 600000);

} // namespace fieldbook::bench
