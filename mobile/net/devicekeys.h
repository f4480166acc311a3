// The device's own X25519 key pair, made at enrolment. The public half is registered with the
// server (so narrative fields can be sealed for this device); the private half is kept only
// sealed in the local store.
#pragma once

#include "crypto/bytes.h"

namespace fieldbook::app {

struct DeviceKeyPair
{
    crypto::Bytes privateKey; // raw, 32 bytes
    crypto::Bytes publicKey;  // raw, 32 bytes
};

// A fresh key pair from OpenSSL. Throws std::runtime_error if OpenSSL fails.
DeviceKeyPair generateDeviceKeyPair();
// The public key of a raw private key (to check a stored pair); empty on a malformed key.
crypto::Bytes publicKeyOf(const crypto::Bytes& privateKey);

} // namespace fieldbook::app
