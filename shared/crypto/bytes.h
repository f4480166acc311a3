// Byte buffers and their text forms, shared by every crypto helper.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fieldbook::crypto {

using Bytes = std::vector<unsigned char>;

Bytes toBytes(std::string_view text);
std::string toString(const Bytes& bytes);
std::string toHex(const Bytes& bytes);
std::optional<Bytes> fromHex(std::string_view hex);
std::string base64Encode(const Bytes& bytes);
std::optional<Bytes> base64Decode(std::string_view text); // strict: padding and alphabet checked

// Overwrites the buffer before it is released (OPENSSL_cleanse).
void wipe(Bytes& bytes);
void wipe(std::string& text);

} // namespace fieldbook::crypto
