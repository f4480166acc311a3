// The monthly report from the server: the hand-counted month (tests/core/reportworld.h) written
// into the real store and read back as JSON, CSV and PDF (the PDF read with poppler's pdftotext);
// then over TLS against the real server: a manager gets it, others get 403, bad parameters 400,
// and `admin report monthly` gives the same bytes.
#include "scenario.h"
#include "testserver.h"

#include "../core/reportworld.h"
#include "model/formdefinition.h"
#include "reports/reportservice.h"
#include "store/keyring.h"
#include "store/sqlitestore.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace fieldbook;
using namespace fieldbook::server;
using namespace fieldbook::testsupport;
using fieldbook::test::ReportWorld;

namespace {

// The CSV's sections: name -> (first field -> row), read as RFC 4180 says (quotes, CRLF).
QMap<QString, QMap<QString, QStringList>> csvSections(const QByteArray& csv)
{
    QList<QStringList> lines;
    QStringList fields{QString()};
    QByteArray field;
    bool quoted = false;
    const auto endField = [&] {
        fields.last() = QString::fromUtf8(field);
        field.clear();
    };
    for (int i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            endField();
            fields.append(QString());
        } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
            endField();
            lines.append(fields);
            fields = QStringList{QString()};
            ++i;
        } else {
            field += c;
        }
    }
    QMap<QString, QMap<QString, QStringList>> out;
    QString section;
    bool header = false;
    for (const QStringList& line : lines) {
        if (line.size() == 1 && line[0].isEmpty()) {
            section.clear();
        } else if (section.isEmpty()) {
            section = line[0];
            header = true;
        } else if (header) {
            header = false;
        } else {
            out[section][line[0]] = line;
        }
    }
    return out;
}

QString tool(const QString& name)
{
    return QStandardPaths::findExecutable(name);
}

// The PDF's text as poppler lays it out.
QString pdfText(const QByteArray& pdf, const QString& dir)
{
    const QString path = dir + "/report.pdf";
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size()) {
        return {};
    }
    file.close();
    QProcess process;
    process.start(tool("pdftotext"), {"-layout", path, "-"});
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

bool hasRow(const QString& text, const QString& label, const QString& value)
{
    const QRegularExpression row("^\\s*" + QRegularExpression::escape(label) + "\\s+" + QRegularExpression::escape(value) +
                                     "\\s*$",
                                 QRegularExpression::MultilineOption);
    return row.match(text).hasMatch();
}

} // namespace

class MonthlyReportTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    // In process, against the real store.
    void storeCountsTheHandCountedMonth();
    void csvAgreesWithJsonFigureByFigure();
    void pdfShowsTitleTablesAndCharts();

    // Over TLS against the real server.
    void managerGetsTheReport();
    void otherRolesAreForbidden_data();
    void otherRolesAreForbidden();
    void badParametersAreRefused_data();
    void badParametersAreRefused();
    void csvAndPdfOverTheWire();
    void adminReportGivesTheSameReport();
    void reportsAreAudited();

private:
    QByteArray managerGet(const QString& query, int* status = nullptr, QByteArray* contentType = nullptr);

    QTemporaryDir m_dir;
    MonthlyReport m_march;
    TestServer m_server;
    Scenario m_scenario{m_server};
};

void MonthlyReportTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!tool("pdftotext").isEmpty(), "pdftotext (poppler-utils) is needed: ci/install-deps.sh installs it");

    const std::string path = m_dir.filePath("store.db").toStdString();
    auto keys = std::make_shared<const KeyRing>(KeyRing::loadOrCreate(path + ".key"));
    SqliteStore store(path, keys, FormRegistry::builtin());
    const ReportWorld world;
    store.writeTransaction([&] {
        for (const auto& item : world.records) {
            StoredRecord stored;
            stored.record.type = item.type;
            stored.record.id = item.id;
            stored.record.author = world.practitioner;
            stored.record.hlc = "1740000000000-000001-" + world.practitioner;
            stored.record.fields = ReportWorld::fields(item);
            stored.state = item.held ? RecordState::Quarantined : RecordState::Applied;
            stored.caseId = item.type == "case" ? item.id : stored.record.text("case_id");
            stored.changeId = item.id;
            stored.updatedAt = item.receivedAt;
            store.putRecord(stored);
        }
        std::vector<PopulationRow> rows;
        for (const auto& [ethnicity, count] : world.population) {
            rows.push_back(PopulationRow{"HMP Example", ethnicity, count});
        }
        store.replacePopulation("HMP Example", rows, 1743465600);
    });
    m_march = monthlyReportFromStore(store, FormRegistry::builtin(), *ReportMonth::parse("2025-03"));

    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_scenario.setUp());
}

void MonthlyReportTest::cleanupTestCase()
{
    m_server.stop();
}

void MonthlyReportTest::storeCountsTheHandCountedMonth()
{
    // The figures of reportworld.h's hand count, as the store answers them.
    const boost::json::object json = monthlyReportJson(m_march);
    const auto count = [&](const char* section, const char* key) { return json.at(section).at(key).as_int64(); };
    QCOMPARE(count("triages", "total"), 5);
    QCOMPARE(count("triages", "accepted"), 3);
    QCOMPARE(count("triages", "declined"), 1);
    QCOMPARE(count("triages", "declined_to_sign"), 1);
    QCOMPARE(count("decline_reasons", "not_interested"), 1);
    QCOMPARE(count("decline_reasons", "other"), 1);
    QCOMPARE(count("referrals_by_source", "prison"), 1);
    QCOMPARE(count("referrals_by_source", "not_recorded"), 1);
    QCOMPARE(count("open_cases_by_stream", "befriending"), 1);
    QCOMPARE(count("open_cases_by_stream", "casework"), 1);
    QCOMPARE(count("open_cases_by_stream", "play"), 1);
    QCOMPARE(count("open_cases_by_stream", "mentoring"), 0);
    QCOMPARE(count("contacts", "total"), 5);
    QCOMPARE(count("contacts", "session_report"), 1);
    QCOMPARE(count("contacts", "contact_sheet"), 1);
    QCOMPARE(count("contacts", "play_session"), 3);
    QCOMPARE(json.at("held_contacts").as_int64(), 1);
    QCOMPARE(json.at("safeguarding_reports").as_int64(), 2);
    QCOMPARE(count("contacts_by_mode", "in_person"), 2);
    QCOMPARE(count("overdue_contacts", "befriending_contact"), 1);
    QCOMPARE(count("overdue_contacts", "total"), 1);
    QCOMPARE(count("matches", "started"), 2);
    QCOMPARE(count("matches", "ended"), 2);
    QCOMPARE(count("play_sessions", "children_reached"), 2);
    QCOMPARE(count("welfare_grants", "amount_pence"), 3500);
    QCOMPARE(json.at("radar_change").at("family_relationships").as_double(), -2.5);
    QCOMPARE(json.at("radar_change").at("emotional_wellbeing").as_double(), -2.0);
    QCOMPARE(json.at("radar").at("cases").as_int64(), 2);
    const auto& takeUp = json.at("take_up_by_ethnicity").as_array();
    QCOMPARE(takeUp.size(), std::size_t{4});
    QCOMPARE(takeUp[0].at("ethnicity").as_string(), "White British");
    QCOMPARE(takeUp[0].at("triaged").as_int64(), 2);
    QCOMPARE(takeUp[0].at("population").as_int64(), 600);
    QCOMPARE(takeUp[0].at("under_represented").as_bool(), true);
    QCOMPARE(takeUp[2].at("under_represented").as_bool(), false);
    // Counts only: no id, no name of the world's people.
    const std::string text = boost::json::serialize(json);
    QVERIFY(text.find(fieldbook::test::reportId(1)) == std::string::npos);
    QVERIFY(text.find("Ann") == std::string::npos);
    QVERIFY(text.find(ReportWorld().practitioner) == std::string::npos);
}

void MonthlyReportTest::csvAgreesWithJsonFigureByFigure()
{
    const boost::json::object json = monthlyReportJson(m_march);
    const auto csv = csvSections(QByteArray::fromStdString(monthlyReportCsv(m_march)));
    int compared = 0;
    for (const char* section : {"triages", "decline_reasons", "referrals_by_source", "open_cases_by_stream", "contacts",
                                "contacts_by_mode", "overdue_contacts", "matches", "play_sessions", "welfare_grants"}) {
        for (const auto& [key, value] : json.at(section).as_object()) {
            const QString name = QString::fromStdString(std::string(key));
            QVERIFY2(csv[section].contains(name), qPrintable(QString(section) + "/" + name));
            QCOMPARE(csv[section][name].value(1), QString::number(value.as_int64()));
            ++compared;
        }
    }
    QCOMPARE(csv["held_and_safeguarding"]["held_contacts"].value(1), QString::number(json.at("held_contacts").as_int64()));
    QCOMPARE(csv["held_and_safeguarding"]["safeguarding_reports"].value(1), QStringLiteral("2"));
    for (const auto& [key, value] : json.at("radar_change").as_object()) {
        const QStringList row = csv["radar_change"][QString::fromStdString(std::string(key))];
        QCOMPARE(row.value(4), QString::asprintf("%.2f", value.as_double()));
        ++compared;
    }
    for (const auto& item : json.at("take_up_by_ethnicity").as_array()) {
        const QStringList row = csv["take_up_by_ethnicity"][QString::fromStdString(std::string(item.at("ethnicity").as_string()))];
        QCOMPARE(row.value(1), QString::number(item.at("triaged").as_int64()));
        QCOMPARE(row.value(2), QString::number(item.at("accepted").as_int64()));
        QCOMPARE(row.value(4), QString::number(item.at("population").as_int64()));
        QCOMPARE(row.value(6), item.at("under_represented").as_bool() ? QStringLiteral("yes") : QStringLiteral("no"));
        ++compared;
    }
    QVERIFY(compared > 50);
}

void MonthlyReportTest::pdfShowsTitleTablesAndCharts()
{
    const RenderedReport pdf = renderMonthlyReport(m_march, ReportFormat::Pdf, 0, 1743465600);
    QCOMPARE(QString::fromStdString(pdf.contentType), QStringLiteral("application/pdf"));
    QVERIFY(pdf.body.rfind("%PDF-", 0) == 0);
    const QString text = pdfText(QByteArray::fromStdString(pdf.body), m_dir.path());
    QVERIFY2(text.contains("Fieldbook monthly report"), qPrintable(text.left(400)));
    QVERIFY(text.contains("Month: 2025-03"));
    // The tables, row by row.
    QVERIFY2(hasRow(text, "Total", "5"), qPrintable(text.left(1200)));
    QVERIFY(hasRow(text, "Accepted", "3"));
    QVERIFY(hasRow(text, "Declined to sign", "1"));
    QVERIFY(hasRow(text, "Not interested", "1"));
    QVERIFY(hasRow(text, "Play session", "3"));
    QVERIFY(hasRow(text, "Held contacts", "1"));
    QVERIFY(hasRow(text, "Safeguarding reports", "2"));
    QVERIFY(hasRow(text, "Befriending contact", "1"));
    QVERIFY(hasRow(text, "Children reached", "2"));
    QVERIFY(text.contains(QRegularExpression("Family relationships\\s+2\\s+4\\.50\\s+2\\.00\\s+-2\\.50")));
    QVERIFY(text.contains(QRegularExpression("White British\\s+2\\s+1\\s+33\\.33%\\s+60\\.00%\\s+UNDER 80%")));
    QVERIFY(text.contains(QRegularExpression("Asian British\\s+1\\s+1\\s+33\\.33%\\s+15\\.00%\\s*\\n")));
    // The charts' labels: the spider chart's legend, and the bars (each outcome listed a second time).
    QVERIFY(text.contains("Start (average)"));
    QVERIFY(text.contains("Exit (average)"));
    QVERIFY(text.count("Declined to sign") >= 2);
    QVERIFY(text.count("Not interested") >= 2);
    QVERIFY(!text.contains("Ann"));

    // The first page renders to an image (ci/run.sh saves it as a screenshot).
    if (!tool("pdftoppm").isEmpty()) {
        QProcess process;
        process.start(tool("pdftoppm"), {"-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile",
                                         m_dir.filePath("report.pdf"), m_dir.filePath("page")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(QFile(m_dir.filePath("page.png")).size() > 1000);
    }

    // Suppressed, the same tables show "<5".
    const RenderedReport shared = renderMonthlyReport(m_march, ReportFormat::Pdf, 5, 1743465600);
    const QString sharedText = pdfText(QByteArray::fromStdString(shared.body), m_dir.path());
    QVERIFY(hasRow(sharedText, "Accepted", "<5"));
    QVERIFY(hasRow(sharedText, "Total", "5"));
}

QByteArray MonthlyReportTest::managerGet(const QString& query, int* status, QByteArray* contentType)
{
    const HttpReply reply = m_server.request("GET", "/v1/reports/monthly" + query, {}, m_scenario.manager.accessToken);
    if (status != nullptr) {
        *status = reply.status;
    }
    if (contentType != nullptr) {
        *contentType = reply.header("Content-Type");
    }
    return reply.body;
}

void MonthlyReportTest::managerGetsTheReport()
{
    // A practitioner's intake in March 2025: a prisoner, a case, two triages, a start and an exit RADAR.
    const TestDevice& practitioner = m_scenario.practitioner;
    const QString prisoner = Scenario::newId();
    const QString caseId = Scenario::newId();
    QJsonArray changes;
    changes.append(m_scenario.change(practitioner, "person",
                                     {{"kind", "prisoner"}, {"given_name", "Kai"}, {"ethnicity", "Black British"},
                                      {"establishment", "HMP Northfield"}},
                                     prisoner));
    changes.append(m_scenario.change(practitioner, "case",
                                     {{"person_id", prisoner}, {"stream", "casework"}, {"practitioner_id", practitioner.userId},
                                      {"status", "open"}, {"opened_on", "2025-03-05"}, {"referral_source", "prison"}},
                                     caseId));
    changes.append(m_scenario.change(practitioner, "triage",
                                     {{"case_id", caseId}, {"person_id", prisoner}, {"triaged_at", "2025-03-06T10:00:00Z"},
                                      {"outcome", "accepted"}}));
    changes.append(m_scenario.change(practitioner, "triage",
                                     {{"case_id", caseId}, {"person_id", prisoner}, {"triaged_at", "2025-03-31T23:59:59Z"},
                                      {"outcome", "declined"}, {"decline_reasons", QJsonArray{"moving_establishment"}}}));
    const auto radar = [&](const char* stage, const char* on, int score) {
        return m_scenario.change(practitioner, "radar",
                                 {{"case_id", caseId}, {"stage", stage}, {"assessed_on", on},
                                  {"scores", QJsonObject{{"family_relationships", score},
                                                         {"parenting_and_children", score},
                                                         {"partner_relationship", score},
                                                         {"communication", score},
                                                         {"emotional_wellbeing", score},
                                                         {"practical_needs", score}}}});
    };
    changes.append(radar("start", "2025-03-06", 5));
    changes.append(radar("exit", "2025-03-28", 2));
    const QJsonArray results = m_scenario.push(practitioner, changes);
    QCOMPARE(results.size(), changes.size());
    for (const auto& result : results) {
        QVERIFY2(result.toObject().value("status").toString() == QLatin1String("applied"),
                 QJsonDocument(result.toObject()).toJson(QJsonDocument::Compact).constData());
    }
    QFile population(m_dir.filePath("population.csv"));
    QVERIFY(population.open(QIODevice::WriteOnly));
    population.write("ethnicity,count\r\nBlack British,300\r\n\"White, British\",700\r\n");
    population.close();
    int code = -1;
    m_server.admin({"import-population", "--establishment", "HMP Northfield", "--file", population.fileName()}, &code);
    QCOMPARE(code, 0);

    int status = 0;
    QByteArray contentType;
    const QByteArray body = managerGet("?month=2025-03", &status, &contentType);
    QCOMPARE(status, 200);
    QVERIFY(contentType.startsWith("application/json"));
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    QCOMPARE(json.value("month").toString(), QStringLiteral("2025-03"));
    const QJsonObject triages = json.value("triages").toObject();
    QCOMPARE(triages.value("total").toInt(), 2);
    QCOMPARE(triages.value("accepted").toInt(), 1);
    QCOMPARE(triages.value("declined").toInt(), 1);
    QCOMPARE(triages.value("declined_to_sign").toInt(), 0);
    QCOMPARE(json.value("decline_reasons").toObject().value("moving_establishment").toInt(), 1);
    QCOMPARE(json.value("referrals_by_source").toObject().value("prison").toInt(), 1);
    QCOMPARE(json.value("open_cases_by_stream").toObject().value("casework").toInt(), 1);
    QCOMPARE(json.value("contacts").toObject().value("total").toInt(), 0);
    QCOMPARE(json.value("held_contacts").toInt(), 0);
    QCOMPARE(json.value("radar_change").toObject().value("family_relationships").toDouble(), -3.0);
    QCOMPARE(json.value("radar_change").toObject().value("communication").toDouble(), -3.0);
    const QJsonArray takeUp = json.value("take_up_by_ethnicity").toArray();
    QCOMPARE(takeUp.size(), 2);
    QCOMPARE(takeUp[0].toObject().value("ethnicity").toString(), QStringLiteral("Black British"));
    QCOMPARE(takeUp[0].toObject().value("triaged").toInt(), 2);
    QCOMPARE(takeUp[0].toObject().value("accepted").toInt(), 1);
    QCOMPARE(takeUp[0].toObject().value("take_up_pct").toDouble(), 100.0);
    QCOMPARE(takeUp[0].toObject().value("population_pct").toDouble(), 30.0);
    QCOMPARE(takeUp[1].toObject().value("ethnicity").toString(), QStringLiteral("White, British"));
    QCOMPARE(takeUp[1].toObject().value("under_represented").toBool(), true);
    QVERIFY(!body.contains("Kai"));
    QVERIFY(!body.contains(prisoner.toLatin1()));

    // Another month: nothing of March.
    const QJsonObject april = QJsonDocument::fromJson(managerGet("?month=2025-04")).object();
    QCOMPARE(april.value("triages").toObject().value("total").toInt(), 0);
    QCOMPARE(april.value("open_cases_by_stream").toObject().value("casework").toInt(), 1);
    QCOMPARE(april.value("referrals_by_source").toObject().value("prison").toInt(), 0);
}

void MonthlyReportTest::otherRolesAreForbidden_data()
{
    QTest::addColumn<QString>("who");
    QTest::newRow("practitioner") << "practitioner";
    QTest::newRow("coordinator") << "coordinator";
    QTest::newRow("befriender") << "befriender";
    QTest::newRow("safeguarding officer") << "officer";
    QTest::newRow("admin") << "admin";
}

void MonthlyReportTest::otherRolesAreForbidden()
{
    QFETCH(QString, who);
    const QMap<QString, const TestDevice*> devices{{"practitioner", &m_scenario.practitioner},
                                                   {"coordinator", &m_scenario.coordinator},
                                                   {"befriender", &m_scenario.befriender},
                                                   {"officer", &m_scenario.officer},
                                                   {"admin", &m_scenario.admin}};
    // Even with a bad month, another role learns only that it may not ask.
    for (const QString& query : {QStringLiteral("?month=2025-03"), QStringLiteral("?month=nonsense&format=pdf")}) {
        const HttpReply reply = m_server.request("GET", "/v1/reports/monthly" + query, {}, devices[who]->accessToken);
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.error(), QStringLiteral("forbidden"));
    }
    const HttpReply anonymous = m_server.request("GET", "/v1/reports/monthly?month=2025-03");
    QCOMPARE(anonymous.status, 401);
}

void MonthlyReportTest::badParametersAreRefused_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("named");
    QTest::newRow("no month") << "" << "month";
    QTest::newRow("month 13") << "?month=2025-13" << "month";
    QTest::newRow("a day") << "?month=2025-03-01" << "month";
    QTest::newRow("words") << "?month=March" << "month";
    QTest::newRow("format") << "?month=2025-03&format=xlsx" << "format";
    QTest::newRow("suppress one") << "?month=2025-03&suppress_below=1" << "suppress_below";
    QTest::newRow("suppress words") << "?month=2025-03&suppress_below=five" << "suppress_below";
    QTest::newRow("suppress huge") << "?month=2025-03&suppress_below=100000000000" << "suppress_below";
}

void MonthlyReportTest::badParametersAreRefused()
{
    QFETCH(QString, query);
    QFETCH(QString, named);
    const HttpReply reply = m_server.request("GET", "/v1/reports/monthly" + query, {}, m_scenario.manager.accessToken);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.error(), QStringLiteral("bad_request"));
    QVERIFY2(reply.object().value("message").toString().contains(named), reply.body.constData());
}

void MonthlyReportTest::csvAndPdfOverTheWire()
{
    int status = 0;
    QByteArray contentType;
    const QByteArray csv = managerGet("?month=2025-03&format=csv", &status, &contentType);
    QCOMPARE(status, 200);
    QCOMPARE(contentType, QByteArray("text/csv"));
    const auto sections = csvSections(csv);
    QCOMPARE(sections["triages"]["total"].value(1), QStringLiteral("2"));
    QCOMPARE(sections["decline_reasons"]["moving_establishment"].value(1), QStringLiteral("1"));
    QCOMPARE(sections["take_up_by_ethnicity"]["White, British"].value(6), QStringLiteral("yes"));
    QVERIFY(csv.contains("\"White, British\""));

    const QByteArray shared = managerGet("?month=2025-03&format=csv&suppress_below=5", &status);
    QCOMPARE(status, 200);
    QCOMPARE(csvSections(shared)["triages"]["total"].value(1), QStringLiteral("<5"));

    const QByteArray pdf = managerGet("?month=2025-03&format=pdf", &status, &contentType);
    QCOMPARE(status, 200);
    QCOMPARE(contentType, QByteArray("application/pdf"));
    QVERIFY(pdf.startsWith("%PDF-"));
    const QString text = pdfText(pdf, m_dir.path());
    QVERIFY(text.contains("Month: 2025-03"));
    QVERIFY(hasRow(text, "Moving establishment", "1"));
}

void MonthlyReportTest::adminReportGivesTheSameReport()
{
    const QString out = m_dir.filePath("admin-report.json");
    int code = -1;
    const QString said = m_server.admin({"report", "monthly", "--month", "2025-03", "--format", "json", "--out", out}, &code);
    QCOMPARE(code, 0);
    QVERIFY(said.startsWith("wrote "));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), managerGet("?month=2025-03"));
    QCOMPARE(file.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

    const QByteArray csv = m_server.adminOutput({"report", "monthly", "--month", "2025-03", "--format", "csv"}, &code);
    QCOMPARE(code, 0);
    QCOMPARE(csv, managerGet("?month=2025-03&format=csv"));

    const QString pdfPath = m_dir.filePath("admin-report.pdf");
    m_server.admin({"report", "monthly", "--month", "2025-03", "--format", "pdf", "--out", pdfPath,
                    "--suppress-below", "5"},
                   &code);
    QCOMPARE(code, 0);
    QFile pdf(pdfPath);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.readAll().startsWith("%PDF-"));

    m_server.admin({"report", "monthly", "--month", "2025-3"}, &code);
    QCOMPARE(code, 2);
    m_server.admin({"report", "weekly", "--month", "2025-03"}, &code);
    QCOMPARE(code, 2);
    m_server.admin({"report", "monthly", "--month", "2025-03", "--format", "pdf"}, &code);
    QCOMPARE(code, 2); // a PDF needs --out

    // A bad population file changes nothing.
    QFile bad(m_dir.filePath("bad.csv"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("Black British,300\nBlack British,12\n");
    bad.close();
    m_server.admin({"import-population", "--establishment", "HMP Northfield", "--file", bad.fileName()}, &code);
    QCOMPARE(code, 1);
    const QJsonObject json = QJsonDocument::fromJson(managerGet("?month=2025-03")).object();
    QCOMPARE(json.value("take_up_by_ethnicity").toArray()[0].toObject().value("population").toInt(), 300);

    // A new file for the establishment replaces its rows; another establishment's add to them.
    QFile again(m_dir.filePath("again.csv"));
    QVERIFY(again.open(QIODevice::WriteOnly));
    again.write("Black British,400\n");
    again.close();
    m_server.admin({"import-population", "--establishment", "HMP Northfield", "--file", again.fileName()}, &code);
    QCOMPARE(code, 0);
    m_server.admin({"import-population", "--establishment", "HMP Southfield", "--file", again.fileName()}, &code);
    QCOMPARE(code, 0);
    const QJsonObject replaced = QJsonDocument::fromJson(managerGet("?month=2025-03")).object();
    QCOMPARE(replaced.value("population_total").toInt(), 800);
    const QJsonArray rows = replaced.value("take_up_by_ethnicity").toArray();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].toObject().value("population").toInt(), 800);
    QCOMPARE(rows[0].toObject().value("population_pct").toDouble(), 100.0);
}

void MonthlyReportTest::reportsAreAudited()
{
    managerGet("?month=2025-03&format=csv");
    const QByteArray log = m_server.adminOutput({"audit", "--since", "2000-01-01"});
    bool found = false;
    for (const QByteArray& line : log.split('\n')) {
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        const QJsonObject detail = entry.value("detail").toObject();
        found = found || (entry.value("action").toString() == QLatin1String("report.monthly") &&
                          entry.value("user_id").toString() == m_scenario.manager.userId &&
                          entry.value("device_id").toString() == m_scenario.manager.deviceId &&
                          detail.value("month").toString() == QLatin1String("2025-03") &&
                          detail.value("format").toString() == QLatin1String("csv"));
    }
    QVERIFY(found);
    QVERIFY(log.contains("admin.report_monthly"));
    QVERIFY(log.contains("admin.import_population"));
}

QTEST_GUILESS_MAIN(MonthlyReportTest)
#include "monthlyreporttest.moc"
