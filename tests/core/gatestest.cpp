// The gates of docs/sync-contract.md "The gates on a contact record", one table per gate, edges included.
// moc (Qt 6.4) cannot parse the C++20 standard headers the core includes: it needs none of them.
#ifndef Q_MOC_RUN
#include "rules/gates.h"

#include <boost/json/parse.hpp>

#include "scenario.h"
#endif

#include <QtTest>

using namespace fieldbook;
using fieldbook::test::hexId;
using fieldbook::test::Scenario;

namespace {

QString codeOf(const GateDecision& decision)
{
    return QString::fromStdString(decision.code());
}

GateDecision befrienderContact(Scenario& s, const std::string& occurredAt = "2025-03-01T10:00:00Z")
{
    return checkContact(s.contact("session_report", s.befriendingCase, s.irina, occurredAt), s.user(s.befriender),
                        s.facts);
}

} // namespace

// What a coordinator's phone holds of the facts: everything but consents, protection checks and
// relationships, which stay the practitioner's.
class CoordinatorsPhone : public FactSource
{
public:
    explicit CoordinatorsPhone(const FactSource& all) : m_all(all) {}
    std::optional<Record> record(std::string_view type, std::string_view id) const override
    {
        return hidden(type) ? std::nullopt : m_all.record(type, id);
    }
    std::vector<Record> recordsWhere(std::string_view type, std::string_view field, std::string_view value) const override
    {
        return hidden(type) ? std::vector<Record>{} : m_all.recordsWhere(type, field, value);
    }
    std::optional<User> user(std::string_view userId) const override { return m_all.user(userId); }
    std::string creatorOf(std::string_view type, std::string_view id) const override { return m_all.creatorOf(type, id); }

private:
    static bool hidden(std::string_view type)
    {
        return type == "consent" || type == "protection_check" || type == "relationship";
    }
    const FactSource& m_all;
};

class GatesTest : public QObject
{
    Q_OBJECT

private slots:
    void clearedScenario();
    void sentences();
    void codes_data();
    void codes();

    void rule1Forbidden_data();
    void rule1Forbidden();

    void consent_data();
    void consent();
    void playConsent_data();
    void playConsent();

    void protectionMissing_data();
    void protectionMissing();
    void restriction_data();
    void restriction();
    void restrictionAddedAfterMatch();
    void latestCheckDecides_data();
    void latestCheckDecides();

    void vetting_data();
    void vetting();
    void practitionerNeedsNoVetting();

    void afterEnding_data();
    void afterEnding();

    void gateOrder_data();
    void gateOrder();

    void prisonerAsPerson();

    void matchActivation_data();
    void matchActivation();

    void clearance_data();
    void clearance();
    void referralClearance_data();
    void referralClearance();
    void clearanceRecordDecision_data();
    void clearanceRecordDecision();

    void welfareGrant_data();
    void welfareGrant();
};

void GatesTest::clearedScenario()
{
    Scenario s;
    const auto decision = befrienderContact(s);
    QVERIFY2(decision.cleared(), decision.sentence.c_str());
    QCOMPARE(decision.code(), std::string());
    QVERIFY(!decision.quarantines());
    const auto play = checkContact(s.contact("play_session", s.playCase, s.maya, s.contactDay), s.user(s.playVolunteer),
                                   s.facts);
    QVERIFY2(play.cleared(), play.sentence.c_str());
}

void GatesTest::sentences()
{
    Scenario s;
    QCOMPARE(befrienderContact(s).sentence, std::string("Cleared to contact Irina"));
    s.facts.remove("consent", hexId(40));
    QCOMPARE(befrienderContact(s).sentence, std::string("Not cleared: consent to contact Irina is not recorded"));
    s.consent(hexId(44), s.prisoner, s.irina, "contact", "withdrawn", "2025-02-01T09:00:00Z");
    QCOMPARE(befrienderContact(s).sentence, std::string("Not cleared: consent to contact Irina was withdrawn"));
}

void GatesTest::codes_data()
{
    QTest::addColumn<int>("reason");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("quarantines");
    QTest::newRow("cleared") << int(GateReason::Cleared) << "" << false;
    QTest::newRow("forbidden") << int(GateReason::Forbidden) << "forbidden" << false;
    QTest::newRow("consent_missing") << int(GateReason::ConsentMissing) << "consent_missing" << true;
    QTest::newRow("consent_withdrawn") << int(GateReason::ConsentWithdrawn) << "consent_withdrawn" << true;
    QTest::newRow("protection_check_missing") << int(GateReason::ProtectionCheckMissing) << "protection_check_missing"
                                              << true;
    QTest::newRow("restricted") << int(GateReason::Restricted) << "restricted" << true;
    QTest::newRow("vetting_invalid") << int(GateReason::VettingInvalid) << "vetting_invalid" << true;
    QTest::newRow("after_ending") << int(GateReason::AfterEnding) << "after_ending" << true;
    QTest::newRow("too_young") << int(GateReason::TooYoung) << "too_young" << false;
    QTest::newRow("no_relationship") << int(GateReason::NoRelationship) << "no_relationship" << false;
}

void GatesTest::codes()
{
    QFETCH(int, reason);
    QFETCH(QString, code);
    QFETCH(bool, quarantines);
    const GateDecision decision{static_cast<GateReason>(reason), {}};
    QCOMPARE(codeOf(decision), code);
    QCOMPARE(decision.quarantines(), quarantines);
    QCOMPARE(decision.cleared(), reason == int(GateReason::Cleared));
}

void GatesTest::rule1Forbidden_data()
{
    QTest::addColumn<QString>("author");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("caseKey");
    QTest::addColumn<QString>("person");
    QTest::addColumn<QString>("matchStatus"); // status of the befriending match
    QTest::addColumn<QString>("expected");

    QTest::newRow("befriender, active match") << "befriender" << "session_report" << "befriending" << "irina"
                                              << "active" << "";
    QTest::newRow("befriender, contact sheet") << "befriender" << "contact_sheet" << "befriending" << "irina"
                                               << "active" << "";
    QTest::newRow("befriender, proposed match") << "befriender" << "session_report" << "befriending" << "irina"
                                                << "proposed" << "forbidden";
    QTest::newRow("befriender, ended match") << "befriender" << "session_report" << "befriending" << "irina"
                                             << "ended" << "forbidden";
    QTest::newRow("befriender, another person") << "befriender" << "session_report" << "befriending" << "olga"
                                                << "active" << "forbidden";
    QTest::newRow("befriender, another case") << "befriender" << "session_report" << "other" << "olga"
                                              << "active" << "forbidden";
    QTest::newRow("befriender, play session") << "befriender" << "play_session" << "befriending" << "irina"
                                              << "active" << "forbidden";
    QTest::newRow("befriender, unknown case") << "befriender" << "session_report" << "unknown" << "irina"
                                              << "active" << "forbidden";
    QTest::newRow("play volunteer, play session") << "play" << "play_session" << "play" << "maya" << "active" << "";
    QTest::newRow("play volunteer, session report") << "play" << "session_report" << "play" << "maya" << "active"
                                                    << "forbidden";
    QTest::newRow("practitioner of the case") << "practitioner" << "session_report" << "befriending" << "irina"
                                              << "ended" << "";
    QTest::newRow("practitioner, play session") << "practitioner" << "play_session" << "play" << "maya" << "active"
                                                << "";
    QTest::newRow("another practitioner") << "otherPractitioner" << "session_report" << "befriending" << "irina"
                                          << "active" << "forbidden";
    QTest::newRow("coordinator") << "coordinator" << "session_report" << "befriending" << "irina" << "active"
                                 << "forbidden";
    QTest::newRow("manager") << "manager" << "contact_sheet" << "befriending" << "irina" << "active" << "forbidden";
    QTest::newRow("admin") << "admin" << "contact_sheet" << "befriending" << "irina" << "active" << "forbidden";
    QTest::newRow("safeguarding officer") << "officer" << "contact_sheet" << "befriending" << "irina" << "active"
                                          << "forbidden";
    QTest::newRow("not a contact record") << "befriender" << "radar" << "befriending" << "irina" << "active"
                                          << "forbidden";
}

void GatesTest::rule1Forbidden()
{
    QFETCH(QString, author);
    QFETCH(QString, type);
    QFETCH(QString, caseKey);
    QFETCH(QString, person);
    QFETCH(QString, matchStatus);
    QFETCH(QString, expected);
    Scenario s;
    s.match(s.befriendingMatch, s.befriendingCase, s.befriender, s.irina, matchStatus.toStdString(), "2025-01-10",
            matchStatus == "ended" ? "2025-02-01" : "");
    const std::map<QString, std::string> users = {
        {"befriender", s.befriender}, {"play", s.playVolunteer},     {"practitioner", s.practitioner},
        {"coordinator", s.coordinator}, {"manager", s.manager},      {"admin", s.admin},
        {"officer", s.officer},        {"otherPractitioner", s.otherPractitioner}};
    const std::map<QString, std::string> cases = {{"befriending", s.befriendingCase},
                                                  {"play", s.playCase},
                                                  {"other", s.otherCase},
                                                  {"unknown", hexId(777)}};
    const std::map<QString, std::string> people = {{"irina", s.irina}, {"maya", s.maya}, {"olga", s.otherPerson}};
    const auto decision = checkContact(
        s.contact(type.toStdString(), cases.at(caseKey), people.at(person), s.contactDay), s.user(users.at(author)),
        s.facts);
    QCOMPARE(codeOf(decision), expected);
    if (expected == "forbidden") {
        QVERIFY(decision.sentence.rfind("Not allowed: ", 0) == 0);
        QVERIFY(!decision.quarantines());
    }
}

// Each event: "status|recorded_at|given_by|scope|about" (given_by: prisoner/other, about: irina/olga),
// stored in this order, so a later event has a later clock.
void GatesTest::consent_data()
{
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<QString>("expected");

    QTest::newRow("none") << QStringList{} << "consent_missing";
    QTest::newRow("given") << QStringList{"given|2025-01-05T10:00:00Z|prisoner|contact|irina"} << "";
    QTest::newRow("withdrawn only") << QStringList{"withdrawn|2025-01-05T10:00:00Z|prisoner|contact|irina"}
                                    << "consent_withdrawn";
    QTest::newRow("given then withdrawn")
        << QStringList{"given|2025-01-05T10:00:00Z|prisoner|contact|irina",
                       "withdrawn|2025-02-01T10:00:00Z|prisoner|contact|irina"}
        << "consent_withdrawn";
    QTest::newRow("withdrawn then given again")
        << QStringList{"given|2025-01-05T10:00:00Z|prisoner|contact|irina",
                       "withdrawn|2025-02-01T10:00:00Z|prisoner|contact|irina",
                       "given|2025-02-10T10:00:00Z|prisoner|contact|irina"}
        << "";
    QTest::newRow("withdrawal recorded later, synced first")
        << QStringList{"withdrawn|2025-02-01T10:00:00Z|prisoner|contact|irina",
                       "given|2025-01-05T10:00:00Z|prisoner|contact|irina"}
        << "consent_withdrawn";
    QTest::newRow("same instant, withdrawal has the later clock")
        << QStringList{"given|2025-02-01T10:00:00Z|prisoner|contact|irina",
                       "withdrawn|2025-02-01T10:00:00Z|prisoner|contact|irina"}
        << "consent_withdrawn";
    QTest::newRow("same instant, consent has the later clock")
        << QStringList{"withdrawn|2025-02-01T10:00:00Z|prisoner|contact|irina",
                       "given|2025-02-01T10:00:00Z|prisoner|contact|irina"}
        << "";
    QTest::newRow("one second later wins over clock")
        << QStringList{"withdrawn|2025-02-01T10:00:01Z|prisoner|contact|irina",
                       "given|2025-02-01T10:00:00Z|prisoner|contact|irina"}
        << "consent_withdrawn";
    QTest::newRow("given by someone else") << QStringList{"given|2025-01-05T10:00:00Z|other|contact|irina"}
                                           << "consent_missing";
    QTest::newRow("other scope only") << QStringList{"given|2025-01-05T10:00:00Z|prisoner|data_entry|irina"}
                                      << "consent_missing";
    QTest::newRow("about another person") << QStringList{"given|2025-01-05T10:00:00Z|prisoner|contact|olga"}
                                          << "consent_missing";
    QTest::newRow("withdrawal of another scope does not shut contact")
        << QStringList{"given|2025-01-05T10:00:00Z|prisoner|contact|irina",
                       "withdrawn|2025-02-01T10:00:00Z|prisoner|case_study|irina"}
        << "";
    QTest::newRow("withdrawal about another person does not shut contact")
        << QStringList{"given|2025-01-05T10:00:00Z|prisoner|contact|irina",
                       "withdrawn|2025-02-01T10:00:00Z|prisoner|contact|olga"}
        << "";
    QTest::newRow("given after the contact still counts (latest decides)")
        << QStringList{"given|2025-06-01T10:00:00Z|prisoner|contact|irina"} << "";
}

void GatesTest::consent()
{
    QFETCH(QStringList, events);
    QFETCH(QString, expected);
    Scenario s;
    s.facts.remove("consent", hexId(40));
    s.facts.remove("consent", hexId(43));
    int n = 0;
    for (const auto& event : events) {
        const auto parts = event.split('|');
        QCOMPARE(parts.size(), 5);
        const std::string givenBy = parts[2] == "prisoner" ? s.prisoner : s.sam;
        const std::string about = parts[4] == "irina" ? s.irina : s.otherPerson;
        s.consent(hexId(4000 + n++), givenBy, about, parts[3].toStdString(), parts[0].toStdString(),
                  parts[1].toStdString());
    }
    QCOMPARE(codeOf(befrienderContact(s)), expected);
}

void GatesTest::playConsent_data()
{
    QTest::addColumn<QStringList>("carerEvents"); // "status|recorded_at|by" by: sam/prisoner
    QTest::addColumn<bool>("prisonerConsent");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("sentence");

    QTest::newRow("both given") << QStringList{"given|2025-01-06T10:00:00Z|sam"} << true << "" << "Cleared to contact Maya";
    QTest::newRow("carer's consent missing") << QStringList{} << true << "consent_missing"
                                             << "Not cleared: the carer's consent to play sessions with Maya is not recorded";
    QTest::newRow("carer withdrew") << QStringList{"given|2025-01-06T10:00:00Z|sam", "withdrawn|2025-02-06T10:00:00Z|sam"}
                                    << true << "consent_withdrawn"
                                    << "Not cleared: the carer's consent to play sessions with Maya was withdrawn";
    QTest::newRow("carer withdrew then gave again")
        << QStringList{"given|2025-01-06T10:00:00Z|sam", "withdrawn|2025-02-06T10:00:00Z|sam",
                       "given|2025-02-20T10:00:00Z|sam"}
        << true << "" << "Cleared to contact Maya";
    QTest::newRow("prisoner's play consent is not the carer's") << QStringList{"given|2025-01-06T10:00:00Z|prisoner"}
                                                                << true << "consent_missing"
                                                                << "Not cleared: the carer's consent to play sessions with Maya is not recorded";
    QTest::newRow("prisoner's contact consent missing first") << QStringList{} << false << "consent_missing"
                                                              << "Not cleared: consent to contact Maya is not recorded";
}

void GatesTest::playConsent()
{
    QFETCH(QStringList, carerEvents);
    QFETCH(bool, prisonerConsent);
    QFETCH(QString, expected);
    QFETCH(QString, sentence);
    Scenario s;
    s.facts.remove("consent", hexId(42));
    if (!prisonerConsent) {
        s.facts.remove("consent", hexId(41));
    }
    int n = 0;
    for (const auto& event : carerEvents) {
        const auto parts = event.split('|');
        s.consent(hexId(4200 + n++), parts[2] == "sam" ? s.sam : s.prisoner, s.maya, "play_sessions",
                  parts[0].toStdString(), parts[1].toStdString());
    }
    const auto decision = checkContact(s.contact("play_session", s.playCase, s.maya, s.contactDay),
                                       s.user(s.playVolunteer), s.facts);
    QCOMPARE(codeOf(decision), expected);
    QCOMPARE(QString::fromStdString(decision.sentence), sentence);
    // A session report about the same child needs no play consent.
    if (prisonerConsent) {
        const auto report = checkContact(s.contact("play_session", s.playCase, s.maya, s.contactDay),
                                         s.user(s.practitioner), s.facts);
        QCOMPARE(codeOf(report), expected); // the practitioner passes the same consent gate
    }
}

void GatesTest::protectionMissing_data()
{
    QTest::addColumn<bool>("prisonerChecked");
    QTest::addColumn<bool>("personChecked");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("both") << true << true << "" << "Cleared to contact Irina";
    QTest::newRow("prisoner's missing") << false << true << "protection_check_missing"
                                        << "Not cleared: the public protection check of the prisoner linked to Irina is not recorded";
    QTest::newRow("family member's missing") << true << false << "protection_check_missing"
                                             << "Not cleared: the public protection check of Irina is not recorded";
    QTest::newRow("both missing") << false << false << "protection_check_missing"
                                  << "Not cleared: the public protection check of the prisoner linked to Irina is not recorded";
}

void GatesTest::protectionMissing()
{
    QFETCH(bool, prisonerChecked);
    QFETCH(bool, personChecked);
    QFETCH(QString, expected);
    QFETCH(QString, sentence);
    Scenario s;
    if (!prisonerChecked) {
        s.facts.remove("protection_check", hexId(50));
    }
    if (!personChecked) {
        s.facts.remove("protection_check", hexId(51));
    }
    const auto decision = befrienderContact(s);
    QCOMPARE(codeOf(decision), expected);
    QCOMPARE(QString::fromStdString(decision.sentence), sentence);
}

// The prisoner's latest check carries `restrictions` (JSON with IRINA/MAYA/OLGA placeholders);
// the contact is about `person` on `occurred_at`. Maya was born 2018-05-20 (turns 18 on 2036-05-20).
void GatesTest::restriction_data()
{
    QTest::addColumn<QString>("restrictions");
    QTest::addColumn<QString>("person");
    QTest::addColumn<QString>("occurredAt");
    QTest::addColumn<QString>("dateOfBirth"); // replaces the person's date_of_birth; "-" removes it
    QTest::addColumn<QString>("expected");

    const QString day = "2025-03-01T10:00:00Z";
    QTest::newRow("none") << "[]" << "irina" << day << "" << "";
    QTest::newRow("named Irina") << R"([{"kind":"named_person","person_id":"IRINA"}])" << "irina" << day << "" << "restricted";
    QTest::newRow("named someone else") << R"([{"kind":"named_person","person_id":"OLGA"}])" << "irina" << day << "" << "";
    QTest::newRow("court order naming Irina") << R"([{"kind":"court_order","person_id":"IRINA"}])" << "irina" << day << "" << "restricted";
    QTest::newRow("court order naming someone else") << R"([{"kind":"court_order","person_id":"OLGA"}])" << "irina" << day << "" << "";
    // Contract 1.2: a court order or no-contact request naming nobody covers every contact (fails closed).
    QTest::newRow("court order naming nobody") << R"([{"kind":"court_order"}])" << "irina" << day << "" << "restricted";
    QTest::newRow("court order naming nobody, the child too") << R"([{"kind":"court_order"}])" << "maya" << day << "" << "restricted";
    QTest::newRow("no-contact request naming nobody") << R"([{"kind":"no_contact_request"}])" << "irina" << day << "" << "restricted";
    QTest::newRow("named person with no id") << R"([{"kind":"named_person"}])" << "irina" << day << "" << "restricted";
    QTest::newRow("court order with an empty id") << R"([{"kind":"court_order","person_id":""}])" << "irina" << day << "" << "restricted";
    QTest::newRow("no-contact request from Irina") << R"([{"kind":"no_contact_request","person_id":"IRINA"}])" << "irina" << day << "" << "restricted";
    QTest::newRow("no-contact request from someone else") << R"([{"kind":"no_contact_request","person_id":"OLGA"}])" << "irina" << day << "" << "";
    QTest::newRow("children under 18, adult partner") << R"([{"kind":"children_under_18"}])" << "irina" << day << "" << "";
    QTest::newRow("children under 18, child of 6") << R"([{"kind":"children_under_18"}])" << "maya" << day << "" << "restricted";
    QTest::newRow("children under 18, day before 18th birthday")
        << R"([{"kind":"children_under_18"}])" << "maya" << "2036-05-19T23:59:59Z" << "" << "restricted";
    QTest::newRow("children under 18, on 18th birthday")
        << R"([{"kind":"children_under_18"}])" << "maya" << "2036-05-20T00:00:00Z" << "" << "";
    QTest::newRow("children under 18, 29 Feb birthday, 28 Feb of the 18th year")
        << R"([{"kind":"children_under_18"}])" << "maya" << "2026-02-28T12:00:00Z" << "2008-02-29" << "restricted";
    QTest::newRow("children under 18, 29 Feb birthday, 1 Mar of the 18th year")
        << R"([{"kind":"children_under_18"}])" << "maya" << "2026-03-01T12:00:00Z" << "2008-02-29" << "";
    QTest::newRow("children under 18, family member aged 17")
        << R"([{"kind":"children_under_18"}])" << "irina" << day << "2007-06-01" << "restricted";
    QTest::newRow("children under 18, child without date of birth")
        << R"([{"kind":"children_under_18"}])" << "maya" << day << "-" << "restricted";
    QTest::newRow("children under 18, adult without date of birth")
        << R"([{"kind":"children_under_18"}])" << "irina" << day << "-" << "";
    QTest::newRow("several, one covers")
        << R"([{"kind":"named_person","person_id":"OLGA"},{"kind":"court_order","person_id":"IRINA"}])" << "irina"
        << day << "" << "restricted";
}

void GatesTest::restriction()
{
    QFETCH(QString, restrictions);
    QFETCH(QString, person);
    QFETCH(QString, occurredAt);
    QFETCH(QString, dateOfBirth);
    QFETCH(QString, expected);
    Scenario s;
    const std::string born = dateOfBirth.toStdString();
    const std::string when = occurredAt.toStdString();
    const std::string personId = person == "maya" ? s.maya : s.irina;
    const std::string caseId = person == "maya" ? s.playCase : s.befriendingCase;
    const std::string author = person == "maya" ? s.playVolunteer : s.befriender;
    if (!born.empty()) {
        auto record = *s.facts.record("person", personId);
        if (born == "-") {
            record.fields.erase("date_of_birth");
        } else {
            record.fields["date_of_birth"] = born;
        }
        s.facts.put(record);
    }
    std::string json = restrictions.toStdString();
    for (const auto& [placeholder, id] : {std::pair{"IRINA", s.irina}, std::pair{"MAYA", s.maya},
                                          std::pair{"OLGA", s.otherPerson}}) {
        for (auto at = json.find(placeholder); at != std::string::npos; at = json.find(placeholder)) {
            json.replace(at, std::string_view(placeholder).size(), id);
        }
    }
    s.check(hexId(50), s.prisoner, "2025-01-04", json);
    // Vetting and matches must not be what decides: keep them valid through 2036.
    s.vetting(hexId(60), s.befriender, "2024-01-01", "2040-01-01", Scenario::allTrainings());
    s.vetting(hexId(61), s.playVolunteer, "2024-01-01", "2040-01-01", Scenario::allTrainings());
    const std::string type = person == "maya" ? "play_session" : "session_report";
    const auto decision = checkContact(s.contact(type, caseId, personId, when), s.user(author), s.facts);
    QCOMPARE(codeOf(decision), expected);
    if (expected == "restricted") {
        QCOMPARE(decision.sentence, "Not cleared: a public protection restriction covers contact with "
                                        + std::string(person == "maya" ? "Maya" : "Irina"));
    }
}

void GatesTest::restrictionAddedAfterMatch()
{
    Scenario s;
    QVERIFY(befrienderContact(s).cleared());
    // A new check after the match started names Irina: the gate shuts for later contacts, and also
    // for a session dated before the check but synced after it (the latest check decides).
    s.check(hexId(54), s.prisoner, "2025-02-15", R"([{"kind":"named_person","person_id":")" + s.irina + R"("}])");
    QCOMPARE(befrienderContact(s).code(), std::string("restricted"));
    QCOMPARE(befrienderContact(s, "2025-02-01T10:00:00Z").code(), std::string("restricted"));
    // The restriction is lifted by a later clear check.
    s.check(hexId(55), s.prisoner, "2025-02-20", "[]");
    QVERIFY(befrienderContact(s).cleared());
    // ...and a match activation is refused the same way while it stands.
    s.check(hexId(56), s.prisoner, "2025-02-25", R"([{"kind":"no_contact_request","person_id":")" + s.irina + R"("}])");
    auto match = *s.facts.record("match", s.befriendingMatch);
    QCOMPARE(checkMatchActivation(match, s.facts, Date{2025, 3, 1}).code(), std::string("restricted"));
}

void GatesTest::latestCheckDecides_data()
{
    QTest::addColumn<QString>("firstDate");
    QTest::addColumn<bool>("firstRestricted");
    QTest::addColumn<QString>("secondDate");
    QTest::addColumn<bool>("secondRestricted");
    QTest::addColumn<QString>("expected");
    // The second check is always stored later (later clock).
    QTest::newRow("restricted then clear") << "2025-01-10" << true << "2025-01-20" << false << "";
    QTest::newRow("clear then restricted") << "2025-01-10" << false << "2025-01-20" << true << "restricted";
    QTest::newRow("same day, later clock restricted") << "2025-01-10" << false << "2025-01-10" << true << "restricted";
    QTest::newRow("same day, later clock clear") << "2025-01-10" << true << "2025-01-10" << false << "";
    QTest::newRow("older check synced later") << "2025-01-20" << true << "2025-01-10" << false << "restricted";
}

void GatesTest::latestCheckDecides()
{
    QFETCH(QString, firstDate);
    QFETCH(bool, firstRestricted);
    QFETCH(QString, secondDate);
    QFETCH(bool, secondRestricted);
    QFETCH(QString, expected);
    Scenario s;
    const std::string named = R"([{"kind":"named_person","person_id":")" + s.irina + R"("}])";
    s.facts.remove("protection_check", hexId(50));
    s.check(hexId(57), s.prisoner, firstDate.toStdString(), firstRestricted ? named : "[]");
    s.check(hexId(58), s.prisoner, secondDate.toStdString(), secondRestricted ? named : "[]");
    QCOMPARE(codeOf(befrienderContact(s)), expected);
}

void GatesTest::vetting_data()
{
    QTest::addColumn<bool>("hasVetting");
    QTest::addColumn<QString>("checkedAt");
    QTest::addColumn<QString>("expiresAt");
    QTest::addColumn<QStringList>("training");
    QTest::addColumn<QString>("occurredAt");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("sentence");

    const QStringList all = {"safeguarding", "professional_boundaries", "equality_diversity", "data_protection"};
    QTest::newRow("valid") << true << "2024-01-01" << "2027-01-01" << all << "2025-03-01T10:00:00Z" << "" << "";
    QTest::newRow("no vetting") << false << "" << "" << all << "2025-03-01T10:00:00Z" << "vetting_invalid"
                                << "Not cleared: your DBS check is not recorded";
    QTest::newRow("DBS expires on the day") << true << "2022-03-01" << "2025-03-01" << all << "2025-03-01T23:59:59Z"
                                            << "" << "";
    QTest::newRow("DBS expired the day before") << true << "2022-03-01" << "2025-02-28" << all
                                                << "2025-03-01T00:00:00Z" << "vetting_invalid"
                                                << "Not cleared: your DBS check expired on 2025-02-28";
    QTest::newRow("DBS checked on the day") << true << "2025-03-01" << "2028-03-01" << all << "2025-03-01T08:00:00Z"
                                            << "" << "";
    QTest::newRow("DBS checked after the contact") << true << "2025-03-02" << "2028-03-02" << all
                                                   << "2025-03-01T08:00:00Z" << "vetting_invalid"
                                                   << "Not cleared: your DBS check is dated 2025-03-02, after this contact";
    for (const auto& missing : all) {
        QStringList training = all;
        training.removeAll(missing);
        const QString words = missing == "safeguarding"          ? "safeguarding"
            : missing == "professional_boundaries"                ? "professional boundaries"
            : missing == "equality_diversity"                     ? "equality and diversity"
                                                                  : "data protection";
        QTest::newRow(qPrintable("missing " + missing)) << true << "2024-01-01" << "2027-01-01" << training
                                                        << "2025-03-01T10:00:00Z" << "vetting_invalid"
                                                        << "Not cleared: your training in " + words + " is not recorded";
    }
    QTest::newRow("no training") << true << "2024-01-01" << "2027-01-01" << QStringList{} << "2025-03-01T10:00:00Z"
                                 << "vetting_invalid" << "Not cleared: your training in safeguarding is not recorded";
}

void GatesTest::vetting()
{
    QFETCH(bool, hasVetting);
    QFETCH(QString, checkedAt);
    QFETCH(QString, expiresAt);
    QFETCH(QStringList, training);
    QFETCH(QString, occurredAt);
    QFETCH(QString, expected);
    QFETCH(QString, sentence);
    Scenario s;
    s.facts.remove("vetting", hexId(60));
    if (hasVetting) {
        std::string list = "[";
        for (const auto& t : training) {
            list += (list.size() > 1 ? ",\"" : "\"") + t.toStdString() + "\"";
        }
        list += "]";
        s.vetting(hexId(60), s.befriender, checkedAt.toStdString(), expiresAt.toStdString(), list);
    }
    const auto decision = befrienderContact(s, occurredAt.toStdString());
    QCOMPARE(codeOf(decision), expected);
    if (!sentence.isEmpty()) {
        QCOMPARE(QString::fromStdString(decision.sentence), sentence);
    }
}

void GatesTest::practitionerNeedsNoVetting()
{
    Scenario s;
    s.facts.remove("vetting", hexId(60));
    QCOMPARE(befrienderContact(s).code(), std::string("vetting_invalid"));
    const auto decision = checkContact(s.contact("session_report", s.befriendingCase, s.irina, s.contactDay),
                                       s.user(s.practitioner), s.facts);
    QVERIFY(decision.cleared());
    // A second, valid vetting record clears the volunteer whatever the first says.
    s.vetting(hexId(64), s.befriender, "2020-01-01", "2021-01-01", Scenario::allTrainings());
    QCOMPARE(befrienderContact(s).code(), std::string("vetting_invalid"));
    s.vetting(hexId(65), s.befriender, "2024-06-01", "2027-06-01", Scenario::allTrainings());
    QVERIFY(befrienderContact(s).cleared());
}

void GatesTest::afterEnding_data()
{
    QTest::addColumn<QString>("endedAt");
    QTest::addColumn<QString>("occurredAt");
    QTest::addColumn<QString>("stream"); // of the ended match's case
    QTest::addColumn<QString>("person");
    QTest::addColumn<QString>("expected");

    QTest::newRow("within six months") << "2024-12-01" << "2025-03-01T10:00:00Z" << "befriending" << "irina"
                                       << "after_ending";
    QTest::newRow("one day before six months") << "2024-09-02" << "2025-03-01T10:00:00Z" << "befriending" << "irina"
                                               << "after_ending";
    QTest::newRow("exactly six months") << "2024-09-01" << "2025-03-01T10:00:00Z" << "befriending" << "irina" << "";
    QTest::newRow("more than six months") << "2024-06-01" << "2025-03-01T10:00:00Z" << "befriending" << "irina" << "";
    QTest::newRow("the ending day itself") << "2025-03-01" << "2025-03-01T10:00:00Z" << "befriending" << "irina" << "";
    QTest::newRow("the day after the ending") << "2025-02-28" << "2025-03-01T10:00:00Z" << "befriending" << "irina"
                                              << "after_ending";
    QTest::newRow("31 Aug ending, 27 Feb") << "2024-08-31" << "2025-02-27T10:00:00Z" << "befriending" << "irina"
                                           << "after_ending";
    QTest::newRow("31 Aug ending, 28 Feb (clamped end)") << "2024-08-31" << "2025-02-28T10:00:00Z" << "befriending"
                                                         << "irina" << "";
    QTest::newRow("contact before the ending") << "2025-04-01" << "2025-03-01T10:00:00Z" << "befriending" << "irina"
                                               << "";
    QTest::newRow("ended play match") << "2024-12-01" << "2025-03-01T10:00:00Z" << "play" << "irina" << "";
    QTest::newRow("ended match with someone else") << "2024-12-01" << "2025-03-01T10:00:00Z" << "befriending"
                                                   << "olga" << "";
}

void GatesTest::afterEnding()
{
    QFETCH(QString, endedAt);
    QFETCH(QString, occurredAt);
    QFETCH(QString, stream);
    QFETCH(QString, person);
    QFETCH(QString, expected);
    Scenario s;
    const std::string oldCase = hexId(13);
    const std::string personId = person == "olga" ? s.otherPerson : s.irina;
    s.put("case", oldCase,
          R"({"person_id":")" + personId + R"(","stream":")" + stream.toStdString() + R"(","practitioner_id":")"
              + s.practitioner + R"(","status":"closed"})");
    s.match(hexId(22), oldCase, s.befriender, personId, "ended", "2024-01-01", endedAt.toStdString());
    const auto decision = befrienderContact(s, occurredAt.toStdString());
    QCOMPARE(codeOf(decision), expected);
    if (expected == "after_ending") {
        QVERIFY(decision.sentence.find("Irina") != std::string::npos);
    }
    // The practitioner is not held to another person's ending.
    QVERIFY(checkContact(s.contact("session_report", s.befriendingCase, s.irina, occurredAt.toStdString()),
                         s.user(s.practitioner), s.facts)
                .cleared());
}

void GatesTest::gateOrder_data()
{
    QTest::addColumn<QStringList>("broken");
    QTest::addColumn<QString>("expected");
    QTest::newRow("all") << QStringList{"consent", "check", "vetting", "ending"} << "consent_missing";
    QTest::newRow("check, vetting, ending") << QStringList{"check", "vetting", "ending"} << "protection_check_missing";
    QTest::newRow("restriction, vetting, ending") << QStringList{"restriction", "vetting", "ending"} << "restricted";
    QTest::newRow("vetting, ending") << QStringList{"vetting", "ending"} << "vetting_invalid";
    QTest::newRow("ending") << QStringList{"ending"} << "after_ending";
    QTest::newRow("forbidden first") << QStringList{"match", "consent"} << "forbidden";
}

void GatesTest::gateOrder()
{
    QFETCH(QStringList, broken);
    QFETCH(QString, expected);
    Scenario s;
    if (broken.contains("consent")) {
        s.facts.remove("consent", hexId(40));
    }
    if (broken.contains("check")) {
        s.facts.remove("protection_check", hexId(51));
    }
    if (broken.contains("restriction")) {
        s.check(hexId(59), s.prisoner, "2025-02-01", R"([{"kind":"named_person","person_id":")" + s.irina + R"("}])");
    }
    if (broken.contains("vetting")) {
        s.facts.remove("vetting", hexId(60));
    }
    if (broken.contains("ending")) {
        s.match(hexId(23), s.otherCase, s.befriender, s.irina, "ended", "2024-01-01", "2025-01-01");
    }
    if (broken.contains("match")) {
        s.facts.remove("match", s.befriendingMatch);
    }
    QCOMPARE(codeOf(befrienderContact(s)), expected);
}

void GatesTest::prisonerAsPerson()
{
    // Visitor scheme: the prison visitor meets the prisoner himself; he is his own "X".
    Scenario s;
    const std::string visitorCase = hexId(14);
    s.put("case", visitorCase,
          R"({"person_id":")" + s.prisoner + R"(","stream":"visitor","practitioner_id":")" + s.practitioner
              + R"(","status":"open"})");
    s.match(hexId(24), visitorCase, s.visitor, s.prisoner, "active", "2025-01-10");
    auto contact = s.contact("contact_sheet", visitorCase, s.prisoner, s.contactDay);
    QCOMPARE(checkContact(contact, s.user(s.visitor), s.facts).code(), std::string("consent_missing"));
    s.consent(hexId(45), s.prisoner, s.prisoner, "contact", "given", "2025-01-05T10:00:00Z");
    QVERIFY(checkContact(contact, s.user(s.visitor), s.facts).cleared());
    // A family member with no link to any prisoner cannot be cleared.
    const std::string stranger = hexId(6);
    s.put("person", stranger, R"({"kind":"family_member","given_name":"Nadia"})");
    s.match(hexId(25), s.befriendingCase, s.befriender, stranger, "active", "2025-01-10");
    const auto decision = checkContact(s.contact("session_report", s.befriendingCase, stranger, s.contactDay),
                                       s.user(s.befriender), s.facts);
    QCOMPARE(decision.code(), std::string("consent_missing"));
    QVERIFY(decision.sentence.find("Nadia") != std::string::npos);
}

void GatesTest::matchActivation_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expected");
    QTest::newRow("all clear") << "" << "";
    QTest::newRow("no consent") << "no_consent" << "consent_missing";
    QTest::newRow("consent withdrawn") << "withdrawn" << "consent_withdrawn";
    QTest::newRow("no check") << "no_check" << "protection_check_missing";
    QTest::newRow("restricted") << "restricted" << "restricted";
    QTest::newRow("DBS expired before the start") << "expired" << "vetting_invalid";
    QTest::newRow("DBS expires on the start day") << "expires_on_start" << "";
    QTest::newRow("recent befriending ending") << "ending" << "after_ending";
    QTest::newRow("its own earlier ending is ignored") << "self" << "";
    QTest::newRow("case closed") << "closed" << "forbidden";
    QTest::newRow("unknown case") << "unknown_case" << "forbidden";
    QTest::newRow("unknown volunteer") << "unknown_volunteer" << "forbidden";
    QTest::newRow("volunteer without the stream's role") << "wrong_role" << "forbidden";
    QTest::newRow("no start date: today decides") << "no_start" << "vetting_invalid";
}

void GatesTest::matchActivation()
{
    QFETCH(QString, change);
    QFETCH(QString, expected);
    Scenario s;
    Record match = *s.facts.record("match", s.befriendingMatch);
    match.fields["status"] = "active";
    match.fields["started_at"] = "2025-03-01";
    if (change == "no_consent") {
        s.facts.remove("consent", hexId(40));
    } else if (change == "withdrawn") {
        s.consent(hexId(46), s.prisoner, s.irina, "contact", "withdrawn", "2025-02-01T10:00:00Z");
    } else if (change == "no_check") {
        s.facts.remove("protection_check", hexId(50));
    } else if (change == "restricted") {
        s.check(hexId(59), s.prisoner, "2025-02-01", R"([{"kind":"court_order","person_id":")" + s.irina + R"("}])");
    } else if (change == "expired") {
        s.vetting(hexId(60), s.befriender, "2022-01-01", "2025-02-28", Scenario::allTrainings());
    } else if (change == "expires_on_start") {
        s.vetting(hexId(60), s.befriender, "2022-01-01", "2025-03-01", Scenario::allTrainings());
    } else if (change == "ending") {
        s.match(hexId(26), s.otherCase, s.befriender, s.irina, "ended", "2024-01-01", "2025-01-15");
    } else if (change == "self") {
        match.fields["status"] = "active";
        s.match(s.befriendingMatch, s.befriendingCase, s.befriender, s.irina, "ended", "2024-01-01", "2025-01-15");
    } else if (change == "closed") {
        auto theCase = *s.facts.record("case", s.befriendingCase);
        theCase.fields["status"] = "closed";
        s.facts.put(theCase);
    } else if (change == "unknown_case") {
        match.fields["case_id"] = hexId(888);
    } else if (change == "unknown_volunteer") {
        match.fields["volunteer"] = hexId(889);
    } else if (change == "wrong_role") {
        match.fields["volunteer"] = s.playVolunteer;
    } else if (change == "no_start") {
        match.fields.erase("started_at");
        s.vetting(hexId(60), s.befriender, "2022-01-01", "2025-02-28", Scenario::allTrainings());
    }
    const auto decision = checkMatchActivation(match, s.facts, Date{2025, 3, 10});
    QCOMPARE(codeOf(decision), expected);
    if (expected == "vetting_invalid") {
        QVERIFY2(decision.sentence.find("the volunteer's") != std::string::npos, decision.sentence.c_str());
    }
    // A coordinator's phone holds no consent, check or relationship: with the person's side as the
    // server decides it (referralClearanceFor, sent as a clearance record) it answers the same.
    const CoordinatorsPhone phone(s.facts);
    const Date day = Date::parse(match.text("started_at")).value_or(Date{2025, 3, 10});
    const GateDecision personSide = referralClearanceFor(match.text("case_id"), day, s.facts);
    QCOMPARE(codeOf(checkMatchActivation(match, phone, Date{2025, 3, 10}, personSide)), expected);
    if (expected != "" && expected != "forbidden" && expected != "vetting_invalid" && expected != "after_ending") {
        QVERIFY2(codeOf(checkMatchActivation(match, phone, Date{2025, 3, 10})) != "",
                 "without the person's side the phone never clears");
    }
}

void GatesTest::clearance_data()
{
    QTest::addColumn<QString>("volunteer");
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expected");
    QTest::newRow("befriender cleared") << "befriender" << "" << "";
    QTest::newRow("play volunteer cleared") << "play" << "" << "";
    QTest::newRow("play volunteer without carer consent") << "play" << "no_play_consent" << "consent_missing";
    QTest::newRow("not matched") << "visitor" << "" << "forbidden";
    QTest::newRow("consent withdrawn") << "befriender" << "withdrawn" << "consent_withdrawn";
}

void GatesTest::clearance()
{
    QFETCH(QString, volunteer);
    QFETCH(QString, change);
    QFETCH(QString, expected);
    Scenario s;
    if (change == "no_play_consent") {
        s.facts.remove("consent", hexId(42));
    } else if (change == "withdrawn") {
        s.consent(hexId(47), s.prisoner, s.irina, "contact", "withdrawn", "2025-02-01T10:00:00Z");
    }
    const bool play = volunteer == "play";
    const std::string who = play ? s.playVolunteer : volunteer == "visitor" ? s.visitor : s.befriender;
    const auto decision = clearanceFor(play ? s.playCase : s.befriendingCase, play ? s.maya : s.irina, who,
                                       Date{2025, 3, 1}, s.facts);
    QCOMPARE(codeOf(decision), expected);
    if (expected.isEmpty()) {
        QCOMPARE(decision.sentence, std::string("Cleared to contact ") + (play ? "Maya" : "Irina"));
    }
}

void GatesTest::referralClearance_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expected");
    QTest::newRow("all clear") << "" << "";
    QTest::newRow("consent withdrawn") << "withdrawn" << "consent_withdrawn";
    QTest::newRow("no check of the prisoner") << "no_check" << "protection_check_missing";
    QTest::newRow("restricted") << "restricted" << "restricted";
    QTest::newRow("no vetting matters not: no volunteer yet") << "no_vetting" << "";
    QTest::newRow("play: no carer's consent") << "play_no_consent" << "consent_missing";
    QTest::newRow("play: cleared") << "play" << "";
    QTest::newRow("case closed") << "closed" << "forbidden";
    QTest::newRow("unknown case") << "unknown" << "forbidden";
}

void GatesTest::referralClearance()
{
    QFETCH(QString, change);
    QFETCH(QString, expected);
    Scenario s;
    std::string caseId = s.befriendingCase;
    if (change == "withdrawn") {
        s.consent(hexId(47), s.prisoner, s.irina, "contact", "withdrawn", "2025-02-01T10:00:00Z");
    } else if (change == "no_check") {
        s.facts.remove("protection_check", hexId(50));
    } else if (change == "restricted") {
        s.check(hexId(59), s.prisoner, "2025-02-01", R"([{"kind":"no_contact_request","person_id":")" + s.irina + R"("}])");
    } else if (change == "no_vetting") {
        s.facts.remove("vetting", hexId(60));
    } else if (change == "play_no_consent") {
        s.facts.remove("consent", hexId(42));
        caseId = s.playCase;
    } else if (change == "play") {
        caseId = s.playCase;
    } else if (change == "closed") {
        auto theCase = *s.facts.record("case", caseId);
        theCase.fields["status"] = "closed";
        s.facts.put(theCase);
    } else if (change == "unknown") {
        caseId = hexId(888);
    }
    const GateDecision decision = referralClearanceFor(caseId, Date{2025, 3, 1}, s.facts);
    QCOMPARE(codeOf(decision), expected);
    for (const std::string name : {"Irina", "Maya", "Daniel"}) {
        QVERIFY2(decision.sentence.find(name) == std::string::npos, decision.sentence.c_str());
    }
}

void GatesTest::clearanceRecordDecision_data()
{
    QTest::addColumn<QString>("fields");
    QTest::addColumn<QString>("expected");
    QTest::newRow("cleared") << R"({"cleared":true,"reason":""})" << "";
    QTest::newRow("restricted") << R"({"cleared":false,"reason":"restricted"})" << "restricted";
    QTest::newRow("not cleared without a reason") << R"({"cleared":false})" << "forbidden";
    QTest::newRow("unknown reason") << R"({"cleared":false,"reason":"made_up"})" << "forbidden";
    QTest::newRow("cleared as a string is not cleared") << R"({"cleared":"true","reason":""})" << "forbidden";
    QTest::newRow("no fields") << R"({})" << "forbidden";
}

void GatesTest::clearanceRecordDecision()
{
    QFETCH(QString, fields);
    QFETCH(QString, expected);
    Record clearance;
    clearance.type = "clearance";
    clearance.fields = boost::json::parse(fields.toStdString()).as_object();
    QCOMPARE(codeOf(gateDecisionOfClearance(clearance)), expected);
}

void GatesTest::welfareGrant_data()
{
    QTest::addColumn<QString>("dateOfBirth");
    QTest::addColumn<QString>("day");
    QTest::addColumn<QString>("caseStatus");
    QTest::addColumn<bool>("otherOpenCase");
    QTest::addColumn<QString>("expected");
    QTest::newRow("15 years 364 days") << "2009-03-02" << "2025-03-01" << "open" << false << "too_young";
    QTest::newRow("16th birthday") << "2009-03-01" << "2025-03-01" << "open" << false << "";
    QTest::newRow("adult") << "1985-06-01" << "2025-03-01" << "open" << false << "";
    QTest::newRow("29 Feb, the day before the 16th birthday") << "2008-02-29" << "2024-02-28" << "open" << false
                                                              << "too_young";
    QTest::newRow("29 Feb, the 16th birthday") << "2008-02-29" << "2024-02-29" << "open" << false << "";
    QTest::newRow("no date of birth") << "" << "2025-03-01" << "open" << false << "too_young";
    QTest::newRow("case closed") << "1985-06-01" << "2025-03-01" << "closed" << false << "no_relationship";
    QTest::newRow("case closed, another case open") << "1985-06-01" << "2025-03-01" << "closed" << true << "";
    QTest::newRow("too young comes first") << "2015-01-01" << "2025-03-01" << "closed" << false << "too_young";
}

void GatesTest::welfareGrant()
{
    QFETCH(QString, dateOfBirth);
    QFETCH(QString, day);
    QFETCH(QString, caseStatus);
    QFETCH(bool, otherOpenCase);
    QFETCH(QString, expected);
    Scenario s;
    auto person = *s.facts.record("person", s.irina);
    if (dateOfBirth.isEmpty()) {
        person.fields.erase("date_of_birth");
    } else {
        person.fields["date_of_birth"] = dateOfBirth.toStdString();
    }
    s.facts.put(person);
    auto theCase = *s.facts.record("case", s.befriendingCase);
    theCase.fields["status"] = caseStatus.toStdString();
    s.facts.put(theCase);
    if (otherOpenCase) {
        s.put("case", hexId(15),
              R"({"person_id":")" + s.irina + R"(","stream":"casework","practitioner_id":")" + s.practitioner
                  + R"(","status":"open"})");
    }
    Record grant;
    grant.type = "welfare_grant_request";
    grant.id = hexId(70);
    grant.fields = test::object(R"({"case_id":")" + s.befriendingCase + R"(","person_id":")" + s.irina
                                + R"(","requested_on":"2025-03-01","purpose":"food","amount_pence":2000})");
    const auto decision = checkWelfareGrant(grant, s.facts, *Date::parse(day.toStdString()));
    QCOMPARE(codeOf(decision), expected);
    QVERIFY(!decision.quarantines());
    QVERIFY(!decision.sentence.empty());
}

QTEST_APPLESS_MAIN(GatesTest)
#include "gatestest.moc"
