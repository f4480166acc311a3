// Hands each worker thread a Store of its own (SQLite connections are not shared between
// threads). Stores are created on demand and kept for reuse. Thread-safe.
#pragma once

#include "store/store.h"

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace fieldbook::server {

class StorePool
{
public:
    using Factory = std::function<std::unique_ptr<Store>()>;

    explicit StorePool(Factory factory) : m_factory(std::move(factory)) {}

    class Lease
    {
    public:
        Lease(StorePool& pool, std::unique_ptr<Store> store) : m_pool(pool), m_store(std::move(store)) {}
        ~Lease() { m_pool.giveBack(std::move(m_store)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;

        Store& operator*() const { return *m_store; }
        Store* operator->() const { return m_store.get(); }

    private:
        StorePool& m_pool;
        std::unique_ptr<Store> m_store;
    };

    Lease acquire()
    {
        {
            const std::lock_guard lock(m_mutex);
            if (!m_idle.empty()) {
                auto store = std::move(m_idle.back());
                m_idle.pop_back();
                return Lease(*this, std::move(store));
            }
        }
        return Lease(*this, m_factory());
    }

private:
    void giveBack(std::unique_ptr<Store> store)
    {
        if (!store) {
            return;
        }
        const std::lock_guard lock(m_mutex);
        m_idle.push_back(std::move(store));
    }

    Factory m_factory;
    std::mutex m_mutex; // guards m_idle
    std::vector<std::unique_ptr<Store>> m_idle;
};

} // namespace fieldbook::server
