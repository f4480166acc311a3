#include "settings/pinchange.h"

#include "appcontroller.h"
#include "store/localstore.h"

#include <QRegularExpression>

namespace fieldbook::app {

PinChange::PinChange(QObject* parent)
    : QObject(parent)
{
}

QString PinChange::change(const QString& current, const QString& next, const QString& repeated)
{
    AppController* app = m_app ? m_app : AppController::instance();
    if (app->state() != AppController::State::Ready) {
        return tr("Unlock Fieldbook first.");
    }
    static const QRegularExpression digits(QStringLiteral("^[0-9]{4,12}$"));
    if (!digits.match(next).hasMatch()) {
        return tr("The new PIN must be 4 to 12 digits.");
    }
    if (next != repeated) {
        return tr("The two new PINs are not the same.");
    }
    if (next == current) {
        return tr("The new PIN is the same as the current one.");
    }
    LocalStore* store = app->store();
    switch (store->unlock(current.toStdString())) {
    case LocalStore::UnlockResult::Unlocked:
        break;
    case LocalStore::UnlockResult::WrongPin:
        return tr("The current PIN is wrong: %n attempt(s) left before this phone is erased.", "",
                  store->attemptsLeft());
    case LocalStore::UnlockResult::Wiped:
        app->wipeWithMessage(tr("Too many wrong PINs: every record on this phone was erased."));
        return tr("Too many wrong PINs: every record on this phone was erased.");
    }
    store->changePin(next.toStdString());
    return {};
}

} // namespace fieldbook::app
