// Records the server derives rather than receives: `alert` (a quarantined record flagged to one
// reader) and `clearance` (a volunteer's gate status for one match, computed at pull time).
// Clients never push them. Ids of derived changes are deterministic where the content is, so a
// phone that pulls the same clearance twice sees the same change id and can skip it.
#pragma once

#include "store/store.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace fieldbook::server {

bool isDerivedRecordType(std::string_view type);

// 32 hex characters from SHA-256 of `seed`.
std::string derivedId(std::string_view seed);

// A clock stamp of the server itself, in the contract's hlc format.
std::string serverHlc(std::int64_t millis, std::string_view node);

// One alert (kind "held") for `recipient` about a quarantined record: ids and the reason code only.
StoredRecord makeAlert(const StoredRecord& quarantined, const std::string& reason, const std::string& recipient,
                       std::int64_t now);

// An alert of another kind ("released", "break_glass") for `recipient`: `fields` hold ids and
// codes only (alerts have no form, so nothing in them is sealed at rest: never free text). The
// contract's kind, recipient and at are added here.
StoredRecord makeAlertOf(std::string_view kind, const std::string& recipient, const std::string& caseId,
                         boost::json::object fields, std::string hlc, std::int64_t now);

} // namespace fieldbook::server
