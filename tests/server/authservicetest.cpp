// AuthService over TLS: enrolment with one-time codes, refresh and access tokens, revocation that
// reaches every endpoint at once, rate limits, and secrets that never reach the disk in clear.
#include "scenario.h"
#include "testserver.h"

#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QJsonArray>
#include <QThread>
#include <QtTest>

using namespace fieldbook::testsupport;

namespace {

QString randomKey()
{
    QByteArray key(32, '\x07');
    key[0] = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return QString::fromLatin1(key.toBase64());
}

QJsonObject enrolBody(const QString& code, const QString& key = randomKey())
{
    return {{"code", code}, {"device_name", "Pixel 7"}, {"public_key", key}};
}

QByteArray databaseBytes(const QString& dbPath)
{
    QByteArray all;
    for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
        QFile file(dbPath + suffix);
        if (file.open(QIODevice::ReadOnly)) {
            all += file.readAll();
        }
    }
    return all;
}

} // namespace

class AuthServiceTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void enrolAnswersDeviceAndToken();
    void codeWorksOnce();
    void codeIsForgivingAboutCaseAndDashes();
    void badEnrolments_data();
    void badEnrolments();
    void tokenNeedsTheRightSecret();
    void missingOrBadAuthorization_data();
    void missingOrBadAuthorization();
    void revokedDeviceIsRefusedEverywhere();
    void accessTokensExpire();
    void enrolAndTokenAreRateLimited();
    void secretsAreStoredOnlyAsHashes();

private:
    TestServer m_server;
    QString m_user;
    QStringList m_secrets; // every code and token handed out, for the at-rest check
};

void AuthServiceTest::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_user = m_server.addUser("Pat Practitioner", {"practitioner"}, "north");
    QCOMPARE(m_user.size(), 32);
}

void AuthServiceTest::cleanupTestCase()
{
    QVERIFY(m_server.stop());
}

void AuthServiceTest::enrolAnswersDeviceAndToken()
{
    const QString code = m_server.enrolCode(m_user);
    QVERIFY(QRegularExpression("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$").match(code).hasMatch());
    const HttpReply reply = m_server.request("POST", "/v1/enrol", enrolBody(code));
    QCOMPARE(reply.status, 201);
    const QJsonObject body = reply.object();
    QCOMPARE(body.value("user_id").toString(), m_user);
    QCOMPARE(body.value("device_id").toString().size(), 32);
    QVERIFY(body.value("refresh_token").toString().size() >= 40);
    const HttpReply token = m_server.request("POST", "/v1/token",
                                             {{"device_id", body.value("device_id")}, {"refresh_token", body.value("refresh_token")}});
    QCOMPARE(token.status, 200);
    QCOMPARE(token.object().value("expires_in").toInt(), 900);
    const QString access = token.object().value("access_token").toString();
    const HttpReply me = m_server.request("GET", "/v1/me", {}, access);
    QCOMPARE(me.status, 200);
    QCOMPARE(me.object().value("user_id").toString(), m_user);
    QCOMPARE(me.object().value("roles").toArray().first().toString(), QStringLiteral("practitioner"));
    m_secrets << code << body.value("refresh_token").toString() << access;
}

void AuthServiceTest::codeWorksOnce()
{
    const QString code = m_server.enrolCode(m_user);
    QCOMPARE(m_server.request("POST", "/v1/enrol", enrolBody(code)).status, 201);
    const HttpReply again = m_server.request("POST", "/v1/enrol", enrolBody(code));
    QCOMPARE(again.status, 403);
    QCOMPARE(again.error(), QStringLiteral("code_invalid"));
    m_secrets << code;
}

void AuthServiceTest::codeIsForgivingAboutCaseAndDashes()
{
    const QString code = m_server.enrolCode(m_user);
    QCOMPARE(m_server.request("POST", "/v1/enrol", enrolBody(code.toLower().remove('-'))).status, 201);
}

void AuthServiceTest::badEnrolments_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    const QByteArray key = randomKey().toLatin1();
    QTest::newRow("no code") << QByteArray(R"({"device_name":"x","public_key":")" + key + "\"}") << 400 << "bad_request";
    QTest::newRow("no key") << QByteArray(R"({"code":"AAAA-BBBB-CCCC","device_name":"x"})") << 400 << "bad_request";
    QTest::newRow("no name") << QByteArray(R"({"code":"AAAA-BBBB-CCCC","public_key":")" + key + "\"}") << 400 << "bad_request";
    QTest::newRow("code not a string") << QByteArray(R"({"code":12,"device_name":"x","public_key":")" + key + "\"}") << 400 << "bad_request";
    QTest::newRow("unknown code") << QByteArray(R"({"code":"AAAA-BBBB-CCCC","device_name":"x","public_key":")" + key + "\"}") << 403 << "code_invalid";
    QTest::newRow("key not base64") << QByteArray(R"({"code":"AAAA-BBBB-CCCC","device_name":"x","public_key":"not base64!"})") << 400 << "bad_request";
    QTest::newRow("key of 31 bytes") << QByteArray(R"({"code":"AAAA-BBBB-CCCC","device_name":"x","public_key":")" + QByteArray(31, 'k').toBase64() + "\"}") << 400 << "bad_request";
    QTest::newRow("all-zero key") << QByteArray(R"({"code":"AAAA-BBBB-CCCC","device_name":"x","public_key":")" + QByteArray(32, '\0').toBase64() + "\"}") << 400 << "bad_request";
    QTest::newRow("name too long") << QByteArray(R"({"code":"AAAA-BBBB-CCCC","device_name":")" + QByteArray(300, 'n') + R"(","public_key":")" + key + "\"}") << 400 << "bad_request";
    QTest::newRow("name with control characters") << QByteArray(R"({"code":"AAAA-BBBB-CCCC","device_name":"a\u0007b","public_key":")" + key + "\"}") << 400 << "bad_request";
    QTest::newRow("an array") << QByteArray("[]") << 400 << "bad_request";
    QTest::newRow("not JSON") << QByteArray("code=1") << 400 << "invalid_json";
}

void AuthServiceTest::badEnrolments()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, error);
    const HttpReply reply = m_server.requestBytes("POST", "/v1/enrol", body);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.error(), error);
    QVERIFY(!reply.object().value("message").toString().isEmpty());
}

void AuthServiceTest::tokenNeedsTheRightSecret()
{
    const TestDevice device = m_server.enrolDevice(m_user);
    HttpReply reply = m_server.request("POST", "/v1/token", {{"device_id", device.deviceId}, {"refresh_token", "wrong"}});
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.error(), QStringLiteral("unauthorized"));
    reply = m_server.request("POST", "/v1/token", {{"device_id", Scenario::newId()}, {"refresh_token", device.refreshToken}});
    QCOMPARE(reply.status, 401);
    reply = m_server.request("POST", "/v1/token", {{"device_id", "xyz"}, {"refresh_token", device.refreshToken}});
    QCOMPARE(reply.status, 400);
    reply = m_server.request("POST", "/v1/token", {{"device_id", device.deviceId}});
    QCOMPARE(reply.status, 400);
    // Another device's refresh token does not open this one.
    const TestDevice other = m_server.enrolDevice(m_user);
    reply = m_server.request("POST", "/v1/token", {{"device_id", device.deviceId}, {"refresh_token", other.refreshToken}});
    QCOMPARE(reply.status, 401);
    m_secrets << device.refreshToken << device.accessToken << other.refreshToken << other.accessToken;
}

void AuthServiceTest::missingOrBadAuthorization_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("header");
    for (const char* path : {"/v1/sync/pull", "/v1/forms", "/v1/me"}) {
        QTest::addRow("%s without a token", path) << QString::fromLatin1(path) << QByteArray();
        QTest::addRow("%s with Basic", path) << QString::fromLatin1(path) << QByteArray("Basic dXNlcjpwYXNz");
        QTest::addRow("%s with an unknown token", path) << QString::fromLatin1(path) << QByteArray("Bearer abcdefabcdef");
        QTest::addRow("%s with an empty bearer", path) << QString::fromLatin1(path) << QByteArray("Bearer ");
        QTest::addRow("%s with a huge token", path) << QString::fromLatin1(path) << QByteArray("Bearer " + QByteArray(4000, 'a'));
    }
}

void AuthServiceTest::missingOrBadAuthorization()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, header);
    const QString token = header.startsWith("Bearer ") ? QString::fromLatin1(header.mid(7)) : QString();
    HttpReply reply;
    if (header.startsWith("Basic")) {
        const QByteArray raw = "GET " + path.toLatin1() + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + header + "\r\nConnection: close\r\n\r\n";
        const QByteArray answer = m_server.client().raw(raw);
        QVERIFY2(answer.startsWith("HTTP/1.1 401"), answer.constData());
        return;
    }
    reply = m_server.request("GET", path, {}, token);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.error(), QStringLiteral("unauthorized"));
}

void AuthServiceTest::revokedDeviceIsRefusedEverywhere()
{
    const TestDevice device = m_server.enrolDevice(m_user);
    const TestDevice sibling = m_server.enrolDevice(m_user);
    QCOMPARE(m_server.request("GET", "/v1/me", {}, device.accessToken).status, 200);
    int exitCode = -1;
    m_server.admin({"revoke-device", "--device", device.deviceId}, &exitCode);
    QCOMPARE(exitCode, 0);
    for (const char* path : {"/v1/me", "/v1/forms", "/v1/sync/pull"}) {
        const HttpReply reply = m_server.request("GET", QString::fromLatin1(path), {}, device.accessToken);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.error(), QStringLiteral("device_revoked"));
    }
    const HttpReply push = m_server.request("POST", "/v1/sync/push", {{"changes", QJsonArray{}}}, device.accessToken);
    QCOMPARE(push.error(), QStringLiteral("device_revoked"));
    const HttpReply token = m_server.request("POST", "/v1/token", {{"device_id", device.deviceId}, {"refresh_token", device.refreshToken}});
    QCOMPARE(token.status, 401);
    QCOMPARE(token.error(), QStringLiteral("device_revoked"));
    // The user's other device goes on working.
    QCOMPARE(m_server.request("GET", "/v1/me", {}, sibling.accessToken).status, 200);
    // Revoking an unknown device fails loudly.
    m_server.admin({"revoke-device", "--device", Scenario::newId()}, &exitCode);
    QVERIFY(exitCode != 0);
}

void AuthServiceTest::accessTokensExpire()
{
    TestServer quick({"--access-token-seconds", "1"});
    QVERIFY2(quick.start(), qPrintable(quick.errorString()));
    const QString user = quick.addUser("Quick", {"befriender"});
    const TestDevice device = quick.enrolDevice(user);
    QCOMPARE(quick.request("GET", "/v1/me", {}, device.accessToken).status, 200);
    QThread::msleep(2100);
    const HttpReply expired = quick.request("GET", "/v1/me", {}, device.accessToken);
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.error(), QStringLiteral("token_expired"));
    const HttpReply fresh = quick.request("POST", "/v1/token", {{"device_id", device.deviceId}, {"refresh_token", device.refreshToken}});
    QCOMPARE(fresh.status, 200);
    QCOMPARE(quick.request("GET", "/v1/me", {}, fresh.object().value("access_token").toString()).status, 200);
    QVERIFY(quick.stop());
}

void AuthServiceTest::enrolAndTokenAreRateLimited()
{
    TestServer limited({"--rate-enrol", "2", "--rate-token", "2"});
    QVERIFY2(limited.start(), qPrintable(limited.errorString()));
    int refused = 0;
    HttpReply last;
    for (int i = 0; i < 8; ++i) {
        last = limited.request("POST", "/v1/enrol", enrolBody("AAAA-BBBB-CCCC"));
        if (last.status == 429) {
            ++refused;
            QCOMPARE(last.error(), QStringLiteral("rate_limited"));
            QVERIFY(last.header("Retry-After").toInt() >= 1);
        } else {
            QCOMPARE(last.status, 403);
        }
    }
    QVERIFY2(refused >= 4, qPrintable(QString::number(refused)));
    int tokenRefused = 0;
    for (int i = 0; i < 10; ++i) {
        if (limited.request("POST", "/v1/token", {{"device_id", Scenario::newId()}, {"refresh_token", "x"}}).status == 429) {
            ++tokenRefused;
        }
    }
    QVERIFY(tokenRefused >= 4);
    QCOMPARE(limited.request("GET", "/v1/health").status, 200);
    QVERIFY(limited.stop());
}

void AuthServiceTest::secretsAreStoredOnlyAsHashes()
{
    QVERIFY(m_secrets.size() >= 6);
    const QByteArray bytes = databaseBytes(m_server.dbPath());
    QVERIFY(bytes.size() > 4096);
    for (const QString& secret : std::as_const(m_secrets)) {
        QVERIFY2(!bytes.contains(secret.toUtf8()), "a code or token is stored in clear");
        QVERIFY(!bytes.contains(QString(secret).remove('-').toUtf8()));
    }
}

QTEST_GUILESS_MAIN(AuthServiceTest)
#include "authservicetest.moc"
