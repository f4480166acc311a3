// The change codec: round trips, and every bound and format refused with the field named.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "sync/changecodec.h"
#include "sync/limits.h"

#include "scenario.h"

#include <boost/json/serialize.hpp>
#endif

using namespace fieldbook;
using fieldbook::test::hexId;

namespace {

std::string hlc()
{
    return "1735689600000-000001-" + hexId(77);
}

boost::json::object validChange()
{
    return test::object(R"({"id":")" + hexId(1) + R"(","record_type":"session_report","record_id":")" + hexId(2)
                        + R"(","op":"upsert","hlc":")" + hlc()
                        + R"(","form_version":1,"fields":{"case_id":")" + hexId(3)
                        + R"(","duration_minutes":60,"notes":"Went well","training":["a","b"],"scores":{"x":1}}})");
}

std::string nested(int depth)
{
    std::string out = "1";
    for (int i = 0; i < depth; ++i) {
        out = "[" + out + "]";
    }
    return out;
}

} // namespace

class ChangeCodecTest : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void authorNeverReadFromTheBody();
    void rejects_data();
    void rejects();
    void deleteNeedsNoFields();
    void bodies_data();
    void bodies();
    void pushAnswersPerChange();
    void pushRequestErrors_data();
    void pushRequestErrors();
    void pushAtTheLimit();
};

void ChangeCodecTest::roundTrip()
{
    const auto decoded = decodeChange(validChange());
    QVERIFY(std::holds_alternative<Change>(decoded));
    const auto& change = std::get<Change>(decoded);
    QCOMPARE(change.id, hexId(1));
    QCOMPARE(change.recordType, std::string("session_report"));
    QCOMPARE(change.recordId, hexId(2));
    QCOMPARE(change.op, std::string("upsert"));
    QCOMPARE(change.hlc, hlc());
    QCOMPARE(change.formVersion, 1);
    QCOMPARE(change.fields.at("duration_minutes").as_int64(), std::int64_t(60));
    const auto encoded = encodeChange(change);
    QCOMPARE(boost::json::serialize(encoded), boost::json::serialize(validChange()));
    const auto again = decodeChange(encoded);
    QVERIFY(std::holds_alternative<Change>(again));
    QCOMPARE(boost::json::serialize(encodeChange(std::get<Change>(again))), boost::json::serialize(encoded));
}

void ChangeCodecTest::authorNeverReadFromTheBody()
{
    auto body = validChange();
    body["author"] = hexId(66);
    body["device_id"] = hexId(67); // unknown envelope keys are ignored
    const auto decoded = decodeChange(body);
    QVERIFY(std::holds_alternative<Change>(decoded));
    QVERIFY(std::get<Change>(decoded).author.empty());
    QVERIFY(!encodeChange(std::get<Change>(decoded)).contains("author"));
}

// `patch` is merged over a valid change (null removes a key); `field` is what the error names.
void ChangeCodecTest::rejects_data()
{
    QTest::addColumn<QString>("patch");
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("tooLarge");

    QTest::newRow("missing id") << R"({"id":null})" << "id" << false;
    QTest::newRow("id too short") << R"({"id":"abc"})" << "id" << false;
    QTest::newRow("id uppercase") << R"({"id":"0123456789ABCDEF0123456789ABCDEF"})" << "id" << false;
    QTest::newRow("id a number") << R"({"id":12345})" << "id" << false;
    QTest::newRow("record id bad") << R"({"record_id":"not-an-id"})" << "record_id" << false;
    QTest::newRow("record id missing") << R"({"record_id":null})" << "record_id" << false;
    QTest::newRow("record type missing") << R"({"record_type":null})" << "record_type" << false;
    QTest::newRow("record type with spaces") << R"({"record_type":"session report"})" << "record_type" << false;
    QTest::newRow("record type a number") << R"({"record_type":7})" << "record_type" << false;
    QTest::newRow("unknown op") << R"({"op":"merge"})" << "op" << false;
    QTest::newRow("op uppercase") << R"({"op":"UPSERT"})" << "op" << false;
    QTest::newRow("op missing") << R"({"op":null})" << "op" << false;
    QTest::newRow("hlc missing") << R"({"hlc":null})" << "hlc" << false;
    QTest::newRow("hlc without node") << R"({"hlc":"1735689600000-000001"})" << "hlc" << false;
    QTest::newRow("hlc short millis") << QString::fromStdString(R"({"hlc":"173568960000-000001-)" + hexId(1) + "\"}")
                                      << "hlc" << false;
    QTest::newRow("hlc a number") << R"({"hlc":1735689600000})" << "hlc" << false;
    QTest::newRow("form version 0") << R"({"form_version":0})" << "form_version" << false;
    QTest::newRow("form version 1001") << R"({"form_version":1001})" << "form_version" << false;
    QTest::newRow("form version negative") << R"({"form_version":-1})" << "form_version" << false;
    QTest::newRow("form version string") << R"({"form_version":"1"})" << "form_version" << false;
    QTest::newRow("form version fraction") << R"({"form_version":1.5})" << "form_version" << false;
    QTest::newRow("form version huge") << R"({"form_version":18446744073709551615})" << "form_version" << false;
    QTest::newRow("form version missing") << R"({"form_version":null})" << "form_version" << false;
    QTest::newRow("fields missing") << R"({"fields":null})" << "fields" << false;
    QTest::newRow("fields an array") << R"({"fields":[1]})" << "fields" << false;
    QTest::newRow("fields a string") << R"({"fields":"x"})" << "fields" << false;
    QTest::newRow("field name uppercase") << R"({"fields":{"Notes":"x"}})" << "fields" << false;
    QTest::newRow("field name empty") << R"({"fields":{"":"x"}})" << "fields" << false;
    QTest::newRow("string too long") << QString(R"({"fields":{"notes":"%1"}})").arg(QString(16 * 1024 + 1, 'x'))
                                     << "fields.notes" << true;
    QTest::newRow("array too long") << QString(R"({"fields":{"list":[%1]}})").arg(QString("1,").repeated(64) + "1")
                                    << "fields.list" << true;
    QTest::newRow("nested too deep") << QString(R"({"fields":{"deep":%1}})").arg(QString::fromStdString(nested(7)))
                                     << "fields.deep" << false;
    QTest::newRow("nested string too long") << QString(R"({"fields":{"deep":[{"a":"%1"}]}})").arg(QString(16 * 1024 + 1, 'x'))
                                            << "fields.deep" << true;
    QTest::newRow("nested key too long") << QString(R"({"fields":{"deep":{"%1":1}}})").arg(QString(65, 'k'))
                                         << "fields.deep" << false;
    QTest::newRow("whole change too large")
        << QString(R"({"fields":{%1}})")
               .arg([] {
                   QStringList parts;
                   for (int i = 0; i < 5; ++i) {
                       parts << QString(R"("f%1":"%2")").arg(i).arg(QString(15000, 'y'));
                   }
                   return parts.join(',');
               }())
        << "change" << true;
}

void ChangeCodecTest::rejects()
{
    QFETCH(QString, patch);
    QFETCH(QString, field);
    QFETCH(bool, tooLarge);
    auto change = validChange();
    for (const auto& entry : test::object(patch.toStdString())) {
        if (entry.value().is_null()) {
            change.erase(entry.key());
        } else {
            change[entry.key()] = entry.value();
        }
    }
    const auto decoded = decodeChange(change);
    QVERIFY(std::holds_alternative<DecodeError>(decoded));
    const auto& error = std::get<DecodeError>(decoded);
    QCOMPARE(QString::fromStdString(error.field), field);
    QCOMPARE(error.tooLarge, tooLarge);
    QCOMPARE(error.reason(), tooLarge ? std::string("too_large") : "invalid:" + field.toStdString());
    QVERIFY(!error.message.empty());
}

void ChangeCodecTest::deleteNeedsNoFields()
{
    auto change = validChange();
    change["op"] = "delete";
    change.erase("fields");
    const auto decoded = decodeChange(change);
    QVERIFY(std::holds_alternative<Change>(decoded));
    QCOMPARE(std::get<Change>(decoded).op, std::string("delete"));
    QVERIFY(std::get<Change>(decoded).fields.empty());
    QVERIFY(std::holds_alternative<DecodeError>(decodeChange(boost::json::value(42))));
    QVERIFY(std::holds_alternative<DecodeError>(decodeChange(boost::json::array{})));
}

void ChangeCodecTest::bodies_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("maxBytes");
    QTest::addColumn<QString>("error"); // part of the error, or "" for success
    QTest::newRow("object") << QByteArray(R"({"changes":[]})") << 100 << "";
    QTest::newRow("trailing whitespace") << QByteArray("{\"changes\":[]}\n  ") << 100 << "";
    QTest::newRow("too large") << QByteArray(R"({"changes":[]})") << 10 << "larger than 10 bytes";
    QTest::newRow("not JSON") << QByteArray("{changes:") << 100 << "not valid JSON";
    QTest::newRow("truncated") << QByteArray(R"({"changes":[)") << 100 << "not valid JSON";
    QTest::newRow("trailing garbage") << QByteArray(R"({"changes":[]} x)") << 100 << "not valid JSON";
    QTest::newRow("two documents") << QByteArray(R"({} {})") << 100 << "not valid JSON";
    QTest::newRow("comments") << QByteArray("{/* x */}") << 100 << "not valid JSON";
    QTest::newRow("trailing comma") << QByteArray(R"({"a":1,})") << 100 << "not valid JSON";
    QTest::newRow("invalid UTF-8") << QByteArray("{\"a\":\"\xff\xfe\"}") << 100 << "not valid JSON";
    QTest::newRow("too deep") << QByteArray::fromStdString(nested(200)) << 100000 << "nested deeper";
    QTest::newRow("empty") << QByteArray() << 100 << "not valid JSON";
}

void ChangeCodecTest::bodies()
{
    QFETCH(QByteArray, text);
    QFETCH(int, maxBytes);
    QFETCH(QString, error);
    std::string message;
    const auto value = parseBoundedJson(std::string_view(text.constData(), std::size_t(text.size())), message,
                                        std::size_t(maxBytes));
    QCOMPARE(value.has_value(), error.isEmpty());
    if (!error.isEmpty()) {
        QVERIFY2(QString::fromStdString(message).contains(error), message.c_str());
    }
}

void ChangeCodecTest::pushAnswersPerChange()
{
    auto bad = validChange();
    bad["id"] = hexId(9);
    bad["op"] = "merge";
    auto unreadable = validChange();
    unreadable["id"] = "nope";
    boost::json::array changes{validChange(), bad, unreadable, 42};
    const auto decoded = decodePush(boost::json::object{{"changes", changes}});
    QVERIFY(std::holds_alternative<PushRequest>(decoded));
    const auto& request = std::get<PushRequest>(decoded);
    QCOMPARE(request.changes.size(), std::size_t(4));
    QCOMPARE(request.ids, (std::vector<std::string>{hexId(1), hexId(9), "", ""}));
    QVERIFY(std::holds_alternative<Change>(request.changes[0]));
    QCOMPARE(std::get<DecodeError>(request.changes[1]).reason(), std::string("invalid:op"));
    QCOMPARE(std::get<DecodeError>(request.changes[2]).reason(), std::string("invalid:id"));
    QCOMPARE(std::get<DecodeError>(request.changes[3]).reason(), std::string("invalid:change"));
}

void ChangeCodecTest::pushRequestErrors_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("tooLarge");
    QTest::newRow("array body") << "[]" << "body" << false;
    QTest::newRow("string body") << "\"x\"" << "body" << false;
    QTest::newRow("no changes") << R"({"change":[]})" << "changes" << false;
    QTest::newRow("changes not an array") << R"({"changes":{}})" << "changes" << false;
    QTest::newRow("too many changes") << QString(R"({"changes":[%1]})").arg(QString("{},").repeated(500) + "{}")
                                      << "changes" << true;
}

void ChangeCodecTest::pushRequestErrors()
{
    QFETCH(QString, body);
    QFETCH(QString, field);
    QFETCH(bool, tooLarge);
    std::string message;
    const auto value = parseBoundedJson(body.toStdString(), message, limits::kMaxBodyBytes);
    QVERIFY(value);
    const auto decoded = decodePush(*value);
    QVERIFY(std::holds_alternative<DecodeError>(decoded));
    QCOMPARE(QString::fromStdString(std::get<DecodeError>(decoded).field), field);
    QCOMPARE(std::get<DecodeError>(decoded).tooLarge, tooLarge);
}

void ChangeCodecTest::pushAtTheLimit()
{
    boost::json::array changes;
    for (std::size_t i = 0; i < limits::kMaxChangesPerPush; ++i) {
        auto change = validChange();
        change["id"] = hexId(int(1000 + i));
        changes.push_back(change);
    }
    const std::string text = boost::json::serialize(boost::json::object{{"changes", changes}});
    QVERIFY(text.size() < limits::kMaxBodyBytes);
    std::string message;
    const auto value = parseBoundedJson(text, message, limits::kMaxBodyBytes);
    QVERIFY(value);
    const auto decoded = decodePush(*value);
    QVERIFY(std::holds_alternative<PushRequest>(decoded));
    QCOMPARE(std::get<PushRequest>(decoded).changes.size(), limits::kMaxChangesPerPush);
    QCOMPARE(std::get<PushRequest>(decoded).ids.back(), hexId(int(1000 + limits::kMaxChangesPerPush - 1)));
}

QTEST_APPLESS_MAIN(ChangeCodecTest)
#include "changecodectest.moc"
