#include "models/casestatus.h"

#include "jsonbridge.h"
#include "model/record.h"
#include "rules/gates.h"
#include "rules/reasons.h"
#include "store/localstore.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>

namespace fieldbook::app {

namespace {

// The server's derived record carries a reason code; its sentence when it sends one.
ContactClearance fromClearanceRecord(const Record& clearance, const QString& name)
{
    ContactClearance out;
    out.known = true;
    const auto* cleared = clearance.fields.if_contains("cleared");
    out.cleared = cleared && cleared->is_bool() && cleared->get_bool();
    if (out.cleared) {
        out.sentence = QObject::tr("Cleared to contact %1").arg(name);
        return out;
    }
    // A derived record that says "not cleared" without a code still shuts the gate; the core's
    // wording for an unknown code says so without guessing why.
    const std::string code = clearance.text("reason");
    out.reasonCode = qs(code);
    out.sentence = reasonText(code);
    return out;
}

ContactClearance fromDecision(const GateDecision& decision, const QString& name)
{
    ContactClearance out;
    out.known = true;
    out.cleared = decision.cleared();
    out.reasonCode = qs(decision.code());
    out.sentence = out.cleared ? QObject::tr("Cleared to contact %1").arg(name) : reasonText(decision.code());
    return out;
}

} // namespace

std::string ContactClearance::notClearedCode() const
{
    if (!known || cleared) {
        return {};
    }
    return reasonCode.isEmpty() ? std::string("not_cleared") : reasonCode.toStdString();
}

Date todayUtc()
{
    const QDate today = QDateTime::currentDateTimeUtc().date();
    return Date{today.year(), today.month(), today.day()};
}

int minuteOfDayUtc()
{
    const QTime now = QDateTime::currentDateTimeUtc().time();
    return now.hour() * 60 + now.minute();
}

QString humanise(const QString& code)
{
    QString text = code;
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty()) {
        text[0] = text[0].toUpper();
    }
    return text;
}

QString personName(const LocalStore& store, const std::string& personId)
{
    if (const auto person = store.record("person", personId)) {
        const QString given = qs(person->text("given_name"));
        if (!given.isEmpty()) {
            return given;
        }
    }
    return QObject::tr("this person");
}

QString reasonText(const std::string& code)
{
    return QCoreApplication::translate("Reason", std::string(reasonSentence(code)).c_str());
}

QString reasonShortText(const std::string& code)
{
    return QCoreApplication::translate("Reason", std::string(reasonShort(code)).c_str());
}

namespace {

// On a volunteer's case the phone holds the server's derived clearance, not the facts behind it.
bool readsDerivedClearance(const CaseloadEntry* entry, const User& me)
{
    if (entry) {
        return isVolunteerRole(entry->role);
    }
    return me.roles.anyVolunteer() && !me.roles.has(Role::Practitioner);
}

} // namespace

std::string casePersonFor(const LocalStore& store, const User& me, const std::string& caseId)
{
    const auto caseload = caseloadOf(me, store.facts());
    if (const CaseloadEntry* entry = caseloadEntryFor(caseload, caseId)) {
        return entry->personId;
    }
    if (const auto theCase = store.record("case", caseId)) {
        return theCase->text("person_id");
    }
    return {};
}

ContactClearance contactClearance(const LocalStore& store, const User& me, const std::string& caseId,
                                  const std::string& personId, Date today)
{
    const QString name = personName(store, personId);
    const auto caseload = caseloadOf(me, store.facts());
    if (readsDerivedClearance(caseloadEntryFor(caseload, caseId), me)) {
        for (const Record& clearance : store.facts().recordsWhere("clearance", "case_id", caseId)) {
            if (clearance.text("person_id") == personId) {
                return fromClearanceRecord(clearance, name);
            }
        }
        ContactClearance unknown;
        unknown.sentence = QObject::tr("Clearance for %1 is not known yet: sync before any contact.").arg(name);
        return unknown;
    }
    Record contact;
    contact.type = "session_report";
    contact.fields["case_id"] = caseId;
    contact.fields["person_id"] = personId;
    contact.fields["occurred_at"] = today.toString() + "T12:00:00Z";
    return fromDecision(checkContact(contact, me, store.facts()), name);
}

ContactClearance contactGate(const LocalStore& store, const User& me, const Record& contact)
{
    const auto caseload = caseloadOf(me, store.facts());
    if (readsDerivedClearance(caseloadEntryFor(caseload, contact.text("case_id")), me)) {
        const auto day = Date::fromDateOrInstant(contact.text("occurred_at")).value_or(todayUtc());
        return contactClearance(store, me, contact.text("case_id"), contact.text("person_id"), day);
    }
    return fromDecision(checkContact(contact, me, store.facts()), personName(store, contact.text("person_id")));
}

} // namespace fieldbook::app
