#include "model/ids.h"

#include "crypto/random.h"

namespace fieldbook {

std::string newId()
{
    return crypto::toHex(crypto::randomBytes(16));
}

bool isId(std::string_view text)
{
    if (text.size() != 32) {
        return false;
    }
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

} // namespace fieldbook
