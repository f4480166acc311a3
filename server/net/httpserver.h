// The HTTPS front of the server: TLS, connections, HTTP/1.1 keep-alive, timeouts, body limit,
// per-address and global connection limits, authentication before the body, bounded
// concurrency, graceful shutdown. This header is free of Beast and OpenSSL on purpose:
// all of them live in httpserver.cpp, the one translation unit that pays for them.
#pragma once

#include "http/router.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace fieldbook::server {

// What the server decides about a request once its headers are read and before its body is:
// a refusal (sent at once, the body left unread and the connection closed), or how many body
// bytes it may send. Runs on a worker thread (it may read the store).
struct Admission
{
    std::optional<Response> refusal;
    std::size_t bodyLimit = 0;
};

// Open connections and requests as the network layer sees them, for the metrics listener.
struct ServerObserver
{
    // After a response is written: the route (the path), its status and the time since the
    // request's headers were read.
    std::function<void(const std::string& method, const std::string& path, int status, double seconds)> onResponse;
    std::function<void(std::size_t openConnections)> onConnections;
};

struct ServerOptions
{
    std::string host = "127.0.0.1";
    unsigned short port = 0; // 0 picks a free port; the chosen one is passed to onListening
    std::string certificatePath; // PEM certificate (chain)
    std::string privateKeyPath;  // PEM private key

    std::size_t networkThreads = 2; // TLS and HTTP parsing
    std::size_t workerThreads = 4;  // handlers (they block on SQLite), each with its own connection
    // 0: sized from the file-descriptor limit (RLIMIT_NOFILE, raised to its hard limit), less a
    // reserve for the database and logs. A given number is capped by the same bound.
    std::size_t maxConnections = 0;
    // One address holds at most this many connections; the rest are refused at accept. Sized
    // for an office of phones behind one router, each with a connection or two.
    std::size_t maxConnectionsPerAddress = 64;
    std::size_t maxInFlight = 64; // requests queued or running in handlers; more get 503 busy
    std::size_t bodyLimit = 4UL * 1024 * 1024;
    std::size_t headerLimit = 16UL * 1024;
    std::chrono::milliseconds handshakeTimeout{5000}; // from accept to the end of the TLS handshake
    std::chrono::milliseconds headerTimeout{10000};   // from the first byte (or the handshake) to the last header
    std::chrono::milliseconds idleTimeout{30000};     // waiting for the next request on a kept-alive connection
    // A body must arrive at bodyMinRate bytes a second after a first bodyGrace; slower is cut off.
    std::chrono::milliseconds bodyGrace{10000};
    std::size_t bodyMinRate = 16UL * 1024;
    std::chrono::milliseconds writeTimeout{30000};
    // After a refusal with the body unread: how long the unread bytes are drained (and dropped)
    // so that the peer reads the answer instead of a reset.
    std::chrono::milliseconds lingerTimeout{2000};
    std::chrono::seconds shutdownGrace{10}; // how long a stop waits for requests in flight

    // Consulted for every request with a body; without it every body may be bodyLimit bytes.
    std::function<Admission(const Request& head)> admit;
    ServerObserver observer;

    // Plain HTTP `GET /metrics` on a second listener, when metricsText is set. Bound to a
    // loopback address only (the command line refuses another): metrics name no person but
    // describe the service, and are for the operator's own scraper.
    std::string metricsHost = "127.0.0.1";
    unsigned short metricsPort = 0;
    std::function<std::string()> metricsText;
    std::function<void(unsigned short port)> onMetricsListening;

    // Called once, on a network thread, when the socket listens (host and the real port).
    std::function<void(const std::string& host, unsigned short port)> onListening;
};

// The connection limit that `maxConnections == 0` stands for, after raising RLIMIT_NOFILE's
// soft limit to its hard limit (at most 65536).
std::size_t connectionLimitFromFiles();

// Binds, serves until SIGINT or SIGTERM, then stops accepting, lets requests in flight finish
// (up to shutdownGrace), closes every connection and returns. Throws std::runtime_error when the
// address cannot be bound or the certificate or key cannot be loaded.
void runHttpServer(const ServerOptions& options, const Router& router);

} // namespace fieldbook::server
