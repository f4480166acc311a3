#include "admin/backup.h"

#include "storage/sqlitedb.h"
#include "store/keyring.h"
#include "store/schema.h"

#include <fcntl.h>
#include <filesystem>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace fieldbook::server {

namespace fs = std::filesystem;

namespace {

// Copies with mode 0600 from the first byte: a key is never readable by others, not even briefly.
void copyPrivate(const std::string& from, const std::string& to)
{
    std::error_code ec;
    const int fd = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw std::runtime_error("cannot create " + to + " (it may exist already)");
    }
    ::close(fd);
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    if (ec) {
        fs::remove(to);
        throw std::runtime_error("cannot copy " + from + " to " + to + ": " + ec.message());
    }
    fs::permissions(to, fs::perms::owner_read | fs::perms::owner_write, ec);
}

void checkIntegrity(const std::string& path)
{
    SqliteDb db(path);
    auto check = db.prepare("PRAGMA integrity_check");
    if (!check.step() || check.text(0) != "ok") {
        throw std::runtime_error(path + " is not an intact SQLite database");
    }
    const int version = db.userVersion();
    if (version < 1 || version > kSchemaVersion) {
        throw std::runtime_error(path + " has schema version " + std::to_string(version) + "; this server reads 1 to " +
                                 std::to_string(kSchemaVersion));
    }
}

} // namespace

BackupResult backupDatabase(const ServerFiles& files, const std::string& out, const std::optional<std::string>& keyOut)
{
    if (!fs::exists(files.database) || fs::file_size(files.database) == 0) {
        throw std::runtime_error("there is no database at " + files.database);
    }
    if (fs::exists(out)) {
        throw std::runtime_error(out + " exists already; a backup never overwrites a file");
    }
    {
        SqliteDb db(files.database);
        // The new file is created by SQLite with the process umask: made 0600 first instead.
        const int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) {
            throw std::runtime_error("cannot create " + out);
        }
        ::close(fd);
        fs::remove(out); // VACUUM INTO needs the path free; the check above stays the guard
        db.prepare("VACUUM INTO ?").bind(1, out).run();
        fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write);
    }
    checkIntegrity(out);
    BackupResult result{out, "", static_cast<std::int64_t>(fs::file_size(out))};
    if (keyOut && !keyOut->empty()) {
        copyPrivate(files.keyFile, *keyOut);
        result.keyFile = *keyOut;
    }
    return result;
}

void restoreDatabase(const std::string& from, const std::string& keyFrom, const ServerFiles& target)
{
    if (fs::exists(target.database) && fs::file_size(target.database) > 0) {
        throw std::runtime_error(target.database + " exists; restore only to a new path (move the old database away)");
    }
    if (fs::exists(target.keyFile)) {
        throw std::runtime_error(target.keyFile + " exists; restore only beside no key file");
    }
    if (!fs::exists(from)) {
        throw std::runtime_error("there is no backup at " + from);
    }
    if (!fs::exists(keyFrom)) {
        throw std::runtime_error("the backup's key " + keyFrom + " is missing (give --key-from)");
    }
    KeyRing::load(keyFrom); // a damaged key file is refused before anything is written
    const auto parent = fs::path(target.database).parent_path();
    if (!parent.empty() && !fs::exists(parent)) {
        fs::create_directories(parent);
        fs::permissions(parent, fs::perms::owner_all);
    }
    const std::string staging = target.database + ".restoring";
    fs::remove(staging);
    copyPrivate(from, staging);
    try {
        checkIntegrity(staging);
    } catch (...) {
        fs::remove(staging);
        throw;
    }
    fs::remove(target.database); // the empty file a previous command may have made
    fs::rename(staging, target.database);
    copyPrivate(keyFrom, target.keyFile);
    // Opened once through the store: migrated to this binary's schema before any server uses it.
    auto store = openStore(target, std::make_shared<const KeyRing>(KeyRing::load(target.keyFile)));
    store->readTransaction([&] { store->lastSequence(); });
}

} // namespace fieldbook::server
