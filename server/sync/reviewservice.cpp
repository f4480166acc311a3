#include "sync/reviewservice.h"

#include "http/apierror.h"
#include "model/dates.h"
#include "model/ids.h"
#include "rules/review.h"
#include "sync/derived.h"

#include <boost/json/array.hpp>

#include <map>
#include <set>

namespace fieldbook::server {

namespace {

// `author_name`: the staff member or volunteer who wrote it, so that the reviewer can ask them;
// users are staff and volunteers, never the people the records are about.
boost::json::object heldJson(const HeldRecord& held, const std::string& authorName)
{
    boost::json::object out{{"change_id", held.changeId},   {"record_type", held.recordType},
                            {"record_id", held.recordId},   {"case_id", held.caseId},
                            {"reason", held.reason},        {"author", held.author},
                            {"received_at", formatInstant(held.receivedAt)}};
    if (held.reviewedAt) {
        out["reviewed_at"] = formatInstant(*held.reviewedAt);
    }
    if (!authorName.empty()) {
        out["author_name"] = authorName;
    }
    return out;
}

} // namespace

boost::json::object ReviewService::held(Store& store, const Caller& caller, std::size_t limit, std::int64_t now) const
{
    if (!mayListHeld(caller.user.roles)) {
        throw ApiException(ApiError::Forbidden, "Only safeguarding officers and practitioners review held records.");
    }
    std::vector<HeldRecord> rows;
    std::map<std::string, std::string> names;
    store.readTransaction([&] {
        std::optional<std::vector<std::string>> cases;
        if (!caller.user.roles.has(Role::SafeguardingOfficer)) {
            cases.emplace();
            for (const Record& theCase : store.recordsWhere("case", "practitioner_id", caller.user.id)) {
                cases->push_back(theCase.id);
            }
        }
        rows = store.heldRecords(cases, limit + 1);
        for (const HeldRecord& row : rows) {
            if (!names.count(row.author)) {
                const auto author = store.user(row.author);
                names[row.author] = author ? author->name : std::string();
            }
        }
    });
    const bool more = rows.size() > limit;
    if (more) {
        rows.resize(limit);
    }
    boost::json::array items;
    boost::json::array audited;
    for (const HeldRecord& row : rows) {
        items.push_back(heldJson(row, names[row.author]));
        audited.push_back(boost::json::array{row.recordType, row.recordId});
    }
    store.writeTransaction([&] {
        store.appendAudit(AuditEntry{0, now, "review.list", caller.user.id, caller.deviceId,
                                     {{"count", rows.size()}, {"records", std::move(audited)}}});
    });
    return boost::json::object{{"held", std::move(items)}, {"more", more}};
}

ReviewOutcome ReviewService::decide(Store& store, const Caller& caller, const ReviewRequest& request,
                                    std::int64_t now) const
{
    if (!mayDecideHeld(caller.user.roles)) {
        throw ApiException(ApiError::Forbidden, "Only a safeguarding officer decides on a held record.");
    }
    if (!isId(request.changeId)) {
        throw ApiException(ApiError::BadRequest, "change_id must be an id: 32 lowercase hex characters.");
    }
    if (request.decision != "release" && request.decision != "keep_held") {
        throw ApiException(ApiError::BadRequest, "decision must be release or keep_held.");
    }
    if (const std::string problem = reviewTextProblem(request.note, "note"); !problem.empty()) {
        throw ApiException(ApiError::BadRequest, problem);
    }
    ReviewOutcome outcome;
    store.writeTransaction([&] {
        if (!store.changeOutcome(request.changeId)) {
            throw ApiException(ApiError::NotFound, "No change with this id has reached the server.");
        }
        const auto held = store.heldRecord(request.changeId);
        if (!held) {
            throw ApiException(ApiError::NotFound, "This change holds no record for review (released already?).");
        }
        auto stored = store.storedRecord(held->recordType, held->recordId);
        if (!stored || stored->state != RecordState::Quarantined) {
            throw ApiException(ApiError::NotFound, "This change holds no record for review.");
        }

        ReviewDecision decision;
        decision.id = newId();
        decision.changeId = request.changeId;
        decision.recordType = held->recordType;
        decision.recordId = held->recordId;
        decision.officer = caller.user.id;
        decision.decision = request.decision;
        decision.note = request.note;
        decision.decidedAt = now;
        store.addReviewDecision(decision);

        const bool release = request.decision == "release";
        if (release) {
            // Same change id, new sequence: readers past the quarantine pull it now, and the
            // author's phone matches it to the change it holds as held.
            stored->state = RecordState::Applied;
            stored->updatedAt = now;
            store.putRecord(*stored);
            store.setChangeOutcome(request.changeId, ChangeOutcome{std::string(pushStatusName(PushStatus::Applied)), "", {}});

            std::set<std::string> recipients;
            if (!stored->caseId.empty()) {
                if (const auto theCase = store.record("case", stored->caseId)) {
                    recipients.insert(theCase->text("practitioner_id"));
                }
            }
            recipients.insert(stored->record.author);
            recipients.erase("");
            const std::string hlc = serverHlc(now * 1000, m_node);
            for (const std::string& recipient : recipients) {
                StoredRecord alert = makeAlertOf("released", recipient, stored->caseId,
                                                 {{"person_id", stored->record.text("person_id")},
                                                  {"record_type", stored->record.type},
                                                  {"record_id", stored->record.id},
                                                  {"change_id", request.changeId},
                                                  {"author", stored->record.author},
                                                  {"reason", held->reason},
                                                  {"decision_id", decision.id}},
                                                 hlc, now);
                store.putRecord(alert);
            }
        }
        outcome = ReviewOutcome{request.changeId, release ? PushStatus::Applied : PushStatus::Quarantined, decision.id};
        store.appendAudit(AuditEntry{0, now, "review", caller.user.id, caller.deviceId,
                                     {{"change_id", request.changeId},
                                      {"record_type", held->recordType},
                                      {"record_id", held->recordId},
                                      {"case_id", held->caseId},
                                      {"reason", held->reason},
                                      {"decision", request.decision},
                                      {"decision_id", decision.id},
                                      {"state", pushStatusName(outcome.state)}}});
    });
    return outcome;
}

} // namespace fieldbook::server
