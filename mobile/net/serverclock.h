// The server's time as the phone knows it: learnt from the `Date` header of every answer, kept as
// an offset from the phone's own clock, so that records and clock stamps carry the corrected time
// and a phone whose clock is wrong never has its records refused as "from the future" (docs/sync-contract.md,
// "Who may change the facts the gates read": clocks more than 5 minutes ahead are refused).
// The phone's clock is injected so that tests move time without sleeping. GUI thread only.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>

namespace fieldbook::app {

class ServerClock
{
public:
    using PhoneClock = std::function<std::int64_t()>; // milliseconds since the epoch, UTC

    // How far the phone may be off before a person is told (the offset itself is always applied).
    static constexpr std::int64_t kWarnAfterMillis = 60 * 1000;

    ServerClock();

    void setPhoneClock(PhoneClock clock);
    std::int64_t phoneMillis() const { return m_phone(); }

    // The server said it was `serverMillis` when the phone's clock said `phoneMillis` (the moment the
    // answer arrived). An HTTP date counts whole seconds: a difference under one second is no news.
    void learn(std::int64_t serverMillis, std::int64_t phoneMillis);
    // The same from an answer's `Date` header (RFC 7231 IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT"),
    // at the phone's present time; false (nothing learnt) when the header is absent or malformed.
    bool learnFromDateHeader(const QByteArray& header);
    static std::optional<std::int64_t> parseHttpDate(const QByteArray& header);

    bool known() const { return m_known; }
    std::int64_t offsetMillis() const { return m_offset; } // server minus phone; 0 until known
    // The corrected time: the phone's clock plus the offset.
    std::int64_t nowMillis() const { return m_phone() + m_offset; }
    QDateTime nowUtc() const;
    // "YYYY-MM-DDTHH:MM:SSZ" at the corrected time, for the instants a form fills in.
    std::string nowInstant() const;

    // True when the phone's clock is more than a minute off the server's.
    bool phoneClockOff() const { return m_known && (m_offset > kWarnAfterMillis || -m_offset > kWarnAfterMillis); }
    // For a person: how far off and that records are stamped with the server's time; "" when fine.
    QString warning() const;

private:
    PhoneClock m_phone;
    std::int64_t m_offset = 0;
    bool m_known = false;
};

} // namespace fieldbook::app
