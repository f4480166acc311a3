#include "net/serverclock.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimeZone>

namespace fieldbook::app {

ServerClock::ServerClock() : m_phone([] { return QDateTime::currentMSecsSinceEpoch(); }) {}

void ServerClock::setPhoneClock(PhoneClock clock)
{
    m_phone = clock ? std::move(clock) : PhoneClock([] { return QDateTime::currentMSecsSinceEpoch(); });
}

void ServerClock::learn(std::int64_t serverMillis, std::int64_t phoneMillis)
{
    const std::int64_t offset = serverMillis - phoneMillis;
    // The header's second was already under way when it was written: the true offset lies in
    // [offset, offset + 1 s). Keep the known one while it stays inside that second.
    if (m_known && m_offset >= offset && m_offset < offset + 1000) {
        return;
    }
    m_offset = offset;
    m_known = true;
}

std::optional<std::int64_t> ServerClock::parseHttpDate(const QByteArray& header)
{
    const QString text = QString::fromLatin1(header).trimmed();
    if (text.isEmpty() || text.size() > 64) {
        return std::nullopt;
    }
    QDateTime parsed = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!parsed.isValid()) {
        return std::nullopt;
    }
    parsed.setTimeZone(QTimeZone::utc());
    return parsed.toMSecsSinceEpoch();
}

bool ServerClock::learnFromDateHeader(const QByteArray& header)
{
    const auto server = parseHttpDate(header);
    if (!server) {
        return false;
    }
    learn(*server, m_phone());
    return true;
}

QDateTime ServerClock::nowUtc() const
{
    return QDateTime::fromMSecsSinceEpoch(nowMillis(), QTimeZone::utc());
}

std::string ServerClock::nowInstant() const
{
    return nowUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")).toStdString();
}

QString ServerClock::warning() const
{
    if (!phoneClockOff()) {
        return {};
    }
    const std::int64_t minutes = (m_offset < 0 ? -m_offset : m_offset) / 60000;
    const QString howFar = minutes > 1 ? QCoreApplication::translate("ServerClock", "%1 minutes").arg(minutes)
                                       : QCoreApplication::translate("ServerClock", "about a minute");
    return m_offset < 0
        ? QCoreApplication::translate("ServerClock", "This phone's clock is %1 ahead of the server's. Records are stamped "
                                                     "with the server's time; set the phone's clock when you can.").arg(howFar)
        : QCoreApplication::translate("ServerClock", "This phone's clock is %1 behind the server's. Records are stamped "
                                                     "with the server's time; set the phone's clock when you can.").arg(howFar);
}

} // namespace fieldbook::app
