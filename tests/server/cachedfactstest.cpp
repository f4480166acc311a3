// CachedFacts over a real SQLite store: each question reaches the store once per batch, a write
// of a type forgets only what was cached about that type, and creatorOf is never cached.
#include "sync/cachedfacts.h"

#include "storeworld.h"

#include <QtTest>
#include <map>

using namespace fieldbook;
using namespace fieldbook::server;
using namespace fieldbook::testsupport;

namespace {

// The store, counting what it is asked.
class CountingFacts final : public FactSource
{
public:
    explicit CountingFacts(const FactSource& source)
        : m_source(source)
    {
    }

    std::optional<Record> record(std::string_view type, std::string_view id) const override
    {
        ++asked["record"];
        return m_source.record(type, id);
    }
    std::vector<Record> recordsWhere(std::string_view type, std::string_view field,
                                     std::string_view value) const override
    {
        ++asked["where"];
        return m_source.recordsWhere(type, field, value);
    }
    std::optional<User> user(std::string_view userId) const override
    {
        ++asked["user"];
        return m_source.user(userId);
    }
    std::string creatorOf(std::string_view type, std::string_view id) const override
    {
        ++asked["creator"];
        return m_source.creatorOf(type, id);
    }

    mutable std::map<std::string, int> asked;

private:
    const FactSource& m_source;
};

} // namespace

class CachedFactsTest : public QObject
{
    Q_OBJECT

private slots:
    void answersEachQuestionOnce();
    void aWriteForgetsItsTypeOnly();
    void creatorIsAlwaysAsked();
    void absentAnswersAreCachedToo();
};

void CachedFactsTest::answersEachQuestionOnce()
{
    StoreWorld world;
    const StoreCase theCase = world.buildCase();
    CountingFacts counting(world.store());
    const CachedFacts cached(counting);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(cached.record("case", theCase.caseId)->id, theCase.caseId);
        QCOMPARE(cached.recordsWhere("consent", "about", theCase.person).size(), std::size_t{1});
        QCOMPARE(cached.user(world.practitioner.id)->name, world.practitioner.name);
    }
    QCOMPARE(counting.asked["record"], 1);
    QCOMPARE(counting.asked["where"], 1);
    QCOMPARE(counting.asked["user"], 1);
}

void CachedFactsTest::aWriteForgetsItsTypeOnly()
{
    StoreWorld world;
    const StoreCase theCase = world.buildCase();
    CountingFacts counting(world.store());
    CachedFacts cached(counting);
    QCOMPARE(cached.recordsWhere("consent", "about", theCase.person).size(), std::size_t{1});
    QVERIFY(cached.record("case", theCase.caseId));

    // A second consent written in the same batch: later changes must see it.
    QCOMPARE(world
                 .push(world.practitioner, "consent",
                       {{"given_by", theCase.prisoner},
                        {"scope", "contact"},
                        {"about", theCase.person},
                        {"status", "withdrawn"},
                        {"method", "phone"},
                        {"recorded_at", StoreWorld::instant(-60)}})
                 .status,
             PushStatus::Applied);
    QCOMPARE(cached.recordsWhere("consent", "about", theCase.person).size(), std::size_t{1}); // still cached
    cached.noteWritten("consent");
    QCOMPARE(cached.recordsWhere("consent", "about", theCase.person).size(), std::size_t{2});
    QVERIFY(cached.record("case", theCase.caseId));
    QCOMPARE(counting.asked["where"], 2);
    QCOMPARE(counting.asked["record"], 1); // the case was not forgotten
}

void CachedFactsTest::creatorIsAlwaysAsked()
{
    StoreWorld world;
    const StoreCase theCase = world.buildCase();
    CountingFacts counting(world.store());
    const CachedFacts cached(counting);
    QCOMPARE(cached.creatorOf("person", theCase.person), world.practitioner.id);
    QCOMPARE(cached.creatorOf("person", theCase.person), world.practitioner.id);
    QCOMPARE(counting.asked["creator"], 2);
}

void CachedFactsTest::absentAnswersAreCachedToo()
{
    StoreWorld world;
    CountingFacts counting(world.store());
    const CachedFacts cached(counting);
    QVERIFY(!cached.record("case", std::string(32, 'a')));
    QVERIFY(!cached.record("case", std::string(32, 'a')));
    QVERIFY(!cached.user(std::string(32, 'b')));
    QVERIFY(!cached.user(std::string(32, 'b')));
    QCOMPARE(counting.asked["record"], 1);
    QCOMPARE(counting.asked["user"], 1);
}

QTEST_GUILESS_MAIN(CachedFactsTest)
#include "cachedfactstest.moc"
