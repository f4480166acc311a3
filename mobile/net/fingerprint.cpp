#include "net/fingerprint.h"

#include <QCryptographicHash>

namespace fieldbook::app {

QString normaliseFingerprint(const QString& text)
{
    QString hex;
    hex.reserve(64);
    for (const QChar c : text) {
        if (c == QLatin1Char(':') || c == QLatin1Char(' ')) {
            continue;
        }
        const QChar lower = c.toLower();
        const bool isHex = (lower >= QLatin1Char('0') && lower <= QLatin1Char('9')) ||
                           (lower >= QLatin1Char('a') && lower <= QLatin1Char('f'));
        if (!isHex) {
            return {};
        }
        hex.append(lower);
    }
    return hex.size() == 64 ? hex : QString();
}

QString certificateFingerprint(const QSslCertificate& certificate)
{
    if (certificate.isNull()) {
        return {};
    }
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
}

QString groupedFingerprint(const QString& fingerprint)
{
    QString out;
    for (qsizetype i = 0; i < fingerprint.size(); i += 4) {
        if (!out.isEmpty()) {
            out.append(QLatin1Char(' '));
        }
        out.append(fingerprint.mid(i, 4));
    }
    return out;
}

} // namespace fieldbook::app
