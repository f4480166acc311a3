// Key derivation: scrypt for PINs and passwords (slow on purpose), HKDF-SHA256 for sub-keys.
#pragma once

#include "crypto/bytes.h"

#include <cstdint>
#include <string_view>

namespace fieldbook::crypto {

struct ScryptParams
{
    std::uint64_t n = 1u << 15; // ~100 ms and 32 MiB on a phone-class core
    std::uint64_t r = 8;
    std::uint64_t p = 1;
};

Bytes scrypt(std::string_view secret, const Bytes& salt, const ScryptParams& params, std::size_t length = 32);
Bytes hkdfSha256(const Bytes& key, std::string_view info, std::size_t length = 32);

} // namespace fieldbook::crypto
