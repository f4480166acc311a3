#include "jsonbridge.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <QJsonArray>
#include <QJsonDocument>

namespace fieldbook::app {

QJsonObject toQt(const boost::json::object& object)
{
    const std::string text = boost::json::serialize(object);
    return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
}

boost::json::object toBoost(const QJsonObject& object)
{
    const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact);
    boost::json::value value = boost::json::parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    return value.is_object() ? std::move(value.get_object()) : boost::json::object{};
}

boost::json::value toBoostValue(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool();
    case QJsonValue::Double: {
        const double number = value.toDouble();
        const auto whole = static_cast<std::int64_t>(number);
        if (static_cast<double>(whole) == number) {
            return whole;
        }
        return number;
    }
    case QJsonValue::String:
        return boost::json::value(value.toString().toStdString());
    case QJsonValue::Array: {
        boost::json::array array;
        for (const QJsonValue& item : value.toArray()) {
            array.push_back(toBoostValue(item));
        }
        return array;
    }
    case QJsonValue::Object:
        return toBoost(value.toObject());
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return nullptr;
}

boost::json::value fromVariant(const QVariant& value)
{
    return toBoostValue(QJsonValue::fromVariant(value));
}

QVariant toVariant(const boost::json::value& value)
{
    if (value.is_object()) {
        return toQt(value.get_object()).toVariantMap();
    }
    boost::json::object wrapper{{"v", value}};
    return toQt(wrapper).value(QLatin1String("v")).toVariant();
}

} // namespace fieldbook::app
