// Break-the-glass (docs/sync-contract.md 1.2): a safeguarding officer's time-limited access to one case, for a
// reason, stored as a grant in the database (never only in memory, so that every worker and a
// restarted server agree). A grant lasts kBreakGlassSeconds from the injected clock. Until then
// the officer's pulls carry the case's records as its practitioner sees them (ReaderContext
// breakGlass, set by ReaderScope from the active grants), each read under a grant is audited;
// on expiry the officer's next pull removes them from the phone. Both edges are access events
// (Store::addAccessEvent): the grant makes the officer's next pull carry the case's existing
// records, the officer's first pull after expiry closes the grant with another event, and that
// pull sends the removals.
#pragma once

#include "auth/authservice.h"
#include "store/store.h"

#include <cstdint>
#include <set>
#include <string>

namespace fieldbook::server {

struct BreakGlassOutcome
{
    std::string caseId;
    std::string grantId;
    std::int64_t expiresAt = 0;
};

class BreakGlassService
{
public:
    explicit BreakGlassService(std::string node) : m_node(std::move(node)) {}

    // Throws ApiException forbidden for anyone but a safeguarding officer, bad_request for a
    // missing or malformed case_id or a reason under ten characters, not_found for a case the
    // server does not hold. Raises a `break_glass` alert to the case's practitioner and audits
    // the grant, in one transaction.
    BreakGlassOutcome grant(Store& store, const Caller& caller, const std::string& caseId, const std::string& reason,
                            std::int64_t now) const;

private:
    std::string m_node;
};

// For a pull by `officer` at `now`: closes the grants that have expired (one access event each,
// in its own write transaction) and answers the cases still granted. Cheap when the officer has
// no grant: one indexed read.
std::set<std::string> settleBreakGlass(Store& store, const std::string& officer, std::int64_t now);

} // namespace fieldbook::server
