#include "controllers/formcontroller.h"

#include "appcontroller.h"
#include "controllers/formfieldmodel.h"
#include "controllers/recordwriter.h"
#include "errorchannel.h"
#include "jsonbridge.h"
#include "model/formdefinition.h"
#include "model/formvalidator.h"
#include "model/record.h"
#include "net/apiclient.h"
#include "models/casestatus.h"
#include "rules/access.h"
#include "rules/gates.h"
#include "rules/writerules.h"
#include "rules/rhythms.h"
#include "store/localstore.h"
#include "sync/change.h"
#include "sync/synccontroller.h"

#include <QDateTime>
#include <QJSValue>
#include <QRegularExpression>

#include <set>

namespace fieldbook::app {

namespace {

// Fields that name a person record, for offering the people this phone holds.
bool refersToPerson(const std::string& name)
{
    static const std::set<std::string> kNames{"person_id", "carer_id", "child_id", "given_by",
                                              "about",     "subject",  "prisoner_id"};
    return kNames.count(name) > 0;
}

bool isEmptyValue(const boost::json::value& value)
{
    return value.is_null() || (value.is_string() && value.get_string().empty()) ||
           (value.is_array() && value.get_array().empty()) || (value.is_object() && value.get_object().empty());
}

} // namespace

FormController::FormController(QObject* parent)
    : QObject(parent), m_app(AppController::instance()), m_fields(new FormFieldModel(this))
{
}

void FormController::setRecordType(const QString& type)
{
    if (m_recordType != type) {
        m_recordType = type;
        emit contextChanged();
        load();
    }
}

void FormController::setCaseId(const QString& caseId)
{
    if (m_caseId != caseId) {
        m_caseId = caseId;
        emit contextChanged();
        load();
    }
}

void FormController::setPersonId(const QString& personId)
{
    if (m_personId != personId) {
        m_personId = personId;
        emit contextChanged();
        load();
    }
}

void FormController::setPresets(const QVariantMap& presets)
{
    if (m_presets != presets) {
        m_presets = presets;
        emit contextChanged();
        load();
    }
}

void FormController::setRecordId(const QString& recordId)
{
    if (m_recordId != recordId) {
        m_recordId = recordId;
        emit contextChanged();
        load();
    }
}

std::string FormController::draftKey() const
{
    std::string key = ss(m_recordType) + ":" + ss(m_caseId) + ":" + ss(m_personId);
    if (!m_recordId.isEmpty()) {
        key += ":" + ss(m_recordId);
    }
    return key;
}

void FormController::load()
{
    m_form = FormRegistry::builtin().current(ss(m_recordType));
    m_values = {};
    m_original.reset();
    m_showErrors = false;
    m_errorSummary.clear();
    m_hasDraft = false;
    if (!m_form) {
        m_title.clear();
        m_description.clear();
        m_fields->setForm(nullptr, {});
        emit formChanged();
        return;
    }
    m_title = qs(m_form->title);
    // The guidance is for the person filling the form in, every sentence of it (a safeguarding
    // report's "Urgent: act first (999, ...)" is its second); only a trailing "Version N: ..."
    // note, which says what changed between versions, is for the project, not for them.
    m_description = qs(m_form->description);
    static const QRegularExpression versionNote(QStringLiteral("\\s*\\bVersion \\d+:.*$"),
                                                QRegularExpression::DotMatchesEverythingOption);
    m_description.remove(versionNote);
    std::set<std::string> hidden;
    if (!m_caseId.isEmpty() && m_form->field("case_id")) {
        hidden.insert("case_id");
    }
    if (!m_personId.isEmpty() && m_form->field("person_id")) {
        hidden.insert("person_id");
    }
    m_fields->setForm(m_form, hidden);

    const LocalStore& store = *m_app->store();
    if (store.unlocked() && !m_recordId.isEmpty() && isMutableRecordType(ss(m_recordType))) {
        if (const auto existing = store.record(ss(m_recordType), ss(m_recordId))) {
            m_original = existing->fields;
        }
    }
    if (store.unlocked()) {
        if (auto draft = store.draft(draftKey())) {
            m_values = std::move(*draft);
            m_hasDraft = true;
        }
    }
    if (!m_hasDraft && m_original) {
        m_values = *m_original;
        applyPresets();
    } else if (!m_hasDraft) {
        applyDefaults();
    }
    m_fields->setValues(m_values);
    computeHints();
    checkGate();
    m_fields->setErrors({});
    emit formChanged();
    emit checked();
}

void FormController::applyDefaults()
{
    const User me = m_app->currentUser();
    if (!m_caseId.isEmpty() && m_form->field("case_id")) {
        m_values["case_id"] = ss(m_caseId);
    }
    if (!m_personId.isEmpty() && m_form->field("person_id")) {
        m_values["person_id"] = ss(m_personId);
    }
    for (const char* when : {"occurred_at", "recorded_at", "triaged_at", "attempted_at"}) {
        if (const FieldDefinition* field = m_form->field(when); field && field->type == FieldType::Instant) {
            // The server's time, so that a phone with a wrong clock never writes a future instant.
            m_values[when] = m_app->api()->clock().nowInstant();
        }
    }
    if (m_form->field("recorded_by") && !me.id.empty()) {
        m_values["recorded_by"] = me.id;
    }
    if (m_recordType == QLatin1String("play_session") && m_app->store()->unlocked()) {
        std::int64_t previous = 0;
        for (const Record& record : m_app->store()->recordsOfCase(ss(m_caseId))) {
            if (record.type == "play_session" && record.text("person_id") == ss(m_personId)) {
                ++previous;
            }
        }
        m_values["session_number"] = previous + 1;
    }
    applyPresets();
}

void FormController::applyPresets()
{
    for (auto it = m_presets.cbegin(); it != m_presets.cend(); ++it) {
        if (m_form->field(ss(it.key()))) {
            m_values[ss(it.key())] = fromVariant(it.value());
        }
    }
}

void FormController::computeHints()
{
    m_prompt.clear();
    const LocalStore& store = *m_app->store();
    if (!store.unlocked() || !m_form) {
        return;
    }
    // Candidates for references, from what this phone holds.
    for (const FieldDefinition* field : m_fields->fields()) {
        QVariantList options;
        if (field->type == FieldType::RecordRef && field->name == "case_id") {
            for (const Record& theCase : store.recordsOfType("case")) {
                options << QVariantMap{{QStringLiteral("value"), qs(theCase.id)},
                                       {QStringLiteral("label"), personName(store, theCase.text("person_id")) +
                                                                     QStringLiteral(" · ") +
                                                                     humanise(qs(theCase.text("stream")))}};
            }
        } else if ((field->type == FieldType::RecordRef && refersToPerson(field->name)) ||
                   field->type == FieldType::Restrictions) {
            for (const Record& person : store.recordsOfType("person")) {
                const QString name = (qs(person.text("given_name")) + QLatin1Char(' ') + qs(person.text("family_name"))).trimmed();
                options << QVariantMap{{QStringLiteral("value"), qs(person.id)},
                                       {QStringLiteral("label"), name + QStringLiteral(" (") +
                                                                     humanise(qs(person.text("kind"))).toLower() +
                                                                     QLatin1Char(')')}};
            }
        } else if (field->type == FieldType::RecordRef && field->name == "request_id") {
            // A welfare grant's decision or handover: the requests this phone holds, on the form's case.
            const auto* caseValue = m_values.if_contains("case_id");
            const std::string caseId = caseValue && caseValue->is_string() ? std::string(caseValue->get_string()) : std::string();
            for (const Record& request : store.recordsOfType("welfare_grant_request")) {
                if (!caseId.empty() && request.text("case_id") != caseId) {
                    continue;
                }
                options << QVariantMap{{QStringLiteral("value"), qs(request.id)},
                                       {QStringLiteral("label"), tr("%1 · %2 · %3")
                                                                     .arg(personName(store, request.text("person_id")),
                                                                          humanise(qs(request.text("purpose"))),
                                                                          qs(request.text("requested_on")))}};
            }
        } else if (field->type == FieldType::UserRef) {
            const User me = m_app->currentUser();
            std::set<std::string> seen{me.id};
            options << QVariantMap{{QStringLiteral("value"), qs(me.id)},
                                   {QStringLiteral("label"), tr("Me (%1)").arg(me.name.empty() ? tr("this phone's user") : qs(me.name))}};
            // The team by name (GET /v1/team): for a volunteer field, the volunteers; else everyone.
            const bool wantsVolunteer = field->name == "volunteer";
            for (const User& member : store.team()) {
                if (!seen.insert(member.id).second || (wantsVolunteer && !member.roles.anyVolunteer())) {
                    continue;
                }
                QStringList roles;
                for (const Role role : member.roles.list()) {
                    roles << humanise(qs(std::string(roleName(role)))).toLower();
                }
                options << QVariantMap{{QStringLiteral("value"), qs(member.id)},
                                       {QStringLiteral("label"), qs(member.name) + QStringLiteral(" (") +
                                                                     roles.join(QStringLiteral(", ")) + QLatin1Char(')')}};
            }
        }
        if (!options.isEmpty()) {
            m_fields->setOptions(qs(field->name), options);
        }
    }

    if (m_recordType != QLatin1String("play_session")) {
        return;
    }
    const std::string childId = [this] {
        const auto* child = m_values.if_contains("person_id");
        return child && child->is_string() ? std::string(child->get_string()) : std::string();
    }();
    const Date today = todayUtc();
    if (const auto child = store.record("person", childId)) {
        // A volunteer holds the age band, never the date of birth: the core answers for either.
        const std::optional<Date> born = Date::parse(child->text("date_of_birth"));
        const auto minutes = born ? playSessionMinutes(*born, today)
                                  : playSessionMinutesForAgeBand(child->text("age_band"));
        if (minutes) {
            m_fields->setHint(QStringLiteral("duration_minutes"),
                              tr("For %1's age, a session lasts %2–%3 minutes.")
                                  .arg(personName(store, childId))
                                  .arg(minutes->min)
                                  .arg(minutes->max));
        }
    }
    bool earlier = false;
    for (const Record& record : store.recordsOfCase(ss(m_caseId))) {
        if ((record.type == "play_session" && record.text("person_id") == childId) ||
            (record.type == "child_assessment" && record.text("person_id") == childId &&
             record.text("stage") == "baseline")) {
            earlier = true;
        }
    }
    if (!earlier) {
        m_prompt = tr("First session with %1: also complete the Children's Core Assessment (baseline).")
                       .arg(personName(store, childId));
    }
}

void FormController::checkGate()
{
    m_gateApplies = false;
    m_gateCleared = true;
    m_gateRefuses = false;
    m_gateText.clear();
    const LocalStore& store = *m_app->store();
    if (!m_form || !store.unlocked()) {
        return;
    }
    Record draft;
    draft.type = ss(m_recordType);
    draft.id = ss(m_recordId);
    draft.fields = answers();
    if (isContactRecordType(draft.type)) {
        const ContactClearance gate = contactGate(store, m_app->currentUser(), draft);
        m_gateApplies = true;
        m_gateCleared = gate.cleared;
        m_gateText = gate.sentence;
        return;
    }
    // The server's own judgement of the draft, in its order (writerules.h): the state change,
    // consent before data, then the gate that applies to this record type.
    std::optional<Record> stored;
    if (m_original) {
        stored = store.record(draft.type, draft.id);
        if (stored) {
            draft.author = stored->author;
        }
    }
    const Record* before = stored ? &*stored : nullptr;
    const Date today = Date::fromDateOrInstant(m_app->api()->clock().nowInstant()).value_or(todayUtc());
    // Who may change the record as it stands is the server's first question about an edit.
    WriteVerdict verdict = before ? checkAuthority(m_app->currentUser(), *before, false, store.facts()) : WriteVerdict{};
    if (verdict.applied()) {
        verdict = checkStateChange(draft, before, store.facts());
    }
    if (verdict.applied()) {
        verdict = checkConsentBeforeData(draft, store.facts());
    }
    QString unknownGate;
    if (verdict.applied()) {
        const User me = m_app->currentUser();
        std::optional<GateDecision> personSide;
        if (draft.type == "match" && !me.roles.has(Role::Practitioner)) {
            // A coordinator's phone holds no consent or check: the server's answer for the
            // referral's person stands in for them, and none yet means "not known", never clear.
            personSide = GateDecision{GateReason::Forbidden, {}};
            for (const Record& clearance : store.facts().recordsWhere("clearance", "case_id", draft.text("case_id"))) {
                if (clearance.text("match_id").empty() && clearance.text("person_id") == draft.text("person_id")) {
                    personSide = gateDecisionOfClearance(clearance);
                }
            }
        }
        verdict = checkGatesFor(me, draft, before, store.facts(), today, personSide ? &*personSide : nullptr);
        if (personSide && verdict.reason == "forbidden" && personSide->reason == GateReason::Forbidden) {
            unknownGate = tr("Whether this person may be matched is not known yet: sync, then try again.");
        }
    }
    const bool gated = draft.type == "welfare_grant_request" || (draft.type == "match" && draft.text("status") == "active"
                                                                 && (!before || before->text("status") != "active"));
    if (gated || !verdict.applied()) {
        m_gateApplies = true;
        m_gateCleared = verdict.applied();
        m_gateRefuses = verdict.status == WriteStatus::Rejected;
        m_gateText = verdict.applied()      ? tr("The checks for this record pass.")
                     : unknownGate.isEmpty() ? reasonText(verdict.reason)
                                             : unknownGate;
    }
}

QVariant FormController::value(const QString& field) const
{
    const auto* value = m_values.if_contains(ss(field));
    return value ? toVariant(*value) : QVariant();
}

void FormController::setValue(const QString& name, const QVariant& value)
{
    if (!m_form) {
        return;
    }
    const std::string key = ss(name);
    const FieldDefinition* field = m_form->field(key);
    if (!field) {
        return;
    }
    // A JavaScript array or object from QML arrives wrapped as a QJSValue.
    const QVariant plain = value.userType() == qMetaTypeId<QJSValue>() ? value.value<QJSValue>().toVariant() : value;
    boost::json::value converted = fromVariant(plain);
    if (field->type == FieldType::Integer && converted.is_string()) {
        // What was typed: a whole number when it is one; otherwise kept as typed so that the
        // validator names the problem.
        bool ok = false;
        const qlonglong number = plain.toString().trimmed().toLongLong(&ok);
        if (ok) {
            converted = static_cast<std::int64_t>(number);
        }
    }
    if (field->type == FieldType::Boolean && !converted.is_bool() && !converted.is_null()) {
        converted = plain.toBool();
    }
    if (isEmptyValue(converted)) {
        m_values.erase(key);
    } else {
        m_values[key] = std::move(converted);
    }
    m_fields->setValues(m_values);
    saveDraft();
    if (key == "person_id" || key == "occurred_at") {
        computeHints();
    }
    checkGate();
    if (m_showErrors) {
        check();
    } else {
        emit checked();
    }
}

boost::json::object FormController::answers() const
{
    boost::json::object out;
    if (!m_form) {
        return out;
    }
    for (const FieldDefinition& field : m_form->fields) {
        const auto* value = m_values.if_contains(field.name);
        if (!value || isEmptyValue(*value)) {
            continue;
        }
        if (!m_fields->isShown(field)) {
            continue; // a hidden answer is not sent (the validator would refuse it)
        }
        out[field.name] = *value;
    }
    return out;
}

boost::json::object FormController::changedAnswers() const
{
    boost::json::object all = answers();
    if (!m_original) {
        return all;
    }
    boost::json::object out;
    for (const auto& [name, value] : all) {
        const auto* was = m_original->if_contains(name);
        if (!was || *was != value) {
            out[name] = value;
        }
    }
    return out;
}

bool FormController::check()
{
    if (!m_form) {
        return false;
    }
    const std::vector<ValidationError> errors = validate(*m_form, answers());
    QHash<QString, QString> perField;
    for (const ValidationError& error : errors) {
        if (!perField.contains(qs(error.field))) {
            perField.insert(qs(error.field), qs(error.message));
        }
    }
    m_fields->setErrors(perField);
    if (errors.empty()) {
        m_errorSummary.clear();
    } else {
        m_errorSummary = tr("%n thing(s) to fix before saving. First: %1", nullptr, static_cast<int>(perField.size()))
                             .arg(qs(errors.front().message));
    }
    emit checked();
    return errors.empty();
}

bool FormController::submit(bool acknowledgeGate)
{
    m_showErrors = true;
    if (!check()) {
        return false;
    }
    checkGate();
    emit checked();
    if (m_gateApplies && !m_gateCleared && !acknowledgeGate) {
        return false;
    }
    Change change;
    change.recordType = ss(m_recordType);
    change.recordId = ss(m_recordId); // empty for a new record: the store gives it an id
    change.fields = changedAnswers();
    change.formVersion = m_form->version;
    if (m_original && change.fields.empty()) {
        m_app->errors()->report(tr("Nothing to save: no answer was changed."), QStringLiteral("info"));
        return false;
    }
    // Safeguarding reports travel first: nothing else may delay them.
    const int priority = m_recordType == QLatin1String("safeguarding_report") ? 0 : 1;
    const auto stored = saveLocalChange(*m_app, change, priority);
    if (!stored) {
        return false;
    }
    m_app->store()->deleteDraft(draftKey());
    m_hasDraft = false;
    emit formChanged();
    emit saved(qs(stored->recordId));
    return true;
}

void FormController::discardDraft()
{
    if (m_app->store()->unlocked()) {
        m_app->store()->deleteDraft(draftKey());
    }
    load();
}

void FormController::saveDraft()
{
    LocalStore& store = *m_app->store();
    if (!store.unlocked()) {
        return;
    }
    try {
        store.saveDraft(draftKey(), ss(m_recordType), ss(m_caseId), m_values);
        if (!m_hasDraft) {
            m_hasDraft = true;
            emit formChanged();
        }
    } catch (const std::exception& error) {
        m_app->errors()->report(tr("Could not keep the draft: %1").arg(QString::fromUtf8(error.what())));
    }
}

} // namespace fieldbook::app
