// `admin seed-demo`: a small, realistic data set for trying the app, written through the same
// push path (and so the same rules) as any device: one user of each role; a prisoner, two of his
// family members and their relationships, consents and protection checks; the befriender vetted
// and matched to both family members; one case cleared, one not (consent withdrawn after the
// match began); a session report on the cleared case.
#pragma once

#include "auth/authservice.h"
#include "store/store.h"

#include <boost/json/object.hpp>

namespace fieldbook::server {

// Creates the data on first run; afterwards only issues new enrolment codes. Answers
// {"users":[{"role","name","user_id","code"}, ...]}. Throws std::runtime_error if a demo change
// is not applied (the rules and the demo disagree).
boost::json::object seedDemo(Store& store, const AuthService& auth, std::int64_t now);

} // namespace fieldbook::server
