// Answers in words, for a person to read: choices humanised, dates as "12 Jan 2026", instants in
// local time, people by given name, users by name ("You" for this phone's user) and cases by
// their person and stream. Never an id on screen: what the phone cannot name is said neutrally.
#pragma once

#include <boost/json/value.hpp>

#include <QString>

#include <string>

namespace fieldbook {
struct FieldDefinition;
struct User;
} // namespace fieldbook

namespace fieldbook::app {

class LocalStore;

QString dateText(const std::string& date);       // "2026-01-12" -> "12 Jan 2026"; "" stays ""
QString instantText(const std::string& instant); // RFC 3339 UTC -> local "12 Jan 2026, 10:30"
QString userText(const LocalStore& store, const User& me, const std::string& userId);
QString caseText(const LocalStore& store, const std::string& caseId); // "Irina · Befriending"
QString answerText(const LocalStore& store, const User& me, const FieldDefinition& field,
                   const boost::json::value& value);

} // namespace fieldbook::app
