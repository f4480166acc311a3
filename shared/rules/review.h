// Safeguarding review of held records and break-the-glass (docs/sync-contract.md 1.2): who may do what, how long
// a grant lasts, and what a decision's note or a grant's reason must be. The server enforces these;
// the app checks them before it offers a button or sends a request.
#pragma once

#include "rules/roles.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fieldbook {

inline constexpr std::size_t kMinReviewTextChars = 10;    // a note or reason says something
inline constexpr std::size_t kMaxReviewTextBytes = 4000;  // bounded like every other input
inline constexpr std::int64_t kBreakGlassSeconds = 4 * 60 * 60;

// Every held record (safeguarding officer) or those on the reader's own cases (practitioner).
bool mayListHeld(const RoleSet& roles);
// Release or keep held; grant themselves break-the-glass: safeguarding officers only.
bool mayDecideHeld(const RoleSet& roles);
bool mayBreakGlass(const RoleSet& roles);

// The characters (UTF-8 code points) of `text` without white space at either end.
std::size_t trimmedLength(std::string_view text);

// "" when `text` may be a review note or a break-the-glass reason; otherwise a sentence saying
// what is wrong, naming the field as `what` ("note", "reason"). Text of at least
// kMinReviewTextChars characters once trimmed, at most kMaxReviewTextBytes bytes, valid UTF-8
// without control characters other than tab and line breaks.
std::string reviewTextProblem(std::string_view text, std::string_view what);

} // namespace fieldbook
