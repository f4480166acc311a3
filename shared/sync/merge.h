// Field-by-field merge of mutable records by clock: for every field a change carries, the value
// with the greater HLC wins. Commutative, associative and idempotent, so every replica that has
// seen the same changes holds the same record, whatever the order it saw them in.
#pragma once

#include "sync/change.h"

#include <boost/json/object.hpp>

#include <string>

namespace fieldbook {

struct MergeState
{
    boost::json::object fields;
    boost::json::object fieldClocks; // field name -> hlc string of the value held
    std::string deletedAt;           // hlc of the latest "delete" change seen; "" if none
};

// Applies `change` to `state`; returns true if any field (or the deletion mark) changed.
// Equal clocks with different values (only possible from a buggy or hostile client, since the
// clock carries the device id) are settled by the serialized value, so the order still does not
// matter. A "delete" keeps the fields and moves deletedAt forward.
bool mergeChange(MergeState& state, const Change& change);

// Deleted when a delete is newer than every field value held: a later upsert revives the record.
bool isDeleted(const MergeState& state);

} // namespace fieldbook
