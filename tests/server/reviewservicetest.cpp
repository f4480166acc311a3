// Review of held records and break-the-glass (docs/sync-contract.md 1.2) end to end, over TLS against the real
// server on port 0: every role allowed and refused, notes and reasons too short, a release that
// reaches exactly the readers who may read it (the case's practitioner and the author, not another
// volunteer) and the author's next pull, keep_held, the audit log, and a grant that gives the
// officer the case for four hours and is gone after (the server started again with its clock
// moved on: serve --test-clock-offset).
#include "scenario.h"
#include "testserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

using namespace fieldbook::testsupport;

namespace {

const QRegularExpression kInstant(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"));

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

QJsonObject findHeld(const HttpReply& reply, const QString& changeId)
{
    for (const auto& item : reply.object().value("held").toArray()) {
        if (item.toObject().value("change_id").toString() == changeId) {
            return item.toObject();
        }
    }
    return {};
}

QJsonObject findChange(const QList<QJsonObject>& changes, const QString& type, const QString& recordId)
{
    for (const auto& change : changes) {
        if (change.value("record_type").toString() == type && change.value("record_id").toString() == recordId) {
            return change;
        }
    }
    return {};
}

QList<QJsonObject> alertsOf(const QList<QJsonObject>& changes, const QString& kind, const QString& recordId)
{
    QList<QJsonObject> out;
    for (const auto& alert : ofType(changes, "alert")) {
        const QJsonObject fields = alert.value("fields").toObject();
        if (fields.value("kind").toString() == kind && fields.value("record_id").toString() == recordId) {
            out.append(fields);
        }
    }
    return out;
}

} // namespace

class ReviewServiceTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listByRole_data();
    void listByRole();
    void heldRecordListedForOfficerAndPractitioner();
    void decisionRefusedToOtherRoles_data();
    void decisionRefusedToOtherRoles();
    void badDecisions_data();
    void badDecisions();
    void releaseReachesTheRightReaders();
    void keepHeldStaysQuarantined();
    void decisionsAreAudited();
    void breakGlassRefusals_data();
    void breakGlassRefusals();
    void breakGlassGivesTheCaseUntilExpiry();

private:
    // A befriender's session report held back by a restriction recorded after the match started.
    QJsonObject heldReport(World& world, QJsonObject* envelope = nullptr);
    const TestDevice& device(const QString& role, const World& world) const;
    HttpReply review(const TestDevice& device, const QJsonObject& body);

    TestServer m_server;
    Scenario m_scenario{m_server};
};

void ReviewServiceTest::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_scenario.setUp());
}

void ReviewServiceTest::cleanupTestCase()
{
    QVERIFY(m_server.stop());
}

QJsonObject ReviewServiceTest::heldReport(World& world, QJsonObject* envelope)
{
    world = m_scenario.buildWorld();
    const QJsonObject restriction = m_scenario.pushOne(
        m_scenario.practitioner, "protection_check",
        {{"subject", world.prisoner},
         {"outcome", "restricted"},
         {"restrictions", QJsonArray{QJsonObject{{"kind", "named_person"}, {"person_id", world.person}}}},
         {"checked_at", Scenario::day(0)},
         {"source", "Police"}});
    if (restriction.value("status").toString() != "applied") {
        QTest::qFail("the restriction was not applied", __FILE__, __LINE__);
    }
    const QJsonObject change = m_scenario.change(
        world.volunteer, "session_report", m_scenario.sessionReportFields(world, "Talked about the visit; she was upset."));
    if (envelope != nullptr) {
        *envelope = change;
    }
    const QJsonArray results = m_scenario.push(world.volunteer, QJsonArray{change});
    return results.isEmpty() ? QJsonObject{} : results.first().toObject();
}

const TestDevice& ReviewServiceTest::device(const QString& role, const World& world) const
{
    if (role == "officer") {
        return m_scenario.officer;
    }
    if (role == "practitioner") {
        return m_scenario.practitioner;
    }
    if (role == "coordinator") {
        return m_scenario.coordinator;
    }
    if (role == "manager") {
        return m_scenario.manager;
    }
    if (role == "admin") {
        return m_scenario.admin;
    }
    if (role == "other_befriender") {
        return m_scenario.otherBefriender;
    }
    return world.volunteer;
}

HttpReply ReviewServiceTest::review(const TestDevice& device, const QJsonObject& body)
{
    return m_server.request("POST", "/v1/review", body, device.accessToken);
}

void ReviewServiceTest::listByRole_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<int>("status");
    QTest::newRow("safeguarding officer") << "officer" << 200;
    QTest::newRow("practitioner") << "practitioner" << 200;
    QTest::newRow("befriender (the author)") << "author" << 403;
    QTest::newRow("coordinator") << "coordinator" << 403;
    QTest::newRow("manager") << "manager" << 403;
    QTest::newRow("admin") << "admin" << 403;
}

void ReviewServiceTest::listByRole()
{
    QFETCH(QString, role);
    QFETCH(int, status);
    const World world = m_scenario.buildWorld({});
    const HttpReply reply = m_server.request("GET", "/v1/review", {}, device(role, world).accessToken);
    QCOMPARE(reply.status, status);
    if (status == 403) {
        QCOMPARE(reply.error(), QStringLiteral("forbidden"));
        QVERIFY(!reply.object().contains("held"));
    } else {
        QVERIFY(reply.object().value("held").isArray());
    }
    QCOMPARE(m_server.request("GET", "/v1/review").status, 401);
}

void ReviewServiceTest::heldRecordListedForOfficerAndPractitioner()
{
    World world;
    const QJsonObject held = heldReport(world);
    QCOMPARE(held.value("status").toString(), QStringLiteral("quarantined"));
    QCOMPARE(held.value("reason").toString(), QStringLiteral("restricted"));
    const QString changeId = held.value("id").toString();

    for (const TestDevice* reader : {&m_scenario.officer, &m_scenario.practitioner}) {
        const HttpReply reply = m_server.request("GET", "/v1/review", {}, reader->accessToken);
        QCOMPARE(reply.status, 200);
        const QJsonObject item = findHeld(reply, changeId);
        QVERIFY2(!item.isEmpty(), "the held record is listed");
        QCOMPARE(item.value("record_type").toString(), QStringLiteral("session_report"));
        QCOMPARE(item.value("record_id").toString().size(), 32);
        QCOMPARE(item.value("case_id").toString(), world.caseId);
        QCOMPARE(item.value("reason").toString(), QStringLiteral("restricted"));
        QCOMPARE(item.value("author").toString(), world.volunteer.userId);
        QVERIFY(item.value("author_name").toString().startsWith(QStringLiteral("Volunteer ")));
        QVERIFY2(kInstant.match(item.value("received_at").toString()).hasMatch(),
                 qPrintable(item.value("received_at").toString()));
        const qint64 received = QDateTime::fromString(item.value("received_at").toString(), Qt::ISODate).toSecsSinceEpoch();
        QVERIFY(qAbs(received - QDateTime::currentSecsSinceEpoch()) < 120);
        QVERIFY2(!item.contains("notes") && !item.contains("fields"), "the list carries ids and codes only");
    }
    // Another practitioner's list holds only their own cases.
    const HttpReply other = m_server.request("GET", "/v1/review", {}, m_scenario.otherPractitioner.accessToken);
    QCOMPARE(other.status, 200);
    QVERIFY(findHeld(other, changeId).isEmpty());
    // Bounded: a limit outside 1..1000 is refused, a small one pages.
    QCOMPARE(m_server.request("GET", "/v1/review?limit=0", {}, m_scenario.officer.accessToken).status, 400);
    QCOMPARE(m_server.request("GET", "/v1/review?limit=5000", {}, m_scenario.officer.accessToken).status, 400);
    const HttpReply one = m_server.request("GET", "/v1/review?limit=1", {}, m_scenario.officer.accessToken);
    QCOMPARE(one.status, 200);
    QCOMPARE(one.object().value("held").toArray().size(), 1);
}

void ReviewServiceTest::decisionRefusedToOtherRoles_data()
{
    QTest::addColumn<QString>("role");
    QTest::newRow("practitioner of the case") << "practitioner";
    QTest::newRow("the author") << "author";
    QTest::newRow("coordinator") << "coordinator";
    QTest::newRow("manager") << "manager";
    QTest::newRow("admin") << "admin";
}

void ReviewServiceTest::decisionRefusedToOtherRoles()
{
    QFETCH(QString, role);
    World world;
    const QString changeId = heldReport(world).value("id").toString();
    for (const QString& decision : {QStringLiteral("release"), QStringLiteral("keep_held")}) {
        const HttpReply reply = review(device(role, world), {{"change_id", changeId},
                                                             {"decision", decision},
                                                             {"note", "I have checked this one carefully."}});
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.error(), QStringLiteral("forbidden"));
    }
    // Still held: nothing was decided.
    const HttpReply list = m_server.request("GET", "/v1/review", {}, m_scenario.officer.accessToken);
    QVERIFY(!findHeld(list, changeId).isEmpty());
    QVERIFY(!containsRecord(m_scenario.pullAll(m_scenario.practitioner), "session_report",
                            findHeld(list, changeId).value("record_id").toString()));
}

void ReviewServiceTest::badDecisions_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<int>("status");
    QTest::newRow("note of nine characters") << "short_note" << 400;
    QTest::newRow("note of spaces around a word") << "padded_note" << 400;
    QTest::newRow("note missing") << "no_note" << 400;
    QTest::newRow("note not a string") << "number_note" << 400;
    QTest::newRow("note too long") << "long_note" << 400;
    QTest::newRow("unknown decision") << "approve" << 400;
    QTest::newRow("change id not an id") << "bad_id" << 400;
    QTest::newRow("body not JSON") << "not_json" << 400;
    QTest::newRow("unknown change id") << "unknown" << 404;
    QTest::newRow("a change that was applied") << "applied" << 404;
}

void ReviewServiceTest::badDecisions()
{
    QFETCH(QString, what);
    QFETCH(int, status);
    World world;
    const QString changeId = heldReport(world).value("id").toString();
    QJsonObject body{{"change_id", changeId}, {"decision", "release"}, {"note", "Checked with the police."}};
    if (what == "short_note") {
        body["note"] = "123456789";
    } else if (what == "padded_note") {
        body["note"] = "   released   ";
    } else if (what == "no_note") {
        body.remove("note");
    } else if (what == "number_note") {
        body["note"] = 1234567890;
    } else if (what == "long_note") {
        body["note"] = QString(4001, QLatin1Char('a')); // one byte over the bound
    } else if (what == "approve") {
        body["decision"] = "approve";
    } else if (what == "bad_id") {
        body["change_id"] = "../../etc";
    } else if (what == "unknown") {
        body["change_id"] = Scenario::newId();
    } else if (what == "applied") {
        body["change_id"] = m_scenario.sessionReport(m_scenario.practitioner, m_scenario.buildWorld()).value("id").toString();
    }
    const HttpReply reply = what == "not_json"
        ? m_server.requestBytes("POST", "/v1/review", "{\"change_id\":", m_scenario.officer.accessToken)
        : review(m_scenario.officer, body);
    QCOMPARE(reply.status, status);
    QVERIFY(!reply.error().isEmpty());
    QVERIFY(!reply.object().value("message").toString().isEmpty());
    // Nothing was decided: the record is still held.
    QVERIFY(!findHeld(m_server.request("GET", "/v1/review", {}, m_scenario.officer.accessToken), changeId).isEmpty());
}

void ReviewServiceTest::releaseReachesTheRightReaders()
{
    World world;
    QJsonObject envelope;
    const QJsonObject held = heldReport(world, &envelope);
    const QString changeId = held.value("id").toString();
    const QString recordId = findHeld(m_server.request("GET", "/v1/review", {}, m_scenario.officer.accessToken), changeId)
                                 .value("record_id")
                                 .toString();
    QVERIFY(!recordId.isEmpty());

    // Each reader's cursor before the release: what comes after is what the release sends.
    QString practitionerCursor;
    QString authorCursor;
    QString otherCursor;
    QString officerCursor;
    m_scenario.pullAll(m_scenario.practitioner, 200, &practitionerCursor);
    const auto authorBefore = m_scenario.pullAll(world.volunteer, 200, &authorCursor);
    QVERIFY2(!containsRecord(authorBefore, "session_report", recordId), "a held record is in nobody's pull");
    m_scenario.pullAll(m_scenario.otherBefriender, 200, &otherCursor);
    m_scenario.pullAll(m_scenario.officer, 200, &officerCursor);

    const HttpReply reply = review(m_scenario.officer, {{"change_id", changeId},
                                                        {"decision", "release"},
                                                        {"note", "Restriction is about phone contact only."}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.object().value("change_id").toString(), changeId);
    QCOMPARE(reply.object().value("state").toString(), QStringLiteral("applied"));

    // No longer listed, and a second decision finds nothing held.
    QVERIFY(findHeld(m_server.request("GET", "/v1/review", {}, m_scenario.officer.accessToken), changeId).isEmpty());
    QCOMPARE(review(m_scenario.officer, {{"change_id", changeId}, {"decision", "keep_held"}, {"note", "Changed my mind."}})
                 .status,
             404);

    // The practitioner of the case and the author pull it as applied, with its original change id.
    const auto practitionerAfter = m_scenario.pullAll(m_scenario.practitioner, 200, &practitionerCursor);
    const QJsonObject forPractitioner = findChange(practitionerAfter, "session_report", recordId);
    QCOMPARE(forPractitioner.value("op").toString(), QStringLiteral("upsert"));
    QCOMPARE(forPractitioner.value("id").toString(), changeId);
    QCOMPARE(forPractitioner.value("fields").toObject().value("notes").toString(),
             QStringLiteral("Talked about the visit; she was upset."));
    const auto authorAfter = m_scenario.pullAll(world.volunteer, 200, &authorCursor);
    const QJsonObject forAuthor = findChange(authorAfter, "session_report", recordId);
    QCOMPARE(forAuthor.value("op").toString(), QStringLiteral("upsert"));
    QCOMPARE(forAuthor.value("id").toString(), changeId);
    // Another volunteer does not; the officer (no grant on the case) does not either.
    QVERIFY(findChange(m_scenario.pullAll(m_scenario.otherBefriender, 200, &otherCursor), "session_report", recordId)
                .isEmpty());
    const auto officerAfter = m_scenario.pullAll(m_scenario.officer, 200, &officerCursor);
    QVERIFY(findChange(officerAfter, "session_report", recordId).isEmpty());

    // A `released` alert to the practitioner and the author, with ids and codes only.
    for (const auto* changes : {&practitionerAfter, &authorAfter}) {
        const auto released = alertsOf(*changes, "released", recordId);
        QCOMPARE(released.size(), 1);
        QCOMPARE(released.first().value("case_id").toString(), world.caseId);
        QCOMPARE(released.first().value("change_id").toString(), changeId);
        QCOMPARE(released.first().value("reason").toString(), QStringLiteral("restricted"));
        QVERIFY2(kInstant.match(released.first().value("at").toString()).hasMatch(), "alerts carry `at`");
        QVERIFY(!released.first().contains("note"));
    }
    QVERIFY(alertsOf(officerAfter, "released", recordId).isEmpty());
    QVERIFY(findHeld(m_server.request("GET", "/v1/review", {}, m_scenario.practitioner.accessToken), changeId).isEmpty());

    // A phone whose answer to the push was lost and pushes the change again learns it is applied.
    const QJsonArray again = m_scenario.push(world.volunteer, QJsonArray{envelope});
    QCOMPARE(again.first().toObject().value("status").toString(), QStringLiteral("duplicate"));
    QCOMPARE(again.first().toObject().value("was").toString(), QStringLiteral("applied"));
}

void ReviewServiceTest::keepHeldStaysQuarantined()
{
    World world;
    const QString changeId = heldReport(world).value("id").toString();
    const QString recordId = findHeld(m_server.request("GET", "/v1/review", {}, m_scenario.officer.accessToken), changeId)
                                 .value("record_id")
                                 .toString();
    const HttpReply reply = review(m_scenario.officer, {{"change_id", changeId},
                                                        {"decision", "keep_held"},
                                                        {"note", "Court order confirmed; do not release."}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.object().value("state").toString(), QStringLiteral("quarantined"));
    const QJsonObject listed = findHeld(m_server.request("GET", "/v1/review", {}, m_scenario.officer.accessToken), changeId);
    QVERIFY2(!listed.isEmpty(), "still held, still listed");
    QVERIFY2(kInstant.match(listed.value("reviewed_at").toString()).hasMatch(), "with the time of the decision");
    QVERIFY(!containsRecord(m_scenario.pullAll(m_scenario.practitioner), "session_report", recordId));
    QVERIFY(!containsRecord(m_scenario.pullAll(world.volunteer), "session_report", recordId));
    // Kept held, it may still be released later.
    QCOMPARE(review(m_scenario.officer, {{"change_id", changeId}, {"decision", "release"}, {"note", "Order lifted today."}})
                 .object()
                 .value("state")
                 .toString(),
             QStringLiteral("applied"));
    QVERIFY(containsRecord(m_scenario.pullAll(m_scenario.practitioner), "session_report", recordId));
}

void ReviewServiceTest::decisionsAreAudited()
{
    World world;
    const QString changeId = heldReport(world).value("id").toString();
    const QString note = QStringLiteral("Discussed with the family engagement worker.");
    const HttpReply reply = review(m_scenario.officer, {{"change_id", changeId}, {"decision", "keep_held"}, {"note", note}});
    QCOMPARE(reply.status, 200);
    const QString decisionId = reply.object().value("decision_id").toString();
    QCOMPARE(decisionId.size(), 32);

    int exitCode = -1;
    const auto lines = jsonLines(m_server.adminOutput({"audit", "--since", "2000-01-01"}, &exitCode));
    QCOMPARE(exitCode, 0);
    bool found = false;
    for (const auto& line : lines) {
        const QJsonObject detail = line.value("detail").toObject();
        if (line.value("action").toString() == "review" && detail.value("change_id").toString() == changeId) {
            found = true;
            QCOMPARE(line.value("user_id").toString(), m_scenario.officer.userId);
            QCOMPARE(detail.value("decision").toString(), QStringLiteral("keep_held"));
            QCOMPARE(detail.value("decision_id").toString(), decisionId);
            QVERIFY2(!detail.contains("note"), "the audit entry holds ids and codes; the note is apart");
            QCOMPARE(line.value("review").toObject().value("note").toString(), note);
        }
    }
    QVERIFY2(found, "admin audit shows the decision with its note");
    // The note is sealed at rest: it is nowhere in the database in clear.
    const QByteArray stored = m_server.databaseBytes();
    QVERIFY(stored.contains(changeId.toUtf8())); // the right database
    QVERIFY(!stored.contains(note.toUtf8()));
}

void ReviewServiceTest::breakGlassRefusals_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("what");
    QTest::addColumn<int>("status");
    QTest::newRow("practitioner") << "practitioner" << "" << 403;
    QTest::newRow("befriender") << "author" << "" << 403;
    QTest::newRow("coordinator") << "coordinator" << "" << 403;
    QTest::newRow("manager") << "manager" << "" << 403;
    QTest::newRow("admin") << "admin" << "" << 403;
    QTest::newRow("reason of nine characters") << "officer" << "short_reason" << 400;
    QTest::newRow("reason missing") << "officer" << "no_reason" << 400;
    QTest::newRow("case id not an id") << "officer" << "bad_case" << 400;
    QTest::newRow("unknown case") << "officer" << "unknown_case" << 404;
}

void ReviewServiceTest::breakGlassRefusals()
{
    QFETCH(QString, role);
    QFETCH(QString, what);
    QFETCH(int, status);
    const World world = m_scenario.buildWorld();
    QJsonObject body{{"case_id", world.caseId}, {"reason", "Police called about a risk to the child."}};
    if (what == "short_reason") {
        body["reason"] = "urgent!!!";
    } else if (what == "no_reason") {
        body.remove("reason");
    } else if (what == "bad_case") {
        body["case_id"] = "DROP TABLE";
    } else if (what == "unknown_case") {
        body["case_id"] = Scenario::newId();
    }
    const HttpReply reply = m_server.request("POST", "/v1/break-glass", body, device(role, world).accessToken);
    QCOMPARE(reply.status, status);
    if (status == 403) {
        QCOMPARE(reply.error(), QStringLiteral("forbidden"));
    }
    // No grant: the officer's pull carries none of the case's records.
    QVERIFY(!containsRecord(m_scenario.pullAll(m_scenario.officer), "case", world.caseId));
}

void ReviewServiceTest::breakGlassGivesTheCaseUntilExpiry()
{
    // A server of its own: this test moves its clock on.
    TestServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    Scenario scenario(server);
    QVERIFY(scenario.setUp());
    World world = scenario.buildWorld();
    const QJsonObject before = scenario.sessionReport(world.volunteer, world, "Visit went well.");
    QCOMPARE(before.value("status").toString(), QStringLiteral("applied"));

    QString cursor;
    QVERIFY(!containsRecord(scenario.pullAll(scenario.officer, 200, &cursor), "case", world.caseId));
    QString practitionerCursor;
    scenario.pullAll(scenario.practitioner, 200, &practitionerCursor);

    const QString reason = QStringLiteral("Disclosure overnight; the practitioner is away.");
    const HttpReply granted = server.request("POST", "/v1/break-glass", {{"case_id", world.caseId}, {"reason", reason}},
                                             scenario.officer.accessToken);
    QCOMPARE(granted.status, 201);
    QCOMPARE(granted.object().value("case_id").toString(), world.caseId);
    const QString expiresText = granted.object().value("expires_at").toString();
    QVERIFY2(kInstant.match(expiresText).hasMatch(), qPrintable(expiresText));
    const qint64 expires = QDateTime::fromString(expiresText, Qt::ISODate).toSecsSinceEpoch();
    QVERIFY(qAbs(expires - (QDateTime::currentSecsSinceEpoch() + 4 * 3600)) < 120);

    // The officer's next pull carries the case's existing records as its practitioner sees them.
    const auto underGrant = scenario.pullAll(scenario.officer, 200, &cursor);
    QVERIFY(containsRecord(underGrant, "case", world.caseId));
    QVERIFY(containsRecord(underGrant, "person", world.person));
    QVERIFY(containsRecord(underGrant, "protection_check", world.checkPerson));
    bool sawNotes = false;
    for (const auto& change : ofType(underGrant, "session_report")) {
        sawNotes = sawNotes || change.value("fields").toObject().value("notes").toString() == "Visit went well.";
    }
    QVERIFY2(sawNotes, "the practitioner's view: notes included");
    const QJsonObject person = findChange(underGrant, "person", world.person).value("fields").toObject();
    QCOMPARE(person.value("date_of_birth").toString(), QStringLiteral("1988-09-03"));

    // The practitioner is alerted, without the officer's free text.
    const auto practitionerChanges = scenario.pullAll(scenario.practitioner, 200, &practitionerCursor);
    const auto alerts = alertsOf(practitionerChanges, "break_glass", world.caseId);
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts.first().value("case_id").toString(), world.caseId);
    QCOMPARE(alerts.first().value("officer").toString(), scenario.officer.userId);
    QCOMPARE(alerts.first().value("expires_at").toString(), expiresText);
    QVERIFY(!QJsonDocument(alerts.first()).toJson().contains(reason.toUtf8()));

    // Each read under the grant is audited; the grant is shown with its reason.
    const auto audit = jsonLines(server.adminOutput({"audit", "--since", "2000-01-01"}));
    bool grantShown = false;
    bool readAudited = false;
    for (const auto& line : audit) {
        const QJsonObject detail = line.value("detail").toObject();
        if (line.value("action").toString() == "break_glass" && detail.value("case_id").toString() == world.caseId) {
            grantShown = line.value("grant").toObject().value("reason").toString() == reason &&
                         line.value("user_id").toString() == scenario.officer.userId;
            QVERIFY(!detail.contains("reason"));
        }
        if (line.value("action").toString() == "break_glass.read" && line.value("user_id").toString() == scenario.officer.userId) {
            const QJsonArray records = detail.value("records").toArray();
            for (const auto& record : records) {
                readAudited = readAudited || record.toArray().at(1).toString() == world.caseId;
            }
        }
    }
    QVERIFY2(grantShown, "admin audit shows the grant and its reason");
    QVERIFY2(readAudited, "the reads under the grant are audited");

    auto refreshTokens = [&](std::initializer_list<TestDevice*> devices) {
        for (TestDevice* device : devices) {
            const HttpReply token = server.request("POST", "/v1/token",
                                                   {{"device_id", device->deviceId}, {"refresh_token", device->refreshToken}});
            QCOMPARE(token.status, 200);
            device->accessToken = token.object().value("access_token").toString();
            // Refresh tokens rotate on use: the next refresh must present the new one.
            device->refreshToken = token.object().value("refresh_token").toString(device->refreshToken);
        }
    };

    // Just before the four hours are up the case is still the officer's: a new report reaches them.
    server.setExtraServeArgs({"--test-clock-offset", QString::number(4 * 3600 - 300)});
    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    refreshTokens({&scenario.officer, &world.volunteer});
    const QJsonObject late = scenario.sessionReport(world.volunteer, world, "Second visit.");
    QCOMPARE(late.value("status").toString(), QStringLiteral("applied"));
    bool lateSeen = false;
    for (const auto& change : ofType(scenario.pullAll(scenario.officer, 200, &cursor), "session_report")) {
        lateSeen = lateSeen || change.value("id").toString() == late.value("id").toString();
    }
    QVERIFY2(lateSeen, "still under the grant");

    // After expiry, the officer's next pull removes the case's records from the phone.
    server.setExtraServeArgs({"--test-clock-offset", QString::number(4 * 3600 + 60)});
    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    refreshTokens({&scenario.officer, &world.volunteer});
    const QJsonObject afterExpiry = scenario.sessionReport(world.volunteer, world, "Third visit.");
    QCOMPARE(afterExpiry.value("status").toString(), QStringLiteral("applied"));
    const auto expired = scenario.pullAll(scenario.officer, 200, &cursor);
    for (const auto& [type, id] : {std::pair<QString, QString>{"case", world.caseId}, {"person", world.person},
                                   {"protection_check", world.checkPerson}}) {
        const QJsonObject change = findChange(expired, type, id);
        QCOMPARE(change.value("op").toString(), QStringLiteral("delete"));
        QVERIFY(change.value("fields").toObject().isEmpty());
    }
    for (const auto& change : ofType(expired, "session_report")) {
        QCOMPARE(change.value("op").toString(), QStringLiteral("delete"));
    }
    // And nothing of the case from then on, from the start either (removals at most).
    const auto fresh = scenario.pullAll(scenario.officer);
    QVERIFY(!containsRecord(fresh, "case", world.caseId));
    for (const auto& change : ofType(fresh, "session_report")) {
        QCOMPARE(change.value("op").toString(), QStringLiteral("delete"));
    }
    QVERIFY(server.stop());
}

QTEST_GUILESS_MAIN(ReviewServiceTest)
#include "reviewservicetest.moc"
