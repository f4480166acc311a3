// Which fields are sealed at rest and how: the form definitions mark special-category and
// narrative fields; their values leave the process only as one AES-256-GCM blob per record,
// bound (AAD) to the record's type, id and key id so that a blob cannot be moved to another
// record unnoticed. Fields that the gates look up (ids, statuses, dates) are never marked, so
// lookups can use the plain index.
#pragma once

#include "crypto/bytes.h"
#include "model/formdefinition.h"
#include "store/keyring.h"

#include <boost/json/object.hpp>

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace fieldbook::server {

class FieldSealer
{
public:
    FieldSealer(const FormRegistry& forms, std::shared_ptr<const KeyRing> keys);

    // Whether `field` of `type` is sealed in the given form version (or, for an unknown
    // version, in any version).
    bool isSealed(std::string_view type, int version, std::string_view field) const;
    bool maySeal(std::string_view type, std::string_view field) const;

    struct Split
    {
        boost::json::object plain;
        crypto::Bytes sealed; // empty when the record has nothing to seal
        std::string keyId;
    };
    Split split(std::string_view type, std::string_view id, int version, const boost::json::object& fields) const;

    // The fields again; throws std::runtime_error when the key is missing or the blob was altered.
    boost::json::object join(std::string_view type, std::string_view id, boost::json::object plain,
                             const crypto::Bytes& sealed, std::string_view keyId) const;

    // Free text that belongs to no record (a review note, a break-the-glass reason), sealed under
    // the current key and bound to `context` (its table and row id). Answers the blob and key id.
    std::pair<crypto::Bytes, std::string> sealText(std::string_view context, std::string_view text) const;
    // Throws std::runtime_error when the key is missing or the blob was altered.
    std::string openText(std::string_view context, const crypto::Bytes& sealed, std::string_view keyId) const;

    const KeyRing& keys() const { return *m_keys; }

private:
    const FormRegistry& m_forms;
    std::shared_ptr<const KeyRing> m_keys;
    std::set<std::pair<std::string, std::string>, std::less<>> m_anyVersion; // (type, field)
};

} // namespace fieldbook::server
