// The data key and the PIN: local data is sealed with a random 256-bit data key, and the data key
// is stored only wrapped (AES-256-GCM) under a key derived from the PIN by scrypt. The PIN and the
// derived key are never stored; a wrong PIN fails to unwrap (the GCM tag does not verify).
#pragma once

#include "crypto/bytes.h"
#include "crypto/kdf.h"

#include <optional>
#include <string_view>

namespace fieldbook::app {

struct WrappedKey
{
    crypto::Bytes salt;    // 16 random bytes, per store
    crypto::Bytes wrapped; // seal(scrypt(PIN, salt), dataKey)
};

class KeyVault
{
public:
    // A fresh data key wrapped under `pin`. `dataKey` receives the plain key for this session.
    static WrappedKey create(std::string_view pin, const crypto::ScryptParams& params, crypto::Bytes& dataKey);
    // The data key, or nullopt when the PIN is wrong (or the stored key was altered).
    static std::optional<crypto::Bytes> unwrap(std::string_view pin, const WrappedKey& key,
                                               const crypto::ScryptParams& params);
    // The same data key under a new PIN (new salt).
    static WrappedKey rewrap(const crypto::Bytes& dataKey, std::string_view pin, const crypto::ScryptParams& params);
};

} // namespace fieldbook::app
