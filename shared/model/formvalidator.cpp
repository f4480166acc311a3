#include "model/formvalidator.h"

#include "model/dates.h"
#include "model/ids.h"

#include <algorithm>
#include <set>

namespace fieldbook {

namespace {

bool isEmpty(const boost::json::value* value)
{
    if (value == nullptr || value->is_null()) {
        return true;
    }
    if (value->is_string()) {
        return value->get_string().empty();
    }
    if (value->is_array()) {
        return value->get_array().empty();
    }
    if (value->is_object()) {
        return value->get_object().empty();
    }
    return false;
}

std::string label(const FieldDefinition& field)
{
    return field.label.empty() ? field.name : field.label;
}

bool contains(const std::vector<std::string>& list, std::string_view value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::string listed(const std::vector<std::string>& choices)
{
    std::string out;
    for (const auto& choice : choices) {
        if (!out.empty()) {
            out += ", ";
        }
        out += choice;
    }
    return out;
}

// Characters, not bytes: a limit of 100 means 100 letters in any script. Invalid UTF-8 never gets
// here (the JSON parser refuses it).
std::size_t characters(std::string_view text)
{
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xc0) != 0x80; }));
}

bool hasControl(std::string_view text, bool allowLineBreaks)
{
    return std::any_of(text.begin(), text.end(), [&](char c) {
        const auto u = static_cast<unsigned char>(c);
        if (allowLineBreaks && (c == '\n' || c == '\r' || c == '\t')) {
            return false;
        }
        return u < 0x20 || u == 0x7f;
    });
}

std::optional<std::int64_t> asInteger(const boost::json::value& value)
{
    if (value.is_int64()) {
        return value.get_int64();
    }
    if (value.is_uint64() && value.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
        return static_cast<std::int64_t>(value.get_uint64());
    }
    return std::nullopt;
}

class Checker
{
public:
    explicit Checker(std::vector<ValidationError>& errors) : m_errors(errors) {}

    void add(const FieldDefinition& field, std::string rule, std::string message)
    {
        m_errors.push_back({field.name, std::move(rule), std::move(message)});
    }

    void check(const FieldDefinition& field, const boost::json::value& value)
    {
        const std::string name = label(field);
        switch (field.type) {
        case FieldType::Text:
        case FieldType::LongText:
            if (!value.is_string()) {
                add(field, "type", name + " must be text.");
            } else if (characters(value.get_string()) > field.maxLength) {
                add(field, "max_length",
                    name + " must be at most " + std::to_string(field.maxLength) + " characters.");
            } else if (hasControl(value.get_string(), field.type == FieldType::LongText)) {
                add(field, "format", name + " must not contain control characters"
                                         + std::string(field.type == FieldType::Text ? " or line breaks." : "."));
            }
            break;
        case FieldType::Date:
            if (!value.is_string()) {
                add(field, "type", name + " must be a date (YYYY-MM-DD).");
            } else if (!Date::parse(value.get_string())) {
                add(field, "format", name + " must be a real date written YYYY-MM-DD.");
            }
            break;
        case FieldType::Instant:
            if (!value.is_string()) {
                add(field, "type", name + " must be a date and time (YYYY-MM-DDTHH:MM:SSZ).");
            } else if (!isInstant(value.get_string())) {
                add(field, "format", name + " must be a real UTC date and time written YYYY-MM-DDTHH:MM:SSZ.");
            }
            break;
        case FieldType::Integer: {
            const auto number = asInteger(value);
            if (!number) {
                add(field, "type", name + " must be a whole number.");
            } else {
                checkRange(field, *number, name);
            }
            break;
        }
        case FieldType::Boolean:
            if (!value.is_bool()) {
                add(field, "type", name + " must be yes or no (true or false).");
            }
            break;
        case FieldType::Choice:
            if (!value.is_string()) {
                add(field, "type", name + " must be one of: " + listed(field.choices) + ".");
            } else if (!contains(field.choices, value.get_string())) {
                add(field, "choice", name + " must be one of: " + listed(field.choices) + ".");
            }
            break;
        case FieldType::MultiChoice:
            checkMultiChoice(field, value, name);
            break;
        case FieldType::RecordRef:
        case FieldType::UserRef:
            if (!value.is_string()) {
                add(field, "type", name + " must be an id.");
            } else if (!isId(value.get_string())) {
                add(field, "format", name + " must be an id of 32 lowercase hex characters.");
            }
            break;
        case FieldType::Scores:
            checkScores(field, value, name);
            break;
        case FieldType::Restrictions:
            checkRestrictions(field, value, name);
            break;
        }
    }

private:
    void checkRange(const FieldDefinition& field, std::int64_t number, const std::string& name)
    {
        if (field.min && number < *field.min) {
            add(field, "min", name + " must be at least " + std::to_string(*field.min) + ".");
        } else if (field.max && number > *field.max) {
            add(field, "max", name + " must be at most " + std::to_string(*field.max) + ".");
        }
    }

    void checkMultiChoice(const FieldDefinition& field, const boost::json::value& value, const std::string& name)
    {
        if (!value.is_array()) {
            add(field, "type", name + " must be a list of: " + listed(field.choices) + ".");
            return;
        }
        std::set<std::string_view> seen;
        for (const auto& item : value.get_array()) {
            if (!item.is_string()) {
                add(field, "type", name + " must be a list of: " + listed(field.choices) + ".");
                return;
            }
            if (!contains(field.choices, item.get_string())) {
                add(field, "choice", name + ": \"" + std::string(item.get_string()) + "\" is not one of: "
                                         + listed(field.choices) + ".");
                return;
            }
            if (!seen.insert(item.get_string()).second) {
                add(field, "choice", name + " lists \"" + std::string(item.get_string()) + "\" twice.");
                return;
            }
        }
    }

    void checkScores(const FieldDefinition& field, const boost::json::value& value, const std::string& name)
    {
        if (!value.is_object()) {
            add(field, "type", name + " must give a score for each of: " + listed(field.choices) + ".");
            return;
        }
        for (const auto& entry : value.get_object()) {
            if (!contains(field.choices, entry.key())) {
                add(field, "choice", name + ": \"" + std::string(entry.key()) + "\" is not one of: "
                                         + listed(field.choices) + ".");
                return;
            }
            const auto number = asInteger(entry.value());
            if (!number) {
                add(field, "type", name + ": the score for " + std::string(entry.key()) + " must be a whole number.");
                return;
            }
            if ((field.min && *number < *field.min) || (field.max && *number > *field.max)) {
                add(field, *number < field.min.value_or(*number) ? "min" : "max",
                    name + ": the score for " + std::string(entry.key()) + " must be from "
                        + std::to_string(field.min.value_or(0)) + " to " + std::to_string(field.max.value_or(0)) + ".");
                return;
            }
        }
        if (field.required) {
            for (const auto& choice : field.choices) {
                if (!value.get_object().contains(choice)) {
                    add(field, "required", name + ": give a score for " + choice + ".");
                    return;
                }
            }
        }
    }

    // A restriction that protects one person must say who: a named-person restriction without a
    // person would cover nobody and open the gate it is meant to shut.
    void checkRestrictions(const FieldDefinition& field, const boost::json::value& value, const std::string& name)
    {
        if (!value.is_array()) {
            add(field, "type", name + " must be a list of restrictions.");
            return;
        }
        for (const auto& item : value.get_array()) {
            if (!item.is_object()) {
                add(field, "type", name + ": each restriction must be an object with a kind.");
                return;
            }
            const auto& object = item.get_object();
            for (const auto& entry : object) {
                if (entry.key() != "kind" && entry.key() != "person_id") {
                    add(field, "unknown_field", name + ": a restriction has only kind and person_id, not \""
                                                    + std::string(entry.key()) + "\".");
                    return;
                }
            }
            const auto* kind = object.if_contains("kind");
            if (kind == nullptr || !kind->is_string() || !contains(field.choices, kind->get_string())) {
                add(field, "choice", name + ": each restriction's kind must be one of: " + listed(field.choices) + ".");
                return;
            }
            const auto* person = object.if_contains("person_id");
            if (person != nullptr && !(person->is_string() && isId(person->get_string()))) {
                add(field, "format", name + ": person_id must be an id of 32 lowercase hex characters.");
                return;
            }
            if (kind->get_string() == "named_person" && person == nullptr) {
                add(field, "required", name + ": a named_person restriction must name the person (person_id).");
                return;
            }
        }
    }

    std::vector<ValidationError>& m_errors;
};

} // namespace

std::vector<ValidationError> validate(const FormDefinition& form, const boost::json::object& fields)
{
    std::vector<ValidationError> errors;
    Checker checker(errors);
    for (const auto& field : form.fields) {
        const auto* value = fields.if_contains(field.name);
        if (!isFieldVisible(field, fields)) {
            if (!isEmpty(value)) {
                checker.add(field, "hidden",
                            label(field) + " does not apply here (it is asked only when "
                                + field.visibleWhen->field + " is "
                                + (field.visibleWhen->values.empty() ? std::string("given")
                                                                     : listed(field.visibleWhen->values))
                                + "): leave it empty.");
            }
            continue;
        }
        const bool absent = value == nullptr || value->is_null() || (value->is_string() && value->get_string().empty())
            || (field.type == FieldType::MultiChoice && value->is_array() && value->get_array().empty())
            || (field.type == FieldType::Restrictions && value->is_array() && value->get_array().empty());
        if (absent) {
            if (field.required) {
                checker.add(field, "required", label(field) + " is required.");
            }
            continue;
        }
        checker.check(field, *value);
    }
    for (const auto& entry : fields) {
        if (form.field(entry.key()) == nullptr) {
            errors.push_back({std::string(entry.key()), "unknown_field",
                              "\"" + std::string(entry.key()) + "\" is not a field of " + form.title + " (version "
                                  + std::to_string(form.version) + ")."});
        }
    }
    return errors;
}

} // namespace fieldbook
