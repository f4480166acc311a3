// fieldbook-bench: the sync workloads against fieldbook-server and, when given one, a pouchdb-server
// peer; then this machine's physical limits; then ONE table on stdout (progress goes to stderr).
//   fieldbook-bench [--pouch-url URL --pouch-design FILE --pouch-dir DIR [--pouch-pid PID]] [--seed N]
//   [--peer-only] [--postgres] [--skip-normal]
// --postgres: the same workloads again on PostgreSQL (FIELDBOOK_TEST_PG names the cluster) with one
// and with three server processes on one database, printed beside SQLite's.
// Exit status: 0 when every count came out exactly as expected, 1 otherwise, 2 on wrong usage.
// ci/bench builds it in Release, starts the peer and runs it. Not a CTest test: figures, not verdicts.
#include "benchdata.h"
#include "fieldbookbench.h"
#include "limitsbench.h"
#include "pouchbench.h"
#include "procstats.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>
#include <QThread>
#include <cstdio>
#include <exception>
#include <functional>
#include <optional>

#ifndef FIELDBOOK_BUILD_TYPE
#define FIELDBOOK_BUILD_TYPE "unknown"
#endif

using namespace fieldbook::bench;

namespace {

QString number(double value, int decimals = 0)
{
    return QLocale(QLocale::English).toString(value, 'f', decimals);
}

QString mib(std::int64_t bytes)
{
    return number(static_cast<double>(bytes) / (1024.0 * 1024.0), 1);
}

void line(const QString& label, const QString& fieldbook, const QString& pouch = {},
          const QString& ratio = {})
{
    std::printf("  %-50s %30s %30s %11s\n", qPrintable(label), qPrintable(fieldbook), qPrintable(pouch),
                qPrintable(ratio));
}

void heading(const QString& text)
{
    std::printf("%s\n", qPrintable(text));
}

QString ratio(double fieldbook, double pouch)
{
    return pouch > 0 && fieldbook > 0 ? number(fieldbook / pouch, 2) : QStringLiteral("n/a");
}

QString outcomes(const Figures& figures)
{
    QStringList parts;
    for (const auto& [status, count] : figures.pushOutcomes) {
        parts << number(count) + QLatin1Char(' ') + status;
    }
    return parts.join(QStringLiteral(" + "));
}

QString latencies(const Figures& figures)
{
    return number(percentile(figures.batchMs, 50)) + QStringLiteral(" / ") +
           number(percentile(figures.batchMs, 95)) + QStringLiteral(" / ") +
           number(percentile(figures.batchMs, 99));
}

void printTable(const Figures& fb, const Figures& normal, const std::optional<Figures>& peer,
                const Limits& limits)
{
    const bool havePeer = peer && peer->ran;
    const Figures none;
    const Figures& pd = havePeer ? *peer : none;
    auto pv = [&](const QString& text) { return havePeer ? text : QStringLiteral("not run"); };
    const double fbRate = fb.pushChanges / (fb.pushMs / 1000.0);
    const double pdRate = havePeer ? pd.pushChanges / (pd.pushMs / 1000.0) : 0;

    std::printf("\n");
    heading(QStringLiteral("Fieldbook sync benchmark, %1, %2 (%3 cores), %4 build")
                .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate), cpuModel())
                .arg(QThread::idealThreadCount())
                .arg(QStringLiteral(FIELDBOOK_BUILD_TYPE)));
    heading(QStringLiteral("fieldbook: fieldbook-server, HTTPS on loopback with the certificate pinned, 4 "
                           "workers, every gate enforced"));
    heading(QStringLiteral(
        "pouchdb:   pouchdb-server 4.2.0 (Node.js), plain HTTP on loopback, LevelDB on disk, basic auth,"));
    heading(QStringLiteral(
        "           access rule in validate_doc_update (role case:<id>) and a filtered _changes feed"));
    std::printf("\n  %-50s %30s %30s %11s\n", "", "fieldbook", "pouchdb", "fb/pouchdb");

    heading(
        QStringLiteral("Push: %1 devices x %2 session reports at once, %3 changes per batch, 5% fail a gate")
            .arg(fb.devices)
            .arg(fb.devices > 0 ? fb.pushChanges / fb.devices : 0)
            .arg(fb.batchSize));
    line(QStringLiteral("throughput, changes/s (>1: fieldbook faster)"), number(fbRate), pv(number(pdRate)),
         ratio(fbRate, pdRate));
    line(QStringLiteral("latency per batch p50/p95/p99, ms (%1 batches)").arg(fb.batchMs.size()),
         latencies(fb), pv(latencies(pd)), ratio(percentile(fb.batchMs, 50), percentile(pd.batchMs, 50)));
    line(QStringLiteral("wall time, s"), number(fb.pushMs / 1000.0, 1), pv(number(pd.pushMs / 1000.0, 1)));
    line(QStringLiteral("outcome"), outcomes(fb), pv(outcomes(pd)));
    line(QStringLiteral("batches sent again after a 5xx or no answer"), number(fb.pushRetried),
         pv(number(pd.pushRetried)));
    if (normal.ran) {
        const double normalRate = normal.pushChanges / (normal.pushMs / 1000.0);
        line(QStringLiteral("same push, fieldbook with synchronous=NORMAL:"), {}, {}, {});
        line(QStringLiteral("  throughput, changes/s"), number(normalRate), pv(number(pdRate)),
             ratio(normalRate, pdRate));
        line(QStringLiteral("  latency per batch p50/p95/p99, ms"), latencies(normal), pv(latencies(pd)),
             ratio(percentile(normal.batchMs, 50), percentile(pd.batchMs, 50)));
        line(QStringLiteral("  outcome"), outcomes(normal), {});
    }

    heading(
        QStringLiteral(
            "Incremental pull of P's caseload (%1 of %2 cases, %3 records) after %4 new changes, %5 in it")
            .arg(BenchData::kCasesPerPractitioner)
            .arg(number(BenchData::kCases))
            .arg(number(BenchData::kSeedRecords))
            .arg(number(BenchData::kIncrementalChanges))
            .arg(fb.incrementalExpected));
    line(QStringLiteral("changes pulled (must be exactly %1)").arg(fb.incrementalExpected),
         number(fb.incrementalCount) + (fb.incrementalCount == fb.incrementalExpected
                                            ? QStringLiteral(" exact")
                                            : QStringLiteral(" WRONG")),
         pv(number(pd.incrementalCount) + (pd.incrementalCount == pd.incrementalExpected
                                               ? QStringLiteral(" exact")
                                               : QStringLiteral(" WRONG"))));
    line(QStringLiteral("time, ms (<1: fieldbook faster)"), number(fb.incrementalMs, 1),
         pv(number(pd.incrementalMs, 1)), ratio(fb.incrementalMs, pd.incrementalMs));
    line(QStringLiteral("the same pull %1 times, p50 / p95, ms (target p95 < 10)").arg(fb.incrementalRuns.size()),
         number(percentile(fb.incrementalRuns, 50), 1) + QStringLiteral(" / ") +
             number(percentile(fb.incrementalRuns, 95), 1),
         {}, {});

    heading(QStringLiteral("Cold first sync of P's caseload to a new device, pages of up to 1,000"));
    line(QStringLiteral("records pulled (expected %1)").arg(number(fb.coldExpected)),
         number(fb.coldCount) + QStringLiteral(" in %1 pages").arg(fb.coldPages),
         pv(number(pd.coldCount) + QStringLiteral(" in %1 pages").arg(pd.coldPages)));
    line(QStringLiteral("time, ms (<1: fieldbook faster; target < 150)"), number(fb.coldMs), pv(number(pd.coldMs)),
         ratio(fb.coldMs, pd.coldMs));
    line(QStringLiteral("records/s"), number(fb.coldCount / (fb.coldMs / 1000.0)),
         pv(number(pd.coldMs > 0 ? pd.coldCount / (pd.coldMs / 1000.0) : 0)));

    heading(QStringLiteral("Seeding %1 records through the API, %2 per batch, %3 practitioners at once")
                .arg(number(BenchData::kSeedRecords))
                .arg(BenchData::kSeedBatch)
                .arg(BenchData::kPractitioners));
    const double fbSeed = fb.seedRecords / (fb.seedMs / 1000.0);
    const double pdSeed = havePeer ? pd.seedRecords / (pd.seedMs / 1000.0) : 0;
    line(QStringLiteral("changes/s (>1: fieldbook faster)"), number(fbSeed), pv(number(pdSeed)),
         ratio(fbSeed, pdSeed));

    heading(QStringLiteral("Resources"));
    auto kib = [](std::int64_t value) { return value > 0 ? number(value / 1024.0, 1) : QStringLiteral("n/a"); };
    line(QStringLiteral("server peak memory after the push and pulls (VmHWM), MiB"), kib(fb.peakBeforeManyKiB), {});
    line(QStringLiteral("  and with %1 devices pulling at once, MiB (target < 100)").arg(fb.manyDevices),
         kib(fb.peakKiB) + QStringLiteral(", %1 changes in %2 s").arg(number(fb.manyPulled), number(fb.manyMs / 1000.0, 1)),
         pv(kib(pd.peakKiB) + QStringLiteral(" (its whole run)")));
    line(QStringLiteral("size on disk per 10,000 records, MiB (target <= 12)"),
         mib(fb.diskBytes * 10000 / std::max<std::int64_t>(1, fb.storedRecords)),
         pv(mib(pd.diskBytes * 10000 / std::max<std::int64_t>(1, pd.storedRecords))));
    line(QStringLiteral("  (records stored / bytes on disk, MiB)"),
         number(static_cast<double>(fb.storedRecords)) + QStringLiteral(" / ") + mib(fb.diskBytes),
         pv(number(static_cast<double>(pd.storedRecords)) + QStringLiteral(" / ") + mib(pd.diskBytes)));
    heading(QStringLiteral("  fieldbook's records include alerts, the change log, the audit log and sealed "
                           "fields; pouchdb's keep old revisions"));

    heading(QStringLiteral("Durability"));
    heading(QStringLiteral("  fieldbook: ") + fb.durability);
    if (normal.ran) {
        heading(QStringLiteral("             (second run, push row above) ") + normal.durability);
    }
    heading(QStringLiteral("  pouchdb:   ") + (havePeer ? pd.durability : QStringLiteral("not run")));

    heading(
        QStringLiteral("Physical limits on this machine, same %1 session reports, SQLite %2 as the server")
            .arg(number(limits.rows), limits.sqliteSettings));
    const double sqliteRate = limits.rows / (limits.sqliteMs / 1000.0);
    const double minimalRate = limits.rows / (limits.minimalMs / 1000.0);
    const double aeadRate = limits.aeadChanges / (limits.aeadMs / 1000.0);
    const double aeadMBs = limits.aeadBytes / (limits.aeadMs / 1000.0) / 1e6;
    line(QStringLiteral("true limit: id primary key and a blob, %1 rows/tx, rows/s").arg(limits.batch),
         number(minimalRate), {}, {});
    line(QStringLiteral("rows shaped like schema v6's records and changes, rows/s"), number(sqliteRate), {}, {});
    line(QStringLiteral("AES-256-GCM over %1 B per record, MB/s")
             .arg(number(limits.aeadBytes / std::max(1, limits.aeadChanges))),
         number(aeadMBs), {}, {});
    line(QStringLiteral("AES-256-GCM, records sealed/s"), number(aeadRate), {}, {});
    line(QStringLiteral("server push rate / true limit (target >= 0.30)"), number(fbRate / minimalRate, 2),
         pv(number(pdRate / minimalRate, 2)));
    line(QStringLiteral("server push rate / AES-256-GCM rate"),
         number(100.0 * fbRate / aeadRate, 2) + QLatin1Char('%'),
         pv(number(100.0 * pdRate / aeadRate, 2) + QLatin1Char('%')));

    heading(QStringLiteral("Targets"));
    auto verdict = [](bool met) { return met ? QStringLiteral("met") : QStringLiteral("NOT MET"); };
    const double incrementalP95 = percentile(fb.incrementalRuns, 95);
    const double diskPer10k = static_cast<double>(fb.diskBytes) * 10000.0 /
                              static_cast<double>(std::max<std::int64_t>(1, fb.storedRecords)) / (1024.0 * 1024.0);
    line(QStringLiteral("push >= 20,000 changes/s"), number(fbRate), {}, verdict(fbRate >= 20000));
    line(QStringLiteral("push >= 5x pouchdb in the same run"), ratio(fbRate, pdRate) + QLatin1Char('x'), {},
         havePeer ? verdict(fbRate >= 5 * pdRate) : QStringLiteral("no peer"));
    line(QStringLiteral("push >= 0.3x the true limit"), number(fbRate / minimalRate, 2) + QLatin1Char('x'), {},
         verdict(fbRate >= 0.3 * minimalRate));
    line(QStringLiteral("cold sync of 5,000 records < 150 ms"), number(fb.coldMs), {}, verdict(fb.coldMs < 150));
    line(QStringLiteral("incremental pull p95 < 10 ms"), number(incrementalP95, 1), {}, verdict(incrementalP95 < 10));
    line(QStringLiteral("disk per 10,000 records <= 12 MiB"), number(diskPer10k, 1), {}, verdict(diskPer10k <= 12));
    line(QStringLiteral("peak memory, 200 devices < 100 MiB"), kib(fb.peakKiB), {},
         verdict(fb.peakKiB > 0 && fb.peakKiB < 100 * 1024));

    if (fb.retried > 0 || pd.retried > 0) {
        heading(QStringLiteral(
                    "Requests sent again after a 5xx or no answer, all phases: fieldbook %1, pouchdb %2")
                    .arg(fb.retried)
                    .arg(pd.retried));
        for (const Figures* figures : {&fb, &pd}) {
            if (!figures->retryExample.isEmpty()) {
                heading(QStringLiteral("  first %1 failure: %2").arg(figures->target, figures->retryExample));
            }
        }
    }
    if (!fb.serverErrors.isEmpty()) {
        heading(QStringLiteral("fieldbook-server logged %1 warning/error lines, first: %2")
                    .arg(fb.serverErrors.size())
                    .arg(fb.serverErrors.front()));
    }

    QStringList problems = fb.problems;
    for (const QString& problem : normal.problems) {
        problems << QStringLiteral("synchronous=NORMAL: ") + problem;
    }
    if (havePeer) {
        for (const QString& problem : pd.problems) {
            problems << QStringLiteral("pouchdb: ") + problem;
        }
    }
    if (!problems.isEmpty()) {
        heading(QStringLiteral("PROBLEMS"));
        for (const QString& problem : problems) {
            heading(QStringLiteral("  ") + problem);
        }
    }
    std::fflush(stdout);
}

void printPostgres(const Figures& sqlite, const Figures& one, const Figures& three)
{
    auto rate = [](const Figures& f, int count, double ms) { return f.ran && ms > 0 ? count / (ms / 1000.0) : 0.0; };
    auto row = [](const QString& label, const QString& a, const QString& b, const QString& c) {
        std::printf("  %-50s %32s %32s %32s\n", qPrintable(label), qPrintable(a), qPrintable(b), qPrintable(c));
    };
    std::printf("\n");
    heading(QStringLiteral("The same workloads on both engines (fieldbook-server, 4 workers a process)"));
    row({}, QStringLiteral("SQLite, 1 process"), QStringLiteral("PostgreSQL, 1"), QStringLiteral("PostgreSQL, 3"));
    const Figures* all[] = {&sqlite, &one, &three};
    auto each = [&](const std::function<QString(const Figures&)>& text) {
        QStringList out;
        for (const Figures* f : all) {
            out << (f->ran ? text(*f) : QStringLiteral("not run"));
        }
        return out;
    };
    auto print = [&](const QString& label, const std::function<QString(const Figures&)>& text) {
        const QStringList cells = each(text);
        row(label, cells[0], cells[1], cells[2]);
    };
    print(QStringLiteral("push, changes/s (20 devices x 500, batches of 100)"),
          [&](const Figures& f) { return number(rate(f, f.pushChanges, f.pushMs)); });
    print(QStringLiteral("push latency per batch p50/p95/p99, ms"), [&](const Figures& f) { return latencies(f); });
    print(QStringLiteral("push outcome"), [&](const Figures& f) { return outcomes(f); });
    print(QStringLiteral("incremental pull, ms (exact count?)"), [&](const Figures& f) {
        return number(f.incrementalMs, 1) +
               (f.incrementalCount == f.incrementalExpected ? QStringLiteral(" exact") : QStringLiteral(" WRONG"));
    });
    print(QStringLiteral("cold pull of the caseload, records/s"),
          [&](const Figures& f) { return number(rate(f, f.coldCount, f.coldMs)); });
    print(QStringLiteral("seeding, changes/s"), [&](const Figures& f) { return number(rate(f, f.seedRecords, f.seedMs)); });
    print(QStringLiteral("size of the database per 10,000 records, MiB"), [&](const Figures& f) {
        return mib(f.diskBytes * 10000 / std::max<std::int64_t>(1, f.storedRecords));
    });
    for (const Figures* f : {&one, &three}) {
        if (f->ran) {
            heading(QStringLiteral("  %1: %2").arg(f->target, f->durability));
            for (const QString& problem : f->problems) {
                heading(QStringLiteral("  PROBLEM: ") + problem);
            }
            if (!f->serverErrors.isEmpty()) {
                heading(QStringLiteral("  logged %1 warning/error lines, first: %2")
                            .arg(f->serverErrors.size())
                            .arg(f->serverErrors.front()));
            }
        }
    }
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("FIELDBOOK_SERVER")) {
        qputenv("FIELDBOOK_SERVER", QByteArrayLiteral(FIELDBOOK_SERVER_PATH));
    }
    QString pouchUrl;
    QString pouchDesign;
    QString pouchDir;
    std::int64_t pouchPid = -1;
    std::uint64_t seed = 20240601;
    bool withFieldbook = true; // --peer-only: for working on the peer's side alone
    bool withPostgres = false;
    bool withNormal = true; // --skip-normal: no second run with synchronous=NORMAL (while iterating)
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString& arg = args[i];
        const bool hasValue = i + 1 < args.size();
        if (arg == QLatin1String("--pouch-url") && hasValue) {
            pouchUrl = args[++i];
        } else if (arg == QLatin1String("--pouch-design") && hasValue) {
            pouchDesign = args[++i];
        } else if (arg == QLatin1String("--pouch-dir") && hasValue) {
            pouchDir = args[++i];
        } else if (arg == QLatin1String("--pouch-pid") && hasValue) {
            pouchPid = args[++i].toLongLong();
        } else if (arg == QLatin1String("--peer-only")) {
            withFieldbook = false;
        } else if (arg == QLatin1String("--postgres")) {
            withPostgres = true;
        } else if (arg == QLatin1String("--skip-normal")) {
            withNormal = false;
        } else if (arg == QLatin1String("--seed") && hasValue) {
            seed = args[++i].toULongLong();
        } else {
            std::fprintf(stderr,
                         "usage: fieldbook-bench [--pouch-url URL --pouch-design FILE --pouch-dir DIR "
                         "[--pouch-pid PID]] [--seed N] [--peer-only] [--postgres] [--skip-normal]\n");
            return 2;
        }
    }
    if (!pouchUrl.isEmpty() && (pouchDesign.isEmpty() || pouchDir.isEmpty())) {
        std::fprintf(stderr, "fieldbook-bench: --pouch-url needs --pouch-design and --pouch-dir\n");
        return 2;
    }

    try {
        BenchData data(seed);
        FieldbookBench fieldbook(data);
        Figures fb;
        std::vector<fieldbook::Change> pushed;
        if (withFieldbook) {
            fb = fieldbook.run();
            pushed = fieldbook.pushed();
        } else {
            fieldbook::HybridClock clock(data.befrienders().front());
            for (int b = 0; b < BenchData::kBefrienders; ++b) {
                for (const auto& placed : data.pushChanges(b, clock)) {
                    pushed.push_back(placed.change);
                }
            }
        }
        std::optional<Figures> peer;
        if (!pouchUrl.isEmpty()) {
            PouchBench pouch(data, QUrl(pouchUrl), pouchDesign, pouchDir, pouchPid);
            peer = pouch.run();
        }
        Figures normal;
        if (withFieldbook && withNormal) {
            BenchData again(seed);
            normal = FieldbookBench(again).run(FieldbookBench::Durability::Normal);
        }
        std::fprintf(stderr, "[limits] SQLite and AES-256-GCM on the same rows\n");
        const Limits limits = LimitsBench(pushed, BenchData::kPushBatch).run();
        Figures pgOne;
        Figures pgThree;
        if (withFieldbook && withPostgres) {
            for (const int processes : {1, 3}) {
                std::fprintf(stderr, "[fieldbook] PostgreSQL, %d server process(es)\n", processes);
                BenchData again(seed);
                FieldbookBench bench(again);
                bench.setPostgres(processes);
                (processes == 1 ? pgOne : pgThree) = bench.run();
            }
        }
        printTable(fb, normal, peer, limits);
        if (withPostgres) {
            printPostgres(fb, pgOne, pgThree);
        }
        return fb.problems.isEmpty() && normal.problems.isEmpty() && (!peer || peer->problems.isEmpty()) &&
                       pgOne.problems.isEmpty() && pgThree.problems.isEmpty()
                   ? 0
                   : 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "fieldbook-bench: %s\n", error.what());
        return 1;
    }
}
