// WriteQueue over a real SqliteStore: what a job writes is committed before its caller returns,
// a job that throws leaves nothing behind while the rest of its group is kept, and jobs from many
// threads at once all land, each sequence issued once.
#include "store/writequeue.h"

#include "model/formdefinition.h"
#include "store/keyring.h"

#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace fieldbook;
using namespace fieldbook::server;

class WriteQueueTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void committedBeforeTheCallerReturns();
    void aFailingJobLeavesNothingAndSparesTheOthers();
    void jobsFromManyThreadsAllLand();

private:
    std::unique_ptr<SqliteStore> open() const
    {
        return std::make_unique<SqliteStore>(m_path, m_keys, FormRegistry::builtin());
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::string m_path;
    std::shared_ptr<const KeyRing> m_keys;
};

void WriteQueueTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath("store.db").toStdString();
    m_keys = std::make_shared<const KeyRing>(KeyRing::loadOrCreate(m_path + ".key"));
}

void WriteQueueTest::committedBeforeTheCallerReturns()
{
    WriteQueue queue(open());
    queue.run([](Store& store) { store.setSetting("answered", "after the commit"); });
    // Another connection sees it: it is in the database, not in the writer's open transaction.
    QCOMPARE(open()->setting("answered").value_or(""), std::string("after the commit"));
}

void WriteQueueTest::aFailingJobLeavesNothingAndSparesTheOthers()
{
    WriteQueue queue(open());
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, queue.run([](Store& store) {
        store.setSetting("half", "written");
        throw std::runtime_error("the job fails half way");
    }));
    queue.run([](Store& store) { store.setSetting("whole", "written"); });
    auto reader = open();
    QVERIFY(!reader->setting("half").has_value());
    QCOMPARE(reader->setting("whole").value_or(""), std::string("written"));
}

void WriteQueueTest::jobsFromManyThreadsAllLand()
{
    WriteQueue queue(open(), 4);
    constexpr int kThreads = 8;
    constexpr int kJobs = 25;
    std::atomic<int> failures = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int j = 0; j < kJobs; ++j) {
                const std::string key = std::to_string(t) + "/" + std::to_string(j);
                try {
                    // Every third job fails after writing: none of those may be kept.
                    queue.run([&](Store& store) {
                        store.setSetting(key, "kept");
                        if (j % 3 == 0) {
                            throw std::runtime_error("refused");
                        }
                    });
                } catch (const std::runtime_error&) {
                    ++failures;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    QCOMPARE(failures.load(), kThreads * ((kJobs + 2) / 3));
    auto reader = open();
    for (int t = 0; t < kThreads; ++t) {
        for (int j = 0; j < kJobs; ++j) {
            const std::string key = std::to_string(t) + "/" + std::to_string(j);
            QCOMPARE(reader->setting(key).has_value(), j % 3 != 0);
        }
    }
}

QTEST_GUILESS_MAIN(WriteQueueTest)
#include "writequeuetest.moc"
