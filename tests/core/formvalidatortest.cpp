// The one validator: every rule, conditional visibility, and old form versions still accepted.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "model/formvalidator.h"

#include "scenario.h"
#endif

using namespace fieldbook;
using fieldbook::test::hexId;

namespace {

// A form that has one field of every type and the conditions the tests need.
const FormDefinition& testForm()
{
    static const FormRegistry registry = FormRegistry::fromJson(R"({"forms":[{
      "record_type":"demo","version":1,"title":"Demo","fields":[
        {"name":"name","label":"Name","type":"text","required":true,"max_length":5},
        {"name":"story","label":"Story","type":"long_text","max_length":10},
        {"name":"day","label":"Day","type":"date"},
        {"name":"at","label":"At","type":"instant"},
        {"name":"minutes","label":"Duration","type":"integer","min":1,"max":480},
        {"name":"ok","label":"OK","type":"boolean"},
        {"name":"mode","label":"Mode","type":"choice","choices":["in_person","phone"]},
        {"name":"tags","label":"Tags","type":"multi_choice","choices":["a","b","c"]},
        {"name":"ref","label":"Ref","type":"record_ref"},
        {"name":"who","label":"Who","type":"user_ref"},
        {"name":"scores","label":"Scores","type":"scores","choices":["x","y"],"min":1,"max":5,"required":true},
        {"name":"limits","label":"Limits","type":"restrictions","choices":["named_person","children_under_18"]},
        {"name":"where","label":"Where","type":"text","required":true,"visible_when":{"field":"mode","values":["in_person"]}},
        {"name":"why","label":"Why","type":"text","visible_when":{"field":"ok","values":["false"]}},
        {"name":"tagged","label":"Tagged","type":"text","visible_when":{"field":"tags","values":["c"]}},
        {"name":"about_ref","label":"About ref","type":"text","visible_when":{"field":"ref"}}
      ]}]})");
    return *registry.find("demo", 1);
}

} // namespace

class FormValidatorTest : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void allErrorsInFieldOrder();
    void reasonNamesTheField();
    void builtinExamples_data();
    void builtinExamples();
    void olderVersionStillValidates();
};

// `fields` is merged over a valid base; `expected` is "field:rule" of the single error, or "".
void FormValidatorTest::rules_data()
{
    QTest::addColumn<QString>("fields");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("message"); // part of the message, or ""

    const QString id = QString::fromStdString(hexId(1));
    QTest::newRow("valid") << "{}" << "" << "";
    QTest::newRow("required missing") << R"({"name":null})" << "name:required" << "Name is required.";
    QTest::newRow("required empty string") << R"({"name":""})" << "name:required" << "";
    QTest::newRow("text wrong type") << R"({"name":5})" << "name:type" << "Name must be text.";
    QTest::newRow("text too long") << R"({"name":"abcdef"})" << "name:max_length" << "at most 5 characters";
    QTest::newRow("text at the limit") << R"({"name":"abcde"})" << "" << "";
    QTest::newRow("length counts characters") << R"({"name":"ééééé"})" << "" << "";
    QTest::newRow("one-line text refuses newline") << R"({"name":"a\nb"})" << "name:format" << "line breaks";
    QTest::newRow("long text allows newline") << R"({"story":"a\nb"})" << "" << "";
    QTest::newRow("long text refuses NUL") << R"({"story":"a\u0000b"})" << "story:format" << "";
    QTest::newRow("long text too long") << R"({"story":"01234567890"})" << "story:max_length" << "";
    QTest::newRow("date wrong type") << R"({"day":20250301})" << "day:type" << "";
    QTest::newRow("date not real") << R"({"day":"2025-02-29"})" << "day:format" << "YYYY-MM-DD";
    QTest::newRow("date as instant") << R"({"day":"2025-03-01T10:00:00Z"})" << "day:format" << "";
    QTest::newRow("instant ok") << R"({"at":"2025-03-01T10:00:00Z"})" << "" << "";
    QTest::newRow("instant as date") << R"({"at":"2025-03-01"})" << "at:format" << "";
    QTest::newRow("integer ok") << R"({"minutes":480})" << "" << "";
    QTest::newRow("integer below min") << R"({"minutes":0})" << "minutes:min" << "Duration must be at least 1.";
    QTest::newRow("integer above max") << R"({"minutes":481})" << "minutes:max" << "Duration must be at most 480.";
    QTest::newRow("integer as string") << R"({"minutes":"60"})" << "minutes:type" << "";
    QTest::newRow("integer as fraction") << R"({"minutes":60.5})" << "minutes:type" << "";
    QTest::newRow("integer huge") << R"({"minutes":18446744073709551615})" << "minutes:type" << "";
    QTest::newRow("boolean ok") << R"({"ok":true})" << "" << "";
    QTest::newRow("boolean as string") << R"({"ok":"true"})" << "ok:type" << "";
    QTest::newRow("choice not listed") << R"({"mode":"email"})" << "mode:choice" << "one of: in_person, phone";
    QTest::newRow("choice wrong type") << R"({"mode":1})" << "mode:type" << "";
    QTest::newRow("multi choice ok") << R"({"tags":["a","b"]})" << "" << "";
    QTest::newRow("multi choice not listed") << R"({"tags":["a","z"]})" << "tags:choice" << "\"z\"";
    QTest::newRow("multi choice twice") << R"({"tags":["a","a"]})" << "tags:choice" << "twice";
    QTest::newRow("multi choice not a list") << R"({"tags":"a"})" << "tags:type" << "";
    QTest::newRow("record ref bad") << R"({"ref":"123"})" << "ref:format" << "32 lowercase hex";
    QTest::newRow("user ref bad type") << R"({"who":123})" << "who:type" << "";
    QTest::newRow("scores missing one") << R"({"scores":{"x":1}})" << "scores:required" << "give a score for y";
    QTest::newRow("scores out of range") << R"({"scores":{"x":1,"y":6}})" << "scores:max" << "from 1 to 5";
    QTest::newRow("scores below range") << R"({"scores":{"x":0,"y":1}})" << "scores:min" << "";
    QTest::newRow("scores unknown domain") << R"({"scores":{"x":1,"y":1,"z":1}})" << "scores:choice" << "\"z\"";
    QTest::newRow("scores not numbers") << R"({"scores":{"x":"1","y":1}})" << "scores:type" << "";
    QTest::newRow("restrictions ok") << QString(R"({"limits":[{"kind":"named_person","person_id":"%1"},{"kind":"children_under_18"}]})").arg(id)
                                     << "" << "";
    QTest::newRow("named person without person") << R"({"limits":[{"kind":"named_person"}]})" << "limits:required"
                                                 << "must name the person";
    QTest::newRow("restriction unknown kind") << R"({"limits":[{"kind":"former_partner"}]})" << "limits:choice" << "";
    QTest::newRow("restriction extra key") << R"({"limits":[{"kind":"children_under_18","why":"x"}]})"
                                           << "limits:unknown_field" << "";
    QTest::newRow("restriction bad person id") << R"({"limits":[{"kind":"named_person","person_id":"x"}]})"
                                               << "limits:format" << "";
    QTest::newRow("restrictions not a list") << R"({"limits":{"kind":"named_person"}})" << "limits:type" << "";
    QTest::newRow("unknown field") << R"({"colour":"red"})" << "colour:unknown_field" << "not a field of Demo";
    QTest::newRow("visible and required: missing") << R"({"mode":"in_person"})" << "where:required" << "";
    QTest::newRow("visible and required: given") << R"({"mode":"in_person","where":"café"})" << "" << "";
    QTest::newRow("hidden field given") << R"({"mode":"phone","where":"café"})" << "where:hidden" << "leave it empty";
    QTest::newRow("hidden field empty is fine") << R"({"mode":"phone","where":""})" << "" << "";
    QTest::newRow("hidden while condition absent") << R"({"where":"café"})" << "where:hidden" << "";
    QTest::newRow("boolean condition shown") << R"({"ok":false,"why":"late"})" << "" << "";
    QTest::newRow("boolean condition hidden") << R"({"ok":true,"why":"late"})" << "why:hidden" << "";
    QTest::newRow("multi choice condition shown") << R"({"tags":["a","c"],"tagged":"yes"})" << "" << "";
    QTest::newRow("multi choice condition hidden") << R"({"tags":["a"],"tagged":"yes"})" << "tagged:hidden" << "";
    QTest::newRow("any-value condition shown") << QString(R"({"ref":"%1","about_ref":"x"})").arg(id) << "" << "";
    QTest::newRow("any-value condition hidden") << R"({"about_ref":"x"})" << "about_ref:hidden" << "";
    QTest::newRow("hidden field is not type-checked") << R"({"mode":"phone","why":null})" << "" << "";
}

void FormValidatorTest::rules()
{
    QFETCH(QString, fields);
    QFETCH(QString, expected);
    QFETCH(QString, message);
    auto object = test::object(R"({"name":"Ann","scores":{"x":1,"y":5}})");
    for (const auto& entry : test::object(fields.toStdString())) {
        object[entry.key()] = entry.value();
    }
    const auto errors = validate(testForm(), object);
    QStringList got;
    for (const auto& error : errors) {
        got << QString::fromStdString(error.field + ":" + error.rule);
        QVERIFY(!error.message.empty());
    }
    QCOMPARE(got.join(' '), expected);
    if (!message.isEmpty()) {
        QVERIFY2(QString::fromStdString(errors.front().message).contains(message), errors.front().message.c_str());
    }
}

void FormValidatorTest::allErrorsInFieldOrder()
{
    const auto errors = validate(testForm(), test::object(R"({"zzz":1,"minutes":0,"name":"","mode":"x","aaa":2})"));
    QStringList got;
    for (const auto& error : errors) {
        got << QString::fromStdString(error.field + ":" + error.rule);
    }
    QCOMPARE(got, (QStringList{"name:required", "minutes:min", "mode:choice", "scores:required", "zzz:unknown_field",
                               "aaa:unknown_field"}));
}

void FormValidatorTest::reasonNamesTheField()
{
    const auto errors = validate(testForm(), test::object(R"({"name":"Ann","scores":{"x":1,"y":1},"minutes":999})"));
    QCOMPARE(errors.size(), std::size_t(1));
    QCOMPARE(errors.front().reason(), std::string("invalid:minutes"));
}

// Records as the other parts of Fieldbook write them, against the built-in current forms.
void FormValidatorTest::builtinExamples_data()
{
    const std::string id = hexId(1);
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("fields");
    QTest::addColumn<QString>("expected");
    const auto q = [](const std::string& s) { return QString::fromStdString(s); };
    QTest::newRow("session report v1") << "session_report" << 1
                                       << q(R"({"case_id":")" + id + R"(","person_id":")" + id
                                            + R"(","occurred_at":"2025-03-01T10:00:00Z","duration_minutes":60,"mode":"in_person","location":"café","notes":"Went well","concerns":"none"})")
                                       << "";
    QTest::newRow("session report v2 needs concerns") << "session_report" << 2
                                                      << q(R"({"case_id":")" + id + R"(","person_id":")" + id
                                                           + R"(","occurred_at":"2025-03-01T10:00:00Z"})")
                                                      << "concerns:required";
    QTest::newRow("concern details required with a concern")
        << "session_report" << 1
        << q(R"({"case_id":")" + id + R"(","person_id":")" + id
             + R"(","occurred_at":"2025-03-01T10:00:00Z","concerns":"boundary"})")
        << "concern_details:required";
    QTest::newRow("person: prison number hidden for a family member")
        << "person" << 1 << R"({"kind":"family_member","given_name":"Irina","prison_number":"A1234BC"})"
        << "prison_number:hidden";
    QTest::newRow("person: prisoner") << "person" << 1
                                      << R"({"kind":"prisoner","given_name":"Daniel","prison_number":"A1234BC","establishment":"HMP X","date_of_birth":"1980-04-02"})"
                                      << "";
    QTest::newRow("protection check: clear") << "protection_check" << 1
                                             << q(R"({"subject":")" + id + R"(","outcome":"clear","restrictions":[],"checked_at":"2025-01-04"})")
                                             << "";
    QTest::newRow("protection check: restricted needs restrictions")
        << "protection_check" << 1 << q(R"({"subject":")" + id + R"(","outcome":"restricted","checked_at":"2025-01-04"})")
        << "restrictions:required";
    QTest::newRow("protection check: clear with restrictions")
        << "protection_check" << 1
        << q(R"({"subject":")" + id + R"(","outcome":"clear","restrictions":[{"kind":"children_under_18"}],"checked_at":"2025-01-04"})")
        << "restrictions:hidden";
    QTest::newRow("triage declined needs reasons") << "triage" << 1
                                                   << q(R"({"case_id":")" + id + R"(","person_id":")" + id
                                                        + R"(","triaged_at":"2025-03-01T10:00:00Z","outcome":"declined"})")
                                                   << "decline_reasons:required";
    QTest::newRow("triage declined to sign") << "triage" << 1
                                             << q(R"({"case_id":")" + id + R"(","person_id":")" + id
                                                  + R"(","triaged_at":"2025-03-01T10:00:00Z","outcome":"declined_to_sign","decline_reasons":["not_interested"]})")
                                             << "";
    QTest::newRow("radar needs six domains") << "radar" << 1
                                             << q(R"({"case_id":")" + id + R"(","stage":"start","scores":{"communication":3}})")
                                             << "scores:required";
    QTest::newRow("safeguarding report") << "safeguarding_report" << 1
                                         << R"({"urgency":"urgent","setting":"community","what_happened":"...","action_taken":["called_999"],"officer_informed":true})"
                                         << "";
    QTest::newRow("vetting") << "vetting" << 1
                             << q(R"({"volunteer":")" + id + R"(","dbs_checked_at":"2024-01-01","dbs_expires_at":"2027-01-01","training":["safeguarding","data_protection"]})")
                             << "";
    QTest::newRow("match ended needs no end date but refuses it while active")
        << "match" << 1
        << q(R"({"case_id":")" + id + R"(","volunteer":")" + id + R"(","person_id":")" + id
             + R"(","status":"active","ended_at":"2025-01-01"})")
        << "ended_at:hidden";
    QTest::newRow("welfare grant amount") << "welfare_grant_request" << 1
                                          << q(R"({"case_id":")" + id + R"(","person_id":")" + id
                                               + R"(","requested_on":"2025-03-01","purpose":"food","amount_pence":0,"justification":"x"})")
                                          << "amount_pence:min";
}

void FormValidatorTest::builtinExamples()
{
    QFETCH(QString, type);
    QFETCH(int, version);
    QFETCH(QString, fields);
    QFETCH(QString, expected);
    const auto* form = FormRegistry::builtin().find(type.toStdString(), version);
    QVERIFY(form);
    QStringList got;
    for (const auto& error : validate(*form, test::object(fields.toStdString()))) {
        got << QString::fromStdString(error.field + ":" + error.rule);
    }
    QCOMPARE(got.join(' '), expected);
}

// A draft written with version 1 stays sendable after version 2 is in force.
void FormValidatorTest::olderVersionStillValidates()
{
    const std::string id = hexId(1);
    const auto draft = test::object(R"({"case_id":")" + id + R"(","person_id":")" + id
                                    + R"(","occurred_at":"2025-03-01T10:00:00Z","duration_minutes":300})");
    const auto& registry = FormRegistry::builtin();
    QVERIFY(validate(*registry.find("session_report", 1), draft).empty());
    const auto errors = validate(*registry.current("session_report"), draft);
    QStringList got;
    for (const auto& error : errors) {
        got << QString::fromStdString(error.field + ":" + error.rule);
    }
    QCOMPARE(got, (QStringList{"duration_minutes:max", "concerns:required"}));
    // ...and a version 2 field is unknown to version 1.
    auto withNew = draft;
    withNew["next_contact_on"] = "2025-03-10";
    QCOMPARE(validate(*registry.find("session_report", 1), withNew).front().rule, std::string("unknown_field"));
}

QTEST_APPLESS_MAIN(FormValidatorTest)
#include "formvalidatortest.moc"
