#include "models/answertext.h"

#include "jsonbridge.h"
#include "model/dates.h"
#include "model/formdefinition.h"
#include "models/casestatus.h"
#include "rules/roles.h"
#include "store/localstore.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QObject>
#include <QStringList>

namespace fieldbook::app {

QString dateText(const std::string& date)
{
    const QDate parsed = QDate::fromString(qs(date.substr(0, 10)), Qt::ISODate);
    return parsed.isValid() ? QLocale().toString(parsed, QStringLiteral("d MMM yyyy")) : qs(date);
}

QString instantText(const std::string& instant)
{
    const QDateTime parsed = QDateTime::fromString(qs(instant), Qt::ISODate);
    return parsed.isValid() ? QLocale().toString(parsed.toLocalTime(), QStringLiteral("d MMM yyyy, HH:mm")) : qs(instant);
}

QString userText(const LocalStore& store, const User& me, const std::string& userId)
{
    if (userId.empty()) {
        return {};
    }
    if (userId == me.id) {
        return me.name.empty() ? QObject::tr("You") : QObject::tr("You (%1)").arg(qs(me.name));
    }
    const std::string name = store.userName(userId);
    return name.empty() ? QObject::tr("another worker") : qs(name);
}

QString caseText(const LocalStore& store, const std::string& caseId)
{
    if (const auto theCase = store.record("case", caseId)) {
        return personName(store, theCase->text("person_id")) + QStringLiteral(" · ") + humanise(qs(theCase->text("stream")));
    }
    return QObject::tr("a case");
}

QString answerText(const LocalStore& store, const User& me, const FieldDefinition& field, const boost::json::value& value)
{
    const std::string text = value.is_string() ? std::string(value.get_string()) : std::string();
    switch (field.type) {
    case FieldType::Date:
        return dateText(text);
    case FieldType::Instant:
        return instantText(text);
    case FieldType::Boolean:
        return value.is_bool() && value.get_bool() ? QObject::tr("Yes") : QObject::tr("No");
    case FieldType::Choice:
        return humanise(qs(text));
    case FieldType::UserRef:
        return userText(store, me, text);
    case FieldType::RecordRef:
        return field.name == "case_id" ? caseText(store, text) : personName(store, text);
    case FieldType::MultiChoice: {
        QStringList parts;
        if (value.is_array()) {
            for (const auto& item : value.get_array()) {
                parts << humanise(qs(item.is_string() ? std::string(item.get_string()) : std::string()));
            }
        }
        return parts.join(QStringLiteral(", "));
    }
    case FieldType::Scores: {
        QStringList parts;
        if (value.is_object()) {
            for (const auto& [key, score] : value.get_object()) {
                parts << QStringLiteral("%1: %2").arg(humanise(qs(std::string(key))),
                                                      score.is_int64() ? QString::number(score.get_int64()) : QString());
            }
        }
        return parts.join(QStringLiteral(", "));
    }
    case FieldType::Restrictions: {
        QStringList parts;
        if (value.is_array()) {
            for (const auto& item : value.get_array()) {
                if (!item.is_object()) {
                    continue;
                }
                const auto& object = item.get_object();
                const auto* kind = object.if_contains("kind");
                QString part = humanise(qs(kind && kind->is_string() ? std::string(kind->get_string()) : std::string()));
                if (const auto* person = object.if_contains("person_id"); person && person->is_string()) {
                    part += QObject::tr(" (%1)").arg(personName(store, std::string(person->get_string())));
                }
                parts << part;
            }
        }
        return parts.isEmpty() ? QObject::tr("None") : parts.join(QStringLiteral(", "));
    }
    case FieldType::Integer:
        return value.is_int64() ? QString::number(value.get_int64()) : QString();
    case FieldType::Text:
    case FieldType::LongText:
        return qs(text);
    }
    return qs(text);
}

} // namespace fieldbook::app
