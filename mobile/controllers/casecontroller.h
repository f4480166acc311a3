// One case as its page shows it: who it is about, whether contact is cleared (in plain words),
// what is due, its history, and the forms this user may fill in on it. Set `caseId` from QML.
// GUI thread only.
#pragma once

#include "models/historymodel.h"

#include <QObject>
#include <QString>
#include <QVariantList>

#include <string>
#include <QtQml/qqmlregistration.h>

namespace fieldbook {
struct User;
}

namespace fieldbook::app {

class AppController;
class LocalStore;

class CaseController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString caseId READ caseId WRITE setCaseId NOTIFY caseIdChanged)
    Q_PROPERTY(QString personId READ personId NOTIFY changed)
    Q_PROPERTY(QString personName READ personName NOTIFY changed)
    Q_PROPERTY(QString details READ details NOTIFY changed)
    Q_PROPERTY(bool known READ known NOTIFY changed)
    Q_PROPERTY(bool cleared READ cleared NOTIFY changed)
    Q_PROPERTY(QString clearanceText READ clearanceText NOTIFY changed)
    Q_PROPERTY(QStringList dueItems READ dueItems NOTIFY changed)
    // How many of dueItems the core paused because contact is not cleared.
    Q_PROPERTY(int pausedCount READ pausedCount NOTIFY changed)
    Q_PROPERTY(QVariantList forms READ forms NOTIFY changed)
    Q_PROPERTY(fieldbook::app::HistoryModel* history READ history CONSTANT)
    // [{recordType, recordId, title, summary}] for the case page's sections; each opens its record.
    Q_PROPERTY(QVariantList consents READ consents NOTIFY changed)
    Q_PROPERTY(QVariantList checks READ checks NOTIFY changed)
    Q_PROPERTY(QVariantList relationships READ relationships NOTIFY changed)
    Q_PROPERTY(QVariantList matches READ matches NOTIFY changed)
    // A mentoring case: its page offers the release timeline (ReleaseTimelinePage).
    Q_PROPERTY(bool hasReleaseTimeline READ hasReleaseTimeline NOTIFY changed)

public:
    explicit CaseController(QObject* parent = nullptr);

    QString caseId() const { return m_caseId; }
    void setCaseId(const QString& caseId);
    QString personId() const { return m_personId; }
    QString personName() const { return m_personName; }
    QString details() const { return m_details; }
    bool known() const { return m_known; }
    bool cleared() const { return m_cleared; }
    QString clearanceText() const { return m_clearanceText; }
    QStringList dueItems() const { return m_dueItems; }
    int pausedCount() const { return m_pausedCount; }
    QVariantList forms() const { return m_forms; }
    HistoryModel* history() const { return m_history; }
    QVariantList consents() const { return m_consents; }
    QVariantList checks() const { return m_checks; }
    QVariantList relationships() const { return m_relationships; }
    QVariantList matches() const { return m_matches; }
    bool hasReleaseTimeline() const { return m_hasReleaseTimeline; }

    Q_INVOKABLE void reload();

signals:
    void caseIdChanged();
    void changed();

private:
    void loadRecords(const LocalStore& store, const User& me, const std::string& caseId, const std::string& personId);

    AppController* m_app;
    HistoryModel* m_history;
    QString m_caseId;
    QString m_personId;
    QString m_personName;
    QString m_details;
    bool m_known = false;
    bool m_cleared = false;
    QString m_clearanceText;
    QStringList m_dueItems;
    int m_pausedCount = 0;
    QVariantList m_forms;
    QVariantList m_consents;
    QVariantList m_checks;
    QVariantList m_relationships;
    QVariantList m_matches;
    bool m_hasReleaseTimeline = false;
};

} // namespace fieldbook::app
