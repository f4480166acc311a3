// The alerts the server sent this person (derived `alert` records): a record held back, a held
// record released, a safeguarding officer's break-the-glass on a case. Each row says which record,
// why it was held and what to do next, newest first; with `caseId` set, only that case's alerts.
// Reloads whenever the app's data changes. GUI thread only.
#pragma once

#include "models/rowlistmodel.h"

#include <QString>
#include <QtQml/qqmlregistration.h>

namespace fieldbook::app {

class LocalStore;

class AlertListModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString caseId READ caseId WRITE setCaseId NOTIFY caseIdChanged)
    Q_PROPERTY(int heldCount READ heldCount NOTIFY countChanged)

public:
    // Roles: alertId, kind (held, released, break_glass), title, recordType, recordId, caseId,
    // changeId, reason, why, nextStep, when, resolved (the held record has since been released).
    explicit AlertListModel(QObject* parent = nullptr);

    QString caseId() const { return m_caseId; }
    void setCaseId(const QString& caseId);
    int heldCount() const { return m_held; }

    Q_INVOKABLE void reload();
    void reloadFrom(const LocalStore& store);

    // Why a record was held, in plain words, from the contract's reason code.
    static QString heldWhy(const QString& reason);
    // What the case's practitioner can do next about an alert.
    static QString nextStep(const QString& kind, const QString& reason, bool resolved);

signals:
    void caseIdChanged();

private:
    QString m_caseId;
    int m_held = 0;
};

} // namespace fieldbook::app
