// fieldbook-server's command line as an operator meets it: --version, `serve --help` and
// `admin --help` naming every option with its default, and serve options taken from the
// environment (FIELDBOOK_<NAME>) with the command line winning.
#include "testserver.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QtTest>

using namespace fieldbook::testsupport;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QStringList& args, const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(TestServer::serverBinary(), args);
    process.waitForFinished(30000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class CommandLineTest : public QObject
{
    Q_OBJECT

private slots:
    void versionNamesTheSchema();
    void serveHelpListsEveryOptionWithItsDefault_data();
    void serveHelpListsEveryOptionWithItsDefault();
    void adminHelpListsEveryCommand_data();
    void adminHelpListsEveryCommand();
    void environmentFillsServeOptions();
    void badEnvironmentValueIsAUsageError();
};

void CommandLineTest::versionNamesTheSchema()
{
    const Run version = run({"--version"});
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(QRegularExpression("^fieldbook-server \\d+\\.\\d+\\.\\d+ \\(schema \\d+, contract 1\\.2\\)\\n$")
                 .match(version.out)
                 .hasMatch(),
             qPrintable(version.out));
}

void CommandLineTest::serveHelpListsEveryOptionWithItsDefault_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("fallback");
    QTest::newRow("listen") << "--listen HOST:PORT" << "127.0.0.1:8443";
    QTest::newRow("per address") << "--max-connections-per-address N" << "64";
    QTest::newRow("handshake") << "--handshake-timeout-ms MS" << "5000";
    QTest::newRow("headers") << "--header-timeout-ms MS" << "10000";
    QTest::newRow("idle") << "--idle-timeout-ms MS" << "30000";
    QTest::newRow("enrol") << "--rate-enrol N" << "30";
    QTest::newRow("reuse grace") << "--refresh-reuse-grace SECONDS" << "300";
    QTest::newRow("metrics") << "--metrics-listen HOST:PORT" << "(off)";
    QTest::newRow("log level") << "--log-level LEVEL" << "info";
    QTest::newRow("quiet") << "--quiet" << "(off)";
}

void CommandLineTest::serveHelpListsEveryOptionWithItsDefault()
{
    QFETCH(QString, option);
    QFETCH(QString, fallback);
    const Run help = run({"serve", "--help"});
    QCOMPARE(help.exitCode, 0);
    const qsizetype at = help.out.indexOf("  " + option + " ");
    QVERIFY2(at >= 0, qPrintable(help.out));
    const QString entry = help.out.mid(at, help.out.indexOf("default:", at) - at + 200);
    QVERIFY2(entry.contains("default: " + fallback + "\n"), qPrintable(entry));
    // Every line that names an option is followed by its default.
    QCOMPARE(help.out.count(QRegularExpression("\\n  --")), help.out.count("default: "));
}

void CommandLineTest::adminHelpListsEveryCommand_data()
{
    QTest::addColumn<QString>("command");
    for (const char* command : {"add-user", "enrol-code", "revoke-device", "list-users", "list-devices", "export",
                                "audit", "backup --out FILE", "restore --from FILE", "rotate-key", "seed-demo"}) {
        QTest::newRow(command) << QString::fromLatin1(command);
    }
}

void CommandLineTest::adminHelpListsEveryCommand()
{
    QFETCH(QString, command);
    const Run help = run({"admin", "--help"});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains("  " + command), qPrintable(help.out));
}

void CommandLineTest::environmentFillsServeOptions()
{
    QTemporaryDir dir;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("FIELDBOOK_DB", dir.filePath("env.db"));
    environment.insert("FIELDBOOK_LISTEN", "127.0.0.1:0");
    environment.insert("FIELDBOOK_METRICS_LISTEN", "127.0.0.1:0");
    environment.insert("FIELDBOOK_QUIET", "1");
    QProcess server;
    server.setProcessEnvironment(environment);
    server.start(TestServer::serverBinary(), {"serve", "--metrics-listen", "127.0.0.2:0"});
    // The command line wins over the environment: 127.0.0.2 is loopback, and is what is used.
    QString out;
    for (int i = 0; i < 100 && !out.contains("listening on"); ++i) {
        server.waitForReadyRead(100);
        out += QString::fromUtf8(server.readAllStandardOutput());
    }
    QVERIFY2(out.contains("metrics on http://127.0.0.2:"), qPrintable(out));
    QVERIFY2(QRegularExpression("listening on https://127\\.0\\.0\\.1:\\d+").match(out).hasMatch(), qPrintable(out));
    QVERIFY(QFile::exists(dir.filePath("env.db.key")));
    server.terminate();
    QVERIFY(server.waitForFinished(15000));
    QCOMPARE(server.exitCode(), 0);
}

void CommandLineTest::badEnvironmentValueIsAUsageError()
{
    QTemporaryDir dir;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("FIELDBOOK_DB", dir.filePath("env.db"));
    environment.insert("FIELDBOOK_IDLE_TIMEOUT_MS", "soon");
    const Run bad = run({"serve"}, environment);
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("--idle-timeout-ms"), qPrintable(bad.err));
    environment.insert("FIELDBOOK_IDLE_TIMEOUT_MS", "1000");
    environment.insert("FIELDBOOK_METRICS_LISTEN", "0.0.0.0:9464");
    const Run exposed = run({"serve"}, environment);
    QCOMPARE(exposed.exitCode, 2);
    QVERIFY2(exposed.err.contains("--metrics-listen"), qPrintable(exposed.err));
}

QTEST_GUILESS_MAIN(CommandLineTest)
#include "commandlinetest.moc"
