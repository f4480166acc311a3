// A simulated phone for the fault suites, modelled in the test (not the app's SyncEngine): its own
// enrolment and tokens, a hybrid clock, an outbox of changes kept until the server has answered
// each one, a pull cursor, and a local view of what it pulled. It runs its plan on its own thread
// with its own pinned HTTPS client, so that several devices push and pull at the same time.
//
// What it must keep true, and records in errors() when the server breaks it:
//  - every change is pushed until answered; an answer is final: `applied` or `quarantined`, or
//    `duplicate` carrying (in `was`) the same status as a previous answer;
//  - a change is `duplicate` on its first full push only if that push never reached the server
//    (impossible) — so the first answer to a first attempt must not be `duplicate`, which also
//    proves that a request cut mid-body before it was not processed;
//  - a replayed batch (same bytes again) is answered `duplicate` for every change, with `was`
//    equal to what the device was told before;
//  - a pull cursor the server issued is always accepted, across kills and restarts.
// Every decision (what to write, when to sync, cut, replay, go offline) comes from the device's
// seeded generator, so a run's outcome does not depend on timing; every wait has a deadline.
// Threads: construct on the test thread; run(), drain() and pullToEnd() on one thread at a time
// (the client is rebuilt when the calling thread changes); read the results after it finished.
#pragma once

#include "serverendpoint.h"
#include "sync/change.h"
#include "sync/hlc.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>
#include <QStringList>
#include <atomic>
#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <utility>
#include <vector>

namespace fieldbook::testsupport {
class HttpsClient;
}

namespace fieldbook::faults {

struct DeviceIdentity
{
    QString name;
    QString userId;
    QString deviceId;
    QString refreshToken;
    QString accessToken;
};

// A change a device writes, and the status its gates must give it.
struct PlannedWrite
{
    Change change;
    QString expected; // applied, quarantined
};

struct OutboxItem
{
    Change change;
    QByteArray encoded; // its JSON, as pushed every time
    QString expected;
    QString told;           // applied / quarantined, once answered
    int attempts = 0;       // full pushes that carried it
    bool lostReply = false; // its first answer came on a retry and said duplicate: a reply was lost
};

struct DeviceOptions
{
    int steps = 10;        // write-then-maybe-sync rounds
    int maxBatch = 20;     // changes per push, drawn from 1..maxBatch
    int pullLimit = 50;    // changes per pull page
    double offline = 0.25; // chance that a round does not sync (writes pile up in the outbox)
    double cut = 0.15;     // chance that a sync starts with the batch sent half-way and cut
    double replay = 0.15;  // chance that a sync re-sends an old, answered batch
    qint64 deadlineMs = 60000;
};

class SimDevice
{
public:
    using Key = std::pair<std::string, std::string>; // record type, record id
    // Makes the device's new local writes for one round.
    using Writer = std::function<std::vector<PlannedWrite>(std::mt19937_64& random, HybridClock& clock)>;

    SimDevice(DeviceIdentity identity, ServerEndpoint& endpoint, std::uint64_t seed, DeviceOptions options,
              Writer writer);
    ~SimDevice();
    SimDevice(const SimDevice&) = delete;
    SimDevice& operator=(const SimDevice&) = delete;

    // The plan: rounds of writes with syncs, cuts, replays and offline spells, then drain().
    // `progress` (if set) counts finished rounds across devices; before draining, the device waits
    // (within its deadline) until `mayFinish` says the faults planned during the rounds are done.
    void run();
    void setProgress(std::atomic<int>* progress, std::function<bool()> mayFinish)
    {
        m_progress = progress;
        m_mayFinish = std::move(mayFinish);
    }
    // Pushes until every change is answered and pulls to the end; false when the deadline passed.
    bool drain();
    // Pulls to the end from the stored cursor; false when the deadline passed.
    bool pullToEnd();
    // Drops the client on the thread that made it (call last on every device thread).
    void releaseClient()
    {
        m_client.reset();
        m_clientThread = nullptr;
    }
    // A fresh deadline for a later phase (the final pull of every device).
    void restartDeadline(qint64 ms)
    {
        m_deadlineMs = ms;
        m_clockStarted.restart();
    }

    const DeviceIdentity& identity() const { return m_identity; }
    const std::vector<OutboxItem>& items() const { return m_items; }
    const std::map<Key, boost::json::object>& view() const { return m_view; }
    const QStringList& errors() const { return m_errors; }

    struct Stats
    {
        int pushes = 0, pushFailures = 0, serverErrors = 0, pulls = 0, pullFailures = 0;
        int cuts = 0, replays = 0, replayedChanges = 0, lostReplies = 0, tokenRefreshes = 0, reconnects = 0;
    };
    const Stats& stats() const { return m_stats; }

private:
    enum class Outcome { Done, Failed };

    testsupport::HttpsClient& client();
    bool expired() const { return m_clockStarted.elapsed() > m_deadlineMs; }
    void backoff();
    bool refreshToken();
    void write();
    bool sync();
    std::vector<std::size_t> nextBatch();
    Outcome push(const std::vector<std::size_t>& batch);
    void cut(const std::vector<std::size_t>& batch);
    void replay();
    Outcome pullPage(bool& more);
    QByteArray body(const std::vector<std::size_t>& batch) const;
    void fail(const QString& what);

    DeviceIdentity m_identity;
    ServerEndpoint& m_endpoint;
    // Three generators, so that what the device writes does not depend on how often the network
    // failed: content (the writer), decisions (offline, cut, replay, batch sizes), jitter (backoff).
    std::mt19937_64 m_random;
    std::mt19937_64 m_decisions;
    std::mt19937_64 m_jitter;
    DeviceOptions m_options;
    Writer m_writer;
    std::atomic<int>* m_progress = nullptr;
    std::function<bool()> m_mayFinish;
    std::unique_ptr<HybridClock> m_clock;
    std::unique_ptr<testsupport::HttpsClient> m_client;
    int m_clientGeneration = -1;
    const void* m_clientThread = nullptr; // the thread m_client was made on
    QElapsedTimer m_clockStarted;
    qint64 m_deadlineMs = 0;

    std::vector<OutboxItem> m_items;
    std::vector<std::vector<std::size_t>> m_answeredBatches; // for replays
    QString m_cursor;
    std::map<Key, boost::json::object> m_view;
    QStringList m_errors;
    Stats m_stats;
};

} // namespace fieldbook::faults
