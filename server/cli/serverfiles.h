// Where the server keeps its files, all derived from --db unless given:
//   <db>            the SQLite database (plus SQLite's -wal and -shm)
//   <db>.key        the at-rest key file (--key-file to keep it elsewhere), 0600
//   <db>.key.lock   held shared by `serve`, exclusively by `admin rotate-key`
//   <db>.cert.pem   the self-signed certificate when no --cert/--key is given
//   <db>.key.pem    its private key, 0600
// With a PostgreSQL URI as --db there is no database file: the key, its lock and the certificate
// are fieldbook.key, fieldbook.key.lock, fieldbook.cert.pem and fieldbook.key.pem in --state-dir
// (default: the working directory). Every process on one database must use the same key.
#pragma once

#include "store/keyring.h"
#include "store/sqlitestore.h"
#include "store/store.h"

#include <memory>
#include <optional>
#include <string>

namespace fieldbook::server {

struct ServerFiles
{
    std::string database;    // the SQLite file; "" with PostgreSQL
    std::string postgresUri; // "" with SQLite
    std::string keyFile;
    std::string certificate;
    std::string privateKey;

    // `database` is a path or a postgresql:// (postgres://) URI.
    static ServerFiles forDatabase(const std::string& database, const std::optional<std::string>& keyFile,
                                   const std::optional<std::string>& stateDir = std::nullopt);
    bool postgres() const { return !postgresUri.empty(); }
    // Creates the database's folder (or the state folder) with mode 0700 when new, and an empty
    // SQLite database file (0600) if needed.
    void prepareFolder() const;
};

// An advisory lock on the key file (flock on "<key file>.lock"), released on destruction.
class KeyFileLock
{
public:
    enum class Mode { Shared, Exclusive };
    // Throws std::runtime_error when the lock is held in a conflicting mode by another process.
    KeyFileLock(const std::string& keyFile, Mode mode);
    ~KeyFileLock();
    KeyFileLock(const KeyFileLock&) = delete;
    KeyFileLock& operator=(const KeyFileLock&) = delete;

private:
    int m_fd = -1;
};

// The key ring from the key file. A new key file is made only for a new database: a database
// that exists without its key file is refused (a fresh key could never open what it sealed).
std::shared_ptr<const KeyRing> loadKeys(const ServerFiles& files);

// The SQLite store itself, for what reads its tables directly (tests of the SQLite server).
std::unique_ptr<SqliteStore> openSqliteStore(const ServerFiles& files, std::shared_ptr<const KeyRing> keys,
                                             bool synchronousNormal = false);

// Opens the store with the given key ring: SQLite or PostgreSQL, as --db said.
std::unique_ptr<Store> openStore(const ServerFiles& files, std::shared_ptr<const KeyRing> keys,
                                       bool synchronousNormal = false);

} // namespace fieldbook::server
