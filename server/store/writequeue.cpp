#include "store/writequeue.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace fieldbook::server {

WriteQueue::WriteQueue(std::unique_ptr<SqliteStore> store, std::size_t maxGroup)
    : m_store(std::move(store))
    , m_maxGroup(std::max<std::size_t>(1, maxGroup))
{
    m_thread = std::thread([this] { loop(); });
}

WriteQueue::~WriteQueue()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void WriteQueue::run(const Job& job)
{
    Pending pending;
    pending.job = &job;
    std::unique_lock lock(m_mutex);
    if (m_stopping) {
        throw std::runtime_error("the store's writer has stopped");
    }
    m_queue.push_back(&pending);
    m_wake.notify_one();
    m_answered.wait(lock, [&] { return pending.done; });
    if (pending.error) {
        std::rethrow_exception(pending.error);
    }
}

void WriteQueue::loop()
{
    std::vector<Pending*> group;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty()) {
                return; // stopping, and every caller has been answered
            }
            while (!m_queue.empty() && group.size() < m_maxGroup) {
                group.push_back(m_queue.front());
                m_queue.pop_front();
            }
        }
        std::vector<std::exception_ptr> errors(group.size());
        std::exception_ptr commitError;
        try {
            m_store->writeTransaction([&] {
                for (std::size_t i = 0; i < group.size(); ++i) {
                    try {
                        m_store->savepoint([&] { (*group[i]->job)(*m_store); });
                    } catch (...) {
                        if (!m_store->inTransaction()) {
                            throw; // SQLite rolled the whole transaction back: the group is lost
                        }
                        errors[i] = std::current_exception();
                    }
                }
            });
        } catch (...) {
            commitError = std::current_exception();
        }
        {
            const std::lock_guard lock(m_mutex);
            for (std::size_t i = 0; i < group.size(); ++i) {
                group[i]->error = errors[i] ? errors[i] : commitError;
                group[i]->done = true;
            }
        }
        m_answered.notify_all();
        group.clear();
    }
}

} // namespace fieldbook::server
