// What both store engines share about rows: record states by name, JSON text columns, the ids an
// index holds, id lists bound as one JSON parameter, and the AAD context of sealed free text.
// One definition, so that SQLite and PostgreSQL write and read the same bytes.
#pragma once

#include "store/store.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fieldbook::server::rows {

std::optional<RecordState> parseState(std::string_view name);

// Throws std::runtime_error when the text is not a JSON object.
boost::json::object parseObject(const std::string& text);

// The ids inside a nested value (arrays and objects, three levels at most).
void collectNestedIds(const boost::json::value& value, std::vector<std::string>& out, int depth);

// The index rows of a record's plain fields: top-level ids under their field, nested ids under
// "<field>[]". Sealed fields must not be in `fields`: the index is never written with them.
std::vector<std::pair<std::string, std::string>> indexEntries(const boost::json::object& fields);

// A list of ids bound as one JSON text parameter (SQLite json_each, PostgreSQL
// json_array_elements_text), so that a list of any length stays one prepared statement.
std::string jsonList(const std::vector<std::string>& items);

// The AAD of sealed free text: "<table>|<row id>".
std::string sealContext(std::string_view table, std::string_view id);

} // namespace fieldbook::server::rows
