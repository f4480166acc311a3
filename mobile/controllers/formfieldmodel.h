// The fields of one form definition as rows for the form renderer: what each field is (type,
// label, help, choices, range), whether it is shown now (its visible_when answer), its value and
// the validator's message for it. One delegate per field type in QML reads these roles.
// GUI thread only.
#pragma once

#include "model/formdefinition.h"

#include <boost/json/object.hpp>

#include <QAbstractListModel>
#include <QHash>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <set>
#include <string>
#include <vector>

namespace fieldbook::app {

class FormFieldModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Fields belong to a FormController")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        LabelRole,
        HelpRole,
        TypeRole, // the definition's type name: text, long_text, date, instant, integer, boolean, ...
        RequiredRole,
        ChoicesRole, // [{value, label}]
        MinimumRole,
        MaximumRole,
        MaxLengthRole,
        FieldVisibleRole,
        ValueRole,
        ErrorRole,
        HintRole, // extra guidance computed for this person (e.g. session length by age)
        OptionsRole // record_ref / user_ref candidates: [{value, label}]
    };

    explicit FormFieldModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return static_cast<int>(m_fields.size()); }

    // `hidden`: fields the context fills in (case_id, person_id) and so are not shown.
    void setForm(const FormDefinition* form, const std::set<std::string>& hidden);
    void setValues(const boost::json::object& values);
    void setErrors(const QHash<QString, QString>& errors);
    void setHint(const QString& field, const QString& hint);
    void setOptions(const QString& field, const QVariantList& options);
    // The core's isFieldVisible over the current answers: never decided here.
    bool isShown(const FieldDefinition& field) const;
    const std::vector<const FieldDefinition*>& fields() const { return m_fields; }

signals:
    void countChanged();

private:
    void refreshAll();

    std::vector<const FieldDefinition*> m_fields;
    boost::json::object m_values;
    QHash<QString, QString> m_errors;
    QHash<QString, QString> m_hints;
    QHash<QString, QVariantList> m_options;
};

} // namespace fieldbook::app
