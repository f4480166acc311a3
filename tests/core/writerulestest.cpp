// Who may change what (contract 1.2): one table of facts, author and change -> the answer, run
// through judgeChange() exactly as the server runs it. Placeholders in the JSON (PRISONER, IRINA,
// BCASE, BEFRIENDER, ...) stand for the scenario's ids; "setup" names changes made to the world
// before the change is judged.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "model/formdefinition.h"
#include "rules/writerules.h"

#include "scenario.h"
#endif

using namespace fieldbook;
using fieldbook::test::hexId;
using fieldbook::test::Scenario;

namespace {

// 2025-03-01T12:00:00Z: the judge's clock.
constexpr std::int64_t kNow = 1740830400000LL;

struct World : Scenario
{
    const std::string southPractitioner = hexId(111);
    const std::string coordinatorBefriender = hexId(112);
    const std::string unvetted = hexId(113);
    const std::string karl = hexId(6); // a prisoner of the south team
    const std::string lena = hexId(7); // his partner, on the south team's case
    const std::string southCase = hexId(13);
    const std::string southIntake = hexId(70); // recorded by the south practitioner, no case yet
    std::map<std::string, std::string> changeAuthors;

    World()
    {
        addUser(southPractitioner, "Sunil", {Role::Practitioner}, "south");
        addUser(coordinatorBefriender, "Cass", {Role::Coordinator, Role::Befriender});
        addUser(unvetted, "Uma", {Role::Befriender});
        // The carer as the practitioner recorded her: holding a carer starts with recording her.
        facts.remove("person", sam);
        put("person", sam, R"({"kind":"carer","given_name":"Sam"})", practitioner);
        put("person", karl, R"({"kind":"prisoner","given_name":"Karl"})", southPractitioner);
        put("person", lena, R"({"kind":"family_member","given_name":"Lena"})", southPractitioner);
        put("person", southIntake, R"({"kind":"family_member","given_name":"Nadia"})", southPractitioner);
        relationship(hexId(33), karl, lena);
        put("case", southCase,
            R"({"person_id":")" + lena + R"(","stream":"befriending","practitioner_id":")" + southPractitioner
                + R"(","status":"open"})");
        changeAuthors[hexId(8000)] = befriender;
    }

    std::string expand(std::string text) const
    {
        const std::pair<const char*, std::string> names[] = {
            {"SOUTHPRACT", southPractitioner}, {"OTHERPRACT", otherPractitioner}, {"PRACT", practitioner},
            {"COORDBEF", coordinatorBefriender}, {"SOUTHCOORD", southCoordinator}, {"COORD", coordinator},
            {"BEFRIENDER", befriender}, {"UNVETTED", unvetted}, {"PLAYVOL", playVolunteer}, {"PRISONER", prisoner},
            {"IRINA", irina}, {"MAYA", maya}, {"SAM", sam}, {"OLGA", otherPerson}, {"KARL", karl}, {"LENA", lena},
            {"NADIA", southIntake}, {"BCASE", befriendingCase}, {"PCASE", playCase}, {"OCASE", otherCase},
            {"SCASE", southCase}, {"MCASE", hexId(14)}, {"GRANT", hexId(87)}, {"BMATCH", befriendingMatch}, {"PMATCH", playMatch}, {"NEWID", hexId(7777)}, {"OTHERNEW", hexId(7778)},
        };
        for (const auto& [placeholder, id] : names) {
            for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder)) {
                text.replace(at, std::string_view(placeholder).size(), id);
            }
        }
        return text;
    }

    void setUp(const QString& keys)
    {
        for (const QString& key : keys.split(';', Qt::SkipEmptyParts)) {
            if (key == "checklist") {
                put("casework_checklist", hexId(80), R"({"case_id":")" + befriendingCase
                                                          + R"(","completed_on":"2025-02-28","items":[]})");
            } else if (key == "closed") {
                auto theCase = *facts.record("case", befriendingCase);
                theCase.fields["status"] = "closed";
                facts.put(theCase);
            } else if (key.startsWith("referral:")) {
                auto theCase = *facts.record("case", playCase);
                theCase.fields["referral_status"] = key.mid(9).toStdString();
                facts.put(theCase);
            } else if (key.startsWith("attempts:")) {
                const QStringList outcomes = key.mid(9).split(',');
                for (int i = 0; i < outcomes.size(); ++i) {
                    put("carer_contact_attempt", hexId(90 + i),
                        R"({"case_id":")" + playCase + R"(","attempted_at":"2025-02-0)" + std::to_string(i + 1)
                            + R"(T10:00:00Z","method":"phone","outcome":")" + outcomes[i].toStdString() + R"("})");
                }
            } else if (key == "matchEndedToday") {
                match(hexId(22), befriendingCase, befriender, irina, "ended", "2024-06-01", "2025-03-01");
                facts.remove("match", befriendingMatch);
            } else if (key == "restrictOlga") {
                check(hexId(56), prisoner, "2025-02-20",
                      R"([{"kind":"named_person","person_id":")" + otherPerson + R"("}])");
            } else if (key == "irinaRestricted") {
                put("protection_check", hexId(57),
                    R"({"subject":")" + irina + R"(","outcome":"restricted","restrictions":[],"checked_at":"2025-02-20"})");
            } else if (key == "withdrawIrina") {
                consent(hexId(45), prisoner, irina, "contact", "withdrawn", "2025-02-20T10:00:00Z");
            } else if (key == "samDataEntry") {
                consent(hexId(46), sam, sam, "data_entry", "given", "2025-02-01T10:00:00Z");
            } else if (key == "samDataEntryWithdrawn") {
                consent(hexId(46), sam, sam, "data_entry", "given", "2025-02-01T10:00:00Z");
                consent(hexId(47), sam, sam, "data_entry", "withdrawn", "2025-02-10T10:00:00Z");
            } else if (key == "irinaShares") {
                consent(hexId(48), irina, irina, "share_with_professionals", "given", "2025-02-01T10:00:00Z");
            } else if (key == "mentoring") {
                // Daniel's own mentoring case: the mentor matched on it, his consent to be contacted.
                put("case", hexId(14),
                    R"({"person_id":")" + prisoner + R"(","stream":"mentoring","practitioner_id":")" + practitioner
                        + R"(","status":"open","release_date":"2025-03-10"})");
                consent(hexId(49), prisoner, prisoner, "contact", "given", "2025-01-05T10:00:00Z");
                match(hexId(26), hexId(14), mentor, prisoner, "active", "2025-02-01");
            } else if (key == "mentoringRestricted") {
                check(hexId(58), prisoner, "2025-02-20",
                      R"([{"kind":"named_person","person_id":")" + prisoner + R"("}])");
            } else if (key.startsWith("grant")) {
                put("welfare_grant_request", hexId(87),
                    R"({"case_id":")" + befriendingCase + R"(","person_id":")" + irina
                        + R"(","requested_on":"2025-02-20","purpose":"food","amount_pence":2000,"justification":"No food."})");
                if (key == "grantApproved" || key == "grantDeclined") {
                    put("welfare_grant_decision", hexId(88),
                        R"({"case_id":")" + befriendingCase + R"(","request_id":")" + hexId(87) + R"(","decided_on":"2025-02-25",)"
                            + (key == "grantApproved" ? R"("decision":"approved","given_as":"vouchers"})"
                                                      : R"("decision":"declined","decline_reason":"funds_unavailable"})"));
                }
            } else if (key == "session") {
                put("session_report", hexId(85),
                    R"({"case_id":")" + befriendingCase + R"(","person_id":")" + irina
                        + R"(","occurred_at":"2025-02-27T10:00:00Z","concerns":"none"})",
                    befriender);
            } else {
                QFAIL(qPrintable("unknown setup " + key));
            }
        }
    }

    std::string hlcAt(std::int64_t millis) const
    {
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "%013lld-000001-", static_cast<long long>(millis));
        return buffer + hexId(998);
    }

    WriteVerdict judge(const std::string& authorId, const std::string& type, const std::string& recordId,
                       const std::string& fieldsJson, const std::string& op, std::int64_t hlcMillis,
                       const std::string& changeId)
    {
        ProposedChange change;
        change.changeId = changeId;
        change.op = op;
        change.hlc = hlcAt(hlcMillis);
        change.fields = test::object(fieldsJson);
        const auto before = facts.record(type, recordId);
        change.after.type = type;
        change.after.id = recordId;
        change.after.author = authorId;
        change.after.formVersion = FormRegistry::builtin().current(type) ? FormRegistry::builtin().current(type)->version : 1;
        change.form = FormRegistry::builtin().current(type);
        if (before && isMutableRecordType(type)) {
            change.after.fields = before->fields; // the merge: later fields win
        }
        for (const auto& entry : change.fields) {
            change.after.fields[entry.key()] = entry.value();
        }
        change.deletes = op == "delete";
        change.before = before ? &*before : nullptr;
        IdHistory ids;
        if (const auto found = changeAuthors.find(changeId); found != changeAuthors.end()) {
            ids.changeAuthor = found->second;
        }
        for (const auto& known : knownRecordTypes()) {
            if (facts.record(known, recordId) || !facts.creatorOf(known, recordId).empty()) {
                ids.recordTypes.push_back(known);
            }
        }
        return judgeChange(*facts.user(authorId), change, ids, facts, kNow);
    }
};

std::string userKey(const World& w, const QString& key)
{
    const std::map<QString, std::string> users = {
        {"practitioner", w.practitioner}, {"otherPractitioner", w.otherPractitioner},
        {"southPractitioner", w.southPractitioner}, {"befriender", w.befriender}, {"play", w.playVolunteer},
        {"visitor", w.visitor}, {"mentor", w.mentor}, {"coordinator", w.coordinator},
        {"southCoordinator", w.southCoordinator}, {"coordinatorBefriender", w.coordinatorBefriender},
        {"manager", w.manager}, {"admin", w.admin}, {"officer", w.officer}};
    return users.at(key);
}

const char* const kContact = R"({"case_id":"BCASE","person_id":"IRINA","occurred_at":"2025-03-01T10:00:00Z","concerns":"none"})";
const char* const kSafeguarding = R"({"case_id":"BCASE","person_id":"IRINA","urgency":"urgent","setting":"community","what_happened":"A worrying remark."})";

} // namespace

class WriteRulesTest : public QObject
{
    Q_OBJECT

private slots:
    void judge_data();
    void judge();
    void orderOfRefusals();
    void refusalsNameNobody();
    void holdsPerson_data();
    void holdsPerson();
    void writableRecordTypes_data();
    void writableRecordTypes();
    void formsForCase_data();
    void formsForCase();
    void heldRecordAudience();
};

void WriteRulesTest::judge_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("author");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("recordId"); // a placeholder, or NEWID
    QTest::addColumn<QString>("fields");
    QTest::addColumn<QString>("op");
    QTest::addColumn<qint64>("hlcAhead"); // milliseconds ahead of the judge's clock
    QTest::addColumn<QString>("changeId");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("reason");

    const qint64 minute = 60'000;
    auto row = [&](const char* name, const char* setup, const char* author, const char* type, const char* recordId,
                   const char* fields, const char* status, const char* reason, const char* op = "upsert",
                   qint64 ahead = 0, const char* changeId = "") {
        QTest::newRow(name) << setup << author << type << recordId << fields << op << ahead << changeId << status << reason;
    };

    // A new person: any practitioner. An existing one: a practitioner who holds them.
    row("new person, practitioner", "", "practitioner", "person", "NEWID", R"({"kind":"family_member","given_name":"Ann"})", "applied", "");
    row("new person, other team's practitioner", "", "southPractitioner", "person", "NEWID", R"({"kind":"family_member","given_name":"Ann"})", "applied", "");
    row("new person, befriender", "", "befriender", "person", "NEWID", R"({"kind":"family_member","given_name":"Ann"})", "rejected", "forbidden");
    row("new person, coordinator", "", "coordinator", "person", "NEWID", R"({"kind":"family_member","given_name":"Ann"})", "rejected", "forbidden");
    row("new person, manager", "", "manager", "person", "NEWID", R"({"kind":"family_member","given_name":"Ann"})", "rejected", "forbidden");
    row("person held through own case", "", "practitioner", "person", "IRINA", R"({"phone":"07700 900001"})", "applied", "");
    row("person held through a teammate's case", "", "otherPractitioner", "person", "IRINA", R"({"phone":"07700 900001"})", "applied", "");
    row("prisoner held through the family member's case", "", "practitioner", "person", "PRISONER", R"({"establishment":"HMP Other"})", "applied", "");
    row("another team re-dates the child", "", "southPractitioner", "person", "MAYA", R"({"date_of_birth":"2000-01-01"})", "rejected", "forbidden");
    row("another team deletes the child", "", "southPractitioner", "person", "MAYA", "{}", "rejected", "forbidden", "delete");
    row("holder deletes a person", "", "practitioner", "person", "OLGA", "{}", "applied", "", "delete");
    row("another team edits the prisoner", "", "southPractitioner", "person", "PRISONER", R"({"prison_number":"X1"})", "rejected", "forbidden");
    row("the recorder holds their intake without a case", "", "southPractitioner", "person", "NADIA", R"({"phone":"07700 900002"})", "applied", "");
    row("another team edits that intake", "", "practitioner", "person", "NADIA", R"({"phone":"07700 900002"})", "rejected", "forbidden");
    // Relationships: the author holds both people.
    row("relationship between held people", "", "practitioner", "relationship", "NEWID", R"({"prisoner_id":"PRISONER","person_id":"IRINA","relation":"partner"})", "applied", "");
    row("relationship to another team's prisoner", "", "southPractitioner", "relationship", "NEWID", R"({"prisoner_id":"PRISONER","person_id":"LENA","relation":"partner"})", "rejected", "forbidden");
    row("relationship from another team's family member", "", "practitioner", "relationship", "NEWID", R"({"prisoner_id":"KARL","person_id":"IRINA","relation":"partner"})", "rejected", "forbidden");
    row("another team deletes a relationship", "", "southPractitioner", "relationship", hexId(30).c_str(), "{}", "rejected", "forbidden", "delete");
    row("holder deletes a relationship", "", "practitioner", "relationship", hexId(30).c_str(), "{}", "applied", "", "delete");
    row("another team moves a relationship onto its own", "", "southPractitioner", "relationship", hexId(31).c_str(), R"({"person_id":"LENA"})", "rejected", "forbidden");
    row("intake in any order: the consent before the person", "", "southPractitioner", "consent", "NEWID", R"({"given_by":"KARL","about":"OTHERNEW","scope":"contact","status":"given","method":"phone","recorded_at":"2025-03-01T09:00:00Z"})", "applied", "");
    row("intake in any order: the case before the person", "", "practitioner", "case", "NEWID", R"({"person_id":"OTHERNEW","stream":"casework","practitioner_id":"PRACT","status":"open"})", "applied", "");
    row("south team links its own people", "", "southPractitioner", "relationship", "NEWID", R"({"prisoner_id":"KARL","person_id":"NADIA","relation":"sister"})", "applied", "");
    row("befriender relationship", "", "befriender", "relationship", "NEWID", R"({"prisoner_id":"PRISONER","person_id":"IRINA","relation":"partner"})", "rejected", "forbidden");
    // Consents: the author holds given_by and about.
    row("holder withdraws consent", "", "practitioner", "consent", "NEWID", R"({"given_by":"PRISONER","about":"IRINA","scope":"contact","status":"withdrawn","method":"phone","recorded_at":"2025-03-01T09:00:00Z"})", "applied", "");
    row("teammate records consent", "", "otherPractitioner", "consent", "NEWID", R"({"given_by":"PRISONER","about":"IRINA","scope":"contact","status":"given","method":"phone","recorded_at":"2025-03-01T09:00:00Z"})", "applied", "");
    row("another team withdraws someone else's consent", "", "southPractitioner", "consent", "NEWID", R"({"given_by":"PRISONER","about":"IRINA","scope":"contact","status":"withdrawn","method":"phone","recorded_at":"2025-03-01T09:00:00Z"})", "rejected", "forbidden");
    row("consent given by another team's prisoner", "", "practitioner", "consent", "NEWID", R"({"given_by":"KARL","about":"IRINA","scope":"contact","status":"given","method":"phone","recorded_at":"2025-03-01T09:00:00Z"})", "rejected", "forbidden");
    row("coordinator consent", "", "coordinator", "consent", "NEWID", R"({"given_by":"PRISONER","about":"IRINA","scope":"contact","status":"given","method":"phone","recorded_at":"2025-03-01T09:00:00Z"})", "rejected", "forbidden");
    row("befriender consent", "", "befriender", "consent", "NEWID", R"({"given_by":"PRISONER","about":"IRINA","scope":"contact","status":"given","method":"phone","recorded_at":"2025-03-01T09:00:00Z"})", "rejected", "forbidden");
    row("consent from the year 9999", "", "practitioner", "consent", "NEWID", R"({"given_by":"PRISONER","about":"IRINA","scope":"contact","status":"given","method":"phone","recorded_at":"9999-12-31T00:00:00Z"})", "rejected", "invalid:recorded_at");
    row("consent 4 minutes ahead", "", "practitioner", "consent", "NEWID", R"({"given_by":"PRISONER","about":"IRINA","scope":"contact","status":"given","method":"phone","recorded_at":"2025-03-01T12:04:00Z"})", "applied", "");
    row("consent 6 minutes ahead", "", "practitioner", "consent", "NEWID", R"({"given_by":"PRISONER","about":"IRINA","scope":"contact","status":"given","method":"phone","recorded_at":"2025-03-01T12:06:00Z"})", "rejected", "invalid:recorded_at");
    // Protection checks: the author holds the subject; dates at most a day ahead.
    row("another team clears the prisoner", "", "southPractitioner", "protection_check", "NEWID", R"({"subject":"PRISONER","outcome":"clear","restrictions":[],"checked_at":"2025-03-01"})", "rejected", "forbidden");
    row("holder clears the prisoner", "", "practitioner", "protection_check", "NEWID", R"({"subject":"PRISONER","outcome":"clear","restrictions":[],"checked_at":"2025-03-01"})", "applied", "");
    row("another team checks the child", "", "southPractitioner", "protection_check", "NEWID", R"({"subject":"MAYA","outcome":"clear","restrictions":[],"checked_at":"2025-03-01"})", "rejected", "forbidden");
    row("check from the year 9999", "", "practitioner", "protection_check", "NEWID", R"({"subject":"PRISONER","outcome":"clear","restrictions":[],"checked_at":"9999-12-31"})", "rejected", "invalid:checked_at");
    row("check dated tomorrow", "", "practitioner", "protection_check", "NEWID", R"({"subject":"PRISONER","outcome":"clear","restrictions":[],"checked_at":"2025-03-02"})", "applied", "");
    row("check dated in two days", "", "practitioner", "protection_check", "NEWID", R"({"subject":"PRISONER","outcome":"clear","restrictions":[],"checked_at":"2025-03-03"})", "rejected", "invalid:checked_at");
    row("manager check", "", "manager", "protection_check", "NEWID", R"({"subject":"PRISONER","outcome":"clear","restrictions":[],"checked_at":"2025-03-01"})", "rejected", "forbidden");
    // Clocks on the envelope.
    row("hlc in the year 2286", "", "coordinator", "match", "BMATCH", R"({"status":"ended","ended_at":"2025-03-01"})", "rejected", "invalid:hlc", "upsert", 9999999999999LL - kNow);
    row("hlc 6 minutes ahead", "", "practitioner", "person", "IRINA", R"({"phone":"1"})", "rejected", "invalid:hlc", "upsert", 6 * minute);
    row("hlc 4 minutes ahead", "", "practitioner", "person", "IRINA", R"({"phone":"1"})", "applied", "", "upsert", 4 * minute);
    row("contact from the future", "", "befriender", "session_report", "NEWID", R"({"case_id":"BCASE","person_id":"IRINA","occurred_at":"9999-01-01T10:00:00Z","concerns":"none"})", "rejected", "invalid:occurred_at");
    row("DBS checked in the future", "", "coordinator", "vetting", "NEWID", R"({"volunteer":"UNVETTED","dbs_checked_at":"9999-01-01","dbs_expires_at":"9999-12-31","training":[]})", "rejected", "invalid:dbs_checked_at");
    // Cases: on an existing person, a holder or a coordinator; state changes validated.
    row("case on a held person", "", "practitioner", "case", "NEWID", R"({"person_id":"IRINA","stream":"casework","practitioner_id":"PRACT","status":"open"})", "applied", "");
    row("case on another team's person", "", "southPractitioner", "case", "NEWID", R"({"person_id":"IRINA","stream":"casework","practitioner_id":"SOUTHPRACT","status":"open"})", "rejected", "forbidden");
    row("case on another team's prisoner", "", "southPractitioner", "case", "NEWID", R"({"person_id":"PRISONER","stream":"visitor","practitioner_id":"SOUTHPRACT","status":"open"})", "rejected", "forbidden");
    row("coordinator opens a case", "", "coordinator", "case", "NEWID", R"({"person_id":"IRINA","stream":"befriending","practitioner_id":"OTHERPRACT","status":"open"})", "applied", "");
    row("befriender opens a case", "", "befriender", "case", "NEWID", R"({"person_id":"IRINA","stream":"befriending","practitioner_id":"PRACT","status":"open"})", "rejected", "forbidden");
    row("new case already closed", "", "practitioner", "case", "NEWID", R"({"person_id":"IRINA","stream":"casework","practitioner_id":"PRACT","status":"closed"})", "rejected", "invalid:status");
    row("new play case already matched", "", "practitioner", "case", "NEWID", R"({"person_id":"MAYA","stream":"play","practitioner_id":"PRACT","status":"open","referral_status":"active_matched"})", "rejected", "invalid:referral_status");
    row("new play case awaiting first contact", "", "practitioner", "case", "NEWID", R"({"person_id":"MAYA","stream":"play","practitioner_id":"PRACT","status":"open","referral_status":"awaiting_first_contact"})", "applied", "");
    row("close without the checklist", "", "practitioner", "case", "BCASE", R"({"status":"closed","closed_on":"2025-03-01"})", "rejected", "invalid:status");
    row("close after the checklist", "checklist", "practitioner", "case", "BCASE", R"({"status":"closed","closed_on":"2025-03-01"})", "applied", "");
    row("re-open a closed case", "closed", "practitioner", "case", "BCASE", R"({"status":"open"})", "applied", "");
    row("another team closes the case", "checklist", "southPractitioner", "case", "BCASE", R"({"status":"closed"})", "rejected", "forbidden");
    row("another team takes the case", "", "southPractitioner", "case", "BCASE", R"({"practitioner_id":"SOUTHPRACT"})", "rejected", "forbidden");
    row("referral matched -> closed", "", "practitioner", "case", "PCASE", R"({"referral_status":"closed"})", "applied", "");
    row("referral matched -> awaiting matching", "", "practitioner", "case", "PCASE", R"({"referral_status":"awaiting_matching"})", "rejected", "invalid:referral_status");
    row("referral first contact -> awaiting matching", "referral:awaiting_first_contact", "practitioner", "case", "PCASE", R"({"referral_status":"awaiting_matching"})", "applied", "");
    row("referral awaiting matching -> matched", "referral:awaiting_matching", "practitioner", "case", "PCASE", R"({"referral_status":"active_matched"})", "applied", "");
    row("referral first contact -> matched skips a step", "referral:awaiting_first_contact", "practitioner", "case", "PCASE", R"({"referral_status":"active_matched"})", "rejected", "invalid:referral_status");
    row("no support after two failed attempts", "referral:awaiting_first_contact;attempts:no_answer,left_message", "practitioner", "case", "PCASE", R"({"referral_status":"no_support_required"})", "rejected", "invalid:referral_status");
    row("no support after three failed attempts", "referral:awaiting_first_contact;attempts:no_answer,left_message,wrong_number", "practitioner", "case", "PCASE", R"({"referral_status":"no_support_required"})", "applied", "");
    row("no support when one attempt reached the carer", "referral:awaiting_first_contact;attempts:no_answer,reached,wrong_number", "practitioner", "case", "PCASE", R"({"referral_status":"no_support_required"})", "rejected", "invalid:referral_status");
    row("no support from awaiting matching", "referral:awaiting_matching;attempts:no_answer,no_answer,no_answer", "practitioner", "case", "PCASE", R"({"referral_status":"no_support_required"})", "rejected", "invalid:referral_status");
    row("closed referral re-opened", "referral:closed", "practitioner", "case", "PCASE", R"({"referral_status":"awaiting_first_contact"})", "applied", "");
    row("no support re-opened", "referral:no_support_required", "practitioner", "case", "PCASE", R"({"referral_status":"awaiting_first_contact"})", "applied", "");
    row("no support -> matched", "referral:no_support_required", "practitioner", "case", "PCASE", R"({"referral_status":"active_matched"})", "rejected", "invalid:referral_status");
    // Matches: coordinators, never about themselves; proposed -> active -> ended; activation gated.
    row("coordinator proposes a match", "", "coordinator", "match", "NEWID", R"({"case_id":"BCASE","volunteer":"BEFRIENDER","person_id":"IRINA","status":"proposed"})", "applied", "");
    row("new match already ended", "", "coordinator", "match", "NEWID", R"({"case_id":"BCASE","volunteer":"BEFRIENDER","person_id":"IRINA","status":"ended","ended_at":"2025-03-01"})", "rejected", "invalid:status");
    row("coordinator ends a match", "", "coordinator", "match", "BMATCH", R"({"status":"ended","ended_at":"2025-03-01","end_reason":"planned_ending"})", "applied", "");
    row("ending is never gated", "withdrawIrina", "coordinator", "match", "BMATCH", R"({"status":"ended","ended_at":"2025-03-01"})", "applied", "");
    row("active -> proposed", "", "coordinator", "match", "BMATCH", R"({"status":"proposed"})", "rejected", "invalid:status");
    row("coordinator matches themselves", "", "coordinatorBefriender", "match", "NEWID", R"({"case_id":"BCASE","volunteer":"COORDBEF","person_id":"IRINA","status":"proposed"})", "rejected", "forbidden");
    row("coordinator vets themselves", "", "coordinatorBefriender", "vetting", "NEWID", R"({"volunteer":"COORDBEF","dbs_checked_at":"2025-01-01","dbs_expires_at":"2027-01-01","training":[]})", "rejected", "forbidden");
    row("retarget onto a restricted person", "restrictOlga", "coordinator", "match", "BMATCH", R"({"case_id":"OCASE","person_id":"OLGA"})", "rejected", "restricted");
    row("retarget onto an unvetted volunteer", "", "coordinator", "match", "BMATCH", R"({"volunteer":"UNVETTED"})", "rejected", "vetting_invalid");
    row("retarget onto a cleared person", "", "coordinator", "match", "BMATCH", R"({"case_id":"OCASE","person_id":"OLGA"})", "applied", "");
    row("editing an active match's review date is not gated", "withdrawIrina", "coordinator", "match", "BMATCH", R"({"review_3m_on":"2025-04-10"})", "applied", "");
    row("new active match, unvetted volunteer", "", "coordinator", "match", "NEWID", R"({"case_id":"BCASE","volunteer":"UNVETTED","person_id":"IRINA","status":"active","started_at":"2025-03-01"})", "rejected", "vetting_invalid");
    row("new active match, consent withdrawn", "withdrawIrina", "coordinator", "match", "NEWID", R"({"case_id":"BCASE","volunteer":"BEFRIENDER","person_id":"IRINA","status":"active","started_at":"2025-03-01"})", "rejected", "consent_withdrawn");
    row("new active match on the ending day", "matchEndedToday", "coordinator", "match", "NEWID", R"({"case_id":"BCASE","volunteer":"BEFRIENDER","person_id":"IRINA","status":"active","started_at":"2025-03-01"})", "rejected", "after_ending");
    row("ended match made active again", "matchEndedToday", "coordinator", "match", hexId(22).c_str(), R"({"status":"active","started_at":"2025-03-01"})", "rejected", "invalid:status");
    row("other team's coordinator matches", "", "southCoordinator", "match", "NEWID", R"({"case_id":"BCASE","volunteer":"BEFRIENDER","person_id":"IRINA","status":"proposed"})", "rejected", "forbidden");
    row("practitioner matches", "", "practitioner", "match", "NEWID", R"({"case_id":"BCASE","volunteer":"BEFRIENDER","person_id":"IRINA","status":"proposed"})", "rejected", "forbidden");
    row("coordinator vets a volunteer", "", "coordinator", "vetting", "NEWID", R"({"volunteer":"UNVETTED","dbs_checked_at":"2025-01-01","dbs_expires_at":"2027-01-01","training":[]})", "applied", "");
    row("vetting of an unknown user", "", "coordinator", "vetting", "NEWID", R"({"volunteer":"NEWID","dbs_checked_at":"2025-01-01","dbs_expires_at":"2027-01-01","training":[]})", "rejected", "forbidden");
    row("other team's coordinator vets", "", "southCoordinator", "vetting", "NEWID", R"({"volunteer":"UNVETTED","dbs_checked_at":"2025-01-01","dbs_expires_at":"2027-01-01","training":[]})", "rejected", "forbidden");
    // Ids.
    row("change id first used by another user", "", "practitioner", "person", "IRINA", R"({"phone":"1"})", "rejected", "invalid:id", "upsert", 0, hexId(8000).c_str());
    row("change id used by the same user again", "", "befriender", "session_report", "NEWID", kContact, "duplicate", "", "upsert", 0, hexId(8000).c_str());
    row("record id of a consent used for a person", "", "practitioner", "person", hexId(40).c_str(), R"({"kind":"family_member","given_name":"Ann"})", "rejected", "invalid:record_id");
    row("record id of a person used for a case", "", "practitioner", "case", "IRINA", R"({"person_id":"IRINA","stream":"casework","practitioner_id":"PRACT","status":"open"})", "rejected", "invalid:record_id");
    row("a session report is never changed", "session", "befriender", "session_report", hexId(85).c_str(), kContact, "rejected", "invalid:record_id");
    row("a consent is never deleted", "", "practitioner", "consent", hexId(40).c_str(), "{}", "rejected", "invalid:op", "delete");
    // Safeguarding reports: every role, with or without a case, never gated.
    for (const char* who : {"befriender", "play", "visitor", "mentor", "practitioner", "southPractitioner", "coordinator",
                            "officer", "manager", "admin"}) {
        row(qPrintable(QString("%1 raises a concern on a case").arg(who)), "withdrawIrina", who, "safeguarding_report", "NEWID", kSafeguarding, "applied", "");
    }
    row("a concern without a case", "", "manager", "safeguarding_report", "NEWID", R"({"urgency":"non_urgent","setting":"custody","what_happened":"Heard on a visit."})", "applied", "");
    // Consent before data.
    row("carer's name and phone before consent", "", "practitioner", "person", "SAM", R"({"phone":"07700 900003","family_name":"Lee"})", "applied", "");
    row("carer's address before consent", "", "practitioner", "person", "SAM", R"({"address":"1 High Street"})", "rejected", "consent_missing");
    row("carer's address after consent", "samDataEntry", "practitioner", "person", "SAM", R"({"address":"1 High Street"})", "applied", "");
    row("carer's address after consent withdrawn", "samDataEntryWithdrawn", "practitioner", "person", "SAM", R"({"date_of_birth":"1990-01-01"})", "rejected", "consent_missing");
    row("new carer with a date of birth", "", "practitioner", "person", "NEWID", R"({"kind":"carer","given_name":"Jo","date_of_birth":"1990-01-01"})", "rejected", "consent_missing");
    row("action shared without consent", "", "practitioner", "care_plan_action", "NEWID", R"({"case_id":"BCASE","action":"Call housing","owner":"practitioner","due_on":"2025-03-10","status":"not_started","approved_to_share":true})", "rejected", "consent_missing");
    row("action shared with consent", "irinaShares", "practitioner", "care_plan_action", "NEWID", R"({"case_id":"BCASE","action":"Call housing","owner":"practitioner","due_on":"2025-03-10","status":"not_started","approved_to_share":true})", "applied", "");
    row("action not shared", "", "practitioner", "care_plan_action", "NEWID", R"({"case_id":"BCASE","action":"Call housing","owner":"practitioner","due_on":"2025-03-10","status":"not_started","approved_to_share":false})", "applied", "");
    // The gates on contacts and grants.
    row("befriender's cleared session", "", "befriender", "session_report", "NEWID", kContact, "applied", "");
    row("the family member's own restricted check", "irinaRestricted", "befriender", "session_report", "NEWID", kContact, "quarantined", "restricted");
    row("session after a withdrawal", "withdrawIrina", "befriender", "session_report", "NEWID", kContact, "quarantined", "consent_withdrawn");
    row("session by another team's practitioner", "", "southPractitioner", "session_report", "NEWID", kContact, "rejected", "forbidden");
    row("session by an unmatched volunteer", "", "visitor", "contact_sheet", "NEWID", kContact, "rejected", "forbidden");
    row("welfare grant for a child", "", "practitioner", "welfare_grant_request", "NEWID", R"({"case_id":"PCASE","person_id":"MAYA","requested_on":"2025-03-01","purpose":"food","amount_pence":2000,"justification":"No food at home."})", "rejected", "too_young");
    row("welfare grant for an adult", "", "practitioner", "welfare_grant_request", "NEWID", R"({"case_id":"BCASE","person_id":"IRINA","requested_on":"2025-03-01","purpose":"food","amount_pence":2000,"justification":"No food at home."})", "applied", "");
    // Through the gate: practitioners refer and decide; mentors write their meetings on their cases.
    const char* referral = R"({"case_id":"MCASE","referred_on":"2025-01-20","vulnerabilities":["no_fixed_abode","substance_misuse"],"supervision":"licence","responsible_officer":"R. Officer"})";
    row("practitioner refers to mentoring", "mentoring", "practitioner", "mentoring_referral", "NEWID", referral, "applied", "");
    row("another team's practitioner refers", "mentoring", "southPractitioner", "mentoring_referral", "NEWID", referral, "rejected", "forbidden");
    row("the mentor refers", "mentoring", "mentor", "mentoring_referral", "NEWID", referral, "rejected", "forbidden");
    row("the coordinator refers", "mentoring", "coordinator", "mentoring_referral", "NEWID", referral, "rejected", "forbidden");
    row("referral without vulnerabilities", "mentoring", "practitioner", "mentoring_referral", "NEWID", R"({"case_id":"MCASE","referred_on":"2025-01-20"})", "rejected", "invalid:vulnerabilities");
    row("responsible officer without licence or RAR", "mentoring", "practitioner", "mentoring_referral", "NEWID", R"({"case_id":"MCASE","referred_on":"2025-01-20","vulnerabilities":["domestic_abuse"],"supervision":"none","responsible_officer":"R. Officer"})", "rejected", "invalid:responsible_officer");
    const char* meeting = R"({"case_id":"MCASE","person_id":"PRISONER","occurred_at":"2025-02-24T10:00:00Z","service_explained":true})";
    row("matched mentor's prison meeting", "mentoring", "mentor", "pre_release_meeting", "NEWID", meeting, "applied", "");
    row("practitioner's prison meeting", "mentoring", "practitioner", "pre_release_meeting", "NEWID", meeting, "applied", "");
    row("unmatched mentor's prison meeting", "", "mentor", "pre_release_meeting", "NEWID", R"({"case_id":"BCASE","person_id":"IRINA","occurred_at":"2025-02-24T10:00:00Z","service_explained":true})", "rejected", "forbidden");
    row("befriender's prison meeting", "mentoring", "befriender", "pre_release_meeting", "NEWID", meeting, "rejected", "forbidden");
    row("prison meeting against a restriction is held", "mentoring;mentoringRestricted", "mentor", "pre_release_meeting", "NEWID", meeting, "quarantined", "restricted");
    const char* gate = R"({"case_id":"MCASE","person_id":"PRISONER","occurred_at":"2025-03-01T08:00:00Z","met_at_gate":true,"appointments_attended":["offender_manager","housing"]})";
    row("matched mentor's gate day", "mentoring", "mentor", "gate_day", "NEWID", gate, "applied", "");
    row("gate day without saying whether met", "mentoring", "mentor", "gate_day", "NEWID", R"({"case_id":"MCASE","person_id":"PRISONER","occurred_at":"2025-03-01T08:00:00Z"})", "rejected", "invalid:met_at_gate");
    row("gate day from tomorrow", "mentoring", "mentor", "gate_day", "NEWID", R"({"case_id":"MCASE","person_id":"PRISONER","occurred_at":"2025-03-02T08:00:00Z","met_at_gate":true})", "rejected", "invalid:occurred_at");
    row("gate day by a prison visitor", "mentoring", "visitor", "gate_day", "NEWID", gate, "rejected", "forbidden");
    row("mentor's contact sheet after release", "mentoring", "mentor", "contact_sheet", "NEWID", R"({"case_id":"MCASE","person_id":"PRISONER","occurred_at":"2025-03-01T10:00:00Z","mode":"phone","concerns":"none"})", "applied", "");
    row("practitioner's onward referral", "mentoring", "practitioner", "onward_referral", "NEWID", R"({"case_id":"MCASE","referred_on":"2025-03-01","organisation":"Community mentoring trust","support_needed":["longer_term_mentoring"],"consent_to_share":true})", "applied", "");
    row("mentor's onward referral", "mentoring", "mentor", "onward_referral", "NEWID", R"({"case_id":"MCASE","referred_on":"2025-03-01","organisation":"Community mentoring trust","support_needed":["longer_term_mentoring"],"consent_to_share":true})", "rejected", "forbidden");
    // Welfare grants: decided on a request of the same case, handed over once approved.
    row("grant approved as vouchers", "grant", "practitioner", "welfare_grant_decision", "NEWID", R"({"case_id":"BCASE","request_id":"GRANT","decided_on":"2025-03-01","decision":"approved","given_as":"vouchers","amount_pence":2000})", "applied", "");
    row("grant declined with a reason", "grant", "practitioner", "welfare_grant_decision", "NEWID", R"({"case_id":"BCASE","request_id":"GRANT","decided_on":"2025-03-01","decision":"declined","decline_reason":"funds_unavailable"})", "applied", "");
    row("grant declined without a reason", "grant", "practitioner", "welfare_grant_decision", "NEWID", R"({"case_id":"BCASE","request_id":"GRANT","decided_on":"2025-03-01","decision":"declined"})", "rejected", "invalid:decline_reason");
    row("grant approved without vouchers or goods", "grant", "practitioner", "welfare_grant_decision", "NEWID", R"({"case_id":"BCASE","request_id":"GRANT","decided_on":"2025-03-01","decision":"approved"})", "rejected", "invalid:given_as");
    row("decision on no request", "", "practitioner", "welfare_grant_decision", "NEWID", R"({"case_id":"BCASE","request_id":"NEWID","decided_on":"2025-03-01","decision":"declined","decline_reason":"other"})", "rejected", "invalid:request_id");
    row("decision on another case's request", "grant", "practitioner", "welfare_grant_decision", "NEWID", R"({"case_id":"PCASE","request_id":"GRANT","decided_on":"2025-03-01","decision":"declined","decline_reason":"other"})", "rejected", "invalid:request_id");
    row("approval once the case has closed", "grant;checklist;closed", "practitioner", "welfare_grant_decision", "NEWID", R"({"case_id":"BCASE","request_id":"GRANT","decided_on":"2025-03-01","decision":"approved","given_as":"goods"})", "rejected", "no_relationship");
    row("the befriender decides a grant", "grant", "befriender", "welfare_grant_decision", "NEWID", R"({"case_id":"BCASE","request_id":"GRANT","decided_on":"2025-03-01","decision":"approved","given_as":"goods"})", "rejected", "forbidden");
    const char* handover = R"({"case_id":"BCASE","request_id":"GRANT","handed_over_on":"2025-03-01","items":["food_vouchers","travel_card"],"received":true})";
    row("handover of an approved grant", "grantApproved", "practitioner", "welfare_grant_handover", "NEWID", handover, "applied", "");
    row("handover of a declined grant", "grantDeclined", "practitioner", "welfare_grant_handover", "NEWID", handover, "rejected", "invalid:request_id");
    row("handover before any decision", "grant", "practitioner", "welfare_grant_handover", "NEWID", handover, "rejected", "invalid:request_id");
}

void WriteRulesTest::judge()
{
    QFETCH(QString, setup);
    QFETCH(QString, author);
    QFETCH(QString, type);
    QFETCH(QString, recordId);
    QFETCH(QString, fields);
    QFETCH(QString, op);
    QFETCH(qint64, hlcAhead);
    QFETCH(QString, changeId);
    QFETCH(QString, status);
    QFETCH(QString, reason);
    World w;
    w.setUp(setup);
    const std::string id = w.expand(recordId.toStdString());
    const std::string change = changeId.isEmpty() ? hexId(8500) : changeId.toStdString();
    const WriteVerdict verdict = w.judge(userKey(w, author), type.toStdString(), id, w.expand(fields.toStdString()),
                                         op.toStdString(), kNow + hlcAhead, change);
    QVERIFY2(QString::fromUtf8(writeStatusName(verdict.status).data()) == status,
             qPrintable(QString::fromStdString(std::string(writeStatusName(verdict.status)) + " " + verdict.reason + ": "
                                               + verdict.message)));
    QCOMPARE(QString::fromStdString(verdict.reason), reason);
    QCOMPARE(verdict.message.empty(), verdict.applied() || verdict.status == WriteStatus::Duplicate);
}

// The first refusal in the contract's order answers: clocks before the form, the form before
// who may write, who may write before the state change, that before consent, consent before gates.
void WriteRulesTest::orderOfRefusals()
{
    World w;
    const std::string future = w.expand(R"({"given_by":"PRISONER","about":"IRINA","scope":"contact","status":"bogus","method":"phone","recorded_at":"9999-12-31T00:00:00Z"})");
    QCOMPARE(w.judge(w.southPractitioner, "consent", hexId(7001), future, "upsert", kNow, hexId(8501)).reason,
             std::string("invalid:recorded_at"));
    const std::string badField = w.expand(R"({"given_by":"PRISONER","about":"IRINA","scope":"contact","status":"bogus","method":"phone","recorded_at":"2025-03-01T09:00:00Z"})");
    QCOMPARE(w.judge(w.southPractitioner, "consent", hexId(7002), badField, "upsert", kNow, hexId(8502)).reason,
             std::string("invalid:status"));
    const std::string closedByStranger = w.expand(R"({"status":"closed"})");
    QCOMPARE(w.judge(w.southPractitioner, "case", w.befriendingCase, closedByStranger, "upsert", kNow, hexId(8503)).reason,
             std::string("forbidden"));
    const std::string sharedActionOnClosedCase = w.expand(R"({"case_id":"BCASE","action":"x","owner":"practitioner","due_on":"2025-03-10","status":"not_started","approved_to_share":true})");
    QCOMPARE(w.judge(w.southPractitioner, "care_plan_action", hexId(7003), sharedActionOnClosedCase, "upsert", kNow, hexId(8504)).reason,
             std::string("forbidden"));
    // A change id of someone else's is refused before anything about the record is looked at.
    QCOMPARE(w.judge(w.manager, "clearance", hexId(7004), "{}", "upsert", kNow, hexId(8000)).reason, std::string("invalid:id"));
}

void WriteRulesTest::refusalsNameNobody()
{
    World w;
    w.setUp("restrictOlga;withdrawIrina");
    const std::vector<std::string> names = {"Daniel", "Irina", "Maya", "Sam", "Olga", "Karl", "Lena", "Nadia", "Reyes"};
    struct Attempt
    {
        std::string author, type, id, fields;
    };
    const std::vector<Attempt> attempts = {
        {w.southPractitioner, "session_report", hexId(7010), kContact},
        {w.southPractitioner, "consent", hexId(7011), R"({"given_by":"PRISONER","about":"IRINA","scope":"contact","status":"given","method":"phone","recorded_at":"2025-03-01T09:00:00Z"})"},
        {w.southPractitioner, "person", w.maya, R"({"date_of_birth":"2000-01-01"})"},
        {w.coordinator, "match", w.befriendingMatch, R"({"case_id":"OCASE","person_id":"OLGA"})"},
        {w.coordinator, "match", hexId(7012), R"({"case_id":"BCASE","volunteer":"BEFRIENDER","person_id":"IRINA","status":"active"})"},
        {w.visitor, "contact_sheet", hexId(7013), kContact},
    };
    for (const Attempt& attempt : attempts) {
        const auto verdict = w.judge(attempt.author, attempt.type, attempt.id, w.expand(attempt.fields), "upsert", kNow,
                                     hexId(8600));
        QVERIFY2(!verdict.applied(), attempt.type.c_str());
        for (const std::string& name : names) {
            QVERIFY2(verdict.message.find(name) == std::string::npos, verdict.message.c_str());
        }
    }
}

void WriteRulesTest::holdsPerson_data()
{
    QTest::addColumn<QString>("author");
    QTest::addColumn<QString>("person");
    QTest::addColumn<bool>("holds");
    QTest::newRow("own case's person") << "practitioner" << "IRINA" << true;
    QTest::newRow("prisoner linked to own case's person") << "practitioner" << "PRISONER" << true;
    QTest::newRow("sibling linked through the prisoner") << "practitioner" << "MAYA" << true;
    QTest::newRow("teammate's case") << "otherPractitioner" << "IRINA" << true;
    QTest::newRow("another team's case") << "southPractitioner" << "IRINA" << false;
    QTest::newRow("own intake without a case") << "southPractitioner" << "NADIA" << true;
    QTest::newRow("another's intake without a case") << "practitioner" << "NADIA" << false;
    QTest::newRow("a volunteer holds nobody") << "befriender" << "IRINA" << false;
    QTest::newRow("a coordinator holds nobody") << "coordinator" << "IRINA" << false;
    QTest::newRow("a person nobody has recorded yet") << "practitioner" << "NEWID" << true;
    QTest::newRow("nobody recorded yet, a volunteer") << "befriender" << "NEWID" << false;
}

void WriteRulesTest::holdsPerson()
{
    QFETCH(QString, author);
    QFETCH(QString, person);
    QFETCH(bool, holds);
    World w;
    QCOMPARE(fieldbook::holdsPerson(*w.facts.user(userKey(w, author)), w.expand(person.toStdString()), w.facts), holds);
}

void WriteRulesTest::writableRecordTypes_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QStringList>("types");
    QTest::newRow("befriender") << "befriender" << QStringList{"session_report", "contact_sheet", "safeguarding_report"};
    QTest::newRow("play_volunteer") << "play_volunteer"
                                    << QStringList{"play_session", "safeguarding_report", "child_assessment"};
    QTest::newRow("prison_visitor") << "prison_visitor" << QStringList{"contact_sheet", "safeguarding_report"};
    QTest::newRow("mentor") << "mentor"
                            << QStringList{"session_report", "contact_sheet", "safeguarding_report", "pre_release_meeting",
                                           "gate_day"};
    QTest::newRow("coordinator") << "coordinator" << QStringList{"case", "vetting", "match", "safeguarding_report"};
    QTest::newRow("safeguarding_officer") << "safeguarding_officer" << QStringList{"safeguarding_report"};
    QTest::newRow("manager") << "manager" << QStringList{"safeguarding_report"};
    QTest::newRow("admin") << "admin" << QStringList{"safeguarding_report"};
    QTest::newRow("practitioner")
        << "practitioner"
        << QStringList{"person", "case", "relationship", "consent", "protection_check", "session_report", "contact_sheet",
                       "play_session", "safeguarding_report", "radar", "triage", "care_plan_action", "outcome_report",
                       "first_contact_report", "carer_contact_attempt", "child_assessment", "casework_checklist",
                       "feedback_survey", "welfare_grant_request", "mentoring_referral", "pre_release_meeting",
                       "gate_day", "onward_referral", "welfare_grant_decision", "welfare_grant_handover"};
}

void WriteRulesTest::writableRecordTypes()
{
    QFETCH(QString, role);
    QFETCH(QStringList, types);
    QStringList got;
    for (const auto& type : fieldbook::writableRecordTypes(RoleSet{*parseRole(role.toStdString())})) {
        got << QString::fromStdString(type);
    }
    got.sort();
    types.sort();
    QCOMPARE(got, types);
}

void WriteRulesTest::formsForCase_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("stream");
    QTest::addColumn<QStringList>("types"); // in the order offered
    const QStringList casework{"radar", "triage", "care_plan_action", "outcome_report", "casework_checklist",
                               "feedback_survey", "welfare_grant_request", "welfare_grant_decision",
                               "welfare_grant_handover"};
    const QStringList mentoring{"mentoring_referral", "pre_release_meeting", "gate_day", "onward_referral"};
    const QStringList play{"first_contact_report", "carer_contact_attempt", "child_assessment"};
    QTest::newRow("befriender on befriending")
        << "befriender" << "befriending" << QStringList{"session_report", "contact_sheet", "safeguarding_report"};
    QTest::newRow("befriender on a play case: only the concern") << "befriender" << "play" << QStringList{"safeguarding_report"};
    QTest::newRow("play volunteer on play")
        << "play_volunteer" << "play" << QStringList{"play_session", "child_assessment", "safeguarding_report"};
    QTest::newRow("play volunteer on befriending: no play session")
        << "play_volunteer" << "befriending" << QStringList{"safeguarding_report"};
    QTest::newRow("prison visitor on visitor") << "prison_visitor" << "visitor" << QStringList{"contact_sheet", "safeguarding_report"};
    QTest::newRow("mentor on mentoring")
        << "mentor" << "mentoring"
        << QStringList{"session_report", "contact_sheet", "pre_release_meeting", "gate_day", "safeguarding_report"};
    QTest::newRow("mentor on befriending: no gate day")
        << "mentor" << "befriending" << QStringList{"session_report", "contact_sheet", "safeguarding_report"};
    QTest::newRow("coordinator: a match on any case") << "coordinator" << "befriending"
                                                        << QStringList{"match", "safeguarding_report"};
    QTest::newRow("manager") << "manager" << "casework" << QStringList{"safeguarding_report"};
    QTest::newRow("practitioner on befriending")
        << "practitioner" << "befriending"
        << (QStringList{"session_report", "contact_sheet"} + casework + QStringList{"safeguarding_report"});
    QTest::newRow("practitioner on casework: no session report")
        << "practitioner" << "casework" << (QStringList{"contact_sheet"} + casework + QStringList{"safeguarding_report"});
    QTest::newRow("practitioner on visitor") << "practitioner" << "visitor"
                                             << (QStringList{"contact_sheet"} + casework + QStringList{"safeguarding_report"});
    QTest::newRow("practitioner on mentoring: the through-the-gate forms")
        << "practitioner" << "mentoring"
        << (QStringList{"session_report", "contact_sheet"} + casework + mentoring + QStringList{"safeguarding_report"});
    QTest::newRow("practitioner on play: play forms, no contact sheet")
        << "practitioner" << "play" << (QStringList{"play_session"} + casework + play + QStringList{"safeguarding_report"});
}

void WriteRulesTest::formsForCase()
{
    QFETCH(QString, role);
    QFETCH(QString, stream);
    QFETCH(QStringList, types);
    Record theCase;
    theCase.type = "case";
    theCase.id = hexId(500);
    theCase.fields = boost::json::object{{"stream", stream.toStdString()}, {"status", "open"}};
    QStringList got;
    for (const auto& type : fieldbook::formsForCase(RoleSet{*parseRole(role.toStdString())}, theCase)) {
        got << QString::fromStdString(type);
    }
    // The order among the case's own forms is the role table's; the concern is last.
    QCOMPARE(got.last(), QStringLiteral("safeguarding_report"));
    got.sort();
    types.sort();
    QCOMPARE(got, types);
}

void WriteRulesTest::heldRecordAudience()
{
    World w;
    std::vector<User> users;
    for (const std::string& id : {w.practitioner, w.officer, w.befriender, w.manager}) {
        users.push_back(*w.facts.user(id));
    }
    QCOMPARE(fieldbook::heldRecordAudience(w.befriendingCase, users, w.facts),
             (std::set<std::string>{w.practitioner, w.officer}));
    QCOMPARE(fieldbook::heldRecordAudience("", users, w.facts), (std::set<std::string>{w.officer}));
}

QTEST_APPLESS_MAIN(WriteRulesTest)
#include "writerulestest.moc"
