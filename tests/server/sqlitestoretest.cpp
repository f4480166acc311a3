// SqliteStore, KeyRing and AuthService in process: migrations, sealing at rest, the append-only
// audit log, transactions, lookups, and enrolment codes that expire and work once.
#include "auth/authservice.h"
#include "http/apierror.h"
#include "model/formdefinition.h"
#include "model/ids.h"
#include "store/keyring.h"
#include "store/schema.h"
#include "store/sqlitestore.h"
#include "util/clock.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace fieldbook;
using namespace fieldbook::server;

namespace {

QByteArray fileBytes(const QString& path)
{
    QByteArray all;
    for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
        QFile file(path + suffix);
        if (file.open(QIODevice::ReadOnly)) {
            all += file.readAll();
        }
    }
    return all;
}

StoredRecord sessionReport(const std::string& notes)
{
    StoredRecord stored;
    stored.record.type = "session_report";
    stored.record.id = newId();
    stored.record.author = newId();
    stored.record.hlc = "1700000000000-000001-" + newId();
    stored.record.formVersion = 2;
    stored.record.fields = {{"case_id", newId()}, {"person_id", newId()}, {"occurred_at", "2025-01-01T10:00:00Z"},
                            {"notes", notes}, {"concerns", "none"}};
    stored.caseId = stored.record.text("case_id");
    stored.changeId = newId();
    return stored;
}

StoredRecord noCase(const std::string& type, const std::string& id, boost::json::object fields)
{
    StoredRecord stored;
    stored.record.type = type;
    stored.record.id = id;
    stored.record.author = newId();
    stored.record.hlc = "1700000000000-000001-" + newId();
    stored.record.formVersion = 1;
    stored.record.fields = std::move(fields);
    stored.changeId = newId();
    return stored;
}

} // namespace

class SqliteStoreTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void migrationsSetTheUserVersion();
    void newerDatabaseIsRefused();
    void sealedFieldsNeverReachTheDisk();
    void wrongKeyCannotOpen();
    void auditIsAppendOnly();
    void writeTransactionRollsBack();
    void lookupsFindIndexedAndSealedFields();
    void sequencesOrderThePull();
    void scopedScanSelectsTheReadersPeople();
    void creatorStaysWithTheFirstAuthor();
    void enrolCodesExpireAndWorkOnce();
    void keyFileIsPrivateAndChecked();
    void heldRecordsBecomeFactsWhenReleased();
    void reviewTextIsSealedAndResealed();

private:
    std::unique_ptr<SqliteStore> open(std::shared_ptr<const KeyRing> keys = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<const KeyRing> m_keys;
    QString m_path;
};

void SqliteStoreTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath("store.db");
    m_keys = std::make_shared<const KeyRing>(KeyRing::loadOrCreate(m_dir->filePath("store.db.key").toStdString()));
}

std::unique_ptr<SqliteStore> SqliteStoreTest::open(std::shared_ptr<const KeyRing> keys)
{
    return std::make_unique<SqliteStore>(m_path.toStdString(), keys ? keys : m_keys, FormRegistry::builtin());
}

void SqliteStoreTest::migrationsSetTheUserVersion()
{
    auto store = open();
    QCOMPARE(store->db().userVersion(), kSchemaVersion);
    store.reset();
    auto again = open(); // migrating twice is a no-op
    QCOMPARE(again->db().userVersion(), kSchemaVersion);
    QCOMPARE(again->lastSequence(), std::int64_t(0));
}

void SqliteStoreTest::newerDatabaseIsRefused()
{
    open()->db().setUserVersion(kSchemaVersion + 1);
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, open());
}

void SqliteStoreTest::sealedFieldsNeverReachTheDisk()
{
    auto store = open();
    StoredRecord stored = sessionReport("She said the rent is three months behind");
    store->writeTransaction([&] { store->putRecord(stored); });
    QVERIFY(!fileBytes(m_path).contains("three months behind"));
    QVERIFY(fileBytes(m_path).contains(QByteArray::fromStdString(stored.record.id)));
    const auto back = store->storedRecord("session_report", stored.record.id);
    QVERIFY(back.has_value());
    QCOMPARE(QString::fromStdString(back->record.text("notes")), QStringLiteral("She said the rent is three months behind"));
    QCOMPARE(QString::fromStdString(back->record.text("concerns")), QStringLiteral("none"));
}

void SqliteStoreTest::wrongKeyCannotOpen()
{
    StoredRecord stored = sessionReport("private");
    {
        auto store = open();
        store->writeTransaction([&] { store->putRecord(stored); });
    }
    QTemporaryDir other;
    auto stranger = open(std::make_shared<const KeyRing>(KeyRing::loadOrCreate(other.filePath("k").toStdString())));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, stranger->storedRecord("session_report", stored.record.id));
}

void SqliteStoreTest::auditIsAppendOnly()
{
    auto store = open();
    store->appendAudit(AuditEntry{0, 1000, "push", newId(), newId(), {{"changes", 1}}});
    QCOMPARE(store->auditSince(0, 10).size(), std::size_t(1));
    QVERIFY_THROWS_EXCEPTION(SqliteError, store->db().prepare("UPDATE audit SET action = 'nothing'").run());
    QVERIFY_THROWS_EXCEPTION(SqliteError, store->db().prepare("DELETE FROM audit").run());
    QCOMPARE(store->auditSince(0, 10).front().action, std::string("push"));
}

void SqliteStoreTest::writeTransactionRollsBack()
{
    auto store = open();
    StoredRecord stored = sessionReport("half a batch");
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, store->writeTransaction([&] {
        store->putRecord(stored);
        throw std::runtime_error("crash in the middle of a batch");
    }));
    QVERIFY(!store->storedRecord("session_report", stored.record.id).has_value());
    QCOMPARE(store->lastSequence(), std::int64_t(0));
}

void SqliteStoreTest::lookupsFindIndexedAndSealedFields()
{
    auto store = open();
    const std::string prisoner = newId();
    const std::string named = newId();
    StoredRecord check;
    check.record.type = "protection_check";
    check.record.id = newId();
    check.record.author = newId();
    check.record.hlc = "1700000000000-000001-" + newId();
    check.record.fields = {{"subject", prisoner},
                           {"outcome", "restricted"},
                           {"restrictions", boost::json::array{boost::json::object{{"kind", "named_person"}, {"person_id", named}}}},
                           {"checked_at", "2025-01-01"},
                           {"details", "Harassment order, 2023"}};
    check.changeId = newId();
    StoredRecord quarantined = sessionReport("held back");
    quarantined.state = RecordState::Quarantined;
    store->writeTransaction([&] {
        store->putRecord(check);
        store->putRecord(quarantined);
    });
    QCOMPARE(store->recordsWhere("protection_check", "subject", prisoner).size(), std::size_t(1));
    QCOMPARE(store->recordsWhere("protection_check", "details", "Harassment order, 2023").size(), std::size_t(1));
    QVERIFY(store->recordsWhere("protection_check", "subject", named).empty());
    QVERIFY(!fileBytes(m_path).contains(QByteArray::fromStdString(named))); // sealed restrictions are not indexed
    // Quarantined records are no facts.
    QVERIFY(!store->record("session_report", quarantined.record.id).has_value());
    QVERIFY(store->storedRecord("session_report", quarantined.record.id).has_value());
}

void SqliteStoreTest::sequencesOrderThePull()
{
    auto store = open();
    std::vector<StoredRecord> records;
    store->writeTransaction([&] {
        for (int i = 0; i < 5; ++i) {
            records.push_back(sessionReport("r"));
            store->putRecord(records.back());
        }
        store->addAccessEvent(newId(), records.front().caseId);
    });
    QCOMPARE(store->lastSequence(), std::int64_t(6));
    const auto after = store->recordsAfter(records[1].sequence, ScanFilter{}, 100);
    QCOMPARE(after.size(), std::size_t(3));
    QCOMPARE(after.front().sequence, records[2].sequence);
    // Writing a record again moves it to the end.
    store->writeTransaction([&] { store->putRecord(records.front()); });
    QCOMPARE(store->recordsAfter(records[4].sequence, ScanFilter{}, 100).front().record.id, records.front().record.id);
}

// A case-scoped scan reads the reader's cases, what they wrote, what is addressed to them and the
// records of no case about their people, by index; the same after an upgrade from version 1.
void SqliteStoreTest::scopedScanSelectsTheReadersPeople()
{
    const std::string reader = newId();
    const std::string person = newId();
    const std::string prisoner = newId();
    const std::string stranger = newId();
    std::vector<StoredRecord> wanted{
        noCase("person", person, {{"first_name", "Ann"}}),
        noCase("relationship", newId(), {{"person_id", person}, {"prisoner_id", prisoner}}),
        noCase("consent", newId(), {{"given_by", newId()}, {"about", prisoner}}),
        sessionReport("on the reader's case"),
        noCase("protection_check", newId(), {{"subject", stranger}}),
        noCase("alert", newId(), {{"kind", "quarantined"}})};
    wanted[4].record.author = reader;
    wanted[5].audience = reader;
    std::vector<StoredRecord> unwanted{noCase("person", stranger, {{"first_name", "Bob"}}),
                                       noCase("protection_check", newId(), {{"subject", stranger}}),
                                       sessionReport("on another case")};
    auto store = open();
    store->writeTransaction([&] {
        for (auto& record : unwanted) {
            store->putRecord(record);
        }
        for (auto& record : wanted) {
            store->putRecord(record);
        }
    });
    ScanFilter filter;
    filter.caseIds = std::vector<std::string>{wanted[3].caseId};
    filter.people = std::vector<std::string>{person, prisoner};
    filter.author = reader;
    filter.audience = reader;
    auto idsOf = [](const std::vector<StoredRecord>& records) {
        std::vector<std::string> ids;
        for (const auto& record : records) {
            ids.push_back(record.record.id);
        }
        return ids;
    };
    std::vector<std::string> expected = idsOf(wanted);
    QCOMPARE(idsOf(store->recordsAfter(0, filter, 100)), expected);
    QCOMPARE(idsOf(store->recordsAfter(wanted[1].sequence, filter, 2)),
             (std::vector<std::string>{expected[2], expected[3]}));
    QCOMPARE(store->recordsAfter(0, filter, 100)[3].record.text("notes"),
             std::string("on the reader's case")); // unsealed as before

    // Back to version 1: without record_people (v2), the creators and the id index (v3), the
    // population (v6); the tables of v4 and v5 are made IF NOT EXISTS and stay.
    store->db().execScript("DROP TABLE record_people; DROP TABLE population; DROP INDEX records_id; "
                           "DROP INDEX changes_record; ALTER TABLE records DROP COLUMN created_by");
    store->db().setUserVersion(1);
    store.reset();
    auto upgraded = open();
    QCOMPARE(upgraded->db().userVersion(), kSchemaVersion);
    // Version 7: the records rebuilt with an integer row id, every one of them kept.
    {
        Statement rows = upgraded->db().prepare("SELECT count(*), count(DISTINCT rid) FROM records");
        QVERIFY(rows.step());
        QVERIFY(rows.integer(0) > 0);
        QCOMPARE(rows.integer(1), rows.integer(0));
    }
    QCOMPARE(idsOf(upgraded->recordsAfter(0, filter, 100)), expected);
}

// Holding a person starts with recording them (contract 1.2): the creator survives later
// changes by others, a v2 database learns its creators from the change log, and a record id is
// found whatever its type.
void SqliteStoreTest::creatorStaysWithTheFirstAuthor()
{
    auto store = open();
    StoredRecord person = noCase("person", newId(), {{"kind", "carer"}, {"given_name", "Sam"}});
    const std::string recorder = person.record.author;
    store->writeTransaction([&] {
        store->putRecord(person);
        store->logChange(ChangeLogEntry{person.changeId, newId(), recorder, "person", person.record.id, "applied", "",
                                        person.sequence, 1});
        person.record.author = newId();
        person.changeId = newId();
        store->putRecord(person);
        store->logChange(ChangeLogEntry{person.changeId, newId(), person.record.author, "person", person.record.id,
                                        "applied", "", person.sequence, 2});
    });
    QCOMPARE(store->creatorOf("person", person.record.id), recorder);
    QCOMPARE(store->creatorOf("person", newId()), std::string());
    QCOMPARE(store->recordTypesOf(person.record.id), std::vector<std::string>{"person"});
    QVERIFY(store->recordTypesOf(newId()).empty());
    QCOMPARE(store->changeOutcome(person.changeId)->author, person.record.author);

    store->db().execScript("DROP INDEX records_id; DROP INDEX changes_record; ALTER TABLE records DROP COLUMN created_by");
    store->db().setUserVersion(2);
    store.reset();
    auto upgraded = open();
    QCOMPARE(upgraded->db().userVersion(), kSchemaVersion);
    QCOMPARE(upgraded->creatorOf("person", person.record.id), recorder);
}

void SqliteStoreTest::enrolCodesExpireAndWorkOnce()
{
    auto store = open();
    const User user{newId(), "Pat", RoleSet{Role::Practitioner}, ""};
    store->addUser(user, 0);
    const AuthService auth;
    const std::int64_t now = nowSeconds();
    const std::string old = auth.issueEnrolCode(*store, user.id, now - 73 * 3600);
    const std::string key = "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=";
    try {
        auth.enrol(*store, old, "phone", key, now);
        QFAIL("an expired code was accepted");
    } catch (const ApiException& e) {
        QCOMPARE(int(e.error()), int(ApiError::CodeInvalid));
    }
    const std::string fresh = auth.issueEnrolCode(*store, user.id, now);
    const auto enrolment = auth.enrol(*store, fresh, "phone", key, now);
    QCOMPARE(QString::fromStdString(enrolment.userId), QString::fromStdString(user.id));
    QVERIFY_THROWS_EXCEPTION(ApiException, auth.enrol(*store, fresh, "phone", key, now));
    // Only hashes are stored.
    QVERIFY(!fileBytes(m_path).contains(QByteArray::fromStdString(AuthService::normaliseCode(fresh))));
    QVERIFY(!fileBytes(m_path).contains(QByteArray::fromStdString(enrolment.refreshToken)));
}

void SqliteStoreTest::keyFileIsPrivateAndChecked()
{
    const QString path = m_dir->filePath("store.db.key");
    QFile file(path);
    QCOMPARE(file.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    const KeyRing rotated = m_keys->withNewKey();
    QCOMPARE(rotated.ids().size(), std::size_t(2));
    QVERIFY(rotated.key(m_keys->currentId()) != nullptr);
    QCOMPARE(rotated.currentOnly().ids().size(), std::size_t(1));
    const QString broken = m_dir->filePath("broken.key");
    QFile out(broken);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("abc not a key\n");
    out.close();
    out.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, KeyRing::load(broken.toStdString()));
    out.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, KeyRing::load(path.toStdString() + "-missing"));
}

void SqliteStoreTest::heldRecordsBecomeFactsWhenReleased()
{
    auto store = open();
    StoredRecord held = sessionReport("held back");
    held.state = RecordState::Quarantined;
    store->writeTransaction([&] {
        const std::int64_t sequence = store->putRecord(held);
        store->logChange(ChangeLogEntry{held.changeId, newId(), held.record.author, held.record.type, held.record.id,
                                        "quarantined", "restricted", sequence, 1700000000});
    });
    const auto listed = store->heldRecords(std::nullopt, 10);
    QCOMPARE(listed.size(), std::size_t(1));
    QCOMPARE(listed.front().changeId, held.changeId);
    QCOMPARE(listed.front().reason, std::string("restricted"));
    QCOMPARE(listed.front().receivedAt, std::int64_t(1700000000));
    QCOMPARE(store->heldRecords(std::vector<std::string>{held.caseId}, 10).size(), std::size_t(1));
    QVERIFY(store->heldRecords(std::vector<std::string>{newId()}, 10).empty());
    QVERIFY2(!store->record(held.record.type, held.record.id), "a held record is no fact");

    // Released: applied under a new sequence, a fact from then on, listed no more.
    const std::int64_t before = held.sequence;
    held.state = RecordState::Applied;
    store->writeTransaction([&] {
        store->putRecord(held);
        store->setChangeOutcome(held.changeId, ChangeOutcome{"applied", "", {}});
    });
    QVERIFY(held.sequence > before);
    QVERIFY(store->record(held.record.type, held.record.id));
    QCOMPARE(store->recordsWhere("session_report", "case_id", held.caseId).size(), std::size_t(1));
    QVERIFY(store->heldRecords(std::nullopt, 10).empty());
    QVERIFY(!store->heldRecord(held.changeId));
    QCOMPARE(store->changeOutcome(held.changeId)->status, std::string("applied"));
}

void SqliteStoreTest::reviewTextIsSealedAndResealed()
{
    const std::string note = "Spoke to the prison's Safer Custody team about this.";
    const std::string reason = "Disclosure at the weekend; practitioner unreachable.";
    {
        auto store = open();
        store->addReviewDecision(ReviewDecision{newId(), newId(), "session_report", newId(), newId(),
                                                "keep_held", note, 1700000000});
        store->addBreakGlassGrant(BreakGlassGrant{newId(), newId(), newId(), reason, 1700000000,
                                                  1700014400, std::nullopt});
    }
    QVERIFY(!fileBytes(m_path).contains(QByteArray::fromStdString(note)));
    QVERIFY(!fileBytes(m_path).contains(QByteArray::fromStdString(reason)));

    // After a key rotation both still open, with the new key only.
    const auto rotated = std::make_shared<const KeyRing>(m_keys->withNewKey());
    {
        auto store = open(rotated);
        store->resealAll();
    }
    auto store = open(std::make_shared<const KeyRing>(rotated->currentOnly()));
    auto decisions = store->db().prepare("SELECT id FROM review_decisions");
    QVERIFY(decisions.step());
    QCOMPARE(store->reviewDecision(decisions.text(0))->note, note);
    auto grants = store->db().prepare("SELECT id, officer FROM break_glass_grants");
    QVERIFY(grants.step());
    const auto open = store->openBreakGlassGrants(grants.text(1));
    QCOMPARE(open.size(), std::size_t(1));
    QCOMPARE(open.front().reason, reason);
    store->closeBreakGlassGrant(open.front().id, 1700014401);
    QVERIFY(store->openBreakGlassGrants(grants.text(1)).empty());
    QCOMPARE(*store->breakGlassGrant(open.front().id)->closedAt, std::int64_t(1700014401));
}

QTEST_GUILESS_MAIN(SqliteStoreTest)
#include "sqlitestoretest.moc"
