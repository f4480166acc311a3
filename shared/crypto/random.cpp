#include "crypto/random.h"

#include <openssl/rand.h>

#include <climits>
#include <stdexcept>

namespace fieldbook::crypto {

Bytes randomBytes(std::size_t count)
{
    if (count > static_cast<std::size_t>(INT_MAX)) {
        throw std::invalid_argument("randomBytes: count too large");
    }
    Bytes out(count);
    if (count > 0 && RAND_bytes(out.data(), static_cast<int>(count)) != 1) {
        throw std::runtime_error("the random number generator could not produce bytes");
    }
    return out;
}

std::string randomToken(std::size_t bytes)
{
    Bytes raw = randomBytes(bytes);
    std::string text = base64Encode(raw);
    wipe(raw);
    // URL-safe alphabet, no padding: tokens travel in JSON, headers and command lines.
    while (!text.empty() && text.back() == '=') {
        text.pop_back();
    }
    for (char& c : text) {
        if (c == '+') {
            c = '-';
        } else if (c == '/') {
            c = '_';
        }
    }
    return text;
}

} // namespace fieldbook::crypto
