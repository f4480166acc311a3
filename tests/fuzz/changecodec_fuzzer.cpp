// libFuzzer entry for the change decoder: any bytes a client can send go through the same path as
// a push body on the server (bounded parse, decodePush, decodeChange), and whatever decodes must
// survive an encode/decode round trip unchanged. A crash, a sanitizer report or a broken round
// trip is a finding.
#include "model/ids.h"
#include "sync/changecodec.h"
#include "sync/hlc.h"
#include "sync/limits.h"

#include <boost/json/serialize.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

void checkRoundTrip(const fieldbook::Change& change)
{
    if (!fieldbook::isId(change.id) || !fieldbook::isId(change.recordId) || !fieldbook::isHlc(change.hlc)
        || change.formVersion < 1 || change.formVersion > 1000 || !change.author.empty()) {
        std::abort();
    }
    const auto encoded = fieldbook::encodeChange(change);
    const auto again = fieldbook::decodeChange(encoded);
    if (!std::holds_alternative<fieldbook::Change>(again)) {
        std::abort();
    }
    if (boost::json::serialize(fieldbook::encodeChange(std::get<fieldbook::Change>(again)))
        != boost::json::serialize(encoded)) {
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::string error;
    const auto value = fieldbook::parseBoundedJson(text, error, fieldbook::limits::kMaxBodyBytes);
    if (!value) {
        if (error.empty()) {
            std::abort(); // a refusal must say why
        }
        return 0;
    }
    const auto push = fieldbook::decodePush(*value);
    if (const auto* request = std::get_if<fieldbook::PushRequest>(&push)) {
        if (request->changes.size() != request->ids.size()) {
            std::abort();
        }
        for (const auto& item : request->changes) {
            if (const auto* change = std::get_if<fieldbook::Change>(&item)) {
                checkRoundTrip(*change);
            } else if (std::get<fieldbook::DecodeError>(item).field.empty()) {
                std::abort();
            }
        }
    } else if (std::get<fieldbook::DecodeError>(push).message.empty()) {
        std::abort();
    }
    // The same bytes as a single change.
    const auto single = fieldbook::decodeChange(*value);
    if (const auto* change = std::get_if<fieldbook::Change>(&single)) {
        checkRoundTrip(*change);
    }
    return 0;
}
