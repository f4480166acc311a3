// Where the server can be reached right now. The test's main thread moves it after each restart
// (TestServer::restart() picks a new port); device threads read it before every call and rebuild
// their client when the generation changes. Thread-safe.
#pragma once

#include <QString>
#include <QUrl>
#include <atomic>
#include <mutex>

namespace fieldbook::faults {

class ServerEndpoint
{
public:
    struct Address
    {
        QUrl url;
        QString fingerprint;
        int generation = 0;
    };

    void set(const QUrl& url, const QString& fingerprint)
    {
        const std::lock_guard lock(m_mutex);
        m_address.url = url;
        m_address.fingerprint = fingerprint;
        ++m_address.generation;
    }

    Address get() const
    {
        const std::lock_guard lock(m_mutex);
        return m_address;
    }

    // Called just before the server is killed. A device that sees this count change during a call
    // knows that a torn answer (HTTP 200 with half a body) came from the kill, not from the server.
    void markKilled() { ++m_kills; }
    int kills() const { return m_kills.load(); }

private:
    mutable std::mutex m_mutex; // guards m_address
    Address m_address;
    std::atomic<int> m_kills{0};
};

} // namespace fieldbook::faults
