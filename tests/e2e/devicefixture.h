// A phone without its user interface, for the end-to-end suites: an encrypted LocalStore, the
// pinned ApiClient and a SyncEngine, enrolled against a TestServer. Plus the demo data's users.
#pragma once

#include "net/apiclient.h"
#include "store/localstore.h"
#include "sync/syncengine.h"
#include "testserver.h"

#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>
#include <string>

namespace e2e {

// Users of `admin seed-demo`, by role: {"name", "user_id", "code"}.
QJsonObject seedDemo(fieldbook::testsupport::TestServer& server);
QJsonObject demoUser(const QJsonObject& seed, const QString& role);

struct Device
{
    Device(fieldbook::testsupport::TestServer& server, const QString& userId, fieldbook::RoleSet roles);

    // One sync run to its end.
    fieldbook::app::SyncOutcome sync();
    // Points the device at the server again (after a restart the port changes).
    void follow(fieldbook::testsupport::TestServer& server);
    // Writes a local change (record + outbox, one transaction).
    fieldbook::Change write(const std::string& type, boost::json::object fields, const std::string& recordId = {});
    // The first record of `type` whose `field` equals `value`.
    std::optional<fieldbook::Record> find(const std::string& type, const std::string& field,
                                          const std::string& value) const;

    QTemporaryDir dir;
    std::unique_ptr<fieldbook::app::LocalStore> store;
    fieldbook::app::ApiClient api;
    std::unique_ptr<fieldbook::app::SyncEngine> engine;
    std::string deviceId;
};

// A session report on `caseId` with `personId` now, with `notes`.
boost::json::object sessionReport(const std::string& caseId, const std::string& personId, const std::string& notes);

} // namespace e2e
