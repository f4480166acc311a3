// The one save path of the app: a form, an edit and a pipeline action all end here, as one local
// change (record and outbox in one transaction, localstore.h) that the next sync sends. For a
// mutable record the change carries only the fields it sets, under the record's own id, so that
// the store and the server merge it field by field. GUI thread only.
#pragma once

#include "sync/change.h"

#include <optional>

namespace fieldbook::app {

class AppController;

// Saves `change` (stamped by the store; a new record id when it has none) and asks for a sync
// soon. nullopt, with the reason told to the person through the error channel, when the app is
// locked or the store could not write.
std::optional<Change> saveLocalChange(AppController& app, Change change, int priority = 1);

} // namespace fieldbook::app
