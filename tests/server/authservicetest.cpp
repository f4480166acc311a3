// AuthService over TLS: enrolment with one-time codes, refresh and access tokens, revocation that
// reaches every endpoint at once, rate limits, and secrets that never reach the disk in clear.
// Refresh rotation, reuse and idle expiry are also driven in process with an injected clock.
#include "scenario.h"
#include "testserver.h"

#include "auth/authservice.h"
#include "http/apierror.h"
#include "model/formdefinition.h"
#include "model/ids.h"
#include "store/keyring.h"
#include "store/sqlitestore.h"

#include <QTemporaryDir>

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
    void officeEnrolsTwentyPhonesAtOnce();
    void refreshTokenRotatesOverTheWire();
    void reusedRefreshTokenEndsTheSessionOverTheWire();
    void rotation_data();
    void rotation();
    void reuseAlertsTheAdministrators();
    void idleDeviceMustEnrolAgain();
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
    const QByteArray bytes = m_server.databaseBytes();
    QVERIFY(bytes.size() > 4096);
    for (const QString& secret : std::as_const(m_secrets)) {
        QVERIFY2(!bytes.contains(secret.toUtf8()), "a code or token is stored in clear");
        QVERIFY(!bytes.contains(QString(secret).remove('-').toUtf8()));
    }
}

void AuthServiceTest::officeEnrolsTwentyPhonesAtOnce()
{
    // The server's own defaults for enrolment, from one address.
    TestServer office({"--rate-enrol", "30", "--rate-enrol-global", "240", "--rate-enrol-code", "5"});
    QVERIFY2(office.start(), qPrintable(office.errorString()));
    const QString user = office.addUser("Office", {"befriender"});
    for (int i = 0; i < 20; ++i) {
        const HttpReply reply = office.request("POST", "/v1/enrol", enrolBody(office.enrolCode(user)));
        QVERIFY2(reply.status == 201, qPrintable(QStringLiteral("phone %1: %2").arg(i).arg(reply.status)));
    }
    // Guessing one code again and again is cut off after a few tries, whatever the address.
    int refused = 0;
    for (int i = 0; i < 8; ++i) {
        const HttpReply guess = office.request("POST", "/v1/enrol", enrolBody("ZZZZ-ZZZZ-ZZZZ"));
        refused += guess.status == 429 ? 1 : 0;
    }
    QVERIFY2(refused >= 3, qPrintable(QString::number(refused)));
    QVERIFY(office.stop());
}

void AuthServiceTest::refreshTokenRotatesOverTheWire()
{
    const QString code = m_server.enrolCode(m_user);
    const HttpReply enrolled = m_server.request("POST", "/v1/enrol", enrolBody(code));
    QCOMPARE(enrolled.status, 201);
    const QString device = enrolled.object().value("device_id").toString();
    const QString first = enrolled.object().value("refresh_token").toString();
    const HttpReply one = m_server.request("POST", "/v1/token", {{"device_id", device}, {"refresh_token", first}});
    QCOMPARE(one.status, 200);
    QVERIFY(one.object().value("access_token").isString());
    QVERIFY(one.object().value("expires_in").toInt() > 0);
    const QString second = one.object().value("refresh_token").toString();
    QVERIFY(second.size() >= 40);
    QVERIFY(second != first);
    const HttpReply two = m_server.request("POST", "/v1/token", {{"device_id", device}, {"refresh_token", second}});
    QCOMPARE(two.status, 200);
    QVERIFY(two.object().value("refresh_token").toString() != second);
    // Within the grace a retry with a rotated token still works (an answer lost on the way).
    QCOMPARE(m_server.request("POST", "/v1/token", {{"device_id", device}, {"refresh_token", first}}).status, 200);
    m_secrets << code << first << second;
}

void AuthServiceTest::reusedRefreshTokenEndsTheSessionOverTheWire()
{
    TestServer strict({"--refresh-reuse-grace", "0"});
    QVERIFY2(strict.start(), qPrintable(strict.errorString()));
    const QString user = strict.addUser("Strict", {"befriender"});
    const QString code = strict.enrolCode(user);
    const HttpReply enrolled = strict.request("POST", "/v1/enrol", enrolBody(code));
    const QString device = enrolled.object().value("device_id").toString();
    const QString first = enrolled.object().value("refresh_token").toString();
    const HttpReply one = strict.request("POST", "/v1/token", {{"device_id", device}, {"refresh_token", first}});
    QCOMPARE(one.status, 200);
    const QString second = one.object().value("refresh_token").toString();
    const QString access = one.object().value("access_token").toString();
    // A second later on the server's clock (whole seconds): past a grace of 0.
    strict.setExtraServeArgs({"--refresh-reuse-grace", "0", "--test-clock-offset", "1"});
    QVERIFY2(strict.restart(), qPrintable(strict.errorString()));
    const HttpReply reuse = strict.request("POST", "/v1/token", {{"device_id", device}, {"refresh_token", first}});
    QCOMPARE(reuse.status, 401);
    QCOMPARE(reuse.error(), QStringLiteral("unauthorized"));
    // The session is over for whoever holds the newer token too, and for its access token.
    QCOMPARE(strict.request("POST", "/v1/token", {{"device_id", device}, {"refresh_token", second}}).status, 401);
    QCOMPARE(strict.request("GET", "/v1/me", {}, access).status, 401);
    const QString log = strict.log();
    QVERIFY(log.contains("refresh_token_reuse"));
    QVERIFY(log.contains("\"peer\":\"127.0.0.1\""));
    QVERIFY(!log.contains(first) && !log.contains(second) && !log.contains(access));
    QVERIFY(QString::fromUtf8(strict.adminOutput({"audit", "--since", "2000-01-01T00:00:00Z"})).contains("token.reuse"));
    QVERIFY(strict.stop());
}

namespace {

struct InProcess
{
    QTemporaryDir dir;
    std::unique_ptr<fieldbook::server::SqliteStore> store;
    fieldbook::server::AuthService auth;
    std::string userId = fieldbook::newId();

    explicit InProcess(fieldbook::server::AuthSettings settings) : auth(settings)
    {
        const std::string path = dir.filePath("auth.db").toStdString();
        auto keys = std::make_shared<const fieldbook::server::KeyRing>(
            fieldbook::server::KeyRing::loadOrCreate(path + ".key"));
        store = std::make_unique<fieldbook::server::SqliteStore>(path, keys, fieldbook::FormRegistry::builtin());
        fieldbook::User user{userId, "Pat", {}, ""};
        user.roles.add(fieldbook::Role::Befriender);
        store->addUser(user, 0);
    }

    fieldbook::server::AuthService::Enrolment enrol(std::int64_t now)
    {
        const std::string code = auth.issueEnrolCode(*store, userId, now);
        return auth.enrol(*store, code, "phone", std::string(42, 'B') + "E=", now);
    }

    // The error code of a token call, or "" when it succeeded (and then `refresh` is rotated).
    std::string token(const std::string& device, std::string& refresh, std::int64_t now)
    {
        try {
            refresh = auth.issueAccessToken(*store, device, refresh, now).refreshToken;
            return "";
        } catch (const fieldbook::server::ApiException& e) {
            return std::string(fieldbook::server::errorCode(e.error()));
        }
    }
};

} // namespace

// In process on an injected clock: an access token stops working after its lifetime (the
// over-the-wire answer for an expired token is the same ApiException through the router).
void AuthServiceTest::accessTokensExpire()
{
    fieldbook::server::AuthSettings settings;
    settings.accessTokenSeconds = 1;
    InProcess world(settings);
    const std::int64_t t0 = 1'800'000'000;
    const auto enrolment = world.enrol(t0);
    const auto issued = world.auth.issueAccessToken(*world.store, enrolment.deviceId, enrolment.refreshToken, t0);
    QCOMPARE(issued.expiresIn, std::int64_t{1});
    QCOMPARE(world.auth.authenticate(*world.store, "Bearer " + issued.token, t0).user.id, world.userId);
    try {
        world.auth.authenticate(*world.store, "Bearer " + issued.token, t0 + 1);
        QFAIL("an expired token was accepted");
    } catch (const fieldbook::server::ApiException& e) {
        QCOMPARE(fieldbook::server::errorCode(e.error()), std::string_view("token_expired"));
    }
    const auto fresh = world.auth.issueAccessToken(*world.store, enrolment.deviceId, issued.refreshToken, t0 + 2);
    QCOMPARE(world.auth.authenticate(*world.store, "Bearer " + fresh.token, t0 + 2).user.id, world.userId);
}

void AuthServiceTest::rotation_data()
{
    QTest::addColumn<int>("replayAfter"); // seconds after the rotation that the old token comes back
    QTest::addColumn<QString>("replay");  // what that call answers
    QTest::addColumn<QString>("current"); // and then the newest token
    QTest::newRow("retried at once") << 0 << "" << "";
    QTest::newRow("retried at the end of the grace") << 60 << "" << "";
    QTest::newRow("replayed after the grace") << 61 << "unauthorized" << "unauthorized";
    QTest::newRow("replayed a day later") << 86400 << "unauthorized" << "unauthorized";
}

void AuthServiceTest::rotation()
{
    QFETCH(int, replayAfter);
    QFETCH(QString, replay);
    QFETCH(QString, current);
    fieldbook::server::AuthSettings settings;
    settings.refreshReuseGraceSeconds = 60;
    InProcess world(settings);
    const std::int64_t t0 = 1'800'000'000;
    const auto enrolment = world.enrol(t0);
    std::string refresh = enrolment.refreshToken;
    QCOMPARE(world.token(enrolment.deviceId, refresh, t0 + 10), std::string());
    QVERIFY(refresh != enrolment.refreshToken);
    std::string newest = refresh;
    std::string old = enrolment.refreshToken;
    QCOMPARE(QString::fromStdString(world.token(enrolment.deviceId, old, t0 + 10 + replayAfter)), replay);
    if (replay.isEmpty()) {
        newest = old; // the retry rotated again: its answer is the newest
    }
    QCOMPARE(QString::fromStdString(world.token(enrolment.deviceId, newest, t0 + 11 + replayAfter)), current);
    // A token of another device never works, rotated or not.
    const auto other = world.enrol(t0);
    std::string foreign = enrolment.refreshToken;
    QCOMPARE(world.token(other.deviceId, foreign, t0 + 20), std::string("unauthorized"));
}

void AuthServiceTest::reuseAlertsTheAdministrators()
{
    InProcess world(fieldbook::server::AuthSettings{});
    fieldbook::User admin{fieldbook::newId(), "Ada Admin", {}, ""};
    admin.roles.add(fieldbook::Role::Admin);
    world.store->addUser(admin, 0);
    const std::int64_t t0 = 1'800'000'000;
    const auto enrolment = world.enrol(t0);
    std::string refresh = enrolment.refreshToken;
    QCOMPARE(world.token(enrolment.deviceId, refresh, t0), std::string());
    std::string stolen = enrolment.refreshToken;
    QCOMPARE(world.token(enrolment.deviceId, stolen, t0 + 3600), std::string("unauthorized"));
    const auto alerts = world.store->recordsOfType("alert");
    QCOMPARE(alerts.size(), std::size_t{1});
    QCOMPARE(alerts.front().audience, admin.id);
    QCOMPARE(QString::fromStdString(alerts.front().record.text("kind")), QStringLiteral("token_reuse"));
    QCOMPARE(QString::fromStdString(alerts.front().record.text("device_id")), QString::fromStdString(enrolment.deviceId));
    bool audited = false;
    for (const auto& entry : world.store->auditSince(0, 100)) {
        audited = audited || (entry.action == "token.reuse" && entry.deviceId == enrolment.deviceId);
    }
    QVERIFY(audited);
    // The device is not revoked (its phone keeps its data) but must enrol again.
    QVERIFY(!world.store->device(enrolment.deviceId)->revokedAt);
    QCOMPARE(world.token(enrolment.deviceId, refresh, t0 + 3601), std::string("unauthorized"));
}

void AuthServiceTest::idleDeviceMustEnrolAgain()
{
    fieldbook::server::AuthSettings settings;
    settings.refreshIdleSeconds = 1000;
    InProcess world(settings);
    const std::int64_t t0 = 1'800'000'000;
    const auto enrolment = world.enrol(t0);
    std::string refresh = enrolment.refreshToken;
    QCOMPARE(world.token(enrolment.deviceId, refresh, t0 + 1000), std::string()); // used in time: the clock restarts
    QCOMPARE(world.token(enrolment.deviceId, refresh, t0 + 2000), std::string());
    std::string kept = refresh;
    QCOMPARE(world.token(enrolment.deviceId, kept, t0 + 3001), std::string("unauthorized"));
    QCOMPARE(world.token(enrolment.deviceId, refresh, t0 + 3002), std::string("unauthorized"));
}

QTEST_GUILESS_MAIN(AuthServiceTest)
#include "authservicetest.moc"
