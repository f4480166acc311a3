// Hashes and comparisons for secrets. Tokens and codes are stored only as their SHA-256; secrets
// are compared in constant time.
#pragma once

#include "crypto/bytes.h"

#include <string>
#include <string_view>

namespace fieldbook::crypto {

Bytes sha256(std::string_view data);
std::string sha256Hex(std::string_view data);
Bytes hmacSha256(const Bytes& key, std::string_view data);
bool constantTimeEqual(std::string_view a, std::string_view b);

} // namespace fieldbook::crypto
