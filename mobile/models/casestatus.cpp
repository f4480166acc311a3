#include "models/casestatus.h"

#include "jsonbridge.h"
#include "model/record.h"
#include "rules/gates.h"
#include "store/localstore.h"

#include <QDate>
#include <QDateTime>

namespace fieldbook::app {

namespace {

// Plain words for the contract's reason codes, naming the person (the server's derived record
// carries only the code).
QString notClearedSentence(const QString& code, const QString& name)
{
    if (code == QLatin1String("consent_missing")) {
        return QObject::tr("Not cleared: consent to contact %1 is not recorded").arg(name);
    }
    if (code == QLatin1String("consent_withdrawn")) {
        return QObject::tr("Not cleared: consent to contact %1 was withdrawn").arg(name);
    }
    if (code == QLatin1String("protection_check_missing")) {
        return QObject::tr("Not cleared: a public protection check is not recorded yet");
    }
    if (code == QLatin1String("restricted")) {
        return QObject::tr("Not cleared: a public protection restriction covers contact with %1").arg(name);
    }
    if (code == QLatin1String("vetting_invalid")) {
        return QObject::tr("Not cleared: your DBS check or mandatory training is not valid");
    }
    if (code == QLatin1String("after_ending")) {
        return QObject::tr("Not cleared: no contact for six months after a befriending ends");
    }
    if (code.contains(QLatin1Char(' '))) {
        return code; // already a sentence
    }
    return QObject::tr("Not cleared to contact %1 (%2)").arg(name, humanise(code).toLower());
}

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
    out.reasonCode = qs(clearance.text("reason"));
    for (const char* key : {"sentence", "message"}) {
        if (const QString sentence = qs(clearance.text(key)); !sentence.isEmpty()) {
            out.sentence = sentence;
            return out;
        }
    }
    out.sentence = notClearedSentence(out.reasonCode, name);
    return out;
}

ContactClearance fromDecision(const GateDecision& decision)
{
    ContactClearance out;
    out.known = true;
    out.cleared = decision.cleared();
    out.sentence = qs(decision.sentence);
    out.reasonCode = qs(decision.code());
    return out;
}

} // namespace

Date todayUtc()
{
    const QDate today = QDateTime::currentDateTimeUtc().date();
    return Date{today.year(), today.month(), today.day()};
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

std::string casePersonFor(const LocalStore& store, const User& me, const std::string& caseId)
{
    if (me.roles.anyVolunteer()) {
        for (const Record& match : store.facts().recordsWhere("match", "case_id", caseId)) {
            if (match.text("volunteer") == me.id && match.text("status") == "active") {
                return match.text("person_id");
            }
        }
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
    // The gates guard contact with a prisoner's family, children and carers (API.md); a case about
    // the prisoner or prison leaver themselves has no contact gate to show.
    if (const auto person = store.record("person", personId)) {
        const std::string kind = person->text("kind");
        if (kind == "prisoner" || kind == "prison_leaver") {
            ContactClearance none;
            none.known = true;
            none.cleared = true;
            return none;
        }
    }
    if (me.roles.anyVolunteer() && !me.roles.has(Role::Practitioner)) {
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
    return fromDecision(checkContact(contact, me, store.facts()));
}

ContactClearance contactGate(const LocalStore& store, const User& me, const Record& contact)
{
    if (me.roles.anyVolunteer() && !me.roles.has(Role::Practitioner)) {
        const auto day = Date::fromDateOrInstant(contact.text("occurred_at")).value_or(todayUtc());
        return contactClearance(store, me, contact.text("case_id"), contact.text("person_id"), day);
    }
    return fromDecision(checkContact(contact, me, store.facts()));
}

} // namespace fieldbook::app
