// Form definitions as data: the built-in registry, versions, and errors that name the problem.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "model/formdefinition.h"
#include "model/record.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <set>
#endif

using namespace fieldbook;

namespace {

// A minimal valid form with `fieldJson` as its only (or extra) field definitions.
std::string document(const std::string& fieldsJson, const std::string& extraFormKeys = {})
{
    return R"({"forms":[{"record_type":"demo","version":1,"title":"Demo",)" + extraFormKeys + R"("fields":[)"
        + fieldsJson + "]}]}";
}

} // namespace

class FormDefinitionTest : public QObject
{
    Q_OBJECT

private slots:
    void builtinCoversEveryRecordType_data();
    void builtinCoversEveryRecordType();
    void contractFieldNames_data();
    void contractFieldNames();
    void versions();
    void documentShapes();
    void errorsNameTheProblem_data();
    void errorsNameTheProblem();
    void toJsonRoundTrips();
    void fieldTypes_data();
    void fieldTypes();
    void visibleWhenOfEveryForm_data();
    void visibleWhenOfEveryForm();
    void visibleWhenTableCoversEveryConditionalField();
    void visibleWhenKindsOfAnswer_data();
    void visibleWhenKindsOfAnswer();
};

namespace {

struct VisibilityRow
{
    const char* recordType;
    int version;
    const char* field;
    const char* answers; // the other answers, as JSON
    bool visible;
};

// Every visible_when of every built-in form, each shown and hidden at least once.
const std::vector<VisibilityRow>& visibilityTable()
{
    static const std::vector<VisibilityRow> rows = {
        {"triage", 1, "decline_reasons", R"({"outcome":"declined"})", true},
        {"triage", 1, "decline_reasons", R"({"outcome":"declined_to_sign"})", true},
        {"triage", 1, "decline_reasons", R"({"outcome":"accepted"})", false},
        {"triage", 1, "decline_reasons", R"({})", false},
        {"case", 1, "referral_status", R"({"stream":"play"})", true},
        {"case", 1, "referral_status", R"({"stream":"befriending"})", false},
        {"case", 1, "referral_status_since", R"({"stream":"play"})", true},
        {"case", 1, "referral_status_since", R"({"stream":"casework"})", false},
        {"case", 1, "closed_on", R"({"status":"closed"})", true},
        {"case", 1, "closed_on", R"({"status":"open"})", false},
        {"case", 1, "closure_reason", R"({"status":"closed"})", true},
        {"case", 1, "closure_reason", R"({"status":""})", false},
        {"session_report", 1, "concern_details", R"({"concerns":"boundary"})", true},
        {"session_report", 1, "concern_details", R"({"concerns":"none"})", false},
        {"session_report", 2, "concern_details", R"({"concerns":"safeguarding"})", true},
        {"session_report", 2, "concern_details", R"({"concerns":"none"})", false},
        {"contact_sheet", 1, "concern_details", R"({"concerns":"safeguarding"})", true},
        {"contact_sheet", 1, "concern_details", R"({})", false},
        {"contact_sheet", 1, "establishment", R"({"mode":"in_person"})", true},
        {"contact_sheet", 1, "establishment", R"({"mode":"phone"})", false},
        {"person", 1, "prison_number", R"({"kind":"prisoner"})", true},
        {"person", 1, "prison_number", R"({"kind":"prison_leaver"})", true},
        {"person", 1, "prison_number", R"({"kind":"child"})", false},
        {"person", 1, "establishment", R"({"kind":"prison_leaver"})", true},
        {"person", 1, "establishment", R"({"kind":"family_member"})", false},
        {"person", 1, "release_date", R"({"kind":"prisoner"})", true},
        {"person", 1, "release_date", R"({"kind":"prison_leaver"})", false},
        {"play_session", 1, "concern_details", R"({"concerns":"boundary"})", true},
        {"play_session", 1, "concern_details", R"({"concerns":"none"})", false},
        // The volunteer's first-contact rhythm starts from sent_on: any volunteer named shows it.
        {"first_contact_report", 1, "sent_on", R"({"sent_to_volunteer":"a0000000000000000000000000000001"})", true},
        {"first_contact_report", 1, "sent_on", R"({"sent_to_volunteer":""})", false},
        {"first_contact_report", 1, "sent_on", R"({"sent_to_volunteer":null})", false},
        {"first_contact_report", 1, "sent_on", R"({})", false},
        {"protection_check", 1, "restrictions", R"({"outcome":"restricted"})", true},
        {"protection_check", 1, "restrictions", R"({"outcome":"clear"})", false},
        {"protection_check", 1, "details", R"({"outcome":"restricted"})", true},
        {"protection_check", 1, "details", R"({"outcome":"clear"})", false},
        {"match", 1, "ended_at", R"({"status":"ended"})", true},
        {"match", 1, "ended_at", R"({"status":"active"})", false},
        {"match", 1, "end_reason", R"({"status":"ended"})", true},
        {"match", 1, "end_reason", R"({"status":"proposed"})", false},
        {"case", 2, "referral_status", R"({"stream":"play"})", true},
        {"case", 2, "referral_status", R"({"stream":"mentoring"})", false},
        {"case", 2, "referral_status_since", R"({"stream":"play"})", true},
        {"case", 2, "referral_status_since", R"({"stream":"mentoring"})", false},
        {"case", 2, "mentoring_service", R"({"stream":"mentoring"})", true},
        {"case", 2, "mentoring_service", R"({"stream":"befriending"})", false},
        {"case", 2, "closed_on", R"({"status":"closed"})", true},
        {"case", 2, "closed_on", R"({"status":"open"})", false},
        {"case", 2, "closure_reason", R"({"status":"closed"})", true},
        {"case", 2, "closure_reason", R"({"status":"open"})", false},
        {"match", 2, "ended_at", R"({"status":"ended"})", true},
        {"match", 2, "ended_at", R"({"status":"active"})", false},
        {"match", 2, "end_reason", R"({"status":"ended"})", true},
        {"match", 2, "end_reason", R"({"status":"active"})", false},
        {"mentoring_referral", 1, "responsible_officer", R"({"supervision":"licence"})", true},
        {"mentoring_referral", 1, "responsible_officer", R"({"supervision":"none"})", false},
        {"mentoring_referral", 1, "responsible_officer_contact", R"({"supervision":"rehabilitation_activity_requirement"})", true},
        {"mentoring_referral", 1, "responsible_officer_contact", R"({})", false},
        {"welfare_grant_decision", 1, "decline_reason", R"({"decision":"declined"})", true},
        {"welfare_grant_decision", 1, "decline_reason", R"({"decision":"approved"})", false},
        {"welfare_grant_decision", 1, "given_as", R"({"decision":"approved"})", true},
        {"welfare_grant_decision", 1, "given_as", R"({"decision":"declined"})", false},
        {"welfare_grant_decision", 1, "amount_pence", R"({"decision":"approved"})", true},
        {"welfare_grant_decision", 1, "amount_pence", R"({})", false},
    };
    return rows;
}

} // namespace

void FormDefinitionTest::visibleWhenOfEveryForm_data()
{
    QTest::addColumn<QString>("recordType");
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("answers");
    QTest::addColumn<bool>("visible");
    for (const VisibilityRow& row : visibilityTable()) {
        QTest::addRow("%s v%d %s %s", row.recordType, row.version, row.field, row.answers)
            << row.recordType << row.version << row.field << row.answers << row.visible;
    }
}

void FormDefinitionTest::visibleWhenOfEveryForm()
{
    QFETCH(QString, recordType);
    QFETCH(int, version);
    QFETCH(QString, field);
    QFETCH(QString, answers);
    QFETCH(bool, visible);
    const FormDefinition* form = FormRegistry::builtin().find(recordType.toStdString(), version);
    QVERIFY(form);
    const FieldDefinition* definition = form->field(field.toStdString());
    QVERIFY(definition);
    QVERIFY(definition->visibleWhen);
    QCOMPARE(isFieldVisible(*definition, boost::json::parse(answers.toStdString()).as_object()), visible);
}

void FormDefinitionTest::visibleWhenTableCoversEveryConditionalField()
{
    // A new visible_when in a form must come with its rows above, shown and hidden.
    std::set<std::string> shown;
    std::set<std::string> hidden;
    for (const VisibilityRow& row : visibilityTable()) {
        const std::string key = std::string(row.recordType) + "/" + std::to_string(row.version) + "/" + row.field;
        (row.visible ? shown : hidden).insert(key);
    }
    for (const FormDefinition& form : FormRegistry::builtin().all()) {
        for (const FieldDefinition& field : form.fields) {
            if (!field.visibleWhen) {
                QVERIFY(isFieldVisible(field, {}));
                continue;
            }
            const std::string key = form.recordType + "/" + std::to_string(form.version) + "/" + field.name;
            QVERIFY2(shown.count(key) && hidden.count(key), key.c_str());
        }
    }
}

void FormDefinitionTest::visibleWhenKindsOfAnswer_data()
{
    QTest::addColumn<QString>("values"); // the condition's values, as a JSON array
    QTest::addColumn<QString>("answer"); // the other field's answer, as JSON ("" = absent)
    QTest::addColumn<bool>("visible");
    QTest::newRow("absent") << R"(["a"])" << "" << false;
    QTest::newRow("null") << R"(["a"])" << "null" << false;
    QTest::newRow("empty text") << R"(["a"])" << R"("")" << false;
    QTest::newRow("listed text") << R"(["a","b"])" << R"("b")" << true;
    QTest::newRow("other text") << R"(["a"])" << R"("c")" << false;
    QTest::newRow("text, case matters") << R"(["a"])" << R"("A")" << false;
    QTest::newRow("true listed") << R"(["true"])" << "true" << true;
    QTest::newRow("false not listed") << R"(["true"])" << "false" << false;
    QTest::newRow("false listed") << R"(["false"])" << "false" << true;
    QTest::newRow("list holds one") << R"(["a"])" << R"(["c","a"])" << true;
    QTest::newRow("list holds none") << R"(["a"])" << R"(["c"])" << false;
    QTest::newRow("empty list") << R"(["a"])" << "[]" << false;
    QTest::newRow("number") << R"(["1"])" << "1" << false;
    QTest::newRow("object") << R"(["a"])" << R"({"a":1})" << false;
    QTest::newRow("any: text") << "[]" << R"("anything")" << true;
    QTest::newRow("any: false") << "[]" << "false" << true;
    QTest::newRow("any: number") << "[]" << "0" << true;
    QTest::newRow("any: empty text") << "[]" << R"("")" << false;
    QTest::newRow("any: empty list") << "[]" << "[]" << false;
    QTest::newRow("any: empty object") << "[]" << "{}" << false;
    QTest::newRow("any: absent") << "[]" << "" << false;
}

void FormDefinitionTest::visibleWhenKindsOfAnswer()
{
    QFETCH(QString, values);
    QFETCH(QString, answer);
    QFETCH(bool, visible);
    FieldDefinition field;
    field.name = "shown";
    Condition condition;
    condition.field = "other";
    const boost::json::value parsed = boost::json::parse(values.toStdString());
    for (const auto& value : parsed.as_array()) {
        condition.values.emplace_back(value.as_string());
    }
    field.visibleWhen = condition;
    boost::json::object answers;
    if (!answer.isEmpty()) {
        answers["other"] = boost::json::parse(answer.toStdString());
    }
    QCOMPARE(isFieldVisible(field, answers), visible);
}

void FormDefinitionTest::builtinCoversEveryRecordType_data()
{
    QTest::addColumn<QString>("type");
    for (const auto& type : knownRecordTypes()) {
        QTest::newRow(type.c_str()) << QString::fromStdString(type);
    }
}

void FormDefinitionTest::builtinCoversEveryRecordType()
{
    QFETCH(QString, type);
    const auto* form = FormRegistry::builtin().current(type.toStdString());
    QVERIFY(form);
    QVERIFY(!form->title.empty());
    QVERIFY(!form->fields.empty());
    QVERIFY(FormRegistry::builtin().find(type.toStdString(), 1));
    for (const auto& field : form->fields) {
        QVERIFY2(!field.label.empty(), field.name.c_str());
    }
}

// The field names docs/sync-contract.md writes, exactly, in the current version of each form.
void FormDefinitionTest::contractFieldNames_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("person") << "person" << QStringList{"kind", "given_name", "family_name", "date_of_birth",
                                                       "prison_number", "establishment"};
    QTest::newRow("case") << "case" << QStringList{"person_id", "stream", "practitioner_id", "status"};
    QTest::newRow("relationship") << "relationship" << QStringList{"prisoner_id", "person_id", "relation"};
    QTest::newRow("consent") << "consent" << QStringList{"given_by", "scope", "about", "status", "method", "recorded_at"};
    QTest::newRow("protection_check") << "protection_check"
                                      << QStringList{"subject", "outcome", "restrictions", "checked_at", "source"};
    QTest::newRow("vetting") << "vetting" << QStringList{"volunteer", "dbs_checked_at", "dbs_expires_at", "training"};
    QTest::newRow("match") << "match" << QStringList{"case_id", "volunteer", "person_id", "status", "started_at",
                                                     "ended_at"};
    const QStringList contact = {"case_id", "person_id", "occurred_at", "duration_minutes", "mode", "location",
                                 "notes", "concerns"};
    QTest::newRow("session_report") << "session_report" << contact;
    QTest::newRow("contact_sheet") << "contact_sheet" << contact;
    QTest::newRow("play_session") << "play_session" << contact;
    QTest::newRow("safeguarding_report") << "safeguarding_report"
                                         << QStringList{"case_id", "person_id", "urgency", "setting", "what_happened",
                                                        "action_taken", "officer_informed"};
    QTest::newRow("radar") << "radar" << QStringList{"case_id", "stage", "scores"};
    QTest::newRow("triage") << "triage" << QStringList{"outcome", "decline_reasons", "needs", "interest_play",
                                                       "interest_visitor_scheme", "release_date", "arrived_at"};
    QTest::newRow("care_plan_action") << "care_plan_action" << QStringList{"owner", "due_on", "status"};
    QTest::newRow("child_assessment") << "child_assessment" << QStringList{"stage", "scores"};
    QTest::newRow("carer_contact_attempt") << "carer_contact_attempt" << QStringList{"attempted_at", "outcome"};
}

void FormDefinitionTest::contractFieldNames()
{
    QFETCH(QString, type);
    QFETCH(QStringList, fields);
    const auto* form = FormRegistry::builtin().current(type.toStdString());
    QVERIFY(form);
    for (const auto& name : fields) {
        QVERIFY2(form->field(name.toStdString()), qPrintable(type + "." + name));
    }
    QVERIFY(!form->field("age_band")); // derived, never stored
}

void FormDefinitionTest::versions()
{
    const auto& registry = FormRegistry::builtin();
    const auto* v1 = registry.find("session_report", 1);
    const auto* v2 = registry.find("session_report", 2);
    QVERIFY(v1 && v2);
    QCOMPARE(registry.current("session_report"), v2);
    QVERIFY(!registry.find("session_report", 3));
    QVERIFY(!registry.find("nothing", 1));
    QVERIFY(!registry.current("nothing"));
    QVERIFY(!v1->field("next_contact_on"));
    QVERIFY(v2->field("next_contact_on"));
    QCOMPARE(*v1->field("duration_minutes")->max, std::int64_t(480));
    QCOMPARE(*v2->field("duration_minutes")->max, std::int64_t(240));
    QVERIFY(!v1->field("concerns")->required);
    QVERIFY(v2->field("concerns")->required);
    QVERIFY(v1->field("notes")->narrative);
    QVERIFY(v1->field("notes")->specialCategory);
    QVERIFY(registry.current("person")->field("prison_number")->specialCategory);
}

void FormDefinitionTest::documentShapes()
{
    const std::string form = R"({"record_type":"demo","version":2,"title":"Demo","fields":[{"name":"a","label":"A","type":"text"}]})";
    QCOMPARE(FormRegistry::fromJson(form).all().size(), std::size_t(1));
    QCOMPARE(FormRegistry::fromJson("[" + form + "]").all().size(), std::size_t(1));
    QCOMPARE(FormRegistry::fromJson(R"({"forms":[)" + form + "]}").find("demo", 2)->fields.size(), std::size_t(1));
    QCOMPARE(FormRegistry::fromJson(R"({"forms":[]})").all().size(), std::size_t(0));
}

void FormDefinitionTest::errorsNameTheProblem_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");
    const auto field = [](const std::string& extra) {
        return QString::fromStdString(document(R"({"name":"a","label":"A",)" + extra + "}"));
    };
    QTest::newRow("not JSON") << "{" << "not valid JSON";
    QTest::newRow("not a form") << "42" << "must be an object or an array";
    QTest::newRow("no record_type") << R"({"version":1,"title":"T","fields":[]})" << "\"record_type\" is missing";
    QTest::newRow("bad record_type") << R"({"record_type":"Demo Form","version":1,"title":"T","fields":[]})"
                                     << "record_type \"Demo Form\"";
    QTest::newRow("no version") << R"({"record_type":"demo","title":"T","fields":[]})" << "\"version\" is missing";
    QTest::newRow("version 0") << R"({"record_type":"demo","version":0,"title":"T","fields":[]})"
                               << "version must be 1..1000";
    QTest::newRow("version 1001") << R"({"record_type":"demo","version":1001,"title":"T","fields":[]})"
                                  << "version must be 1..1000";
    QTest::newRow("no fields") << R"({"record_type":"demo","version":1,"title":"T","fields":[]})"
                               << "(demo v1): \"fields\" must be a non-empty array";
    QTest::newRow("no title") << R"({"record_type":"demo","version":1,"fields":[]})" << "\"title\" is missing";
    QTest::newRow("unknown form key") << QString::fromStdString(document(R"({"name":"a","label":"A","type":"text"})",
                                                                         R"("colour":"red",)"))
                                      << "unknown key \"colour\"";
    QTest::newRow("unknown type") << field(R"("type":"email")") << "fields[0]: (a): unknown type \"email\"";
    QTest::newRow("unknown field key") << field(R"("type":"text","requird":true)") << "unknown key \"requird\"";
    QTest::newRow("bad field name") << QString::fromStdString(document(R"({"name":"Given Name","label":"A","type":"text"})"))
                                    << "name \"Given Name\"";
    QTest::newRow("no label") << QString::fromStdString(document(R"({"name":"a","type":"text"})"))
                              << "(a): \"label\" is missing";
    QTest::newRow("required not bool") << field(R"("type":"text","required":"yes")")
                                       << "\"required\" must be true or false";
    QTest::newRow("choice without choices") << field(R"("type":"choice")") << "needs a non-empty \"choices\"";
    QTest::newRow("choices on text") << field(R"("type":"text","choices":["x"])") << "\"choices\" apply only";
    QTest::newRow("duplicate choice") << field(R"("type":"choice","choices":["x","x"])") << "lists \"x\" twice";
    QTest::newRow("min above max") << field(R"("type":"integer","min":10,"max":5)")
                                   << "min 10 is greater than max 5";
    QTest::newRow("min on text") << field(R"("type":"text","min":1)") << "\"min\"/\"max\" apply only";
    QTest::newRow("max_length 0") << field(R"("type":"text","max_length":0)") << "\"max_length\" must be 1..16384";
    QTest::newRow("max_length too long") << field(R"("type":"text","max_length":100000)")
                                         << "\"max_length\" must be 1..16384";
    QTest::newRow("max_length on integer") << field(R"("type":"integer","max_length":5)")
                                           << "\"max_length\" applies only";
    QTest::newRow("duplicate field") << QString::fromStdString(document(
        R"({"name":"a","label":"A","type":"text"},{"name":"a","label":"B","type":"text"})"))
                                     << "field \"a\" is defined twice";
    QTest::newRow("condition on unknown field") << field(R"("type":"text","visible_when":{"field":"b","values":["x"]})")
                                                << "visible_when: \"b\" is not an earlier field";
    QTest::newRow("condition on a later field") << QString::fromStdString(document(
        R"({"name":"a","label":"A","type":"text","visible_when":{"field":"b","values":["x"]}},)"
        R"({"name":"b","label":"B","type":"choice","choices":["x"]})"))
                                                << "\"b\" is not an earlier field";
    QTest::newRow("condition value not a choice") << QString::fromStdString(document(
        R"({"name":"b","label":"B","type":"choice","choices":["x"]},)"
        R"({"name":"a","label":"A","type":"text","visible_when":{"field":"b","values":["y"]}})"))
                                                  << "\"y\" is not a choice of \"b\"";
    QTest::newRow("condition on text value") << QString::fromStdString(document(
        R"({"name":"b","label":"B","type":"text"},)"
        R"({"name":"a","label":"A","type":"text","visible_when":{"field":"b","values":["y"]}})"))
                                             << "can only be compared with a choice";
    QTest::newRow("condition unknown key") << QString::fromStdString(document(
        R"({"name":"b","label":"B","type":"boolean"},)"
        R"({"name":"a","label":"A","type":"text","visible_when":{"field":"b","value":"true"}})"))
                                           << "unknown key \"value\"";
    const std::string form = R"({"record_type":"demo","version":1,"title":"T","fields":[{"name":"a","label":"A","type":"text"}]})";
    QTest::newRow("same version twice") << QString::fromStdString("[" + form + "," + form + "]")
                                        << "demo version 1 is defined twice";
}

void FormDefinitionTest::errorsNameTheProblem()
{
    QFETCH(QString, json);
    QFETCH(QString, message);
    try {
        FormRegistry::fromJson(json.toStdString());
        QFAIL("expected std::invalid_argument");
    } catch (const std::invalid_argument& error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains(message), error.what());
    }
}

void FormDefinitionTest::toJsonRoundTrips()
{
    const auto& builtin = FormRegistry::builtin();
    const auto json = builtin.toJson();
    QVERIFY(json.at("forms").is_array());
    const auto again = FormRegistry::fromJson(boost::json::serialize(json));
    QCOMPARE(again.all().size(), builtin.all().size());
    QCOMPARE(boost::json::serialize(again.toJson()), boost::json::serialize(json));
    const auto& first = json.at("forms").as_array().at(0).as_object();
    for (const char* key : {"record_type", "version", "title", "fields"}) {
        QVERIFY2(first.contains(key), key);
    }
}

void FormDefinitionTest::fieldTypes_data()
{
    QTest::addColumn<QString>("name");
    for (const char* name : {"text", "long_text", "date", "instant", "integer", "boolean", "choice", "multi_choice",
                             "record_ref", "user_ref", "scores", "restrictions"}) {
        QTest::newRow(name) << name;
    }
}

void FormDefinitionTest::fieldTypes()
{
    QFETCH(QString, name);
    const auto type = parseFieldType(name.toStdString());
    QVERIFY(type);
    QCOMPARE(QString::fromUtf8(fieldTypeName(*type).data(), qsizetype(fieldTypeName(*type).size())), name);
    QVERIFY(!parseFieldType("Text"));
}

QTEST_APPLESS_MAIN(FormDefinitionTest)
#include "formdefinitiontest.moc"
