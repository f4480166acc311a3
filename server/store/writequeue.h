// One writer for the SQLite store: the workers hand it their write work and wait for its answer,
// so that no worker sleeps on SQLite's lock, and the writer commits what has queued up meanwhile
// as ONE transaction (one fsync at synchronous=FULL for several pushes).
// What must stay true:
// - a job's caller is answered only after the transaction holding its work has committed (a push
//   is acknowledged only once it is on disk, exactly as when it committed alone);
// - each job runs in a savepoint of its own: a job that throws leaves nothing behind, and the
//   other jobs of its group are unaffected;
// - one writer connection issues every sequence, so sequences become visible in order.
// Thread-safe; the jobs run on the writer's thread, one after another.
#pragma once

#include "store/sqlitestore.h"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace fieldbook::server {

class WriteQueue
{
public:
    using Job = std::function<void(Store&)>;

    // `maxGroup`: at most this many jobs share one transaction (bounds the time a reader's pull
    // waits behind a commit and what a failed commit takes down with it).
    explicit WriteQueue(std::unique_ptr<SqliteStore> store, std::size_t maxGroup = 32);
    ~WriteQueue();
    WriteQueue(const WriteQueue&) = delete;
    WriteQueue& operator=(const WriteQueue&) = delete;

    // Runs `job` on the writer's store and returns once its group committed. Rethrows what the
    // job threw (its work rolled back), or the commit's failure (nothing of the group was kept).
    void run(const Job& job);

private:
    struct Pending
    {
        const Job* job = nullptr;
        std::exception_ptr error;
        bool done = false;
    };

    void loop();

    std::unique_ptr<SqliteStore> m_store;
    std::size_t m_maxGroup;
    std::mutex m_mutex;                 // guards m_queue, m_stopping and every Pending's error and done
    std::condition_variable m_wake;     // the writer: work queued, or stop
    std::condition_variable m_answered; // the callers: a group finished
    std::deque<Pending*> m_queue;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace fieldbook::server
