#include "controllers/recordcontroller.h"

#include "appcontroller.h"
#include "controllers/recordwriter.h"
#include "jsonbridge.h"
#include "model/formdefinition.h"
#include "model/record.h"
#include "models/answertext.h"
#include "models/casestatus.h"
#include "rules/pipelines.h"
#include "rules/writerules.h"
#include "store/localstore.h"
#include "sync/hlc.h"

#include <QDateTime>

namespace fieldbook::app {

namespace {

QString moveLabel(const std::string& type, const Move& move)
{
    if (type == "match") {
        return move.to == "active" ? QObject::tr("Activate the match") : QObject::tr("End the match");
    }
    if (move.field == "status") {
        return move.to == "closed" ? QObject::tr("Close the case") : QObject::tr("Re-open the case");
    }
    if (move.to == "no_support_required") {
        return QObject::tr("No Support Required – Multiple Attempts Made");
    }
    if (move.to == "awaiting_first_contact") {
        return QObject::tr("Re-open the referral");
    }
    if (move.to == "closed") {
        return QObject::tr("Close the referral");
    }
    return QObject::tr("Move on to %1").arg(humanise(qs(move.to)));
}

// The moves that need more answers than the move itself open the record's form with the move
// preset: closing asks the closure reason and date, activating shows the gates' answer and the
// start date, ending asks the reason and the date.
bool needsForm(const std::string& type, const Move& move)
{
    return (type == "case" && move.field == "status" && move.to == "closed") || type == "match";
}

QString todayText()
{
    return QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
}

} // namespace

RecordController::RecordController(QObject* parent) : QObject(parent), m_app(AppController::instance())
{
    connect(m_app, &AppController::dataChanged, this, &RecordController::reload);
}

void RecordController::setRecordType(const QString& type)
{
    if (m_recordType != type) {
        m_recordType = type;
        emit contextChanged();
        reload();
    }
}

void RecordController::setRecordId(const QString& id)
{
    if (m_recordId != id) {
        m_recordId = id;
        emit contextChanged();
        reload();
    }
}

void RecordController::reload()
{
    m_rows.clear();
    m_lost.clear();
    m_moves.clear();
    m_known = false;
    m_canEdit = false;
    m_editable = false;
    m_editWhy.clear();
    const LocalStore& store = *m_app->store();
    const std::string type = ss(m_recordType);
    const std::string id = ss(m_recordId);
    const auto record = m_app->state() == AppController::State::Ready ? store.record(type, id) : std::nullopt;
    if (!record) {
        m_title.clear();
        emit changed();
        return;
    }
    m_known = true;
    const User me = m_app->currentUser();
    const FormDefinition* form = FormRegistry::builtin().find(type, record->formVersion);
    if (!form) {
        form = FormRegistry::builtin().current(type);
    }
    m_title = form ? qs(form->title) : humanise(m_recordType);
    m_caseId = qs(type == "case" ? record->id : record->text("case_id"));
    if (form) {
        for (const FieldDefinition& field : form->fields) {
            const auto* value = record->fields.if_contains(field.name);
            if (!value || value->is_null() || !isFieldVisible(field, record->fields)) {
                continue;
            }
            const QString text = answerText(store, me, field, *value);
            if (!text.isEmpty()) {
                m_rows << QVariantMap{{QStringLiteral("label"), qs(field.label)}, {QStringLiteral("value"), text}};
            }
        }
    }
    m_byText = record->author.empty() ? QString() : tr("Recorded by %1").arg(userText(store, me, record->author));
    QString when;
    for (const char* name : {"recorded_at", "occurred_at", "attempted_at", "triaged_at"}) {
        if (const std::string value = record->text(name); !value.empty()) {
            when = instantText(value);
            break;
        }
    }
    if (when.isEmpty()) {
        if (const auto stamp = HlcStamp::parse(record->hlc)) {
            when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(stamp->millis).toLocalTime(),
                                      QStringLiteral("d MMM yyyy, HH:mm"));
        }
    }
    m_whenText = when.isEmpty() ? QString() : tr("Last written %1").arg(when);

    switch (store.status(type, id)) {
    case RecordStatus::Synced:
        m_status = QStringLiteral("synced");
        m_statusText = tr("Sent: the server has it.");
        break;
    case RecordStatus::Pending:
        m_status = QStringLiteral("waiting");
        m_statusText = tr("Waiting to send: on this phone only until the next sync.");
        break;
    case RecordStatus::Quarantined:
    case RecordStatus::Rejected: {
        const bool held = store.status(type, id) == RecordStatus::Quarantined;
        m_status = held ? QStringLiteral("held") : QStringLiteral("refused");
        QString reason;
        for (const OutboxEntry& problem : store.problems()) {
            if (problem.change.recordId == id) {
                reason = reasonText(problem.reason);
            }
        }
        m_statusText = (held ? tr("Held for review by the server.") : tr("Not accepted by the server."))
            + (reason.isEmpty() ? QString() : QLatin1Char(' ') + reason);
        break;
    }
    }

    if (form) {
        for (const LostAnswer& lost : store.lostAnswers(type, id)) {
            const FieldDefinition* field = form->field(lost.field);
            if (!field) {
                continue;
            }
            m_lost << tr("Your answer to “%1” (%2) was replaced by a newer one made elsewhere: %3.")
                          .arg(qs(field->label), answerText(store, me, *field, lost.mine),
                               answerText(store, me, *field, lost.kept));
        }
    }

    m_editable = isMutableRecordType(type);
    if (m_editable) {
        const WriteVerdict verdict = checkAuthority(me, *record, false, store.facts());
        m_canEdit = verdict.applied() && m_status != QLatin1String("held") && m_status != QLatin1String("refused");
        m_editWhy = verdict.applied() ? QString() : qs(verdict.message);
        for (const Move& move : movesFrom(*record, store.facts())) {
            QVariantMap presets{{qs(move.field), qs(move.to)}};
            if (type == "case" && move.to == "closed" && move.field == "status") {
                presets.insert(QStringLiteral("closed_on"), todayText());
            } else if (type == "match" && move.to == "active") {
                presets.insert(QStringLiteral("started_at"), todayText());
            } else if (type == "match" && move.to == "ended") {
                presets.insert(QStringLiteral("ended_at"), todayText());
            }
            const bool allowed = move.allowed && m_canEdit;
            m_moves << QVariantMap{{QStringLiteral("label"), moveLabel(type, move)},
                                   {QStringLiteral("field"), qs(move.field)},
                                   {QStringLiteral("to"), qs(move.to)},
                                   {QStringLiteral("allowed"), allowed},
                                   {QStringLiteral("why"), move.allowed ? m_editWhy : qs(move.why)},
                                   {QStringLiteral("needsForm"), needsForm(type, move)},
                                   {QStringLiteral("presets"), presets}};
        }
    }
    emit changed();
}

bool RecordController::applyMove(int index)
{
    if (index < 0 || index >= m_moves.size()) {
        return false;
    }
    const QVariantMap move = m_moves.at(index).toMap();
    if (!move.value(QStringLiteral("allowed")).toBool() || move.value(QStringLiteral("needsForm")).toBool()) {
        return false;
    }
    const FormDefinition* form = FormRegistry::builtin().current(ss(m_recordType));
    if (!form) {
        return false;
    }
    Change change;
    change.recordType = ss(m_recordType);
    change.recordId = ss(m_recordId);
    change.formVersion = form->version;
    const std::string field = ss(move.value(QStringLiteral("field")).toString());
    change.fields[field] = ss(move.value(QStringLiteral("to")).toString());
    if (field == "referral_status") {
        change.fields["referral_status_since"] = ss(todayText());
    }
    return saveLocalChange(*m_app, change).has_value();
}

void RecordController::dismissLostAnswers()
{
    if (m_app->state() == AppController::State::Ready) {
        m_app->store()->dismissLostAnswers(ss(m_recordType), ss(m_recordId));
        reload();
    }
}

} // namespace fieldbook::app
