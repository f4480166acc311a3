// Form definitions are data: versioned descriptions of each record type's fields that the app
// renders and the server validates with the same validator (formvalidator.h).
// Invariant: a definition, once published with a version number, never changes; a new shape is
// a new version, and older versions stay in the registry so stored drafts remain sendable.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fieldbook {

enum class FieldType {
    Text,        // one line, maxLength applies
    LongText,    // narrative, maxLength applies
    Date,        // YYYY-MM-DD
    Instant,     // YYYY-MM-DDTHH:MM:SSZ
    Integer,     // min/max apply
    Boolean,
    Choice,      // one of choices
    MultiChoice, // array of distinct choices
    RecordRef,   // 32-hex id of another record
    UserRef,     // 32-hex id of a user
    Scores,      // object: each key one of choices, each value an integer in [min, max]
    Restrictions // array of {"kind": one of choices, "person_id"?: id}
};

// Field visibility that depends on another answer: shown (and validated) only when `field`
// has one of `values` (for a multi-choice field: contains one of them; for a boolean: "true" or
// "false"). Empty `values` means: shown when `field` has any non-empty answer.
// A hidden field must be absent or empty.
struct Condition
{
    std::string field;
    std::vector<std::string> values;
};

struct FieldDefinition
{
    std::string name;
    std::string label;
    std::string help;
    FieldType type = FieldType::Text;
    bool required = false;
    std::vector<std::string> choices;
    std::optional<std::int64_t> min;
    std::optional<std::int64_t> max;
    std::size_t maxLength = 200;
    std::optional<Condition> visibleWhen;
    bool narrative = false;       // free text about people: hidden from managers, other authors' hidden from volunteers
    bool specialCategory = false; // sealed at rest on the server and on the phone
};

struct FormDefinition
{
    std::string recordType;
    int version = 1;
    std::string title;
    std::string description;
    std::vector<FieldDefinition> fields;

    const FieldDefinition* field(std::string_view name) const;
};

// All definitions, every version. The built-in registry is parsed from shared/forms/*.json,
// compiled into the library.
// Document format (one or more per registry): {"forms":[FORM...]}, a single FORM, or [FORM...], where
// FORM = {"record_type", "version" (1..1000), "title", "description"?, "fields":[FIELD...]} and
// FIELD = {"name", "label", "type" (fieldTypeName), "help"?, "required"?, "choices"?, "min"?, "max"?,
//          "max_length"?, "visible_when"?: {"field", "values"}, "narrative"?, "special_category"?}.
// Unknown keys are refused so that a misspelt rule never silently stops applying.
class FormRegistry
{
public:
    static const FormRegistry& builtin();
    // Throws std::invalid_argument naming the first problem in the document.
    static FormRegistry fromJson(std::string_view document);

    const FormDefinition* find(std::string_view recordType, int version) const;
    const FormDefinition* current(std::string_view recordType) const; // highest version
    const std::vector<FormDefinition>& all() const { return m_forms; }

    // What GET /v1/forms answers: {"forms":[{record_type, version, title, fields:[...]}, ...]}.
    boost::json::object toJson() const;

private:
    std::vector<FormDefinition> m_forms;
};

// Whether `field` is shown (and so validated and sent) given the other answers: the one reading of
// visible_when, for the validator, the server and the form on the phone alike. A field without a
// condition is always visible. With one: hidden while the other answer is absent, null, "", [] or
// {}; with empty `values`, visible for any other answer (false included); else visible when a text
// answer is one of the values, a boolean's "true"/"false" is, or a list holds one of them. Any other
// kind of answer (a number, an object) hides it.
bool isFieldVisible(const FieldDefinition& field, const boost::json::object& answers);

std::string_view fieldTypeName(FieldType type);
std::optional<FieldType> parseFieldType(std::string_view name);

} // namespace fieldbook
