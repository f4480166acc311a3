// Certificate pinning: the app accepts a server certificate only when its SHA-256 fingerprint
// equals the one pinned at enrolment, whatever certificate authorities would say.
#pragma once

#include <QSslCertificate>
#include <QString>

namespace fieldbook::app {

// 64 lowercase hex characters from "AB:CD:..." or "abcd..." input; "" when it is not a SHA-256.
QString normaliseFingerprint(const QString& text);
// The SHA-256 fingerprint of a certificate's DER encoding, 64 lowercase hex.
QString certificateFingerprint(const QSslCertificate& certificate);
// "ab12 cd34 ..." in groups of four, for a person to compare by eye.
QString groupedFingerprint(const QString& fingerprint);

} // namespace fieldbook::app
