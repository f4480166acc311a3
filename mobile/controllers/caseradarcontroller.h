// One case's RADAR as its page draws it: the first start against the last exit (the core's
// radarPairOf()), domain by domain, from the records on this phone. Set `caseId` from QML.
// GUI thread only.
#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace fieldbook::app {

class AppController;

class CaseRadarController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString caseId READ caseId WRITE setCaseId NOTIFY caseIdChanged)
    // [{key, label, start, exit}]: 0 where that RADAR is missing or left the domain unscored.
    Q_PROPERTY(QVariantList domains READ domains NOTIFY changed)
    Q_PROPERTY(bool hasStart READ hasStart NOTIFY changed)
    Q_PROPERTY(bool hasExit READ hasExit NOTIFY changed)

public:
    explicit CaseRadarController(QObject* parent = nullptr);

    QString caseId() const { return m_caseId; }
    void setCaseId(const QString& caseId);
    QVariantList domains() const { return m_domains; }
    bool hasStart() const { return m_hasStart; }
    bool hasExit() const { return m_hasExit; }

    Q_INVOKABLE void reload();

signals:
    void caseIdChanged();
    void changed();

private:
    AppController* m_app;
    QString m_caseId;
    QVariantList m_domains;
    bool m_hasStart = false;
    bool m_hasExit = false;
};

} // namespace fieldbook::app
