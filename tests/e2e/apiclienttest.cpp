// The app's pinned HTTPS client against the real server: reaches GET /v1/health over TLS when the
// pinned fingerprint is the server's, and fails cleanly (no answer read, a message a person can act
// on) when it is not.
#include "net/apiclient.h"
#include "testserver.h"

#include <QtTest>

using fieldbook::app::ApiClient;
using fieldbook::app::ApiReply;

namespace {
ApiReply call(ApiClient& client, const QString& path)
{
    ApiReply result;
    bool done = false;
    client.get(path, [&](const ApiReply& reply) {
        result = reply;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000)) {
        result.message = QStringLiteral("no callback within 30 s");
    }
    return result;
}
} // namespace

class ApiClientTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.errorString())); }

    void reachesHealthWithPinnedCertificate()
    {
        ApiClient client;
        client.setServer(m_server.url(), m_server.fingerprint());
        const ApiReply reply = call(client, QStringLiteral("/v1/health"));
        QVERIFY2(reply.ok(), qPrintable(reply.message));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.object().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(client.lastSeenFingerprint(), m_server.fingerprint());
    }

    void refusesWrongFingerprint()
    {
        ApiClient client;
        QString wrong = m_server.fingerprint();
        wrong[0] = wrong[0] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
        client.setServer(m_server.url(), wrong);
        const ApiReply reply = call(client, QStringLiteral("/v1/health"));
        QVERIFY(!reply.ok());
        QCOMPARE(reply.failure, ApiReply::Failure::Pinning);
        QCOMPARE(reply.status, 0);
        QVERIFY(reply.body.isEmpty());
        QVERIFY2(reply.message.contains(QStringLiteral("does not match")), qPrintable(reply.message));
        // The presented certificate is still known, so a person can compare it by eye.
        QCOMPARE(client.lastSeenFingerprint(), m_server.fingerprint());
    }

    void refusesWithoutPin()
    {
        ApiClient client;
        client.setServer(m_server.url(), QString());
        const ApiReply reply = call(client, QStringLiteral("/v1/health"));
        QCOMPARE(reply.failure, ApiReply::Failure::Pinning);
    }

    void serverErrorsCarryTheServersMessage()
    {
        ApiClient client;
        client.setServer(m_server.url(), m_server.fingerprint());
        const ApiReply reply = call(client, QStringLiteral("/v1/sync/pull"));
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.failure, ApiReply::Failure::Http);
        QVERIFY(!reply.errorCode.isEmpty());
        QVERIFY(!reply.message.isEmpty());
    }

    void unreachableServerIsANetworkFailure()
    {
        ApiClient client;
        QUrl dead = m_server.url();
        dead.setPort(1);
        client.setServer(dead, m_server.fingerprint());
        const ApiReply reply = call(client, QStringLiteral("/v1/health"));
        QCOMPARE(reply.failure, ApiReply::Failure::Network);
        QVERIFY(!reply.message.isEmpty());
    }

private:
    fieldbook::testsupport::TestServer m_server;
};

QTEST_GUILESS_MAIN(ApiClientTest)
#include "apiclienttest.moc"
