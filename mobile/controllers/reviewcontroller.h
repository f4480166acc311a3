// Safeguarding work that only the server can do, as QML sees it: the held records to review
// (GET /v1/review), a decision on one with a note (POST /v1/review: release or keep held), and
// break-the-glass on a case with a reason (POST /v1/break-glass), with the time each grant made
// here has left. The note and reason rule is the core's (rules/review.h): the buttons stay off
// until it passes, and the server checks it again. After a decision or a grant, a sync brings
// what changed (the released record, the case under the grant) onto the phone.
// GUI thread only.
#pragma once

#include "models/heldlistmodel.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace fieldbook::app {

class AppController;
struct ApiReply;

class ReviewController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
    Q_PROPERTY(bool mayDecide READ mayDecide CONSTANT)
    Q_PROPERTY(int minimumTextLength READ minimumTextLength CONSTANT)
    Q_PROPERTY(fieldbook::app::HeldListModel* held READ held CONSTANT)
    Q_PROPERTY(QVariantList grants READ grants NOTIFY grantsChanged)

public:
    explicit ReviewController(QObject* parent = nullptr);

    bool busy() const { return m_busy; }
    QString message() const { return m_message; }
    bool mayDecide() const;
    int minimumTextLength() const;
    HeldListModel* held() const { return m_held; }
    // [{caseId, expiresAt, timeLeft}] for the grants made on this phone that have not expired.
    QVariantList grants() const;

    // "" when `text` may be sent as a note (what = "note") or a reason ("reason"); else why not.
    Q_INVOKABLE QString textProblem(const QString& text, const QString& what) const;
    Q_INVOKABLE void refresh();
    // decision: "release" or "keep_held".
    Q_INVOKABLE void decide(const QString& changeId, const QString& decision, const QString& note);
    Q_INVOKABLE void breakGlass(const QString& caseId, const QString& reason);

signals:
    void stateChanged();
    void grantsChanged();
    void decided(const QString& changeId, const QString& state);
    void granted(const QString& caseId, const QString& expiresAt);

private:
    // Gets an access token for this device, then runs `call`; a failure ends in `message`.
    void withToken(const std::function<void()>& call);
    void finish(const QString& message);
    void failed(const ApiReply& reply);

    AppController* m_app;
    HeldListModel* m_held;
    QTimer m_tick; // the time left on grants
    bool m_busy = false;
    QString m_message;
    struct Grant
    {
        QString caseId;
        QString expiresAt;
    };
    std::vector<Grant> m_grants;
};

} // namespace fieldbook::app
