// The settings page's PIN change: the current PIN checked as an unlock would check it (a wrong one
// counts towards the wipe), then the same data key wrapped under the new PIN. No record is
// re-encrypted: only the key wrap changes (store/keyvault.h).
// GUI thread only.
#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace fieldbook::app {

class AppController;

class PinChange : public QObject
{
    Q_OBJECT
    QML_ELEMENT

public:
    explicit PinChange(QObject* parent = nullptr);
    // For tests: the controller whose store is changed (default: AppController::instance()).
    void setApp(AppController* app) { m_app = app; }

    // "" when the PIN was changed; else what a person must put right, in their language.
    Q_INVOKABLE QString change(const QString& current, const QString& next, const QString& repeated);

private:
    AppController* m_app = nullptr;
};

} // namespace fieldbook::app
