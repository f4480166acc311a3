// Least privilege: which fields of which records each role reads (who may write: writerulestest).
#include <QtTest>

#ifndef Q_MOC_RUN
#include "rules/access.h"

#include "scenario.h"
#endif

using namespace fieldbook;
using fieldbook::test::hexId;
using fieldbook::test::Scenario;

namespace {

std::string userOf(const Scenario& s, const QString& key)
{
    const std::map<QString, std::string> users = {
        {"practitioner", s.practitioner}, {"otherPractitioner", s.otherPractitioner}, {"befriender", s.befriender},
        {"play", s.playVolunteer},        {"coordinator", s.coordinator},             {"southCoordinator", s.southCoordinator},
        {"manager", s.manager},           {"admin", s.admin},                         {"officer", s.officer},
        {"visitor", s.visitor},           {"mentor", s.mentor}};
    return users.at(key);
}

QStringList keys(const boost::json::object& object)
{
    QStringList out;
    for (const auto& entry : object) {
        out << QString::fromUtf8(entry.key().data(), qsizetype(entry.key().size()));
    }
    out.sort();
    return out;
}

} // namespace

class AccessTest : public QObject
{
    Q_OBJECT

private slots:
    void readView_data();
    void readView();
    void severalRolesSeeTheUnion();
    void ageBand_data();
    void ageBand();
    void caseOfAndPeopleOf();
};

// One row: a reader, a record (by key), the reader's standing; `visible` and the fields that
// must / must not be in the view.
void AccessTest::readView_data()
{
    QTest::addColumn<QString>("reader");
    QTest::addColumn<QString>("record");
    QTest::addColumn<QStringList>("context"); // practitioner, match, author, team, glass
    QTest::addColumn<bool>("visible");
    QTest::addColumn<QStringList>("mustHave");
    QTest::addColumn<QStringList>("mustNotHave");

    const QStringList none;
    // Volunteers.
    QTest::newRow("befriender: matched person") << "befriender" << "irina" << QStringList{"match"} << true
                                                << QStringList{"given_name", "phone", "age_band", "kind"}
                                                << QStringList{"date_of_birth", "family_name", "ethnicity"};
    QTest::newRow("befriender: prisoner's details") << "befriender" << "prisoner" << QStringList{"match"} << true
                                                    << QStringList{"given_name", "establishment"}
                                                    << QStringList{"prison_number", "date_of_birth", "family_name"};
    QTest::newRow("befriender: person without a match") << "befriender" << "irina" << none << false << none << none;
    QTest::newRow("befriender: protection check") << "befriender" << "check" << QStringList{"match", "author"} << false
                                                  << none << none;
    QTest::newRow("befriender: own vetting") << "befriender" << "vetting" << QStringList{"match", "author"} << false
                                             << none << none;
    QTest::newRow("befriender: consent") << "befriender" << "consent" << QStringList{"match"} << false << none << none;
    QTest::newRow("befriender: relationship") << "befriender" << "relationship" << QStringList{"match"} << false << none
                                              << none;
    QTest::newRow("befriender: triage") << "befriender" << "triage" << QStringList{"match"} << false << none << none;
    QTest::newRow("befriender: own report") << "befriender" << "report" << QStringList{"match", "author"} << true
                                            << QStringList{"notes", "concern_details"} << none;
    QTest::newRow("befriender: another author's report") << "befriender" << "report" << QStringList{"match"} << true
                                                         << QStringList{"occurred_at", "concerns"}
                                                         << QStringList{"notes", "concern_details"};
    QTest::newRow("befriender: own report, match ended") << "befriender" << "report" << QStringList{"author"} << false
                                                         << none << none;
    QTest::newRow("mentor: matched referral, essentials only") << "mentor" << "referral" << QStringList{"match"} << true
                                                                << QStringList{"referred_on", "supervision", "responsible_officer"}
                                                                << QStringList{"vulnerabilities", "notes"};
    QTest::newRow("mentor: another mentor's active match on their case") << "mentor" << "otherMatch" << QStringList{"match"}
                                                                         << true << QStringList{"volunteer"} << none;
    QTest::newRow("befriender: another's active match on their case") << "befriender" << "otherMatch" << QStringList{"match"}
                                                                      << false << none << none;
    QTest::newRow("mentor: another's match elsewhere") << "mentor" << "otherMatch" << none << false << none << none;
    QTest::newRow("mentor: referral without a match") << "mentor" << "referral" << none << false << none << none;
    QTest::newRow("mentor: another mentor's gate day") << "mentor" << "gate" << QStringList{"match"} << true
                                                       << QStringList{"met_at_gate"} << QStringList{"notes"};
    QTest::newRow("mentor: own gate day") << "mentor" << "gate" << QStringList{"match", "author"} << true
                                          << QStringList{"met_at_gate", "notes"} << none;
    QTest::newRow("befriender: case") << "befriender" << "case" << QStringList{"match"} << true
                                      << QStringList{"stream", "status"} << none;
    QTest::newRow("befriender: own match") << "befriender" << "match" << none << true << QStringList{"status"} << none;
    QTest::newRow("befriender: someone else's match") << "befriender" << "otherMatch" << QStringList{"match"} << false
                                                      << none << none;
    QTest::newRow("befriender: own safeguarding report") << "befriender" << "safeguarding" << QStringList{"author"}
                                                         << true << QStringList{"what_happened"} << none;
    QTest::newRow("befriender: another's safeguarding report") << "befriender" << "safeguarding"
                                                               << QStringList{"match"} << false << none << none;
    QTest::newRow("play volunteer: first contact report sent to them") << "play" << "fcr" << QStringList{"match"}
                                                                       << true << QStringList{"carer_assessment"}
                                                                       << none;
    QTest::newRow("befriender: first contact report not theirs") << "befriender" << "fcr" << QStringList{"match"}
                                                                 << false << none << none;
    // Practitioners.
    QTest::newRow("practitioner: person on their case") << "practitioner" << "prisoner" << QStringList{"practitioner"}
                                                        << true << QStringList{"prison_number", "date_of_birth"}
                                                        << QStringList{"age_band"};
    QTest::newRow("practitioner: restriction details") << "practitioner" << "check" << QStringList{"practitioner"}
                                                       << true << QStringList{"restrictions", "details"} << none;
    QTest::newRow("practitioner: not their case") << "practitioner" << "report" << none << false << none << none;
    QTest::newRow("practitioner: what they wrote") << "practitioner" << "consent" << QStringList{"author"} << true
                                                   << QStringList{"notes"} << none;
    QTest::newRow("practitioner: vetting") << "practitioner" << "vetting" << none << false << none << none;
    // Managers: aggregates only (the monthly report): no row-level record but their own.
    QTest::newRow("manager: report") << "manager" << "report" << none << false << none << none;
    QTest::newRow("manager: person") << "manager" << "irina" << none << false << none << none;
    QTest::newRow("manager: someone's safeguarding report") << "manager" << "safeguarding" << none << false << none
                                                            << none;
    QTest::newRow("manager: own safeguarding report") << "manager" << "safeguarding" << QStringList{"author"} << true
                                                      << QStringList{"urgency", "what_happened"} << none;
    QTest::newRow("manager: protection check") << "manager" << "check" << none << false << none << none;
    // Administrators: nothing.
    QTest::newRow("admin: person") << "admin" << "irina" << QStringList{"practitioner", "author"} << false << none << none;
    QTest::newRow("admin: report") << "admin" << "report" << QStringList{"author"} << false << none << none;
    // Safeguarding officers.
    QTest::newRow("officer: any safeguarding report") << "officer" << "safeguarding" << none << true
                                                      << QStringList{"what_happened"} << none;
    QTest::newRow("officer: report") << "officer" << "report" << none << false << none << none;
    QTest::newRow("officer: report, break the glass") << "officer" << "report" << QStringList{"glass"} << true
                                                      << QStringList{"notes"} << none;
    // Coordinators.
    QTest::newRow("coordinator: team vetting") << "coordinator" << "vetting" << QStringList{"team"} << true
                                               << QStringList{"dbs_expires_at"} << none;
    QTest::newRow("coordinator: other team's vetting") << "coordinator" << "vetting" << none << false << none << none;
    QTest::newRow("coordinator: team match") << "coordinator" << "match" << QStringList{"team"} << true
                                             << QStringList{"status"} << none;
    QTest::newRow("coordinator: team volunteer's report") << "coordinator" << "report"
                                                          << QStringList{"team", "volunteerAuthor"} << true
                                                          << QStringList{"notes"} << none;
    // Contract 1.2: a coordinator's pull carries volunteers' reports, never a practitioner's notes.
    QTest::newRow("coordinator: team practitioner's report") << "coordinator" << "report" << QStringList{"team"} << true
                                                             << QStringList{"occurred_at", "duration_minutes"}
                                                             << QStringList{"notes", "concern_details"};
    QTest::newRow("coordinator: other team's volunteer's report") << "coordinator" << "report"
                                                                  << QStringList{"volunteerAuthor"} << false << none << none;
    QTest::newRow("coordinator: protection check") << "coordinator" << "check" << QStringList{"team"} << false << none
                                                   << none;
    QTest::newRow("coordinator: person") << "coordinator" << "irina" << QStringList{"team"} << false << none << none;
    // Matching names the referral: its person as a matched volunteer sees them, the case without notes.
    QTest::newRow("coordinator: person of a team referral") << "coordinator" << "irina" << QStringList{"referral"}
                                                            << true << QStringList{"given_name", "age_band", "phone"}
                                                            << QStringList{"date_of_birth", "family_name", "ethnicity"};
    QTest::newRow("coordinator: team referral case") << "coordinator" << "case" << QStringList{"referral"} << true
                                                     << QStringList{"stream", "status", "person_id"} << none;
    QTest::newRow("coordinator: referral's consent stays hidden") << "coordinator" << "consent"
                                                                  << QStringList{"referral", "team"} << false << none
                                                                  << none;
    QTest::newRow("coordinator: referral's check stays hidden") << "coordinator" << "check"
                                                                << QStringList{"referral", "team"} << false << none
                                                                << none;
    QTest::newRow("coordinator: referral's triage stays hidden") << "coordinator" << "triage"
                                                                 << QStringList{"referral", "team"} << false << none
                                                                 << none;
    QTest::newRow("befriender: referral flag opens nothing") << "befriender" << "irina" << QStringList{"referral"}
                                                             << false << none << none;
    QTest::newRow("practitioner: referral flag opens nothing") << "practitioner" << "irina" << QStringList{"referral"}
                                                               << false << none << none;
}

void AccessTest::readView()
{
    QFETCH(QString, reader);
    QFETCH(QString, record);
    QFETCH(QStringList, context);
    QFETCH(bool, visible);
    QFETCH(QStringList, mustHave);
    QFETCH(QStringList, mustNotHave);
    Scenario s;
    const std::map<QString, std::pair<std::string, std::string>> records = {
        {"irina", {"person", s.irina}},
        {"prisoner", {"person", s.prisoner}},
        {"check", {"protection_check", hexId(59)}},
        {"vetting", {"vetting", hexId(60)}},
        {"consent", {"consent", hexId(48)}},
        {"relationship", {"relationship", hexId(30)}},
        {"case", {"case", s.befriendingCase}},
        {"match", {"match", s.befriendingMatch}},
        {"otherMatch", {"match", s.playMatch}},
        {"report", {"session_report", hexId(80)}},
        {"safeguarding", {"safeguarding_report", hexId(81)}},
        {"triage", {"triage", hexId(82)}},
        {"fcr", {"first_contact_report", hexId(83)}},
        {"referral", {"mentoring_referral", hexId(84)}},
        {"gate", {"gate_day", hexId(85)}},
    };
    s.check(hexId(59), s.prisoner, "2025-02-01", R"([{"kind":"named_person","person_id":")" + s.irina + R"("}])");
    auto check = *s.facts.record("protection_check", hexId(59));
    check.fields["details"] = "Harassment order, 2024";
    s.facts.put(check);
    s.consent(hexId(48), s.prisoner, s.irina, "contact", "given", "2025-01-05T10:00:00Z");
    auto consent = *s.facts.record("consent", hexId(48));
    consent.fields["notes"] = "Signed in the visits hall";
    s.facts.put(consent);
    s.put("session_report", hexId(80),
          R"({"case_id":")" + s.befriendingCase + R"(","person_id":")" + s.irina
              + R"(","occurred_at":"2025-03-01T10:00:00Z","duration_minutes":60,"notes":"Talked about the kids","concerns":"boundary","concern_details":"Asked for my number"})");
    s.put("safeguarding_report", hexId(81),
          R"({"case_id":")" + s.befriendingCase
              + R"(","urgency":"urgent","setting":"community","what_happened":"...","action_details":"Called 101"})");
    s.put("triage", hexId(82), R"({"case_id":")" + s.befriendingCase + R"(","outcome":"accepted","notes":"x"})");
    s.put("first_contact_report", hexId(83),
          R"({"case_id":")" + s.playCase + R"(","carer_id":")" + s.sam + R"(","sent_to_volunteer":")" + s.playVolunteer
              + R"(","sent_on":"2025-01-20","carer_assessment":"Coping well"})");
    s.put("mentoring_referral", hexId(84),
          R"({"case_id":")" + s.befriendingCase + R"(","referred_on":"2025-01-20","vulnerabilities":["substance_misuse"],"supervision":"licence","responsible_officer":"R. Officer","notes":"History"})");
    s.put("gate_day", hexId(85),
          R"({"case_id":")" + s.befriendingCase + R"(","person_id":")" + s.prisoner
              + R"(","occurred_at":"2025-03-01T08:00:00Z","met_at_gate":true,"notes":"Went to probation together"})");

    const auto& [type, id] = records.at(record);
    const auto stored = s.facts.record(type, id);
    QVERIFY(stored);
    ReaderContext ctx;
    ctx.isCasePractitioner = context.contains("practitioner");
    ctx.hasActiveMatch = context.contains("match");
    ctx.isAuthor = context.contains("author");
    ctx.sameTeam = context.contains("team");
    ctx.breakGlass = context.contains("glass");
    ctx.authorIsVolunteer = context.contains("volunteerAuthor");
    ctx.teamReferral = context.contains("referral");
    ctx.today = Date{2025, 3, 1};
    const auto view = fieldbook::readView(s.user(userOf(s, reader)), *stored, ctx);
    QCOMPARE(view.has_value(), visible);
    if (!view) {
        return;
    }
    const QStringList got = keys(*view);
    for (const auto& field : mustHave) {
        QVERIFY2(got.contains(field), qPrintable(field + " missing from " + got.join(',')));
    }
    for (const auto& field : mustNotHave) {
        QVERIFY2(!got.contains(field), qPrintable(field + " leaked in " + got.join(',')));
    }
}

void AccessTest::severalRolesSeeTheUnion()
{
    Scenario s;
    s.addUser(hexId(120), "Both", {Role::Befriender, Role::Manager});
    ReaderContext ctx;
    ctx.hasActiveMatch = true;
    ctx.today = Date{2025, 3, 1};
    const auto view = fieldbook::readView(s.user(hexId(120)), *s.facts.record("person", s.irina), ctx);
    QVERIFY(view);
    // given_name from the befriender side; the manager side adds nothing; never a date of birth.
    QVERIFY(view->contains("given_name"));
    QVERIFY(!view->contains("ethnicity"));
    QVERIFY(!view->contains("date_of_birth"));
    QCOMPARE(view->at("age_band").as_string(), "18+");
    // A practitioner who is also a befriender keeps the full date of birth and no age band.
    s.addUser(hexId(121), "Practitioner and befriender", {Role::Befriender, Role::Practitioner});
    ctx.isCasePractitioner = true;
    const auto full = fieldbook::readView(s.user(hexId(121)), *s.facts.record("person", s.irina), ctx);
    QVERIFY(full->contains("date_of_birth"));
    QVERIFY(!full->contains("age_band"));
}

void AccessTest::ageBand_data()
{
    QTest::addColumn<QString>("born");
    QTest::addColumn<QString>("on");
    QTest::addColumn<QString>("band");
    QTest::newRow("newborn") << "2025-03-01" << "2025-03-01" << "0-2";
    QTest::newRow("day before 3") << "2022-03-02" << "2025-03-01" << "0-2";
    QTest::newRow("3rd birthday") << "2022-03-01" << "2025-03-01" << "3-5";
    QTest::newRow("6") << "2019-03-01" << "2025-03-01" << "6-10";
    QTest::newRow("10") << "2014-03-02" << "2025-03-01" << "6-10";
    QTest::newRow("11") << "2014-03-01" << "2025-03-01" << "11-15";
    QTest::newRow("16") << "2009-03-01" << "2025-03-01" << "16-17";
    QTest::newRow("day before 18") << "2007-03-02" << "2025-03-01" << "16-17";
    QTest::newRow("18th birthday") << "2007-03-01" << "2025-03-01" << "18+";
    QTest::newRow("adult") << "1960-01-01" << "2025-03-01" << "18+";
    QTest::newRow("not yet born") << "2026-01-01" << "2025-03-01" << "0-2";
}

void AccessTest::ageBand()
{
    QFETCH(QString, born);
    QFETCH(QString, on);
    QFETCH(QString, band);
    QCOMPARE(QString::fromStdString(fieldbook::ageBand(*Date::parse(born.toStdString()), *Date::parse(on.toStdString()))),
             band);
}

void AccessTest::caseOfAndPeopleOf()
{
    Scenario s;
    QCOMPARE(caseOf(*s.facts.record("case", s.befriendingCase), s.facts), s.befriendingCase);
    QCOMPARE(caseOf(*s.facts.record("match", s.befriendingMatch), s.facts), s.befriendingCase);
    QCOMPARE(caseOf(s.contact("session_report", s.playCase, s.maya, s.contactDay), s.facts), s.playCase);
    QCOMPARE(caseOf(*s.facts.record("person", s.irina), s.facts), std::string());
    Record partial{"match", s.befriendingMatch, "", "", 1, test::object(R"({"status":"ended"})")};
    QCOMPARE(caseOf(partial, s.facts), s.befriendingCase); // a partial change of a stored match

    QCOMPARE(peopleOf(*s.facts.record("person", s.irina)), std::vector<std::string>{s.irina});
    QCOMPARE(peopleOf(*s.facts.record("relationship", hexId(30))), (std::vector<std::string>{s.prisoner, s.irina}));
    QCOMPARE(peopleOf(*s.facts.record("consent", hexId(42))), (std::vector<std::string>{s.sam, s.maya}));
    QCOMPARE(peopleOf(*s.facts.record("protection_check", hexId(50))), std::vector<std::string>{s.prisoner});
    QCOMPARE(peopleOf(s.contact("session_report", s.befriendingCase, s.irina, s.contactDay)),
             std::vector<std::string>{s.irina});
}

QTEST_APPLESS_MAIN(AccessTest)
#include "accesstest.moc"
