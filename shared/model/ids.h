// Record, change and user ids: 32 lowercase hex characters (128 random bits from the OS).
#pragma once

#include <string>
#include <string_view>

namespace fieldbook {

// A fresh random id from OpenSSL's CSPRNG (seeded by the OS). Throws std::runtime_error if the
// generator fails: an id must never be predictable or repeated.
std::string newId();

// True for exactly 32 characters of [0-9a-f].
bool isId(std::string_view text);

} // namespace fieldbook
