// POST /v1/sync/push end to end over TLS (PushService in process: pushservicetest.cpp): the
// contract's scripted scenario, then every precondition
// taken away in turn (a data-driven table), duplicates, validation, append-only records, and the
// alerts a quarantined record raises.
#include "scenario.h"
#include "testserver.h"

#include <QJsonArray>
#include <QtTest>

using namespace fieldbook::testsupport;

class PushEndpointTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void gates_data();
    void gates();
    void quarantineRaisesAlerts();
    void duplicatesChangeNothing();
    void resultsKeepOrder();
    void validationNamesTheField();
    void olderFormVersionStillAccepted();
    void formRecordsAreAppendOnly();
    void derivedRecordsCannotBePushed();
    void mutableRecordsMergeByClock();
    void batchLimit();
    void pushOf500SessionReports();

private:
    void mutate(const QString& mutation, World& world);
    QList<QJsonObject> practitionerView();

    TestServer m_server;
    Scenario m_scenario{m_server};
};

void PushEndpointTest::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_scenario.setUp());
}

void PushEndpointTest::cleanupTestCase()
{
    QVERIFY(m_server.stop());
}

void PushEndpointTest::gates_data()
{
    QTest::addColumn<QString>("omit");
    QTest::addColumn<QString>("mutation");
    QTest::addColumn<QString>("author");
    QTest::addColumn<QString>("match");  // what the coordinator's activation of the match got
    QTest::addColumn<QString>("status"); // what the session report got
    QTest::addColumn<QString>("reason");

    QTest::newRow("every precondition: applied") << "" << "" << "befriender" << "applied" << "applied" << "";
    QTest::newRow("practitioner as author: applied") << "" << "" << "practitioner" << "applied" << "applied" << "";
    QTest::newRow("no consent: match refused, volunteer forbidden")
        << "consent" << "" << "befriender" << "rejected:consent_missing" << "rejected" << "forbidden";
    QTest::newRow("no consent: practitioner's record quarantined")
        << "consent" << "" << "practitioner" << "rejected:consent_missing" << "quarantined" << "consent_missing";
    QTest::newRow("consent withdrawn after the match")
        << "" << "withdraw_consent" << "befriender" << "applied" << "quarantined" << "consent_withdrawn";
    QTest::newRow("consent withdrawn then given again")
        << "" << "withdraw_then_give" << "befriender" << "applied" << "applied" << "";
    QTest::newRow("no check of the prisoner") << "check_prisoner" << "" << "practitioner"
                                              << "rejected:protection_check_missing" << "quarantined"
                                              << "protection_check_missing";
    QTest::newRow("no check of the family member") << "check_person" << "" << "practitioner"
                                                   << "rejected:protection_check_missing" << "quarantined"
                                                   << "protection_check_missing";
    QTest::newRow("restriction names the person")
        << "" << "restrict:named_person" << "befriender" << "applied" << "quarantined" << "restricted";
    QTest::newRow("court order names the person")
        << "" << "restrict:court_order" << "befriender" << "applied" << "quarantined" << "restricted";
    QTest::newRow("no-contact request names the person")
        << "" << "restrict:no_contact_request" << "befriender" << "applied" << "quarantined" << "restricted";
    QTest::newRow("children under 18, the person is a child")
        << "child" << "restrict:children_under_18" << "befriender" << "applied" << "quarantined" << "restricted";
    QTest::newRow("children under 18, the person is an adult")
        << "" << "restrict:children_under_18" << "befriender" << "applied" << "applied" << "";
    QTest::newRow("no vetting: match refused, volunteer forbidden")
        << "vetting" << "" << "befriender" << "rejected:vetting_invalid" << "rejected" << "forbidden";
    QTest::newRow("DBS expired after the match")
        << "" << "vetting_expired" << "befriender" << "applied" << "quarantined" << "vetting_invalid";
    QTest::newRow("a mandatory training missing")
        << "" << "training_missing" << "befriender" << "applied" << "quarantined" << "vetting_invalid";
    QTest::newRow("within six months of an ended befriending match")
        << "" << "after_ending" << "befriender" << "applied" << "quarantined" << "after_ending";
    QTest::newRow("the match has ended") << "" << "end_match" << "befriender" << "applied" << "rejected" << "forbidden";
    QTest::newRow("another volunteer, not matched")
        << "" << "" << "other_befriender" << "applied" << "rejected" << "forbidden";
    QTest::newRow("invalid field") << "" << "invalid_duration" << "befriender" << "applied" << "rejected"
                                   << "invalid:duration_minutes";
}

void PushEndpointTest::mutate(const QString& mutation, World& world)
{
    auto applied = [](const QJsonObject& result) {
        QCOMPARE(result.value("status").toString(), QStringLiteral("applied"));
    };
    auto consent = [&](const QString& status, qint64 offset) {
        applied(m_scenario.pushOne(m_scenario.practitioner, "consent",
                                   {{"given_by", world.prisoner},
                                    {"scope", "contact"},
                                    {"about", world.person},
                                    {"status", status},
                                    {"method", "phone"},
                                    {"recorded_at", Scenario::instant(offset)}}));
    };
    if (mutation == "withdraw_consent") {
        consent("withdrawn", -86400);
    } else if (mutation == "withdraw_then_give") {
        consent("withdrawn", -2 * 86400);
        consent("given", -86400);
    } else if (mutation.startsWith("restrict:")) {
        QJsonObject restriction{{"kind", mutation.mid(9)}};
        if (mutation != "restrict:children_under_18") {
            restriction["person_id"] = world.person;
        }
        applied(m_scenario.pushOne(m_scenario.practitioner, "protection_check",
                                   {{"subject", world.prisoner},
                                    {"outcome", "restricted"},
                                    {"restrictions", QJsonArray{restriction}},
                                    {"checked_at", Scenario::day(-1)},
                                    {"source", "Police"}}));
    } else if (mutation == "vetting_expired") {
        applied(m_scenario.pushOne(m_scenario.coordinator, "vetting",
                                   {{"volunteer", world.volunteer.userId},
                                    {"dbs_checked_at", Scenario::day(-1200)},
                                    {"dbs_expires_at", Scenario::day(-2)},
                                    {"training", QJsonArray{"safeguarding", "professional_boundaries",
                                                            "equality_diversity", "data_protection"}}},
                                   world.vetting));
    } else if (mutation == "training_missing") {
        applied(m_scenario.pushOne(m_scenario.coordinator, "vetting",
                                   {{"volunteer", world.volunteer.userId},
                                    {"dbs_checked_at", Scenario::day(-100)},
                                    {"dbs_expires_at", Scenario::day(700)},
                                    {"training", QJsonArray{"safeguarding", "professional_boundaries", "equality_diversity"}}},
                                   world.vetting));
    } else if (mutation == "end_match" || mutation == "after_ending") {
        applied(m_scenario.pushOne(m_scenario.coordinator, "match",
                                   {{"case_id", world.caseId},
                                    {"volunteer", world.volunteer.userId},
                                    {"person_id", world.person},
                                    {"status", "ended"},
                                    {"started_at", Scenario::day(-100)},
                                    {"ended_at", Scenario::day(-30)}},
                                   world.match));
        if (mutation == "after_ending") {
            // A new case and match for the same volunteer and person, starting after the six months:
            // the activation passes, a contact now is within six months of the ending.
            const QString secondCase = Scenario::newId();
            applied(m_scenario.pushOne(m_scenario.practitioner, "case",
                                       {{"person_id", world.person},
                                        {"stream", "befriending"},
                                        {"practitioner_id", m_scenario.practitioner.userId},
                                        {"status", "open"}},
                                       secondCase));
            applied(m_scenario.pushOne(m_scenario.coordinator, "match",
                                       {{"case_id", secondCase},
                                        {"volunteer", world.volunteer.userId},
                                        {"person_id", world.person},
                                        {"status", "active"},
                                        {"started_at", Scenario::day(200)}}));
            world.caseId = secondCase;
        }
    }
}

void PushEndpointTest::gates()
{
    QFETCH(QString, omit);
    QFETCH(QString, mutation);
    QFETCH(QString, author);
    QFETCH(QString, match);
    QFETCH(QString, status);
    QFETCH(QString, reason);

    WorldOptions options;
    options.consent = omit != "consent";
    options.checkPrisoner = omit != "check_prisoner";
    options.checkPerson = omit != "check_person";
    options.vetting = omit != "vetting";
    options.personIsChild = omit == "child";
    World world = m_scenario.buildWorld(options);
    const QString matchOutcome = world.matchResult.value("status").toString() +
                                 (world.matchResult.contains("reason") ? ":" + world.matchResult.value("reason").toString() : QString());
    QCOMPARE(matchOutcome, match);
    mutate(mutation, world);

    const TestDevice& device = author == "practitioner"       ? m_scenario.practitioner
                               : author == "other_befriender" ? m_scenario.otherBefriender
                                                              : world.volunteer;
    QJsonObject fields = m_scenario.sessionReportFields(world, "Met at the visitors' centre.");
    if (mutation == "invalid_duration") {
        fields["duration_minutes"] = 10000;
    }
    const QJsonObject result = m_scenario.pushOne(device, "session_report", fields);
    QCOMPARE(result.value("status").toString(), status);
    QCOMPARE(result.value("reason").toString(), reason);
    if (status != "applied") {
        QVERIFY2(!result.value("message").toString().isEmpty(), "a refusal says why in words");
    }
}

QList<QJsonObject> PushEndpointTest::practitionerView()
{
    return m_scenario.pullAll(m_scenario.practitioner);
}

void PushEndpointTest::quarantineRaisesAlerts()
{
    World world = m_scenario.buildWorld();
    mutate("withdraw_consent", world);
    const QJsonObject result = m_scenario.sessionReport(world.volunteer, world);
    QCOMPARE(result.value("status").toString(), QStringLiteral("quarantined"));

    for (const TestDevice* reader : {&m_scenario.practitioner, &m_scenario.officer}) {
        const auto alerts = ofType(m_scenario.pullAll(*reader), "alert");
        bool found = false;
        for (const auto& alert : alerts) {
            const QJsonObject fields = alert.value("fields").toObject();
            if (fields.value("change_id").toString() == result.value("id").toString()) {
                found = true;
                QCOMPARE(fields.value("reason").toString(), QStringLiteral("consent_withdrawn"));
                QCOMPARE(fields.value("case_id").toString(), world.caseId);
                QCOMPARE(fields.value("recipient").toString(), reader->userId);
                QCOMPARE(fields.value("record_type").toString(), QStringLiteral("session_report"));
                // The practitioner reads the held-back record itself; the officer only its ids.
                const QJsonObject held = fields.value("record").toObject();
                QCOMPARE(held.value("notes").toString().isEmpty(), reader == &m_scenario.officer);
            }
        }
        QVERIFY2(found, "the practitioner and the safeguarding officer are alerted");
    }
    // Nobody else is: not the author, not the manager, not another practitioner.
    for (const TestDevice* reader : {&world.volunteer, &m_scenario.manager, &m_scenario.otherPractitioner}) {
        for (const auto& alert : ofType(m_scenario.pullAll(*reader), "alert")) {
            QVERIFY(alert.value("fields").toObject().value("change_id").toString() != result.value("id").toString());
        }
    }
    // A quarantined record is held back: it is no fact for the gates and nobody pulls it.
    const auto view = practitionerView();
    for (const auto& change : ofType(view, "session_report")) {
        QVERIFY(change.value("id").toString() != result.value("id").toString());
    }
}

void PushEndpointTest::duplicatesChangeNothing()
{
    const World world = m_scenario.buildWorld();
    const QJsonArray batch{m_scenario.change(world.volunteer, "session_report",
                                             m_scenario.sessionReportFields(world, "First")),
                           m_scenario.change(world.volunteer, "session_report",
                                             m_scenario.sessionReportFields(world, "Second"))};
    const QJsonArray first = m_scenario.push(world.volunteer, batch);
    QCOMPARE(first.size(), 2);
    QCOMPARE(first[0].toObject().value("status").toString(), QStringLiteral("applied"));
    const int before = practitionerView().size();
    const QJsonArray again = m_scenario.push(world.volunteer, batch);
    QCOMPARE(again.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(again[i].toObject().value("id").toString(), batch[i].toObject().value("id").toString());
        QCOMPARE(again[i].toObject().value("status").toString(), QStringLiteral("duplicate"));
        QCOMPARE(again[i].toObject().value("was").toString(), QStringLiteral("applied"));
    }
    QCOMPARE(practitionerView().size(), before);

    // The same change twice in one batch: the second is a duplicate of the first.
    const QJsonObject one = m_scenario.change(world.volunteer, "session_report",
                                              m_scenario.sessionReportFields(world, "Third"));
    const QJsonArray twice = m_scenario.push(world.volunteer, QJsonArray{one, one});
    QCOMPARE(twice[0].toObject().value("status").toString(), QStringLiteral("applied"));
    QCOMPARE(twice[1].toObject().value("status").toString(), QStringLiteral("duplicate"));
}

void PushEndpointTest::resultsKeepOrder()
{
    const World world = m_scenario.buildWorld();
    QJsonArray batch;
    batch.append(m_scenario.change(world.volunteer, "session_report", m_scenario.sessionReportFields(world, "ok")));
    batch.append(m_scenario.change(world.volunteer, "no_such_type", {}));
    batch.append(QJsonObject{{"id", "not-an-id"}});
    batch.append(m_scenario.change(world.volunteer, "vetting",
                                   {{"volunteer", world.volunteer.userId},
                                    {"dbs_checked_at", Scenario::day(-1)},
                                    {"dbs_expires_at", Scenario::day(300)}}));
    const QJsonArray results = m_scenario.push(world.volunteer, batch);
    QCOMPARE(results.size(), 4);
    QCOMPARE(results[0].toObject().value("status").toString(), QStringLiteral("applied"));
    QCOMPARE(results[1].toObject().value("reason").toString(), QStringLiteral("unknown_record_type"));
    QCOMPARE(results[2].toObject().value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(results[2].toObject().value("reason").toString(), QStringLiteral("invalid:id"));
    QCOMPARE(results[2].toObject().value("id").toString(), QString());
    QCOMPARE(results[3].toObject().value("reason").toString(), QStringLiteral("forbidden"));
    for (int i : {0, 1, 3}) {
        QCOMPARE(results[i].toObject().value("id").toString(), batch[i].toObject().value("id").toString());
    }
}

void PushEndpointTest::validationNamesTheField()
{
    const World world = m_scenario.buildWorld();
    QJsonObject fields = m_scenario.sessionReportFields(world, "x");
    fields["mode"] = "carrier_pigeon";
    QCOMPARE(m_scenario.pushOne(world.volunteer, "session_report", fields).value("reason").toString(),
             QStringLiteral("invalid:mode"));
    fields = m_scenario.sessionReportFields(world, "x");
    fields.remove("occurred_at");
    QCOMPARE(m_scenario.pushOne(world.volunteer, "session_report", fields).value("reason").toString(),
             QStringLiteral("invalid:occurred_at"));
    fields = m_scenario.sessionReportFields(world, "x");
    fields["favourite_colour"] = "blue";
    QCOMPARE(m_scenario.pushOne(world.volunteer, "session_report", fields).value("reason").toString(),
             QStringLiteral("invalid:favourite_colour"));
    QJsonObject bad = m_scenario.change(world.volunteer, "session_report", m_scenario.sessionReportFields(world, "x"));
    bad["form_version"] = 99;
    QCOMPARE(m_scenario.push(world.volunteer, QJsonArray{bad})[0].toObject().value("reason").toString(),
             QStringLiteral("invalid:form_version"));
}

void PushEndpointTest::olderFormVersionStillAccepted()
{
    const World world = m_scenario.buildWorld();
    QJsonObject fields = m_scenario.sessionReportFields(world, "Written before the app was updated.");
    fields.remove("concerns"); // required from version 2 on, optional in version 1
    const QJsonArray v1 = m_scenario.push(world.volunteer,
                                          QJsonArray{m_scenario.change(world.volunteer, "session_report", fields, {}, 1)});
    QCOMPARE(v1[0].toObject().value("status").toString(), QStringLiteral("applied"));
    const QJsonArray v2 = m_scenario.push(world.volunteer,
                                          QJsonArray{m_scenario.change(world.volunteer, "session_report", fields, {}, 2)});
    QCOMPARE(v2[0].toObject().value("reason").toString(), QStringLiteral("invalid:concerns"));
}

void PushEndpointTest::formRecordsAreAppendOnly()
{
    const World world = m_scenario.buildWorld();
    const QString recordId = Scenario::newId();
    QCOMPARE(m_scenario.pushOne(world.volunteer, "session_report", m_scenario.sessionReportFields(world, "one"), recordId)
                 .value("status")
                 .toString(),
             QStringLiteral("applied"));
    const QJsonObject again =
        m_scenario.pushOne(world.volunteer, "session_report", m_scenario.sessionReportFields(world, "two"), recordId);
    QCOMPARE(again.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(again.value("reason").toString(), QStringLiteral("invalid:record_id"));
    const QJsonArray deleted = m_scenario.push(
        world.volunteer, QJsonArray{m_scenario.change(world.volunteer, "session_report", {}, recordId, 2, "delete")});
    QCOMPARE(deleted[0].toObject().value("reason").toString(), QStringLiteral("invalid:op"));
}

void PushEndpointTest::derivedRecordsCannotBePushed()
{
    for (const char* type : {"alert", "clearance"}) {
        const QJsonObject result = m_scenario.pushOne(m_scenario.practitioner, type, {{"case_id", Scenario::newId()}});
        QCOMPARE(result.value("status").toString(), QStringLiteral("rejected"));
        QCOMPARE(result.value("reason").toString(), QStringLiteral("forbidden"));
    }
}

void PushEndpointTest::mutableRecordsMergeByClock()
{
    const World world = m_scenario.buildWorld();
    // Two edits of the befriended person from one device: the later clock wins field by field,
    // whatever order they arrive in.
    QJsonObject later = m_scenario.change(m_scenario.practitioner, "person",
                                          {{"kind", "family_member"}, {"given_name", "Irina"}, {"phone", "07700 900999"}},
                                          world.person);
    QJsonObject earlier = later;
    earlier["id"] = Scenario::newId();
    QString hlc = later.value("hlc").toString();
    earlier["hlc"] = QStringLiteral("0000000000001") + hlc.mid(13);
    QJsonObject earlierFields = earlier.value("fields").toObject();
    earlierFields["phone"] = "07700 900000";
    earlier["fields"] = earlierFields;
    const QJsonArray results = m_scenario.push(m_scenario.practitioner, QJsonArray{later, earlier});
    QCOMPARE(results[0].toObject().value("status").toString(), QStringLiteral("applied"));
    QCOMPARE(results[1].toObject().value("status").toString(), QStringLiteral("applied"));
    for (const auto& change : ofType(practitionerView(), "person")) {
        if (change.value("record_id").toString() == world.person) {
            QCOMPARE(change.value("fields").toObject().value("phone").toString(), QStringLiteral("07700 900999"));
            QCOMPARE(change.value("fields").toObject().value("family_name").toString(), QStringLiteral("Hughes"));
        }
    }
}

void PushEndpointTest::batchLimit()
{
    QJsonArray tooMany;
    for (int i = 0; i < 501; ++i) {
        tooMany.append(QJsonObject{{"id", Scenario::newId()}});
    }
    const HttpReply reply = m_server.request("POST", "/v1/sync/push", QJsonObject{{"changes", tooMany}},
                                             m_scenario.practitioner.accessToken);
    QCOMPARE(reply.status, 413);
    QCOMPARE(reply.error(), QStringLiteral("too_large"));
}

// Not a pass/fail bound (machines differ): prints the figure the project reports. One push of
// 500 realistic session reports by a matched, vetted volunteer, every gate evaluated per change,
// over TLS on loopback, one SQLite transaction (synchronous=FULL).
void PushEndpointTest::pushOf500SessionReports()
{
    const World world = m_scenario.buildWorld();
    QJsonArray batch;
    for (int i = 0; i < 500; ++i) {
        batch.append(m_scenario.change(world.volunteer, "session_report",
                                       m_scenario.sessionReportFields(world, QStringLiteral("Session %1: talked about the "
                                                                                            "children's school, the next "
                                                                                            "visit and money worries.").arg(i))));
    }
    const QByteArray body = QJsonDocument(QJsonObject{{"changes", batch}}).toJson(QJsonDocument::Compact);
    QElapsedTimer timer;
    timer.start();
    const HttpReply reply = m_server.requestBytes("POST", "/v1/sync/push", body, world.volunteer.accessToken);
    const qint64 ms = timer.elapsed();
    QCOMPARE(reply.status, 200);
    const QJsonArray results = reply.object().value("results").toArray();
    QCOMPARE(results.size(), 500);
    for (const auto& result : results) {
        QCOMPARE(result.toObject().value("status").toString(), QStringLiteral("applied"));
    }
    qInfo("push of 500 session reports: %lld ms, %.0f changes/s (%lld KiB body)", ms,
          500.0 * 1000.0 / double(std::max<qint64>(ms, 1)), qint64(body.size() / 1024));
}

QTEST_GUILESS_MAIN(PushEndpointTest)
#include "pushendpointtest.moc"
