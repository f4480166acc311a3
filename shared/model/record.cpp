#include "model/record.h"

#include <algorithm>

namespace fieldbook {

std::string Record::text(std::string_view field) const
{
    const auto* value = fields.if_contains(field);
    if (value == nullptr || !value->is_string()) {
        return {};
    }
    return std::string(value->get_string());
}

bool Record::has(std::string_view field) const
{
    return fields.contains(field);
}

const std::vector<std::string>& knownRecordTypes()
{
    static const std::vector<std::string> types = {
        // docs/sync-contract.md
        "person", "case", "relationship", "consent", "protection_check", "vetting", "match",
        "session_report", "contact_sheet", "play_session", "safeguarding_report", "radar",
        // docs/domain.md
        "triage", "care_plan_action", "outcome_report", "first_contact_report", "carer_contact_attempt",
        "child_assessment", "casework_checklist", "feedback_survey", "welfare_grant_request",
        // Through the gate (docs/domain.md): mentoring and the welfare grant's decision and handover
        "mentoring_referral", "pre_release_meeting", "gate_day", "onward_referral", "welfare_grant_decision",
        "welfare_grant_handover",
    };
    return types;
}

bool isKnownRecordType(std::string_view type)
{
    const auto& types = knownRecordTypes();
    return std::find(types.begin(), types.end(), type) != types.end();
}

bool isMutableRecordType(std::string_view type)
{
    return type == "person" || type == "case" || type == "match" || type == "vetting" || type == "care_plan_action"
        || type == "relationship";
}

bool isGatedMeetingType(std::string_view type)
{
    return type == "pre_release_meeting" || type == "gate_day";
}

bool isContactRecordType(std::string_view type)
{
    return type == "session_report" || type == "contact_sheet" || type == "play_session";
}

} // namespace fieldbook
