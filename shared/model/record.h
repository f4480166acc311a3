// A record as every part of Fieldbook sees it: a type, an id and a JSON object of fields.
// The field names and their meaning are the ones in the sync contract (docs/sync-contract.md) and the form
// definitions in shared/forms/; this struct carries them without interpreting them.
#pragma once

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fieldbook {

struct Record
{
    std::string type;   // record_type, e.g. "session_report"
    std::string id;     // record_id, 32 hex
    std::string author; // user id of whoever wrote the latest applied change
    std::string hlc;    // clock stamp of the latest applied change
    int formVersion = 1;
    boost::json::object fields;

    // The field as a string, or "" when it is missing or not a string.
    std::string text(std::string_view field) const;
    bool has(std::string_view field) const;
};

// Every record type the contract and the domain know. Unknown types are rejected on push.
const std::vector<std::string>& knownRecordTypes();
bool isKnownRecordType(std::string_view type);

// Form records are append-only: once applied, a later change to the same record id is refused.
// Mutable records (person, case, match, vetting, care_plan_action, relationship) merge field by field.
bool isMutableRecordType(std::string_view type);

// Contact records are the ones the consent and protection gates guard.
bool isContactRecordType(std::string_view type);
// The mentor's meetings through the gate (pre_release_meeting, gate_day): gated as contact records
// are (gates.h checkContact), yet not contact records of the contract.
bool isGatedMeetingType(std::string_view type);

} // namespace fieldbook
