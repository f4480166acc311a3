// The held records a safeguarding officer (or a practitioner) is to review, as GET /v1/review
// answered: which record, on which case, why it was held, who wrote it and when it arrived.
// Filled by ReviewController; the server is the authority, the phone keeps no copy. GUI thread only.
#pragma once

#include "models/rowlistmodel.h"

#include <QJsonArray>
#include <QtQml/qqmlregistration.h>

namespace fieldbook::app {

class LocalStore;

class HeldListModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The held list belongs to ReviewController")

public:
    // Roles: changeId, recordType, recordId, title, caseId, reason, why, author, receivedAt,
    // reviewed (kept held before, with the time).
    explicit HeldListModel(QObject* parent = nullptr);

    // `me` is the reader's user id (their own records say "you"); `store` names people it holds.
    void setHeld(const QJsonArray& held, const LocalStore* store, const QString& me);
    void removeChange(const QString& changeId);
};

} // namespace fieldbook::app
