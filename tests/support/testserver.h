// Test fixture: the real fieldbook-server in a child process, and a small blocking HTTPS client
// that pins the server's certificate fingerprint. Used by the server suites (tests/server) and
// the app's end-to-end suites (tests/e2e). Keep this header stable: other helpers build on it.
//
// The server binary comes from the environment variable FIELDBOOK_SERVER (set by
// fieldbook_add_qt_test). Each TestServer has its own temporary directory and database, listens on
// 127.0.0.1 with port 0, and is stopped (SIGTERM) when destroyed. Set FIELDBOOK_TEST_VERBOSE=1 to
// see the server's log lines.
// On PostgreSQL: with FIELDBOOK_TEST_ENGINE=postgres (set by CTest on the pg_* twins of the server
// suites) and FIELDBOOK_TEST_PG=postgresql://USER@HOST:PORT/DB (a cluster to create databases in),
// each TestServer creates its own fresh database there, passes its URI as --db with the temporary
// directory as --state-dir, and drops the database when destroyed.
// Threads: use from the test's thread only (the client runs a local event loop while it waits).
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace fieldbook::testsupport {

struct HttpReply
{
    int status = 0;        // HTTP status; 0 when there was no HTTP answer (TLS refused, connection lost)
    QByteArray body;
    QJsonDocument json;    // the body parsed, when it is JSON
    QString networkError;  // what went wrong below HTTP when status is 0
    QList<QPair<QByteArray, QByteArray>> headers;

    QJsonObject object() const { return json.object(); }
    QString error() const { return json.object().value(QStringLiteral("error")).toString(); }
    QByteArray header(const QByteArray& name) const;
};

// Blocking HTTPS client pinned to one certificate (SHA-256 of its DER, lowercase hex): a server
// presenting any other certificate is refused, whatever CA signed it.
class HttpsClient
{
public:
    HttpsClient(QUrl base, QString fingerprint);
    ~HttpsClient();
    HttpsClient(const HttpsClient&) = delete;
    HttpsClient& operator=(const HttpsClient&) = delete;

    HttpReply get(const QString& pathAndQuery, const QString& token = {});
    HttpReply post(const QString& path, const QJsonObject& body, const QString& token = {});
    // Any method, any bytes, any content type ("" sends no Content-Type header).
    HttpReply send(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body,
                   const QString& token = {}, const QByteArray& contentType = "application/json");

    // Raw bytes over a fresh pinned TLS connection: writes `bytes`, reads until the server closes
    // the connection or `waitMs` pass, and returns what came back (empty if the TLS handshake failed).
    QByteArray raw(const QByteArray& bytes, int waitMs = 5000);

    void setTimeout(int ms) { m_timeoutMs = ms; }
    const QUrl& base() const { return m_base; }

private:
    QUrl m_base;
    QString m_fingerprint;
    int m_timeoutMs = 30000;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

// A device enrolled against a TestServer.
struct TestDevice
{
    QString userId;
    QString deviceId;
    QString refreshToken;
    QString accessToken;
    QByteArray publicKey; // base64
};

class TestServer
{
public:
    // `extraServeArgs` are added to `serve` (e.g. {"--rate-enrol", "3"}). Unless they set their
    // own, the fixture raises the enrolment and token rate limits so that suites can enrol many
    // devices from one address.
    explicit TestServer(QStringList extraServeArgs = {});
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    // Starts `serve` on a fresh temporary database (or the one from before, after stop()/kill())
    // and waits for its fingerprint and address. False with errorString() if it did not come up.
    bool start();
    // SIGTERM, then waits; true when the server exited 0 (a graceful stop).
    bool stop();
    // SIGKILL: no graceful stop at all.
    void kill();
    // Starts again on the same database (and so the same certificate); a new port.
    bool restart();
    // PostgreSQL only: from the next start() on, serve `other`'s database with its state directory
    // (its key and certificate), as one more process behind the same database. `other` must
    // outlive this fixture: it drops the database.
    void shareDatabaseOf(const TestServer& other);
    // Replaces the extra `serve` arguments from the next start()/restart() on (e.g.
    // {"--test-clock-offset", "14401"} to run the server as at a later time).
    void setExtraServeArgs(QStringList args) { m_extraArgs = std::move(args); }
    bool isRunning() const;

    QUrl url() const { return m_url; }
    QString fingerprint() const { return m_fingerprint; }
    // The --db value: the SQLite file, or the PostgreSQL URI.
    QString dbPath() const;
    // The sealing key file (beside the SQLite file, or in the state directory).
    QString keyFilePath() const;
    // Everything the database holds at rest: the SQLite file and its WAL, or on PostgreSQL every
    // table's rows as text (bytea in hex), for the checks that nothing secret is stored in clear.
    QByteArray databaseBytes() const;
    // Whether this fixture runs the server on PostgreSQL (FIELDBOOK_TEST_ENGINE=postgres).
    static bool usesPostgres();
    // Runs one statement (constant SQL from a test, no data) on this server's PostgreSQL database
    // and answers the first column of every row; empty on SQLite.
    QStringList pgQuery(const char* sql) const;
    QString errorString() const { return m_error; }
    // The server's stderr (JSON log lines) so far.
    QString log() const { return QString::fromUtf8(m_log); }

    // Runs `fieldbook-server admin --db <db> <args>` and answers the last line of its stdout.
    QString admin(const QStringList& args, int* exitCode = nullptr) const;
    // The whole stdout of such a command.
    QByteArray adminOutput(const QStringList& args, int* exitCode = nullptr) const;
    // admin add-user; answers the new user id ("" on failure).
    QString addUser(const QString& name, const QStringList& roles, const QString& team = {}) const;
    // admin enrol-code.
    QString enrolCode(const QString& userId) const;

    // A pinned client for this server (rebuilt after restart(), since the port changes).
    HttpsClient& client();
    HttpReply request(const QByteArray& method, const QString& pathAndQuery, const QJsonObject& body = {},
                      const QString& token = {});
    HttpReply requestBytes(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body,
                           const QString& token = {});

    // Enrols a new device for the user (enrol code, /v1/enrol, /v1/token). Fails the running test
    // (QVERIFY-style, returns an empty device) if any step does not succeed.
    TestDevice enrolDevice(const QString& userId, const QString& deviceName = QStringLiteral("test device"));

    static QString serverBinary();

private:
    QStringList stateArgs() const;

    QStringList m_extraArgs;
    QTemporaryDir m_dir;
    QString m_pgUri;      // this server's own database ("" on SQLite)
    QString m_pgAdminUri; // FIELDBOOK_TEST_PG, where it was created and is dropped
    QString m_stateDir;   // --state-dir on PostgreSQL: this fixture's directory or the shared one
    bool m_ownsDatabase = false;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<HttpsClient> m_client;
    QUrl m_url;
    QString m_fingerprint;
    QString m_error;
    QByteArray m_log;
};

} // namespace fieldbook::testsupport
