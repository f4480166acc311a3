#include "controllers/formfieldmodel.h"

#include "jsonbridge.h"
#include "models/casestatus.h"

namespace fieldbook::app {

FormFieldModel::FormFieldModel(QObject* parent) : QAbstractListModel(parent) {}

int FormFieldModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_fields.size());
}

bool FormFieldModel::isShown(const FieldDefinition& field) const
{
    return isFieldVisible(field, m_values);
}

QVariant FormFieldModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const FieldDefinition& field = *m_fields[static_cast<std::size_t>(index.row())];
    const QString name = qs(field.name);
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return qs(field.label);
    case NameRole:
        return name;
    case HelpRole:
        return qs(field.help);
    case TypeRole:
        return qs(std::string(fieldTypeName(field.type)));
    case RequiredRole:
        return field.required;
    case ChoicesRole: {
        QVariantList choices;
        for (const std::string& choice : field.choices) {
            choices << QVariantMap{{QStringLiteral("value"), qs(choice)}, {QStringLiteral("label"), humanise(qs(choice))}};
        }
        return choices;
    }
    case MinimumRole:
        return field.min ? QVariant(static_cast<qlonglong>(*field.min)) : QVariant();
    case MaximumRole:
        return field.max ? QVariant(static_cast<qlonglong>(*field.max)) : QVariant();
    case MaxLengthRole:
        return static_cast<int>(field.maxLength);
    case FieldVisibleRole:
        return isShown(field);
    case ValueRole: {
        const auto* value = m_values.if_contains(field.name);
        return value ? toVariant(*value) : QVariant();
    }
    case ErrorRole:
        return m_errors.value(name);
    case HintRole:
        return m_hints.value(name);
    case OptionsRole:
        return m_options.value(name);
    default:
        return {};
    }
}

QHash<int, QByteArray> FormFieldModel::roleNames() const
{
    return {{NameRole, "name"},         {LabelRole, "label"},         {HelpRole, "help"},
            {TypeRole, "type"},         {RequiredRole, "required"},   {ChoicesRole, "choices"},
            {MinimumRole, "minimum"},   {MaximumRole, "maximum"},     {MaxLengthRole, "maxLength"},
            {FieldVisibleRole, "fieldVisible"}, {ValueRole, "value"}, {ErrorRole, "error"},
            {HintRole, "hint"},         {OptionsRole, "options"}};
}

void FormFieldModel::setForm(const FormDefinition* form, const std::set<std::string>& hidden)
{
    beginResetModel();
    m_fields.clear();
    if (form) {
        for (const FieldDefinition& field : form->fields) {
            if (!hidden.count(field.name)) {
                m_fields.push_back(&field);
            }
        }
    }
    endResetModel();
    emit countChanged();
}

void FormFieldModel::refreshAll()
{
    if (!m_fields.empty()) {
        emit dataChanged(index(0), index(static_cast<int>(m_fields.size()) - 1));
    }
}

void FormFieldModel::setValues(const boost::json::object& values)
{
    // Only the rows whose value or visibility changed are announced: a delegate that is being
    // typed into must not be rebuilt under the person's thumb.
    std::vector<bool> shownBefore;
    for (const FieldDefinition* field : m_fields) {
        shownBefore.push_back(isShown(*field));
    }
    const boost::json::object before = m_values;
    m_values = values;
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        const std::string& name = m_fields[i]->name;
        const auto* a = before.if_contains(name);
        const auto* b = m_values.if_contains(name);
        const bool valueChanged = (a == nullptr) != (b == nullptr) || (a && b && *a != *b);
        if (valueChanged || shownBefore[i] != isShown(*m_fields[i])) {
            const QModelIndex at = index(static_cast<int>(i));
            emit dataChanged(at, at, {ValueRole, FieldVisibleRole});
        }
    }
}

void FormFieldModel::setErrors(const QHash<QString, QString>& errors)
{
    m_errors = errors;
    refreshAll();
}

void FormFieldModel::setHint(const QString& field, const QString& hint)
{
    m_hints.insert(field, hint);
    refreshAll();
}

void FormFieldModel::setOptions(const QString& field, const QVariantList& options)
{
    m_options.insert(field, options);
    refreshAll();
}

} // namespace fieldbook::app
