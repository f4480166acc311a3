// The pipelines a record moves along (sync contract 1.2, "State changes the server validates"):
// a case open -> closed (only once its casework checklist is recorded) and back; a play referral
// Awaiting First Contact -> Awaiting Matching -> Active - Matched -> closed, or No Support
// Required after three attempts that did not reach the carer, and re-opened from either end;
// a match proposed -> active -> ended (or proposed -> ended), never active again.
// The app offers movesFrom() as actions; the server refuses anything else (checkStateChange in
// writerules.h calls stateChangeRefusal() here). A match's activation is a move here and is
// judged by the gates as well (checkMatchActivation).
#pragma once

#include "model/record.h"
#include "rules/facts.h"

#include <optional>
#include <string>
#include <vector>

namespace fieldbook {

struct Move
{
    std::string field; // status, referral_status
    std::string to;    // the value it would take
    bool allowed = false;
    std::string why;   // when not allowed: what is missing, in words that name nobody
};

// Every move the pipeline knows from the record's present state, allowed or not (so the app can
// show a disabled action with its reason). Empty for records without a pipeline.
std::vector<Move> movesFrom(const Record& record, const FactSource& facts);

// Why the change from `before` (nullptr: a new record) to `after` is refused: the contract's
// reason (invalid:status, invalid:referral_status) and a sentence; nullopt when it is allowed.
struct Refusal
{
    std::string reason;
    std::string message;
};
std::optional<Refusal> stateChangeRefusal(const Record& after, const Record* before, const FactSource& facts);

} // namespace fieldbook
