#include "store/keyvault.h"

#include "crypto/aead.h"
#include "crypto/random.h"

namespace fieldbook::app {

namespace {
// Binds the wrapped key to its purpose so no other sealed value can stand in for it.
constexpr std::string_view kWrapAad = "fieldbook/local-data-key/v1";
constexpr std::size_t kSaltBytes = 16;
} // namespace

WrappedKey KeyVault::rewrap(const crypto::Bytes& dataKey, std::string_view pin, const crypto::ScryptParams& params)
{
    WrappedKey key;
    key.salt = crypto::randomBytes(kSaltBytes);
    crypto::Bytes kek = crypto::scrypt(pin, key.salt, params);
    key.wrapped = crypto::seal(kek, dataKey, kWrapAad);
    crypto::wipe(kek);
    return key;
}

WrappedKey KeyVault::create(std::string_view pin, const crypto::ScryptParams& params, crypto::Bytes& dataKey)
{
    dataKey = crypto::randomBytes(crypto::kKeyBytes);
    return rewrap(dataKey, pin, params);
}

std::optional<crypto::Bytes> KeyVault::unwrap(std::string_view pin, const WrappedKey& key,
                                              const crypto::ScryptParams& params)
{
    crypto::Bytes kek = crypto::scrypt(pin, key.salt, params);
    auto dataKey = crypto::open(kek, key.wrapped, kWrapAad);
    crypto::wipe(kek);
    if (dataKey && dataKey->size() != crypto::kKeyBytes) {
        return std::nullopt;
    }
    return dataKey;
}

} // namespace fieldbook::app
