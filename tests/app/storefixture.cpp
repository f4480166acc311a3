#include "storefixture.h"

#include "model/ids.h"

#include <cstdio>

namespace fixture {

fieldbook::Change pulled(const std::string& type, const std::string& id, boost::json::object fields, int counter)
{
    static int sequence = 0;
    fieldbook::Change change;
    change.id = fieldbook::newId();
    change.recordType = type;
    change.recordId = id;
    char hlc[80];
    std::snprintf(hlc, sizeof hlc, "1700000000000-%06d-%s", counter > 0 ? counter : ++sequence,
                  "e0000000000000000000000000000001");
    change.hlc = hlc;
    change.fields = std::move(fields);
    change.author = kPractitioner;
    return change;
}

std::vector<fieldbook::Change> clearedCase()
{
    return {
        pulled("person", kPrisoner, {{"kind", "prisoner"}, {"given_name", "Marek"}}),
        pulled("person", kIrina, {{"kind", "family_member"}, {"given_name", "Irina"}, {"family_name", "Nowak"}}),
        pulled("case", kCase,
               {{"person_id", kPrisoner}, {"stream", "befriending"}, {"practitioner_id", kPractitioner},
                {"status", "open"}, {"opened_on", "2024-01-02"}}),
        pulled("relationship", "c0000000000000000000000000000003",
               {{"prisoner_id", kPrisoner}, {"person_id", kIrina}, {"relation", "partner"}}),
        pulled("consent", "c0000000000000000000000000000004",
               {{"given_by", kPrisoner}, {"scope", "contact"}, {"about", kIrina}, {"status", "given"},
                {"method", "written"}, {"recorded_at", "2024-01-03T10:00:00Z"}}),
        pulled("protection_check", "c0000000000000000000000000000005",
               {{"subject", kPrisoner}, {"outcome", "clear"}, {"restrictions", boost::json::array{}},
                {"checked_at", "2024-01-03"}}),
        pulled("protection_check", "c0000000000000000000000000000006",
               {{"subject", kIrina}, {"outcome", "clear"}, {"restrictions", boost::json::array{}},
                {"checked_at", "2024-01-03"}}),
        pulled("vetting", "c0000000000000000000000000000007",
               {{"volunteer", kVolunteer}, {"dbs_checked_at", "2024-01-01"}, {"dbs_expires_at", "2099-01-01"},
                {"training", boost::json::array{"safeguarding", "professional_boundaries", "equality_diversity",
                                                "data_protection"}}}),
        pulled("match", kMatch,
               {{"case_id", kCase}, {"volunteer", kVolunteer}, {"person_id", kIrina}, {"status", "active"},
                {"started_at", "2024-01-05"}}),
        pulled("clearance", "c0000000000000000000000000000008",
               {{"case_id", kCase}, {"person_id", kIrina}, {"match_id", kMatch}, {"cleared", true}, {"reason", ""}}),
    };
}

Store::Store(fieldbook::RoleSet roles, const std::string& userId)
{
    store = std::make_unique<fieldbook::app::LocalStore>(dir.filePath("fieldbook.db").toStdString(), fastKdf());
    store->initialise("1234");
    fieldbook::app::Identity identity;
    identity.serverUrl = "https://127.0.0.1:1";
    identity.fingerprint = std::string(64, 'a');
    identity.deviceId = kDevice;
    identity.refreshToken = "refresh-secret";
    identity.privateKey = fieldbook::crypto::Bytes(32, 7);
    identity.user.id = userId;
    identity.user.name = "Test User";
    identity.user.roles = roles;
    store->saveIdentity(identity);
}

} // namespace fixture
