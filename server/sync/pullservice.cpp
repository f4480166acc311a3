#include "sync/pullservice.h"

#include "http/apierror.h"
#include "rules/access.h"
#include "rules/gates.h"
#include "sync/changecodec.h"
#include "sync/breakglass.h"
#include "sync/cursor.h"
#include "sync/derived.h"
#include "sync/limits.h"
#include "sync/readerscope.h"
#include "util/clock.h"

#include <algorithm>
#include <limits>
#include <set>

namespace fieldbook::server {

namespace {

constexpr std::size_t kScanBatch = 256;
constexpr std::size_t kEventBatch = 1000;

std::string clearanceRecordId(std::string_view matchId)
{
    return derivedId("clearance|" + std::string(matchId));
}

class PageBuilder
{
public:
    PageBuilder(Store& store, const ReaderScope& scope, std::string node, std::int64_t nowMillis)
        : m_store(store)
        , m_scope(scope)
        , m_node(std::move(node))
        , m_nowMillis(nowMillis)
    {
    }

    std::size_t size() const { return m_changes.size(); }
    std::vector<Change> take() { return std::move(m_changes); }
    boost::json::array takeAudit() { return std::move(m_audit); }
    boost::json::array takeGrantReads() { return std::move(m_grantReads); }

    // The change for a record found by the scan: its current view, a delete for a deleted record
    // the reader could see, or nothing.
    std::optional<Change> forScanned(const StoredRecord& record) const
    {
        const auto view = m_scope.view(record);
        if (!view) {
            return std::nullopt;
        }
        if (record.state == RecordState::Deleted) {
            return removal(record);
        }
        if (record.record.type == "alert") {
            return upsert(record, withQuarantined(*view));
        }
        return upsert(record, *view);
    }

    // Every record of the case and its people, as the reader may now see them.
    std::vector<Change> forAccessEvent(const AccessEvent& event)
    {
        std::vector<StoredRecord> candidates = m_store.recordsOfCase(event.caseId);
        std::set<std::string> people;
        for (const StoredRecord& record : candidates) {
            for (auto& person : peopleOf(record.record)) {
                people.insert(std::move(person));
            }
        }
        // The case's people, then, for a practitioner (whose view takes in linked people:
        // ReaderScope), whoever a relationship links to them, in any state (a removed link is how
        // the phone learns to let go): a family member's prisoner, a prisoner's family.
        std::set<std::string> visited;
        const int hops = m_scope.reader().roles.has(Role::Practitioner) ? 2 : 1;
        for (int hop = 0; hop < hops; ++hop) {
            std::set<std::string> linked;
            for (const std::string& person : people) {
                if (!visited.insert(person).second) {
                    continue;
                }
                for (StoredRecord& record : m_store.recordsReferencing(person)) {
                    // Records of other cases did not change hands with this one.
                    if (record.state == RecordState::Quarantined || !record.caseId.empty()) {
                        continue;
                    }
                    if (record.record.type == "relationship") {
                        for (auto& other : peopleOf(record.record)) {
                            linked.insert(std::move(other));
                        }
                    }
                    candidates.push_back(std::move(record));
                }
            }
            people = std::move(linked);
        }
        std::vector<Change> out;
        std::set<std::pair<std::string, std::string>> seen;
        for (const StoredRecord& record : candidates) {
            if (record.record.type == "alert" || !seen.emplace(record.record.type, record.record.id).second) {
                continue;
            }
            const auto view = m_scope.view(record);
            if (view && record.state != RecordState::Deleted) {
                out.push_back(upsert(record, *view));
            } else if (m_scope.formerView(record)) {
                out.push_back(removal(record));
            }
            if (record.record.type == "match" && record.record.text("volunteer") == m_scope.reader().id &&
                record.record.text("status") != "active") {
                out.push_back(derivedRemoval(kClearanceRecordType, clearanceRecordId(record.record.id)));
            }
        }
        return out;
    }

    // One clearance record per active match of the reader (core clearanceFor on today's date).
    std::vector<Change> clearances(Date today) const
    {
        std::vector<Change> out;
        for (const Record& match : m_scope.activeMatches()) {
            const std::string caseId = match.text("case_id");
            const std::string personId = match.text("person_id");
            const GateDecision decision = clearanceFor(caseId, personId, m_scope.reader().id, today, m_store);
            out.push_back(clearanceChange(clearanceRecordId(match.id), caseId, personId, match.id, decision));
        }
        // A coordinator's phone holds no consent and no check: the person's side of matching
        // each open referral of their team, in words naming nobody (core referralClearanceFor).
        if (m_scope.reader().roles.has(Role::Coordinator)) {
            for (const Record& theCase : m_store.recordsWhere("case", "status", "open")) {
                if (m_scope.isTeamReferralCase(theCase)) {
                    out.push_back(clearanceChange(derivedId("clearance|referral|" + theCase.id), theCase.id,
                                                  theCase.text("person_id"), {},
                                                  referralClearanceFor(theCase.id, today, m_store)));
                }
            }
        }
        return out;
    }

    // A derived clearance change; its id follows the decision, so a phone re-applies it only
    // when the answer changed.
    Change clearanceChange(const std::string& recordId, const std::string& caseId, const std::string& personId,
                           const std::string& matchId, const GateDecision& decision) const
    {
        Clearance clearance{caseId, personId, matchId, decision.cleared(), {}};
        if (!decision.cleared()) {
            clearance.reason = coreReason(decision.code());
        }
        Change change;
        change.id = derivedId("clearance-change|" + recordId + '|' + clearance.reason.wire());
        change.recordType = std::string(kClearanceRecordType);
        change.recordId = recordId;
        change.hlc = serverHlc(m_nowMillis, m_node);
        change.fields = encodeClearance(clearance);
        return change;
    }

    // False when this page already carries the record (a scan and an access event can both
    // bring it); the snapshot is the same, so the first one is already right.
    bool add(Change change)
    {
        const auto key = std::make_pair(change.recordType, change.recordId);
        if (!m_emitted.insert(key).second) {
            return false;
        }
        boost::json::array entry{change.recordType, change.recordId, change.op};
        if (change.op == "upsert" && m_scope.readUnderGrant(key.first, key.second)) {
            m_grantReads.push_back(boost::json::array{change.recordType, change.recordId});
        }
        m_audit.push_back(std::move(entry));
        m_changes.push_back(std::move(change));
        return true;
    }

private:
    // An alert carries the held-back record as far as its reader may see it (readView, as if it
    // had been applied): the case's practitioner sees it whole, a safeguarding officer sees the ids.
    boost::json::object withQuarantined(boost::json::object alert) const
    {
        const auto type = alert.if_contains("record_type");
        const auto id = alert.if_contains("record_id");
        if (type == nullptr || id == nullptr || !type->is_string() || !id->is_string()) {
            return alert;
        }
        auto held = m_store.storedRecord(type->as_string(), id->as_string());
        if (held && held->state == RecordState::Quarantined) {
            if (auto view = m_scope.view(*held)) {
                alert["record"] = std::move(*view);
            }
        }
        return alert;
    }

    Change upsert(const StoredRecord& record, boost::json::object fields) const
    {
        Change change;
        change.id = record.changeId;
        change.recordType = record.record.type;
        change.recordId = record.record.id;
        change.op = "upsert";
        change.hlc = record.record.hlc;
        change.formVersion = record.record.formVersion;
        change.fields = std::move(fields);
        change.author = record.record.author;
        return change;
    }

    Change removal(const StoredRecord& record) const
    {
        Change change;
        change.id = derivedId("removal|" + record.record.type + "|" + record.record.id + "|" + record.changeId);
        change.recordType = record.record.type;
        change.recordId = record.record.id;
        change.op = "delete";
        change.hlc = std::max(record.record.hlc, serverHlc(m_nowMillis, m_node));
        change.formVersion = record.record.formVersion;
        return change;
    }

    Change derivedRemoval(std::string_view type, const std::string& recordId) const
    {
        Change change;
        change.id = derivedId("removal|" + std::string(type) + "|" + recordId);
        change.recordType = std::string(type);
        change.recordId = recordId;
        change.op = "delete";
        change.hlc = serverHlc(m_nowMillis, m_node);
        return change;
    }

    Store& m_store;
    const ReaderScope& m_scope;
    std::string m_node;
    std::int64_t m_nowMillis;
    std::vector<Change> m_changes;
    boost::json::array m_audit;
    boost::json::array m_grantReads; // records this page carries only because of break-the-glass
    std::set<std::pair<std::string, std::string>> m_emitted;
};

} // namespace

PullPage PullService::pull(Store& store, const Caller& caller, std::string_view cursorText, std::size_t limit,
                           std::int64_t now) const
{
    const auto from = decodeCursor(cursorText);
    if (!from) {
        throw ApiException(ApiError::InvalidCursor,
                           "The cursor is not one this server issued; pull again without a cursor.");
    }
    limit = std::clamp<std::size_t>(limit, 1, limits::kMaxPullLimit);

    PullPage page;
    boost::json::array audited;
    boost::json::array grantReads;
    std::int64_t position = *from;
    std::set<std::string> granted;
    if (caller.user.roles.has(Role::SafeguardingOfficer)) {
        granted = settleBreakGlass(store, caller.user.id, now);
    }
    store.readTransaction([&] {
        const std::int64_t last = store.lastSequence();
        if (*from > last) {
            throw ApiException(ApiError::InvalidCursor,
                               "The cursor is ahead of this server's data (restored from a backup?); pull again "
                               "without a cursor.");
        }
        const Date today = dayOf(now);
        ReaderScope scope(caller.user, store, today);
        scope.grantBreakGlass(granted);
        PageBuilder builder(store, scope, m_node, now * 1000);

        ScanFilter filter;
        filter.author = caller.user.id;
        filter.audience = caller.user.id;
        if (scope.caseScoped()) {
            filter.caseIds = scope.caseIds();
            filter.people = scope.people();
        }

        const std::vector<AccessEvent> events = store.accessEventsAfter(caller.user.id, *from, kEventBatch);
        // With more events than one batch, this page may not go past the last one read.
        const std::int64_t horizon =
            events.size() < kEventBatch ? std::numeric_limits<std::int64_t>::max() : events.back().sequence;
        std::size_t nextEvent = 0;
        bool full = false;

        auto takeEvent = [&](const AccessEvent& event) {
            std::vector<Change> changes = builder.forAccessEvent(event);
            if (builder.size() > 0 && builder.size() + changes.size() > limit) {
                return false; // a case's records travel together: this one starts the next page
            }
            for (auto& change : changes) {
                builder.add(std::move(change));
            }
            position = event.sequence;
            return true;
        };

        for (;;) {
            const std::vector<StoredRecord> batch = store.recordsAfter(position, filter, kScanBatch);
            for (const StoredRecord& record : batch) {
                if (record.sequence > horizon) {
                    full = true;
                    break;
                }
                while (!full && nextEvent < events.size() && events[nextEvent].sequence < record.sequence) {
                    full = !takeEvent(events[nextEvent]);
                    nextEvent += full ? 0 : 1;
                }
                if (full) {
                    break;
                }
                if (auto change = builder.forScanned(record)) {
                    if (builder.size() >= limit) {
                        full = true;
                        break;
                    }
                    builder.add(std::move(*change));
                }
                position = record.sequence;
            }
            if (full || batch.size() < kScanBatch) {
                break;
            }
        }
        while (!full && nextEvent < events.size()) {
            full = !takeEvent(events[nextEvent]);
            nextEvent += full ? 0 : 1;
        }
        if (!full && horizon != std::numeric_limits<std::int64_t>::max()) {
            full = true; // more events wait beyond this batch
        }
        if (!full) {
            position = last; // everything in this snapshot has been considered
            auto clearances = builder.clearances(today);
            if (builder.size() > 0 && builder.size() + clearances.size() > limit) {
                full = true; // the clearances come alone on the next (last) page
            } else {
                for (auto& change : clearances) {
                    builder.add(std::move(change));
                }
            }
        }
        page.changes = builder.take();
        page.more = full;
        audited = builder.takeAudit();
        grantReads = builder.takeGrantReads();
    });
    page.cursor = encodeCursor(position);

    store.writeTransaction([&] {
        boost::json::object detail{{"from", *from}, {"to", position}, {"count", page.changes.size()},
                                   {"records", std::move(audited)}};
        store.appendAudit(AuditEntry{0, now, "pull", caller.user.id, caller.deviceId, std::move(detail)});
        if (!grantReads.empty()) {
            boost::json::array cases;
            for (const std::string& caseId : granted) {
                cases.emplace_back(caseId);
            }
            store.appendAudit(AuditEntry{0, now, "break_glass.read", caller.user.id, caller.deviceId,
                                         {{"cases", std::move(cases)}, {"records", std::move(grantReads)}}});
        }
    });
    return page;
}

} // namespace fieldbook::server
