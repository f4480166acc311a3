#include "crypto/hash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

namespace fieldbook::crypto {

Bytes sha256(std::string_view data)
{
    Bytes out(32);
    unsigned int length = 0;
    if (EVP_Digest(data.data(), data.size(), out.data(), &length, EVP_sha256(), nullptr) != 1 || length != 32) {
        throw std::runtime_error("SHA-256 failed");
    }
    return out;
}

std::string sha256Hex(std::string_view data)
{
    return toHex(sha256(data));
}

Bytes hmacSha256(const Bytes& key, std::string_view data)
{
    Bytes out(32);
    unsigned int length = 0;
    static const unsigned char kEmpty = 0;
    const unsigned char* keyData = key.empty() ? &kEmpty : key.data();
    const auto* message = reinterpret_cast<const unsigned char*>(data.data());
    if (HMAC(EVP_sha256(), keyData, static_cast<int>(key.size()), data.empty() ? &kEmpty : message, data.size(),
             out.data(), &length) == nullptr
        || length != 32) {
        throw std::runtime_error("HMAC-SHA-256 failed");
    }
    return out;
}

// The length is not secret (tokens and hashes have fixed lengths); the content is compared
// without an early exit so timing does not reveal how many leading bytes matched.
bool constantTimeEqual(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) {
        return false;
    }
    if (a.empty()) {
        return true;
    }
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace fieldbook::crypto
