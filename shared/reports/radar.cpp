#include "reports/radar.h"

#include "rules/ruledetail.h"

namespace fieldbook {

RadarPair radarPairOf(const std::vector<const Record*>& radars)
{
    RadarPair pair;
    std::string startKey;
    std::string exitKey;
    for (const Record* radar : radars) {
        const std::string stage = radar->text("stage");
        std::string key = detail::orderKey(*radar, "assessed_on");
        if (stage == "start" && (pair.start == nullptr || key < startKey)) {
            pair.start = radar;
            startKey = std::move(key);
        } else if (stage == "exit" && (pair.exit == nullptr || key > exitKey)) {
            pair.exit = radar;
            exitKey = std::move(key);
        }
    }
    return pair;
}

std::optional<int> radarScore(const Record& radar, const std::string& domain)
{
    const auto* scores = radar.fields.if_contains("scores");
    if (scores == nullptr || !scores->is_object()) {
        return std::nullopt;
    }
    const auto* score = scores->get_object().if_contains(domain);
    if (score == nullptr || !score->is_int64()) {
        return std::nullopt;
    }
    return static_cast<int>(score->get_int64());
}

} // namespace fieldbook
