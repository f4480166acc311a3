#include "cli/serverfiles.h"

#include "model/formdefinition.h"
#include "store/pgconnection.h"
#include "store/pgstore.h"
#include "store/sqlitestore.h"

#include <fcntl.h>
#include <filesystem>
#include <stdexcept>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fieldbook::server {

ServerFiles ServerFiles::forDatabase(const std::string& database, const std::optional<std::string>& keyFile,
                                     const std::optional<std::string>& stateDir)
{
    if (database.empty()) {
        throw std::runtime_error("--db must name a file or a postgresql:// URI");
    }
    ServerFiles files;
    if (isPostgresUri(database)) {
        const std::filesystem::path dir = stateDir.value_or(".");
        files.postgresUri = database;
        files.keyFile = keyFile.value_or((dir / "fieldbook.key").string());
        files.certificate = (dir / "fieldbook.cert.pem").string();
        files.privateKey = (dir / "fieldbook.key.pem").string();
        return files;
    }
    files.database = database;
    files.keyFile = keyFile.value_or(database + ".key");
    files.certificate = database + ".cert.pem";
    files.privateKey = database + ".key.pem";
    return files;
}

void ServerFiles::prepareFolder() const
{
    if (postgres()) {
        const auto folder = std::filesystem::path(keyFile).parent_path();
        if (!folder.empty() && !std::filesystem::exists(folder)) {
            std::filesystem::create_directories(folder);
            std::filesystem::permissions(folder, std::filesystem::perms::owner_all);
        }
        return;
    }
    const auto parent = std::filesystem::path(database).parent_path();
    if (!parent.empty() && !std::filesystem::exists(parent)) {
        std::filesystem::create_directories(parent);
        std::filesystem::permissions(parent, std::filesystem::perms::owner_all);
    }
    // Special-category data: the database (and SQLite's -wal and -shm, which copy its mode) is
    // readable by its owner only. An existing file keeps the mode its operator gave it.
    const int fd = ::open(database.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
    }
}

KeyFileLock::KeyFileLock(const std::string& keyFile, Mode mode)
{
    const std::string path = keyFile + ".lock";
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_fd < 0) {
        throw std::runtime_error("cannot open the lock file " + path);
    }
    const int operation = (mode == Mode::Shared ? LOCK_SH : LOCK_EX) | LOCK_NB;
    if (::flock(m_fd, operation) != 0) {
        ::close(m_fd);
        m_fd = -1;
        throw std::runtime_error(mode == Mode::Exclusive
                                     ? "a server is running on this database; stop it before rotating the key"
                                     : "the key is being rotated; start the server when `admin rotate-key` is done");
    }
}

KeyFileLock::~KeyFileLock()
{
    if (m_fd >= 0) {
        ::flock(m_fd, LOCK_UN);
        ::close(m_fd);
    }
}

std::shared_ptr<const KeyRing> loadKeys(const ServerFiles& files)
{
    namespace fs = std::filesystem;
    if (files.postgres()) {
        if (!fs::exists(files.keyFile) && PgStore::hasSchema(files.postgresUri)) {
            throw std::runtime_error("the key file " + files.keyFile +
                                     " is missing but the PostgreSQL database is in use; give the right --state-dir or "
                                     "--key-file (a new key could not open its sealed fields)");
        }
        return std::make_shared<const KeyRing>(KeyRing::loadOrCreate(files.keyFile));
    }
    std::error_code ec;
    const bool databaseInUse = fs::exists(files.database) && fs::file_size(files.database, ec) > 0;
    if (databaseInUse && !fs::exists(files.keyFile)) {
        throw std::runtime_error("the key file " + files.keyFile + " is missing but the database " + files.database +
                                 " exists; give the right --key-file (a new key could not open its sealed fields)");
    }
    return std::make_shared<const KeyRing>(KeyRing::loadOrCreate(files.keyFile));
}

std::unique_ptr<SqliteStore> openSqliteStore(const ServerFiles& files, std::shared_ptr<const KeyRing> keys,
                                             bool synchronousNormal)
{
    return std::make_unique<SqliteStore>(files.database, std::move(keys), FormRegistry::builtin(), synchronousNormal);
}

std::unique_ptr<Store> openStore(const ServerFiles& files, std::shared_ptr<const KeyRing> keys,
                                 bool synchronousNormal)
{
    if (files.postgres()) {
        return std::make_unique<PgStore>(files.postgresUri, std::move(keys), FormRegistry::builtin());
    }
    return std::make_unique<SqliteStore>(files.database, std::move(keys), FormRegistry::builtin(),
                                         synchronousNormal);
}

} // namespace fieldbook::server
