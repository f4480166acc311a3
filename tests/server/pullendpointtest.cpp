// GET /v1/sync/pull end to end over TLS (PullService in process: pullservicetest.cpp): what each
// role's pull must NOT contain, the derived clearance records,
// removals when a match ends, history when one starts, paging and resuming across a restart of
// the server, and cursor and limit checks.
#include "scenario.h"
#include "testserver.h"

#include <QJsonArray>
#include <QSet>
#include <QtTest>

using namespace fieldbook::testsupport;

namespace {

// What a phone would hold after applying the changes in order: (type, id) -> fields.
using Replica = QMap<QPair<QString, QString>, QJsonObject>;

void applyChanges(Replica& replica, const QList<QJsonObject>& changes)
{
    for (const auto& change : changes) {
        const auto key = qMakePair(change.value("record_type").toString(), change.value("record_id").toString());
        if (change.value("op").toString() == "delete") {
            replica.remove(key);
        } else {
            replica[key] = change.value("fields").toObject();
        }
    }
}

QSet<QString> fieldNames(const QList<QJsonObject>& changes)
{
    QSet<QString> names;
    for (const auto& change : changes) {
        for (const QString& name : change.value("fields").toObject().keys()) {
            names.insert(name);
        }
    }
    return names;
}

QSet<QString> types(const QList<QJsonObject>& changes)
{
    QSet<QString> out;
    for (const auto& change : changes) {
        out.insert(change.value("record_type").toString());
    }
    return out;
}

} // namespace

class PullEndpointTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void volunteerSeesOnlyTheirMatch();
    void unmatchedVolunteerSeesNothing();
    void managerSeesNoNarrativeOrIdentity();
    void adminSeesNoCaseContent();
    void safeguardingOfficerSeesReportsOnly();
    void coordinatorSeesVettingAndMatches();
    void coordinatorLearnsOfANewReferral();
    void coordinatorSeesTheReferralsGate();
    void practitionerSeesOwnCasesOnly();
    void clearanceFollowsTheGates();
    void endedMatchIsRemovedFromThePhone();
    void startedMatchBringsTheHistory();
    void caseOpenedOnAColleaguesIntake();
    void incrementalEqualsFull();
    void resumesAcrossRestart();
    void cursorAndLimitChecked_data();
    void cursorAndLimitChecked();

private:
    TestServer m_server;
    Scenario m_scenario{m_server};
    World m_world;      // Pat's case, matched to its own volunteer
    World m_otherWorld; // Olu's case, matched to another volunteer
    QString m_ownReport;
    QString m_practitionerReport;
    QString m_safeguardingReport;
};

void PullEndpointTest::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_scenario.setUp());
    m_world = m_scenario.buildWorld();
    WorldOptions other;
    other.practitioner = &m_scenario.otherPractitioner;
    m_otherWorld = m_scenario.buildWorld(other);

    QJsonObject own = m_scenario.sessionReport(m_world.volunteer, m_world, "Volunteer's own notes");
    QCOMPARE(own.value("status").toString(), QStringLiteral("applied"));
    m_ownReport = own.value("id").toString();
    QJsonObject practitioners = m_scenario.sessionReport(m_scenario.practitioner, m_world, "Practitioner's private notes");
    QCOMPARE(practitioners.value("status").toString(), QStringLiteral("applied"));
    m_practitionerReport = practitioners.value("id").toString();
    QCOMPARE(m_scenario.sessionReport(m_otherWorld.volunteer, m_otherWorld, "Other case notes").value("status").toString(),
             QStringLiteral("applied"));
    const QJsonObject safeguarding = m_scenario.pushOne(m_world.volunteer, "safeguarding_report",
                                                        {{"case_id", m_world.caseId},
                                                         {"person_id", m_world.person},
                                                         {"urgency", "non_urgent"},
                                                         {"setting", "community"},
                                                         {"what_happened", "A worrying remark about a neighbour."},
                                                         {"officer_informed", true}});
    QCOMPARE(safeguarding.value("status").toString(), QStringLiteral("applied"));
    m_safeguardingReport = safeguarding.value("id").toString();
    // A restriction on the other prisoner, naming someone else: details only practitioners see.
    QCOMPARE(m_scenario.pushOne(m_scenario.otherPractitioner, "protection_check",
                                {{"subject", m_otherWorld.prisoner},
                                 {"outcome", "restricted"},
                                 {"restrictions", QJsonArray{QJsonObject{{"kind", "named_person"}, {"person_id", Scenario::newId()}}}},
                                 {"checked_at", Scenario::day(-2)},
                                 {"source", "Police"}})
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));
}

void PullEndpointTest::cleanupTestCase()
{
    QVERIFY(m_server.stop());
}

void PullEndpointTest::volunteerSeesOnlyTheirMatch()
{
    const auto pulled = m_scenario.pullAll(m_world.volunteer);
    const QSet<QString> seen = types(pulled);
    for (const char* never : {"protection_check", "vetting", "consent", "relationship", "alert"}) {
        QVERIFY2(!seen.contains(QString::fromLatin1(never)), never);
    }
    // The family member, without date of birth or family name; never the prisoner.
    const auto people = ofType(pulled, "person");
    QCOMPARE(people.size(), 1);
    QCOMPARE(people.first().value("record_id").toString(), m_world.person);
    const QJsonObject person = people.first().value("fields").toObject();
    QCOMPARE(person.value("given_name").toString(), QStringLiteral("Irina"));
    QVERIFY(person.contains("age_band"));
    for (const char* hidden : {"date_of_birth", "prison_number", "family_name"}) {
        QVERIFY2(!person.contains(QString::fromLatin1(hidden)), hidden);
    }
    QVERIFY(!fieldNames(pulled).contains("prison_number"));
    QVERIFY(!fieldNames(pulled).contains("restrictions"));
    // Their own report in full; the practitioner's without its notes.
    bool own = false;
    bool others = false;
    for (const auto& report : ofType(pulled, "session_report")) {
        const QJsonObject fields = report.value("fields").toObject();
        QCOMPARE(fields.value("case_id").toString(), m_world.caseId);
        if (report.value("id").toString() == m_ownReport) {
            own = true;
            QCOMPARE(fields.value("notes").toString(), QStringLiteral("Volunteer's own notes"));
        } else if (report.value("id").toString() == m_practitionerReport) {
            others = true;
            QVERIFY(!fields.contains("notes"));
        }
    }
    QVERIFY(own && others);
    // Nothing of a case without their active match.
    for (const auto& change : pulled) {
        QVERIFY(change.value("record_id").toString() != m_otherWorld.caseId);
        QVERIFY(change.value("fields").toObject().value("case_id").toString() != m_otherWorld.caseId);
    }
    // The derived clearance of their match.
    const auto clearances = ofType(pulled, "clearance");
    QCOMPARE(clearances.size(), 1);
    const QJsonObject clearance = clearances.first().value("fields").toObject();
    QCOMPARE(clearance.value("case_id").toString(), m_world.caseId);
    QCOMPARE(clearance.value("person_id").toString(), m_world.person);
    QCOMPARE(clearance.value("cleared").toBool(), true);
    // Their own safeguarding report.
    QVERIFY(containsRecord(pulled, "safeguarding_report", ofType(pulled, "safeguarding_report").value(0).value("record_id").toString()));
}

void PullEndpointTest::unmatchedVolunteerSeesNothing()
{
    const auto pulled = m_scenario.pullAll(m_scenario.otherBefriender);
    QVERIFY2(pulled.isEmpty(), qPrintable(QString::number(pulled.size()) + " changes for a volunteer with no match"));
}

// A manager's phone carries aggregates only (the monthly report): of all the case records, only
// the safeguarding concern the manager raised themselves.
void PullEndpointTest::managerSeesNoNarrativeOrIdentity()
{
    const QJsonObject own = m_scenario.pushOne(m_scenario.manager, "safeguarding_report",
                                               {{"urgency", "non_urgent"},
                                                {"setting", "community"},
                                                {"what_happened", "Raised by the manager at a team meeting."}});
    QCOMPARE(own.value("status").toString(), QStringLiteral("applied"));
    const auto pulled = m_scenario.pullAll(m_scenario.manager);
    QCOMPARE(pulled.size(), 1);
    QCOMPARE(pulled.first().value("record_type").toString(), QStringLiteral("safeguarding_report"));
    QCOMPARE(pulled.first().value("author").toString(), m_scenario.manager.userId);
    QCOMPARE(pulled.first().value("fields").toObject().value("what_happened").toString(),
             QStringLiteral("Raised by the manager at a team meeting."));
}

void PullEndpointTest::adminSeesNoCaseContent()
{
    QVERIFY(m_scenario.pullAll(m_scenario.admin).isEmpty());
}

void PullEndpointTest::safeguardingOfficerSeesReportsOnly()
{
    const auto pulled = m_scenario.pullAll(m_scenario.officer);
    QVERIFY(types(pulled).contains("safeguarding_report"));
    for (const auto& change : pulled) {
        const QString type = change.value("record_type").toString();
        QVERIFY2(type == "safeguarding_report" || type == "alert", qPrintable(type));
    }
}

void PullEndpointTest::coordinatorSeesVettingAndMatches()
{
    const auto pulled = m_scenario.pullAll(m_scenario.coordinator);
    const QSet<QString> seen = types(pulled);
    QVERIFY(seen.contains("vetting"));
    QVERIFY(seen.contains("match"));
    for (const char* never : {"protection_check", "consent", "relationship", "triage"}) {
        QVERIFY2(!seen.contains(QString::fromLatin1(never)), never);
    }
    // Matching names the referral: the befriending case of the team and its person, as a matched
    // volunteer sees them; never the prisoner linked to them, never an identifying field.
    QVERIFY(containsRecord(pulled, "case", m_world.caseId));
    QVERIFY(containsRecord(pulled, "person", m_world.person));
    QVERIFY2(!containsRecord(pulled, "person", m_world.prisoner), "the linked prisoner is not the referral's person");
    for (const QJsonObject& change : ofType(pulled, "person")) {
        const QJsonObject fields = change.value("fields").toObject();
        QVERIFY(fields.contains("given_name"));
        for (const char* hidden : {"family_name", "date_of_birth", "prison_number", "ethnicity"}) {
            QVERIFY2(!fields.contains(QString::fromLatin1(hidden)), hidden);
        }
    }
}

void PullEndpointTest::coordinatorLearnsOfANewReferral()
{
    QString cursor;
    m_scenario.pullAll(m_scenario.coordinator, 200, &cursor);
    const QString person = Scenario::newId();
    QCOMPARE(m_scenario.pushOne(m_scenario.practitioner, "person",
                                {{"kind", "family_member"}, {"given_name", "Nadia"}, {"family_name", "Khan"}}, person)
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));
    QVERIFY(!containsRecord(m_scenario.pullAll(m_scenario.coordinator, 200, &cursor), "person", person));
    const QString casework = Scenario::newId();
    QCOMPARE(m_scenario.pushOne(m_scenario.practitioner, "case",
                                {{"person_id", person},
                                 {"stream", "casework"},
                                 {"practitioner_id", m_scenario.practitioner.userId},
                                 {"status", "open"},
                                 {"opened_on", Scenario::day()}},
                                casework)
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));
    const auto afterCasework = m_scenario.pullAll(m_scenario.coordinator, 200, &cursor);
    QVERIFY2(!containsRecord(afterCasework, "person", person), "casework is the practitioner's alone");
    QVERIFY(!containsRecord(afterCasework, "case", casework));
    const QString befriending = Scenario::newId();
    QCOMPARE(m_scenario.pushOne(m_scenario.practitioner, "case",
                                {{"person_id", person},
                                 {"stream", "befriending"},
                                 {"practitioner_id", m_scenario.practitioner.userId},
                                 {"status", "open"},
                                 {"opened_on", Scenario::day()}},
                                befriending)
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));
    const auto incremental = m_scenario.pullAll(m_scenario.coordinator, 200, &cursor);
    QVERIFY(containsRecord(incremental, "case", befriending));
    QVERIFY2(containsRecord(incremental, "person", person), "the person written before the referral reaches its coordinator");
    QVERIFY(!containsRecord(incremental, "case", casework));
    for (const QJsonObject& change : ofType(incremental, "person")) {
        QVERIFY(!change.value("fields").toObject().contains("family_name"));
    }
}

void PullEndpointTest::coordinatorSeesTheReferralsGate()
{
    const World world = m_scenario.buildWorld();
    const auto clearanceOf = [&](const QList<QJsonObject>& pulled) {
        QJsonObject found;
        for (const QJsonObject& change : ofType(pulled, "clearance")) {
            const QJsonObject fields = change.value("fields").toObject();
            if (fields.value("case_id").toString() == world.caseId) {
                found = fields;
            }
        }
        return found;
    };
    QString cursor;
    const QJsonObject before = clearanceOf(m_scenario.pullAll(m_scenario.coordinator, 200, &cursor));
    QCOMPARE(before.value("person_id").toString(), world.person);
    QCOMPARE(before.value("cleared").toBool(), true);
    QVERIFY(!before.contains("match_id"));
    QCOMPARE(m_scenario.pushOne(m_scenario.practitioner, "consent",
                                {{"given_by", world.prisoner},
                                 {"scope", "contact"},
                                 {"about", world.person},
                                 {"status", "withdrawn"},
                                 {"method", "phone"},
                                 {"recorded_at", Scenario::instant(-60)}})
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));
    const auto pulled = m_scenario.pullAll(m_scenario.coordinator, 200, &cursor);
    const QJsonObject after = clearanceOf(pulled);
    QCOMPARE(after.value("cleared").toBool(true), false);
    QCOMPARE(after.value("reason").toString(), QStringLiteral("consent_withdrawn"));
    // The gate's answer travels; the consent it read does not.
    QVERIFY(ofType(pulled, "consent").isEmpty());
    // Only coordinators get the referral's gate; a volunteer's clearances are for their matches.
    for (const QJsonObject& change : ofType(m_scenario.pullAll(m_scenario.befriender), "clearance")) {
        QVERIFY(change.value("fields").toObject().contains("match_id"));
    }
}

void PullEndpointTest::practitionerSeesOwnCasesOnly()
{
    const auto pulled = m_scenario.pullAll(m_scenario.practitioner);
    for (const auto& [type, id] : {qMakePair(QStringLiteral("person"), m_world.prisoner), qMakePair(QStringLiteral("person"), m_world.person),
                                   qMakePair(QStringLiteral("case"), m_world.caseId), qMakePair(QStringLiteral("consent"), m_world.consent),
                                   qMakePair(QStringLiteral("protection_check"), m_world.checkPrisoner),
                                   qMakePair(QStringLiteral("relationship"), m_world.relationship)}) {
        QVERIFY2(containsRecord(pulled, type, id), qPrintable(type));
    }
    const auto people = ofType(pulled, "person");
    for (const auto& person : people) {
        if (person.value("record_id").toString() == m_world.prisoner) {
            QCOMPARE(person.value("fields").toObject().value("prison_number").toString(), QStringLiteral("A1234BC"));
        }
    }
    for (const auto& change : pulled) {
        for (const QString& other : {m_otherWorld.caseId, m_otherWorld.prisoner, m_otherWorld.person}) {
            QVERIFY(change.value("record_id").toString() != other);
            QVERIFY(change.value("fields").toObject().value("case_id").toString() != m_otherWorld.caseId);
        }
    }
    // The other practitioner sees the restriction details of their own prisoner.
    const auto otherPulled = m_scenario.pullAll(m_scenario.otherPractitioner);
    bool restricted = false;
    for (const auto& check : ofType(otherPulled, "protection_check")) {
        restricted = restricted || !check.value("fields").toObject().value("restrictions").toArray().isEmpty();
    }
    QVERIFY(restricted);
    QVERIFY(!containsRecord(otherPulled, "case", m_world.caseId));
}

void PullEndpointTest::clearanceFollowsTheGates()
{
    World world = m_scenario.buildWorld();
    auto clearanceOf = [&]() {
        const auto clearances = ofType(m_scenario.pullAll(world.volunteer), "clearance");
        return clearances.isEmpty() ? QJsonObject{} : clearances.last().value("fields").toObject();
    };
    QCOMPARE(clearanceOf().value("cleared").toBool(), true);
    QCOMPARE(m_scenario.pushOne(m_scenario.practitioner, "consent",
                                {{"given_by", world.prisoner},
                                 {"scope", "contact"},
                                 {"about", world.person},
                                 {"status", "withdrawn"},
                                 {"method", "phone"},
                                 {"recorded_at", Scenario::instant(-60)}})
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));
    const QJsonObject after = clearanceOf();
    QCOMPARE(after.value("cleared").toBool(), false);
    QCOMPARE(after.value("reason").toString(), QStringLiteral("consent_withdrawn"));
}

void PullEndpointTest::endedMatchIsRemovedFromThePhone()
{
    World world = m_scenario.buildWorld();
    QCOMPARE(m_scenario.sessionReport(world.volunteer, world).value("status").toString(), QStringLiteral("applied"));
    Replica phone;
    QString cursor;
    applyChanges(phone, m_scenario.pullAll(world.volunteer, 200, &cursor));
    QVERIFY(phone.contains(qMakePair(QStringLiteral("case"), world.caseId)));
    QVERIFY(phone.contains(qMakePair(QStringLiteral("person"), world.person)));

    QCOMPARE(m_scenario.pushOne(m_scenario.coordinator, "match",
                                {{"case_id", world.caseId},
                                 {"volunteer", world.volunteer.userId},
                                 {"person_id", world.person},
                                 {"status", "ended"},
                                 {"started_at", Scenario::day(-10)},
                                 {"ended_at", Scenario::day(0)}},
                                world.match)
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));
    const auto incremental = m_scenario.pullAll(world.volunteer, 200, &cursor);
    applyChanges(phone, incremental);
    // Only the ended match itself stays: it is how the phone knows why the case went.
    for (auto it = phone.begin(); it != phone.end(); ++it) {
        QVERIFY2(it.key().first == "match", qPrintable(it.key().first + " still on the phone"));
    }
    QCOMPARE(phone.value(qMakePair(QStringLiteral("match"), world.match)).value("status").toString(), QStringLiteral("ended"));
    bool removal = false;
    for (const auto& change : incremental) {
        removal = removal || (change.value("op").toString() == "delete" && change.value("record_id").toString() == world.caseId);
        if (change.value("op").toString() == "delete") {
            QVERIFY(change.value("fields").toObject().isEmpty());
            QCOMPARE(change.value("id").toString().size(), 32);
        }
    }
    QVERIFY(removal);
    // Removals never name records the volunteer could not have held.
    for (const auto& change : incremental) {
        const QString type = change.value("record_type").toString();
        QVERIFY2(type != "protection_check" && type != "consent" && type != "relationship", qPrintable(type));
    }
}

void PullEndpointTest::startedMatchBringsTheHistory()
{
    WorldOptions options;
    options.match = false;
    World world = m_scenario.buildWorld(options);
    QCOMPARE(m_scenario.sessionReport(m_scenario.practitioner, world, "Before the match").value("status").toString(),
             QStringLiteral("applied"));
    QString cursor;
    QVERIFY(m_scenario.pullAll(world.volunteer, 200, &cursor).isEmpty());
    QCOMPARE(m_scenario.pushOne(m_scenario.coordinator, "match",
                                {{"case_id", world.caseId},
                                 {"volunteer", world.volunteer.userId},
                                 {"person_id", world.person},
                                 {"status", "active"},
                                 {"started_at", Scenario::day(0)}})
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));
    const auto incremental = m_scenario.pullAll(world.volunteer, 200, &cursor);
    QVERIFY(containsRecord(incremental, "case", world.caseId));
    QVERIFY(containsRecord(incremental, "person", world.person));
    QCOMPARE(ofType(incremental, "session_report").size(), 1);
    QVERIFY(!ofType(incremental, "session_report").first().value("fields").toObject().contains("notes"));
    QCOMPARE(ofType(incremental, "clearance").size(), 1);
}

void PullEndpointTest::caseOpenedOnAColleaguesIntake()
{
    QString cursor;
    m_scenario.pullAll(m_scenario.otherPractitioner, 200, &cursor);
    const QString person = Scenario::newId();
    QCOMPARE(m_scenario.pushOne(m_scenario.practitioner, "person",
                                {{"kind", "prisoner"}, {"given_name", "Ravi"}, {"prison_number", "B7654CD"}}, person)
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));
    QVERIFY(!containsRecord(m_scenario.pullAll(m_scenario.otherPractitioner, 200, &cursor), "person", person));
    // A colleague who does not hold the person cannot open the case themselves (contract 1.2):
    // a coordinator allocates it to them.
    const QString caseId = Scenario::newId();
    const QJsonObject caseFields{{"person_id", person},
                                 {"stream", "casework"},
                                 {"practitioner_id", m_scenario.otherPractitioner.userId},
                                 {"status", "open"}};
    QCOMPARE(m_scenario.pushOne(m_scenario.otherPractitioner, "case", caseFields, caseId).value("reason").toString(),
             QStringLiteral("forbidden"));
    QCOMPARE(m_scenario.pushOne(m_scenario.coordinator, "case",
                                {{"person_id", person},
                                 {"stream", "casework"},
                                 {"practitioner_id", m_scenario.otherPractitioner.userId},
                                 {"status", "open"}},
                                caseId)
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));
    const auto incremental = m_scenario.pullAll(m_scenario.otherPractitioner, 200, &cursor);
    QVERIFY(containsRecord(incremental, "case", caseId));
    QVERIFY2(containsRecord(incremental, "person", person), "the colleague's intake reaches the new case's practitioner");
}

void PullEndpointTest::incrementalEqualsFull()
{
    Replica phone;
    QString cursor;
    applyChanges(phone, m_scenario.pullAll(m_scenario.practitioner, 7, &cursor));
    const World world = m_scenario.buildWorld();
    QCOMPARE(m_scenario.pushOne(m_scenario.practitioner, "person",
                                {{"kind", "family_member"}, {"given_name", "Irina"}, {"phone", "07700 900777"}}, world.person)
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));
    applyChanges(phone, m_scenario.pullAll(m_scenario.practitioner, 7, &cursor));
    Replica fresh;
    applyChanges(fresh, m_scenario.pullAll(m_scenario.practitioner, 1000));
    QCOMPARE(phone.keys(), fresh.keys());
    QCOMPARE(phone, fresh);
    // Nothing new: an empty page that keeps the cursor where it is.
    const QString before = cursor;
    QVERIFY(m_scenario.pullAll(m_scenario.practitioner, 7, &cursor).isEmpty());
    QCOMPARE(cursor, before);
}

void PullEndpointTest::resumesAcrossRestart()
{
    const World world = m_scenario.buildWorld();
    QJsonArray batch;
    for (int i = 0; i < 30; ++i) {
        batch.append(m_scenario.change(m_scenario.practitioner, "session_report",
                                       m_scenario.sessionReportFields(world, QStringLiteral("Report %1").arg(i))));
    }
    QCOMPARE(m_scenario.push(m_scenario.practitioner, batch).size(), 30);

    QList<QJsonObject> resumed;
    QString cursor;
    for (int page = 0; page < 3; ++page) {
        const HttpReply reply = m_server.request("GET", "/v1/sync/pull?limit=5" + (cursor.isEmpty() ? QString() : "&cursor=" + cursor), {},
                                                 m_scenario.practitioner.accessToken);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.object().value("changes").toArray().size(), 5);
        QVERIFY(reply.object().value("more").toBool());
        for (const auto& change : reply.object().value("changes").toArray()) {
            resumed.append(change.toObject());
        }
        cursor = reply.object().value("cursor").toString();
    }
    QVERIFY(m_server.restart());
    resumed += m_scenario.pullAll(m_scenario.practitioner, 5, &cursor);
    const auto full = m_scenario.pullAll(m_scenario.practitioner, 1000);
    QStringList resumedIds;
    QStringList fullIds;
    for (const auto& change : resumed) {
        resumedIds.append(change.value("id").toString());
    }
    for (const auto& change : full) {
        fullIds.append(change.value("id").toString());
    }
    QCOMPARE(resumedIds, fullIds); // same changes, same order, none twice
}

void PullEndpointTest::cursorAndLimitChecked_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::newRow("garbage cursor") << "cursor=hello" << 400 << "invalid_cursor";
    QTest::newRow("a bare number") << "cursor=12" << 400 << "invalid_cursor";
    QTest::newRow("a cursor from the future") << "cursor=c1.7fffffffffffffff" << 400 << "invalid_cursor";
    QTest::newRow("limit zero") << "limit=0" << 400 << "bad_request";
    QTest::newRow("limit too big") << "limit=1001" << 400 << "bad_request";
    QTest::newRow("limit not a number") << "limit=ten" << 400 << "bad_request";
    QTest::newRow("limit negative") << "limit=-5" << 400 << "bad_request";
    QTest::newRow("limit one") << "limit=1" << 200 << "";
    QTest::newRow("no parameters") << "" << 200 << "";
}

void PullEndpointTest::cursorAndLimitChecked()
{
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(QString, error);
    const HttpReply reply = m_server.request("GET", "/v1/sync/pull?" + query, {}, m_scenario.practitioner.accessToken);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.error(), error);
    if (status == 200) {
        QVERIFY(reply.object().value("changes").toArray().size() <= (query == "limit=1" ? 1 : 200));
    } else {
        QVERIFY(!reply.object().value("message").toString().isEmpty());
    }
}

QTEST_GUILESS_MAIN(PullEndpointTest)
#include "pullendpointtest.moc"
