// Between the core's JSON (Boost.JSON) and Qt's (QJsonObject, QVariantMap for QML). Conversions go
// through JSON text so that numbers, strings and nesting mean the same on both sides.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QVariant>

#include <string>

namespace fieldbook::app {

QJsonObject toQt(const boost::json::object& object);
boost::json::object toBoost(const QJsonObject& object);
boost::json::value toBoostValue(const QJsonValue& value);
// A QML value (string, number, bool, list, map) as a JSON value.
boost::json::value fromVariant(const QVariant& value);
QVariant toVariant(const boost::json::value& value);

inline QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}
inline std::string ss(const QString& text)
{
    return text.toStdString();
}

} // namespace fieldbook::app
