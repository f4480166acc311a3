#include "controllers/recordwriter.h"

#include "appcontroller.h"
#include "errorchannel.h"
#include "store/localstore.h"
#include "sync/synccontroller.h"

#include <QObject>

namespace fieldbook::app {

std::optional<Change> saveLocalChange(AppController& app, Change change, int priority)
{
    if (app.state() != AppController::State::Ready) {
        app.errors()->report(QObject::tr("Unlock the app to save this record. Your answers are kept as a draft."));
        return std::nullopt;
    }
    try {
        change = app.store()->recordLocalChange(change, priority);
    } catch (const std::exception& error) {
        app.errors()->report(QObject::tr("Could not save on this phone: %1").arg(QString::fromUtf8(error.what())));
        return std::nullopt;
    }
    app.refresh();
    app.sync()->refreshCounts();
    app.sync()->retrySoon();
    return change;
}

} // namespace fieldbook::app
