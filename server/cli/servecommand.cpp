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
#include "util/clock.h"

#include <charconv>
#include <csignal>
#include <cstdio>

namespace fieldbook::server {

namespace {

void parseListen(const std::string& text, ServerOptions& options)
{
    std::string host;
    std::string port;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') {
            throw UsageError("--listen must be HOST:PORT or [IPV6]:PORT");
        }
        host = text.substr(1, close - 1);
        port = text.substr(close + 2);
    } else {
        const auto colon = text.rfind(':');
        if (colon == std::string::npos) {
            throw UsageError("--listen must be HOST:PORT");
        }
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
    }
    unsigned value = 0;
    const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (host.empty() || port.empty() || error != std::errc() || end != port.data() + port.size() || value > 65535) {
        throw UsageError("--listen must be HOST:PORT with a port from 0 to 65535");
    }
    options.host = host;
    options.port = static_cast<unsigned short>(value);
}

} // namespace

int runServe(const std::vector<std::string>& args)
{
    const Options cli(args,
                      {"--db", "--listen", "--cert", "--key", "--key-file", "--workers", "--max-connections",
                       "--rate-enrol", "--rate-token", "--access-token-seconds", "--read-timeout", "--test-clock-offset"},
                      {"--synchronous-normal", "--quiet"});
    const ServerFiles files = ServerFiles::forDatabase(cli.required("--db"), cli.value("--key-file"));
    ServerOptions options;
    parseListen(cli.value("--listen").value_or("127.0.0.1:8443"), options);
    options.workerThreads = static_cast<std::size_t>(cli.integer("--workers", 4, 1, 64));
    options.maxConnections = static_cast<std::size_t>(cli.integer("--max-connections", 256, 1, 100000));
    options.maxInFlight = std::max<std::size_t>(64, options.workerThreads * 16);
    options.readTimeout = std::chrono::seconds(cli.integer("--read-timeout", 30, 1, 3600));
    AuthSettings authSettings;
    authSettings.accessTokenSeconds = cli.integer("--access-token-seconds", 15LL * 60, 1, 24LL * 60 * 60);
    const double enrolPerMinute = static_cast<double>(cli.integer("--rate-enrol", 10, 1, 1000000));
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
    RateLimiter enrolLimiter(enrolPerMinute, std::max(3.0, enrolPerMinute / 2));
    RateLimiter tokenLimiter(tokenPerMinute, std::max(5.0, tokenPerMinute / 2));
    const ReviewService review(node);
    const BreakGlassService breakGlass(node);
    ServerContext context{stores,       auth,   push,       pull,  FormRegistry::builtin(),
                          enrolLimiter, tokenLimiter, review, breakGlass, clock};
    Router router;
    addAllRoutes(router, context);

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
        logLine("info", {{"event", "listening"}, {"port", port}});
    };
    runHttpServer(options, router);
    logLine("info", {{"event", "stopped"}});
    return 0;
}

} // namespace fieldbook::server
