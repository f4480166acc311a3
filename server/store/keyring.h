// The at-rest keys of the server's database, in a key file kept outside the database (by
// default `<db>.key` beside it; put it elsewhere with --key-file so that a copy of the database
// alone reveals nothing sealed). The file lists every key still needed, one per line:
// "<8-hex id> <64-hex key>"; the last line is the current key, used for every new seal.
// Immutable once loaded; rotation builds a new ring and rewrites the file.
#pragma once

#include "crypto/bytes.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fieldbook::server {

class KeyRing
{
public:
    // Loads the file, creating it (mode 0600, one fresh key) when it does not exist.
    // Throws std::runtime_error naming the problem when the file is unreadable or malformed.
    static KeyRing loadOrCreate(const std::string& path);
    static KeyRing load(const std::string& path);

    const std::string& currentId() const { return m_keys.back().first; }
    const crypto::Bytes& current() const { return m_keys.back().second; }
    // nullptr when the ring has no key with this id.
    const crypto::Bytes* key(std::string_view id) const;
    std::vector<std::string> ids() const;

    // A ring with a fresh key appended and made current.
    KeyRing withNewKey() const;
    // A ring with only the current key.
    KeyRing currentOnly() const;
    // Replaces the file atomically (write, fsync, rename): a crash leaves the old or the new file.
    void save(const std::string& path) const;

private:
    std::vector<std::pair<std::string, crypto::Bytes>> m_keys;
};

} // namespace fieldbook::server
