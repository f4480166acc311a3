// The admin commands (server/admin): the contract's add-user / enrol-code / revoke-device, and
// list-devices, export, audit, rotate-key and seed-demo, each run as its own process beside the
// server, as an operator would.
#include "scenario.h"
#include "testserver.h"

#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QtTest>

using namespace fieldbook::testsupport;

namespace {

QList<QJsonObject> jsonLines(const QByteArray& output)
{
    QList<QJsonObject> out;
    for (const QByteArray& line : output.split('\n')) {
        if (!line.trimmed().isEmpty()) {
            out.append(QJsonDocument::fromJson(line).object());
        }
    }
    return out;
}

} // namespace

class AdminCommandsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void addUserChecksItsInput_data();
    void addUserChecksItsInput();
    void listDevicesShowsEnrolmentAndRevocation();
    void exportGathersEverythingAboutAPerson();
    void auditRecordsIdsOnly();
    void specialCategoryFieldsAreSealedAtRest();
    void rotateKeyReencrypts();
    void missingKeyFileIsRefused();
    void seedDemoGivesBothKindsOfCase();

private:
    TestServer m_server;
    Scenario m_scenario{m_server};
    World m_world;
};

void AdminCommandsTest::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_scenario.setUp());
    m_world = m_scenario.buildWorld();
    QCOMPARE(m_scenario.sessionReport(m_world.volunteer, m_world, "Irina mentioned her sister's illness").value("status").toString(),
             QStringLiteral("applied"));
    m_scenario.pullAll(m_scenario.practitioner);
}

void AdminCommandsTest::cleanupTestCase()
{
    if (m_server.isRunning()) {
        QVERIFY(m_server.stop());
    }
}

void AdminCommandsTest::addUserChecksItsInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("ok");
    QTest::newRow("one role") << QStringList{"--name", "A", "--role", "mentor"} << true;
    QTest::newRow("two roles and a team") << QStringList{"--name", "B", "--role", "manager", "--role", "admin", "--team", "south"} << true;
    QTest::newRow("unknown role") << QStringList{"--name", "C", "--role", "pirate"} << false;
    QTest::newRow("no role") << QStringList{"--name", "D"} << false;
    QTest::newRow("no name") << QStringList{"--role", "mentor"} << false;
    QTest::newRow("empty name") << QStringList{"--name", "", "--role", "mentor"} << false;
    QTest::newRow("unknown option") << QStringList{"--name", "E", "--role", "mentor", "--colour", "red"} << false;
}

void AdminCommandsTest::addUserChecksItsInput()
{
    QFETCH(QStringList, args);
    QFETCH(bool, ok);
    int exitCode = -1;
    const QString out = m_server.admin(QStringList{"add-user"} + args, &exitCode);
    QCOMPARE(exitCode == 0, ok);
    if (ok) {
        QVERIFY(QRegularExpression("^[0-9a-f]{32}$").match(out).hasMatch());
    }
}

void AdminCommandsTest::listDevicesShowsEnrolmentAndRevocation()
{
    const QString user = m_server.addUser("Lister", {"befriender"});
    const TestDevice device = m_server.enrolDevice(user, "Lister's phone");
    int exitCode = -1;
    auto find = [&]() {
        for (const QJsonObject& line : jsonLines(m_server.adminOutput({"list-devices"}, &exitCode))) {
            if (line.value("device_id").toString() == device.deviceId) {
                return line;
            }
        }
        return QJsonObject{};
    };
    QJsonObject line = find();
    QCOMPARE(exitCode, 0);
    QCOMPARE(line.value("user_id").toString(), user);
    QCOMPARE(line.value("name").toString(), QStringLiteral("Lister's phone"));
    QVERIFY(line.value("revoked_at").isNull());
    QCOMPARE(m_server.admin({"revoke-device", "--device", device.deviceId}, &exitCode), "revoked " + device.deviceId);
    QVERIFY(find().value("revoked_at").toString().endsWith('Z'));
    QCOMPARE(jsonLines(m_server.adminOutput({"list-devices", "--user", user})).size(), 1);
}

void AdminCommandsTest::exportGathersEverythingAboutAPerson()
{
    int exitCode = -1;
    const QJsonObject exported = QJsonDocument::fromJson(m_server.admin({"export", "--person", m_world.person}, &exitCode).toUtf8()).object();
    QCOMPARE(exitCode, 0);
    QCOMPARE(exported.value("person_id").toString(), m_world.person);
    QSet<QString> types;
    bool notes = false;
    for (const auto& value : exported.value("records").toArray()) {
        const QJsonObject record = value.toObject();
        types.insert(record.value("record_type").toString());
        notes = notes || record.value("fields").toObject().value("notes").toString().contains("sister");
    }
    for (const char* type : {"person", "case", "relationship", "consent", "protection_check", "match", "session_report"}) {
        QVERIFY2(types.contains(QString::fromLatin1(type)), type);
    }
    QVERIFY2(notes, "sealed fields are opened for the export");
    m_server.admin({"export", "--person", Scenario::newId()}, &exitCode);
    QVERIFY(exitCode != 0);
    m_server.admin({"export", "--person", "not-an-id"}, &exitCode);
    QCOMPARE(exitCode, 2);
}

void AdminCommandsTest::auditRecordsIdsOnly()
{
    int exitCode = -1;
    const QByteArray output = m_server.adminOutput({"audit", "--since", "2000-01-01T00:00:00Z"}, &exitCode);
    QCOMPARE(exitCode, 0);
    QSet<QString> actions;
    for (const QJsonObject& line : jsonLines(output)) {
        actions.insert(line.value("action").toString());
        QVERIFY(line.value("at").toString().endsWith('Z'));
    }
    for (const char* action : {"admin.add_user", "admin.enrol_code", "enrol", "token", "push", "pull", "admin.export"}) {
        QVERIFY2(actions.contains(QString::fromLatin1(action)), action);
    }
    for (const char* personal : {"Irina", "Hughes", "sister", "A1234BC", "Pat Practitioner"}) {
        QVERIFY2(!output.contains(personal), personal);
    }
    // Filtering by time: nothing from the future.
    QVERIFY(jsonLines(m_server.adminOutput({"audit", "--since", "2999-01-01"})).isEmpty());
    m_server.admin({"audit", "--since", "last tuesday"}, &exitCode);
    QCOMPARE(exitCode, 2);
}

void AdminCommandsTest::specialCategoryFieldsAreSealedAtRest()
{
    const QByteArray bytes = m_server.databaseBytes();
    QVERIFY(bytes.contains(m_world.caseId.toLatin1())); // the file is the right one
    for (const char* secret : {"sister's illness", "A1234BC"}) {
        QVERIFY2(!bytes.contains(secret), secret);
    }
    QFile key(m_server.keyFilePath());
    QVERIFY(key.exists());
    QCOMPARE(key.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther), QFile::Permissions());
}

void AdminCommandsTest::rotateKeyReencrypts()
{
    int exitCode = -1;
    m_server.admin({"rotate-key"}, &exitCode);
    QCOMPARE(exitCode, 1); // refused while the server runs
    QVERIFY(m_server.stop());
    QFile keyFile(m_server.keyFilePath());
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const QByteArray before = keyFile.readAll();
    keyFile.close();
    const QString out = m_server.admin({"rotate-key"}, &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY2(out.startsWith("rotated to key "), qPrintable(out));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const QByteArray after = keyFile.readAll();
    QVERIFY(after != before);
    QCOMPARE(after.count('\n'), 2); // the header and the one current key
    QVERIFY(m_server.start());
    bool found = false;
    for (const auto& change : ofType(m_scenario.pullAll(m_scenario.practitioner), "session_report")) {
        found = found || change.value("fields").toObject().value("notes").toString().contains("sister");
    }
    QVERIFY2(found, "sealed fields open with the new key");
    QVERIFY(!m_server.databaseBytes().contains("sister's illness"));
}

void AdminCommandsTest::missingKeyFileIsRefused()
{
    int exitCode = -1;
    const QString elsewhere = m_server.keyFilePath() + ".moved";
    m_server.admin({"list-users", "--key-file", elsewhere}, &exitCode);
    QCOMPARE(exitCode, 1);
    QVERIFY2(!QFile::exists(elsewhere), "no new key is invented for an existing database");
}

void AdminCommandsTest::seedDemoGivesBothKindsOfCase()
{
    TestServer demo;
    int exitCode = -1;
    const QJsonObject first = QJsonDocument::fromJson(demo.admin({"seed-demo"}, &exitCode).toUtf8()).object();
    QCOMPARE(exitCode, 0);
    const QJsonArray users = first.value("users").toArray();
    // One of each role, and two more mentors: the intensive mentoring group.
    QCOMPARE(users.size(), 11);
    QSet<QString> roles;
    QString befriender;
    QString befrienderCode;
    for (const auto& value : users) {
        const QJsonObject user = value.toObject();
        roles.insert(user.value("role").toString());
        QCOMPARE(user.value("user_id").toString().size(), 32);
        QVERIFY(!user.value("name").toString().isEmpty());
        QVERIFY(!user.value("code").toString().isEmpty());
        if (user.value("role").toString() == "befriender") {
            befriender = user.value("user_id").toString();
            befrienderCode = user.value("code").toString();
        }
    }
    QCOMPARE(roles.size(), 9);
    // Again: the same users, new codes.
    const QJsonObject second = QJsonDocument::fromJson(demo.admin({"seed-demo"}, &exitCode).toUtf8()).object();
    QCOMPARE(exitCode, 0);
    QCOMPARE(second.value("users").toArray().size(), 11);
    for (int i = 0; i < 11; ++i) {
        QCOMPARE(second.value("users")[i].toObject().value("user_id"), users[i].toObject().value("user_id"));
        QVERIFY(second.value("users")[i].toObject().value("code") != users[i].toObject().value("code"));
    }
    // The befriender's phone: two matches, one cleared, one not.
    QVERIFY(demo.start());
    const HttpReply enrolled = demo.request("POST", "/v1/enrol",
                                            {{"code", befrienderCode}, {"device_name", "demo"}, {"public_key", QString(QByteArray(32, 'k').toBase64())}});
    QCOMPARE(enrolled.status, 201);
    QCOMPARE(enrolled.object().value("user_id").toString(), befriender);
    const HttpReply token = demo.request("POST", "/v1/token", {{"device_id", enrolled.object().value("device_id")},
                                                              {"refresh_token", enrolled.object().value("refresh_token")}});
    TestDevice device;
    device.accessToken = token.object().value("access_token").toString();
    Scenario reader(demo);
    const auto pulled = reader.pullAll(device);
    const auto clearances = ofType(pulled, "clearance");
    QCOMPARE(clearances.size(), 2);
    QSet<QString> states;
    for (const auto& clearance : clearances) {
        const QJsonObject fields = clearance.value("fields").toObject();
        states.insert(fields.value("cleared").toBool() ? "cleared" : fields.value("reason").toString());
    }
    QCOMPARE(states, (QSet<QString>{"cleared", "consent_withdrawn"}));
    QCOMPARE(ofType(pulled, "case").size(), 2);
    QCOMPARE(ofType(pulled, "session_report").size(), 1);
    QVERIFY(demo.stop());
}

QTEST_GUILESS_MAIN(AdminCommandsTest)
#include "admincommandstest.moc"
