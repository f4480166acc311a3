// An in-process world for the server's service classes: a real SqliteStore in a temporary
// directory, the users of each role, and changes pushed through the real PushService at a fixed
// clock, so that the push, pull and scope suites run without a child process or TLS.
#pragma once

#include "auth/authservice.h"
#include "store/sqlitestore.h"
#include "sync/protocol.h"
#include "sync/pushservice.h"

#include <QTemporaryDir>
#include <boost/json/object.hpp>
#include <cstdint>
#include <memory>
#include <string>

namespace fieldbook::testsupport {

// One befriending case with everything a volunteer's contact needs: a prisoner linked to a
// family member, the prisoner's contact consent, both protection checks, the volunteer's vetting
// and an active match. Each part can be left out.
struct StoreWorldOptions
{
    bool consent = true;
    bool checkPrisoner = true;
    bool checkPerson = true;
    bool vetting = true;
    bool match = true;
};

struct StoreCase
{
    std::string prisoner;
    std::string person;
    std::string relationship;
    std::string caseId;
    std::string consent;
    std::string vetting;
    std::string match;
    User volunteer;
};

class StoreWorld
{
public:
    // 2026-06-01T12:00:00Z: every date the world writes is relative to it.
    static constexpr std::int64_t kNow = 1780315200;

    StoreWorld();

    bool ok() const { return m_store != nullptr; }
    server::SqliteStore& store() { return *m_store; }
    const FormRegistry& forms() const;
    std::string path() const { return m_path; }

    User addUser(const std::string& name, std::initializer_list<Role> roles,
                 const std::string& team = "north");

    // One change, pushed through PushService as `author` (from a device of theirs) at `now`.
    PushResult push(const User& author, const std::string& type, boost::json::object fields,
                    std::string recordId = {}, std::int64_t now = kNow);
    // The same change id pushed again answers for it.
    PushResult pushChange(const User& author, const boost::json::object& change, std::int64_t now = kNow);
    boost::json::object change(const std::string& type, boost::json::object fields, std::string recordId = {},
                               std::string op = "upsert");

    // Builds one case as `practitioner` sees it; the coordinator writes vetting and match.
    StoreCase buildCase(const StoreWorldOptions& options = {});
    boost::json::object sessionReport(const StoreCase& world, const std::string& notes = "Went well") const;

    static std::string day(std::int64_t offsetDays);        // YYYY-MM-DD, relative to kNow
    static std::string instant(std::int64_t offsetSeconds); // RFC 3339, relative to kNow
    std::string hlc(std::int64_t now = kNow);

    server::Caller callerOf(const User& user) const { return server::Caller{user, "device-" + user.id}; }

    User practitioner;
    User coordinator;
    User officer;
    User manager;

private:
    QTemporaryDir m_dir;
    std::string m_path;
    std::unique_ptr<server::SqliteStore> m_store;
    std::unique_ptr<server::PushService> m_push;
    int m_counter = 0;
    int m_volunteers = 0;
};

} // namespace fieldbook::testsupport
