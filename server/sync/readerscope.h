// How one reader stands towards the records of a pull: which cases they are the practitioner
// of, which they hold an active match on, and the people of those cases. The server computes
// this; the core's readView() decides what the reader sees. Computed once per pull page, inside
// the page's read transaction, so every record of the page is judged against the same state.
#pragma once

#include "rules/access.h"
#include "rules/facts.h"
#include "rules/roles.h"
#include "store/store.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fieldbook::server {

class ReaderScope
{
public:
    ReaderScope(const User& reader, const FactSource& facts, Date today);

    // The context readView() needs for this record.
    ReaderContext contextFor(const StoredRecord& record) const;

    // The context the reader would have had while the case was theirs (practitioner and match
    // both set): what they may hold on the phone and so may need to be told to remove.
    ReaderContext formerContextFor(const StoredRecord& record) const;

    // The fields the reader sees, or nullopt. Alerts are addressed: only their audience sees them.
    std::optional<boost::json::object> view(const StoredRecord& record) const;
    std::optional<boost::json::object> formerView(const StoredRecord& record) const;

    // Whether every record this reader may see belongs to caseIds(), belongs to no case, was
    // written by them or is addressed to them, so that a pull may narrow its scan to those.
    // True for volunteers and practitioners; coordinators, safeguarding officers and managers
    // read across cases and are scanned in full.
    bool caseScoped() const;
    std::vector<std::string> caseIds() const;
    // The people of the reader's cases (as practitioner or on an active match): the only people
    // whose records of no case contextFor() can open to this reader.
    std::vector<std::string> people() const;

    // A safeguarding officer's active break-the-glass grants: the records of these cases, and of
    // no case about their people, are read as the case's practitioner reads them.
    void grantBreakGlass(const std::set<std::string>& caseIds);
    const std::set<std::string>& breakGlassCases() const { return m_breakGlassCases; }
    // Whether view() opened this record to the reader only because of a grant (to be audited).
    bool readUnderGrant(const std::string& type, const std::string& id) const;

    // (coordinators) A case of a volunteer stream run by a practitioner of the reader's team, or
    // the person of one (its own person, or the child of one of its matches).
    bool isTeamReferralCase(const Record& theCase) const;

    // The reader's active matches (volunteer = reader, status = active).
    const std::vector<Record>& activeMatches() const { return m_activeMatches; }
    const User& reader() const { return m_reader; }

private:
    const std::optional<User>& userOf(const std::string& userId) const;
    std::string teamOf(const std::string& userId) const;
    bool isTeamReferral(const Record& record) const;

    User m_reader;
    const FactSource& m_facts;
    Date m_today;
    std::set<std::string> m_practitionerCases;
    std::set<std::string> m_matchedCases;   // active matches
    std::set<std::string> m_anyMatchCases;  // matches in any status
    std::set<std::string> m_practitionerPeople;
    std::set<std::string> m_matchedPeople;
    std::vector<Record> m_activeMatches;
    mutable std::map<std::string, std::optional<User>> m_users; // cached for the page
    std::set<std::string> m_breakGlassCases;
    std::set<std::string> m_breakGlassPeople;
    mutable std::set<std::pair<std::string, std::string>> m_grantReads; // (type, id) opened by a grant
};

} // namespace fieldbook::server
