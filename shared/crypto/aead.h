// AES-256-GCM sealing. Sealed layout: version byte 0x01 | 12-byte random nonce | ciphertext | 16-byte tag.
// `aad` binds the ciphertext to its context (record id, field name, key id) so that a sealed value
// cannot be moved to another record unnoticed.
#pragma once

#include "crypto/bytes.h"

#include <optional>
#include <string_view>

namespace fieldbook::crypto {

inline constexpr std::size_t kKeyBytes = 32;

Bytes seal(const Bytes& key, const Bytes& plaintext, std::string_view aad);
// nullopt when the key is wrong, the data was altered, or the layout is not ours.
std::optional<Bytes> open(const Bytes& key, const Bytes& sealed, std::string_view aad);

} // namespace fieldbook::crypto
