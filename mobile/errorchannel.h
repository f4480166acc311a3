// The one error channel a person sees: every failure the app wants a person to know about ends up
// here as one sentence (what happened, what to do); Main.qml shows the latest as a banner.
// GUI thread only.
#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace fieldbook::app {

class ErrorChannel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(QString kind READ kind NOTIFY changed)
    Q_PROPERTY(bool active READ active NOTIFY changed)

public:
    // Not default-constructible on purpose: QML would construct a second channel instead of
    // calling create() (Qt 6.4 prefers a default constructor over the factory).
    explicit ErrorChannel(QObject* parent);
    static ErrorChannel* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

    QString message() const { return m_message; }
    // "error" (something failed), "warning" (needs attention), "info" (for reassurance)
    QString kind() const { return m_kind; }
    bool active() const { return !m_message.isEmpty(); }

    Q_INVOKABLE void report(const QString& message, const QString& kind = QStringLiteral("error"));
    Q_INVOKABLE void dismiss();

signals:
    void changed();

private:
    QString m_message;
    QString m_kind;
};

} // namespace fieldbook::app
