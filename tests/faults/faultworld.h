// The world the fault suites run in, pushed through the real API before any fault starts:
// one practitioner P (every case is theirs), a coordinator, a safeguarding officer, and per
// volunteer a befriender with two matched cases: A (every gate satisfied) and Q (the prisoner's
// consent withdrawn after the match started, so every session report on it is quarantined).
// Plus one case K with its person X that two of P's devices (P1, P2) edit offline.
// Because every gate is settled before the load starts, the status each change must get is
// known when it is written, whatever the timing.
// Test thread only (uses TestServer and its client).
#pragma once

#include "simdevice.h"
#include "sync/change.h"
#include "sync/hlc.h"
#include "testserver.h"

#include <QString>
#include <memory>
#include <random>
#include <vector>

namespace fieldbook::faults {

struct VolunteerWorld
{
    testsupport::TestDevice device;
    std::string caseA, personA, caseQ, personQ;
};

class FaultWorld
{
public:
    explicit FaultWorld(testsupport::TestServer& server)
        : m_server(server)
    {
    }

    // Creates users, enrols devices and pushes the world; false (with the test failed) if any step did.
    bool build(int volunteers, int practitionerDevices);

    const std::vector<VolunteerWorld>& volunteers() const { return m_volunteers; }
    const std::vector<testsupport::TestDevice>& practitionerDevices() const { return m_practitionerDevices; }
    const QString& practitionerId() const { return m_practitioner.userId; }
    const QString& officerId() const { return m_officerId; }
    const std::string& contestedCase() const { return m_contestedCase; }
    const std::string& contestedPerson() const { return m_contestedPerson; }
    // The changes that created K and X (the start of their merge).
    const std::vector<Change>& contestedCreates() const { return m_contestedCreates; }

    static DeviceIdentity identity(const QString& name, const testsupport::TestDevice& device);

    // Writers for SimDevice: a befriender's session reports (about one in five on case Q), and
    // P's edits of one to three fields of K or X.
    SimDevice::Writer befrienderWriter(std::size_t volunteer) const;
    SimDevice::Writer practitionerWriter() const;

private:
    bool push(const testsupport::TestDevice& device, const std::vector<Change>& changes, const char* what);
    Change make(const std::string& type, const std::string& recordId, boost::json::object fields);

    testsupport::TestServer& m_server;
    std::unique_ptr<HybridClock> m_clock; // of P's setup device
    testsupport::TestDevice m_practitioner;
    testsupport::TestDevice m_coordinator;
    QString m_officerId;
    std::vector<VolunteerWorld> m_volunteers;
    std::vector<testsupport::TestDevice> m_practitionerDevices;
    std::string m_contestedCase;
    std::string m_contestedPerson;
    std::vector<Change> m_contestedCreates;
};

} // namespace fieldbook::faults
