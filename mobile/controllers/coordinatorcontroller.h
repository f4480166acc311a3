// The coordinator's home: the team's volunteers with where their vetting stands (the core's
// vettingStandingOf: DBS expiring within 30 days flagged), the referrals awaiting matching (open
// cases of a volunteer stream with no proposed or active match; a play case only once it is
// awaiting matching), and the matches with their review dates. Every list is
// [{recordType, recordId, title, summary, flagged}] and a row opens its record. GUI thread only.
#pragma once

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace fieldbook::app {

class AppController;

class CoordinatorController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantList volunteers READ volunteers NOTIFY changed)
    Q_PROPERTY(QVariantList awaiting READ awaiting NOTIFY changed)
    Q_PROPERTY(QVariantList matches READ matches NOTIFY changed)

public:
    explicit CoordinatorController(QObject* parent = nullptr);

    QVariantList volunteers() const { return m_volunteers; }
    QVariantList awaiting() const { return m_awaiting; }
    QVariantList matches() const { return m_matches; }

    Q_INVOKABLE void reload();

signals:
    void changed();

private:
    AppController* m_app;
    QVariantList m_volunteers;
    QVariantList m_awaiting;
    QVariantList m_matches;
};

} // namespace fieldbook::app
