// The HTTPS front of the server: TLS, connections, HTTP/1.1 keep-alive, timeouts, body limit,
// bounded concurrency, graceful shutdown. This header is free of Beast and OpenSSL on purpose:
// all of them live in httpserver.cpp, the one translation unit that pays for them.
#pragma once

#include "http/router.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

namespace fieldbook::server {

struct ServerOptions
{
    std::string host = "127.0.0.1";
    unsigned short port = 0; // 0 picks a free port; the chosen one is passed to onListening
    std::string certificatePath; // PEM certificate (chain)
    std::string privateKeyPath;  // PEM private key

    std::size_t networkThreads = 2; // TLS and HTTP parsing
    std::size_t workerThreads = 4;  // handlers (they block on SQLite), each with its own connection
    std::size_t maxConnections = 256;
    std::size_t maxInFlight = 64; // requests queued or running in handlers; more get 503 busy
    std::size_t bodyLimit = 4UL * 1024 * 1024;
    std::size_t headerLimit = 16UL * 1024;
    std::chrono::seconds handshakeTimeout{10};
    std::chrono::seconds readTimeout{30}; // one whole request, headers and body
    std::chrono::seconds idleTimeout{60}; // waiting for the next request on a kept-alive connection
    std::chrono::seconds writeTimeout{30};
    std::chrono::seconds shutdownGrace{10}; // how long a stop waits for requests in flight

    // Called once, on a network thread, when the socket listens (host and the real port).
    std::function<void(const std::string& host, unsigned short port)> onListening;
};

// Binds, serves until SIGINT or SIGTERM, then stops accepting, lets requests in flight finish
// (up to shutdownGrace), closes every connection and returns. Throws std::runtime_error when the
// address cannot be bound or the certificate or key cannot be loaded.
void runHttpServer(const ServerOptions& options, const Router& router);

} // namespace fieldbook::server
