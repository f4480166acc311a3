#include "store/storerows.h"

#include "model/ids.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <stdexcept>

namespace fieldbook::server::rows {

std::optional<RecordState> parseState(std::string_view name)
{
    if (name == "applied") {
        return RecordState::Applied;
    }
    if (name == "quarantined") {
        return RecordState::Quarantined;
    }
    if (name == "deleted") {
        return RecordState::Deleted;
    }
    return std::nullopt;
}

boost::json::object parseObject(const std::string& text)
{
    boost::json::value value = boost::json::parse(text);
    if (!value.is_object()) {
        throw std::runtime_error("a stored JSON value is not an object");
    }
    return std::move(value.as_object());
}

void collectNestedIds(const boost::json::value& value, std::vector<std::string>& out, int depth)
{
    if (depth > 3) {
        return;
    }
    if (value.is_string()) {
        if (isId(value.as_string())) {
            out.emplace_back(value.as_string());
        }
    } else if (value.is_array()) {
        for (const auto& item : value.as_array()) {
            collectNestedIds(item, out, depth + 1);
        }
    } else if (value.is_object()) {
        for (const auto& item : value.as_object()) {
            collectNestedIds(item.value(), out, depth + 1);
        }
    }
}

std::vector<std::pair<std::string, std::string>> indexEntries(const boost::json::object& fields)
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& field : fields) {
        const boost::json::value& value = field.value();
        if (value.is_string()) {
            if (isId(value.as_string())) {
                out.emplace_back(field.key(), value.as_string());
            }
        } else if (value.is_array() || value.is_object()) {
            std::vector<std::string> ids;
            collectNestedIds(value, ids, 0);
            const std::string nested = std::string(field.key()) + "[]";
            for (auto& id : ids) {
                out.emplace_back(nested, std::move(id));
            }
        }
    }
    return out;
}

std::string jsonList(const std::vector<std::string>& items)
{
    boost::json::array out;
    out.reserve(items.size());
    for (const auto& item : items) {
        out.emplace_back(item);
    }
    return boost::json::serialize(out);
}

std::string sealContext(std::string_view table, std::string_view id)
{
    std::string out(table);
    out += '|';
    out += id;
    return out;
}

} // namespace fieldbook::server::rows
