#include "net/devicekeys.h"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

namespace fieldbook::app {

namespace {
using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

crypto::Bytes rawPublic(EVP_PKEY* key)
{
    std::size_t length = 32;
    crypto::Bytes out(length);
    if (EVP_PKEY_get_raw_public_key(key, out.data(), &length) != 1 || length != 32) {
        return {};
    }
    return out;
}
} // namespace

DeviceKeyPair generateDeviceKeyPair()
{
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> context(EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, nullptr),
                                                                        &EVP_PKEY_CTX_free);
    EVP_PKEY* raw = nullptr;
    if (!context || EVP_PKEY_keygen_init(context.get()) != 1 || EVP_PKEY_keygen(context.get(), &raw) != 1) {
        throw std::runtime_error("could not generate the device key pair");
    }
    const PKey key(raw, &EVP_PKEY_free);
    DeviceKeyPair pair;
    std::size_t length = 32;
    pair.privateKey.resize(length);
    if (EVP_PKEY_get_raw_private_key(key.get(), pair.privateKey.data(), &length) != 1 || length != 32) {
        throw std::runtime_error("could not read the device private key");
    }
    pair.publicKey = rawPublic(key.get());
    if (pair.publicKey.empty()) {
        throw std::runtime_error("could not read the device public key");
    }
    return pair;
}

crypto::Bytes publicKeyOf(const crypto::Bytes& privateKey)
{
    if (privateKey.size() != 32) {
        return {};
    }
    const PKey key(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, privateKey.data(), privateKey.size()),
                   &EVP_PKEY_free);
    return key ? rawPublic(key.get()) : crypto::Bytes{};
}

} // namespace fieldbook::app
