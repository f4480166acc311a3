// A change the server refused for its clock (docs/sync-contract.md 1.2: an `hlc`, `occurred_at` or `recorded_at`
// more than 5 minutes ahead of the server's clock is `rejected: invalid:<field>`) is not lost: once
// the phone knows the server's time (serverclock.h), it is stamped again with the corrected time
// and resent as a new change of the same record. Pure functions; LocalStore applies the result.
#pragma once

#include "sync/change.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fieldbook::app {

// invalid:hlc, invalid:occurred_at, invalid:recorded_at.
bool isClockRefusal(std::string_view reason);

// The change to send again, or nullopt when the corrected clock does not explain the refusal (the
// change then stays refused, for a person to see). The result has `newChangeId`, the same record
// and fields, and an empty hlc (the store stamps it again, at the corrected time); besides:
//  - invalid:hlc: only when the refused stamp is more than the server's tolerance ahead of
//    `correctedNowMillis`, so a change the corrected clock would stamp the same way is never
//    resent in a loop;
//  - invalid:occurred_at / invalid:recorded_at: that instant is moved by `offsetMillis` (server
//    minus phone: the error of the clock that filled it in), only when it is more than the
//    tolerance ahead of the corrected now and the moved instant is not. An instant typed by a
//    person into the future stays refused.
std::optional<Change> changeToResend(const Change& refused, std::string_view reason, std::int64_t correctedNowMillis,
                                     std::int64_t offsetMillis, std::string newChangeId);

} // namespace fieldbook::app
