#include "session/securewindow.h"

#include <QtGlobal>

#if defined(Q_OS_ANDROID)
#include <QCoreApplication>
#include <QJniObject>
#endif

namespace fieldbook::app {

bool markWindowSecure()
{
#if defined(Q_OS_ANDROID)
    // android.view.WindowManager.LayoutParams.FLAG_SECURE; set on the Android UI thread.
    constexpr jint kFlagSecure = 0x00002000;
    QNativeInterface::QAndroidApplication::runOnAndroidMainThread([] {
        const QJniObject activity = QNativeInterface::QAndroidApplication::context();
        const QJniObject window = activity.callObjectMethod("getWindow", "()Landroid/view/Window;");
        if (window.isValid()) {
            window.callMethod<void>("addFlags", "(I)V", kFlagSecure);
        }
    });
    return true;
#else
    return false;
#endif
}

} // namespace fieldbook::app
