// The monthly report's counting rules (tables) and a hand-counted month (reportworld.h) checked
// figure by figure in the JSON and the CSV.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "model/formdefinition.h"
#include "reports/monthlyreport.h"

#include "reportworld.h"

#include <boost/json/serialize.hpp>
#endif

#include <map>

using namespace fieldbook;
using fieldbook::test::ReportWorld;

namespace {

Record record(const std::string& type, const std::string& json)
{
    Record out;
    out.type = type;
    out.id = fieldbook::test::reportId(999);
    out.fields = boost::json::parse(json).as_object();
    return out;
}

ReportInput inputOf(const ReportWorld& world, MemoryFacts& facts)
{
    ReportInput input;
    for (const auto& item : world.records) {
        Record r;
        r.type = item.type;
        r.id = item.id;
        r.author = world.practitioner;
        r.hlc = "1740000000000-000001-" + world.practitioner;
        r.fields = ReportWorld::fields(item);
        if (!item.held) {
            facts.put(r);
        }
        input.records.push_back(ReportRecord{std::move(r), item.held, item.receivedAt});
    }
    for (const auto& [ethnicity, count] : world.population) {
        input.population.push_back(PopulationRow{"HMP Example", ethnicity, count});
    }
    return input;
}

MonthlyReport marchReport()
{
    const ReportWorld world;
    MemoryFacts facts;
    const ReportInput input = inputOf(world, facts);
    return computeMonthlyReport(input, facts, FormRegistry::builtin(), *ReportMonth::parse("2025-03"));
}

// Sections of the report's CSV: section name -> rows (each row its fields), as RFC 4180 reads them.
std::map<std::string, std::vector<std::vector<std::string>>> readCsv(const std::string& csv)
{
    std::map<std::string, std::vector<std::vector<std::string>>> out;
    std::vector<std::vector<std::string>> lines;
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
            lines.push_back(fields);
            fields.assign(1, "");
            ++i;
        } else {
            fields.back() += c;
        }
    }
    std::string section;
    bool header = false;
    for (const auto& line : lines) {
        if (line.size() == 1 && line[0].empty()) {
            section.clear();
        } else if (section.empty()) {
            section = line[0];
            header = true;
        } else if (header) {
            header = false; // the column names
        } else {
            out[section].push_back(line);
        }
    }
    return out;
}

std::string cell(const std::map<std::string, std::vector<std::vector<std::string>>>& csv, const std::string& section,
                 const std::string& key, std::size_t column = 1)
{
    const auto found = csv.find(section);
    if (found == csv.end()) {
        return "(no section)";
    }
    for (const auto& row : found->second) {
        if (!row.empty() && row[0] == key) {
            return column < row.size() ? row[column] : "(no column)";
        }
    }
    return "(no row)";
}

} // namespace

class MonthlyReportTest : public QObject
{
    Q_OBJECT

private slots:
    void monthParses_data();
    void monthParses();
    void countingDay_data();
    void countingDay();
    void openOnTheMonthsEnd_data();
    void openOnTheMonthsEnd();
    void underRepresented_data();
    void underRepresented();
    void suppression_data();
    void suppression();
    void ethnicityKey_data();
    void ethnicityKey();
    void csvQuoting_data();
    void csvQuoting();
    void populationFile_data();
    void populationFile();

    void handCountedMonthInJson_data();
    void handCountedMonthInJson();
    void handCountedMonthInCsv_data();
    void handCountedMonthInCsv();
    void radarChangeIsExitMinusStart();
    void takeUpComparesSharesAndFlags();
    void triageOutcomesSumToTotal();
    void suppressedFiguresHideSmallCounts();
};

void MonthlyReportTest::monthParses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::newRow("march") << "2025-03" << "2025-03-01" << "2025-03-31";
    QTest::newRow("leap february") << "2024-02" << "2024-02-01" << "2024-02-29";
    QTest::newRow("february") << "2025-02" << "2025-02-01" << "2025-02-28";
    QTest::newRow("december") << "2026-12" << "2026-12-01" << "2026-12-31";
    QTest::newRow("month 13") << "2025-13" << "" << "";
    QTest::newRow("month 00") << "2025-00" << "" << "";
    QTest::newRow("one digit") << "2025-3" << "" << "";
    QTest::newRow("a day") << "2025-03-01" << "" << "";
    QTest::newRow("sign") << "+025-03" << "" << "";
    QTest::newRow("slash") << "2025/03" << "" << "";
    QTest::newRow("empty") << "" << "" << "";
    QTest::newRow("before 2000") << "1999-12" << "" << "";
}

void MonthlyReportTest::monthParses()
{
    QFETCH(QString, text);
    QFETCH(QString, first);
    QFETCH(QString, last);
    const auto month = ReportMonth::parse(text.toStdString());
    QCOMPARE(month.has_value(), !first.isEmpty());
    if (month) {
        QCOMPARE(QString::fromStdString(month->first().toString()), first);
        QCOMPARE(QString::fromStdString(month->last().toString()), last);
        QCOMPARE(QString::fromStdString(month->toString()), text);
    }
}

void MonthlyReportTest::countingDay_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("json");
    QTest::addColumn<qlonglong>("receivedAt");
    QTest::addColumn<QString>("day");
    QTest::newRow("triage by triaged_at") << "triage" << R"({"triaged_at":"2025-03-31T23:59:59Z","arrived_at":"2025-02-01T00:00:00Z"})" << 0LL << "2025-03-31";
    QTest::newRow("case by opened_on") << "case" << R"({"opened_on":"2025-03-01"})" << 0LL << "2025-03-01";
    QTest::newRow("case without opened_on") << "case" << R"({})" << 1742472000LL << "";
    QTest::newRow("contact by occurred_at") << "contact_sheet" << R"({"occurred_at":"2025-04-01T00:00:00Z"})" << 0LL << "2025-04-01";
    QTest::newRow("play session") << "play_session" << R"({"occurred_at":"2025-03-12T15:00:00Z"})" << 0LL << "2025-03-12";
    QTest::newRow("safeguarding by occurred_at") << "safeguarding_report" << R"({"occurred_at":"2025-03-09T08:00:00Z"})" << 1743465600LL << "2025-03-09";
    QTest::newRow("safeguarding without: received") << "safeguarding_report" << R"({})" << 1742472000LL << "2025-03-20";
    QTest::newRow("radar by assessed_on") << "radar" << R"({"assessed_on":"2025-03-10"})" << 1743465600LL << "2025-03-10";
    QTest::newRow("radar without: received") << "radar" << R"({})" << 1743465600LL << "2025-04-01";
    QTest::newRow("grant by requested_on") << "welfare_grant_request" << R"({"requested_on":"2025-03-04"})" << 0LL << "2025-03-04";
    QTest::newRow("malformed instant") << "triage" << R"({"triaged_at":"2025-03-31 10:00"})" << 0LL << "";
    QTest::newRow("a type not placed by a day") << "consent" << R"({"recorded_at":"2025-03-01T00:00:00Z"})" << 0LL << "";
}

void MonthlyReportTest::countingDay()
{
    QFETCH(QString, type);
    QFETCH(QString, json);
    QFETCH(qlonglong, receivedAt);
    QFETCH(QString, day);
    const ReportRecord item{record(type.toStdString(), json.toStdString()), false, receivedAt};
    const auto found = fieldbook::countingDay(item);
    QCOMPARE(found ? QString::fromStdString(found->toString()) : QString(), day);
}

void MonthlyReportTest::openOnTheMonthsEnd_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<bool>("open");
    QTest::newRow("open") << R"({"status":"open","opened_on":"2025-01-01"})" << true;
    QTest::newRow("opened on the last day") << R"({"status":"open","opened_on":"2025-03-31"})" << true;
    QTest::newRow("opened the day after") << R"({"status":"open","opened_on":"2025-04-01"})" << false;
    QTest::newRow("no opened_on") << R"({"status":"open"})" << true;
    QTest::newRow("closed on the last day") << R"({"status":"closed","opened_on":"2025-01-01","closed_on":"2025-03-31"})" << false;
    QTest::newRow("closed the day after") << R"({"status":"closed","opened_on":"2025-01-01","closed_on":"2025-04-01"})" << true;
    QTest::newRow("closed, no closed_on") << R"({"status":"closed","opened_on":"2025-01-01"})" << false;
    QTest::newRow("re-opened") << R"({"status":"open","opened_on":"2025-01-01","closed_on":"2025-02-01"})" << true;
}

void MonthlyReportTest::openOnTheMonthsEnd()
{
    QFETCH(QString, json);
    QFETCH(bool, open);
    QCOMPARE(openOn(record("case", json.toStdString()), *Date::parse("2025-03-31")), open);
}

void MonthlyReportTest::underRepresented_data()
{
    QTest::addColumn<double>("takeUp");
    QTest::addColumn<double>("population");
    QTest::addColumn<qlonglong>("accepted");
    QTest::addColumn<bool>("flagged");
    QTest::newRow("under 80 %") << 33.3 << 60.0 << 3LL << true;
    QTest::newRow("exactly 80 %") << 48.0 << 60.0 << 5LL << false;
    QTest::newRow("just under 80 %") << 47.99 << 60.0 << 5LL << true;
    QTest::newRow("over share") << 33.3 << 15.0 << 3LL << false;
    QTest::newRow("none accepted, share") << 0.0 << 25.0 << 3LL << true;
    QTest::newRow("no population share") << 33.3 << 0.0 << 3LL << false;
    QTest::newRow("nobody accepted at all") << 0.0 << 60.0 << 0LL << false;
}

void MonthlyReportTest::underRepresented()
{
    QFETCH(double, takeUp);
    QFETCH(double, population);
    QFETCH(qlonglong, accepted);
    QFETCH(bool, flagged);
    QCOMPARE(fieldbook::underRepresented(takeUp, population, accepted), flagged);
}

void MonthlyReportTest::suppression_data()
{
    QTest::addColumn<qlonglong>("count");
    QTest::addColumn<int>("below");
    QTest::addColumn<QString>("text");
    QTest::newRow("off") << 1LL << 0 << "1";
    QTest::newRow("one is off") << 1LL << 1 << "1";
    QTest::newRow("zero stays") << 0LL << 5 << "0";
    QTest::newRow("one") << 1LL << 5 << "<5";
    QTest::newRow("four") << 4LL << 5 << "<5";
    QTest::newRow("five") << 5LL << 5 << "5";
    QTest::newRow("large") << 120LL << 5 << "120";
    QTest::newRow("below 10") << 9LL << 10 << "<10";
}

void MonthlyReportTest::suppression()
{
    QFETCH(qlonglong, count);
    QFETCH(int, below);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(suppressedText(count, below)), text);
    QCOMPARE(isSuppressed(count, below), text.startsWith('<'));
}

void MonthlyReportTest::ethnicityKey_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("key");
    QTest::newRow("plain") << "White British" << "white british";
    QTest::newRow("spaces") << "  white   British " << "white british";
    QTest::newRow("tab") << "Black\tBritish" << "black british";
    QTest::newRow("blank") << "   " << "";
    QTest::newRow("utf-8 kept") << "Gypsy, Roma and Traveller é" << "gypsy, roma and traveller é";
}

void MonthlyReportTest::ethnicityKey()
{
    QFETCH(QString, label);
    QFETCH(QString, key);
    QCOMPARE(QString::fromStdString(fieldbook::ethnicityKey(label.toStdString())), key);
}

void MonthlyReportTest::csvQuoting_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << "prison" << "prison";
    QTest::newRow("comma") << "White, British" << "\"White, British\"";
    QTest::newRow("quote") << "the \"other\" group" << "\"the \"\"other\"\" group\"";
    QTest::newRow("line break") << "a\nb" << "\"a\nb\"";
    QTest::newRow("carriage return") << "a\rb" << "\"a\rb\"";
    QTest::newRow("empty") << "" << "";
}

void MonthlyReportTest::csvQuoting()
{
    QFETCH(QString, text);
    QFETCH(QString, field);
    QCOMPARE(QString::fromStdString(csvField(text.toStdString())), field);
}

void MonthlyReportTest::populationFile_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("rows"); // "label=count|..." or "error:<part of the message>"
    QTest::newRow("with header") << "ethnicity,count\r\nWhite British,600\r\nBlack British,250\r\n"
                                 << "White British=600|Black British=250";
    QTest::newRow("no header, LF") << "Asian British,150\nOther,0\n" << "Asian British=150|Other=0";
    QTest::newRow("quoted comma") << "\"White, Irish\",12\n\"The \"\"other\"\" group\",3" << "White, Irish=12|The \"other\" group=3";
    QTest::newRow("blank lines and spaces") << "\n  Mixed , 7 \n\n" << "Mixed=7";
    QTest::newRow("byte order mark") << "\xEF\xBB\xBF" "ethnicity,count\nArab,4\n" << "Arab=4";
    QTest::newRow("empty") << "" << "error:no group";
    QTest::newRow("header only") << "ethnicity,count\n" << "error:no group";
    QTest::newRow("three fields") << "White British,600,1\n" << "error:line 1: expected two fields";
    QTest::newRow("negative") << "White British,-1\n" << "error:line 1: the count";
    QTest::newRow("not a number") << "ethnicity,count\nWhite British,many\n" << "error:line 2: the count";
    QTest::newRow("too large") << "White British,1000001\n" << "error:the count";
    QTest::newRow("blank label") << " ,5\n" << "error:the ethnicity";
    QTest::newRow("control character") << "Whi\x01te,5\n" << "error:the ethnicity";
    QTest::newRow("twice, other spelling") << "White British,5\nwhite  british,6\n" << "error:line 2: this ethnicity is already listed";
    QTest::newRow("open quote") << "\"White British,5\n" << "error:never closed";
    QTest::newRow("text after quote") << "\"White\" British,5\n" << "error:after a closing quote";
}

void MonthlyReportTest::populationFile()
{
    QFETCH(QString, text);
    QFETCH(QString, rows);
    QString got;
    try {
        for (const auto& row : parsePopulationCsv(text.toStdString())) {
            got += (got.isEmpty() ? "" : "|") + QString::fromStdString(row.ethnicity) + "=" + QString::number(row.count);
        }
    } catch (const std::invalid_argument& e) {
        got = "error:" + QString::fromStdString(e.what());
    }
    if (rows.startsWith("error:")) {
        QVERIFY2(got.startsWith("error:") && got.contains(rows.mid(6)), qPrintable(got));
    } else {
        QCOMPARE(got, rows);
    }
}

void MonthlyReportTest::handCountedMonthInJson_data()
{
    QTest::addColumn<QString>("path"); // section/key, or a top-level key
    QTest::addColumn<qlonglong>("expected");
    const QList<QPair<QString, qlonglong>> figures = {
        {"triages/total", 5},
        {"triages/accepted", 3},
        {"triages/declined", 1},
        {"triages/declined_to_sign", 1},
        {"decline_reasons/not_interested", 1},
        {"decline_reasons/other", 1},
        {"decline_reasons/not_eligible", 0},
        {"decline_reasons/already_supported", 0},
        {"referrals_by_source/prison", 1},
        {"referrals_by_source/not_recorded", 1},
        {"referrals_by_source/self", 0},
        {"referrals_by_source/probation", 0},
        {"open_cases_by_stream/befriending", 1},
        {"open_cases_by_stream/casework", 1},
        {"open_cases_by_stream/play", 1},
        {"open_cases_by_stream/mentoring", 0},
        {"open_cases_by_stream/visitor", 0},
        {"contacts/total", 5},
        {"contacts/session_report", 1},
        {"contacts/contact_sheet", 1},
        {"contacts/play_session", 3},
        {"contacts_by_mode/in_person", 2},
        {"contacts_by_mode/phone", 1},
        {"contacts_by_mode/video", 1},
        {"contacts_by_mode/not_recorded", 1},
        {"held_contacts", 1},
        {"safeguarding_reports", 2},
        {"overdue_contacts/total", 1},
        {"overdue_contacts/befriending_contact", 1},
        {"overdue_contacts/first_contact_carer", 0},
        {"matches/started", 2},
        {"matches/ended", 2},
        {"play_sessions/sessions", 3},
        {"play_sessions/children_reached", 2},
        {"welfare_grants/requested", 2},
        {"welfare_grants/amount_pence", 3500},
        {"population_total", 1000},
    };
    for (const auto& [path, value] : figures) {
        QTest::newRow(qPrintable(path)) << path << value;
    }
}

void MonthlyReportTest::handCountedMonthInJson()
{
    QFETCH(QString, path);
    QFETCH(qlonglong, expected);
    const boost::json::object json = monthlyReportJson(marchReport());
    QCOMPARE(QString::fromStdString(std::string(json.at("month").as_string())), QStringLiteral("2025-03"));
    const QStringList parts = path.split('/');
    const boost::json::value* value = json.if_contains(parts[0].toStdString());
    QVERIFY2(value != nullptr, qPrintable(parts[0]));
    if (parts.size() == 2) {
        value = value->as_object().if_contains(parts[1].toStdString());
        QVERIFY2(value != nullptr, qPrintable(path));
    }
    QVERIFY2(value->is_int64(), qPrintable(QString::fromStdString(boost::json::serialize(*value))));
    QCOMPARE(value->as_int64(), expected);
}

void MonthlyReportTest::handCountedMonthInCsv_data()
{
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("expected");
    QTest::newRow("triages total") << "triages" << "total" << 1 << "5";
    QTest::newRow("accepted") << "triages" << "accepted" << 1 << "3";
    QTest::newRow("declined") << "triages" << "declined" << 1 << "1";
    QTest::newRow("declined_to_sign") << "triages" << "declined_to_sign" << 1 << "1";
    QTest::newRow("not_interested") << "decline_reasons" << "not_interested" << 1 << "1";
    QTest::newRow("other") << "decline_reasons" << "other" << 1 << "1";
    QTest::newRow("prison") << "referrals_by_source" << "prison" << 1 << "1";
    QTest::newRow("not_recorded") << "referrals_by_source" << "not_recorded" << 1 << "1";
    QTest::newRow("befriending") << "open_cases_by_stream" << "befriending" << 1 << "1";
    QTest::newRow("casework") << "open_cases_by_stream" << "casework" << 1 << "1";
    QTest::newRow("play") << "open_cases_by_stream" << "play" << 1 << "1";
    QTest::newRow("contacts") << "contacts" << "total" << 1 << "5";
    QTest::newRow("play_session") << "contacts" << "play_session" << 1 << "3";
    QTest::newRow("in_person") << "contacts_by_mode" << "in_person" << 1 << "2";
    QTest::newRow("held") << "held_and_safeguarding" << "held_contacts" << 1 << "1";
    QTest::newRow("safeguarding") << "held_and_safeguarding" << "safeguarding_reports" << 1 << "2";
    QTest::newRow("overdue") << "overdue_contacts" << "befriending_contact" << 1 << "1";
    QTest::newRow("radar cases fr") << "radar_change" << "family_relationships" << 1 << "2";
    QTest::newRow("radar start fr") << "radar_change" << "family_relationships" << 2 << "4.50";
    QTest::newRow("radar exit fr") << "radar_change" << "family_relationships" << 3 << "2.00";
    QTest::newRow("radar change fr") << "radar_change" << "family_relationships" << 4 << "-2.50";
    QTest::newRow("radar change pr") << "radar_change" << "partner_relationship" << 4 << "-0.50";
    QTest::newRow("radar change pn") << "radar_change" << "practical_needs" << 4 << "-1.00";
    QTest::newRow("white triaged") << "take_up_by_ethnicity" << "White British" << 1 << "2";
    QTest::newRow("white accepted") << "take_up_by_ethnicity" << "White British" << 2 << "1";
    QTest::newRow("white take-up") << "take_up_by_ethnicity" << "White British" << 3 << "33.33";
    QTest::newRow("white population") << "take_up_by_ethnicity" << "White British" << 4 << "600";
    QTest::newRow("white share") << "take_up_by_ethnicity" << "White British" << 5 << "60.00";
    QTest::newRow("white flagged") << "take_up_by_ethnicity" << "White British" << 6 << "yes";
    QTest::newRow("black flagged") << "take_up_by_ethnicity" << "Black British" << 6 << "yes";
    QTest::newRow("asian not flagged") << "take_up_by_ethnicity" << "Asian British" << 6 << "no";
    QTest::newRow("not recorded triaged") << "take_up_by_ethnicity" << "not_recorded" << 1 << "1";
    QTest::newRow("matches started") << "matches" << "started" << 1 << "2";
    QTest::newRow("matches ended") << "matches" << "ended" << 1 << "2";
    QTest::newRow("children") << "play_sessions" << "children_reached" << 1 << "2";
    QTest::newRow("grants") << "welfare_grants" << "requested" << 1 << "2";
    QTest::newRow("grant amount") << "welfare_grants" << "amount_pence" << 1 << "3500";
}

void MonthlyReportTest::handCountedMonthInCsv()
{
    QFETCH(QString, section);
    QFETCH(QString, key);
    QFETCH(int, column);
    QFETCH(QString, expected);
    const std::string csv = monthlyReportCsv(marchReport());
    QVERIFY(csv.find("\r\n") != std::string::npos);
    QVERIFY2(csv.find('\n') == csv.find("\r\n") + 1, "lines end in CRLF");
    const auto sections = readCsv(csv);
    QCOMPARE(QString::fromStdString(cell(sections, section.toStdString(), key.toStdString(), column)), expected);
}

void MonthlyReportTest::radarChangeIsExitMinusStart()
{
    const MonthlyReport report = marchReport();
    QCOMPARE(report.radarCases, 2);
    const std::map<std::string, std::array<double, 3>> expected = {
        {"family_relationships", {4.5, 2.0, -2.5}}, {"parenting_and_children", {3.5, 2.5, -1.0}},
        {"partner_relationship", {4.0, 3.5, -0.5}}, {"communication", {2.5, 1.5, -1.0}},
        {"emotional_wellbeing", {4.5, 2.5, -2.0}},  {"practical_needs", {2.5, 1.5, -1.0}},
    };
    QCOMPARE(report.radar.size(), expected.size());
    for (const RadarDomainChange& domain : report.radar) {
        const auto& [start, exit, change] = expected.at(domain.domain);
        QCOMPARE(domain.cases, 2);
        QCOMPARE(domain.startMean, start);
        QCOMPARE(domain.exitMean, exit);
        QCOMPARE(domain.change, change);
    }
    const auto json = monthlyReportJson(report);
    QCOMPARE(json.at("radar_change").at("family_relationships").as_double(), -2.5);
    QCOMPARE(json.at("radar_change").at("partner_relationship").as_double(), -0.5);
}

void MonthlyReportTest::takeUpComparesSharesAndFlags()
{
    const MonthlyReport report = marchReport();
    QCOMPARE(report.takeUp.size(), std::size_t{4});
    // The population's order first, then those without a population.
    QCOMPARE(QString::fromStdString(report.takeUp[0].ethnicity), QStringLiteral("White British"));
    QCOMPARE(QString::fromStdString(report.takeUp[3].ethnicity), QStringLiteral("not_recorded"));
    const TakeUpRow& white = report.takeUp[0];
    QCOMPARE(white.triaged, 2);
    QCOMPARE(white.accepted, 1);
    QVERIFY(qAbs(white.takeUpPercent - 100.0 / 3.0) < 1e-9);
    QCOMPARE(white.populationPercent, 60.0);
    QVERIFY(white.underRepresented);
    const TakeUpRow& black = report.takeUp[1];
    QCOMPARE(black.triaged, 1);
    QCOMPARE(black.accepted, 0);
    QVERIFY(black.underRepresented);
    const TakeUpRow& asian = report.takeUp[2];
    QCOMPARE(asian.accepted, 1);
    QVERIFY(!asian.underRepresented);
    const auto json = monthlyReportJson(report);
    const auto& rows = json.at("take_up_by_ethnicity").as_array();
    QCOMPARE(rows.size(), std::size_t{4});
    QCOMPARE(rows[0].at("triaged").as_int64(), 2);
    QCOMPARE(rows[0].at("accepted").as_int64(), 1);
    QCOMPARE(rows[0].at("under_represented").as_bool(), true);
    QCOMPARE(rows[3].at("population").as_int64(), 0);
}

void MonthlyReportTest::triageOutcomesSumToTotal()
{
    const MonthlyReport report = marchReport();
    std::int64_t total = 0;
    std::int64_t sum = 0;
    for (const auto& [key, count] : report.triages) {
        (key == "total" ? total : sum) += count;
    }
    QCOMPARE(sum, total);
    QCOMPARE(report.triages.size(), std::size_t{4}); // total and exactly the three outcomes
}

void MonthlyReportTest::suppressedFiguresHideSmallCounts()
{
    const MonthlyReport report = marchReport();
    const auto json = monthlyReportJson(report, 5);
    QCOMPARE(json.at("suppress_below").as_int64(), 5);
    QCOMPARE(json.at("triages").at("total").as_int64(), 5);
    QCOMPARE(QString::fromStdString(std::string(json.at("triages").at("accepted").as_string())), QStringLiteral("<5"));
    QCOMPARE(json.at("triages").at("declined_to_sign").as_string(), "<5");
    QCOMPARE(json.at("decline_reasons").at("not_eligible").as_int64(), 0);
    // Means from two cases would let a reader work back to one person's scores.
    QVERIFY(json.at("radar_change").at("family_relationships").is_null());
    QVERIFY(json.at("take_up_by_ethnicity").as_array()[0].at("take_up_pct").is_null());
    const auto sections = readCsv(monthlyReportCsv(report, 5));
    QCOMPARE(QString::fromStdString(cell(sections, "triages", "accepted")), QStringLiteral("<5"));
    QCOMPARE(QString::fromStdString(cell(sections, "triages", "total")), QStringLiteral("5"));
    QCOMPARE(QString::fromStdString(cell(sections, "radar_change", "communication", 4)), QString());
    QCOMPARE(QString::fromStdString(cell(sections, "held_and_safeguarding", "held_contacts")), QStringLiteral("<5"));
}

QTEST_APPLESS_MAIN(MonthlyReportTest)
#include "monthlyreporttest.moc"
