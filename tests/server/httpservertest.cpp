// The HTTPS front (net/httpserver.cpp) against malformed, oversized and hostile input: every one
// answered with a clear JSON error (or the connection closed), the server still healthy and the
// stored data unchanged afterwards. Also certificate pinning, keep-alive, timeouts and a
// graceful stop.
#include "scenario.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSslCipher>
#include <QSslSocket>
#include <QTcpSocket>
#include <QtTest>

using namespace fieldbook::testsupport;

class HttpServerTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void healthIsOpen();
    void hostileBodies_data();
    void hostileBodies();
    void hostileRequests_data();
    void hostileRequests();
    void oversizedBodyIs413();
    void unknownPathAndMethod();
    void keepAliveServesSeveralRequests();
    void slowClientIsCutOff();
    void unauthenticatedBodyIsRefusedUnread();
    void deadlinesCloseStalledConnections();
    void oneAddressHoldsABoundedShare();
    void wrongPinIsRefused();
    void tlsVersions_data();
    void tlsVersions();
    void manyClientsAtOnce();
    void stopsGracefully();

private:
    QByteArray digest();
    void expectUnchanged();

    TestServer m_server{{"--read-timeout", "2"}};
    Scenario m_scenario{m_server};
    QByteArray m_digest;
};

QByteArray HttpServerTest::digest()
{
    QStringList lines;
    for (const auto& change : m_scenario.pullAll(m_scenario.practitioner, 1000)) {
        lines.append(QString::fromUtf8(QJsonDocument(change).toJson(QJsonDocument::Compact)));
    }
    lines.sort();
    return QCryptographicHash::hash(lines.join('\n').toUtf8(), QCryptographicHash::Sha256).toHex();
}

void HttpServerTest::expectUnchanged()
{
    QCOMPARE(m_server.request("GET", "/v1/health").status, 200);
    QCOMPARE(digest(), m_digest);
}

void HttpServerTest::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_scenario.setUp());
    const World world = m_scenario.buildWorld();
    QCOMPARE(m_scenario.sessionReport(world.volunteer, world).value("status").toString(), QStringLiteral("applied"));
    m_digest = digest();
}

void HttpServerTest::cleanupTestCase()
{
    if (m_server.isRunning()) {
        QVERIFY(m_server.stop());
    }
}

void HttpServerTest::healthIsOpen()
{
    const HttpReply reply = m_server.request("GET", "/v1/health");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.object().value("status").toString(), QStringLiteral("ok"));
    QCOMPARE(reply.header("Cache-Control"), QByteArray("no-store"));
}

void HttpServerTest::hostileBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    const QByteArray json = "application/json";
    QTest::newRow("truncated JSON") << QByteArray(R"({"changes": [)") << json << 400 << "invalid_json";
    QTest::newRow("empty body") << QByteArray() << json << 400 << "invalid_json";
    QTest::newRow("trailing garbage") << QByteArray(R"({"changes": []} x)") << json << 400 << "invalid_json";
    QTest::newRow("comments") << QByteArray(R"({"changes": [] /* hi */})") << json << 400 << "invalid_json";
    QTest::newRow("invalid UTF-8") << QByteArray("{\"changes\": [\"\xff\xfe\"]}") << json << 400 << "invalid_json";
    QTest::newRow("deep nesting") << (QByteArray(5000, '[') + QByteArray(5000, ']')) << json << 400 << "invalid_json";
    QTest::newRow("NUL bytes") << QByteArray("{\"changes\"\0: []}", 16) << json << 400 << "invalid_json";
    QTest::newRow("an array") << QByteArray("[]") << json << 400 << "bad_request";
    QTest::newRow("null") << QByteArray("null") << json << 400 << "bad_request";
    QTest::newRow("changes not an array") << QByteArray(R"({"changes": 5})") << json << 400 << "bad_request";
    QTest::newRow("no changes") << QByteArray(R"({"chagnes": []})") << json << 400 << "bad_request";
    QTest::newRow("form-encoded") << QByteArray("changes=1") << QByteArray("application/x-www-form-urlencoded") << 415
                                  << "unsupported_media_type";
}

void HttpServerTest::hostileBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, error);
    const HttpReply reply = m_server.client().send("POST", "/v1/sync/push", body, m_scenario.practitioner.accessToken, contentType);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.error(), error);
    QVERIFY(!reply.object().value("message").toString().isEmpty());
    expectUnchanged();
}

void HttpServerTest::hostileRequests_data()
{
    // Per change: every one is answered in its own result, the batch still 200.
    QTest::addColumn<QJsonValue>("change");
    QTest::addColumn<QString>("reason");
    const QString id = Scenario::newId();
    QJsonObject base{{"id", id}, {"record_type", "person"}, {"record_id", Scenario::newId()}, {"op", "upsert"},
                     {"hlc", "1700000000000-000001-" + Scenario::newId()}, {"form_version", 1},
                     {"fields", QJsonObject{{"kind", "prisoner"}, {"given_name", "X"}}}};
    auto with = [&](const char* key, const QJsonValue& value) {
        QJsonObject changed = base;
        changed["id"] = Scenario::newId();
        changed[QString::fromLatin1(key)] = value;
        return changed;
    };
    QTest::newRow("a number") << QJsonValue(5) << "invalid:change";
    QTest::newRow("upper-case id") << QJsonValue(with("id", id.toUpper())) << "invalid:id";
    QTest::newRow("record id too short") << QJsonValue(with("record_id", "abc")) << "invalid:record_id";
    QTest::newRow("SQL in the record type") << QJsonValue(with("record_type", "person'; DROP TABLE records;--")) << "invalid:record_type";
    QTest::newRow("bad op") << QJsonValue(with("op", "truncate")) << "invalid:op";
    QTest::newRow("bad hlc") << QJsonValue(with("hlc", "yesterday")) << "invalid:hlc";
    QTest::newRow("form version 0") << QJsonValue(with("form_version", 0)) << "invalid:form_version";
    QTest::newRow("form version huge") << QJsonValue(with("form_version", 1e300)) << "invalid:form_version";
    QTest::newRow("fields an array") << QJsonValue(with("fields", QJsonArray{1, 2})) << "invalid:fields";
    QTest::newRow("a 20 KiB string") << QJsonValue(with("fields", QJsonObject{{"kind", "prisoner"}, {"given_name", QString(20 * 1024, 'a')}}))
                                     << "too_large";
    QJsonObject manyFields{{"kind", "prisoner"}};
    for (int i = 0; i < 100; ++i) {
        manyFields[QStringLiteral("f%1").arg(i)] = i;
    }
    QTest::newRow("100 fields") << QJsonValue(with("fields", manyFields)) << "too_large";
    QTest::newRow("script in a name") << QJsonValue(with("fields", QJsonObject{{"kind", "prisoner"}, {"given_name", "<script>alert(1)</script>"}, {"evil", 1}}))
                                      << "invalid:evil";
}

void HttpServerTest::hostileRequests()
{
    QFETCH(QJsonValue, change);
    QFETCH(QString, reason);
    const QJsonArray results = m_scenario.push(m_scenario.practitioner, QJsonArray{change});
    QCOMPARE(results.size(), 1);
    QCOMPARE(results[0].toObject().value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(results[0].toObject().value("reason").toString(), reason);
    expectUnchanged();
}

void HttpServerTest::oversizedBodyIs413()
{
    const QByteArray big = "{\"changes\": [\"" + QByteArray(5 * 1024 * 1024, 'a') + "\"]}";
    const HttpReply reply = m_server.client().send("POST", "/v1/sync/push", big, m_scenario.practitioner.accessToken);
    QVERIFY2(reply.status == 413 || reply.status == 0, qPrintable(QString::number(reply.status)));
    if (reply.status == 413) {
        QCOMPARE(reply.error(), QStringLiteral("too_large"));
    }
    // Headers that claim a huge body are refused before it is read.
    const QByteArray claim = "POST /v1/sync/push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 999999999\r\n\r\n{";
    QVERIFY(m_server.client().raw(claim, 3000).startsWith("HTTP/1.1 413"));
    expectUnchanged();
}

void HttpServerTest::unknownPathAndMethod()
{
    HttpReply reply = m_server.request("GET", "/v1/nothing/here", {}, m_scenario.practitioner.accessToken);
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.error(), QStringLiteral("not_found"));
    reply = m_server.request("DELETE", "/v1/sync/push", {}, m_scenario.practitioner.accessToken);
    QCOMPARE(reply.status, 405);
    QCOMPARE(reply.error(), QStringLiteral("method_not_allowed"));
    QCOMPARE(reply.header("Allow"), QByteArray("POST"));
    reply = m_server.request("GET", "/../../etc/passwd");
    QCOMPARE(reply.status, 404);
    const QByteArray raw = m_server.client().raw("GET nonsense HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 3000);
    QVERIFY2(raw.startsWith("HTTP/1.1 400"), raw.left(40).constData());
    const QByteArray garbage = m_server.client().raw("\x16\x03\x01 not http at all\r\n\r\n", 3000);
    QVERIFY(garbage.isEmpty() || garbage.startsWith("HTTP/1.1 400"));
    const QByteArray headers = m_server.client().raw("GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(64 * 1024, 'h') + "\r\n\r\n", 3000);
    QVERIFY2(headers.startsWith("HTTP/1.1 431") || headers.isEmpty(), headers.left(40).constData());
    const QByteArray badQuery = m_server.client().raw("GET /v1/sync/pull?cursor=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 3000);
    QVERIFY2(badQuery.startsWith("HTTP/1.1 400"), badQuery.left(40).constData());
    expectUnchanged();
}

void HttpServerTest::keepAliveServesSeveralRequests()
{
    const QByteArray one = "GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n";
    const QByteArray last = "GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    const QByteArray answer = m_server.client().raw(one + one + last, 5000);
    QCOMPARE(answer.count("HTTP/1.1 200"), 3);
}

void HttpServerTest::slowClientIsCutOff()
{
    // An authenticated half body, then silence: the body's grace (2 s here) closes the connection.
    QElapsedTimer timer;
    timer.start();
    const QByteArray answer = m_server.client().raw("POST /v1/sync/push HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n"
                                                    "Authorization: Bearer " +
                                                        m_scenario.practitioner.accessToken.toLatin1() + "\r\n\r\n{",
                                                    10000);
    QVERIFY2(timer.elapsed() < 8000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(answer.isEmpty());
    expectUnchanged();
}

void HttpServerTest::unauthenticatedBodyIsRefusedUnread()
{
    // Headers announcing 4 MiB and no token: 401 at once, without waiting for a byte of the body,
    // then the connection closes.
    QElapsedTimer timer;
    timer.start();
    const QByteArray answer = m_server.client().raw(
        "POST /v1/sync/push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4194304\r\n\r\n", 10000);
    QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(answer.startsWith("HTTP/1.1 401"), answer.constData());
    QVERIFY(answer.contains("Connection: close"));
    QVERIFY(answer.contains("X-Request-Id: "));
    // An open route takes a small body only, before any token.
    const HttpReply big = m_server.requestBytes("POST", "/v1/enrol", QByteArray(64 * 1024, ' '));
    QCOMPARE(big.status, 413);
    expectUnchanged();
}

void HttpServerTest::deadlinesCloseStalledConnections()
{
    // Configured short so that the test waits a fraction of a second, not the 5/10/30 s defaults.
    TestServer quick({"--handshake-timeout-ms", "300", "--header-timeout-ms", "300", "--idle-timeout-ms", "300"});
    QVERIFY2(quick.start(), qPrintable(quick.errorString()));
    QElapsedTimer timer;
    // A TCP connection that never starts TLS.
    QTcpSocket silent;
    silent.connectToHost(QStringLiteral("127.0.0.1"), static_cast<quint16>(quick.url().port()));
    QVERIFY(silent.waitForConnected(5000));
    timer.start();
    QVERIFY(silent.state() == QAbstractSocket::UnconnectedState || silent.waitForDisconnected(5000));
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    // Headers that never end.
    timer.restart();
    QVERIFY(quick.client().raw("GET /v1/health HTTP/1.1\r\nHost: x\r\n", 5000).isEmpty());
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    // A kept-alive connection answered once, then idle: closed after the idle deadline.
    timer.restart();
    const QByteArray answer = quick.client().raw("GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n", 5000);
    QCOMPARE(answer.count("HTTP/1.1 200"), 1);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(quick.request("GET", "/v1/health").status, 200);
    QVERIFY(quick.stop());
}

void HttpServerTest::oneAddressHoldsABoundedShare()
{
    TestServer narrow({"--max-connections-per-address", "3"});
    QVERIFY2(narrow.start(), qPrintable(narrow.errorString()));
    std::vector<std::unique_ptr<QTcpSocket>> held;
    for (int i = 0; i < 3; ++i) {
        held.push_back(std::make_unique<QTcpSocket>());
        held.back()->connectToHost(QStringLiteral("127.0.0.1"), static_cast<quint16>(narrow.url().port()));
        QVERIFY(held.back()->waitForConnected(5000));
    }
    QTest::qWait(200); // the server has accepted and counted the three
    // A fourth from the same address is refused at once (closed before any handshake).
    HttpsClient client(narrow.url(), narrow.fingerprint());
    client.setTimeout(5000);
    QCOMPARE(client.get(QStringLiteral("/v1/health")).status, 0);
    held.clear();
    QTest::qWait(200);
    QCOMPARE(client.get(QStringLiteral("/v1/health")).status, 200);
    QVERIFY(narrow.stop());
}

void HttpServerTest::wrongPinIsRefused()
{
    HttpsClient impostor(m_server.url(), QString(64, '0'));
    const HttpReply reply = impostor.get("/v1/health");
    QCOMPARE(reply.status, 0);
    QVERIFY(!reply.networkError.isEmpty());
    QVERIFY(impostor.raw("GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n", 2000).isEmpty());
}

void HttpServerTest::tlsVersions_data()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<bool>("works");
    QTest::newRow("TLS 1.2 only") << int(QSsl::TlsV1_2) << true;
    QTest::newRow("TLS 1.3 only") << int(QSsl::TlsV1_3) << true;
}

void HttpServerTest::tlsVersions()
{
    QFETCH(int, protocol);
    QFETCH(bool, works);
    QSslSocket socket;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(static_cast<QSsl::SslProtocol>(protocol));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    socket.setSslConfiguration(configuration);
    socket.connectToHostEncrypted(m_server.url().host(), static_cast<quint16>(m_server.url().port()));
    QCOMPARE(socket.waitForEncrypted(5000), works);
    if (works) {
        QCOMPARE(QString::fromLatin1(socket.peerCertificate().digest(QCryptographicHash::Sha256).toHex()), m_server.fingerprint());
        QVERIFY(socket.sessionCipher().name().contains("GCM") || socket.sessionCipher().name().contains("CHACHA20"));
    }
}

void HttpServerTest::manyClientsAtOnce()
{
    // Several connections in flight at once, each pulling: all answered, none mixed up.
    std::vector<std::unique_ptr<HttpsClient>> clients;
    for (int i = 0; i < 8; ++i) {
        clients.push_back(std::make_unique<HttpsClient>(m_server.url(), m_server.fingerprint()));
    }
    for (auto& client : clients) {
        QCOMPARE(client->get("/v1/sync/pull?limit=1000", m_scenario.practitioner.accessToken).status, 200);
    }
    expectUnchanged();
}

void HttpServerTest::stopsGracefully()
{
    QVERIFY(m_server.stop());
    QVERIFY(m_server.log().contains("\"event\":\"stopped\""));
    // The log holds request lines without bodies, tokens or names.
    const QString log = m_server.log();
    QVERIFY(log.contains("\"path\":\"/v1/sync/push\""));
    QVERIFY(!log.contains(m_scenario.practitioner.accessToken));
    QVERIFY(!log.contains("Irina"));
    QVERIFY(!log.contains("Bearer"));
    QVERIFY(m_server.restart());
    expectUnchanged();
}

QTEST_GUILESS_MAIN(HttpServerTest)
#include "httpservertest.moc"
