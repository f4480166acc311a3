// Three fieldbook-server processes behind one PostgreSQL database, driven at once: a consent
// withdrawal pushed through one process while session reports about the same family member are
// pushed through the other two (the same changes through both, so that each change id races
// itself), and a practitioner pulling incrementally through all three in turn. What must hold:
// no report is applied after the withdrawal was (every applied report has a lower sequence, every
// later one is quarantined), each change id is applied once and answered duplicate once, and the
// incremental pulls see one strictly increasing sequence that misses none of the applied reports.
// PostgreSQL only: skipped without FIELDBOOK_TEST_ENGINE=postgres (CTest runs it as
// pg_multiprocesstest).
#include "scenario.h"
#include "testserver.h"

#include <QJsonArray>
#include <QMutex>
#include <QSet>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <memory>

using namespace fieldbook::testsupport;

namespace {

constexpr int kReports = 40;      // session reports, each pushed through two processes
constexpr int kWithdrawAfter = 12; // reports answered before the withdrawal is pushed

qint64 cursorSequence(const QString& cursor)
{
    bool ok = false;
    const qint64 value = cursor.right(16).toLongLong(&ok, 16);
    return ok ? value : -1;
}

struct PushOutcome
{
    QString changeId;
    QString status;
    QString reason;
};

} // namespace

class MultiProcessTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void gatesHoldAcrossProcesses();

private:
    TestServer m_first;
    TestServer m_second;
    TestServer m_third;
    Scenario m_scenario{m_first};
};

void MultiProcessTest::initTestCase()
{
    if (!TestServer::usesPostgres()) {
        QSKIP("several processes on one database is PostgreSQL's (run as pg_multiprocesstest)");
    }
    QVERIFY2(m_first.start(), qPrintable(m_first.errorString()));
    m_second.shareDatabaseOf(m_first);
    m_third.shareDatabaseOf(m_first);
    QVERIFY2(m_second.start(), qPrintable(m_second.errorString()));
    QVERIFY2(m_third.start(), qPrintable(m_third.errorString()));
    QCOMPARE(m_second.fingerprint(), m_first.fingerprint()); // one state directory, one certificate
    QVERIFY(m_scenario.setUp());
}

void MultiProcessTest::gatesHoldAcrossProcesses()
{
    const World world = m_scenario.buildWorld();
    QCOMPARE(m_scenario.sessionReport(world.volunteer, world).value("status").toString(), QStringLiteral("applied"));

    QJsonArray reports;
    for (int i = 0; i < kReports; ++i) {
        reports.append(m_scenario.change(world.volunteer, "session_report",
                                         m_scenario.sessionReportFields(world, QStringLiteral("Visit %1.").arg(i))));
    }
    const QJsonObject withdrawal = m_scenario.change(m_scenario.practitioner, "consent",
                                                     {{"given_by", world.prisoner},
                                                      {"scope", "contact"},
                                                      {"about", world.person},
                                                      {"status", "withdrawn"},
                                                      {"method", "phone"},
                                                      {"recorded_at", Scenario::instant(-86400)}});

    std::atomic<int> answered{0};
    std::atomic<bool> pushing{true};
    std::atomic<int> failures{0};
    QMutex mutex; // guards what the threads report back
    QList<PushOutcome> fromSecond;
    QList<PushOutcome> fromThird;
    QString withdrawalStatus;
    QList<qint64> cursors;
    QSet<QString> pulledReports;
    QStringList problems;

    auto push = [&](HttpsClient& client, const TestDevice& device, const QJsonObject& change) -> PushOutcome {
        const HttpReply reply =
            client.post(QStringLiteral("/v1/sync/push"), QJsonObject{{"changes", QJsonArray{change}}}, device.accessToken);
        const QJsonObject result = reply.object().value("results").toArray().at(0).toObject();
        if (reply.status != 200) {
            ++failures;
            const QMutexLocker lock(&mutex);
            problems << QStringLiteral("push answered %1: %2").arg(reply.status).arg(QString::fromUtf8(reply.body));
        }
        return {change.value("id").toString(), result.value("status").toString(), result.value("reason").toString()};
    };
    auto reporter = [&](TestServer* server, QList<PushOutcome>* out) {
        return QThread::create([&, server, out] {
            HttpsClient client(server->url(), server->fingerprint());
            for (const auto& value : std::as_const(reports)) {
                const PushOutcome outcome = push(client, world.volunteer, value.toObject());
                ++answered;
                const QMutexLocker lock(&mutex);
                out->append(outcome);
            }
        });
    };
    std::unique_ptr<QThread> second(reporter(&m_second, &fromSecond));
    std::unique_ptr<QThread> third(reporter(&m_third, &fromThird));
    std::unique_ptr<QThread> withdrawer(QThread::create([&] {
        HttpsClient client(m_first.url(), m_first.fingerprint());
        while (answered.load() < kWithdrawAfter) {
            QThread::yieldCurrentThread();
        }
        const PushOutcome outcome = push(client, m_scenario.practitioner, withdrawal);
        const QMutexLocker lock(&mutex);
        withdrawalStatus = outcome.status;
    }));
    std::unique_ptr<QThread> puller(QThread::create([&] {
        std::vector<std::unique_ptr<HttpsClient>> clients;
        for (TestServer* server : {&m_first, &m_second, &m_third}) {
            clients.push_back(std::make_unique<HttpsClient>(server->url(), server->fingerprint()));
        }
        QString cursor;
        std::size_t turn = 0;
        bool last = false;
        for (;;) {
            // One more round after the pushes end, so that the final state is pulled too.
            last = !pushing.load();
            bool more = true;
            while (more) {
                HttpsClient& client = *clients[turn++ % clients.size()];
                const HttpReply reply = client.get(QStringLiteral("/v1/sync/pull?limit=7") +
                                                       (cursor.isEmpty() ? QString() : "&cursor=" + cursor),
                                                   m_scenario.practitioner.accessToken);
                const QMutexLocker lock(&mutex);
                if (reply.status != 200) {
                    problems << QStringLiteral("pull answered %1").arg(reply.status);
                    return;
                }
                const QJsonObject page = reply.object();
                for (const auto& change : page.value("changes").toArray()) {
                    if (change.toObject().value("record_type").toString() == QLatin1String("session_report")) {
                        pulledReports.insert(change.toObject().value("record_id").toString());
                    }
                }
                cursor = page.value("cursor").toString();
                cursors.append(cursorSequence(cursor));
                more = page.value("more").toBool();
            }
            if (last) {
                return;
            }
        }
    }));
    for (QThread* thread : {second.get(), third.get(), withdrawer.get(), puller.get()}) {
        thread->start();
    }
    for (QThread* thread : {second.get(), third.get(), withdrawer.get()}) {
        QVERIFY(thread->wait(QDeadlineTimer(120000)));
    }
    pushing = false;
    QVERIFY(puller->wait(QDeadlineTimer(120000)));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join("; ")));
    QCOMPARE(failures.load(), 0);
    QCOMPARE(withdrawalStatus, QStringLiteral("applied"));

    // Each change id was judged once: one process applied or held it, the other answered duplicate.
    QCOMPARE(fromSecond.size(), kReports);
    QCOMPARE(fromThird.size(), kReports);
    QHash<QString, QStringList> statuses;
    for (const auto& outcome : fromSecond + fromThird) {
        statuses[outcome.changeId].append(outcome.status);
    }
    int applied = 0;
    int held = 0;
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it) {
        QStringList both = it.value();
        both.sort();
        QCOMPARE(both.size(), 2);
        QVERIFY2(both.count("duplicate") == 1, qPrintable(it.key() + ": " + both.join(",")));
        applied += both.count("applied");
        held += both.count("quarantined");
    }
    QCOMPARE(applied + held, kReports);
    QVERIFY2(applied >= kWithdrawAfter / 2, "reports answered before the withdrawal was pushed were applied");

    // The gate, from the database itself: no report applied after the withdrawal.
    const QStringList withdrawalSeq = m_first.pgQuery(
        "SELECT seq FROM records WHERE record_type = 'consent' AND fields LIKE '%\"withdrawn\"%'");
    QCOMPARE(withdrawalSeq.size(), 1);
    const qint64 withdrawnAt = withdrawalSeq.first().toLongLong();
    const QStringList stored = m_first.pgQuery(
        "SELECT seq || ' ' || state || ' ' || record_id FROM records WHERE record_type = 'session_report'");
    QCOMPARE(stored.size(), kReports + 1);
    int appliedInDb = 0;
    QSet<QString> appliedIds;
    for (const QString& row : stored) {
        const QStringList parts = row.split(' ');
        const qint64 seq = parts.at(0).toLongLong();
        if (parts.at(1) == QLatin1String("applied")) {
            ++appliedInDb;
            appliedIds.insert(parts.at(2));
            QVERIFY2(seq < withdrawnAt, qPrintable(QStringLiteral("report applied at %1 after the withdrawal at %2")
                                                       .arg(seq)
                                                       .arg(withdrawnAt)));
        } else {
            QCOMPARE(parts.at(1), QStringLiteral("quarantined"));
            QVERIFY(seq > withdrawnAt);
        }
    }
    QCOMPARE(appliedInDb, applied + 1); // and the one before the race

    // One consistent sequence: cursors never go back, and nothing applied was skipped.
    QVERIFY(cursors.size() > 3);
    for (int i = 1; i < cursors.size(); ++i) {
        QVERIFY2(cursors[i] >= cursors[i - 1], "a pull cursor went back");
    }
    QCOMPARE(cursors.last(), m_first.pgQuery("SELECT value FROM counters WHERE name = 'sequence'").first().toLongLong());
    QCOMPARE(pulledReports, appliedIds);
    qInfo("%d reports pushed through two processes each, %d applied before the withdrawal, %d held after it; "
          "%lld pull pages through three processes",
          kReports, applied, held, static_cast<long long>(cursors.size()));
}

QTEST_GUILESS_MAIN(MultiProcessTest)
#include "multiprocesstest.moc"
