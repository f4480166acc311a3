// One form being filled in, rendered from the core's form definition: values as the person types
// (saved as a sealed draft at once, so a kill loses nothing), the core validator's messages per
// field, the core's gates checked before a contact, a welfare grant request or a match activation,
// and saving as one local change (record and outbox in one transaction). Safeguarding reports are never blocked and are pushed first.
// Set recordType (and caseId / personId where there is a case) from QML; set recordId as well to
// edit a mutable record this phone holds: the form opens with its answers, and saving sends only
// the answers that changed, under the same record id, for the core's field-wise merge.
// GUI thread only.
#pragma once

#include "controllers/formfieldmodel.h"

#include <boost/json/object.hpp>

#include <QObject>
#include <QString>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace fieldbook {
struct FormDefinition;
}

namespace fieldbook::app {

class AppController;

class FormController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString recordType READ recordType WRITE setRecordType NOTIFY contextChanged)
    Q_PROPERTY(QString caseId READ caseId WRITE setCaseId NOTIFY contextChanged)
    Q_PROPERTY(QString personId READ personId WRITE setPersonId NOTIFY contextChanged)
    Q_PROPERTY(QVariantMap presets READ presets WRITE setPresets NOTIFY contextChanged)
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY contextChanged)
    Q_PROPERTY(bool editing READ editing NOTIFY formChanged)
    Q_PROPERTY(QString title READ title NOTIFY formChanged)
    Q_PROPERTY(QString description READ description NOTIFY formChanged)
    Q_PROPERTY(bool valid READ valid NOTIFY formChanged)
    Q_PROPERTY(fieldbook::app::FormFieldModel* fields READ fields CONSTANT)
    Q_PROPERTY(QString errorSummary READ errorSummary NOTIFY checked)
    Q_PROPERTY(bool gateApplies READ gateApplies NOTIFY checked)
    Q_PROPERTY(bool gateCleared READ gateCleared NOTIFY checked)
    Q_PROPERTY(QString gateText READ gateText NOTIFY checked)
    // The server would refuse (not hold) this record as it stands: a welfare grant the core finds
    // ineligible, a match activation the gates do not clear.
    Q_PROPERTY(bool gateRefuses READ gateRefuses NOTIFY checked)
    Q_PROPERTY(QString prompt READ prompt NOTIFY checked)
    Q_PROPERTY(bool hasDraft READ hasDraft NOTIFY formChanged)

public:
    explicit FormController(QObject* parent = nullptr);

    QString recordType() const { return m_recordType; }
    void setRecordType(const QString& type);
    QString caseId() const { return m_caseId; }
    void setCaseId(const QString& caseId);
    QString personId() const { return m_personId; }
    void setPersonId(const QString& personId);
    QVariantMap presets() const { return m_presets; }
    void setPresets(const QVariantMap& presets);
    QString recordId() const { return m_recordId; }
    void setRecordId(const QString& recordId);
    bool editing() const { return m_original.has_value(); }

    QString title() const { return m_title; }
    QString description() const { return m_description; }
    bool valid() const { return m_form != nullptr; }
    FormFieldModel* fields() const { return m_fields; }
    QString errorSummary() const { return m_errorSummary; }
    bool gateApplies() const { return m_gateApplies; }
    bool gateCleared() const { return m_gateCleared; }
    QString gateText() const { return m_gateText; }
    bool gateRefuses() const { return m_gateRefuses; }
    QString prompt() const { return m_prompt; }
    bool hasDraft() const { return m_hasDraft; }

    Q_INVOKABLE QVariant value(const QString& field) const;
    // Sets one answer (converted to the field's type; "" or null clears it) and saves the draft.
    Q_INVOKABLE void setValue(const QString& field, const QVariant& value);
    // Validates with the core validator; true when nothing needs fixing.
    Q_INVOKABLE bool check();
    // Saves the record and queues it for the server. Refuses (false) when the validator finds a
    // problem, or when the gates are not cleared and `acknowledgeGate` is false (the person is
    // asked first; a record made anyway is kept and held for review by the server).
    Q_INVOKABLE bool submit(bool acknowledgeGate = false);
    Q_INVOKABLE void discardDraft();

    // The answers as they would be sent (hidden and empty fields left out).
    boost::json::object answers() const;
    // What saving sends: every answer for a new record; for an edit only the answers that differ
    // from the record as it stood when the form opened.
    boost::json::object changedAnswers() const;

signals:
    void contextChanged();
    void formChanged();
    void checked();
    void saved(const QString& recordId);

private:
    void load();
    void applyDefaults();
    void applyPresets();
    void computeHints();
    void checkGate();
    std::string draftKey() const;
    void saveDraft();

    AppController* m_app;
    FormFieldModel* m_fields;
    const FormDefinition* m_form = nullptr;
    QString m_recordType;
    QString m_caseId;
    QString m_personId;
    QVariantMap m_presets;
    QString m_recordId;
    std::optional<boost::json::object> m_original; // the edited record's fields when the form opened
    QString m_title;
    QString m_description;
    boost::json::object m_values;
    QString m_errorSummary;
    bool m_showErrors = false;
    bool m_gateApplies = false;
    bool m_gateCleared = true;
    bool m_gateRefuses = false;
    QString m_gateText;
    QString m_prompt;
    bool m_hasDraft = false;
};

} // namespace fieldbook::app
