#include "errorchannel.h"

#include "appcontroller.h"

#include <QJSEngine>

namespace fieldbook::app {

ErrorChannel::ErrorChannel(QObject* parent) : QObject(parent) {}

ErrorChannel* ErrorChannel::create(QQmlEngine* /*qmlEngine*/, QJSEngine* /*jsEngine*/)
{
    ErrorChannel* channel = AppController::instance()->errors();
    QJSEngine::setObjectOwnership(channel, QJSEngine::CppOwnership);
    return channel;
}

void ErrorChannel::report(const QString& message, const QString& kind)
{
    m_message = message;
    m_kind = kind;
    emit changed();
}

void ErrorChannel::dismiss()
{
    if (m_message.isEmpty()) {
        return;
    }
    m_message.clear();
    m_kind.clear();
    emit changed();
}

} // namespace fieldbook::app
