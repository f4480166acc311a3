// Trying to switch a gate off with an ordinary account, over TLS against the real server: each
// attack of contract 1.2 "Who may change the facts the gates read" is pushed, must get the
// contract's answer, and must leave the gate exactly as it was — shown by the befriender's next
// session report, which stays held for the same reason.
#include "scenario.h"
#include "testserver.h"

#include <QJsonArray>
#include <QtTest>

using namespace fieldbook::testsupport;

namespace {

QString statusOf(const QJsonObject& result)
{
    const QString status = result.value("status").toString();
    const QString reason = result.value("reason").toString();
    return reason.isEmpty() ? status : status + ":" + reason;
}

// A clock stamp `millisAhead` of now, in the contract's format.
QString hlcAhead(const TestDevice& device, qint64 millisAhead)
{
    const qint64 ms = QDateTime::currentMSecsSinceEpoch() + millisAhead;
    return QStringLiteral("%1-000001-%2").arg(ms, 13, 10, QLatin1Char('0')).arg(device.deviceId);
}

} // namespace

class GateAttacksTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void anotherTeamCannotClearARestriction_data();
    void anotherTeamCannotClearARestriction();
    void datesFromTheFutureAreRefused();
    void aMatchCannotBeMadeImpossibleToEnd();
    void coordinatorCannotRetargetPastTheGates();
    void coordinatorNeverVetsOrMatchesThemselves();
    void caseOnAnotherTeamsPersonIsRefused();
    void familyMembersOwnRestrictionHolds();
    void courtOrderNamingNobodyCoversEveryone();
    void anEndedMatchStaysEnded();
    void changeIdsBelongToTheirAuthor();
    void coordinatorNeverReadsPractitionersNotes();
    void everyRoleMayRaiseAConcern();
    void aNewRelationshipReachesThePractitionersPull();

private:
    // A world whose prisoner's latest check names the family member: the gate is shut.
    World restrictedWorld(bool child = false);
    QString sessionStatus(const World& world);

    TestServer m_server;
    Scenario m_scenario{m_server};
    TestDevice m_south;       // a practitioner of another team
    TestDevice m_coordinatorBefriender;
};

void GateAttacksTest::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_scenario.setUp());
    m_south = m_server.enrolDevice(m_server.addUser("Sunil South", {"practitioner"}, "south"));
    QVERIFY(!m_south.accessToken.isEmpty());
    m_coordinatorBefriender = m_server.enrolDevice(m_server.addUser("Cass Both", {"coordinator", "befriender"}, "north"));
    QVERIFY(!m_coordinatorBefriender.accessToken.isEmpty());
}

void GateAttacksTest::cleanupTestCase()
{
    QVERIFY(m_server.stop());
}

World GateAttacksTest::restrictedWorld(bool child)
{
    WorldOptions options;
    options.personIsChild = child;
    World world = m_scenario.buildWorld(options);
    QJsonObject restriction{{"kind", child ? "children_under_18" : "named_person"}};
    if (!child) {
        restriction["person_id"] = world.person;
    }
    const QJsonObject result = m_scenario.pushOne(m_scenario.practitioner, "protection_check",
                                                  {{"subject", world.prisoner},
                                                   {"outcome", "restricted"},
                                                   {"restrictions", QJsonArray{restriction}},
                                                   {"checked_at", Scenario::day(-1)},
                                                   {"source", "Police"}});
    if (statusOf(result) != QLatin1String("applied")) {
        QTest::qFail("the restriction was not applied", __FILE__, __LINE__);
    }
    return world;
}

QString GateAttacksTest::sessionStatus(const World& world)
{
    return statusOf(m_scenario.sessionReport(world.volunteer, world));
}

void GateAttacksTest::anotherTeamCannotClearARestriction_data()
{
    QTest::addColumn<QString>("attack");
    QTest::addColumn<bool>("child");
    QTest::newRow("a newer clear check of the prisoner") << "clear_check" << false;
    QTest::newRow("the child re-dated as an adult") << "redate_child" << true;
    QTest::newRow("the child's person record deleted") << "delete_child" << true;
    QTest::newRow("the relationship deleted") << "delete_relationship" << false;
    QTest::newRow("the relationship moved to someone else") << "move_relationship" << false;
    QTest::newRow("the family member's check replaced") << "check_person" << false;
    QTest::newRow("a consent recorded about them") << "consent" << false;
}

void GateAttacksTest::anotherTeamCannotClearARestriction()
{
    QFETCH(QString, attack);
    QFETCH(bool, child);
    const World world = restrictedWorld(child);
    QCOMPARE(sessionStatus(world), QStringLiteral("quarantined:restricted"));
    QJsonObject result;
    if (attack == "clear_check") {
        result = m_scenario.pushOne(m_south, "protection_check",
                                    {{"subject", world.prisoner},
                                     {"outcome", "clear"},
                                     {"restrictions", QJsonArray{}},
                                     {"checked_at", Scenario::day(0)}});
    } else if (attack == "redate_child") {
        result = m_scenario.pushOne(m_south, "person", {{"date_of_birth", "1990-01-01"}}, world.person);
    } else if (attack == "delete_child") {
        result = m_scenario.push(m_south, QJsonArray{m_scenario.change(m_south, "person", {}, world.person, 0, "delete")})
                     .first()
                     .toObject();
    } else if (attack == "delete_relationship") {
        result = m_scenario
                     .push(m_south, QJsonArray{m_scenario.change(m_south, "relationship", {}, world.relationship, 0, "delete")})
                     .first()
                     .toObject();
    } else if (attack == "move_relationship") {
        result = m_scenario.pushOne(m_south, "relationship", {{"person_id", Scenario::newId()}}, world.relationship);
    } else if (attack == "check_person") {
        result = m_scenario.pushOne(m_south, "protection_check",
                                    {{"subject", world.person},
                                     {"outcome", "clear"},
                                     {"restrictions", QJsonArray{}},
                                     {"checked_at", Scenario::day(0)}});
    } else if (attack == "consent") {
        result = m_scenario.pushOne(m_south, "consent",
                                    {{"given_by", world.prisoner},
                                     {"scope", "contact"},
                                     {"about", world.person},
                                     {"status", "given"},
                                     {"method", "phone"},
                                     {"recorded_at", Scenario::instant(-60)}});
    }
    QCOMPARE(statusOf(result), QStringLiteral("rejected:forbidden"));
    // The message never names the person the attacker may not see.
    QVERIFY2(!result.value("message").toString().contains("Irina"), qPrintable(result.value("message").toString()));
    QCOMPARE(sessionStatus(world), QStringLiteral("quarantined:restricted"));
}

void GateAttacksTest::datesFromTheFutureAreRefused()
{
    World world = m_scenario.buildWorld();
    QCOMPARE(sessionStatus(world), QStringLiteral("applied"));
    // A consent dated 9999 would outrank every later withdrawal; a check dated 9999 every restriction.
    QCOMPARE(statusOf(m_scenario.pushOne(m_scenario.practitioner, "consent",
                                         {{"given_by", world.prisoner},
                                          {"scope", "contact"},
                                          {"about", world.person},
                                          {"status", "given"},
                                          {"method", "phone"},
                                          {"recorded_at", "9999-12-31T00:00:00Z"}})),
             QStringLiteral("rejected:invalid:recorded_at"));
    QCOMPARE(statusOf(m_scenario.pushOne(m_scenario.practitioner, "protection_check",
                                         {{"subject", world.prisoner},
                                          {"outcome", "clear"},
                                          {"restrictions", QJsonArray{}},
                                          {"checked_at", "9999-12-31"}})),
             QStringLiteral("rejected:invalid:checked_at"));
    QCOMPARE(statusOf(m_scenario.pushOne(m_scenario.practitioner, "consent",
                                         {{"given_by", world.prisoner},
                                          {"scope", "contact"},
                                          {"about", world.person},
                                          {"status", "withdrawn"},
                                          {"method", "phone"},
                                          {"recorded_at", Scenario::instant(-60)}})),
             QStringLiteral("applied"));
    QCOMPARE(sessionStatus(world), QStringLiteral("quarantined:consent_withdrawn"));
    QCOMPARE(statusOf(m_scenario.pushOne(world.volunteer, "session_report",
                                         {{"case_id", world.caseId},
                                          {"person_id", world.person},
                                          {"occurred_at", Scenario::instant(3600)},
                                          {"concerns", "none"}})),
             QStringLiteral("rejected:invalid:occurred_at"));
}

void GateAttacksTest::aMatchCannotBeMadeImpossibleToEnd()
{
    const World world = m_scenario.buildWorld();
    QJsonObject change = m_scenario.change(m_scenario.coordinator, "match", {{"status", "active"}}, world.match);
    change["hlc"] = QStringLiteral("9999999999999-000000-") + m_scenario.coordinator.deviceId;
    QCOMPARE(statusOf(m_scenario.push(m_scenario.coordinator, QJsonArray{change}).first().toObject()),
             QStringLiteral("rejected:invalid:hlc"));
    QJsonObject ahead = m_scenario.change(m_scenario.coordinator, "match", {{"status", "active"}}, world.match);
    ahead["hlc"] = hlcAhead(m_scenario.coordinator, 6 * 60 * 1000);
    QCOMPARE(statusOf(m_scenario.push(m_scenario.coordinator, QJsonArray{ahead}).first().toObject()),
             QStringLiteral("rejected:invalid:hlc"));
    QCOMPARE(statusOf(m_scenario.pushOne(m_scenario.coordinator, "match",
                                         {{"status", "ended"}, {"ended_at", Scenario::day(0)}, {"end_reason", "planned_ending"}},
                                         world.match)),
             QStringLiteral("applied"));
    QCOMPARE(sessionStatus(world), QStringLiteral("rejected:forbidden"));
}

void GateAttacksTest::coordinatorCannotRetargetPastTheGates()
{
    const World cleared = m_scenario.buildWorld();
    const World restricted = restrictedWorld();
    QCOMPARE(statusOf(m_scenario.pushOne(m_scenario.coordinator, "match",
                                         {{"case_id", restricted.caseId}, {"person_id", restricted.person}}, cleared.match)),
             QStringLiteral("rejected:restricted"));
    WorldOptions unvetted;
    unvetted.vetting = false;
    unvetted.match = false;
    const World noVetting = m_scenario.buildWorld(unvetted);
    QCOMPARE(statusOf(m_scenario.pushOne(m_scenario.coordinator, "match", {{"volunteer", noVetting.volunteer.userId}},
                                         cleared.match)),
             QStringLiteral("rejected:vetting_invalid"));
    // The match is as it was: its own volunteer is still cleared, the restricted person still held.
    QCOMPARE(sessionStatus(cleared), QStringLiteral("applied"));
    QCOMPARE(sessionStatus(restricted), QStringLiteral("quarantined:restricted"));
}

void GateAttacksTest::coordinatorNeverVetsOrMatchesThemselves()
{
    const World world = m_scenario.buildWorld();
    QCOMPARE(statusOf(m_scenario.pushOne(m_coordinatorBefriender, "vetting",
                                         {{"volunteer", m_coordinatorBefriender.userId},
                                          {"dbs_checked_at", Scenario::day(-10)},
                                          {"dbs_expires_at", Scenario::day(700)},
                                          {"training", QJsonArray{"safeguarding", "professional_boundaries",
                                                                  "equality_diversity", "data_protection"}}})),
             QStringLiteral("rejected:forbidden"));
    QCOMPARE(statusOf(m_scenario.pushOne(m_coordinatorBefriender, "match",
                                         {{"case_id", world.caseId},
                                          {"volunteer", m_coordinatorBefriender.userId},
                                          {"person_id", world.person},
                                          {"status", "proposed"}})),
             QStringLiteral("rejected:forbidden"));
}

void GateAttacksTest::caseOnAnotherTeamsPersonIsRefused()
{
    const World world = restrictedWorld();
    QString cursor;
    m_scenario.pullAll(m_south, 200, &cursor);
    const QString caseId = Scenario::newId();
    QCOMPARE(statusOf(m_scenario.pushOne(m_south, "case",
                                         {{"person_id", world.prisoner},
                                          {"stream", "visitor"},
                                          {"practitioner_id", m_south.userId},
                                          {"status", "open"}},
                                         caseId)),
             QStringLiteral("rejected:forbidden"));
    const auto pulled = m_scenario.pullAll(m_south, 200, &cursor);
    QVERIFY(!containsRecord(pulled, "person", world.prisoner));
    QVERIFY(ofType(pulled, "protection_check").isEmpty());
}

void GateAttacksTest::familyMembersOwnRestrictionHolds()
{
    const World world = m_scenario.buildWorld();
    QCOMPARE(statusOf(m_scenario.pushOne(m_scenario.practitioner, "protection_check",
                                         {{"subject", world.person},
                                          {"outcome", "restricted"},
                                          {"restrictions", QJsonArray{QJsonObject{{"kind", "court_order"}}}},
                                          {"checked_at", Scenario::day(0)},
                                          {"details", "Non-molestation order in place"}})),
             QStringLiteral("applied"));
    QCOMPARE(sessionStatus(world), QStringLiteral("quarantined:restricted"));
}

void GateAttacksTest::courtOrderNamingNobodyCoversEveryone()
{
    const World world = m_scenario.buildWorld();
    QCOMPARE(statusOf(m_scenario.pushOne(m_scenario.practitioner, "protection_check",
                                         {{"subject", world.prisoner},
                                          {"outcome", "restricted"},
                                          {"restrictions", QJsonArray{QJsonObject{{"kind", "court_order"}}}},
                                          {"checked_at", Scenario::day(0)}})),
             QStringLiteral("applied"));
    QCOMPARE(sessionStatus(world), QStringLiteral("quarantined:restricted"));
}

void GateAttacksTest::anEndedMatchStaysEnded()
{
    const World world = m_scenario.buildWorld();
    QCOMPARE(statusOf(m_scenario.pushOne(m_scenario.coordinator, "match",
                                         {{"status", "ended"}, {"ended_at", Scenario::day(0)}}, world.match)),
             QStringLiteral("applied"));
    QCOMPARE(statusOf(m_scenario.pushOne(m_scenario.coordinator, "match", {{"status", "active"}}, world.match)),
             QStringLiteral("rejected:invalid:status"));
    QCOMPARE(statusOf(m_scenario.pushOne(m_scenario.coordinator, "match",
                                         {{"case_id", world.caseId},
                                          {"volunteer", world.volunteer.userId},
                                          {"person_id", world.person},
                                          {"status", "active"},
                                          {"started_at", Scenario::day(0)}})),
             QStringLiteral("rejected:after_ending"));
    QCOMPARE(sessionStatus(world), QStringLiteral("rejected:forbidden"));
}

void GateAttacksTest::changeIdsBelongToTheirAuthor()
{
    const World world = restrictedWorld();
    const QJsonObject first = m_scenario.change(world.volunteer, "session_report",
                                                m_scenario.sessionReportFields(world, "First visit."));
    QCOMPARE(statusOf(m_scenario.push(world.volunteer, QJsonArray{first}).first().toObject()),
             QStringLiteral("quarantined:restricted"));
    // The same id from its author is a replay; from anyone else it is refused and tells nothing.
    QCOMPARE(m_scenario.push(world.volunteer, QJsonArray{first}).first().toObject().value("status").toString(),
             QStringLiteral("duplicate"));
    QJsonObject stolen = m_scenario.change(m_south, "safeguarding_report",
                                           {{"urgency", "non_urgent"}, {"setting", "community"}, {"what_happened", "x"}});
    stolen["id"] = first.value("id");
    const QJsonObject answer = m_scenario.push(m_south, QJsonArray{stolen}).first().toObject();
    QCOMPARE(statusOf(answer), QStringLiteral("rejected:invalid:id"));
    QVERIFY(!answer.contains("was"));
    // A record id of another type is refused too.
    QCOMPARE(statusOf(m_scenario.pushOne(m_scenario.practitioner, "case",
                                         {{"person_id", world.person},
                                          {"stream", "casework"},
                                          {"practitioner_id", m_scenario.practitioner.userId},
                                          {"status", "open"}},
                                         world.person)),
             QStringLiteral("rejected:invalid:record_id"));
}

void GateAttacksTest::coordinatorNeverReadsPractitionersNotes()
{
    const World world = m_scenario.buildWorld();
    QString cursor;
    m_scenario.pullAll(m_scenario.coordinator, 200, &cursor);
    QCOMPARE(statusOf(m_scenario.sessionReport(m_scenario.practitioner, world, "Practitioner's casework notes")),
             QStringLiteral("applied"));
    QCOMPARE(statusOf(m_scenario.sessionReport(world.volunteer, world, "Volunteer's report")), QStringLiteral("applied"));
    const auto reports = ofType(m_scenario.pullAll(m_scenario.coordinator, 200, &cursor), "session_report");
    QCOMPARE(reports.size(), 2);
    for (const QJsonObject& report : reports) {
        const QJsonObject fields = report.value("fields").toObject();
        if (report.value("author").toString() == m_scenario.practitioner.userId) {
            QVERIFY(!fields.contains("notes"));
        } else {
            QCOMPARE(fields.value("notes").toString(), QStringLiteral("Volunteer's report"));
        }
    }
}

void GateAttacksTest::everyRoleMayRaiseAConcern()
{
    const World world = restrictedWorld();
    for (const TestDevice* device : std::initializer_list<const TestDevice*>{&m_scenario.manager, &m_scenario.admin, &m_scenario.officer, &m_scenario.coordinator,
                                     &world.volunteer, &m_south}) {
        QCOMPARE(statusOf(m_scenario.pushOne(*device, "safeguarding_report",
                                             {{"case_id", world.caseId},
                                              {"urgency", "urgent"},
                                              {"setting", "community"},
                                              {"what_happened", "Threats made during a visit."}})),
                 QStringLiteral("applied"));
    }
    QCOMPARE(statusOf(m_scenario.pushOne(m_scenario.manager, "safeguarding_report",
                                         {{"urgency", "non_urgent"},
                                          {"setting", "custody"},
                                          {"what_happened", "A concern about someone on no case."}})),
             QStringLiteral("applied"));
}

void GateAttacksTest::aNewRelationshipReachesThePractitionersPull()
{
    // The family member's case is synced first; a colleague records the prisoner and the link
    // later. The case's practitioner must then hold the prisoner's check, or the phone's gate
    // reads stale facts; when the link is removed, the phone is told to let go of them.
    WorldOptions none;
    none.match = false;
    none.vetting = false;
    const World world = m_scenario.buildWorld(none);
    const TestDevice& colleague = m_scenario.otherPractitioner;
    const QString prisoner = Scenario::newId();
    const QString check = Scenario::newId();
    QJsonArray intake{m_scenario.change(colleague, "person",
                                        {{"kind", "prisoner"}, {"given_name", "Aaron"}, {"prison_number", "C1111DD"}}, prisoner),
                      m_scenario.change(colleague, "protection_check",
                                        {{"subject", prisoner},
                                         {"outcome", "clear"},
                                         {"restrictions", QJsonArray{}},
                                         {"checked_at", Scenario::day(-1)}},
                                        check)};
    for (const auto& result : m_scenario.push(colleague, intake)) {
        QCOMPARE(statusOf(result.toObject()), QStringLiteral("applied"));
    }
    QString cursor;
    QVERIFY(!containsRecord(m_scenario.pullAll(m_scenario.practitioner, 200, &cursor), "protection_check", check));
    const QString relationship = Scenario::newId();
    QCOMPARE(statusOf(m_scenario.pushOne(colleague, "relationship",
                                         {{"prisoner_id", prisoner}, {"person_id", world.person}, {"relation", "brother"}},
                                         relationship)),
             QStringLiteral("applied"));
    const auto linked = m_scenario.pullAll(m_scenario.practitioner, 200, &cursor);
    QVERIFY(containsRecord(linked, "relationship", relationship));
    QVERIFY2(containsRecord(linked, "person", prisoner), "the newly linked prisoner reaches the case's practitioner");
    QVERIFY(containsRecord(linked, "protection_check", check));
    QCOMPARE(statusOf(m_scenario.push(colleague, QJsonArray{m_scenario.change(colleague, "relationship", {}, relationship, 0,
                                                                              "delete")})
                          .first()
                          .toObject()),
             QStringLiteral("applied"));
    bool checkRemoved = false;
    for (const QJsonObject& change : m_scenario.pullAll(m_scenario.practitioner, 200, &cursor)) {
        checkRemoved = checkRemoved
            || (change.value("record_id").toString() == check && change.value("op").toString() == QLatin1String("delete"));
    }
    QVERIFY2(checkRemoved, "the unlinked prisoner's check is removed from the phone");
}

QTEST_GUILESS_MAIN(GateAttacksTest)
#include "gateattackstest.moc"
