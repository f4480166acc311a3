#include "testserver.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>
#include <QTimer>

#include <libpq-fe.h>

#include <csignal>
#include <cstdio>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace fieldbook::testsupport {

namespace {

bool pinned(const QSslCertificate& certificate, const QString& fingerprint)
{
    return !certificate.isNull() &&
           QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex()) == fingerprint;
}

bool verbose()
{
    return qEnvironmentVariableIsSet("FIELDBOOK_TEST_VERBOSE");
}

} // namespace

QByteArray HttpReply::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

HttpsClient::HttpsClient(QUrl base, QString fingerprint)
    : m_base(std::move(base))
    , m_fingerprint(std::move(fingerprint))
    , m_network(std::make_unique<QNetworkAccessManager>())
{
}

HttpsClient::~HttpsClient() = default;

HttpReply HttpsClient::get(const QString& pathAndQuery, const QString& token)
{
    return send("GET", pathAndQuery, {}, token, {});
}

HttpReply HttpsClient::post(const QString& path, const QJsonObject& body, const QString& token)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

HttpReply HttpsClient::send(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body,
                            const QString& token, const QByteArray& contentType)
{
    QUrl url = m_base;
    const qsizetype mark = pathAndQuery.indexOf(QLatin1Char('?'));
    url.setPath(mark < 0 ? pathAndQuery : pathAndQuery.left(mark));
    if (mark >= 0) {
        url.setQuery(pathAndQuery.mid(mark + 1), QUrl::StrictMode);
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!contentType.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    }
    if (!token.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    }
    QNetworkReply* reply = m_network->sendCustomRequest(request, method, body);
    bool pinFailed = false;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [&, reply](const QList<QSslError>& errors) {
        if (pinned(reply->sslConfiguration().peerCertificate(), m_fingerprint)) {
            reply->ignoreSslErrors(errors);
        } else {
            pinFailed = true;
        }
    });
    QObject::connect(reply, &QNetworkReply::encrypted, reply, [&, reply] {
        if (!pinned(reply->sslConfiguration().peerCertificate(), m_fingerprint)) {
            pinFailed = true;
            reply->abort();
        }
    });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(m_timeoutMs, reply, [reply] { reply->abort(); });
    if (!reply->isFinished()) {
        loop.exec();
    }
    HttpReply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.json = QJsonDocument::fromJson(out.body);
    out.headers = reply->rawHeaderPairs();
    if (out.status == 0) {
        out.networkError = pinFailed ? QStringLiteral("certificate does not match the pinned fingerprint")
                                     : reply->errorString();
    }
    reply->deleteLater();
    return out;
}

QByteArray HttpsClient::raw(const QByteArray& bytes, int waitMs)
{
    QSslSocket socket;
    QObject::connect(&socket, &QSslSocket::sslErrors, &socket, [&](const QList<QSslError>& errors) {
        if (pinned(socket.peerCertificate(), m_fingerprint)) {
            socket.ignoreSslErrors(errors);
        }
    });
    socket.connectToHostEncrypted(m_base.host(), static_cast<quint16>(m_base.port()));
    if (!socket.waitForEncrypted(5000) || !pinned(socket.peerCertificate(), m_fingerprint)) {
        return {};
    }
    socket.write(bytes);
    socket.flush();
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < waitMs && socket.state() == QAbstractSocket::ConnectedState) {
        if (socket.waitForReadyRead(static_cast<int>(std::max<qint64>(1, waitMs - timer.elapsed())))) {
            received += socket.readAll();
        }
    }
    received += socket.readAll();
    return received;
}

namespace {

// Runs constant SQL (a test's, or CREATE/DROP DATABASE with a name this fixture made up) and
// answers the first column of each row; an empty list with a warning when it fails.
QStringList runPg(const QString& uri, const QByteArray& sql)
{
    QStringList out;
    PGconn* conn = PQconnectdb(uri.toUtf8().constData());
    if (PQstatus(conn) != CONNECTION_OK) {
        qWarning("PostgreSQL: cannot connect: %s", PQerrorMessage(conn));
        PQfinish(conn);
        return out;
    }
    PGresult* result = PQexec(conn, sql.constData());
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_TUPLES_OK) {
        for (int row = 0; row < PQntuples(result); ++row) {
            out << QString::fromUtf8(PQgetvalue(result, row, 0));
        }
    } else if (status != PGRES_COMMAND_OK) {
        qWarning("PostgreSQL: %s", PQresultErrorMessage(result));
    }
    PQclear(result);
    PQfinish(conn);
    return out;
}

QString withDatabase(const QString& uri, const QString& name)
{
    QUrl url(uri);
    url.setPath(QStringLiteral("/") + name);
    return url.toString();
}

} // namespace

bool TestServer::usesPostgres()
{
    return qEnvironmentVariable("FIELDBOOK_TEST_ENGINE") == QLatin1String("postgres");
}

TestServer::TestServer(QStringList extraServeArgs)
    : m_extraArgs(std::move(extraServeArgs))
{
    if (usesPostgres()) {
        m_pgAdminUri = qEnvironmentVariable("FIELDBOOK_TEST_PG");
        if (m_pgAdminUri.isEmpty()) {
            qFatal("FIELDBOOK_TEST_ENGINE=postgres needs FIELDBOOK_TEST_PG=postgresql://USER@HOST:PORT/DB");
        }
        const QString name = QStringLiteral("fbtest_") +
                             QString::number(QRandomGenerator::global()->generate64(), 16) +
                             QString::number(QRandomGenerator::global()->generate64(), 16);
        runPg(m_pgAdminUri, "CREATE DATABASE " + name.toLatin1());
        m_pgUri = withDatabase(m_pgAdminUri, name);
        m_stateDir = m_dir.path();
        m_ownsDatabase = true;
    }
}

void TestServer::shareDatabaseOf(const TestServer& other)
{
    if (m_pgUri.isEmpty() || other.m_pgUri.isEmpty()) {
        qFatal("TestServer::shareDatabaseOf is for PostgreSQL");
    }
    if (m_ownsDatabase) {
        runPg(m_pgAdminUri, "DROP DATABASE IF EXISTS " + QUrl(m_pgUri).path().mid(1).toLatin1() + " WITH (FORCE)");
    }
    m_pgUri = other.m_pgUri;
    m_stateDir = other.m_stateDir;
    m_ownsDatabase = false;
}

TestServer::~TestServer()
{
    if (isRunning()) {
        stop();
    }
    if (m_ownsDatabase) {
        const QString name = QUrl(m_pgUri).path().mid(1);
        runPg(m_pgAdminUri, "DROP DATABASE IF EXISTS " + name.toLatin1() + " WITH (FORCE)");
    }
}

QStringList TestServer::stateArgs() const
{
    if (m_pgUri.isEmpty()) {
        return {};
    }
    return {QStringLiteral("--state-dir"), m_stateDir};
}

QString TestServer::keyFilePath() const
{
    return m_pgUri.isEmpty() ? dbPath() + QStringLiteral(".key") : QDir(m_stateDir).filePath(QStringLiteral("fieldbook.key"));
}

QStringList TestServer::pgQuery(const char* sql) const
{
    return m_pgUri.isEmpty() ? QStringList() : runPg(m_pgUri, sql);
}

QByteArray TestServer::databaseBytes() const
{
    QByteArray all;
    if (m_pgUri.isEmpty()) {
        for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
            QFile file(dbPath() + suffix);
            if (file.open(QIODevice::ReadOnly)) {
                all += file.readAll();
            }
        }
        return all;
    }
    // Every row of every table of the public schema, as PostgreSQL writes it out (bytea as hex).
    const QStringList tables =
        runPg(m_pgUri, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    for (const QString& table : tables) {
        for (const QString& row : runPg(m_pgUri, "SELECT t::text FROM " + table.toLatin1() + " t")) {
            all += row.toUtf8() + '\n';
        }
    }
    return all;
}

QString TestServer::serverBinary()
{
    return qEnvironmentVariable("FIELDBOOK_SERVER");
}

QString TestServer::dbPath() const
{
    return m_pgUri.isEmpty() ? m_dir.filePath(QStringLiteral("fieldbook.db")) : m_pgUri;
}

bool TestServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool TestServer::start()
{
    m_error.clear();
    if (serverBinary().isEmpty()) {
        m_error = QStringLiteral("FIELDBOOK_SERVER is not set");
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    m_process = std::make_unique<QProcess>();
    QProcess* process = m_process.get();
    QObject::connect(process, &QProcess::readyReadStandardError, process, [this, process] {
        const QByteArray chunk = process->readAllStandardError();
        m_log += chunk;
        if (verbose()) {
            std::fputs(chunk.constData(), stderr);
        }
    });
    QStringList args{QStringLiteral("serve"), QStringLiteral("--db"), dbPath(), QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:0")};
    args += stateArgs();
    // Suites enrol many devices from one address: high limits unless the suite sets its own.
    for (const char* limit : {"--rate-enrol", "--rate-enrol-global", "--rate-enrol-code", "--rate-token"}) {
        if (!m_extraArgs.contains(QLatin1String(limit))) {
            args << QString::fromLatin1(limit) << QStringLiteral("100000");
        }
    }
    args += m_extraArgs;
#ifdef Q_OS_LINUX
    // A test that crashes must not leave its server running.
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    process->start(serverBinary(), args);
    if (!process->waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start ") + serverBinary() + QStringLiteral(": ") + process->errorString();
        return false;
    }
    static const QRegularExpression fingerprintLine(QStringLiteral("^certificate fingerprint \\(SHA-256\\): ([0-9a-f]{64})$"));
    static const QRegularExpression listeningLine(QStringLiteral("^listening on (https://[^\\s]+)$"));
    QDeadlineTimer deadline(20000);
    m_url.clear();
    m_fingerprint.clear();
    QByteArray pending;
    while (!deadline.hasExpired() && m_url.isEmpty()) {
        if (!process->canReadLine() && !process->waitForReadyRead(static_cast<int>(std::max<qint64>(1, deadline.remainingTime())))) {
            if (process->state() == QProcess::NotRunning) {
                break;
            }
            continue;
        }
        while (process->canReadLine()) {
            const QString line = QString::fromUtf8(process->readLine()).trimmed();
            if (const auto match = fingerprintLine.match(line); match.hasMatch()) {
                m_fingerprint = match.captured(1);
            } else if (const auto match = listeningLine.match(line); match.hasMatch()) {
                m_url = QUrl(match.captured(1));
            }
        }
    }
    if (m_url.isEmpty() || m_fingerprint.isEmpty()) {
        m_error = QStringLiteral("the server did not report its address; log: ") + log();
        kill();
        return false;
    }
    m_client = std::make_unique<HttpsClient>(m_url, m_fingerprint);
    return true;
}

bool TestServer::stop()
{
    if (!isRunning()) {
        return m_process && m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
    }
    m_process->terminate();
    if (!m_process->waitForFinished(15000)) {
        m_error = QStringLiteral("the server did not stop within 15 s of SIGTERM");
        kill();
        return false;
    }
    m_log += m_process->readAllStandardError();
    return m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
}

void TestServer::kill()
{
    if (isRunning()) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool TestServer::restart()
{
    if (isRunning()) {
        stop();
    }
    return start();
}

QByteArray TestServer::adminOutput(const QStringList& args, int* exitCode) const
{
    QProcess process;
    process.start(serverBinary(),
                  QStringList{QStringLiteral("admin"), QStringLiteral("--db"), dbPath()} + stateArgs() + args);
    process.waitForFinished(60000);
    if (exitCode != nullptr) {
        *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }
    const QByteArray err = process.readAllStandardError();
    if (verbose() && !err.isEmpty()) {
        std::fputs(err.constData(), stderr);
    }
    return process.readAllStandardOutput();
}

QString TestServer::admin(const QStringList& args, int* exitCode) const
{
    const QList<QByteArray> lines = adminOutput(args, exitCode).trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.last()).trimmed();
}

QString TestServer::addUser(const QString& name, const QStringList& roles, const QString& team) const
{
    QStringList args{QStringLiteral("add-user"), QStringLiteral("--name"), name};
    for (const QString& role : roles) {
        args << QStringLiteral("--role") << role;
    }
    if (!team.isEmpty()) {
        args << QStringLiteral("--team") << team;
    }
    int code = -1;
    const QString id = admin(args, &code);
    return code == 0 ? id : QString();
}

QString TestServer::enrolCode(const QString& userId) const
{
    int code = -1;
    const QString enrol = admin({QStringLiteral("enrol-code"), QStringLiteral("--user"), userId}, &code);
    return code == 0 ? enrol : QString();
}

HttpsClient& TestServer::client()
{
    if (!m_client) {
        m_client = std::make_unique<HttpsClient>(m_url, m_fingerprint);
    }
    return *m_client;
}

HttpReply TestServer::request(const QByteArray& method, const QString& pathAndQuery, const QJsonObject& body,
                              const QString& token)
{
    if (method == "GET") {
        return client().get(pathAndQuery, token);
    }
    return client().send(method, pathAndQuery, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

HttpReply TestServer::requestBytes(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body,
                                   const QString& token)
{
    return client().send(method, pathAndQuery, body, token);
}

TestDevice TestServer::enrolDevice(const QString& userId, const QString& deviceName)
{
    TestDevice device;
    const QString code = enrolCode(userId);
    if (code.isEmpty()) {
        QTest::qFail("admin enrol-code failed", __FILE__, __LINE__);
        return {};
    }
    QByteArray key(32, Qt::Uninitialized);
    for (auto& byte : key) {
        byte = static_cast<char>(QRandomGenerator::global()->bounded(256));
    }
    device.publicKey = key.toBase64();
    const HttpReply enrolled = client().post(QStringLiteral("/v1/enrol"),
                                             QJsonObject{{QStringLiteral("code"), code},
                                                         {QStringLiteral("device_name"), deviceName},
                                                         {QStringLiteral("public_key"), QString::fromLatin1(device.publicKey)}});
    if (enrolled.status != 201) {
        QTest::qFail(qPrintable(QStringLiteral("enrol failed: %1 %2").arg(enrolled.status).arg(QString::fromUtf8(enrolled.body))),
                     __FILE__, __LINE__);
        return {};
    }
    device.userId = enrolled.object().value(QStringLiteral("user_id")).toString();
    device.deviceId = enrolled.object().value(QStringLiteral("device_id")).toString();
    device.refreshToken = enrolled.object().value(QStringLiteral("refresh_token")).toString();
    const HttpReply token = client().post(QStringLiteral("/v1/token"),
                                          QJsonObject{{QStringLiteral("device_id"), device.deviceId},
                                                      {QStringLiteral("refresh_token"), device.refreshToken}});
    if (token.status != 200) {
        QTest::qFail(qPrintable(QStringLiteral("token failed: %1 %2").arg(token.status).arg(QString::fromUtf8(token.body))),
                     __FILE__, __LINE__);
        return {};
    }
    device.accessToken = token.object().value(QStringLiteral("access_token")).toString();
    // The refresh token rotates on every use: the answer's is the one that works from now on.
    if (const QString rotated = token.object().value(QStringLiteral("refresh_token")).toString(); !rotated.isEmpty()) {
        device.refreshToken = rotated;
    }
    return device;
}

} // namespace fieldbook::testsupport
