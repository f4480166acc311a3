// Metrics: the Prometheus text the metrics listener serves, its closed label sets, and the real
// server's listener on loopback counting requests, push outcomes, pulls and connections; the
// health answer's version and readiness; a request id on every answer and its log line.
#include "scenario.h"
#include "testserver.h"

#include "metrics/metrics.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QtTest>

using namespace fieldbook::testsupport;
using fieldbook::PushResult;
using fieldbook::PushStatus;
using fieldbook::Reason;
using fieldbook::server::Metrics;

namespace {

QString scrape(quint16 port, const QByteArray& request = "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(5000)) {
        return {};
    }
    socket.write(request);
    QByteArray answer;
    while (socket.waitForReadyRead(5000)) {
        answer += socket.readAll();
    }
    return QString::fromUtf8(answer);
}

// The value of one sample line, -1 when it is absent.
double sample(const QString& text, const QString& line)
{
    for (const QString& row : text.split('\n')) {
        if (row.startsWith(line + ' ')) {
            return row.mid(line.size() + 1).toDouble();
        }
    }
    return -1;
}

} // namespace

class MetricsTest : public QObject
{
    Q_OBJECT

private slots:
    void rendersPrometheusText();
    void unknownPathsShareOneLabel();
    void serverCountsWhatItServes();
};

void MetricsTest::rendersPrometheusText()
{
    Metrics metrics({"/v1/health"});
    metrics.recordResponse("GET", "/v1/health", 200, 0.003);
    metrics.recordResponse("GET", "/v1/health", 200, 0.3);
    metrics.recordPushOutcome(PushResult{{}, PushStatus::Rejected, Reason::invalid("given_name"), {}, {}});
    metrics.recordPullSize(42);
    metrics.setOpenConnections(3);
    metrics.setDatabaseSize([] { return std::int64_t{4096}; });
    const QString text = QString::fromStdString(metrics.render());
    QCOMPARE(sample(text, R"(fieldbook_http_requests_total{method="GET",route="/v1/health",status="200"})"), 2.0);
    QCOMPARE(sample(text, R"(fieldbook_http_request_duration_seconds_bucket{route="/v1/health",le="0.005"})"), 1.0);
    QCOMPARE(sample(text, R"(fieldbook_http_request_duration_seconds_bucket{route="/v1/health",le="0.5"})"), 2.0);
    QCOMPARE(sample(text, R"(fieldbook_http_request_duration_seconds_count{route="/v1/health"})"), 2.0);
    // A field name is never a label value: invalid:<field> counts as invalid.
    QCOMPARE(sample(text, R"(fieldbook_push_changes_total{status="rejected",reason="invalid"})"), 1.0);
    QCOMPARE(sample(text, R"(fieldbook_pull_changes_bucket{le="50"})"), 1.0);
    QCOMPARE(sample(text, "fieldbook_open_connections"), 3.0);
    QCOMPARE(sample(text, "fieldbook_database_bytes"), 4096.0);
    QVERIFY(text.contains("# TYPE fieldbook_http_request_duration_seconds histogram\n"));
}

void MetricsTest::unknownPathsShareOneLabel()
{
    Metrics metrics({"/v1/health"});
    for (int i = 0; i < 50; ++i) {
        metrics.recordResponse("BREW", "/probe/" + std::to_string(i), 404, 0.001);
    }
    const QString text = QString::fromStdString(metrics.render());
    QCOMPARE(sample(text, R"(fieldbook_http_requests_total{method="other",route="other",status="404"})"), 50.0);
    QVERIFY(!text.contains("/probe/"));
}

void MetricsTest::serverCountsWhatItServes()
{
    TestServer server({"--metrics-listen", "127.0.0.1:0"});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    Scenario scenario(server);
    QVERIFY(scenario.setUp());
    const HttpReply health = server.request("GET", "/v1/health");
    QCOMPARE(health.status, 200);
    QCOMPARE(health.object().value("status").toString(), QStringLiteral("ok"));
    QCOMPARE(health.object().value("store").toString(), QStringLiteral("ok"));
    QVERIFY(!health.object().value("version").toString().isEmpty());
    QVERIFY(health.object().value("schema_version").toInt() >= 3);
    const QByteArray requestId = health.header("X-Request-Id");
    QVERIFY2(QRegularExpression("^[0-9a-f]{16}$").match(QString::fromLatin1(requestId)).hasMatch(), requestId.constData());
    QVERIFY(server.request("GET", "/v1/health").header("X-Request-Id") != requestId);
    QCOMPARE(server.request("GET", "/v1/sync/pull?limit=10", {}, scenario.practitioner.accessToken).status, 200);
    const HttpReply pushed = server.request("POST", "/v1/sync/push",
                                            {{"changes", QJsonArray{QJsonObject{{"id", "x"}}}}},
                                            scenario.practitioner.accessToken);
    QCOMPARE(pushed.status, 200);
    QCOMPARE(server.request("GET", "/v1/me", {}, "not-a-token").status, 401);
    const HttpReply spec = server.request("GET", "/v1/openapi.yaml");
    QCOMPARE(spec.status, 200);
    QVERIFY(spec.body.startsWith("openapi: 3."));

    const QRegularExpressionMatch port = QRegularExpression(R"("event":"metrics_listening","port":(\d+))").match(server.log());
    QVERIFY2(port.hasMatch(), qPrintable(server.log()));
    const QString text = scrape(static_cast<quint16>(port.captured(1).toUInt()));
    QVERIFY2(text.startsWith("HTTP/1.1 200"), qPrintable(text.left(200)));
    QVERIFY(text.contains("Content-Type: text/plain; version=0.0.4"));
    QVERIFY(sample(text, R"(fieldbook_http_requests_total{method="GET",route="/v1/health",status="200"})") >= 2);
    QCOMPARE(sample(text, R"(fieldbook_http_requests_total{method="GET",route="/v1/me",status="401"})"), 1.0);
    QVERIFY(sample(text, R"(fieldbook_push_changes_total{status="rejected",reason="invalid"})") >= 1);
    QVERIFY(sample(text, "fieldbook_pull_changes_count") >= 1);
    QVERIFY(sample(text, "fieldbook_open_connections") >= 0);
    QVERIFY(sample(text, "fieldbook_database_bytes") > 4096);
    // Only GET /metrics.
    QVERIFY(scrape(static_cast<quint16>(port.captured(1).toUInt()), "GET /other HTTP/1.1\r\nHost: x\r\n\r\n")
                .startsWith("HTTP/1.1 404"));
    // The request's log line carries the id its answer gave, and a failed authentication its source.
    QVERIFY(server.log().contains("\"request\":\"" + QString::fromLatin1(requestId) + "\""));
    QVERIFY(server.log().contains(R"("path":"/v1/me","status":401)"));
    QVERIFY(server.log().contains(R"("peer":"127.0.0.1")"));
    QVERIFY(!server.log().contains("not-a-token"));
    QVERIFY(server.stop());
}

QTEST_GUILESS_MAIN(MetricsTest)
#include "metricstest.moc"
