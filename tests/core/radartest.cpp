// Which RADARs of a case measure its change: the first start and the last exit.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "reports/radar.h"

#include <boost/json/parse.hpp>
#endif

using namespace fieldbook;

class RadarTest : public QObject
{
    Q_OBJECT

private slots:
    void firstStartLastExit_data()
    {
        QTest::addColumn<QStringList>("radars"); // "id:stage:assessed_on:hlc"
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("exit");
        QTest::newRow("one of each") << QStringList{"a:start:2025-01-01:1", "b:exit:2025-03-01:2"} << "a" << "b";
        QTest::newRow("first start wins") << QStringList{"b:start:2025-02-01:2", "a:start:2025-01-01:3"} << "a" << "";
        QTest::newRow("last exit wins") << QStringList{"a:exit:2025-03-01:1", "b:exit:2025-04-01:2", "c:exit:2025-02-01:3"} << "" << "b";
        QTest::newRow("same day: clock") << QStringList{"a:exit:2025-03-01:1", "b:exit:2025-03-01:2"} << "" << "b";
        QTest::newRow("undated start sorts first") << QStringList{"a:start:2025-01-01:1", "b:start::2"} << "b" << "";
        QTest::newRow("mid is neither") << QStringList{"a:mid:2025-02-01:1"} << "" << "";
        QTest::newRow("none") << QStringList{} << "" << "";
    }

    void firstStartLastExit()
    {
        QFETCH(QStringList, radars);
        QFETCH(QString, start);
        QFETCH(QString, exit);
        std::vector<Record> records;
        for (const QString& spec : radars) {
            const QStringList part = spec.split(':');
            Record record;
            record.type = "radar";
            record.id = part[0].toStdString();
            record.hlc = part[3].toStdString();
            record.fields["stage"] = part[1].toStdString();
            if (!part[2].isEmpty()) {
                record.fields["assessed_on"] = part[2].toStdString();
            }
            records.push_back(std::move(record));
        }
        std::vector<const Record*> pointers;
        for (const Record& record : records) {
            pointers.push_back(&record);
        }
        const RadarPair pair = radarPairOf(pointers);
        QCOMPARE(pair.start != nullptr ? QString::fromStdString(pair.start->id) : QString(), start);
        QCOMPARE(pair.exit != nullptr ? QString::fromStdString(pair.exit->id) : QString(), exit);
    }

    void scores_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<int>("score"); // 0: not scored
        QTest::newRow("scored") << R"({"scores":{"communication":3}})" << 3;
        QTest::newRow("other domain") << R"({"scores":{"practical_needs":3}})" << 0;
        QTest::newRow("no scores") << R"({})" << 0;
        QTest::newRow("not a number") << R"({"scores":{"communication":"3"}})" << 0;
    }

    void scores()
    {
        QFETCH(QString, json);
        QFETCH(int, score);
        Record record;
        record.fields = boost::json::parse(json.toStdString()).as_object();
        QCOMPARE(radarScore(record, "communication").value_or(0), score);
    }
};

QTEST_APPLESS_MAIN(RadarTest)
#include "radartest.moc"
