#include "sync/breakglass.h"

#include "http/apierror.h"
#include "model/dates.h"
#include "model/ids.h"
#include "rules/review.h"
#include "sync/derived.h"

namespace fieldbook::server {

BreakGlassOutcome BreakGlassService::grant(Store& store, const Caller& caller, const std::string& caseId,
                                           const std::string& reason, std::int64_t now) const
{
    if (!mayBreakGlass(caller.user.roles)) {
        throw ApiException(ApiError::Forbidden, "Only a safeguarding officer may break the glass on a case.");
    }
    if (!isId(caseId)) {
        throw ApiException(ApiError::BadRequest, "case_id must be an id: 32 lowercase hex characters.");
    }
    if (const std::string problem = reviewTextProblem(reason, "reason"); !problem.empty()) {
        throw ApiException(ApiError::BadRequest, problem);
    }
    BreakGlassOutcome outcome;
    store.writeTransaction([&] {
        const auto theCase = store.record("case", caseId);
        if (!theCase) {
            throw ApiException(ApiError::NotFound, "There is no case with this id.");
        }
        BreakGlassGrant grant;
        grant.id = newId();
        grant.officer = caller.user.id;
        grant.caseId = caseId;
        grant.reason = reason;
        grant.grantedAt = now;
        grant.expiresAt = now + kBreakGlassSeconds;
        store.addBreakGlassGrant(grant);
        // The case's existing records come with the officer's next pull, as for a new match.
        store.addAccessEvent(caller.user.id, caseId);

        const std::string practitioner = theCase->text("practitioner_id");
        if (!practitioner.empty() && practitioner != caller.user.id) {
            StoredRecord alert = makeAlertOf("break_glass", practitioner, caseId,
                                             {{"person_id", theCase->text("person_id")},
                                              {"record_type", "case"},
                                              {"record_id", caseId},
                                              {"reason", "break_glass"},
                                              {"officer", caller.user.id},
                                              {"grant_id", grant.id},
                                              {"expires_at", formatInstant(grant.expiresAt)}},
                                             serverHlc(now * 1000, m_node), now);
            store.putRecord(alert);
        }
        store.appendAudit(AuditEntry{0, now, "break_glass", caller.user.id, caller.deviceId,
                                     {{"case_id", caseId},
                                      {"grant_id", grant.id},
                                      {"expires_at", formatInstant(grant.expiresAt)}}});
        outcome = BreakGlassOutcome{caseId, grant.id, grant.expiresAt};
    });
    return outcome;
}

std::set<std::string> settleBreakGlass(Store& store, const std::string& officer, std::int64_t now)
{
    std::set<std::string> granted;
    bool expired = false;
    for (const BreakGlassGrant& grant : store.openBreakGlassGrants(officer)) {
        if (grant.expiresAt > now) {
            granted.insert(grant.caseId);
        } else {
            expired = true;
        }
    }
    if (!expired) {
        return granted;
    }
    store.writeTransaction([&] {
        granted.clear();
        for (const BreakGlassGrant& grant : store.openBreakGlassGrants(officer)) {
            if (grant.expiresAt > now) {
                granted.insert(grant.caseId);
                continue;
            }
            store.closeBreakGlassGrant(grant.id, now);
            store.addAccessEvent(officer, grant.caseId);
            store.appendAudit(AuditEntry{0, now, "break_glass.expired", officer, "",
                                         {{"case_id", grant.caseId}, {"grant_id", grant.id}}});
        }
    });
    return granted;
}

} // namespace fieldbook::server
