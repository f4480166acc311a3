// The change envelope (docs/sync-contract.md, "A change"): one write on one device.
#pragma once

#include <boost/json/object.hpp>

#include <string>

namespace fieldbook {

struct Change
{
    std::string id;         // 32 hex, random, the idempotency key
    std::string recordType; // record_type
    std::string recordId;   // record_id
    std::string op = "upsert"; // "upsert" or "delete"
    std::string hlc;        // <13-digit ms>-<6-digit counter>-<device id>
    int formVersion = 1;
    boost::json::object fields;
    std::string author; // set by the server from the access token; never trusted from the body
};

} // namespace fieldbook
