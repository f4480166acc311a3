#include "sync/clockrestamp.h"
#include "rules/writerules.h"

#include "model/dates.h"
#include "net/serverclock.h"
#include "sync/hlc.h"

namespace fieldbook::app {

bool isClockRefusal(std::string_view reason)
{
    return reason == "invalid:hlc" || reason == "invalid:occurred_at" || reason == "invalid:recorded_at";
}

std::optional<Change> changeToResend(const Change& refused, std::string_view reason, std::int64_t correctedNowMillis,
                                     std::int64_t offsetMillis, std::string newChangeId)
{
    const std::int64_t latestAccepted = correctedNowMillis + kClockAheadMillis;
    Change again = refused;
    again.id = std::move(newChangeId);
    again.hlc.clear();
    if (reason == "invalid:hlc") {
        const auto stamp = HlcStamp::parse(refused.hlc);
        if (!stamp || stamp->millis <= latestAccepted) {
            return std::nullopt;
        }
        return again;
    }
    if (reason == "invalid:occurred_at" || reason == "invalid:recorded_at") {
        const std::string field(reason.substr(std::string_view("invalid:").size()));
        const auto* value = refused.fields.if_contains(field);
        const auto seconds = value && value->is_string() ? parseInstant(value->get_string()) : std::nullopt;
        if (!seconds || *seconds * 1000 <= latestAccepted) {
            return std::nullopt;
        }
        // Whole seconds, as instants are written; rounded towards the past so the move never
        // lands ahead of what the corrected clock would have written.
        const std::int64_t movedMillis = *seconds * 1000 + offsetMillis;
        const std::int64_t moved = movedMillis >= 0 ? movedMillis / 1000 : -((-movedMillis + 999) / 1000);
        if (moved * 1000 > latestAccepted) {
            return std::nullopt;
        }
        again.fields[field] = formatInstant(moved);
        return again;
    }
    return std::nullopt;
}

} // namespace fieldbook::app
