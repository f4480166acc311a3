// Review of held records (docs/sync-contract.md 1.2): the list of quarantined records a safeguarding officer
// (all of them) or a practitioner (those on their cases) is to look at, and the officer's decision
// on one. A release re-files the record as applied under a new sequence with its own change id,
// so that it reaches the pulls of those who may read it and the author's next pull (which is how
// the author's phone learns it is no longer held), becomes a fact for the gates, and raises a
// `released` alert to the case's practitioner and the author. "keep_held" leaves it quarantined.
// Each decision is stored with its note (sealed) and audited by id, in the same transaction.
#pragma once

#include "auth/authservice.h"
#include "store/store.h"
#include "sync/protocol.h"

#include <boost/json/object.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace fieldbook::server {

struct ReviewRequest
{
    std::string changeId;
    std::string decision; // release, keep_held
    std::string note;
};

struct ReviewOutcome
{
    std::string changeId;
    PushStatus state = PushStatus::Quarantined; // applied once released
    std::string decisionId;
};

class ReviewService
{
public:
    // `node` is the server's own clock id, for the stamps of the alerts a release raises.
    explicit ReviewService(std::string node) : m_node(std::move(node)) {}

    // {"held":[...], "more":bool}. Throws ApiException forbidden for any role but a safeguarding
    // officer or a practitioner.
    boost::json::object held(Store& store, const Caller& caller, std::size_t limit, std::int64_t now) const;

    // Throws ApiException forbidden for anyone but a safeguarding officer, bad_request naming
    // what is wrong with the request (a note under ten characters), not_found for a change id
    // that never put a record on hold or whose record is held no longer (released already).
    ReviewOutcome decide(Store& store, const Caller& caller, const ReviewRequest& request, std::int64_t now) const;

    static constexpr std::size_t kDefaultLimit = 500;
    static constexpr std::size_t kMaxLimit = 1000;

private:
    std::string m_node;
};

} // namespace fieldbook::server
