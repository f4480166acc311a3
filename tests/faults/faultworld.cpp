#include "faultworld.h"

#include "model/dates.h"
#include "model/ids.h"
#include "sync/changecodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdio>
#include <map>

namespace fieldbook::faults {

namespace {

std::string instantHoursAgo(int hours)
{
    return formatInstant(wallClockMillis() / 1000 - static_cast<std::int64_t>(hours) * 3600);
}

std::string dayFromToday(int days)
{
    return Date::fromDays(wallClockMillis() / 1000 / 86400 + days).toString();
}

// Changes are made by the writers on device threads: ids come from the device's own generator
// so that a run is reproducible, with the device id mixed in so that devices never collide.
std::string seededId(std::mt19937_64& random)
{
    char text[33];
    std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(random()),
                  static_cast<unsigned long long>(random()));
    return text;
}

Change stamped(HybridClock& clock, std::mt19937_64& random, std::string type, std::string recordId,
               boost::json::object fields, int formVersion)
{
    Change change;
    change.id = seededId(random);
    change.recordType = std::move(type);
    change.recordId = std::move(recordId);
    change.hlc = clock.tick(wallClockMillis());
    change.formVersion = formVersion;
    change.fields = std::move(fields);
    return change;
}

constexpr const char* kNotes[] = {
    "We met at the visitors' centre and talked about the next visit.",
    "A phone call: the children are settling at the new school.",
    "She asked about travel costs; I gave her the assisted visits leaflet.",
    "Short session, she was tired. We agreed to meet next week.",
};

} // namespace

DeviceIdentity FaultWorld::identity(const QString& name, const testsupport::TestDevice& device)
{
    return DeviceIdentity{name, device.userId, device.deviceId, device.refreshToken, device.accessToken};
}

Change FaultWorld::make(const std::string& type, const std::string& recordId, boost::json::object fields)
{
    Change change;
    change.id = newId();
    change.recordType = type;
    change.recordId = recordId;
    change.hlc = m_clock->tick(wallClockMillis());
    change.fields = std::move(fields);
    return change;
}

bool FaultWorld::push(const testsupport::TestDevice& device, const std::vector<Change>& changes,
                      const char* what)
{
    boost::json::array items;
    for (const Change& change : changes) {
        items.push_back(encodeChange(change));
    }
    const auto reply = m_server.client().send(
        "POST", QStringLiteral("/v1/sync/push"),
        QByteArray::fromStdString(boost::json::serialize(boost::json::object{{"changes", std::move(items)}})),
        device.accessToken);
    if (reply.status != 200) {
        QTest::qFail(qPrintable(QStringLiteral("%1: push answered %2 %3")
                                    .arg(QLatin1String(what))
                                    .arg(reply.status)
                                    .arg(QString::fromUtf8(reply.body))),
                     __FILE__, __LINE__);
        return false;
    }
    for (const auto& result : reply.object().value(QStringLiteral("results")).toArray()) {
        if (result.toObject().value(QStringLiteral("status")).toString() != QLatin1String("applied")) {
            QTest::qFail(
                qPrintable(QStringLiteral("%1: not applied: %2")
                               .arg(QLatin1String(what),
                                    QString::fromUtf8(
                                        QJsonDocument(result.toObject()).toJson(QJsonDocument::Compact)))),
                __FILE__, __LINE__);
            return false;
        }
    }
    return true;
}

bool FaultWorld::build(int volunteers, int practitionerDevices)
{
    const QString practitionerId = m_server.addUser(
        QStringLiteral("Pat Practitioner"), {QStringLiteral("practitioner")}, QStringLiteral("north"));
    const QString coordinatorId = m_server.addUser(QStringLiteral("Cam Coordinator"),
                                                   {QStringLiteral("coordinator")}, QStringLiteral("north"));
    m_officerId = m_server.addUser(QStringLiteral("Sol Safeguarding"),
                                   {QStringLiteral("safeguarding_officer")}, QStringLiteral("north"));
    if (practitionerId.isEmpty() || coordinatorId.isEmpty() || m_officerId.isEmpty()) {
        QTest::qFail("admin add-user failed", __FILE__, __LINE__);
        return false;
    }
    m_practitioner = m_server.enrolDevice(practitionerId, QStringLiteral("office laptop"));
    m_coordinator = m_server.enrolDevice(coordinatorId, QStringLiteral("office laptop"));
    if (m_practitioner.accessToken.isEmpty() || m_coordinator.accessToken.isEmpty()) {
        return false;
    }
    m_clock = std::make_unique<HybridClock>(m_practitioner.deviceId.toStdString());
    HybridClock coordinatorClock(m_coordinator.deviceId.toStdString());

    std::vector<Change> intake;
    std::vector<Change> staffing;
    std::vector<Change> withdrawals;
    // One befriending case about a family member: returns {case id, person id}.
    auto addCase = [&](std::vector<Change>& out) {
        const std::string prisoner = newId();
        const std::string person = newId();
        const std::string caseId = newId();
        out.push_back(make("person", prisoner,
                           {{"kind", "prisoner"},
                            {"given_name", "Daniel"},
                            {"family_name", "Hughes"},
                            {"date_of_birth", "1985-04-12"},
                            {"prison_number", "A1234BC"},
                            {"establishment", "HMP Northfield"}}));
        out.push_back(make("person", person,
                           {{"kind", "family_member"},
                            {"given_name", "Irina"},
                            {"family_name", "Hughes"},
                            {"date_of_birth", "1988-09-03"},
                            {"phone", "07700 900123"}}));
        out.push_back(make("relationship", newId(),
                           {{"prisoner_id", prisoner}, {"person_id", person}, {"relation", "partner"}}));
        out.push_back(make("consent", newId(),
                           {{"given_by", prisoner},
                            {"scope", "contact"},
                            {"about", person},
                            {"status", "given"},
                            {"method", "written"},
                            {"recorded_at", instantHoursAgo(30 * 24)}}));
        for (const std::string& subject : {prisoner, person}) {
            out.push_back(make("protection_check", newId(),
                               {{"subject", subject},
                                {"outcome", "clear"},
                                {"restrictions", boost::json::array{}},
                                {"checked_at", dayFromToday(-20)},
                                {"source", "OMU"}}));
        }
        out.push_back(make("case", caseId,
                           {{"person_id", person},
                            {"stream", "befriending"},
                            {"practitioner_id", practitionerId.toStdString()},
                            {"status", "open"}}));
        return std::make_pair(caseId, person);
    };

    for (int v = 0; v < volunteers; ++v) {
        VolunteerWorld world;
        const QString userId = m_server.addUser(QStringLiteral("Befriender %1").arg(v),
                                                {QStringLiteral("befriender")}, QStringLiteral("north"));
        world.device = m_server.enrolDevice(userId, QStringLiteral("phone"));
        if (world.device.accessToken.isEmpty()) {
            return false;
        }
        std::tie(world.caseA, world.personA) = addCase(intake);
        std::tie(world.caseQ, world.personQ) = addCase(intake);
        // The prisoner of case Q is the one added first for that case (7 changes per case).
        const std::string prisonerQ = intake[intake.size() - 7].recordId;
        Change vetting;
        vetting.id = newId();
        vetting.recordType = "vetting";
        vetting.recordId = newId();
        vetting.hlc = coordinatorClock.tick(wallClockMillis());
        vetting.fields = {{"volunteer", userId.toStdString()},
                          {"dbs_checked_at", dayFromToday(-100)},
                          {"dbs_expires_at", dayFromToday(700)},
                          {"training", boost::json::array{"safeguarding", "professional_boundaries",
                                                          "equality_diversity", "data_protection"}}};
        staffing.push_back(vetting);
        for (const auto& [caseId, person] :
             {std::pair{world.caseA, world.personA}, std::pair{world.caseQ, world.personQ}}) {
            Change match;
            match.id = newId();
            match.recordType = "match";
            match.recordId = newId();
            match.hlc = coordinatorClock.tick(wallClockMillis());
            match.fields = {{"case_id", caseId},
                            {"volunteer", userId.toStdString()},
                            {"person_id", person},
                            {"status", "active"},
                            {"started_at", dayFromToday(-10)}};
            staffing.push_back(match);
        }
        withdrawals.push_back(make("consent", newId(),
                                   {{"given_by", prisonerQ},
                                    {"scope", "contact"},
                                    {"about", world.personQ},
                                    {"status", "withdrawn"},
                                    {"method", "phone"},
                                    {"recorded_at", instantHoursAgo(1)}}));
        m_volunteers.push_back(std::move(world));
    }
    const std::size_t contestedFrom = intake.size();
    std::tie(m_contestedCase, m_contestedPerson) = addCase(intake);
    for (std::size_t i = contestedFrom; i < intake.size(); ++i) {
        if ((intake[i].recordType == "case" && intake[i].recordId == m_contestedCase) ||
            (intake[i].recordType == "person" && intake[i].recordId == m_contestedPerson)) {
            m_contestedCreates.push_back(intake[i]);
        }
    }
    if (!push(m_practitioner, intake, "intake") || !push(m_coordinator, staffing, "vetting and matches") ||
        !push(m_practitioner, withdrawals, "consent withdrawals")) {
        return false;
    }
    for (int d = 0; d < practitionerDevices; ++d) {
        m_practitionerDevices.push_back(
            m_server.enrolDevice(practitionerId, QStringLiteral("phone %1").arg(d + 1)));
        if (m_practitionerDevices.back().accessToken.isEmpty()) {
            return false;
        }
    }
    return true;
}

SimDevice::Writer FaultWorld::befrienderWriter(std::size_t volunteer) const
{
    const VolunteerWorld world = m_volunteers.at(volunteer);
    return [world](std::mt19937_64& random, HybridClock& clock) {
        std::vector<PlannedWrite> out;
        const int count = 1 + static_cast<int>(random() % 4);
        for (int i = 0; i < count; ++i) {
            const bool onQ = random() % 5 == 0;
            boost::json::object fields{{"case_id", onQ ? world.caseQ : world.caseA},
                                       {"person_id", onQ ? world.personQ : world.personA},
                                       {"occurred_at", instantHoursAgo(1 + static_cast<int>(random() % 200))},
                                       {"duration_minutes", 30 + static_cast<int>(random() % 60)},
                                       {"mode", "in_person"},
                                       {"location", "Visitors' centre"},
                                       {"notes", kNotes[random() % std::size(kNotes)]},
                                       {"concerns", "none"}};
            out.push_back(
                PlannedWrite{stamped(clock, random, "session_report", seededId(random), std::move(fields), 2),
                             onQ ? QStringLiteral("quarantined") : QStringLiteral("applied")});
        }
        return out;
    };
}

SimDevice::Writer FaultWorld::practitionerWriter() const
{
    const std::string caseId = m_contestedCase;
    const std::string personId = m_contestedPerson;
    return [caseId, personId](std::mt19937_64& random, HybridClock& clock) {
        static constexpr const char* kSources[] = {"triage", "self", "family", "prison", "probation"};
        static constexpr const char* kLanguages[] = {"English", "Polish", "Urdu", "Welsh"};
        std::vector<PlannedWrite> out;
        const int count = 1 + static_cast<int>(random() % 2);
        for (int i = 0; i < count; ++i) {
            const bool onCase = random() % 2 == 0;
            boost::json::object fields;
            const int changed = 1 + static_cast<int>(random() % 3);
            for (int f = 0; f < changed; ++f) {
                const auto which = random() % 4;
                const auto value = random() % 1000;
                if (onCase) {
                    switch (which) {
                    case 0:
                        fields["release_date"] = dayFromToday(10 + static_cast<int>(value));
                        break;
                    case 1:
                        fields["referral_source"] = kSources[value % std::size(kSources)];
                        break;
                    case 2:
                        fields["team"] = "team " + std::to_string(value);
                        break;
                    default:
                        fields["opened_on"] = dayFromToday(-static_cast<int>(value));
                        break;
                    }
                } else {
                    switch (which) {
                    case 0:
                        fields["phone"] = "07700 9" + std::to_string(10000 + value);
                        break;
                    case 1:
                        fields["how_to_reach"] = "After " + std::to_string(value % 12 + 1) + "pm";
                        break;
                    case 2:
                        fields["preferred_language"] = kLanguages[value % std::size(kLanguages)];
                        break;
                    default:
                        fields["email"] = "irina" + std::to_string(value) + "@example.org";
                        break;
                    }
                }
            }
            out.push_back(PlannedWrite{stamped(clock, random, onCase ? "case" : "person",
                                               onCase ? caseId : personId, std::move(fields), 1),
                                       QStringLiteral("applied")});
        }
        return out;
    };
}

} // namespace fieldbook::faults
