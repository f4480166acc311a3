#include "rules/pipelines.h"

#include <algorithm>
#include <array>

namespace fieldbook {

namespace {

constexpr std::string_view kFirstReferralStatus = "awaiting_first_contact";
constexpr int kAttemptsBeforeNoSupport = 3;

struct Edge
{
    std::string_view from;
    std::string_view to;
};

constexpr std::array<Edge, 6> kReferralEdges = {{
    {"awaiting_first_contact", "awaiting_matching"},
    {"awaiting_first_contact", "no_support_required"}, // after three failed attempts
    {"awaiting_matching", "active_matched"},
    {"active_matched", "closed"},
    {"closed", "awaiting_first_contact"},
    {"no_support_required", "awaiting_first_contact"},
}};

constexpr std::array<Edge, 3> kMatchEdges = {{
    {"proposed", "active"},
    {"proposed", "ended"},
    {"active", "ended"},
}};

std::string referralStatusOf(const Record& playCase)
{
    std::string status = playCase.text("referral_status");
    return status.empty() ? std::string(kFirstReferralStatus) : status;
}

std::vector<Move> caseMoves(const Record& theCase, const FactSource& facts)
{
    std::vector<Move> out;
    if (theCase.text("status") == "closed") {
        out.push_back(Move{"status", "open", true, {}});
    } else {
        const bool checklist = !facts.recordsWhere("casework_checklist", "case_id", theCase.id).empty();
        out.push_back(Move{"status", "closed", checklist,
                           checklist ? std::string() : "A case is closed only once its casework checklist is recorded."});
    }
    if (theCase.text("stream") != "play") {
        return out;
    }
    const std::string from = referralStatusOf(theCase);
    for (const Edge& edge : kReferralEdges) {
        if (edge.from != from) {
            continue;
        }
        Move move{"referral_status", std::string(edge.to), true, {}};
        if (edge.to == "no_support_required") {
            const auto attempts = facts.recordsWhere("carer_contact_attempt", "case_id", theCase.id);
            const auto failed = std::count_if(attempts.begin(), attempts.end(),
                                              [](const Record& attempt) { return attempt.text("outcome") != "reached"; });
            move.allowed = failed >= kAttemptsBeforeNoSupport;
            if (!move.allowed) {
                move.why = "No Support Required needs three recorded attempts that did not reach the carer ("
                    + std::to_string(failed) + " so far).";
            }
        }
        out.push_back(std::move(move));
    }
    return out;
}

std::vector<Move> matchMoves(const Record& match)
{
    std::vector<Move> out;
    const std::string from = match.text("status");
    for (const Edge& edge : kMatchEdges) {
        if (edge.from == from) {
            out.push_back(Move{"status", std::string(edge.to), true, {}});
        }
    }
    return out;
}

std::optional<Refusal> refuseMove(const std::vector<Move>& moves, std::string_view field, const std::string& from,
                                  const std::string& to, std::string_view reason, std::string_view otherwise)
{
    if (to.empty() || to == from) {
        return std::nullopt;
    }
    const auto found = std::find_if(moves.begin(), moves.end(),
                                    [&](const Move& move) { return move.field == field && move.to == to; });
    if (found != moves.end() && found->allowed) {
        return std::nullopt;
    }
    return Refusal{std::string(reason), found != moves.end() ? found->why : std::string(otherwise)};
}

} // namespace

std::vector<Move> movesFrom(const Record& record, const FactSource& facts)
{
    if (record.type == "case") {
        return caseMoves(record, facts);
    }
    if (record.type == "match") {
        return matchMoves(record);
    }
    return {};
}

std::optional<Refusal> stateChangeRefusal(const Record& after, const Record* before, const FactSource& facts)
{
    if (after.type == "case") {
        if (before == nullptr) {
            if (after.text("status") != "open") {
                return Refusal{"invalid:status", "A new case starts open."};
            }
            const std::string referral = after.text("referral_status");
            if (after.text("stream") == "play" && !referral.empty() && referral != kFirstReferralStatus) {
                return Refusal{"invalid:referral_status", "A new play referral starts at Awaiting First Contact."};
            }
            return std::nullopt;
        }
        const auto moves = caseMoves(*before, facts);
        if (auto refused = refuseMove(moves, "status", before->text("status"), after.text("status"), "invalid:status",
                                      "A case is open or closed.")) {
            return refused;
        }
        if (after.text("stream") != "play") {
            return std::nullopt;
        }
        // A case moved into the play stream starts its pipeline where a new referral would.
        const std::string from = before->text("stream") == "play" ? referralStatusOf(*before) : std::string(kFirstReferralStatus);
        Record asPlay = *before;
        asPlay.fields["stream"] = "play";
        asPlay.fields["referral_status"] = from;
        return refuseMove(caseMoves(asPlay, facts), "referral_status", from, after.text("referral_status"),
                          "invalid:referral_status", "The referral can only move one step along its pipeline.");
    }
    if (after.type == "match") {
        const std::string to = after.text("status");
        if (before == nullptr) {
            if (to == "ended") {
                return Refusal{"invalid:status", "A new match starts proposed or active, never ended."};
            }
            return std::nullopt;
        }
        const std::string from = before->text("status");
        return refuseMove(matchMoves(*before), "status", from, to, "invalid:status",
                          from == "ended" ? "An ended match never becomes active again: record a new match."
                                          : "A match moves proposed, then active, then ended.");
    }
    return std::nullopt;
}

} // namespace fieldbook
