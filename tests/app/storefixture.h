// Shared by the app's Qt Tests: an unlocked LocalStore in a temporary folder with an enrolled
// identity, and the records of one befriending case (prisoner, family member, relationship,
// consent, both protection checks, vetting, an active match) written as if pulled from the server.
#pragma once

#include "crypto/kdf.h"
#include "store/localstore.h"
#include "sync/change.h"

#include <QTemporaryDir>

#include <memory>
#include <string>
#include <vector>

namespace fixture {

// Fast stretching for tests; the app uses the default (2^15).
inline fieldbook::crypto::ScryptParams fastKdf()
{
    fieldbook::crypto::ScryptParams params;
    params.n = 1u << 10;
    return params;
}

inline const std::string kDevice = "d0000000000000000000000000000001";
inline const std::string kVolunteer = "a0000000000000000000000000000001";
inline const std::string kPractitioner = "a0000000000000000000000000000002";
inline const std::string kPrisoner = "b0000000000000000000000000000001";
inline const std::string kIrina = "b0000000000000000000000000000002";
inline const std::string kCase = "c0000000000000000000000000000001";
inline const std::string kMatch = "c0000000000000000000000000000002";

// A change as the server would send it (hlc from a fixed past instant plus a counter).
fieldbook::Change pulled(const std::string& type, const std::string& id, boost::json::object fields, int counter = 0);
// The case records, from the server's point of view (complete, every gate open for the volunteer).
std::vector<fieldbook::Change> clearedCase();

struct Store
{
    explicit Store(fieldbook::RoleSet roles = {fieldbook::Role::Befriender}, const std::string& userId = kVolunteer);
    QTemporaryDir dir;
    std::unique_ptr<fieldbook::app::LocalStore> store;
    std::string path() const { return store->path(); }
};

} // namespace fixture
