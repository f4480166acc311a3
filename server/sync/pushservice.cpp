#include "sync/pushservice.h"

#include "http/apierror.h"
#include "model/ids.h"
#include "rules/access.h"
#include "rules/gates.h"
#include "rules/writerules.h"
#include "sync/cachedfacts.h"
#include "sync/changecodec.h"
#include "sync/derived.h"
#include "sync/limits.h"
#include "sync/merge.h"
#include "util/clock.h"

#include <algorithm>
#include <array>
#include <set>

namespace fieldbook::server {

namespace {

// The deletion mark of a mutable record lives beside its field clocks under a key that no field
// can have (field names are lowercase letters, digits and _).
constexpr std::string_view kDeletedKey = "$deleted";

PushResult rejected(const std::string& id, std::string_view reason, std::string message)
{
    return PushResult{id, PushStatus::Rejected, coreReason(reason), std::move(message), {}};
}

MergeState mergeStateOf(const StoredRecord& stored)
{
    MergeState state;
    state.fields = stored.record.fields;
    state.fieldClocks = stored.fieldClocks;
    if (const auto* deleted = state.fieldClocks.if_contains(kDeletedKey); deleted && deleted->is_string()) {
        state.deletedAt = std::string(deleted->get_string());
    }
    state.fieldClocks.erase(kDeletedKey);
    return state;
}

boost::json::object clocksOf(const MergeState& state)
{
    boost::json::object clocks = state.fieldClocks;
    if (!state.deletedAt.empty()) {
        clocks[kDeletedKey] = state.deletedAt;
    }
    return clocks;
}

class BatchJudge
{
public:
    BatchJudge(Store& store, const Caller& caller, const FormRegistry& forms, std::int64_t now)
        : m_store(store)
        , m_facts(store)
        , m_caller(caller)
        , m_forms(forms)
        , m_now(now)
    {
    }

    PushResult judge(Change change)
    {
        change.author = m_caller.user.id; // never trusted from the body
        if (isDerivedRecordType(change.recordType)) {
            return PushResult{change.id, PushStatus::Rejected, Reason{ReasonCode::Forbidden, {}},
                              change.recordType + " records are made by the server, not pushed", {}};
        }
        const auto seen = m_store.changeOutcome(change.id);
        IdHistory ids;
        if (seen) {
            ids.changeAuthor = seen->author;
        }
        ids.recordTypes = m_store.recordTypesOf(change.recordId);
        const bool known = std::find(ids.recordTypes.begin(), ids.recordTypes.end(), change.recordType) !=
                           ids.recordTypes.end();
        const auto existing = known ? m_store.storedRecord(change.recordType, change.recordId) : std::nullopt;
        ids.heldRecord = existing && existing->state == RecordState::Quarantined;

        const bool isMutable = isMutableRecordType(change.recordType);
        MergeState state = existing && isMutable ? mergeStateOf(*existing) : MergeState{};
        mergeChange(state, change);

        ProposedChange proposed;
        proposed.changeId = change.id;
        proposed.op = change.op;
        proposed.hlc = change.hlc;
        proposed.fields = change.fields;
        proposed.after.type = change.recordType;
        proposed.after.id = change.recordId;
        proposed.after.author = m_caller.user.id;
        proposed.after.hlc = existing ? std::max(existing->record.hlc, change.hlc) : change.hlc;
        proposed.after.formVersion = change.formVersion;
        proposed.after.fields = state.fields;
        proposed.deletes = isMutable && isDeleted(state);
        proposed.before = existing && existing->state != RecordState::Quarantined ? &existing->record : nullptr;
        proposed.form = m_forms.find(change.recordType, change.formVersion);

        const WriteVerdict verdict = judgeChange(m_caller.user, proposed, ids, m_facts, m_now * 1000);
        if (verdict.status == WriteStatus::Duplicate) {
            // The reason travels with `was` so that a device whose first answer was lost still
            // learns why its record is held.
            return PushResult{change.id, PushStatus::Duplicate, coreReason(seen->reason), {},
                              parsePushStatus(seen->status)};
        }
        if (verdict.status == WriteStatus::Rejected) {
            return rejected(change.id, verdict.reason, verdict.message);
        }

        const bool held = verdict.status == WriteStatus::Quarantined;
        StoredRecord stored;
        stored.record = std::move(proposed.after);
        stored.fieldClocks = clocksOf(state);
        stored.state = held ? RecordState::Quarantined : (proposed.deletes ? RecordState::Deleted : RecordState::Applied);
        stored.caseId = caseOf(stored.record, m_facts);
        stored.changeId = change.id;
        stored.updatedAt = m_now;
        const std::int64_t sequence = m_store.putRecord(stored);
        m_facts.noteWritten(stored.record.type);

        m_store.logChange(ChangeLogEntry{change.id, m_caller.deviceId, m_caller.user.id, change.recordType,
                                         change.recordId, std::string(pushStatusName(verdict.status)),
                                         verdict.reason, sequence, m_now});
        if (!held) {
            noteAccessChanges(stored.record, existing ? &existing->record : nullptr, stored.caseId);
            return PushResult{change.id, PushStatus::Applied, {}, {}, {}};
        }
        raiseAlerts(stored, verdict.reason);
        return PushResult{change.id, PushStatus::Quarantined, coreReason(verdict.reason), verdict.message, {}};
    }

private:
    // Whose view of a case this change alters: the volunteers of a match whose status or
    // volunteer changed, the practitioners of a case that changed hands or was opened on
    // someone else's intake.
    void noteAccessChanges(const Record& after, const Record* before, const std::string& caseId)
    {
        if (after.type == "match") {
            const bool changed = before == nullptr || before->text("status") != after.text("status") ||
                                 before->text("volunteer") != after.text("volunteer") ||
                                 before->text("case_id") != after.text("case_id");
            if (!changed) {
                return;
            }
            m_store.addAccessEvent(after.text("volunteer"), caseId);
            if (before != nullptr && before->text("volunteer") != after.text("volunteer")) {
                m_store.addAccessEvent(before->text("volunteer"), before->text("case_id"));
            }
            if (before != nullptr && before->text("case_id") != after.text("case_id")) {
                m_store.addAccessEvent(after.text("volunteer"), before->text("case_id"));
            }
        } else if (after.type == "case" && before != nullptr &&
                   before->text("practitioner_id") != after.text("practitioner_id")) {
            m_store.addAccessEvent(before->text("practitioner_id"), caseId);
            m_store.addAccessEvent(after.text("practitioner_id"), caseId);
        } else if (after.type == "case" && before == nullptr) {
            // A case opened on a colleague's intake: the person (and their consents and checks)
            // were written before this practitioner could see them, so their pull would skip them.
            const std::string creator = m_facts.creatorOf("person", after.text("person_id"));
            if (!creator.empty() && creator != after.text("practitioner_id")) {
                m_store.addAccessEvent(after.text("practitioner_id"), caseId);
            }
            // A referral for volunteers: the team's coordinators now see its person, written
            // before the case made them a referral (ReaderScope::isTeamReferral).
            noteReferralForCoordinators(after, caseId);
        } else if (after.type == "relationship") {
            // A link made, moved or removed changes whose records the practitioners of the cases
            // on either side see: the prisoner's checks reach the family member's practitioner.
            std::set<std::string> people{after.text("prisoner_id"), after.text("person_id")};
            if (before != nullptr) {
                people.insert(before->text("prisoner_id"));
                people.insert(before->text("person_id"));
            }
            for (const std::string& person : people) {
                for (const Record& theCase : m_facts.recordsWhere("case", "person_id", person)) {
                    m_store.addAccessEvent(theCase.text("practitioner_id"), theCase.id);
                }
            }
        }
    }

    const std::vector<User>& users()
    {
        if (!m_usersLoaded) {
            m_users = m_store.users();
            m_usersLoaded = true;
        }
        return m_users;
    }

    void noteReferralForCoordinators(const Record& theCase, const std::string& caseId)
    {
        const std::string stream = theCase.text("stream");
        if (stream.empty() || stream == "casework") {
            return;
        }
        const auto practitioner = m_facts.user(theCase.text("practitioner_id"));
        if (!practitioner || practitioner->team.empty()) {
            return;
        }
        for (const User& user : users()) {
            if (user.roles.has(Role::Coordinator) && user.team == practitioner->team) {
                m_store.addAccessEvent(user.id, caseId);
            }
        }
    }

    void raiseAlerts(const StoredRecord& quarantined, const std::string& reason)
    {
        users();
        for (const std::string& recipient : heldRecordAudience(quarantined.caseId, m_users, m_facts)) {
            StoredRecord alert = makeAlert(quarantined, reason, recipient, m_now);
            m_store.putRecord(alert);
        }
    }

    Store& m_store;
    CachedFacts m_facts; // what the rules ask, answered from the store once per batch
    const Caller& m_caller;
    const FormRegistry& m_forms;
    std::int64_t m_now;
    bool m_usersLoaded = false;
    std::vector<User> m_users;
};

} // namespace

std::vector<PushResult> PushService::push(Store& store, const Caller& caller, const boost::json::value& body,
                                          std::int64_t now) const
{
    auto decoded = decodePush(body);
    if (auto* error = std::get_if<DecodeError>(&decoded)) {
        throw ApiException(error->tooLarge ? ApiError::TooLarge : ApiError::BadRequest, error->message);
    }
    const PushRequest& request = std::get<PushRequest>(decoded);

    std::vector<PushResult> results;
    store.writeTransaction([&] {
        results.clear();
        BatchJudge judge(store, caller, m_forms, now);
        boost::json::array written;
        std::array<std::size_t, kPushStatusCount> counts{};
        for (std::size_t i = 0; i < request.changes.size(); ++i) {
            const auto& item = request.changes[i];
            PushResult result;
            if (const auto* error = std::get_if<DecodeError>(&item)) {
                result = rejected(request.ids[i], error->reason(), error->message);
            } else {
                result = judge.judge(std::get<Change>(item));
            }
            ++counts[static_cast<std::size_t>(result.status)];
            if (result.status == PushStatus::Applied || result.status == PushStatus::Quarantined) {
                const Change& change = std::get<Change>(item);
                written.push_back(
                    boost::json::array{change.recordType, change.recordId, pushStatusName(result.status)});
            }
            results.push_back(std::move(result));
        }
        boost::json::object detail{{"changes", request.changes.size()}};
        for (std::size_t status = 0; status < kPushStatusCount; ++status) {
            detail[pushStatusName(static_cast<PushStatus>(status))] = counts[status];
        }
        detail["records"] = std::move(written);
        store.appendAudit(AuditEntry{0, now, "push", caller.user.id, caller.deviceId, std::move(detail)});
    });
    return results;
}

} // namespace fieldbook::server
