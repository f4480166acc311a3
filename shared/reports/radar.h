// Which two RADARs of a case measure its change: the first start and the last exit (by
// assessed_on, then clock), so that a re-scored start or an interim exit never hides the
// journey from the first assessment to the last. The monthly report and the case page both
// read a case's change this way.
#pragma once

#include "model/record.h"

#include <optional>
#include <string>
#include <vector>

namespace fieldbook {

struct RadarPair
{
    const Record* start = nullptr; // nullptr when the case has none
    const Record* exit = nullptr;
};

// `radars`: the radar records of one case.
RadarPair radarPairOf(const std::vector<const Record*>& radars);

// The domain's score in a RADAR's scores, or nullopt when it was not scored.
std::optional<int> radarScore(const Record& radar, const std::string& domain);

} // namespace fieldbook
