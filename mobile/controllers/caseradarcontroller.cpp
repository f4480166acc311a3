#include "controllers/caseradarcontroller.h"

#include "appcontroller.h"
#include "jsonbridge.h"
#include "model/formdefinition.h"
#include "models/casestatus.h"
#include "reports/radar.h"
#include "store/localstore.h"

namespace fieldbook::app {

CaseRadarController::CaseRadarController(QObject* parent) : QObject(parent), m_app(AppController::instance())
{
    connect(m_app, &AppController::dataChanged, this, &CaseRadarController::reload);
}

void CaseRadarController::setCaseId(const QString& caseId)
{
    if (m_caseId == caseId) {
        return;
    }
    m_caseId = caseId;
    emit caseIdChanged();
    reload();
}

void CaseRadarController::reload()
{
    m_domains.clear();
    m_hasStart = false;
    m_hasExit = false;
    const LocalStore* store = m_app->store();
    if (store == nullptr || !store->unlocked() || m_caseId.isEmpty()) {
        emit changed();
        return;
    }
    const std::vector<Record> radars = store->facts().recordsWhere("radar", "case_id", ss(m_caseId));
    std::vector<const Record*> pointers;
    for (const Record& radar : radars) {
        pointers.push_back(&radar);
    }
    const RadarPair pair = radarPairOf(pointers);
    m_hasStart = pair.start != nullptr;
    m_hasExit = pair.exit != nullptr;
    const FormDefinition* form = FormRegistry::builtin().current("radar");
    const FieldDefinition* scores = form != nullptr ? form->field("scores") : nullptr;
    if (scores != nullptr && (m_hasStart || m_hasExit)) {
        for (const std::string& domain : scores->choices) {
            const auto start = pair.start != nullptr ? radarScore(*pair.start, domain) : std::nullopt;
            const auto exit = pair.exit != nullptr ? radarScore(*pair.exit, domain) : std::nullopt;
            m_domains.append(QVariantMap{{QStringLiteral("key"), qs(domain)},
                                         {QStringLiteral("label"), humanise(qs(domain))},
                                         {QStringLiteral("start"), start.value_or(0)},
                                         {QStringLiteral("exit"), exit.value_or(0)}});
        }
    }
    emit changed();
}

} // namespace fieldbook::app
