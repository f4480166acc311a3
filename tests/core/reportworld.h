// A month of records for the monthly report, counted by hand: March 2025, with records on both
// sides of its edges (28 February 23:59:59, 1 April 00:00:00). The core suite reads it through
// MemoryFacts, the server suite through the real store; both check the same figures.
//
// The hand count (each line: the records that make the figure):
//  triages            total 5 = T1 T2 T3 T6 T7 (T4 is February's, T5 April's)
//                     accepted 3 = T1 T6 T7 · declined 1 = T2 · declined_to_sign 1 = T3
//  decline_reasons    not_interested 1, other 1 = T2 (T3 declined to sign: its reasons are not a decline's)
//  referrals_by_source prison 1 = K1 · not_recorded 1 = K3 (K2 January, K5 April)
//  open_cases_by_stream befriending 1 = K1 · casework 1 = K4 (closed in April) · play 1 = K3
//                     (K2 closed 20 March, K5 opened in April)
//  contacts           total 5: session_report 1 = S1, contact_sheet 1 = S2, play_session 3 = S3 S4 S5
//                     (S7 April; S6 and S8 held)
//  contacts_by_mode   in_person 2 = S2 S3 · phone 1 = S1 · video 1 = S4 · not_recorded 1 = S5
//  held_contacts      1 = S6 (S8 is February's)
//  safeguarding       2 = G1 and G2 (no occurred_at: counts on the day received, 20 March); G3 April
//  overdue_contacts   befriending_contact 1: M1 active on K1, last contact S1 on 10 March, due by
//                     24 March, so overdue on 31 March
//  radar              2 cases, K1 and K4 (K2's exit is February's, K3 has no start)
//                     K1 start 4 3 5 3 4 2, exit 2 3 4 1 3 2; K4 start 5 4 3 2 5 3, exit 2 2 3 2 2 1
//                     change -2.5 -1 -0.5 -1 -2 -1; start 4.5 3.5 4 2.5 4.5 2.5; exit 2 2.5 3.5 1.5 2.5 1.5
//  matches            started 2 = M1 M4 (M3 only proposed) · ended 2 = M2 M4
//  play_sessions      sessions 3, children_reached 2 (child X twice, child Y)
//  welfare_grants     requested 2 = W1 W2, amount_pence 3500 (W3 April)
//  take-up            population White British 600, Black British 250, Asian British 150 (1000)
//                     White British: triaged 2 (T1, T3 "white  british"), accepted 1: 33.33 % < 0.8 x 60 %: flagged
//                     Black British: triaged 1, accepted 0: 0 % < 20 %: flagged
//                     Asian British: triaged 1, accepted 1: 33.33 % >= 12 %: not flagged
//                     not_recorded: triaged 1, accepted 1 (T6's person has no ethnicity), no population
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace fieldbook::test {

struct WorldRecord
{
    std::string type;
    std::string id;
    std::string fieldsJson;
    bool held = false;
    std::int64_t receivedAt = 0;
};

inline std::string reportId(int n)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%032x", 0xa000 + n);
    return buffer;
}

struct ReportWorld
{
    const std::string practitioner = reportId(900);
    const std::string volunteer = reportId(901);
    std::vector<WorldRecord> records;
    std::vector<std::pair<std::string, std::int64_t>> population{
        {"White British", 600}, {"Black British", 250}, {"Asian British", 150}};

    ReportWorld()
    {
        const std::string a = reportId(1), b = reportId(2), c = reportId(3), d = reportId(4), e = reportId(5),
                          f = reportId(6), childX = reportId(7), childY = reportId(8);
        add("person", a, R"({"kind":"prisoner","given_name":"Ann","ethnicity":"White British"})");
        add("person", b, R"({"kind":"prisoner","given_name":"Bo","ethnicity":"Black British"})");
        add("person", c, R"({"kind":"prisoner","given_name":"Cy","ethnicity":"white  british"})");
        add("person", d, R"({"kind":"prisoner","given_name":"Di"})");
        add("person", e, R"({"kind":"prisoner","given_name":"Ed","ethnicity":"Asian British"})");
        add("person", f, R"({"kind":"family_member","given_name":"Flo"})");
        add("person", childX, R"({"kind":"child","given_name":"Xi"})");
        add("person", childY, R"({"kind":"child","given_name":"Yu"})");

        const std::string k1 = reportId(11), k2 = reportId(12), k3 = reportId(13), k4 = reportId(14),
                          k5 = reportId(15);
        addCase(k1, a, "befriending", "open", "2025-03-05", R"("referral_source":"prison")");
        addCase(k2, b, "casework", "closed", "2025-01-10", R"("referral_source":"self","closed_on":"2025-03-20")");
        addCase(k3, c, "play", "open", "2025-03-31", "");
        addCase(k4, d, "casework", "closed", "2025-01-01", R"("referral_source":"probation","closed_on":"2025-04-02")");
        addCase(k5, e, "mentoring", "open", "2025-04-01", R"("referral_source":"prison")");

        addTriage(21, k1, a, "2025-03-01T00:00:00Z", "accepted", "");
        addTriage(22, k2, b, "2025-03-31T23:59:59Z", "declined", R"(["not_interested","other"])");
        addTriage(23, k3, c, "2025-03-15T09:00:00Z", "declined_to_sign", R"(["not_interested"])");
        addTriage(24, k4, d, "2025-02-28T23:59:59Z", "accepted", "");
        addTriage(25, k5, e, "2025-04-01T00:00:00Z", "declined", R"(["not_eligible"])");
        addTriage(26, k4, d, "2025-03-10T12:00:00Z", "accepted", "");
        addTriage(27, k5, e, "2025-03-11T12:00:00Z", "accepted", "");

        addContact(31, "session_report", k1, f, "2025-03-10T10:00:00Z", R"("mode":"phone")");
        addContact(32, "contact_sheet", k2, b, "2025-03-31T23:00:00Z", R"("mode":"in_person")");
        addContact(33, "play_session", k3, childX, "2025-03-12T15:00:00Z", R"("mode":"in_person")");
        addContact(34, "play_session", k3, childX, "2025-03-19T15:00:00Z", R"("mode":"video")");
        addContact(35, "play_session", k3, childY, "2025-03-20T15:00:00Z", "");
        addContact(36, "session_report", k1, f, "2025-03-03T10:00:00Z", R"("mode":"phone")", true);
        addContact(37, "session_report", k1, f, "2025-04-01T00:00:00Z", R"("mode":"phone")");
        addContact(38, "contact_sheet", k2, b, "2025-02-28T23:59:59Z", R"("mode":"phone")", true);

        add("safeguarding_report", reportId(41),
            R"({"urgency":"urgent","setting":"custody","occurred_at":"2025-03-09T08:00:00Z","what_happened":"x"})");
        add("safeguarding_report", reportId(42), R"({"urgency":"non_urgent","setting":"community","what_happened":"x"})",
            false, 1742472000 /* 2025-03-20T12:00:00Z */);
        add("safeguarding_report", reportId(43),
            R"({"urgency":"urgent","setting":"custody","occurred_at":"2025-04-02T08:00:00Z","what_happened":"x"})");

        addRadar(51, k1, "start", "2025-03-06", 4, 3, 5, 3, 4, 2);
        addRadar(52, k1, "exit", "2025-03-25", 2, 3, 4, 1, 3, 2);
        addRadar(53, k4, "start", "2025-01-05", 5, 4, 3, 2, 5, 3);
        addRadar(54, k4, "exit", "2025-03-10", 2, 2, 3, 2, 2, 1);
        addRadar(55, k2, "start", "2025-01-12", 5, 5, 5, 5, 5, 5);
        addRadar(56, k2, "exit", "2025-02-15", 1, 1, 1, 1, 1, 1);
        addRadar(57, k3, "exit", "2025-03-30", 1, 1, 1, 1, 1, 1);

        addMatch(61, k1, f, "active", R"("started_at":"2025-03-03")");
        addMatch(62, k2, b, "ended", R"("started_at":"2025-01-01","ended_at":"2025-03-15")");
        addMatch(63, k1, f, "proposed", R"("started_at":"2025-03-05")");
        addMatch(64, k1, f, "ended", R"("started_at":"2025-03-01","ended_at":"2025-03-28")");

        addGrant(71, k1, a, "2025-03-04", 2500);
        addGrant(72, k4, d, "2025-03-30", 1000);
        addGrant(73, k4, d, "2025-04-01", 700);
    }

    static boost::json::object fields(const WorldRecord& record)
    {
        return boost::json::parse(record.fieldsJson).as_object();
    }

private:
    void add(const std::string& type, const std::string& id, const std::string& json, bool held = false,
             std::int64_t receivedAt = 1743465600 /* 2025-04-01 */)
    {
        records.push_back(WorldRecord{type, id, json, held, receivedAt});
    }
    void addCase(const std::string& id, const std::string& person, const std::string& stream,
                 const std::string& status, const std::string& opened, const std::string& extra)
    {
        add("case", id,
            R"({"person_id":")" + person + R"(","stream":")" + stream + R"(","practitioner_id":")" + practitioner +
                R"(","status":")" + status + R"(","opened_on":")" + opened + "\"" + (extra.empty() ? "" : "," + extra) +
                "}");
    }
    void addTriage(int n, const std::string& caseId, const std::string& person, const std::string& at,
                   const std::string& outcome, const std::string& reasons)
    {
        add("triage", reportId(n),
            R"({"case_id":")" + caseId + R"(","person_id":")" + person + R"(","triaged_at":")" + at +
                R"(","outcome":")" + outcome + "\"" + (reasons.empty() ? "" : R"(,"decline_reasons":)" + reasons) +
                "}");
    }
    void addContact(int n, const std::string& type, const std::string& caseId, const std::string& person,
                    const std::string& at, const std::string& extra, bool held = false)
    {
        add(type, reportId(n),
            R"({"case_id":")" + caseId + R"(","person_id":")" + person + R"(","occurred_at":")" + at +
                R"(","concerns":"none")" + (extra.empty() ? "" : "," + extra) + "}",
            held);
    }
    void addRadar(int n, const std::string& caseId, const std::string& stage, const std::string& on, int fr, int pc,
                  int pr, int co, int ew, int pn)
    {
        const auto s = [](int v) { return std::to_string(v); };
        add("radar", reportId(n),
            R"({"case_id":")" + caseId + R"(","stage":")" + stage + R"(","assessed_on":")" + on +
                R"(","scores":{"family_relationships":)" + s(fr) + R"(,"parenting_and_children":)" + s(pc) +
                R"(,"partner_relationship":)" + s(pr) + R"(,"communication":)" + s(co) +
                R"(,"emotional_wellbeing":)" + s(ew) + R"(,"practical_needs":)" + s(pn) + "}}");
    }
    void addMatch(int n, const std::string& caseId, const std::string& person, const std::string& status,
                  const std::string& extra)
    {
        add("match", reportId(n),
            R"({"case_id":")" + caseId + R"(","volunteer":")" + volunteer + R"(","person_id":")" + person +
                R"(","status":")" + status + "\"," + extra + "}");
    }
    void addGrant(int n, const std::string& caseId, const std::string& person, const std::string& on, int pence)
    {
        add("welfare_grant_request", reportId(n),
            R"({"case_id":")" + caseId + R"(","person_id":")" + person + R"(","requested_on":")" + on +
                R"(","purpose":"food","amount_pence":)" + std::to_string(pence) + R"(,"justification":"x"})");
    }
};

} // namespace fieldbook::test
