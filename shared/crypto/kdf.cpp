#include "crypto/kdf.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace fieldbook::crypto {

namespace {

constexpr std::size_t kMaxDerivedBytes = 1024;

} // namespace

Bytes scrypt(std::string_view secret, const Bytes& salt, const ScryptParams& params, std::size_t length)
{
    if (length == 0 || length > kMaxDerivedBytes) {
        throw std::invalid_argument("scrypt: length must be 1..1024 bytes");
    }
    // n a power of two above 1; r*p bounded (RFC 7914); memory capped at 1 GiB so that a bad
    // parameter cannot take a device down.
    if (params.n < 2 || (params.n & (params.n - 1)) != 0 || params.n > (1u << 22) || params.r == 0
        || params.p == 0 || params.r * params.p >= (1u << 30)) {
        throw std::invalid_argument("scrypt: invalid parameters");
    }
    const std::uint64_t memory = 128 * params.r * (params.n + params.p + 2) + (1u << 16);
    if (memory > (1ull << 30)) {
        throw std::invalid_argument("scrypt: parameters need more than 1 GiB");
    }
    Bytes out(length);
    static const unsigned char kEmpty = 0;
    if (EVP_PBE_scrypt(secret.empty() ? "" : secret.data(), secret.size(), salt.empty() ? &kEmpty : salt.data(),
                       salt.size(), params.n, params.r, params.p, memory, out.data(), out.size())
        != 1) {
        throw std::runtime_error("scrypt failed");
    }
    return out;
}

Bytes hkdfSha256(const Bytes& key, std::string_view info, std::size_t length)
{
    if (length == 0 || length > std::size_t{255} * 32) {
        throw std::invalid_argument("hkdfSha256: length must be 1..8160 bytes");
    }
    if (key.empty()) {
        throw std::invalid_argument("hkdfSha256: empty key");
    }
    std::unique_ptr<EVP_KDF, decltype(&EVP_KDF_free)> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr), &EVP_KDF_free);
    if (!kdf) {
        throw std::runtime_error("HKDF is not available");
    }
    std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)> ctx(EVP_KDF_CTX_new(kdf.get()), &EVP_KDF_CTX_free);
    if (!ctx) {
        throw std::runtime_error("HKDF context failed");
    }
    std::string digest = "SHA256";
    std::string infoCopy(info);
    Bytes keyCopy = key;
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest.data(), 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, keyCopy.data(), keyCopy.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, infoCopy.data(), infoCopy.size()),
        OSSL_PARAM_construct_end(),
    };
    Bytes out(length);
    const int ok = EVP_KDF_derive(ctx.get(), out.data(), out.size(), params);
    wipe(keyCopy);
    if (ok != 1) {
        throw std::runtime_error("HKDF failed");
    }
    return out;
}

} // namespace fieldbook::crypto
