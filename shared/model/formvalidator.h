// The one validator for form answers, used by the app before saving and by the server on push.
#pragma once

#include "model/formdefinition.h"

#include <boost/json/object.hpp>

#include <string>
#include <vector>

namespace fieldbook {

struct ValidationError
{
    std::string field;   // the field's name ("" for the record as a whole)
    std::string rule;    // required, type, choice, min, max, max_length, unknown_field, hidden, format
    std::string message; // a sentence a volunteer can act on: "Duration must be at most 480 minutes."

    // The push reason for this error: "invalid:<field>".
    std::string reason() const { return "invalid:" + field; }
};

// Checks every field against the definition: unknown fields, required fields (only when visible),
// types, choices, ranges, lengths, conditional visibility. Returns all errors, in field order
// (fields of the definition first, then unknown fields in the order they came).
// null and "" count as absent. Text lengths are counted in characters (UTF-8 code points); one-line
// text refuses control characters. For mutable records whose changes carry only some fields,
// validate the merged record, not the change.
std::vector<ValidationError> validate(const FormDefinition& form, const boost::json::object& fields);

} // namespace fieldbook
