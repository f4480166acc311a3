// The safeguarding officer's C1 inbox: every safeguarding report on the phone, urgent ones first,
// then the newest. Each row: urgency, setting, the action taken, whether the designated officer
// was informed, who raised it and when. Reloads whenever the app's data changes. GUI thread only.
#pragma once

#include "models/rowlistmodel.h"

#include <QtQml/qqmlregistration.h>

namespace fieldbook::app {

class LocalStore;

class SafeguardingInboxModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int urgentCount READ urgentCount NOTIFY countChanged)

public:
    // Roles: recordId, caseId, urgent, urgency, setting, actionTaken, officerInformed, raisedBy,
    // when, summary (the first line of what happened).
    explicit SafeguardingInboxModel(QObject* parent = nullptr);

    int urgentCount() const { return m_urgent; }
    Q_INVOKABLE void reload();
    void reloadFrom(const LocalStore& store, const std::string& me);

private:
    int m_urgent = 0;
};

} // namespace fieldbook::app
