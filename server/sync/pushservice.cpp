#include "sync/pushservice.h"

#include "http/apierror.h"
#include "model/formvalidator.h"
#include "model/ids.h"
#include "rules/access.h"
#include "rules/gates.h"
#include "sync/cachedfacts.h"
#include "sync/changecodec.h"
#include "sync/derived.h"
#include "sync/limits.h"
#include "sync/merge.h"
#include "util/clock.h"

#include <algorithm>
#include <set>

namespace fieldbook::server {

namespace {

// The deletion mark of a mutable record lives beside its field clocks under a key that no field
// can have (field names are lowercase letters, digits and _).
constexpr std::string_view kDeletedKey = "$deleted";

PushResult rejected(const std::string& id, std::string reason, std::string message)
{
    return PushResult{id, "rejected", std::move(reason), std::move(message), {}};
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
        if (const auto seen = m_store.changeOutcome(change.id)) {
            // The reason travels with `was` so that a device whose first answer was lost still
            // learns why its record is held.
            return PushResult{change.id, "duplicate", seen->reason, {}, seen->status};
        }
        if (isDerivedRecordType(change.recordType)) {
            return rejected(change.id, "forbidden", change.recordType + " records are made by the server, not pushed");
        }
        if (!isKnownRecordType(change.recordType)) {
            return rejected(change.id, "unknown_record_type", change.recordType + " is not a record type");
        }
        const bool isMutable = isMutableRecordType(change.recordType);
        if (change.op == "delete" && !isMutable) {
            return rejected(change.id, "invalid:op", "A " + change.recordType + " is never deleted: form records are append-only");
        }
        const FormDefinition* form = m_forms.find(change.recordType, change.formVersion);
        if (form == nullptr) {
            return rejected(change.id, "invalid:form_version",
                            "There is no version " + std::to_string(change.formVersion) + " of the " +
                                change.recordType + " form");
        }

        const auto existing = m_store.storedRecord(change.recordType, change.recordId);
        if (existing && (!isMutable || existing->state == RecordState::Quarantined)) {
            return rejected(change.id, "invalid:record_id",
                            "This record exists already and cannot be changed: write a new record instead");
        }

        MergeState state = existing ? mergeStateOf(*existing) : MergeState{};
        mergeChange(state, change);
        const bool deleted = isMutable && isDeleted(state);

        Record candidate;
        candidate.type = change.recordType;
        candidate.id = change.recordId;
        candidate.author = m_caller.user.id;
        candidate.hlc = existing ? std::max(existing->record.hlc, change.hlc) : change.hlc;
        candidate.formVersion = change.formVersion;
        candidate.fields = state.fields;

        if (!deleted) {
            const auto errors = validate(*form, candidate.fields);
            if (!errors.empty()) {
                return rejected(change.id, errors.front().reason(), errors.front().message);
            }
        }

        // The author must be allowed to write the record as it stands and as it will stand.
        if (existing) {
            const GateDecision before = mayWrite(m_caller.user, existing->record, m_facts);
            if (!before.cleared()) {
                return rejected(change.id, before.code(), before.sentence);
            }
        }
        const GateDecision allowed = mayWrite(m_caller.user, candidate, m_facts);
        if (!allowed.cleared()) {
            return rejected(change.id, allowed.code(), allowed.sentence);
        }

        GateOutcome outcome;
        if (!deleted) {
            outcome = checkGates(candidate, existing ? &existing->record : nullptr);
        }
        const GateDecision& gate = outcome.decision;
        if (!gate.cleared() && !outcome.mayQuarantine) {
            return rejected(change.id, gate.code(), gate.sentence);
        }

        StoredRecord stored;
        stored.record = std::move(candidate);
        stored.fieldClocks = clocksOf(state);
        stored.state = !gate.cleared() ? RecordState::Quarantined
                                       : (deleted ? RecordState::Deleted : RecordState::Applied);
        stored.caseId = caseOf(stored.record, m_facts);
        stored.changeId = change.id;
        stored.updatedAt = m_now;
        const std::int64_t sequence = m_store.putRecord(stored);
        m_facts.noteWritten(stored.record.type);

        const std::string status = gate.cleared() ? "applied" : "quarantined";
        m_store.logChange(ChangeLogEntry{change.id, m_caller.deviceId, m_caller.user.id, change.recordType,
                                         change.recordId, status, gate.code(), sequence, m_now});
        if (gate.cleared()) {
            noteAccessChanges(stored.record, existing ? &existing->record : nullptr, stored.caseId);
            return PushResult{change.id, "applied", {}, {}, {}};
        }
        raiseAlerts(stored, gate);
        return PushResult{change.id, "quarantined", gate.code(), gate.sentence, {}};
    }

private:
    struct GateOutcome
    {
        GateDecision decision;
        bool mayQuarantine = false; // field records are kept and flagged; state changes are refused
    };

    GateOutcome checkGates(const Record& candidate, const Record* before)
    {
        if (isContactRecordType(candidate.type)) {
            GateDecision decision = checkContact(candidate, m_caller.user, m_facts);
            const bool keep = decision.quarantines();
            return {std::move(decision), keep};
        }
        if (candidate.type == "match" && candidate.text("status") == "active" &&
            (before == nullptr || before->text("status") != "active")) {
            return {checkMatchActivation(candidate, m_facts, dayOf(m_now)), false};
        }
        if (candidate.type == "welfare_grant_request") {
            GateDecision decision = checkWelfareGrant(candidate, m_facts, dayOf(m_now));
            const bool keep = decision.quarantines();
            return {std::move(decision), keep};
        }
        return {};
    }

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
            const auto person = m_facts.record("person", after.text("person_id"));
            if (person && person->author != after.text("practitioner_id")) {
                m_store.addAccessEvent(after.text("practitioner_id"), caseId);
            }
        }
    }

    void raiseAlerts(const StoredRecord& quarantined, const GateDecision& gate)
    {
        std::set<std::string> recipients;
        if (!quarantined.caseId.empty()) {
            if (const auto theCase = m_facts.record("case", quarantined.caseId)) {
                if (auto practitioner = theCase->text("practitioner_id"); !practitioner.empty()) {
                    recipients.insert(practitioner);
                }
            }
        }
        if (!m_officersLoaded) {
            for (const User& user : m_store.users()) {
                if (user.roles.has(Role::SafeguardingOfficer)) {
                    m_officers.push_back(user.id);
                }
            }
            m_officersLoaded = true;
        }
        recipients.insert(m_officers.begin(), m_officers.end());
        for (const std::string& recipient : recipients) {
            StoredRecord alert = makeAlert(quarantined, gate.code(), recipient, m_now);
            m_store.putRecord(alert);
        }
    }

    Store& m_store;
    CachedFacts m_facts; // what the rules ask, answered from the store once per batch
    const Caller& m_caller;
    const FormRegistry& m_forms;
    std::int64_t m_now;
    bool m_officersLoaded = false;
    std::vector<std::string> m_officers;
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
        std::size_t counts[4] = {0, 0, 0, 0}; // applied, duplicate, quarantined, rejected
        for (std::size_t i = 0; i < request.changes.size(); ++i) {
            const auto& item = request.changes[i];
            PushResult result;
            if (const auto* error = std::get_if<DecodeError>(&item)) {
                result = rejected(request.ids[i], error->reason(), error->message);
            } else {
                result = judge.judge(std::get<Change>(item));
            }
            if (result.status == "applied") {
                ++counts[0];
            } else if (result.status == "duplicate") {
                ++counts[1];
            } else if (result.status == "quarantined") {
                ++counts[2];
            } else {
                ++counts[3];
            }
            if (result.status == "applied" || result.status == "quarantined") {
                const Change& change = std::get<Change>(item);
                written.push_back(boost::json::array{change.recordType, change.recordId, result.status});
            }
            results.push_back(std::move(result));
        }
        boost::json::object detail{{"changes", request.changes.size()},
                                   {"applied", counts[0]},
                                   {"duplicate", counts[1]},
                                   {"quarantined", counts[2]},
                                   {"rejected", counts[3]},
                                   {"records", std::move(written)}};
        store.appendAudit(AuditEntry{0, now, "push", caller.user.id, caller.deviceId, std::move(detail)});
    });
    return results;
}

boost::json::object PushService::encodeResults(const std::vector<PushResult>& results)
{
    boost::json::array out;
    out.reserve(results.size());
    for (const PushResult& result : results) {
        boost::json::object item{{"id", result.id}, {"status", result.status}};
        if (!result.reason.empty()) {
            item["reason"] = result.reason;
        }
        if (!result.message.empty()) {
            item["message"] = result.message;
        }
        if (!result.was.empty()) {
            item["was"] = result.was;
        }
        out.push_back(std::move(item));
    }
    return boost::json::object{{"results", std::move(out)}};
}

} // namespace fieldbook::server
