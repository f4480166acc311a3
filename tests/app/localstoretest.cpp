// The phone's encrypted store: PIN unlock and wipe, encryption at rest (the raw file never holds a
// personal string), record + outbox in one transaction (a child process killed mid-write leaves
// both or neither), push results, pulled pages and removals, drafts.
#include "storefixture.h"

#include "net/serverclock.h"
#include "storage/sqlitedb.h"
#include "rules/writerules.h"
#include "store/localstore.h"
#include "store/schema.h"
#include "sync/hlc.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include <csignal>
#include <cstdio>

using namespace fieldbook;
using namespace fieldbook::app;

namespace {

const char* const kCanary = "Irina-said-CANARY-7f3a about the visit";

Change sessionReport(const std::string& notes)
{
    Change change;
    change.recordType = "session_report";
    change.formVersion = 2;
    change.fields = {{"case_id", fixture::kCase},
                     {"person_id", fixture::kIrina},
                     {"occurred_at", "2024-02-01T10:00:00Z"},
                     {"duration_minutes", 45},
                     {"concerns", "none"},
                     {"notes", notes}};
    return change;
}

QByteArray rawFiles(const std::string& path)
{
    QByteArray all;
    for (const char* suffix : {"", "-wal", "-journal"}) {
        QFile file(QString::fromStdString(path) + QLatin1String(suffix));
        if (file.open(QIODevice::ReadOnly)) {
            all += file.readAll();
        }
    }
    return all;
}

int countRows(SqliteDb& db, const char* sql)
{
    Statement statement = db.prepare(sql);
    statement.step();
    return static_cast<int>(statement.integer(0));
}

// The child of crashWhileWritingLosesNothing: writes one record (and its outbox entry) per
// transaction, forever, printing how many have committed; the parent kills it with SIGKILL.
int crashChild(const QByteArray& path)
{
    LocalStore store(path.toStdString(), fixture::fastKdf());
    if (store.unlock("1234") != LocalStore::UnlockResult::Unlocked) {
        return 3;
    }
    for (int i = 1;; ++i) {
        store.recordLocalChange(sessionReport("note " + std::to_string(i)));
        std::printf("committed %d\n", i);
        std::fflush(stdout);
    }
}

} // namespace

class LocalStoreTest : public QObject
{
    Q_OBJECT

private slots:
    void unlocksWithTheRightPin()
    {
        fixture::Store f;
        const Change saved = f.store->recordLocalChange(sessionReport("hello"));
        f.store->lock();
        QVERIFY(!f.store->unlocked());
        QVERIFY(!f.store->identity());
        QVERIFY(f.store->facts().record("session_report", saved.recordId) == std::nullopt);
        QCOMPARE(f.store->unlock("1234"), LocalStore::UnlockResult::Unlocked);
        const auto record = f.store->record("session_report", saved.recordId);
        QVERIFY(record);
        QCOMPARE(record->text("notes"), std::string("hello"));
        QCOMPARE(f.store->identity()->refreshToken, std::string("refresh-secret"));
    }

    void wrongPinFailsAndTooManyWipe()
    {
        fixture::Store f;
        f.store->recordLocalChange(sessionReport("kept until wiped"));
        f.store->lock();
        for (int attempt = 1; attempt < LocalStore::kMaxPinAttempts; ++attempt) {
            QCOMPARE(f.store->unlock("0000"), LocalStore::UnlockResult::WrongPin);
            QCOMPARE(f.store->attemptsLeft(), LocalStore::kMaxPinAttempts - attempt);
        }
        QCOMPARE(f.store->unlock("0000"), LocalStore::UnlockResult::Wiped);
        QVERIFY(!f.store->hasPin());
        QVERIFY(!f.store->enrolled());
        QCOMPARE(countRows(f.store->database(), "SELECT COUNT(*) FROM records"), 0);
        QCOMPARE(countRows(f.store->database(), "SELECT COUNT(*) FROM outbox"), 0);
    }

    void rightPinResetsTheCount()
    {
        fixture::Store f;
        f.store->lock();
        QCOMPARE(f.store->unlock("1111"), LocalStore::UnlockResult::WrongPin);
        QCOMPARE(f.store->unlock("1234"), LocalStore::UnlockResult::Unlocked);
        QCOMPARE(f.store->attemptsLeft(), LocalStore::kMaxPinAttempts);
    }

    void changePinKeepsTheData()
    {
        fixture::Store f;
        const Change saved = f.store->recordLocalChange(sessionReport("still here"));
        f.store->changePin("987654");
        f.store->lock();
        QCOMPARE(f.store->unlock("1234"), LocalStore::UnlockResult::WrongPin);
        QCOMPARE(f.store->unlock("987654"), LocalStore::UnlockResult::Unlocked);
        QVERIFY(f.store->record("session_report", saved.recordId));
    }

    void nothingPersonalInTheRawFile()
    {
        fixture::Store f;
        f.store->applyPulled(fixture::clearedCase(), "cursor-1");
        f.store->recordLocalChange(sessionReport(kCanary));
        f.store->saveDraft("draft-1", "session_report", fixture::kCase, {{"notes", kCanary}});
        const QByteArray raw = rawFiles(f.path());
        QVERIFY(raw.size() > 1000);
        QVERIFY2(!raw.contains(kCanary), "a note is readable in the database file");
        QVERIFY2(!raw.contains("CANARY"), "part of a note is readable in the database file");
        QVERIFY2(!raw.contains("Irina"), "a name is readable in the database file");
        QVERIFY2(!raw.contains("Nowak"), "a family name is readable in the database file");
        QVERIFY2(!raw.contains("refresh-secret"), "the refresh token is readable in the database file");
        // Opened again, everything is readable with the PIN.
        f.store->lock();
        QCOMPARE(f.store->unlock("1234"), LocalStore::UnlockResult::Unlocked);
        QCOMPARE(f.store->draft("draft-1")->at("notes").as_string(), boost::json::string(kCanary));
    }

    void tamperedRecordIsRefused()
    {
        fixture::Store f;
        const Change saved = f.store->recordLocalChange(sessionReport("x"));
        // Swap two records' sealed blobs: the record id is bound into each blob, so neither opens.
        const Change other = f.store->recordLocalChange(sessionReport("y"));
        f.store->database().execScript(
            "UPDATE records SET sealed = (SELECT sealed FROM records WHERE record_type = 'session_report' "
            "ORDER BY record_id DESC LIMIT 1) WHERE record_type = 'session_report'");
        f.store->lock();
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, f.store->unlock("1234"));
        Q_UNUSED(saved);
        Q_UNUSED(other);
    }

    void recordAndOutboxTogether()
    {
        fixture::Store f;
        const Change saved = f.store->recordLocalChange(sessionReport("n"));
        QCOMPARE(saved.id.size(), std::size_t(32));
        QCOMPARE(saved.recordId.size(), std::size_t(32));
        QVERIFY(saved.hlc.find(fixture::kDevice) != std::string::npos);
        const auto waiting = f.store->waitingChanges(10);
        QCOMPARE(waiting.size(), std::size_t(1));
        QCOMPARE(waiting[0].change.id, saved.id);
        QCOMPARE(waiting[0].change.fields.at("notes").as_string(), boost::json::string("n"));
        QCOMPARE(f.store->status("session_report", saved.recordId), RecordStatus::Pending);
        QCOMPARE(f.store->waitingCount(), 1);
    }

    void safeguardingGoesFirst()
    {
        fixture::Store f;
        f.store->recordLocalChange(sessionReport("first written"));
        Change report;
        report.recordType = "safeguarding_report";
        report.fields = {{"urgency", "urgent"}, {"setting", "community"}, {"what_happened", "x"}};
        const Change urgent = f.store->recordLocalChange(report, 0);
        const auto waiting = f.store->waitingChanges(10);
        QCOMPARE(waiting.size(), std::size_t(2));
        QCOMPARE(waiting[0].change.id, urgent.id);
    }

    void pushResultsMoveRecords()
    {
        fixture::Store f;
        f.store->applyPulled(fixture::clearedCase(), "c1");
        const Change applied = f.store->recordLocalChange(sessionReport("a"));
        const Change held = f.store->recordLocalChange(sessionReport("b"));
        const Change refused = f.store->recordLocalChange(sessionReport("c"));
        f.store->applyPushResults({{applied.id, "applied", "", ""},
                                   {held.id, "quarantined", "consent_withdrawn", ""},
                                   {refused.id, "rejected", "forbidden", ""}});
        QCOMPARE(f.store->waitingCount(), 0);
        QCOMPARE(f.store->status("session_report", applied.recordId), RecordStatus::Synced);
        QCOMPARE(f.store->status("session_report", held.recordId), RecordStatus::Quarantined);
        QCOMPARE(f.store->status("session_report", refused.recordId), RecordStatus::Rejected);
        // Quarantined and rejected records are not facts, but stay on the phone and listed.
        QVERIFY(!f.store->facts().record("session_report", held.recordId));
        QVERIFY(f.store->record("session_report", held.recordId));
        const auto problems = f.store->problems();
        QCOMPARE(problems.size(), std::size_t(2));
        QCOMPARE(problems[0].reason, std::string("consent_withdrawn"));
        QCOMPARE(problems[1].state, std::string("rejected"));
        // Kept across a lock.
        f.store->lock();
        QCOMPARE(f.store->unlock("1234"), LocalStore::UnlockResult::Unlocked);
        QCOMPARE(f.store->problems().size(), std::size_t(2));
        // Dealt with: a rejected record goes, a quarantined one stays as held.
        f.store->dismissProblem(refused.id);
        f.store->dismissProblem(held.id);
        QVERIFY(f.store->problems().empty());
        QVERIFY(!f.store->record("session_report", refused.recordId));
        QVERIFY(f.store->record("session_report", held.recordId));
        // Answering again (a resumed push) changes nothing.
        f.store->applyPushResults({{applied.id, "duplicate", "", "applied"}});
        QCOMPARE(f.store->status("session_report", applied.recordId), RecordStatus::Synced);
    }

    // A phone two hours fast stamps a change the server refuses as from the future; once its
    // answers have told the phone the server's time, the change is stamped again (new change id,
    // new clock, same record) and waits to be resent, and a second refusal stands (no loop).
    void clockRefusalIsStampedAgainAndResent()
    {
        fixture::Store f;
        f.store->applyPulled(fixture::clearedCase(), "c1");
        constexpr std::int64_t kServerNow = 1740823200000; // 2025-03-01T10:00:00Z
        constexpr std::int64_t kFast = 2 * 3600 * 1000;
        std::int64_t phone = kServerNow + kFast;
        ServerClock clock;
        clock.setPhoneClock([&phone] { return phone; });
        f.store->setClock(&clock);
        const Change first = f.store->recordLocalChange(sessionReport("clock"));
        QCOMPARE(HlcStamp::parse(first.hlc)->millis, kServerNow + kFast);

        clock.learn(kServerNow, phone); // the refusal's own answer carries the server's Date
        f.store->applyPushResults({{first.id, "rejected", "invalid:hlc", ""}});
        QVERIFY(f.store->problems().empty());
        QCOMPARE(f.store->status("session_report", first.recordId), RecordStatus::Pending);
        const auto waiting = f.store->waitingChanges(10);
        QCOMPARE(waiting.size(), std::size_t(1));
        const Change& again = waiting.front().change;
        QVERIFY(again.id != first.id);
        QCOMPARE(again.recordId, first.recordId);
        QCOMPARE(again.fields.at("notes"), first.fields.at("notes"));
        const auto stamp = HlcStamp::parse(again.hlc);
        QVERIFY(stamp);
        QVERIFY(stamp->millis <= kServerNow + kClockAheadMillis);
        QCOMPARE(f.store->record("session_report", first.recordId)->hlc, again.hlc);
        // New local writes are stamped with the corrected time too.
        const Change next = f.store->recordLocalChange(sessionReport("after"));
        QVERIFY(HlcStamp::parse(next.hlc)->millis < kServerNow + kClockAheadMillis);
        QVERIFY(next.hlc > again.hlc);

        // Refused again although the corrected clock agrees: it stays refused, for a person to see.
        f.store->applyPushResults({{again.id, "rejected", "invalid:hlc", ""}});
        QCOMPARE(f.store->problems().size(), std::size_t(1));
        QCOMPARE(f.store->status("session_report", first.recordId), RecordStatus::Rejected);
        f.store->setClock(nullptr);
    }

    void duplicateStandsForTheFirstAnswer_data()
    {
        QTest::addColumn<QString>("was");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("problems");
        QTest::newRow("first push applied") << "applied" << "" << int(RecordStatus::Synced) << 0;
        QTest::newRow("first push quarantined")
            << "quarantined" << "consent_withdrawn" << int(RecordStatus::Quarantined) << 1;
    }

    // A push whose reply was lost is answered `duplicate` on retry: the phone must end where the
    // first answer would have left it, a held-back record still held back and listed with its reason.
    void duplicateStandsForTheFirstAnswer()
    {
        QFETCH(QString, was);
        QFETCH(QString, reason);
        QFETCH(int, status);
        QFETCH(int, problems);
        fixture::Store f;
        f.store->applyPulled(fixture::clearedCase(), "c1");
        const Change report = f.store->recordLocalChange(sessionReport("lost reply"));
        f.store->applyPushResults({{report.id, "duplicate", reason.toStdString(), was.toStdString()}});
        QCOMPARE(f.store->waitingCount(), 0);
        QCOMPARE(int(f.store->status("session_report", report.recordId)), status);
        const auto listed = f.store->problems();
        QCOMPARE(int(listed.size()), problems);
        if (problems > 0) {
            QCOMPARE(listed.front().state, std::string("quarantined"));
            QCOMPARE(listed.front().reason, reason.toStdString());
        }
    }

    // A safeguarding officer released a held record: the server re-files it as applied and the
    // author's next pull carries it with its own change id. The phone then holds it as synced,
    // a fact, and no longer lists it as held; another held record stays held.
    void releasedRecordIsHeldNoLonger()
    {
        fixture::Store f;
        f.store->applyPulled(fixture::clearedCase(), "c1");
        const Change released = f.store->recordLocalChange(sessionReport("held, then released"));
        const Change stillHeld = f.store->recordLocalChange(sessionReport("held"));
        f.store->applyPushResults({{released.id, "quarantined", "restricted", ""},
                                   {stillHeld.id, "quarantined", "restricted", ""}});
        QCOMPARE(f.store->problems().size(), std::size_t(2));

        Change pulled = released;
        pulled.author = "b0000000000000000000000000000001";
        f.store->applyPulled({pulled}, "c2");
        QCOMPARE(f.store->status("session_report", released.recordId), RecordStatus::Synced);
        QVERIFY(f.store->facts().record("session_report", released.recordId));
        const auto problems = f.store->problems();
        QCOMPARE(problems.size(), std::size_t(1));
        QCOMPARE(problems.front().change.id, stillHeld.id);
        QCOMPARE(f.store->status("session_report", stillHeld.recordId), RecordStatus::Quarantined);
        QVERIFY(!f.store->facts().record("session_report", stillHeld.recordId));
        // Kept across a lock (read back from the database, not the cache).
        f.store->lock();
        QCOMPARE(f.store->unlock("1234"), LocalStore::UnlockResult::Unlocked);
        QCOMPARE(f.store->status("session_report", released.recordId), RecordStatus::Synced);
        QCOMPARE(f.store->problems().size(), std::size_t(1));
    }

    void pulledPagesMergeAndRemove()
    {
        fixture::Store f;
        const auto page = fixture::clearedCase();
        f.store->applyPulled(page, "c1");
        QCOMPARE(f.store->pullCursor(), std::string("c1"));
        QCOMPARE(f.store->recordsOfType("person").size(), std::size_t(2));
        // The same page again (an interrupted pull resumed) holds the same state.
        f.store->applyPulled(page, "c1");
        QCOMPARE(f.store->recordsOfType("person").size(), std::size_t(2));
        // A later change to a mutable record merges field by field.
        f.store->applyPulled({fixture::pulled("person", fixture::kIrina, {{"how_to_reach", "phone after 6pm"}}, 900000)},
                             "c2");
        const auto irina = f.store->record("person", fixture::kIrina);
        QCOMPARE(irina->text("given_name"), std::string("Irina"));
        QCOMPARE(irina->text("how_to_reach"), std::string("phone after 6pm"));
        // The server removes the case from this phone: the case and what belongs to it go,
        // except this phone's own unsent record.
        f.store->applyPulled({fixture::pulled("session_report", "f0000000000000000000000000000001",
                                              {{"case_id", fixture::kCase}, {"person_id", fixture::kIrina},
                                               {"occurred_at", "2024-02-01T10:00:00Z"}})},
                             "c3");
        const Change mine = f.store->recordLocalChange(sessionReport("unsent"));
        Change removal = fixture::pulled("case", fixture::kCase, {}, 900001);
        removal.op = "delete";
        f.store->applyPulled({removal}, "c4");
        QVERIFY(!f.store->record("case", fixture::kCase));
        QVERIFY(!f.store->record("match", fixture::kMatch));
        QVERIFY(!f.store->record("session_report", "f0000000000000000000000000000001"));
        QVERIFY(f.store->record("session_report", mine.recordId));
        QCOMPARE(f.store->pullCursor(), std::string("c4"));
        // And after reopening, the same.
        f.store->lock();
        QCOMPARE(f.store->unlock("1234"), LocalStore::UnlockResult::Unlocked);
        QVERIFY(!f.store->record("case", fixture::kCase));
        QVERIFY(f.store->record("session_report", mine.recordId));
    }

    void lostAnswersAreNotedFieldByField()
    {
        fixture::Store f;
        f.store->applyPulled(fixture::clearedCase(), "c1");
        // This phone changes two fields of Irina offline.
        Change edit;
        edit.recordType = "person";
        edit.recordId = fixture::kIrina;
        edit.formVersion = 1;
        edit.fields = {{"how_to_reach", "mornings"}, {"family_name", "Nowak-Lis"}};
        f.store->recordLocalChange(edit);
        // Its own change back from the server (same clock) loses nothing.
        const auto held = f.store->record("person", fixture::kIrina);
        Change echo = edit;
        echo.hlc = held->hlc;
        echo.fields = held->fields;
        f.store->applyPulled({echo}, "c2");
        QVERIFY(f.store->lostAnswers("person", fixture::kIrina).empty());
        // A newer change from elsewhere: one field differs (lost), the other carries the same answer.
        Change newer = fixture::pulled("person", fixture::kIrina,
                                       {{"how_to_reach", "evenings"}, {"family_name", "Nowak-Lis"}, {"given_name", "Irina"}});
        newer.hlc = "9000000000000-000001-e0000000000000000000000000000001";
        f.store->applyPulled({newer}, "c3");
        auto lost = f.store->lostAnswers("person", fixture::kIrina);
        QCOMPARE(lost.size(), std::size_t(1));
        QCOMPARE(lost.front().field, std::string("how_to_reach"));
        QCOMPARE(lost.front().mine, boost::json::value("mornings"));
        QCOMPARE(lost.front().kept, boost::json::value("evenings"));
        QCOMPARE(f.store->record("person", fixture::kIrina)->text("how_to_reach"), std::string("evenings"));
        // Kept (sealed) across a lock, and forgotten once the person answers the field again.
        f.store->lock();
        QCOMPARE(f.store->unlock("1234"), LocalStore::UnlockResult::Unlocked);
        QCOMPARE(f.store->lostAnswers("person", fixture::kIrina).size(), std::size_t(1));
        Change again;
        again.recordType = "person";
        again.recordId = fixture::kIrina;
        again.formVersion = 1;
        again.fields = {{"how_to_reach", "any time"}};
        f.store->recordLocalChange(again);
        QVERIFY(f.store->lostAnswers("person", fixture::kIrina).empty());
        // A newer change from elsewhere to a field this phone never wrote is no loss.
        Change other = fixture::pulled("person", fixture::kPrisoner, {{"given_name", "Marek J."}});
        other.hlc = "9000000000000-000002-e0000000000000000000000000000001";
        f.store->applyPulled({other}, "c4");
        QVERIFY(f.store->lostAnswers("person", fixture::kPrisoner).empty());
    }

    void draftsAreKeptAndDropped()
    {
        fixture::Store f;
        QVERIFY(!f.store->draft("k"));
        f.store->saveDraft("k", "session_report", fixture::kCase, {{"notes", "typing"}});
        f.store->saveDraft("k", "session_report", fixture::kCase, {{"notes", "typing more"}});
        QCOMPARE(f.store->draftCount(), 1);
        QCOMPARE(f.store->draft("k")->at("notes").as_string(), boost::json::string("typing more"));
        f.store->deleteDraft("k");
        QCOMPARE(f.store->draftCount(), 0);
    }

    void crashWhileWritingLosesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("crash.db");
        {
            LocalStore store(path.toStdString(), fixture::fastKdf());
            store.initialise("1234");
            Identity identity;
            identity.deviceId = fixture::kDevice;
            identity.user.id = fixture::kVolunteer;
            store.saveIdentity(identity);
        }
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FIELDBOOK_CRASH_CHILD_DB"), path);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        int lastSeen = 0;
        static const QRegularExpression line(QStringLiteral("committed (\\d+)"));
        QElapsedTimer timer;
        timer.start();
        while (lastSeen < 150 && timer.elapsed() < 60000) {
            child.waitForReadyRead(1000);
            const QString out = QString::fromUtf8(child.readAllStandardOutput());
            auto matches = line.globalMatch(out);
            while (matches.hasNext()) {
                lastSeen = matches.next().captured(1).toInt();
            }
        }
        QVERIFY2(lastSeen >= 150, "the child did not write");
        ::kill(static_cast<pid_t>(child.processId()), SIGKILL); // mid-write, no clean shutdown
        QVERIFY(child.waitForFinished(10000));
        lastSeen = std::max(lastSeen, 0);

        LocalStore reopened(path.toStdString(), fixture::fastKdf());
        QCOMPARE(reopened.unlock("1234"), LocalStore::UnlockResult::Unlocked);
        const auto records = reopened.recordsOfType("session_report");
        const auto waiting = reopened.waitingChanges(100000);
        // Everything the child was told had committed is there, and every record has its change.
        QVERIFY2(static_cast<int>(records.size()) >= lastSeen,
                 qPrintable(QStringLiteral("%1 records, %2 committed").arg(records.size()).arg(lastSeen)));
        QCOMPARE(waiting.size(), records.size());
        for (const OutboxEntry& entry : waiting) {
            const auto record = reopened.record("session_report", entry.change.recordId);
            QVERIFY(record);
            QCOMPARE(record->fields, entry.change.fields);
        }
    }
};

int main(int argc, char* argv[])
{
    const QByteArray child = qgetenv("FIELDBOOK_CRASH_CHILD_DB");
    if (!child.isEmpty()) {
        return crashChild(child);
    }
    QCoreApplication app(argc, argv);
    LocalStoreTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "localstoretest.moc"
