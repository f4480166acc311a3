#include "sync/derived.h"

#include "crypto/hash.h"
#include "model/dates.h"
#include "model/ids.h"
#include "sync/hlc.h"

namespace fieldbook::server {

bool isDerivedRecordType(std::string_view type)
{
    return type == "alert" || type == "clearance";
}

std::string derivedId(std::string_view seed)
{
    return crypto::sha256Hex(seed).substr(0, 32);
}

std::string serverHlc(std::int64_t millis, std::string_view node)
{
    return HlcStamp{millis, 0, std::string(node)}.toString();
}

StoredRecord makeAlert(const StoredRecord& quarantined, const std::string& reason, const std::string& recipient,
                       std::int64_t now)
{
    StoredRecord alert;
    alert.record.type = "alert";
    alert.record.id = newId();
    alert.record.author = "";
    alert.record.hlc = quarantined.record.hlc;
    alert.record.formVersion = 1;
    alert.record.fields = boost::json::object{
        {"recipient", recipient},
        {"case_id", quarantined.caseId},
        {"person_id", quarantined.record.text("person_id")},
        {"record_type", quarantined.record.type},
        {"record_id", quarantined.record.id},
        {"change_id", quarantined.changeId},
        {"author", quarantined.record.author},
        {"reason", reason},
        {"kind", "held"},
        {"at", formatInstant(now)},
        {"raised_at", formatInstant(now)},
    };
    alert.state = RecordState::Applied;
    alert.caseId = quarantined.caseId;
    alert.audience = recipient;
    alert.changeId = newId();
    alert.updatedAt = now;
    return alert;
}

StoredRecord makeAlertOf(std::string_view kind, const std::string& recipient, const std::string& caseId,
                         boost::json::object fields, std::string hlc, std::int64_t now)
{
    StoredRecord alert;
    alert.record.type = "alert";
    alert.record.id = newId();
    alert.record.hlc = std::move(hlc);
    alert.record.formVersion = 1;
    alert.record.fields = std::move(fields);
    alert.record.fields["kind"] = kind;
    alert.record.fields["recipient"] = recipient;
    alert.record.fields["case_id"] = caseId;
    alert.record.fields["at"] = formatInstant(now);
    alert.record.fields["raised_at"] = formatInstant(now);
    alert.state = RecordState::Applied;
    alert.caseId = caseId;
    alert.audience = recipient;
    alert.changeId = newId();
    alert.updatedAt = now;
    return alert;
}

} // namespace fieldbook::server
