// The sync protocol codec: every status and reason spelled as the contract spells it, round trips
// of push results, pull pages and clearances, and unknown or malformed answers refused with the
// member at fault named.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "rules/gates.h"
#include "rules/writerules.h"
#include "scenario.h"
#include "sync/limits.h"
#include "sync/protocol.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#endif

using namespace fieldbook;
using fieldbook::test::hexId;

Q_DECLARE_METATYPE(fieldbook::PushStatus)
Q_DECLARE_METATYPE(fieldbook::ReasonCode)

namespace {

boost::json::value json(const QString& text)
{
    return boost::json::parse(text.toStdString());
}

QString text(const boost::json::value& value)
{
    return QString::fromStdString(boost::json::serialize(value));
}

std::string hlc(int counter)
{
    return "1735689600000-" + QStringLiteral("%1").arg(counter, 6, 10, QLatin1Char('0')).toStdString() + "-" +
           hexId(77);
}

Change pulledChange(int n)
{
    Change change;
    change.id = hexId(100 + n);
    change.recordType = "session_report";
    change.recordId = hexId(200 + n);
    change.hlc = hlc(n);
    change.fields = boost::json::object{{"case_id", hexId(3)}, {"notes", "Went well"}};
    change.author = hexId(9);
    return change;
}

// A push answer holding one result, from the JSON text of that result.
boost::json::value answerOf(const QString& result)
{
    return json(QStringLiteral(R"({"results":[)") + result + QStringLiteral("]}"));
}

QString id1()
{
    return QString::fromStdString(hexId(1));
}

} // namespace

class ProtocolTest : public QObject
{
    Q_OBJECT

private slots:
    void statusNames_data();
    void statusNames();
    void unknownStatusRefused_data();
    void unknownStatusRefused();
    void reasons_data();
    void reasons();
    void garbageReasonRefused_data();
    void garbageReasonRefused();
    void everyCoreCodeIsAProtocolReason();
    void verdictStatusIsThePushStatus();
    void pushResultRoundTrip_data();
    void pushResultRoundTrip();
    void pushResultRefused_data();
    void pushResultRefused();
    void pushResultBounds();
    void pullPageRoundTrip();
    void pullPageSkipsUnreadableChanges();
    void pullPageRefused_data();
    void pullPageRefused();
    void pullPageBounds();
    void clearanceRoundTrip_data();
    void clearanceRoundTrip();
    void clearanceRefused_data();
    void clearanceRefused();
    void referralClearanceHasNoMatch();
};

void ProtocolTest::statusNames_data()
{
    QTest::addColumn<PushStatus>("status");
    QTest::addColumn<QString>("name");
    QTest::newRow("applied") << PushStatus::Applied << "applied";
    QTest::newRow("duplicate") << PushStatus::Duplicate << "duplicate";
    QTest::newRow("quarantined") << PushStatus::Quarantined << "quarantined";
    QTest::newRow("rejected") << PushStatus::Rejected << "rejected";
}

void ProtocolTest::statusNames()
{
    QFETCH(PushStatus, status);
    QFETCH(QString, name);
    QCOMPARE(QString::fromUtf8(pushStatusName(status)), name);
    QCOMPARE(parsePushStatus(name.toStdString()), std::optional<PushStatus>(status));
    QCOMPARE(QString::fromUtf8(writeStatusName(status)), name);
}

void ProtocolTest::unknownStatusRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("held (the app's word)") << "held";
    QTest::newRow("empty") << "";
    QTest::newRow("capitalised") << "Applied";
    QTest::newRow("padded") << " applied";
    QTest::newRow("prefix") << "appl";
    QTest::newRow("refused") << "refused";
}

void ProtocolTest::unknownStatusRefused()
{
    QFETCH(QString, name);
    QVERIFY(!parsePushStatus(name.toStdString()));
    const QString result = QStringLiteral(R"({"id":"%1","status":"%2"})").arg(id1(), name);
    const auto decoded = decodePushResults(answerOf(result));
    QVERIFY(std::holds_alternative<ProtocolError>(decoded));
    QCOMPARE(QString::fromStdString(std::get<ProtocolError>(decoded).where),
             QStringLiteral("results[0].status"));
}

void ProtocolTest::reasons_data()
{
    QTest::addColumn<QString>("wire");
    QTest::addColumn<ReasonCode>("code");
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("holdsBack");
    QTest::addColumn<QString>("kind");

    QTest::newRow("none") << "" << ReasonCode::None << "" << false << "";
    QTest::newRow("consent_missing") << "consent_missing" << ReasonCode::ConsentMissing << "" << true
                                     << "consent_missing";
    QTest::newRow("consent_withdrawn")
        << "consent_withdrawn" << ReasonCode::ConsentWithdrawn << "" << true << "consent_withdrawn";
    QTest::newRow("protection_check_missing")
        << "protection_check_missing" << ReasonCode::ProtectionCheckMissing << "" << true
        << "protection_check_missing";
    QTest::newRow("restricted") << "restricted" << ReasonCode::Restricted << "" << true << "restricted";
    QTest::newRow("vetting_invalid") << "vetting_invalid" << ReasonCode::VettingInvalid << "" << true
                                     << "vetting_invalid";
    QTest::newRow("after_ending") << "after_ending" << ReasonCode::AfterEnding << "" << true
                                  << "after_ending";
    QTest::newRow("forbidden") << "forbidden" << ReasonCode::Forbidden << "" << false << "forbidden";
    QTest::newRow("invalid:hlc") << "invalid:hlc" << ReasonCode::Invalid << "hlc" << false << "invalid";
    QTest::newRow("invalid:record_id")
        << "invalid:record_id" << ReasonCode::Invalid << "record_id" << false << "invalid";
    QTest::newRow("invalid:fields.notes")
        << "invalid:fields.notes" << ReasonCode::Invalid << "fields.notes" << false << "invalid";
    QTest::newRow("unknown_record_type")
        << "unknown_record_type" << ReasonCode::UnknownRecordType << "" << false << "unknown_record_type";
    QTest::newRow("too_large") << "too_large" << ReasonCode::TooLarge << "" << false << "too_large";
    QTest::newRow("too_young") << "too_young" << ReasonCode::TooYoung << "" << false << "too_young";
    QTest::newRow("no_relationship") << "no_relationship" << ReasonCode::NoRelationship << "" << false
                                     << "no_relationship";
}

void ProtocolTest::reasons()
{
    QFETCH(QString, wire);
    QFETCH(ReasonCode, code);
    QFETCH(QString, field);
    QFETCH(bool, holdsBack);
    QFETCH(QString, kind);

    const auto parsed = parseReason(wire.toStdString());
    QVERIFY(std::holds_alternative<Reason>(parsed));
    const Reason& reason = std::get<Reason>(parsed);
    QVERIFY(reason.code == code);
    QCOMPARE(QString::fromStdString(reason.field), field);
    QCOMPARE(QString::fromStdString(reason.wire()), wire);
    QCOMPARE(reason.holdsBack(), holdsBack);
    QCOMPARE(QString::fromUtf8(reason.kind()), kind);
    QCOMPARE(reason.empty(), wire.isEmpty());
    QVERIFY(coreReason(wire.toStdString()) == reason);
}

void ProtocolTest::garbageReasonRefused_data()
{
    QTest::addColumn<QString>("wire");
    QTest::newRow("unknown code") << "held";
    QTest::newRow("capitalised") << "Forbidden";
    QTest::newRow("bare invalid") << "invalid";
    QTest::newRow("invalid without a field") << "invalid:";
    QTest::newRow("invalid with an uppercase field") << "invalid:Notes";
    QTest::newRow("invalid with a space") << "invalid:given name";
    QTest::newRow("invalid with a quote") << "invalid:a\"b";
    QTest::newRow("invalid with a long field") << "invalid:" + QString(kMaxReasonFieldBytes + 1, 'a');
    QTest::newRow("trailing space") << "restricted ";
}

void ProtocolTest::garbageReasonRefused()
{
    QFETCH(QString, wire);
    const auto parsed = parseReason(wire.toStdString());
    QVERIFY(std::holds_alternative<ProtocolError>(parsed));
    const ProtocolError& error = std::get<ProtocolError>(parsed);
    QCOMPARE(QString::fromStdString(error.where), QStringLiteral("reason"));
    QVERIFY(!error.message.empty());
    QVERIFY_THROWS_EXCEPTION(std::logic_error, coreReason(wire.toStdString()));
}

// Every code the core's gates answer is a reason of the protocol, so the server can always
// encode what the core decides.
void ProtocolTest::everyCoreCodeIsAProtocolReason()
{
    const GateReason gates[] = {GateReason::Cleared,
                                GateReason::Forbidden,
                                GateReason::ConsentMissing,
                                GateReason::ConsentWithdrawn,
                                GateReason::ProtectionCheckMissing,
                                GateReason::Restricted,
                                GateReason::VettingInvalid,
                                GateReason::AfterEnding,
                                GateReason::TooYoung,
                                GateReason::NoRelationship};
    for (const GateReason gate : gates) {
        const auto parsed = parseReason(gateReasonCode(gate));
        QVERIFY2(std::holds_alternative<Reason>(parsed), gateReasonCode(gate).data());
        GateDecision decision;
        decision.reason = gate;
        QCOMPARE(std::get<Reason>(parsed).holdsBack(), decision.quarantines());
    }
    DecodeError tooLarge{"fields.notes", "too long", true};
    QVERIFY(coreReason(tooLarge.reason()).code == ReasonCode::TooLarge);
    DecodeError invalid{"fields.notes", "not a string", false};
    QVERIFY(coreReason(invalid.reason()) == Reason::invalid("fields.notes"));
}

void ProtocolTest::verdictStatusIsThePushStatus()
{
    WriteVerdict verdict;
    verdict.status = PushStatus::Quarantined;
    QCOMPARE(QString::fromUtf8(writeStatusName(verdict.status)), QStringLiteral("quarantined"));
}

void ProtocolTest::pushResultRoundTrip_data()
{
    QTest::addColumn<QString>("wire");

    const QString id = id1();
    QTest::newRow("applied") << QStringLiteral(R"({"id":"%1","status":"applied"})").arg(id);
    QTest::newRow("quarantined")
        << QStringLiteral(
               R"({"id":"%1","status":"quarantined","reason":"consent_withdrawn","message":"Held."})")
               .arg(id);
    QTest::newRow("rejected forbidden")
        << QStringLiteral(R"({"id":"%1","status":"rejected","reason":"forbidden","message":"Not allowed."})")
               .arg(id);
    QTest::newRow("rejected invalid field")
        << QStringLiteral(
               R"({"id":"%1","status":"rejected","reason":"invalid:occurred_at","message":"In the future."})")
               .arg(id);
    QTest::newRow("rejected, id unreadable")
        << QStringLiteral(R"({"id":"","status":"rejected","reason":"invalid:id"})");
    QTest::newRow("duplicate of an applied change")
        << QStringLiteral(R"({"id":"%1","status":"duplicate","was":"applied"})").arg(id);
    QTest::newRow("duplicate of a held change")
        << QStringLiteral(R"({"id":"%1","status":"duplicate","reason":"restricted","was":"quarantined"})")
               .arg(id);
}

void ProtocolTest::pushResultRoundTrip()
{
    QFETCH(QString, wire);
    const auto decoded = decodePushResults(answerOf(wire));
    QVERIFY2(std::holds_alternative<std::vector<PushResult>>(decoded),
             std::holds_alternative<ProtocolError>(decoded) ? std::get<ProtocolError>(decoded).text().c_str()
                                                            : "");
    const auto& results = std::get<std::vector<PushResult>>(decoded);
    QCOMPARE(results.size(), std::size_t{1});
    QCOMPARE(text(encodePushResults(results)), text(answerOf(wire)));
    QCOMPARE(text(encodePushResult(results.front())), text(json(wire)));
}

void ProtocolTest::pushResultRefused_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("where");

    const QString id = id1();
    QTest::newRow("not an object") << "[]"
                                   << "body";
    QTest::newRow("no results") << "{}"
                                << "results";
    QTest::newRow("results an object") << R"({"results":{}})"
                                       << "results";
    QTest::newRow("result a string") << R"({"results":["applied"]})"
                                     << "results[0]";
    QTest::newRow("no status") << QStringLiteral(R"({"results":[{"id":"%1"}]})").arg(id)
                               << "results[0].status";
    QTest::newRow("status a number") << QStringLiteral(R"({"results":[{"id":"%1","status":1}]})").arg(id)
                                     << "results[0].status";
    QTest::newRow("id not hex") << R"({"results":[{"id":"xyz","status":"applied"}]})"
                                << "results[0].id";
    QTest::newRow("id a number") << R"({"results":[{"id":7,"status":"applied"}]})"
                                 << "results[0].id";
    QTest::newRow("applied with a reason")
        << QStringLiteral(R"({"results":[{"id":"%1","status":"applied","reason":"forbidden"}]})").arg(id)
        << "results[0].reason";
    QTest::newRow("quarantined without a reason")
        << QStringLiteral(R"({"results":[{"id":"%1","status":"quarantined"}]})").arg(id)
        << "results[0].reason";
    QTest::newRow("quarantined for a refusal")
        << QStringLiteral(R"({"results":[{"id":"%1","status":"quarantined","reason":"forbidden"}]})").arg(id)
        << "results[0].reason";
    QTest::newRow("rejected without a reason")
        << QStringLiteral(R"({"results":[{"id":"%1","status":"rejected"}]})").arg(id) << "results[0].reason";
    QTest::newRow("rejected for a gate")
        << QStringLiteral(R"({"results":[{"id":"%1","status":"rejected","reason":"restricted"}]})").arg(id)
        << "results[0].reason";
    QTest::newRow("unknown reason")
        << QStringLiteral(R"({"results":[{"id":"%1","status":"rejected","reason":"nope"}]})").arg(id)
        << "results[0].reason";
    QTest::newRow("was on an applied change")
        << QStringLiteral(R"({"results":[{"id":"%1","status":"applied","was":"applied"}]})").arg(id)
        << "results[0].was";
    QTest::newRow("duplicate of a duplicate")
        << QStringLiteral(R"({"results":[{"id":"%1","status":"duplicate","was":"duplicate"}]})").arg(id)
        << "results[0].was";
    QTest::newRow("duplicate of an unknown status")
        << QStringLiteral(R"({"results":[{"id":"%1","status":"duplicate","was":"held"}]})").arg(id)
        << "results[0].was";
    QTest::newRow("duplicate, reason beside an applied first push")
        << QStringLiteral(
               R"({"results":[{"id":"%1","status":"duplicate","reason":"restricted","was":"applied"}]})")
               .arg(id)
        << "results[0].reason";
    QTest::newRow("message a number")
        << QStringLiteral(R"({"results":[{"id":"%1","status":"applied","message":3}]})").arg(id)
        << "results[0].message";
    QTest::newRow("second result bad")
        << QStringLiteral(R"({"results":[{"id":"%1","status":"applied"},{"id":"%1","status":"held"}]})")
               .arg(id)
        << "results[1].status";
}

void ProtocolTest::pushResultRefused()
{
    QFETCH(QString, body);
    QFETCH(QString, where);
    const auto decoded = decodePushResults(json(body));
    QVERIFY(std::holds_alternative<ProtocolError>(decoded));
    const ProtocolError& error = std::get<ProtocolError>(decoded);
    QCOMPARE(QString::fromStdString(error.where), where);
    QVERIFY(!error.message.empty());
    QVERIFY(QString::fromStdString(error.text()).startsWith(where + QStringLiteral(": ")));
}

void ProtocolTest::pushResultBounds()
{
    const boost::json::object one{{"id", hexId(1)}, {"status", "applied"}};
    boost::json::array full(limits::kMaxChangesPerPush, one);
    const auto atLimit = decodePushResults(boost::json::object{{"results", full}});
    QVERIFY(std::holds_alternative<std::vector<PushResult>>(atLimit));
    QCOMPARE(std::get<std::vector<PushResult>>(atLimit).size(), limits::kMaxChangesPerPush);
    full.push_back(one);
    const auto over = decodePushResults(boost::json::object{{"results", full}});
    QVERIFY(std::holds_alternative<ProtocolError>(over));
    QCOMPARE(QString::fromStdString(std::get<ProtocolError>(over).where), QStringLiteral("results"));

    boost::json::object longest{{"id", hexId(1)},
                                {"status", "rejected"},
                                {"reason", "forbidden"},
                                {"message", std::string(limits::kMaxStringBytes, 'm')}};
    QVERIFY(std::holds_alternative<PushResult>(decodePushResult(longest)));
    longest["message"] = std::string(limits::kMaxStringBytes + 1, 'm');
    const auto tooLong = decodePushResult(longest);
    QVERIFY(std::holds_alternative<ProtocolError>(tooLong));
    QCOMPARE(QString::fromStdString(std::get<ProtocolError>(tooLong).where),
             QStringLiteral("result.message"));
}

void ProtocolTest::pullPageRoundTrip()
{
    PullPage page;
    page.changes = {pulledChange(1), pulledChange(2)};
    page.changes[1].author.clear(); // a derived record has no author, and none goes on the wire
    page.changes[1].op = "delete";
    page.changes[1].fields = {};
    page.cursor = "c-42";
    page.more = true;

    const boost::json::object wire = encodePullPage(page);
    QVERIFY(wire.at("changes").as_array().at(0).as_object().contains("author"));
    QVERIFY(!wire.at("changes").as_array().at(1).as_object().contains("author"));

    const auto decoded = decodePullPage(wire);
    QVERIFY(std::holds_alternative<DecodedPullPage>(decoded));
    const DecodedPullPage& again = std::get<DecodedPullPage>(decoded);
    QVERIFY(again.skipped.empty());
    QCOMPARE(again.page.cursor, page.cursor);
    QCOMPARE(again.page.more, true);
    QCOMPARE(again.page.changes.size(), std::size_t{2});
    QCOMPARE(again.page.changes[0].author, hexId(9));
    QCOMPARE(again.page.changes[1].op, std::string("delete"));
    QCOMPARE(text(encodePullPage(again.page)), text(wire));
}

void ProtocolTest::pullPageSkipsUnreadableChanges()
{
    boost::json::object bad = encodePulledChange(pulledChange(2));
    bad["hlc"] = "not a clock";
    boost::json::object strangeAuthor = encodePulledChange(pulledChange(3));
    strangeAuthor["author"] = "Robert'); DROP TABLE";
    const boost::json::object wire{
        {"changes", boost::json::array{encodePulledChange(pulledChange(1)), bad, strangeAuthor, 17}},
        {"cursor", ""},
        {"more", false}};
    const auto decoded = decodePullPage(wire);
    QVERIFY(std::holds_alternative<DecodedPullPage>(decoded));
    const DecodedPullPage& page = std::get<DecodedPullPage>(decoded);
    QCOMPARE(page.page.changes.size(), std::size_t{2});
    QCOMPARE(page.page.changes[0].id, hexId(101));
    QCOMPARE(page.page.changes[1].id, hexId(103));
    QVERIFY(page.page.changes[1].author.empty()); // only an id is taken as an author
    QCOMPARE(page.skipped.size(), std::size_t{2});
    QCOMPARE(QString::fromStdString(page.skipped[0].field), QStringLiteral("hlc"));
}

void ProtocolTest::pullPageRefused_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("where");
    QTest::newRow("not an object") << "[1]"
                                   << "body";
    QTest::newRow("no changes") << R"({"cursor":"c","more":false})"
                                << "changes";
    QTest::newRow("changes an object") << R"({"changes":{},"cursor":"c","more":false})"
                                       << "changes";
    QTest::newRow("no cursor") << R"({"changes":[],"more":false})"
                               << "cursor";
    QTest::newRow("cursor a number") << R"({"changes":[],"cursor":12,"more":false})"
                                     << "cursor";
    QTest::newRow("cursor too long") << QStringLiteral(R"({"changes":[],"cursor":"%1","more":false})")
                                            .arg(QString(kMaxCursorBytes + 1, 'c'))
                                     << "cursor";
    QTest::newRow("no more") << R"({"changes":[],"cursor":"c"})"
                             << "more";
    QTest::newRow("more a string") << R"({"changes":[],"cursor":"c","more":"false"})"
                                   << "more";
}

void ProtocolTest::pullPageRefused()
{
    QFETCH(QString, body);
    QFETCH(QString, where);
    const auto decoded = decodePullPage(json(body));
    QVERIFY(std::holds_alternative<ProtocolError>(decoded));
    QCOMPARE(QString::fromStdString(std::get<ProtocolError>(decoded).where), where);
}

void ProtocolTest::pullPageBounds()
{
    boost::json::object wire{{"changes", boost::json::array(kMaxPulledChanges, nullptr)},
                             {"cursor", std::string(kMaxCursorBytes, 'c')},
                             {"more", false}};
    const auto atLimit = decodePullPage(wire);
    QVERIFY(std::holds_alternative<DecodedPullPage>(atLimit));
    QCOMPARE(std::get<DecodedPullPage>(atLimit).skipped.size(), kMaxPulledChanges);
    wire["changes"].as_array().push_back(nullptr);
    const auto over = decodePullPage(wire);
    QVERIFY(std::holds_alternative<ProtocolError>(over));
    QCOMPARE(QString::fromStdString(std::get<ProtocolError>(over).where), QStringLiteral("changes"));
}

void ProtocolTest::clearanceRoundTrip_data()
{
    QTest::addColumn<bool>("cleared");
    QTest::addColumn<QString>("reason");
    QTest::newRow("cleared") << true << "";
    QTest::newRow("consent missing") << false << "consent_missing";
    QTest::newRow("consent withdrawn") << false << "consent_withdrawn";
    QTest::newRow("protection check missing") << false << "protection_check_missing";
    QTest::newRow("restricted") << false << "restricted";
    QTest::newRow("vetting invalid") << false << "vetting_invalid";
    QTest::newRow("after ending") << false << "after_ending";
    QTest::newRow("forbidden") << false << "forbidden";
}

void ProtocolTest::clearanceRoundTrip()
{
    QFETCH(bool, cleared);
    QFETCH(QString, reason);
    const Clearance clearance{hexId(3), hexId(4), hexId(5), cleared, coreReason(reason.toStdString())};
    const boost::json::object fields = encodeClearance(clearance);
    QCOMPARE(text(fields),
             QStringLiteral(R"({"case_id":"%1","person_id":"%2","match_id":"%3","cleared":%4,"reason":"%5"})")
                 .arg(QString::fromStdString(hexId(3)), QString::fromStdString(hexId(4)),
                      QString::fromStdString(hexId(5)), cleared ? "true" : "false", reason));
    const auto decoded = decodeClearance(fields);
    QVERIFY(std::holds_alternative<Clearance>(decoded));
    QVERIFY(std::get<Clearance>(decoded) == clearance);
}

void ProtocolTest::clearanceRefused_data()
{
    QTest::addColumn<QString>("patch");
    QTest::addColumn<QString>("where");
    QTest::newRow("no case") << R"({"case_id":null})"
                             << "clearance.case_id";
    QTest::newRow("case not an id") << R"({"case_id":"abc"})"
                                    << "clearance.case_id";
    QTest::newRow("no person") << R"({"person_id":null})"
                               << "clearance.person_id";
    QTest::newRow("match not an id") << R"({"match_id":"abc"})"
                                     << "clearance.match_id";
    QTest::newRow("match empty when sent") << R"({"match_id":""})"
                                           << "clearance.match_id";
    QTest::newRow("cleared a string") << R"({"cleared":"true"})"
                                      << "clearance.cleared";
    QTest::newRow("cleared missing") << R"({"cleared":null})"
                                     << "clearance.cleared";
    QTest::newRow("cleared with a reason") << R"({"cleared":true,"reason":"restricted"})"
                                           << "clearance.reason";
    QTest::newRow("not cleared without one") << R"({"cleared":false,"reason":""})"
                                             << "clearance.reason";
    QTest::newRow("unknown reason") << R"({"cleared":false,"reason":"bad_luck"})"
                                    << "clearance.reason";
    QTest::newRow("reason a number") << R"({"cleared":false,"reason":4})"
                                     << "clearance.reason";
}

void ProtocolTest::clearanceRefused()
{
    QFETCH(QString, patch);
    QFETCH(QString, where);
    boost::json::object fields =
        encodeClearance(Clearance{hexId(3), hexId(4), hexId(5), false, Reason{ReasonCode::Restricted, {}}});
    const boost::json::value changes = json(patch);
    for (const auto& entry : changes.as_object()) {
        if (entry.value().is_null()) {
            fields.erase(entry.key());
        } else {
            fields[entry.key()] = entry.value();
        }
    }
    const auto decoded = decodeClearance(fields);
    QVERIFY(std::holds_alternative<ProtocolError>(decoded));
    QCOMPARE(QString::fromStdString(std::get<ProtocolError>(decoded).where), where);
}

// A coordinator's clearance of a referral: no match yet, so no match_id on the wire.
void ProtocolTest::referralClearanceHasNoMatch()
{
    const Clearance referral{hexId(3), hexId(4), {}, true, {}};
    const boost::json::object fields = encodeClearance(referral);
    QVERIFY(!fields.contains("match_id"));
    const auto decoded = decodeClearance(fields);
    QVERIFY(std::holds_alternative<Clearance>(decoded));
    QVERIFY(std::get<Clearance>(decoded) == referral);
}

QTEST_APPLESS_MAIN(ProtocolTest)
#include "protocoltest.moc"
