// `fieldbook-server serve`: prepares the files, prints the certificate fingerprint and the
// address (stdout, flushed: scripts and tests wait for these lines), serves until SIGINT or
// SIGTERM and exits 0 after a graceful stop.
#include "cli/commandline.h"
#include "cli/options.h"
#include "cli/serverfiles.h"

#include "handlers/handlers.h"
#include "log/log.h"
#include "model/ids.h"
#include "net/certificate.h"
#include "net/httpserver.h"
#include "store/pgstore.h"
#include "util/buildinfo.h"
#include "util/clock.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include <charconv>
#include <csignal>
#include <cstdio>

namespace fieldbook::server {

namespace {

void parseListen(const std::string& text, const std::string& option, std::string& hostOut, unsigned short& portOut)
{
    std::string host;
    std::string port;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') {
            throw UsageError(option + " must be HOST:PORT or [IPV6]:PORT");
        }
        host = text.substr(1, close - 1);
        port = text.substr(close + 2);
    } else {
        const auto colon = text.rfind(':');
        if (colon == std::string::npos) {
            throw UsageError(option + " must be HOST:PORT");
        }
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
    }
    unsigned value = 0;
    const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (host.empty() || port.empty() || error != std::errc() || end != port.data() + port.size() || value > 65535) {
        throw UsageError(option + " must be HOST:PORT with a port from 0 to 65535");
    }
    hostOut = host;
    portOut = static_cast<unsigned short>(value);
}

// Every serve option, its value, its default and what it does: the one list that --help prints
// and that the environment (FIELDBOOK_<NAME>) may fill.
struct ServeFlag
{
    const char* name;
    const char* value; // "" for a flag without a value
    const char* fallback;
    const char* help;
};

constexpr ServeFlag kServeFlags[] = {
    {"--db", "PATH|URI", "(required)",
     "the SQLite database (its key, certificate and lock sit beside it) or a postgresql://USER@HOST:PORT/DBNAME URI"},
    {"--state-dir", "DIR", "(the working directory)",
     "with a PostgreSQL URI: where the sealing key, its lock and the certificate are; shared by its processes"},
    {"--listen", "HOST:PORT", "127.0.0.1:8443", "the HTTPS address; port 0 picks a free one"},
    {"--cert", "PEM", "(self-signed, <db>.cert.pem)", "certificate chain; goes with --key"},
    {"--key", "PEM", "(self-signed, <db>.key.pem)", "private key of --cert"},
    {"--key-file", "PATH", "<db>.key", "the key that seals special-category fields"},
    {"--workers", "N", "4", "handler threads, each with its own database connection"},
    {"--max-connections", "N", "0 (from RLIMIT_NOFILE)", "open connections in all"},
    {"--max-connections-per-address", "N", "64", "open connections from one address"},
    {"--body-limit", "BYTES", "4194304", "largest request body of an authenticated request"},
    {"--handshake-timeout-ms", "MS", "5000", "the TLS handshake must end within this"},
    {"--header-timeout-ms", "MS", "10000", "a request's headers must arrive within this"},
    {"--idle-timeout-ms", "MS", "30000", "a kept-alive connection with no request is closed after this"},
    {"--body-grace-ms", "MS", "10000", "a body may take this long plus its size at --body-min-rate"},
    {"--body-min-rate", "BYTES", "16384", "slowest body accepted, in bytes a second after the grace"},
    {"--read-timeout", "SECONDS", "(unset)", "older spelling: sets --header-timeout-ms and --body-grace-ms"},
    {"--rate-enrol", "N", "30", "enrolments a minute from one address, all at once if need be (an office's 20 phones)"},
    {"--rate-enrol-global", "N", "240", "enrolments a minute from all addresses together"},
    {"--rate-enrol-code", "N", "5", "attempts a minute with one and the same code, from any address"},
    {"--rate-token", "N", "60", "token calls a minute from one address"},
    {"--access-token-seconds", "N", "900", "lifetime of an access token"},
    {"--refresh-idle-seconds", "N", "2592000 (30 days)", "a device unseen for this long must enrol again"},
    {"--refresh-reuse-grace", "SECONDS", "300",
     "a just-rotated refresh token still works this long (a retry after a lost answer)"},
    {"--metrics-listen", "HOST:PORT", "(off)", "plain-HTTP GET /metrics on a loopback address"},
    {"--log-level", "LEVEL", "info", "debug, info, warning or error"},
    {"--synchronous-normal", "", "(off)", "SQLite synchronous=NORMAL: faster, may lose the last commits on power loss"},
    {"--quiet", "", "(off)", "no request log lines (errors and failed authentications are still logged)"},
    {"--test-clock-offset", "SECONDS", "0", "tests only: run as if the clock were this far ahead (a warning is logged)"},
};

} // namespace

std::string serveUsage()
{
    std::string out = "usage: fieldbook-server serve --db PATH|URI [options]\n"
                      "Every option may also come from the environment: --max-connections as\n"
                      "FIELDBOOK_MAX_CONNECTIONS, a flag as FIELDBOOK_QUIET=1. The command line wins.\n\n";
    for (const auto& flag : kServeFlags) {
        std::string left = std::string("  ") + flag.name + (*flag.value ? std::string(" ") + flag.value : "");
        left.resize(std::max<std::size_t>(left.size() + 1, 40), ' ');
        out += left + flag.help + "\n" + std::string(40, ' ') + "default: " + flag.fallback + "\n";
    }
    return out;
}

int runServe(const std::vector<std::string>& args)
{
    std::set<std::string> valued;
    std::set<std::string> flags;
    for (const auto& flag : kServeFlags) {
        (*flag.value ? valued : flags).insert(flag.name);
    }
    Options cli(args, valued, flags);
    cli.addEnvironment(valued, flags);
    if (const auto level = cli.value("--log-level"); level && !setLogLevel(*level)) {
        throw UsageError("--log-level must be debug, info, warning or error");
    }
    const ServerFiles files =
        ServerFiles::forDatabase(cli.required("--db"), cli.value("--key-file"), cli.value("--state-dir"));
    ServerOptions options;
    parseListen(cli.value("--listen").value_or("127.0.0.1:8443"), "--listen", options.host, options.port);
    options.workerThreads = static_cast<std::size_t>(cli.integer("--workers", 4, 1, 64));
    options.maxConnections = static_cast<std::size_t>(cli.integer("--max-connections", 0, 0, 1000000));
    options.maxConnectionsPerAddress =
        static_cast<std::size_t>(cli.integer("--max-connections-per-address", 64, 1, 1000000));
    options.maxInFlight = std::max<std::size_t>(64, options.workerThreads * 16);
    options.bodyLimit = static_cast<std::size_t>(cli.integer("--body-limit", 4LL * 1024 * 1024, 1024, 64LL * 1024 * 1024));
    using std::chrono::milliseconds;
    options.handshakeTimeout = milliseconds(cli.integer("--handshake-timeout-ms", 5000, 10, 600000));
    options.headerTimeout = milliseconds(cli.integer("--header-timeout-ms", 10000, 10, 600000));
    options.idleTimeout = milliseconds(cli.integer("--idle-timeout-ms", 30000, 10, 3600000));
    options.bodyGrace = milliseconds(cli.integer("--body-grace-ms", 10000, 10, 600000));
    if (cli.value("--read-timeout")) {
        const auto seconds = milliseconds(1000 * cli.integer("--read-timeout", 10, 1, 3600));
        options.headerTimeout = seconds;
        options.bodyGrace = seconds;
    }
    options.bodyMinRate = static_cast<std::size_t>(cli.integer("--body-min-rate", 16 * 1024, 1, 1LL << 30));
    AuthSettings authSettings;
    authSettings.accessTokenSeconds = cli.integer("--access-token-seconds", 15LL * 60, 1, 24LL * 60 * 60);
    authSettings.refreshIdleSeconds = cli.integer("--refresh-idle-seconds", 30LL * 24 * 60 * 60, 1, 3650LL * 24 * 60 * 60);
    authSettings.refreshReuseGraceSeconds = cli.integer("--refresh-reuse-grace", 300, 0, 24LL * 60 * 60);
    const double enrolPerMinute = static_cast<double>(cli.integer("--rate-enrol", 30, 1, 1000000));
    const double enrolGlobalPerMinute = static_cast<double>(cli.integer("--rate-enrol-global", 240, 1, 1000000));
    const double enrolCodePerMinute = static_cast<double>(cli.integer("--rate-enrol-code", 5, 1, 1000000));
    const double tokenPerMinute = static_cast<double>(cli.integer("--rate-token", 60, 1, 1000000));
    const bool synchronousNormal = cli.flag("--synchronous-normal");
    // For tests only: runs the server as if its clock were this many seconds ahead (or behind), so
    // that a suite can see a four-hour break-the-glass grant expire without waiting for it.
    const Clock clock(cli.integer("--test-clock-offset", 0, -10LL * 366 * 86400, 10LL * 366 * 86400));
    setRequestLogEnabled(!cli.flag("--quiet"));
    // A reader of our stdout that goes away must not kill the server.
    std::signal(SIGPIPE, SIG_IGN);

    const auto cert = cli.value("--cert");
    const auto key = cli.value("--key");
    if (cert.has_value() != key.has_value()) {
        throw UsageError("--cert and --key go together");
    }
    std::optional<std::pair<std::string, unsigned short>> metricsAddress;
    if (const auto text = cli.value("--metrics-listen")) {
        std::string host;
        unsigned short port = 0;
        parseListen(*text, "--metrics-listen", host, port);
        if (host.rfind("127.", 0) != 0 && host != "::1" && host != "localhost") {
            throw UsageError("--metrics-listen must be on a loopback address (127.0.0.1, ::1): metrics are for "
                             "this machine only");
        }
        metricsAddress.emplace(host == "localhost" ? "127.0.0.1" : host, port);
    }
    files.prepareFolder();
    if (cert) {
        options.certificatePath = *cert;
        options.privateKeyPath = *key;
    } else {
        ensureSelfSignedCertificate(files.certificate, files.privateKey);
        options.certificatePath = files.certificate;
        options.privateKeyPath = files.privateKey;
    }
    const std::string fingerprint = certificateFingerprint(options.certificatePath);

    const KeyFileLock lock(files.keyFile, KeyFileLock::Mode::Shared);
    auto keys = loadKeys(files);

    // Migrate and read the server's own clock id once, before any worker opens a connection.
    std::string node;
    {
        auto store = openStore(files, keys, synchronousNormal);
        if (auto* shared = dynamic_cast<PgStore*>(store.get())) {
            shared->checkKey();
        }
        store->writeTransaction([&] {
            node = store->setting("node_id").value_or("");
            if (node.empty()) {
                node = newId();
                store->setSetting("node_id", node);
            }
        });
        store->purgeExpiredTokens(clock.seconds());
    }

    StorePool stores([&files, keys, synchronousNormal] { return openStore(files, keys, synchronousNormal); });
    const AuthService auth(authSettings);
    const PushService push(FormRegistry::builtin());
    const PullService pull(node);
    // A whole minute's worth may come at once: by default an office enrolling 20 phones behind
    // one router is not refused.
    RateLimiter enrolLimiter(enrolPerMinute, enrolPerMinute);
    RateLimiter enrolGlobalLimiter(enrolGlobalPerMinute, std::max(1.0, enrolGlobalPerMinute / 2));
    // A code is a secret of 60 bits: nobody needs more than a few tries at the same one.
    RateLimiter enrolCodeLimiter(enrolCodePerMinute, enrolCodePerMinute);
    RateLimiter tokenLimiter(tokenPerMinute, tokenPerMinute);
    const ReviewService review(node);
    const BreakGlassService breakGlass(node);
    ServerContext context{stores,       auth,         push,   pull,       FormRegistry::builtin(),
                          enrolLimiter, tokenLimiter, review, breakGlass, clock};
    context.enrolGlobalLimiter = &enrolGlobalLimiter;
    context.enrolCodeLimiter = &enrolCodeLimiter;
    std::unique_ptr<WriteQueue> writer;
    if (auto opened = openStore(files, keys, synchronousNormal); dynamic_cast<SqliteStore*>(opened.get()) != nullptr) {
        std::unique_ptr<SqliteStore> sqlite(static_cast<SqliteStore*>(opened.release()));
        sqlite->tuneForWriting();
        writer = std::make_unique<WriteQueue>(std::move(sqlite));
        context.writer = writer.get();
    }
    Router router;
    addAllRoutes(router, context);
    Metrics metrics(router.paths());
    metrics.setDatabaseSize([database = files.database] {
        std::int64_t bytes = 0;
        for (const std::string& path : {database, database + "-wal"}) {
            std::error_code ec;
            const auto size = std::filesystem::file_size(path, ec);
            bytes += ec ? 0 : static_cast<std::int64_t>(size);
        }
        return bytes;
    });
    context.metrics = &metrics;
    options.observer.onResponse = [&metrics](const std::string& method, const std::string& path, int status,
                                             double seconds) { metrics.recordResponse(method, path, status, seconds); };
    options.observer.onConnections = [&metrics](std::size_t open) { metrics.setOpenConnections(open); };
    options.admit = makeAdmission(context, options.bodyLimit);
    if (metricsAddress) {
        options.metricsHost = metricsAddress->first;
        options.metricsPort = metricsAddress->second;
        options.metricsText = [&metrics] { return metrics.render(); };
        options.onMetricsListening = [host = metricsAddress->first](unsigned short port) {
            const bool v6 = host.find(':') != std::string::npos;
            std::printf("metrics on http://%s%s%s:%u/metrics\n", v6 ? "[" : "", host.c_str(), v6 ? "]" : "",
                        static_cast<unsigned>(port));
            std::fflush(stdout);
            logLine("info", {{"event", "metrics_listening"}, {"port", port}});
        };
    }

    std::printf("certificate fingerprint (SHA-256): %s\n", fingerprint.c_str());
    std::fflush(stdout);
    if (clock.offset() != 0) {
        logLine("warning", {{"event", "test_clock_offset"}, {"seconds", clock.offset()}});
    }
    options.onListening = [](const std::string& host, unsigned short port) {
        const bool v6 = host.find(':') != std::string::npos;
        std::printf("listening on https://%s%s%s:%u\n", v6 ? "[" : "", host.c_str(), v6 ? "]" : "",
                    static_cast<unsigned>(port));
        std::fflush(stdout);
        logLine("info", {{"event", "listening"}, {"port", port}, {"version", serverVersion()}});
    };
    runHttpServer(options, router);
    logLine("info", {{"event", "stopped"}});
    return 0;
}

} // namespace fieldbook::server
