// Push: one batch of changes from one device, judged change by change and stored in ONE
// transaction, so a crash leaves the whole batch or none of it. For each change, in order:
//   decode (core codec) -> duplicate? (change id seen before) -> known record type ->
//   form definition of the change's own form_version and its validator (after merging into the
//   stored record for mutable types) -> mayWrite (core) -> the gates (core checkContact,
//   checkMatchActivation, checkWelfareGrant) -> store.
// Every rule is the core's; this class only orders them and records the outcome.
// Quarantined records are stored but never become facts, and raise one `alert` record for the
// case's practitioner and one for each safeguarding officer.
#pragma once

#include "auth/authservice.h"
#include "model/formdefinition.h"
#include "store/store.h"
#include "sync/protocol.h"

#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace fieldbook::server {

class PushService
{
public:
    explicit PushService(const FormRegistry& forms) : m_forms(forms) {}

    // The request-level problems (not JSON, no "changes", too many changes) throw ApiException;
    // everything about one change is answered in its result.
    std::vector<PushResult> push(Store& store, const Caller& caller, const boost::json::value& body,
                                 std::int64_t now) const;

private:
    const FormRegistry& m_forms;
};

} // namespace fieldbook::server
