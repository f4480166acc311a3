// A user's caseload (rules/caseload.h): who is on whose caseload, with which person, match and
// role, decided once for the app's list, the rhythms and the server's reader scope.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "rules/caseload.h"

#include "scenario.h"
#endif

using namespace fieldbook;
using fieldbook::test::hexId;
using fieldbook::test::Scenario;

namespace {

// "case/person/match/role/open" per entry, joined by "; ", with the scenario's ids named.
QString describe(const std::vector<CaseloadEntry>& entries, const Scenario& s)
{
    const std::map<std::string, QString> names{
        {s.befriendingCase, "befriending"}, {s.playCase, "play"},           {s.otherCase, "other"},
        {s.irina, "irina"},                 {s.maya, "maya"},               {s.prisoner, "daniel"},
        {s.otherPerson, "olga"},            {s.befriendingMatch, "bmatch"}, {s.playMatch, "pmatch"},
        {hexId(70), "match70"},             {hexId(13), "case13"},          {"", "-"}};
    const auto name = [&](const std::string& id) {
        const auto found = names.find(id);
        return found == names.end() ? QString::fromStdString(id) : found->second;
    };
    QStringList out;
    for (const CaseloadEntry& entry : entries) {
        out << name(entry.caseId) + "/" + name(entry.personId) + "/" + name(entry.matchId) + "/"
                + QString::fromStdString(std::string(roleName(entry.role))) + (entry.open ? "" : "/closed");
    }
    return out.join("; ");
}

} // namespace

class CaseloadTest : public QObject
{
    Q_OBJECT

private slots:
    void caseloadOf_data();
    void caseloadOf();
    void entryForACase();
};

void CaseloadTest::caseloadOf_data()
{
    QTest::addColumn<QString>("change"); // what this row changes in the scenario
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("expected");

    QTest::newRow("practitioner: both cases") << "" << "practitioner"
                                              << "befriending/irina/-/practitioner; play/maya/-/practitioner";
    QTest::newRow("other practitioner: their own only") << "" << "otherPractitioner" << "other/olga/-/practitioner";
    QTest::newRow("closed case kept, marked") << "close befriending" << "practitioner"
                                              << "befriending/irina/-/practitioner/closed; play/maya/-/practitioner";
    QTest::newRow("practitioner role needed") << "practitioner loses role" << "practitioner" << "";
    QTest::newRow("befriender: active match") << "" << "befriender" << "befriending/irina/bmatch/befriender";
    QTest::newRow("play volunteer: active match") << "" << "playVolunteer" << "play/maya/pmatch/play_volunteer";
    QTest::newRow("ended match: nothing") << "end bmatch" << "befriender" << "";
    QTest::newRow("proposed match: nothing") << "propose bmatch" << "befriender" << "";
    QTest::newRow("match without person: the case's") << "bmatch without person" << "befriender"
                                                     << "befriending/irina/bmatch/befriender";
    QTest::newRow("match on a closed case") << "close befriending" << "befriender"
                                            << "befriending/irina/bmatch/befriender/closed";
    QTest::newRow("volunteer role needed") << "befriender loses role" << "befriender" << "";
    QTest::newRow("role from the match's stream") << "visitor match on befriending, stream visitor" << "visitor"
                                                  << "befriending/daniel/match70/prison_visitor";
    QTest::newRow("role not held: first volunteer role") << "visitor match on befriending" << "visitor"
                                                         << "befriending/daniel/match70/prison_visitor";
    QTest::newRow("casework: the role held") << "mentor match on casework case" << "mentor"
                                             << "case13/daniel/match70/mentor";
    QTest::newRow("two children, two entries") << "second play match" << "playVolunteer"
                                               << "play/maya/pmatch/play_volunteer; play/olga/match70/play_volunteer";
    QTest::newRow("practitioner and volunteer: once, as practitioner")
        << "practitioner also befriender, matched" << "practitioner"
        << "befriending/irina/-/practitioner; play/maya/-/practitioner";
    QTest::newRow("coordinator: nothing") << "" << "coordinator" << "";
    QTest::newRow("manager: nothing") << "" << "manager" << "";
    QTest::newRow("officer: nothing") << "" << "officer" << "";
    QTest::newRow("unknown user id: nothing") << "" << "nobody" << "";
}

void CaseloadTest::caseloadOf()
{
    QFETCH(QString, change);
    QFETCH(QString, who);
    QFETCH(QString, expected);
    Scenario s;
    const std::map<QString, std::string> users{
        {"practitioner", s.practitioner}, {"otherPractitioner", s.otherPractitioner},
        {"befriender", s.befriender},     {"playVolunteer", s.playVolunteer},
        {"visitor", s.visitor},           {"mentor", s.mentor},
        {"coordinator", s.coordinator},   {"manager", s.manager},
        {"officer", s.officer}};
    const auto setField = [&s](const std::string& type, const std::string& id, const std::string& field,
                               const std::string& value) {
        Record record = *s.facts.record(type, id);
        if (value.empty()) {
            record.fields.erase(field);
        } else {
            record.fields[field] = value;
        }
        s.facts.put(record);
    };
    User user = users.count(who) ? s.user(users.at(who)) : User{"", "", RoleSet{Role::Befriender}, ""};
    if (change == "close befriending") {
        setField("case", s.befriendingCase, "status", "closed");
    } else if (change == "practitioner loses role") {
        user.roles = RoleSet{Role::Coordinator};
    } else if (change == "befriender loses role") {
        user.roles = RoleSet{Role::Coordinator};
    } else if (change == "end bmatch") {
        setField("match", s.befriendingMatch, "status", "ended");
    } else if (change == "propose bmatch") {
        setField("match", s.befriendingMatch, "status", "proposed");
    } else if (change == "bmatch without person") {
        setField("match", s.befriendingMatch, "person_id", "");
    } else if (change == "visitor match on befriending, stream visitor") {
        s.match(hexId(70), s.befriendingCase, s.visitor, s.prisoner, "active", "2025-01-10");
        setField("match", hexId(70), "stream", "visitor");
    } else if (change == "visitor match on befriending") {
        s.match(hexId(70), s.befriendingCase, s.visitor, s.prisoner, "active", "2025-01-10");
    } else if (change == "mentor match on casework case") {
        s.put("case", hexId(13),
              R"({"person_id":")" + s.prisoner + R"(","stream":"casework","practitioner_id":")" + s.practitioner
                  + R"(","status":"open"})");
        s.match(hexId(70), hexId(13), s.mentor, s.prisoner, "active", "2025-01-10");
    } else if (change == "second play match") {
        s.match(hexId(70), s.playCase, s.playVolunteer, s.otherPerson, "active", "2025-01-10");
    } else if (change == "practitioner also befriender, matched") {
        user.roles.add(Role::Befriender);
        s.match(hexId(70), s.befriendingCase, s.practitioner, s.irina, "active", "2025-01-10");
    } else {
        QVERIFY2(change.isEmpty(), qPrintable(change));
    }
    if (who == "nobody") {
        user.id.clear();
    }
    QCOMPARE(describe(fieldbook::caseloadOf(user, s.facts), s), expected);
}

void CaseloadTest::entryForACase()
{
    Scenario s;
    const auto caseload = fieldbook::caseloadOf(s.user(s.practitioner), s.facts);
    const CaseloadEntry* entry = caseloadEntryFor(caseload, s.playCase);
    QVERIFY(entry);
    QCOMPARE(entry->personId, s.maya);
    QCOMPARE(caseloadEntryFor(caseload, s.otherCase), nullptr);
}

QTEST_GUILESS_MAIN(CaseloadTest)
#include "caseloadtest.moc"
