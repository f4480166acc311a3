// Where a volunteer's vetting stands on a day, for the coordinator's list of volunteers: the DBS
// check that runs longest (the one a renewal replaces), how many days it has left, and whether it
// is expiring soon (within kDbsWarningDays, the expiry day included), expired, not yet valid, or
// missing a training. Offering only: the gates (gates.h) decide every contact and activation.
#pragma once

#include "model/dates.h"
#include "rules/facts.h"

#include <optional>
#include <string>
#include <string_view>

namespace fieldbook {

inline constexpr int kDbsWarningDays = 30;

enum class VettingState { Missing, Valid, ExpiringSoon, Expired, NotYetValid, TrainingIncomplete };

struct VettingStanding
{
    VettingState state = VettingState::Missing;
    std::string vettingId;       // the vetting record read, "" when Missing
    std::optional<Date> expires; // its dbs_expires_at
    std::int64_t daysLeft = 0;   // expires - today (negative once expired)
    std::string sentence;        // "DBS valid until 2026-03-01", "DBS expires in 12 days (2026-01-20)"

    bool flagged() const { return state != VettingState::Valid; }
};

VettingStanding vettingStandingOf(std::string_view volunteerId, const FactSource& facts, Date today);

} // namespace fieldbook
