#include "http/message.h"

#include <cstddef>
#include <optional>
#include <string_view>

namespace fieldbook::server {

namespace {

constexpr std::size_t kMaxQueryParameters = 16;

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

std::optional<std::string> percentDecode(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out.push_back(' ');
        } else if (c == '%') {
            if (i + 2 >= text.size()) {
                return std::nullopt;
            }
            const int hi = hexValue(text[i + 1]);
            const int lo = hexValue(text[i + 2]);
            if (hi < 0 || lo < 0) {
                return std::nullopt;
            }
            const char decoded = static_cast<char>(hi * 16 + lo);
            if (decoded == '\0') {
                return std::nullopt;
            }
            out.push_back(decoded);
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

} // namespace

bool parseTarget(Request& request)
{
    const std::string_view target = request.target;
    if (target.empty() || target.front() != '/') {
        return false;
    }
    const std::size_t mark = target.find('?');
    request.path = std::string(target.substr(0, mark));
    request.query.clear();
    if (mark == std::string_view::npos) {
        return true;
    }
    std::string_view rest = target.substr(mark + 1);
    std::size_t count = 0;
    while (!rest.empty()) {
        const std::size_t amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        if (pair.empty()) {
            continue;
        }
        if (++count > kMaxQueryParameters) {
            return false;
        }
        const std::size_t eq = pair.find('=');
        auto key = percentDecode(pair.substr(0, eq));
        auto value = percentDecode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
        if (!key || !value) {
            return false;
        }
        request.query.emplace(std::move(*key), std::move(*value));
    }
    return true;
}

} // namespace fieldbook::server
