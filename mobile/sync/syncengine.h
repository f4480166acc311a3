// One sync run, by role like a replicator: get an access token, push the outbox in batches
// (safeguarding reports first), then pull pages from the stored cursor until the server has no
// more. Each push result and each pulled page is stored as soon as it arrives, so a run cut off
// anywhere resumes where it stopped: a change answered twice is a `duplicate`, a page stored
// twice merges to the same state.
// GUI thread only; everything is asynchronous through ApiClient.
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>

namespace fieldbook::app {

class ApiClient;
struct ApiReply;
class LocalStore;

struct SyncOutcome
{
    bool ok = false;
    bool revoked = false;     // the server says this device is revoked: wipe the phone
    bool networkDown = false; // worth retrying later
    QString message;          // for a person
    QString errorCode;
    int pushed = 0;
    int quarantined = 0;
    int rejected = 0;
    int pulled = 0;
};

class SyncEngine : public QObject
{
    Q_OBJECT

public:
    SyncEngine(LocalStore* store, ApiClient* api, QObject* parent = nullptr);

    void setBatchSizes(int pushBatch, int pullBatch);
    bool running() const { return m_running; }
    // Starts a run; ignored while one is running.
    void run();
    // Forgets the access token (another user, or after a revocation).
    void resetToken();
    // Ends a run now (the app is locking or being wiped): finished() says "stopped"; answers that
    // arrive later are ignored. What was stored so far stays stored.
    void stop();

signals:
    // `fraction` in [0, 1]; `stage` says what is happening, for a person.
    void progress(double fraction, const QString& stage);
    void finished(const fieldbook::app::SyncOutcome& outcome);
    // The server's word on who this phone's user is (GET /v1/me): name, roles, team.
    void userInfo(const QJsonObject& user);

private:
    void ensureToken();
    // Takes the access token of a /v1/token answer and stores its rotated refresh token.
    void acceptToken(const QJsonObject& answer);
    void fetchMe();
    // GET /v1/team for the roles that may ask (a refusal is no reason to stop syncing).
    void fetchTeam();
    void pushNext();
    void pullNext();
    void finish(bool ok, const QString& message, const QString& code = {});
    bool handleAuthFailure(int status, const QString& code, void (SyncEngine::*retry)());
    // Wraps an answer's handler: ignored once the run has ended, stopped when the store is locked,
    // and a local failure (the store refusing a write) ends the run with its message.
    template<typename Step>
    std::function<void(const ApiReply&)> guarded(Step step);

    LocalStore* m_store;
    ApiClient* m_api;
    int m_pushBatch = 100;
    int m_pullBatch = 200;
    bool m_running = false;
    bool m_retriedAuth = false;
    QString m_accessToken;
    std::int64_t m_tokenExpiresAtMs = 0;
    int m_pushTotal = 0;
    SyncOutcome m_outcome;
};

} // namespace fieldbook::app
