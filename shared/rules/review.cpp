#include "rules/review.h"

namespace fieldbook {

namespace {

bool isSpace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The number of code points, or -1 for text that is not valid UTF-8 (a truncated sequence, a
// stray continuation byte, an overlong or surrogate form).
long long codePoints(std::string_view text)
{
    long long count = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        std::uint32_t value = 0;
        if (c < 0x80) {
            length = 1;
            value = c;
        } else if ((c & 0xE0) == 0xC0) {
            length = 2;
            value = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            value = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            value = c & 0x07;
        } else {
            return -1;
        }
        if (i + length > text.size()) {
            return -1;
        }
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) {
                return -1;
            }
            value = (value << 6) | (next & 0x3F);
        }
        const std::uint32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
        if (value < minimum[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
            return -1;
        }
        i += length;
        ++count;
    }
    return count;
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && isSpace(static_cast<unsigned char>(text.front()))) {
        text.remove_prefix(1);
    }
    while (!text.empty() && isSpace(static_cast<unsigned char>(text.back()))) {
        text.remove_suffix(1);
    }
    return text;
}

} // namespace

bool mayListHeld(const RoleSet& roles)
{
    return roles.has(Role::SafeguardingOfficer) || roles.has(Role::Practitioner);
}

bool mayDecideHeld(const RoleSet& roles)
{
    return roles.has(Role::SafeguardingOfficer);
}

bool mayBreakGlass(const RoleSet& roles)
{
    return roles.has(Role::SafeguardingOfficer);
}

std::size_t trimmedLength(std::string_view text)
{
    const long long count = codePoints(trimmed(text));
    return count < 0 ? 0 : static_cast<std::size_t>(count);
}

std::string reviewTextProblem(std::string_view text, std::string_view what)
{
    const std::string name(what);
    if (text.size() > kMaxReviewTextBytes) {
        return "The " + name + " is longer than " + std::to_string(kMaxReviewTextBytes) + " bytes.";
    }
    if (codePoints(text) < 0) {
        return "The " + name + " is not valid UTF-8 text.";
    }
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7F) {
            return "The " + name + " holds a control character.";
        }
    }
    if (trimmedLength(text) < kMinReviewTextChars) {
        return "The " + name + " must say why, in at least " + std::to_string(kMinReviewTextChars) + " characters.";
    }
    return {};
}

} // namespace fieldbook
