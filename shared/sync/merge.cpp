#include "sync/merge.h"

#include <boost/json/serialize.hpp>

namespace fieldbook {

bool mergeChange(MergeState& state, const Change& change)
{
    if (change.op == "delete") {
        if (change.hlc > state.deletedAt) {
            state.deletedAt = change.hlc;
            return true;
        }
        return false;
    }
    bool changed = false;
    for (const auto& entry : change.fields) {
        const auto* clock = state.fieldClocks.if_contains(entry.key());
        const std::string_view held = clock != nullptr && clock->is_string() ? std::string_view(clock->get_string())
                                                                             : std::string_view();
        bool take = clock == nullptr || change.hlc > held;
        if (!take && change.hlc == held) {
            const auto* current = state.fields.if_contains(entry.key());
            take = current == nullptr || boost::json::serialize(entry.value()) > boost::json::serialize(*current);
        }
        if (take) {
            const auto* current = state.fields.if_contains(entry.key());
            if (current == nullptr || *current != entry.value() || clock == nullptr || held != change.hlc) {
                changed = true;
            }
            state.fields[entry.key()] = entry.value();
            state.fieldClocks[entry.key()] = change.hlc;
        }
    }
    return changed;
}

bool isDeleted(const MergeState& state)
{
    if (state.deletedAt.empty()) {
        return false;
    }
    for (const auto& entry : state.fieldClocks) {
        if (entry.value().is_string() && entry.value().get_string() > state.deletedAt) {
            return false;
        }
    }
    return true;
}

} // namespace fieldbook
