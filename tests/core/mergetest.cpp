// Field-by-field merge by clock: the latest value of each field wins, in any order, any number of times.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "sync/merge.h"

#include "scenario.h"

#include <boost/json/serialize.hpp>
#endif

#include <algorithm>
#include <map>
#include <random>

using namespace fieldbook;
using fieldbook::test::hexId;

namespace {

std::string stamp(long long millis, int counter, int node)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%013lld-%06d-", millis, counter);
    return buffer + hexId(node);
}

Change change(const std::string& hlc, std::string_view fields, const std::string& op = "upsert")
{
    Change c;
    c.id = hexId(int(std::hash<std::string>{}(hlc) % 100000));
    c.recordType = "case";
    c.recordId = hexId(1);
    c.op = op;
    c.hlc = hlc;
    c.fields = test::object(fields);
    return c;
}

// Key order in a JSON object is insertion order, which differs between replicas: compare sorted.
std::string sorted(const boost::json::object& object)
{
    std::map<std::string, std::string> entries;
    for (const auto& entry : object) {
        entries[std::string(entry.key())] = boost::json::serialize(entry.value());
    }
    std::string out;
    for (const auto& [key, value] : entries) {
        out += key + "=" + value + ";";
    }
    return out;
}

std::string snapshot(const MergeState& state)
{
    return sorted(state.fields) + "|" + sorted(state.fieldClocks) + "|" + state.deletedAt
        + (isDeleted(state) ? "|deleted" : "|live");
}

} // namespace

class MergeTest : public QObject
{
    Q_OBJECT

private slots:
    void fieldWise_data();
    void fieldWise();
    void reportsChanges();
    void equalClocksAreSettled();
    void deletes_data();
    void deletes();
    void convergesInAnyOrder_data();
    void convergesInAnyOrder();
    void idempotent();
};

void MergeTest::fieldWise_data()
{
    QTest::addColumn<QStringList>("changes"); // "millis|json"
    QTest::addColumn<QString>("expected");
    QTest::newRow("later status wins") << QStringList{"1|{\"status\":\"open\"}", "2|{\"status\":\"closed\"}"}
                                       << R"({"status":"closed"})";
    QTest::newRow("earlier arrives later, loses") << QStringList{"2|{\"status\":\"closed\"}", "1|{\"status\":\"open\"}"}
                                                  << R"({"status":"closed"})";
    QTest::newRow("different fields both kept")
        << QStringList{"1|{\"status\":\"open\",\"team\":\"north\"}", "2|{\"status\":\"closed\"}"}
        << R"({"status":"closed","team":"north"})";
    QTest::newRow("concurrent edits of different fields")
        << QStringList{"5|{\"team\":\"south\"}", "4|{\"status\":\"closed\",\"team\":\"east\"}"}
        << R"({"team":"south","status":"closed"})";
    QTest::newRow("null is a value") << QStringList{"1|{\"ended_at\":\"2025-01-01\"}", "2|{\"ended_at\":null}"}
                                     << R"({"ended_at":null})";
}

void MergeTest::fieldWise()
{
    QFETCH(QStringList, changes);
    QFETCH(QString, expected);
    MergeState state;
    for (const auto& entry : changes) {
        const auto parts = entry.split('|');
        mergeChange(state, change(stamp(parts[0].toLongLong(), 0, 1), parts[1].toStdString()));
    }
    QCOMPARE(QString::fromStdString(boost::json::serialize(state.fields)),
             QString::fromStdString(boost::json::serialize(test::object(expected.toStdString()))));
}

void MergeTest::reportsChanges()
{
    MergeState state;
    QVERIFY(mergeChange(state, change(stamp(1, 0, 1), R"({"a":1})")));
    QVERIFY(!mergeChange(state, change(stamp(1, 0, 1), R"({"a":1})")));
    QVERIFY(!mergeChange(state, change(stamp(0, 5, 1), R"({"a":2})")));
    QVERIFY(mergeChange(state, change(stamp(2, 0, 1), R"({"a":1})"))); // same value, newer clock
    QCOMPARE(state.fieldClocks.at("a").as_string(), stamp(2, 0, 1));
}

void MergeTest::equalClocksAreSettled()
{
    const std::string same = stamp(7, 0, 1);
    MergeState one;
    mergeChange(one, change(same, R"({"a":"x"})"));
    mergeChange(one, change(same, R"({"a":"y"})"));
    MergeState two;
    mergeChange(two, change(same, R"({"a":"y"})"));
    mergeChange(two, change(same, R"({"a":"x"})"));
    QCOMPARE(snapshot(one), snapshot(two));
}

void MergeTest::deletes_data()
{
    QTest::addColumn<QStringList>("ops"); // "millis|op|json"
    QTest::addColumn<bool>("deleted");
    QTest::newRow("upsert then delete") << QStringList{"1|upsert|{\"a\":1}", "2|delete|{}"} << true;
    QTest::newRow("delete then later upsert revives") << QStringList{"1|upsert|{\"a\":1}", "2|delete|{}", "3|upsert|{\"a\":2}"}
                                                      << false;
    QTest::newRow("older upsert after delete stays deleted")
        << QStringList{"1|upsert|{\"a\":1}", "3|delete|{}", "2|upsert|{\"b\":2}"} << true;
    QTest::newRow("no delete") << QStringList{"1|upsert|{\"a\":1}"} << false;
}

void MergeTest::deletes()
{
    QFETCH(QStringList, ops);
    QFETCH(bool, deleted);
    MergeState state;
    for (const auto& entry : ops) {
        const auto parts = entry.split('|');
        mergeChange(state, change(stamp(parts[0].toLongLong(), 0, 1), parts[2].toStdString(), parts[1].toStdString()));
    }
    QCOMPARE(isDeleted(state), deleted);
}

// Random edits from three devices, applied by replicas in random orders (with repeats): every
// replica ends in the same state (cr-sqlite's convergence property, in miniature).
void MergeTest::convergesInAnyOrder_data()
{
    QTest::addColumn<int>("seed");
    for (int seed = 1; seed <= 20; ++seed) {
        QTest::newRow(qPrintable(QString("seed %1").arg(seed))) << seed;
    }
}

void MergeTest::convergesInAnyOrder()
{
    QFETCH(int, seed);
    std::mt19937 random(static_cast<unsigned>(seed));
    const std::vector<std::string> fieldNames = {"status", "team", "practitioner_id", "released_on"};
    std::vector<Change> changes;
    for (int i = 0; i < 40; ++i) {
        const int device = int(random() % 3) + 1;
        const long long millis = 1000 + static_cast<long long>(random() % 20); // many clashes in the same millisecond
        boost::json::object fields;
        for (const auto& name : fieldNames) {
            if (random() % 2 == 0) {
                fields[name] = "v" + std::to_string(random() % 5);
            }
        }
        Change c;
        c.hlc = stamp(millis, int(random() % 3), device);
        c.op = random() % 10 == 0 ? "delete" : "upsert";
        c.fields = c.op == "delete" ? boost::json::object{} : fields;
        changes.push_back(c);
    }
    std::string reference;
    for (int replica = 0; replica < 6; ++replica) {
        std::vector<Change> order = changes;
        std::shuffle(order.begin(), order.end(), random);
        order.insert(order.end(), order.begin(), order.begin() + 10); // duplicates delivered again
        MergeState state;
        for (const auto& c : order) {
            mergeChange(state, c);
        }
        if (replica == 0) {
            reference = snapshot(state);
        } else {
            QCOMPARE(snapshot(state), reference);
        }
    }
}

void MergeTest::idempotent()
{
    MergeState state;
    const auto c = change(stamp(3, 0, 1), R"({"status":"open","team":"north"})");
    mergeChange(state, c);
    const std::string once = snapshot(state);
    mergeChange(state, c);
    mergeChange(state, c);
    QCOMPARE(snapshot(state), once);
}

QTEST_APPLESS_MAIN(MergeTest)
#include "mergetest.moc"
