#include "appfixture.h"

namespace fixture {

App::App(fieldbook::RoleSet roles, const std::string& userId, std::vector<fieldbook::Change> pulledChanges)
{
    const std::string path = dir.filePath("fieldbook.db").toStdString();
    {
        fieldbook::app::LocalStore store(path, fastKdf());
        store.initialise("1234");
        fieldbook::app::Identity identity;
        identity.serverUrl = "https://127.0.0.1:9";
        identity.fingerprint = std::string(64, 'a');
        identity.deviceId = kDevice;
        identity.refreshToken = "r";
        identity.user.id = userId;
        identity.user.name = "Sam";
        identity.user.roles = roles;
        store.saveIdentity(identity);
        store.applyPulled(pulledChanges, "c1");
    }
    fieldbook::app::AppOptions options;
    options.dataDir = dir.path();
    options.scryptLogN = 10;
    app = std::make_unique<fieldbook::app::AppController>(options);
    app->unlock(QStringLiteral("1234"));
}

} // namespace fixture
