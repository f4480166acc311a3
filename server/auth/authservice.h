// Devices and their credentials. An administrator issues a one-time enrolment code for a user;
// a device trades it (once, before it expires) for a device id and a refresh token, registering
// its X25519 public key; the refresh token buys short-lived access tokens. Codes and tokens are
// stored only as SHA-256 hashes and compared in constant time. Every authenticated call reads the
// device row, so a revocation by `admin revoke-device` (another process) takes effect at once.
#pragma once

#include "rules/roles.h"
#include "store/store.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace fieldbook::server {

struct AuthSettings
{
    std::int64_t accessTokenSeconds = 15LL * 60;
    std::int64_t enrolCodeSeconds = 72LL * 60 * 60;
    // A device not seen for this long (no token call, no authenticated request) must enrol again.
    std::int64_t refreshIdleSeconds = 30LL * 24 * 60 * 60;
    // A refresh token given up by a rotation still works this long after it, so that a phone
    // whose answer was lost on the way can retry; later it counts as reuse.
    std::int64_t refreshReuseGraceSeconds = 300;
};

// Who is calling: resolved from the access token on every request.
struct Caller
{
    User user;
    std::string deviceId;
};

class AuthService
{
public:
    explicit AuthService(AuthSettings settings = {}) : m_settings(settings) {}

    struct Enrolment
    {
        std::string deviceId;
        std::string userId;
        std::string refreshToken;
    };
    // Throws ApiException: bad_request (a field missing or malformed), code_invalid.
    Enrolment enrol(Store& store, std::string_view code, std::string_view deviceName, std::string_view publicKey,
                    std::int64_t now) const;

    struct AccessToken
    {
        std::string token;
        std::int64_t expiresIn = 0;
        std::string refreshToken; // the rotated refresh token: the one presented works no more
    };
    // Every call rotates the refresh token. One already rotated away, presented after the grace,
    // is reuse: the device's session ends (it must enrol again), an audit entry and an alert to
    // every admin are written, and the answer is 401 unauthorized. Throws ApiException:
    // bad_request, unauthorized (unknown device, wrong, reused or idle-expired token),
    // device_revoked.
    AccessToken issueAccessToken(Store& store, std::string_view deviceId, std::string_view refreshToken,
                                 std::int64_t now) const;

    // From an "Authorization: Bearer <token>" header. Throws ApiException: unauthorized,
    // token_expired, device_revoked.
    Caller authenticate(Store& store, std::string_view authorization, std::int64_t now) const;

    // A new one-time code for `userId` (XXXX-XXXX-XXXX, Crockford base32, 60 bits), stored hashed.
    std::string issueEnrolCode(Store& store, std::string_view userId, std::int64_t now) const;

    // Upper case, no separators, Crockford's look-alikes folded (O->0, I/L->1): what is hashed.
    static std::string normaliseCode(std::string_view code);

    const AuthSettings& settings() const { return m_settings; }

private:
    static void raiseReuseAlert(Store& store, const DeviceInfo& device, std::int64_t now);

    AuthSettings m_settings;
};

} // namespace fieldbook::server
