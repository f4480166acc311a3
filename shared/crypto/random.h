// Random bytes from OpenSSL's CSPRNG. Throws std::runtime_error if it cannot be seeded.
#pragma once

#include "crypto/bytes.h"

namespace fieldbook::crypto {

Bytes randomBytes(std::size_t count);
// A random secret as URL-safe text (for refresh tokens, enrolment codes): `bytes` of entropy.
std::string randomToken(std::size_t bytes);

} // namespace fieldbook::crypto
