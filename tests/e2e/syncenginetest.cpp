// The app's sync client against the real server on port 0, with the demo data: a first sync brings
// each role its caseload; offline edits on several devices meet; an interrupted push or pull
// resumes without losing or duplicating anything; a gate that closes while a device is offline
// ends with the record quarantined and shown, not lost; a revoked device is told so; the refresh
// token the server rotates on each use is stored.
#include "devicefixture.h"

#include "models/casestatus.h"
#include "sync/changecodec.h"
#include "sync/hlc.h"

#include <boost/json/serialize.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QtTest>

using namespace fieldbook;
using namespace fieldbook::app;
using e2e::Device;

namespace {

std::string field(const Record& record, const char* name)
{
    return record.text(name);
}

int countOf(const LocalStore& store, const std::string& type, const std::string& caseId)
{
    int n = 0;
    for (const Record& record : store.recordsOfCase(caseId)) {
        n += record.type == type ? 1 : 0;
    }
    return n;
}

} // namespace

class SyncEngineTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testsupport::TestServer> m_server;
    QJsonObject m_seed;
    QString m_befrienderId;
    QString m_practitionerId;

    // Irina's case, as the befriender's phone knows it after a sync.
    struct Match
    {
        std::string caseId;
        std::string personId;
    };
    Match clearedMatch(const Device& phone)
    {
        for (const Record& clearance : phone.store->recordsOfType("clearance")) {
            const auto* cleared = clearance.fields.if_contains("cleared");
            if (cleared && cleared->is_bool() && cleared->get_bool()) {
                return {clearance.text("case_id"), clearance.text("person_id")};
            }
        }
        return {};
    }

private slots:
    void init()
    {
        m_server = std::make_unique<testsupport::TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_seed = e2e::seedDemo(*m_server);
        m_befrienderId = e2e::demoUser(m_seed, QStringLiteral("befriender")).value(QLatin1String("user_id")).toString();
        m_practitionerId = e2e::demoUser(m_seed, QStringLiteral("practitioner")).value(QLatin1String("user_id")).toString();
        QVERIFY(!m_befrienderId.isEmpty());
        QVERIFY(!m_practitionerId.isEmpty());
    }

    void cleanup() { m_server.reset(); }

    void firstSyncBringsEachRoleItsCaseload()
    {
        Device befriender(*m_server, m_befrienderId, {Role::Befriender});
        const SyncOutcome outcome = befriender.sync();
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        QVERIFY(outcome.pulled > 0);
        const auto matches = befriender.store->recordsOfType("match");
        QCOMPARE(matches.size(), std::size_t(2));
        QVERIFY(befriender.store->recordsOfType("protection_check").empty());
        QVERIFY(befriender.store->recordsOfType("vetting").empty());
        // One case cleared, one not: the phone says which in plain words.
        int cleared = 0;
        int notCleared = 0;
        User me;
        me.id = m_befrienderId.toStdString();
        me.roles = {Role::Befriender};
        for (const Record& match : matches) {
            const ContactClearance status =
                contactClearance(*befriender.store, me, match.text("case_id"), match.text("person_id"), todayUtc());
            QVERIFY(status.known);
            (status.cleared ? cleared : notCleared) += 1;
            if (!status.cleared) {
                // The server's code, in the core's one wording.
                QVERIFY2(status.reasonCode.startsWith(QStringLiteral("consent_")), qPrintable(status.reasonCode));
                QCOMPARE(status.sentence, reasonText(status.reasonCode.toStdString()));
            }
        }
        QCOMPARE(cleared, 1);
        QCOMPARE(notCleared, 1);

        Device practitioner(*m_server, m_practitionerId, {Role::Practitioner});
        QVERIFY(practitioner.sync().ok);
        // The family's three cases, the three through-the-gate mentoring cases and the three
        // referrals for volunteers (Leo's play, Alan's visits, Aisha's befriending).
        QCOMPARE(practitioner.store->recordsOfType("case").size(), std::size_t(9));
        QVERIFY(!practitioner.store->recordsOfType("protection_check").empty());
    }

    void offlineEditsOnTwoDevicesMeet()
    {
        Device befriender(*m_server, m_befrienderId, {Role::Befriender});
        Device office(*m_server, m_practitionerId, {Role::Practitioner});
        Device laptop(*m_server, m_practitionerId, {Role::Practitioner});
        QVERIFY(befriender.sync().ok);
        QVERIFY(office.sync().ok);
        QVERIFY(laptop.sync().ok);
        const Match irina = clearedMatch(befriender);
        QVERIFY(!irina.caseId.empty());

        // Offline, all three write: a session report, and two different fields of the same person.
        const Change session = befriender.write("session_report",
                                                e2e::sessionReport(irina.caseId, irina.personId, "Met on the bus home"));
        office.write("person", {{"how_to_reach", "Landline in the evening"}}, irina.personId);
        laptop.write("person", {{"preferred_language", "Polish"}}, irina.personId);

        for (Device* phone : {&befriender, &office, &laptop, &befriender, &office, &laptop}) {
            const SyncOutcome outcome = phone->sync();
            QVERIFY2(outcome.ok, qPrintable(outcome.message));
            QCOMPARE(outcome.quarantined + outcome.rejected, 0);
        }
        for (Device* phone : {&office, &laptop}) {
            const auto report = phone->store->record("session_report", session.recordId);
            QVERIFY(report);
            QCOMPARE(field(*report, "notes"), std::string("Met on the bus home"));
            const auto person = phone->store->record("person", irina.personId);
            QCOMPARE(field(*person, "how_to_reach"), std::string("Landline in the evening"));
            QCOMPARE(field(*person, "preferred_language"), std::string("Polish"));
            QCOMPARE(field(*person, "given_name"), std::string("Irina"));
        }
        QCOMPARE(befriender.store->status("session_report", session.recordId), RecordStatus::Synced);
        QCOMPARE(befriender.store->waitingCount(), 0);
    }

    void interruptedPushResumesWithoutDuplicates()
    {
        Device befriender(*m_server, m_befrienderId, {Role::Befriender});
        QVERIFY(befriender.sync().ok);
        const Match irina = clearedMatch(befriender);
        const int before = countOf(*befriender.store, "session_report", irina.caseId);
        for (int i = 0; i < 12; ++i) {
            befriender.write("session_report", e2e::sessionReport(irina.caseId, irina.personId, "note " + std::to_string(i)));
        }
        // The server got the first five but the answer never reached the phone.
        QJsonArray firstFive;
        for (const OutboxEntry& entry : befriender.store->waitingChanges(5)) {
            firstFive.append(QJsonDocument::fromJson(QByteArray::fromStdString(
                                                         boost::json::serialize(encodeChange(entry.change))))
                                 .object());
        }
        const testsupport::TestDevice token = m_server->enrolDevice(m_befrienderId);
        const auto reply = m_server->request("POST", QStringLiteral("/v1/sync/push"),
                                             QJsonObject{{QStringLiteral("changes"), firstFive}}, token.accessToken);
        QCOMPARE(reply.status, 200);

        // Then the server dies after the phone's first batch of three.
        befriender.engine->setBatchSizes(3, 200);
        int sends = 0;
        const auto killer = connect(befriender.engine.get(), &SyncEngine::progress, this,
                                    [&](double, const QString& stage) {
                                        if (stage.startsWith(QStringLiteral("Sending")) && ++sends == 2) {
                                            m_server->kill();
                                        }
                                    });
        const SyncOutcome cut = befriender.sync();
        disconnect(killer);
        QVERIFY(!cut.ok);
        QVERIFY(cut.networkDown);
        QVERIFY(befriender.store->waitingCount() < 12);
        QVERIFY(befriender.store->waitingCount() > 0);

        QVERIFY(m_server->restart());
        befriender.follow(*m_server);
        const SyncOutcome resumed = befriender.sync();
        QVERIFY2(resumed.ok, qPrintable(resumed.message));
        QCOMPARE(befriender.store->waitingCount(), 0);
        QVERIFY(befriender.store->problems().empty());
        QCOMPARE(countOf(*befriender.store, "session_report", irina.caseId), before + 12);

        Device practitioner(*m_server, m_practitionerId, {Role::Practitioner});
        QVERIFY(practitioner.sync().ok);
        QCOMPARE(countOf(*practitioner.store, "session_report", irina.caseId), before + 12);
    }

    void interruptedPullResumes()
    {
        Device whole(*m_server, m_practitionerId, {Role::Practitioner});
        QVERIFY(whole.sync().ok);
        Device phone(*m_server, m_practitionerId, {Role::Practitioner});
        phone.engine->setBatchSizes(100, 3);
        int pages = 0;
        const auto killer = connect(phone.engine.get(), &SyncEngine::progress, this, [&](double, const QString& stage) {
            if (stage.startsWith(QStringLiteral("Receiving")) && ++pages == 3) {
                m_server->kill();
            }
        });
        const SyncOutcome cut = phone.sync();
        disconnect(killer);
        QVERIFY(!cut.ok);
        const std::string cursor = phone.store->pullCursor();
        QVERIFY(!cursor.empty());
        QVERIFY(m_server->restart());
        phone.follow(*m_server);
        const SyncOutcome resumed = phone.sync();
        QVERIFY2(resumed.ok, qPrintable(resumed.message));
        for (const char* type : {"person", "case", "consent", "protection_check", "relationship", "match", "session_report"}) {
            QCOMPARE(phone.store->recordsOfType(type).size(), whole.store->recordsOfType(type).size());
        }
    }

    void duplicatePushChangesNothing()
    {
        Device befriender(*m_server, m_befrienderId, {Role::Befriender});
        QVERIFY(befriender.sync().ok);
        const Match irina = clearedMatch(befriender);
        const Change change =
            befriender.write("session_report", e2e::sessionReport(irina.caseId, irina.personId, "once"));
        const QJsonObject encoded =
            QJsonDocument::fromJson(QByteArray::fromStdString(boost::json::serialize(encodeChange(change)))).object();
        const testsupport::TestDevice other = m_server->enrolDevice(m_befrienderId);
        const QJsonObject body{{QStringLiteral("changes"), QJsonArray{encoded}}};
        const auto first = m_server->request("POST", QStringLiteral("/v1/sync/push"), body, other.accessToken);
        const auto second = m_server->request("POST", QStringLiteral("/v1/sync/push"), body, other.accessToken);
        QCOMPARE(first.object().value("results").toArray().at(0).toObject().value("status").toString(),
                 QStringLiteral("applied"));
        QCOMPARE(second.object().value("results").toArray().at(0).toObject().value("status").toString(),
                 QStringLiteral("duplicate"));
        // The phone's own push of it is answered "duplicate" and counts as sent.
        const SyncOutcome outcome = befriender.sync();
        QVERIFY(outcome.ok);
        QCOMPARE(befriender.store->status("session_report", change.recordId), RecordStatus::Synced);
        QCOMPARE(befriender.store->waitingCount(), 0);
    }

    void gateClosingWhileOfflineEndsQuarantinedAndShown()
    {
        Device befriender(*m_server, m_befrienderId, {Role::Befriender});
        Device practitioner(*m_server, m_practitionerId, {Role::Practitioner});
        QVERIFY(befriender.sync().ok);
        QVERIFY(practitioner.sync().ok);
        const Match irina = clearedMatch(befriender);
        const auto link = practitioner.find("relationship", "person_id", irina.personId);
        QVERIFY(link);

        // The prisoner withdraws consent; the practitioner records it and syncs.
        practitioner.write("consent", {{"given_by", link->text("prisoner_id")},
                                       {"scope", "contact"},
                                       {"about", irina.personId},
                                       {"status", "withdrawn"},
                                       {"method", "phone"},
                                       {"recorded_at", QDateTime::currentDateTimeUtc().addSecs(-7200).toString(
                                                           QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")).toStdString()},
                                       {"recorded_by", m_practitionerId.toStdString()}});
        QVERIFY(practitioner.sync().ok);

        // The befriender, offline, still sees the last synced state and records a session.
        User me;
        me.id = m_befrienderId.toStdString();
        me.roles = {Role::Befriender};
        QVERIFY(contactClearance(*befriender.store, me, irina.caseId, irina.personId, todayUtc()).cleared);
        const Change session =
            befriender.write("session_report", e2e::sessionReport(irina.caseId, irina.personId, "Before I knew"));

        const SyncOutcome outcome = befriender.sync();
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        QCOMPARE(outcome.quarantined, 1);
        // Kept on the phone, listed with the reason, and the case now says why it is not cleared.
        QCOMPARE(befriender.store->status("session_report", session.recordId), RecordStatus::Quarantined);
        QVERIFY(befriender.store->record("session_report", session.recordId));
        const auto problems = befriender.store->problems();
        QCOMPARE(problems.size(), std::size_t(1));
        QCOMPARE(problems.front().reason, std::string("consent_withdrawn"));
        const ContactClearance now = contactClearance(*befriender.store, me, irina.caseId, irina.personId, todayUtc());
        QVERIFY(!now.cleared);
        QVERIFY2(now.sentence.contains(QStringLiteral("withdrawn")), qPrintable(now.sentence));
        // A second sync does not send it again and does not forget it.
        QVERIFY(befriender.sync().ok);
        QCOMPARE(befriender.store->problems().size(), std::size_t(1));
    }

    // The phone learns the server's time from every answer. A phone whose clock runs two hours
    // fast stamps with the server's time, and a change already stamped in the future (the clock
    // jumped after the last answer) is stamped again and sent: nothing ends refused.
    void fastPhoneClockLosesNothing()
    {
        Device befriender(*m_server, m_befrienderId, {Role::Befriender});
        QVERIFY(befriender.sync().ok);
        // Every answer of the server carries its Date: the phone knows the server's time.
        QVERIFY(befriender.api.clock().known());
        QVERIFY(std::llabs(befriender.api.clock().offsetMillis()) < 2000);
        const Match cleared = clearedMatch(befriender);
        QVERIFY(!cleared.caseId.empty());

        const std::int64_t fast = 2 * 3600 * 1000;
        befriender.api.clock().setPhoneClock([fast] { return QDateTime::currentMSecsSinceEpoch() + fast; });
        // Stamped before any answer has told the phone that its clock jumped: two hours ahead.
        const Change ahead = befriender.write("session_report",
                                              e2e::sessionReport(cleared.caseId, cleared.personId,
                                                                 "written with a fast clock"));
        QVERIFY(HlcStamp::parse(ahead.hlc)->millis > QDateTime::currentMSecsSinceEpoch() + fast / 2);
        const SyncOutcome outcome = befriender.sync();
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        QCOMPARE(outcome.rejected, 0);
        QVERIFY(befriender.store->problems().empty());
        QCOMPARE(befriender.store->status("session_report", ahead.recordId), RecordStatus::Synced);
        QVERIFY(befriender.api.clock().phoneClockOff());
        QVERIFY(befriender.api.clock().offsetMillis() < -fast + 5000);

        // From now on the phone stamps with the server's time at once.
        const Change next = befriender.write("session_report",
                                             e2e::sessionReport(cleared.caseId, cleared.personId,
                                                                "written after the clock was learnt"));
        QVERIFY(HlcStamp::parse(next.hlc)->millis < QDateTime::currentMSecsSinceEpoch() + 60 * 1000);
        QVERIFY(befriender.sync().ok);
        QCOMPARE(befriender.store->status("session_report", next.recordId), RecordStatus::Synced);
    }

    void revokedDeviceIsToldToWipe()
    {
        Device befriender(*m_server, m_befrienderId, {Role::Befriender});
        QVERIFY(befriender.sync().ok);
        m_server->admin({QStringLiteral("revoke-device"), QStringLiteral("--device"), QString::fromStdString(befriender.deviceId)});
        befriender.engine->resetToken();
        const SyncOutcome outcome = befriender.sync();
        QVERIFY(!outcome.ok);
        QVERIFY(outcome.revoked);
        QCOMPARE(outcome.errorCode, QStringLiteral("device_revoked"));
    }

    void rotatedRefreshTokenIsKept()
    {
        // No grace for a rotated token: a phone that kept sending its first one would be cut off.
        testsupport::TestServer strict({QStringLiteral("--refresh-reuse-grace"), QStringLiteral("0")});
        QVERIFY2(strict.start(), qPrintable(strict.errorString()));
        const QString user = strict.addUser(QStringLiteral("Rota"), {QStringLiteral("befriender")});
        Device phone(strict, user, {Role::Befriender});
        const std::string enrolled = phone.store->identity()->refreshToken;
        QVERIFY(phone.sync().ok);
        const std::string rotated = phone.store->identity()->refreshToken;
        QVERIFY(!rotated.empty());
        QVERIFY(rotated != enrolled);
        QThread::msleep(1100); // the server counts whole seconds: the enrolment's token is now reuse
        phone.engine->resetToken();
        const SyncOutcome again = phone.sync();
        QVERIFY2(again.ok, qPrintable(again.errorCode));
        QVERIFY(phone.store->identity()->refreshToken != rotated);
    }
};

QTEST_GUILESS_MAIN(SyncEngineTest)
#include "syncenginetest.moc"
