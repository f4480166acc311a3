// The benchmark's world, generated from a seed so that both servers (fieldbook-server and the
// pouchdb-server peer) receive the same records, byte for byte in their fields:
//   10 practitioners with 500 befriending cases each (5,000 cases); per case a prisoner, a family
//   member, their relationship, the prisoner's consent to contact, both protection checks, the case
//   and 3 past session reports: 50,000 records;
//   20 befrienders, each vetted and matched to 5 cases of practitioners 1..9; on the fifth case the
//   consent is withdrawn after the match started, so that every 20th of their session reports (5%)
//   fails the consent gate (fieldbook quarantines it; the peer's validate_doc_update refuses it);
//   practitioner 0 ("P") is the one whose caseload is pulled.
// Every change carries a real hybrid-clock stamp of the device that writes it.
// Not thread-safe; the benchmark drives it from its main thread.
#pragma once

#include "sync/change.h"
#include "sync/hlc.h"

#include <array>
#include <boost/json/object.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace fieldbook::bench {

struct BenchCase
{
    std::string id;
    std::string prisoner;
    std::string person;
    std::string relationship;
    std::string consent;
    std::string checkPrisoner;
    std::string checkPerson;
    std::array<std::string, 3> reports;
    int practitioner = 0;
};

// Where one record belongs, for the peer, which has no other way to tell a record's case.
struct Placed
{
    Change change;
    std::string caseId;
};

class BenchData
{
public:
    static constexpr int kPractitioners = 10;
    static constexpr int kCasesPerPractitioner = 500;
    static constexpr int kCases = kPractitioners * kCasesPerPractitioner;
    static constexpr int kRecordsPerCase = 10;
    static constexpr int kBefrienders = 20;
    static constexpr int kMatchesPerBefriender = 5;
    static constexpr int kReportsPerDevice = 500;
    static constexpr int kPushBatch = 100;
    static constexpr int kSeedBatch = 500;
    static constexpr int kFailEvery = 20; // every 20th report goes to the case whose consent was withdrawn
    static constexpr int kNewOwnReports = 150;       // incremental: new reports on P's cases
    static constexpr int kNewOwnCaseUpdates = 50;    // incremental: updates of P's case records
    static constexpr int kNewBefrienderReports = 35; // incremental: per befriender, elsewhere
    static constexpr int kNewPersonUpdates = 100;    // incremental: practitioner 2's people, elsewhere

    explicit BenchData(std::uint64_t seed);

    // User ids as the server issued them (or made up, for a peer-only run).
    void setUsers(std::vector<std::string> practitioners, std::string coordinator,
                  std::vector<std::string> befrienders);
    const std::vector<std::string>& practitioners() const { return m_practitioners; }
    const std::string& coordinator() const { return m_coordinator; }
    const std::vector<std::string>& befrienders() const { return m_befrienders; }

    const BenchCase& caseAt(int index) const { return m_cases.at(static_cast<std::size_t>(index)); }
    // Index of the j-th case (0..4) matched to befriender b; the last one has its consent withdrawn.
    static int matchedCase(int befriender, int j);
    // The cases of practitioner p (indexes).
    static int firstCaseOf(int practitioner) { return practitioner * kCasesPerPractitioner; }

    // Practitioner p's intake and history of their 500 cases, in an order the gates accept.
    std::vector<Placed> seedChanges(int practitioner, HybridClock& clock);
    // The coordinator's vetting of every befriender and their 100 active matches.
    std::vector<Placed> matchChanges(HybridClock& clock);
    // Practitioner p's withdrawals of consent on the fifth matched case of befrienders (if theirs).
    std::vector<Placed> withdrawalChanges(int practitioner, HybridClock& clock);
    // Befriender b's 500 session reports for the push benchmark.
    std::vector<Placed> pushChanges(int befriender, HybridClock& clock);
    // The 1,000 changes after P's first sync: 200 in P's caseload, 800 elsewhere.
    std::vector<Placed> incrementalOwn(HybridClock& clock); // P: 150 reports, 50 case updates
    std::vector<Placed> incrementalBefriender(int befriender, HybridClock& clock); // 35 reports each
    std::vector<Placed> incrementalPersons(HybridClock& clock); // practitioner 2: 100 phone numbers

    // How many records each phase stores (updates of existing records add none).
    static constexpr int kSeedRecords = kCases * kRecordsPerCase;
    static constexpr int kMatchRecords = kBefrienders + kBefrienders * kMatchesPerBefriender;
    static constexpr int kPushChanges = kBefrienders * kReportsPerDevice;
    static constexpr int kPushFailing = kPushChanges / kFailEvery;
    static constexpr int kIncrementalChanges =
        kNewOwnReports + kNewOwnCaseUpdates + kBefrienders * kNewBefrienderReports + kNewPersonUpdates;
    static constexpr int kIncrementalInCaseload = kNewOwnReports + kNewOwnCaseUpdates;
    static constexpr int kIncrementalNewRecords = kNewOwnReports + kBefrienders * kNewBefrienderReports;

    // The bytes a server seals per session report (its narrative and special-category fields).
    static std::string sealedPart(const Change& change);

private:
    // Restarts the generator for one phase, so that both servers get the same records.
    void phase(std::uint64_t tag);
    std::string id();
    int pick(int bound);
    std::string notes();
    std::string instantDaysAgo(int days, int minuteOfDay) const;
    std::string dateDaysFrom(int days) const;
    Change make(HybridClock& clock, std::string type, std::string recordId, boost::json::object fields,
                int formVersion = 1);
    Placed report(HybridClock& clock, const BenchCase& theCase, int daysAgo);

    std::uint64_t m_seed;
    std::mt19937_64 m_random;
    std::int64_t m_today = 0;        // days since the epoch, UTC
    std::int64_t m_startSeconds = 0; // when the run started, seconds since the epoch
    std::vector<BenchCase> m_cases;
    std::vector<std::string> m_practitioners;
    std::string m_coordinator;
    std::vector<std::string> m_befrienders;
};

} // namespace fieldbook::bench
