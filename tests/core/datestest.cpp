// Calendar dates and instants: strict parsing, leap years, month arithmetic, ages.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "model/dates.h"
#endif

using fieldbook::Date;

Q_DECLARE_METATYPE(Date)

namespace {

Date d(const char* text)
{
    return *Date::parse(text);
}

} // namespace

class DatesTest : public QObject
{
    Q_OBJECT

private slots:
    void fromEpochSeconds_data();
    void fromEpochSeconds();
    void parse_data();
    void parse();
    void fromDateOrInstant_data();
    void fromDateOrInstant();
    void daysRoundTrip();
    void addDays_data();
    void addDays();
    void addMonths_data();
    void addMonths();
    void daysBetween_data();
    void daysBetween();
    void ageOn_data();
    void ageOn();
    void instants_data();
    void instants();
    void formatInstant_data();
    void formatInstant();
};

void DatesTest::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ordinary") << "2025-03-01" << true;
    QTest::newRow("leap day 2024") << "2024-02-29" << true;
    QTest::newRow("leap day 2000") << "2000-02-29" << true;
    QTest::newRow("no leap day 1900") << "1900-02-29" << false;
    QTest::newRow("no leap day 2025") << "2025-02-29" << false;
    QTest::newRow("31 April") << "2025-04-31" << false;
    QTest::newRow("31 December") << "2025-12-31" << true;
    QTest::newRow("month 13") << "2025-13-01" << false;
    QTest::newRow("month 0") << "2025-00-10" << false;
    QTest::newRow("day 0") << "2025-01-00" << false;
    QTest::newRow("year 0") << "0000-01-01" << false;
    QTest::newRow("short") << "2025-3-1" << false;
    QTest::newRow("slashes") << "2025/03/01" << false;
    QTest::newRow("instant") << "2025-03-01T10:00:00Z" << false;
    QTest::newRow("sign") << "+025-03-01" << false;
    QTest::newRow("spaces") << "2025-03-0 " << false;
    QTest::newRow("empty") << "" << false;
}

void DatesTest::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const auto date = Date::parse(text.toStdString());
    QCOMPARE(date.has_value(), valid);
    if (valid) {
        QCOMPARE(QString::fromStdString(date->toString()), text);
    }
}

void DatesTest::fromDateOrInstant_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("date");
    QTest::newRow("date") << "2025-03-01" << "2025-03-01";
    QTest::newRow("instant") << "2025-03-01T23:59:59Z" << "2025-03-01";
    QTest::newRow("instant with offset") << "2025-03-01T23:59:59+01:00" << "";
    QTest::newRow("bad instant") << "2025-03-01T24:00:00Z" << "";
    QTest::newRow("junk") << "yesterday" << "";
}

void DatesTest::fromDateOrInstant()
{
    QFETCH(QString, text);
    QFETCH(QString, date);
    const auto parsed = Date::fromDateOrInstant(text.toStdString());
    QCOMPARE(parsed ? QString::fromStdString(parsed->toString()) : QString(), date);
}

void DatesTest::daysRoundTrip()
{
    QCOMPARE(Date::fromDays(0), (Date{1970, 1, 1}));
    QCOMPARE((Date{1970, 1, 1}).daysSinceEpoch(), std::int64_t(0));
    QCOMPARE((Date{1969, 12, 31}).daysSinceEpoch(), std::int64_t(-1));
    QCOMPARE((Date{2000, 3, 1}).daysSinceEpoch(), std::int64_t(11017));
    for (std::int64_t day = -800000; day < 800000; day += 37) {
        QCOMPARE(Date::fromDays(day).daysSinceEpoch(), day);
    }
}

void DatesTest::addDays_data()
{
    QTest::addColumn<Date>("from");
    QTest::addColumn<int>("days");
    QTest::addColumn<Date>("to");
    QTest::newRow("into leap day") << d("2024-02-28") << 1 << d("2024-02-29");
    QTest::newRow("over leap day") << d("2024-02-28") << 2 << d("2024-03-01");
    QTest::newRow("no leap day") << d("2025-02-28") << 1 << d("2025-03-01");
    QTest::newRow("year end") << d("2024-12-31") << 1 << d("2025-01-01");
    QTest::newRow("backwards") << d("2025-03-01") << -1 << d("2025-02-28");
    QTest::newRow("14 days") << d("2025-02-20") << 14 << d("2025-03-06");
}

void DatesTest::addDays()
{
    QFETCH(Date, from);
    QFETCH(int, days);
    QFETCH(Date, to);
    QCOMPARE(from.addDays(days), to);
}

void DatesTest::addMonths_data()
{
    QTest::addColumn<Date>("from");
    QTest::addColumn<int>("months");
    QTest::addColumn<Date>("to");
    QTest::newRow("plain") << d("2025-01-15") << 1 << d("2025-02-15");
    QTest::newRow("31 Jan + 1 clamps to 28 Feb") << d("2025-01-31") << 1 << d("2025-02-28");
    QTest::newRow("31 Jan + 1 in a leap year") << d("2024-01-31") << 1 << d("2024-02-29");
    QTest::newRow("31 Aug + 6") << d("2024-08-31") << 6 << d("2025-02-28");
    QTest::newRow("31 Mar + 1") << d("2025-03-31") << 1 << d("2025-04-30");
    QTest::newRow("over the year") << d("2024-11-30") << 3 << d("2025-02-28");
    QTest::newRow("29 Feb + 12") << d("2024-02-29") << 12 << d("2025-02-28");
    QTest::newRow("29 Feb + 48") << d("2024-02-29") << 48 << d("2028-02-29");
    QTest::newRow("backwards") << d("2025-03-31") << -1 << d("2025-02-28");
    QTest::newRow("backwards over the year") << d("2025-01-15") << -2 << d("2024-11-15");
    QTest::newRow("zero") << d("2025-01-31") << 0 << d("2025-01-31");
}

void DatesTest::addMonths()
{
    QFETCH(Date, from);
    QFETCH(int, months);
    QFETCH(Date, to);
    QCOMPARE(from.addMonths(months), to);
}

void DatesTest::daysBetween_data()
{
    QTest::addColumn<Date>("a");
    QTest::addColumn<Date>("b");
    QTest::addColumn<int>("days");
    QTest::newRow("same") << d("2025-03-01") << d("2025-03-01") << 0;
    QTest::newRow("over February, common year") << d("2025-02-01") << d("2025-03-01") << 28;
    QTest::newRow("over February, leap year") << d("2024-02-01") << d("2024-03-01") << 29;
    QTest::newRow("a year with a leap day") << d("2024-01-01") << d("2025-01-01") << 366;
    QTest::newRow("negative") << d("2025-03-15") << d("2025-03-01") << -14;
}

void DatesTest::daysBetween()
{
    QFETCH(Date, a);
    QFETCH(Date, b);
    QFETCH(int, days);
    QCOMPARE(fieldbook::daysBetween(a, b), std::int64_t(days));
}

void DatesTest::ageOn_data()
{
    QTest::addColumn<Date>("born");
    QTest::addColumn<Date>("on");
    QTest::addColumn<int>("age");
    QTest::newRow("day before the birthday") << d("2007-03-02") << d("2025-03-01") << 17;
    QTest::newRow("on the birthday") << d("2007-03-01") << d("2025-03-01") << 18;
    QTest::newRow("29 Feb, 28 Feb of a common year") << d("2008-02-29") << d("2026-02-28") << 17;
    QTest::newRow("29 Feb, 1 Mar of a common year") << d("2008-02-29") << d("2026-03-01") << 18;
    QTest::newRow("29 Feb, 29 Feb of a leap year") << d("2008-02-29") << d("2024-02-29") << 16;
    QTest::newRow("29 Feb, 28 Feb of a leap year") << d("2008-02-29") << d("2024-02-28") << 15;
    QTest::newRow("newborn") << d("2025-03-01") << d("2025-03-01") << 0;
    QTest::newRow("not yet born") << d("2025-03-02") << d("2025-03-01") << -1;
}

void DatesTest::ageOn()
{
    QFETCH(Date, born);
    QFETCH(Date, on);
    QFETCH(int, age);
    QCOMPARE(fieldbook::ageOn(born, on), age);
}

void DatesTest::instants_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds"); // -1: invalid
    QTest::newRow("epoch") << "1970-01-01T00:00:00Z" << qint64(0);
    QTest::newRow("ordinary") << "2025-03-01T10:00:00Z" << qint64(1740823200);
    QTest::newRow("last second of a day") << "2024-02-29T23:59:59Z" << qint64(1709251199);
    QTest::newRow("hour 24") << "2025-03-01T24:00:00Z" << qint64(-1);
    QTest::newRow("minute 60") << "2025-03-01T10:60:00Z" << qint64(-1);
    QTest::newRow("leap second") << "2016-12-31T23:59:60Z" << qint64(-1);
    QTest::newRow("no Z") << "2025-03-01T10:00:00" << qint64(-1);
    QTest::newRow("lowercase") << "2025-03-01t10:00:00z" << qint64(-1);
    QTest::newRow("fraction") << "2025-03-01T10:00:00.5Z" << qint64(-1);
    QTest::newRow("offset") << "2025-03-01T10:00:00+00:00" << qint64(-1);
    QTest::newRow("bad date") << "2025-02-30T10:00:00Z" << qint64(-1);
    QTest::newRow("date only") << "2025-03-01" << qint64(-1);
}

void DatesTest::instants()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    const auto parsed = fieldbook::parseInstant(text.toStdString());
    QCOMPARE(fieldbook::isInstant(text.toStdString()), seconds >= 0);
    QCOMPARE(parsed ? *parsed : qint64(-1), seconds);
}

void DatesTest::formatInstant_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("epoch") << qint64(0) << "1970-01-01T00:00:00Z";
    QTest::newRow("ordinary") << qint64(1740823200) << "2025-03-01T10:00:00Z";
    QTest::newRow("before the epoch") << qint64(-1) << "1969-12-31T23:59:59Z";
    QTest::newRow("72 hours later") << qint64(1740823200 + 72 * 3600) << "2025-03-04T10:00:00Z";
}

void DatesTest::formatInstant()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(fieldbook::formatInstant(seconds)), text);
    if (seconds >= 0) {
        QCOMPARE(*fieldbook::parseInstant(text.toStdString()), seconds);
    }
}

// The UTC day of an instant, either side of midnight and of the epoch.
void DatesTest::fromEpochSeconds_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("day");
    QTest::newRow("the epoch") << qint64(0) << "1970-01-01";
    QTest::newRow("the last second of the first day") << qint64(86399) << "1970-01-01";
    QTest::newRow("the second day") << qint64(86400) << "1970-01-02";
    QTest::newRow("a second before the epoch") << qint64(-1) << "1969-12-31";
    QTest::newRow("the first second of the day before") << qint64(-86400) << "1969-12-31";
    QTest::newRow("a second earlier") << qint64(-86401) << "1969-12-30";
    QTest::newRow("2025-03-01 12:00") << qint64(1740830400) << "2025-03-01";
}

void DatesTest::fromEpochSeconds()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, day);
    QCOMPARE(QString::fromStdString(fieldbook::Date::fromEpochSeconds(seconds).toString()), day);
}

QTEST_APPLESS_MAIN(DatesTest)
#include "datestest.moc"
