#include "model/formdefinition.h"

#include "model/builtinforms.h"
#include "sync/limits.h"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <array>
#include <set>
#include <stdexcept>
#include <utility>

namespace fieldbook {

namespace {

constexpr std::array<std::pair<FieldType, std::string_view>, 12> kTypeNames = {{
    {FieldType::Text, "text"},
    {FieldType::LongText, "long_text"},
    {FieldType::Date, "date"},
    {FieldType::Instant, "instant"},
    {FieldType::Integer, "integer"},
    {FieldType::Boolean, "boolean"},
    {FieldType::Choice, "choice"},
    {FieldType::MultiChoice, "multi_choice"},
    {FieldType::RecordRef, "record_ref"},
    {FieldType::UserRef, "user_ref"},
    {FieldType::Scores, "scores"},
    {FieldType::Restrictions, "restrictions"},
}};

constexpr int kMaxVersion = 1000;
constexpr std::size_t kMaxNameLength = 64;

bool isName(std::string_view text)
{
    if (text.empty() || text.size() > kMaxNameLength || !(text[0] >= 'a' && text[0] <= 'z')) {
        return false;
    }
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

bool needsChoices(FieldType type)
{
    return type == FieldType::Choice || type == FieldType::MultiChoice || type == FieldType::Scores
        || type == FieldType::Restrictions;
}

// Names where the parse went wrong: "forms[3] (session_report v2): fields[4] (duration_minutes)".
class Where
{
public:
    explicit Where(std::string text) : m_text(std::move(text)) {}
    [[noreturn]] void fail(const std::string& problem) const { throw std::invalid_argument(m_text + ": " + problem); }
    Where at(const std::string& more) const { return Where(m_text + ": " + more); }

private:
    std::string m_text;
};

void refuseUnknownKeys(const boost::json::object& object, std::initializer_list<std::string_view> known,
                       const Where& where)
{
    for (const auto& entry : object) {
        if (std::find(known.begin(), known.end(), entry.key()) == known.end()) {
            where.fail("unknown key \"" + std::string(entry.key()) + "\"");
        }
    }
}

std::string requireString(const boost::json::object& object, std::string_view key, const Where& where,
                          bool required = true)
{
    const auto* value = object.if_contains(key);
    if (value == nullptr) {
        if (required) {
            where.fail("\"" + std::string(key) + "\" is missing");
        }
        return {};
    }
    if (!value->is_string()) {
        where.fail("\"" + std::string(key) + "\" must be a string");
    }
    return std::string(value->get_string());
}

bool optionalBool(const boost::json::object& object, std::string_view key, const Where& where)
{
    const auto* value = object.if_contains(key);
    if (value == nullptr) {
        return false;
    }
    if (!value->is_bool()) {
        where.fail("\"" + std::string(key) + "\" must be true or false");
    }
    return value->get_bool();
}

std::optional<std::int64_t> optionalInteger(const boost::json::object& object, std::string_view key,
                                            const Where& where)
{
    const auto* value = object.if_contains(key);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (value->is_int64()) {
        return value->get_int64();
    }
    if (value->is_uint64() && value->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
        return static_cast<std::int64_t>(value->get_uint64());
    }
    where.fail("\"" + std::string(key) + "\" must be an integer");
}

std::vector<std::string> stringList(const boost::json::value& value, std::string_view key, const Where& where)
{
    if (!value.is_array()) {
        where.fail("\"" + std::string(key) + "\" must be an array of strings");
    }
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const auto& item : value.get_array()) {
        if (!item.is_string() || item.get_string().empty()) {
            where.fail("\"" + std::string(key) + "\" must hold non-empty strings");
        }
        std::string text(item.get_string());
        if (!seen.insert(text).second) {
            where.fail("\"" + std::string(key) + "\" lists \"" + text + "\" twice");
        }
        out.push_back(std::move(text));
    }
    return out;
}

FieldDefinition parseField(const boost::json::value& value, const Where& where)
{
    if (!value.is_object()) {
        where.fail("a field must be an object");
    }
    const auto& object = value.get_object();
    refuseUnknownKeys(object,
                      {"name", "label", "help", "type", "required", "choices", "min", "max", "max_length",
                       "visible_when", "narrative", "special_category"},
                      where);
    FieldDefinition field;
    field.name = requireString(object, "name", where);
    if (!isName(field.name)) {
        where.fail("name \"" + field.name + "\" must be lowercase letters, digits and _ (at most 64)");
    }
    const Where here = where.at("(" + field.name + ")");
    field.label = requireString(object, "label", here);
    if (field.label.empty()) {
        here.fail("\"label\" is empty");
    }
    field.help = requireString(object, "help", here, false);
    const std::string typeName = requireString(object, "type", here);
    const auto type = parseFieldType(typeName);
    if (!type) {
        here.fail("unknown type \"" + typeName + "\"");
    }
    field.type = *type;
    field.required = optionalBool(object, "required", here);
    field.narrative = optionalBool(object, "narrative", here);
    field.specialCategory = optionalBool(object, "special_category", here);
    if (const auto* choices = object.if_contains("choices")) {
        field.choices = stringList(*choices, "choices", here);
    }
    if (needsChoices(field.type) && field.choices.empty()) {
        here.fail("type " + typeName + " needs a non-empty \"choices\"");
    }
    if (!needsChoices(field.type) && !field.choices.empty()) {
        here.fail("\"choices\" apply only to choice, multi_choice, scores and restrictions");
    }
    field.min = optionalInteger(object, "min", here);
    field.max = optionalInteger(object, "max", here);
    if ((field.min || field.max) && field.type != FieldType::Integer && field.type != FieldType::Scores) {
        here.fail("\"min\"/\"max\" apply only to integer and scores");
    }
    if (field.min && field.max && *field.min > *field.max) {
        here.fail("min " + std::to_string(*field.min) + " is greater than max " + std::to_string(*field.max));
    }
    if (const auto maxLength = optionalInteger(object, "max_length", here)) {
        if (field.type != FieldType::Text && field.type != FieldType::LongText) {
            here.fail("\"max_length\" applies only to text and long_text");
        }
        if (*maxLength < 1 || static_cast<std::size_t>(*maxLength) > limits::kMaxStringBytes) {
            here.fail("\"max_length\" must be 1.." + std::to_string(limits::kMaxStringBytes));
        }
        field.maxLength = static_cast<std::size_t>(*maxLength);
    }
    if (const auto* condition = object.if_contains("visible_when")) {
        if (!condition->is_object()) {
            here.fail("\"visible_when\" must be an object {\"field\", \"values\"}");
        }
        const Where inCondition = here.at("visible_when");
        refuseUnknownKeys(condition->get_object(), {"field", "values"}, inCondition);
        Condition parsed;
        parsed.field = requireString(condition->get_object(), "field", inCondition);
        if (const auto* values = condition->get_object().if_contains("values")) {
            parsed.values = stringList(*values, "values", inCondition);
        }
        field.visibleWhen = std::move(parsed);
    }
    return field;
}

// Conditions are checked once every field is known: they must name an earlier field of a type
// that can be compared, and values that field can hold, so that no field is hidden for ever.
void checkConditions(const FormDefinition& form, const Where& where)
{
    for (std::size_t i = 0; i < form.fields.size(); ++i) {
        const auto& field = form.fields[i];
        if (!field.visibleWhen) {
            continue;
        }
        const Where here = where.at("fields[" + std::to_string(i) + "] (" + field.name + "): visible_when");
        const auto& condition = *field.visibleWhen;
        const auto it = std::find_if(form.fields.begin(), form.fields.begin() + static_cast<std::ptrdiff_t>(i),
                                     [&](const FieldDefinition& f) { return f.name == condition.field; });
        if (it == form.fields.begin() + static_cast<std::ptrdiff_t>(i)) {
            here.fail("\"" + condition.field + "\" is not an earlier field of this form");
        }
        if (it->visibleWhen) {
            here.fail("\"" + condition.field + "\" is itself conditional; conditions do not chain");
        }
        for (const auto& value : condition.values) {
            if (it->type == FieldType::Choice || it->type == FieldType::MultiChoice) {
                if (std::find(it->choices.begin(), it->choices.end(), value) == it->choices.end()) {
                    here.fail("\"" + value + "\" is not a choice of \"" + condition.field + "\"");
                }
            } else if (it->type == FieldType::Boolean) {
                if (value != "true" && value != "false") {
                    here.fail("a boolean condition takes \"true\" or \"false\"");
                }
            } else {
                here.fail("values can only be compared with a choice, multi_choice or boolean field");
            }
        }
    }
}

FormDefinition parseForm(const boost::json::value& value, const Where& where)
{
    if (!value.is_object()) {
        where.fail("a form must be an object");
    }
    const auto& object = value.get_object();
    FormDefinition form;
    form.recordType = requireString(object, "record_type", where);
    if (!isName(form.recordType)) {
        where.fail("record_type \"" + form.recordType + "\" must be lowercase letters, digits and _");
    }
    const auto version = optionalInteger(object, "version", where);
    if (!version) {
        where.fail("\"version\" is missing");
    }
    if (*version < 1 || *version > kMaxVersion) {
        where.fail("version must be 1.." + std::to_string(kMaxVersion));
    }
    form.version = static_cast<int>(*version);
    const Where here = where.at("(" + form.recordType + " v" + std::to_string(form.version) + ")");
    refuseUnknownKeys(object, {"record_type", "version", "title", "description", "fields"}, here);
    form.title = requireString(object, "title", here);
    if (form.title.empty()) {
        here.fail("\"title\" is empty");
    }
    form.description = requireString(object, "description", here, false);
    const auto* fields = object.if_contains("fields");
    if (fields == nullptr || !fields->is_array() || fields->get_array().empty()) {
        here.fail("\"fields\" must be a non-empty array");
    }
    if (fields->get_array().size() > limits::kMaxFieldsPerRecord) {
        here.fail("more than " + std::to_string(limits::kMaxFieldsPerRecord) + " fields");
    }
    std::set<std::string> names;
    std::size_t index = 0;
    for (const auto& item : fields->get_array()) {
        FieldDefinition field = parseField(item, here.at("fields[" + std::to_string(index) + "]"));
        if (!names.insert(field.name).second) {
            here.fail("field \"" + field.name + "\" is defined twice");
        }
        form.fields.push_back(std::move(field));
        ++index;
    }
    checkConditions(form, here);
    return form;
}

void addForms(std::vector<FormDefinition>& forms, const boost::json::value& document, const std::string& origin)
{
    const boost::json::array* list = nullptr;
    if (document.is_array()) {
        list = &document.get_array();
    } else if (document.is_object() && document.get_object().contains("forms")) {
        const auto& object = document.get_object();
        refuseUnknownKeys(object, {"forms"}, Where(origin));
        if (!object.at("forms").is_array()) {
            Where(origin).fail("\"forms\" must be an array");
        }
        list = &object.at("forms").get_array();
    } else if (document.is_object()) {
        forms.push_back(parseForm(document, Where(origin)));
        return;
    } else {
        Where(origin).fail("the document must be an object or an array of forms");
    }
    std::size_t index = 0;
    for (const auto& item : *list) {
        forms.push_back(parseForm(item, Where(origin + ": forms[" + std::to_string(index) + "]")));
        ++index;
    }
}

void checkUnique(const std::vector<FormDefinition>& forms)
{
    std::set<std::pair<std::string, int>> seen;
    for (const auto& form : forms) {
        if (!seen.insert({form.recordType, form.version}).second) {
            throw std::invalid_argument(form.recordType + " version " + std::to_string(form.version)
                                        + " is defined twice");
        }
    }
}

boost::json::value parseDocument(std::string_view document, const std::string& origin)
{
    boost::system::error_code ec;
    boost::json::value value = boost::json::parse(document, ec);
    if (ec) {
        throw std::invalid_argument(origin + ": not valid JSON: " + ec.message());
    }
    return value;
}

} // namespace

const FieldDefinition* FormDefinition::field(std::string_view name) const
{
    for (const auto& f : fields) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

const FormRegistry& FormRegistry::builtin()
{
    // Parsed once, on first use; a broken built-in document is a build defect, reported loudly.
    static const FormRegistry registry = [] {
        FormRegistry out;
        for (const auto& document : detail::builtinFormDocuments()) {
            const std::string origin(document.fileName);
            addForms(out.m_forms, parseDocument(document.text, origin), origin);
        }
        checkUnique(out.m_forms);
        return out;
    }();
    return registry;
}

FormRegistry FormRegistry::fromJson(std::string_view document)
{
    FormRegistry out;
    addForms(out.m_forms, parseDocument(document, "document"), "document");
    checkUnique(out.m_forms);
    return out;
}

const FormDefinition* FormRegistry::find(std::string_view recordType, int version) const
{
    for (const auto& form : m_forms) {
        if (form.recordType == recordType && form.version == version) {
            return &form;
        }
    }
    return nullptr;
}

const FormDefinition* FormRegistry::current(std::string_view recordType) const
{
    const FormDefinition* best = nullptr;
    for (const auto& form : m_forms) {
        if (form.recordType == recordType && (best == nullptr || form.version > best->version)) {
            best = &form;
        }
    }
    return best;
}

boost::json::object FormRegistry::toJson() const
{
    boost::json::array forms;
    for (const auto& form : m_forms) {
        boost::json::array fields;
        for (const auto& field : form.fields) {
            boost::json::object f;
            f["name"] = field.name;
            f["label"] = field.label;
            if (!field.help.empty()) {
                f["help"] = field.help;
            }
            f["type"] = fieldTypeName(field.type);
            f["required"] = field.required;
            if (!field.choices.empty()) {
                boost::json::array choices;
                for (const auto& choice : field.choices) {
                    choices.emplace_back(choice);
                }
                f["choices"] = std::move(choices);
            }
            if (field.min) {
                f["min"] = *field.min;
            }
            if (field.max) {
                f["max"] = *field.max;
            }
            if (field.type == FieldType::Text || field.type == FieldType::LongText) {
                f["max_length"] = field.maxLength;
            }
            if (field.visibleWhen) {
                boost::json::array values;
                for (const auto& value : field.visibleWhen->values) {
                    values.emplace_back(value);
                }
                f["visible_when"] = {{"field", field.visibleWhen->field}, {"values", std::move(values)}};
            }
            f["narrative"] = field.narrative;
            f["special_category"] = field.specialCategory;
            fields.emplace_back(std::move(f));
        }
        boost::json::object f;
        f["record_type"] = form.recordType;
        f["version"] = form.version;
        f["title"] = form.title;
        f["description"] = form.description;
        f["fields"] = std::move(fields);
        forms.emplace_back(std::move(f));
    }
    return {{"forms", std::move(forms)}};
}

bool isFieldVisible(const FieldDefinition& field, const boost::json::object& answers)
{
    if (!field.visibleWhen) {
        return true;
    }
    const Condition& condition = *field.visibleWhen;
    const boost::json::value* answer = answers.if_contains(condition.field);
    const bool empty = answer == nullptr || answer->is_null() || (answer->is_string() && answer->get_string().empty())
        || (answer->is_array() && answer->get_array().empty()) || (answer->is_object() && answer->get_object().empty());
    if (empty) {
        return false;
    }
    if (condition.values.empty()) {
        return true;
    }
    const auto listed = [&condition](std::string_view value) {
        return std::find(condition.values.begin(), condition.values.end(), value) != condition.values.end();
    };
    if (answer->is_string()) {
        return listed(answer->get_string());
    }
    if (answer->is_bool()) {
        return listed(answer->get_bool() ? "true" : "false");
    }
    if (answer->is_array()) {
        const auto& items = answer->get_array();
        return std::any_of(items.begin(), items.end(),
                           [&](const boost::json::value& item) { return item.is_string() && listed(item.get_string()); });
    }
    return false;
}

std::string_view fieldTypeName(FieldType type)
{
    for (const auto& [candidate, name] : kTypeNames) {
        if (candidate == type) {
            return name;
        }
    }
    return {};
}

std::optional<FieldType> parseFieldType(std::string_view name)
{
    for (const auto& [type, text] : kTypeNames) {
        if (text == name) {
            return type;
        }
    }
    return std::nullopt;
}

} // namespace fieldbook
