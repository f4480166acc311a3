// The server's TLS identity when no --cert/--key is given: a self-signed ECDSA P-256
// certificate (CN=fieldbook) created once beside the database and reused afterwards. Clients pin
// its SHA-256 fingerprint, so it must not change from one start to the next.
#pragma once

#include <string>

namespace fieldbook::server {

// Creates the certificate and key files if neither exists (key file mode 0600). Throws
// std::runtime_error if only one of them exists or they cannot be written: the server must not
// silently replace an identity that devices have pinned.
void ensureSelfSignedCertificate(const std::string& certificatePath, const std::string& privateKeyPath);

// SHA-256 of the certificate's DER encoding, 64 lowercase hex characters (the first certificate
// in the PEM file). Throws std::runtime_error if the file holds no certificate.
std::string certificateFingerprint(const std::string& certificatePath);

} // namespace fieldbook::server
