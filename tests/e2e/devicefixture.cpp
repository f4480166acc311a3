#include "devicefixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

namespace e2e {

QJsonObject seedDemo(fieldbook::testsupport::TestServer& server)
{
    const QByteArray out = server.adminOutput({QStringLiteral("seed-demo")});
    return QJsonDocument::fromJson(out.trimmed().split('\n').last()).object();
}

QJsonObject demoUser(const QJsonObject& seed, const QString& role)
{
    for (const QJsonValue& user : seed.value(QLatin1String("users")).toArray()) {
        if (user.toObject().value(QLatin1String("role")).toString() == role) {
            return user.toObject();
        }
    }
    return {};
}

Device::Device(fieldbook::testsupport::TestServer& server, const QString& userId, fieldbook::RoleSet roles)
{
    fieldbook::crypto::ScryptParams fast;
    fast.n = 1u << 10;
    store = std::make_unique<fieldbook::app::LocalStore>(dir.filePath(QStringLiteral("phone.db")).toStdString(), fast);
    store->initialise("2468");
    const fieldbook::testsupport::TestDevice enrolled = server.enrolDevice(userId, QStringLiteral("e2e phone"));
    fieldbook::app::Identity identity;
    identity.serverUrl = server.url().toString().toStdString();
    identity.fingerprint = server.fingerprint().toStdString();
    identity.deviceId = enrolled.deviceId.toStdString();
    identity.refreshToken = enrolled.refreshToken.toStdString();
    identity.user.id = userId.toStdString();
    identity.user.roles = roles;
    store->saveIdentity(identity);
    deviceId = identity.deviceId;
    api.setServer(server.url(), server.fingerprint());
    api.setTimeoutMs(15000);
    store->setClock(&api.clock()); // as the app does: stamps at the server's time
    engine = std::make_unique<fieldbook::app::SyncEngine>(store.get(), &api);
}

fieldbook::app::SyncOutcome Device::sync()
{
    fieldbook::app::SyncOutcome outcome;
    bool done = false;
    const auto connection = QObject::connect(engine.get(), &fieldbook::app::SyncEngine::finished,
                                             [&](const fieldbook::app::SyncOutcome& result) {
                                                 outcome = result;
                                                 done = true;
                                             });
    engine->run();
    if (!QTest::qWaitFor([&] { return done; }, 60000)) {
        outcome.message = QStringLiteral("sync did not finish within 60 s");
    }
    QObject::disconnect(connection);
    return outcome;
}

void Device::follow(fieldbook::testsupport::TestServer& server)
{
    api.setServer(server.url(), server.fingerprint());
}

fieldbook::Change Device::write(const std::string& type, boost::json::object fields, const std::string& recordId)
{
    fieldbook::Change change;
    change.recordType = type;
    change.recordId = recordId;
    change.fields = std::move(fields);
    change.formVersion = 1;
    return store->recordLocalChange(change, type == "safeguarding_report" ? 0 : 1);
}

std::optional<fieldbook::Record> Device::find(const std::string& type, const std::string& field,
                                              const std::string& value) const
{
    const auto found = store->facts().recordsWhere(type, field, value);
    if (found.empty()) {
        return std::nullopt;
    }
    return found.front();
}

boost::json::object sessionReport(const std::string& caseId, const std::string& personId, const std::string& notes)
{
    const std::string now =
        QDateTime::currentDateTimeUtc().addSecs(-3600).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")).toStdString();
    return {{"case_id", caseId},       {"person_id", personId}, {"occurred_at", now},
            {"duration_minutes", 45}, {"mode", "in_person"},   {"concerns", "none"},
            {"notes", notes}};
}

} // namespace e2e
