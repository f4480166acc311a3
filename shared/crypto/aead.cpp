#include "crypto/aead.h"

#include "crypto/random.h"

#include <openssl/evp.h>

#include <climits>
#include <memory>
#include <stdexcept>

namespace fieldbook::crypto {

namespace {

constexpr unsigned char kVersion = 0x01;
constexpr std::size_t kNonceBytes = 12;
constexpr std::size_t kTagBytes = 16;

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

CipherCtx newContext()
{
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    if (!ctx) {
        throw std::runtime_error("cipher context allocation failed");
    }
    return ctx;
}

} // namespace

Bytes seal(const Bytes& key, const Bytes& plaintext, std::string_view aad)
{
    if (key.size() != kKeyBytes) {
        throw std::invalid_argument("seal: the key must be 32 bytes");
    }
    if (plaintext.size() > static_cast<std::size_t>(INT_MAX) - 64 || aad.size() > static_cast<std::size_t>(INT_MAX)) {
        throw std::invalid_argument("seal: input too large");
    }
    const Bytes nonce = randomBytes(kNonceBytes);
    Bytes out;
    out.resize(1 + kNonceBytes + plaintext.size() + kTagBytes);
    out[0] = kVersion;
    std::copy(nonce.begin(), nonce.end(), out.begin() + 1);

    CipherCtx ctx = newContext();
    int length = 0;
    unsigned char* cipher = out.data() + 1 + kNonceBytes;
    bool ok = EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kNonceBytes), nullptr) == 1
        && EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), nonce.data()) == 1;
    if (ok && !aad.empty()) {
        ok = EVP_EncryptUpdate(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(aad.data()),
                               static_cast<int>(aad.size()))
            == 1;
    }
    if (ok && !plaintext.empty()) {
        ok = EVP_EncryptUpdate(ctx.get(), cipher, &length, plaintext.data(), static_cast<int>(plaintext.size())) == 1;
    }
    ok = ok && EVP_EncryptFinal_ex(ctx.get(), cipher + plaintext.size(), &length) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagBytes),
                               cipher + plaintext.size())
            == 1;
    if (!ok) {
        throw std::runtime_error("AES-256-GCM sealing failed");
    }
    return out;
}

std::optional<Bytes> open(const Bytes& key, const Bytes& sealed, std::string_view aad)
{
    if (key.size() != kKeyBytes || sealed.size() < 1 + kNonceBytes + kTagBytes || sealed[0] != kVersion
        || sealed.size() > static_cast<std::size_t>(INT_MAX) || aad.size() > static_cast<std::size_t>(INT_MAX)) {
        return std::nullopt;
    }
    const unsigned char* nonce = sealed.data() + 1;
    const unsigned char* cipher = nonce + kNonceBytes;
    const std::size_t cipherSize = sealed.size() - 1 - kNonceBytes - kTagBytes;
    Bytes tag(cipher + cipherSize, cipher + cipherSize + kTagBytes);
    Bytes plain(cipherSize);

    CipherCtx ctx = newContext();
    int length = 0;
    bool ok = EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kNonceBytes), nullptr) == 1
        && EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), nonce) == 1;
    if (ok && !aad.empty()) {
        ok = EVP_DecryptUpdate(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(aad.data()),
                               static_cast<int>(aad.size()))
            == 1;
    }
    if (ok && cipherSize > 0) {
        ok = EVP_DecryptUpdate(ctx.get(), plain.data(), &length, cipher, static_cast<int>(cipherSize)) == 1;
    }
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagBytes), tag.data()) == 1;
    unsigned char finalBlock[16];
    ok = ok && EVP_DecryptFinal_ex(ctx.get(), finalBlock, &length) == 1;
    if (!ok) {
        wipe(plain);
        return std::nullopt;
    }
    return plain;
}

} // namespace fieldbook::crypto
