#include "auth/authservice.h"

#include "crypto/bytes.h"
#include "crypto/hash.h"
#include "crypto/random.h"
#include "http/apierror.h"
#include "log/log.h"
#include "model/dates.h"
#include "model/ids.h"
#include "sync/derived.h"

#include <algorithm>
#include <cctype>

namespace fieldbook::server {

namespace {

constexpr std::string_view kCodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32
constexpr std::size_t kCodeLength = 12;
constexpr std::size_t kMaxDeviceNameLength = 100;
constexpr std::size_t kMaxTokenLength = 256;
// Devices seen within this many seconds are not written again: no write lock per request.
constexpr std::int64_t kTouchInterval = 300;

std::string codeHash(std::string_view normalised)
{
    return crypto::sha256Hex(std::string("fieldbook-enrol-code:") + std::string(normalised));
}

std::string tokenHash(std::string_view token)
{
    return crypto::sha256Hex(token);
}

bool printable(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x20 && u != 0x7f;
    });
}

} // namespace

std::string AuthService::normaliseCode(std::string_view code)
{
    std::string out;
    for (const char c : code) {
        if (c == '-' || c == ' ') {
            continue;
        }
        char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (upper == 'O') {
            upper = '0';
        } else if (upper == 'I' || upper == 'L') {
            upper = '1';
        }
        out.push_back(upper);
    }
    return out;
}

std::string AuthService::issueEnrolCode(Store& store, std::string_view userId, std::int64_t now) const
{
    const crypto::Bytes random = crypto::randomBytes(kCodeLength);
    std::string code;
    for (std::size_t i = 0; i < kCodeLength; ++i) {
        if (i > 0 && i % 4 == 0) {
            code.push_back('-');
        }
        code.push_back(kCodeAlphabet[random[i] % kCodeAlphabet.size()]); // 256 % 32 == 0: unbiased
    }
    store.addEnrolCode(codeHash(normaliseCode(code)), userId, now, now + m_settings.enrolCodeSeconds);
    return code;
}

AuthService::Enrolment AuthService::enrol(Store& store, std::string_view code, std::string_view deviceName,
                                          std::string_view publicKey, std::int64_t now) const
{
    const std::string normalised = normaliseCode(code);
    if (normalised.size() != kCodeLength ||
        normalised.find_first_not_of(kCodeAlphabet) != std::string::npos) {
        throw ApiException(ApiError::CodeInvalid, "This enrolment code is not valid; ask your administrator for a new one.");
    }
    if (deviceName.empty() || deviceName.size() > kMaxDeviceNameLength || !printable(deviceName)) {
        throw ApiException(ApiError::BadRequest, "device_name must be 1 to 100 printable characters.");
    }
    const auto key = crypto::base64Decode(publicKey);
    if (!key || key->size() != 32) {
        throw ApiException(ApiError::BadRequest, "public_key must be the base64 of a raw 32-byte X25519 public key.");
    }
    if (std::all_of(key->begin(), key->end(), [](unsigned char b) { return b == 0; })) {
        throw ApiException(ApiError::BadRequest, "public_key is the all-zero key, which is not a usable X25519 key.");
    }

    Enrolment enrolment;
    store.writeTransaction([&] {
        const auto userId = store.consumeEnrolCode(codeHash(normalised), now);
        if (!userId) {
            throw ApiException(ApiError::CodeInvalid,
                               "This enrolment code is unknown, already used or expired; ask your administrator "
                               "for a new one.");
        }
        DeviceInfo device;
        device.id = newId();
        device.userId = *userId;
        device.name = std::string(deviceName);
        device.publicKey = crypto::base64Encode(*key);
        std::string refresh = crypto::randomToken(32);
        device.refreshHash = tokenHash(refresh);
        device.createdAt = now;
        device.lastSeenAt = now;
        store.addDevice(device);
        store.appendAudit(AuditEntry{0, now, "enrol", *userId, device.id, {}});
        enrolment = Enrolment{device.id, *userId, std::move(refresh)};
    });
    return enrolment;
}

AuthService::AccessToken AuthService::issueAccessToken(Store& store, std::string_view deviceId,
                                                       std::string_view refreshToken, std::int64_t now) const
{
    if (!isId(deviceId)) {
        throw ApiException(ApiError::BadRequest, "device_id must be 32 lowercase hex characters.");
    }
    if (refreshToken.empty() || refreshToken.size() > kMaxTokenLength) {
        throw ApiException(ApiError::Unauthorized, "The refresh token is not valid for this device.");
    }
    const std::string presented = tokenHash(refreshToken);
    AccessToken issued;
    bool reused = false;
    store.writeTransaction([&] {
        const auto device = store.device(deviceId);
        // The same answer for an unknown device and a wrong token: nothing to learn by probing.
        if (!device) {
            throw ApiException(ApiError::Unauthorized, "The refresh token is not valid for this device.");
        }
        const bool current = !device->refreshHash.empty() && crypto::constantTimeEqual(presented, device->refreshHash);
        std::optional<RetiredRefreshToken> retired;
        if (!current) {
            retired = store.retiredRefreshToken(presented);
            if (!retired || retired->deviceId != device->id) {
                throw ApiException(ApiError::Unauthorized, "The refresh token is not valid for this device.");
            }
        }
        // A revoked device learns it whichever of its tokens it shows, so that it wipes its data.
        if (device->revokedAt) {
            throw ApiException(ApiError::DeviceRevoked,
                               "This device has been revoked: wipe its local data and enrol again.");
        }
        if (retired && retired->retiredAt + m_settings.refreshReuseGraceSeconds < now) {
            reused = true;
            store.endDeviceSession(device->id);
            store.appendAudit(AuditEntry{0, now, "token.reuse", device->userId, device->id, {}});
            raiseReuseAlert(store, *device, now);
            return; // committed: the session ends even though the call fails
        }
        if (device->lastSeenAt + m_settings.refreshIdleSeconds < now) {
            store.endDeviceSession(device->id);
            store.appendAudit(AuditEntry{0, now, "token.idle_expired", device->userId, device->id, {}});
            throw ApiException(ApiError::Unauthorized,
                               "This device has not been used for too long; enrol it again with a new code.");
        }
        store.purgeExpiredTokens(now);
        std::string token = crypto::randomToken(32);
        std::string refresh = crypto::randomToken(32);
        store.addAccessToken(tokenHash(token), device->id, now + m_settings.accessTokenSeconds);
        store.rotateRefreshToken(device->id, device->refreshHash, tokenHash(refresh), now);
        store.touchDevice(device->id, now);
        store.appendAudit(AuditEntry{0, now, "token", device->userId, device->id, {}});
        issued = AccessToken{std::move(token), m_settings.accessTokenSeconds, std::move(refresh)};
    });
    if (reused) {
        throw ApiException(ApiError::Unauthorized,
                           "This refresh token was already used, so the device's session has ended; enrol it again.");
    }
    return issued;
}

void AuthService::raiseReuseAlert(Store& store, const DeviceInfo& device, std::int64_t now)
{
    std::vector<std::string> admins;
    for (const User& user : store.users()) {
        if (user.roles.has(Role::Admin)) {
            admins.push_back(user.id);
        }
    }
    const std::string node = store.setting("node_id").value_or(std::string(32, '0'));
    for (const std::string& admin : admins) {
        StoredRecord alert;
        alert.record.type = "alert";
        alert.record.id = newId();
        alert.record.hlc = serverHlc(now * 1000, node);
        alert.record.formVersion = 1;
        alert.record.fields = boost::json::object{
            {"recipient", admin},      {"kind", "token_reuse"}, {"device_id", device.id},
            {"user_id", device.userId}, {"reason", "refresh_token_reused"}, {"raised_at", formatInstant(now)},
        };
        alert.state = RecordState::Applied;
        alert.audience = admin;
        alert.changeId = newId();
        alert.updatedAt = now;
        store.putRecord(alert);
    }
    // Ids only: never the token.
    logLine("warning", {{"event", "refresh_token_reuse"}, {"device", device.id}, {"admins_alerted", admins.size()}});
}

Caller AuthService::authenticate(Store& store, std::string_view authorization, std::int64_t now) const
{
    constexpr std::string_view kScheme = "bearer ";
    if (authorization.size() <= kScheme.size() || authorization.size() > kScheme.size() + kMaxTokenLength) {
        throw ApiException(ApiError::Unauthorized, "An access token is required: Authorization: Bearer <token>.");
    }
    for (std::size_t i = 0; i < kScheme.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(authorization[i])) != kScheme[i]) {
            throw ApiException(ApiError::Unauthorized,
                               "An access token is required: Authorization: Bearer <token>.");
        }
    }
    const std::string_view token = authorization.substr(kScheme.size());
    const std::string hash = tokenHash(token);
    const auto found = store.accessToken(hash);
    if (!found) {
        throw ApiException(ApiError::Unauthorized, "The access token is not known; ask /v1/token for a new one.");
    }
    const auto device = store.device(found->deviceId);
    if (!device) {
        throw ApiException(ApiError::Unauthorized, "The access token is not known; ask /v1/token for a new one.");
    }
    if (device->revokedAt) {
        throw ApiException(ApiError::DeviceRevoked, "This device has been revoked: wipe its local data and enrol again.");
    }
    if (found->expiresAt <= now) {
        throw ApiException(ApiError::TokenExpired, "The access token has expired; ask /v1/token for a new one.");
    }
    auto user = store.user(device->userId);
    if (!user) {
        throw ApiException(ApiError::Unauthorized, "The device's user no longer exists.");
    }
    if (device->lastSeenAt + kTouchInterval < now) {
        store.touchDevice(device->id, now);
    }
    return Caller{std::move(*user), device->id};
}

} // namespace fieldbook::server
