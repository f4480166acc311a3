#include "store/keyring.h"

#include "crypto/random.h"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace fieldbook::server {

namespace {

constexpr const char* kHeader = "# fieldbook at-rest keys: keep this file out of database backups";

std::string freshId(const KeyRing* existing)
{
    for (;;) {
        std::string id = crypto::toHex(crypto::randomBytes(4));
        if (existing == nullptr || existing->key(id) == nullptr) {
            return id;
        }
    }
}

void writeAll(int fd, const std::string& text, const std::string& path)
{
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw std::runtime_error("cannot write " + path);
        }
        done += static_cast<std::size_t>(n);
    }
}

} // namespace

KeyRing KeyRing::load(const std::string& path)
{
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error("cannot read the key file " + path);
    }
    struct stat info{};
    if (::stat(path.c_str(), &info) == 0 && (info.st_mode & 0077) != 0) {
        throw std::runtime_error("the key file " + path + " is readable by others; chmod 600 it");
    }
    KeyRing ring;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line.front() == '#') {
            continue;
        }
        std::istringstream fields(line);
        std::string id;
        std::string hex;
        fields >> id >> hex;
        auto key = crypto::fromHex(hex);
        if (id.size() != 8 || !crypto::fromHex(id) || !key || key->size() != 32) {
            throw std::runtime_error("the key file " + path + " is malformed at line " + std::to_string(number));
        }
        ring.m_keys.emplace_back(id, std::move(*key));
    }
    if (ring.m_keys.empty()) {
        throw std::runtime_error("the key file " + path + " holds no key");
    }
    return ring;
}

KeyRing KeyRing::loadOrCreate(const std::string& path)
{
    if (std::filesystem::exists(path)) {
        return load(path);
    }
    KeyRing ring;
    ring.m_keys.emplace_back(freshId(nullptr), crypto::randomBytes(32));
    ring.save(path);
    return ring;
}

const crypto::Bytes* KeyRing::key(std::string_view id) const
{
    for (const auto& [keyId, key] : m_keys) {
        if (keyId == id) {
            return &key;
        }
    }
    return nullptr;
}

std::vector<std::string> KeyRing::ids() const
{
    std::vector<std::string> out;
    for (const auto& entry : m_keys) {
        out.push_back(entry.first);
    }
    return out;
}

KeyRing KeyRing::withNewKey() const
{
    KeyRing ring = *this;
    ring.m_keys.emplace_back(freshId(this), crypto::randomBytes(32));
    return ring;
}

KeyRing KeyRing::currentOnly() const
{
    KeyRing ring;
    ring.m_keys.push_back(m_keys.back());
    return ring;
}

void KeyRing::save(const std::string& path) const
{
    std::string text = std::string(kHeader) + "\n";
    for (const auto& [id, key] : m_keys) {
        text += id + " " + crypto::toHex(key) + "\n";
    }
    const std::string temporary = path + ".tmp";
    ::unlink(temporary.c_str());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw std::runtime_error("cannot create " + temporary);
    }
    try {
        writeAll(fd, text, temporary);
        if (::fsync(fd) != 0) {
            throw std::runtime_error("cannot sync " + temporary);
        }
    } catch (...) {
        ::close(fd);
        crypto::wipe(text);
        throw;
    }
    ::close(fd);
    crypto::wipe(text);
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        throw std::runtime_error("cannot replace " + path);
    }
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    const int dir = ::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

} // namespace fieldbook::server
