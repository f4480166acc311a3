// Safeguarding work that has just arrived: alerts addressed to this person (a record held or
// released, a break-the-glass on their case) and C1 reports someone else raised, counted as they
// come in with each sync so that the app can say "1 new safeguarding item" — never a name or a
// detail, because the banner can be read over a shoulder. What was on the phone when the app
// started counts as seen; dismiss() marks the rest seen. GUI thread only.
#pragma once

#include "model/record.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <set>
#include <string>
#include <vector>

namespace fieldbook::app {

class NoticeBoard : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(QString text READ text NOTIFY changed)

public:
    explicit NoticeBoard(QObject* parent = nullptr);

    int count() const { return static_cast<int>(m_fresh.size()); }
    QString text() const;

    Q_INVOKABLE void dismiss();
    Q_INVOKABLE void reload();
    // The records now on the phone and whose phone it is; the first call only learns what is there.
    void reloadFrom(const std::vector<Record>& records, const std::string& me);

    // Whether a record is safeguarding work to be told of: an alert, or a C1 someone else raised.
    static bool isNotice(const Record& record, const std::string& me);

signals:
    void changed();

private:
    bool m_primed = false;
    std::set<std::string> m_seen;
    std::set<std::string> m_fresh;
};

} // namespace fieldbook::app
