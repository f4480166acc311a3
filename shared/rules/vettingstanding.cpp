#include "rules/vettingstanding.h"

#include "rules/ruledetail.h"

#include <algorithm>
#include <array>

namespace fieldbook {

namespace {

constexpr std::array<std::string_view, 4> kTrainings = {"safeguarding", "professional_boundaries",
                                                        "equality_diversity", "data_protection"};

} // namespace

VettingStanding vettingStandingOf(std::string_view volunteerId, const FactSource& facts, Date today)
{
    VettingStanding out;
    std::optional<Record> chosen;
    std::optional<Date> chosenExpiry;
    for (const Record& vetting : facts.recordsWhere("vetting", "volunteer", volunteerId)) {
        const auto expires = Date::parse(vetting.text("dbs_expires_at"));
        if (!chosen || (expires && (!chosenExpiry || *expires > *chosenExpiry))) {
            chosen = vetting;
            chosenExpiry = expires;
        }
    }
    if (!chosen) {
        out.sentence = "No DBS check recorded";
        return out;
    }
    out.vettingId = chosen->id;
    out.expires = chosenExpiry;
    const auto checked = Date::parse(chosen->text("dbs_checked_at"));
    if (!chosenExpiry || !checked) {
        out.state = VettingState::Expired;
        out.sentence = "The DBS check has no valid dates";
        return out;
    }
    out.daysLeft = daysBetween(today, *chosenExpiry);
    const std::string until = chosenExpiry->toString();
    if (today < *checked) {
        out.state = VettingState::NotYetValid;
        out.sentence = "DBS check dated " + checked->toString() + ", in the future";
    } else if (out.daysLeft < 0) {
        out.state = VettingState::Expired;
        out.sentence = "DBS expired on " + until;
    } else {
        const auto done = detail::stringsOf(*chosen, "training");
        const bool trained = std::all_of(kTrainings.begin(), kTrainings.end(), [&](std::string_view code) {
            return std::find(done.begin(), done.end(), code) != done.end();
        });
        if (!trained) {
            out.state = VettingState::TrainingIncomplete;
            out.sentence = "Training incomplete; DBS valid until " + until;
        } else if (out.daysLeft <= kDbsWarningDays) {
            out.state = VettingState::ExpiringSoon;
            out.sentence = out.daysLeft == 0 ? "DBS expires today (" + until + ")"
                                             : "DBS expires in " + std::to_string(out.daysLeft) + " day"
                                                   + (out.daysLeft == 1 ? "" : "s") + " (" + until + ")";
        } else {
            out.state = VettingState::Valid;
            out.sentence = "DBS valid until " + until;
        }
    }
    return out;
}

} // namespace fieldbook
