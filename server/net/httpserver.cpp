// Listener, TLS and HTTP sessions on Boost.Beast, after Beast's advanced server and the
// CppCon2018 split. Threads: `networkThreads` run the io_context (every session is confined to
// its own strand); handlers run on a separate pool of `workerThreads` so that a slow SQLite
// write never stalls TLS handshakes or timeouts. The session never touches its stream from a
// worker: the worker posts the finished Response back to the session's strand.
#include "net/httpserver.h"

#include "http/apierror.h"
#include "log/log.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <openssl/ssl.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

namespace fieldbook::server {

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

// TLS 1.2 suites: forward secret AEAD only. TLS 1.3 suites are all AEAD; OpenSSL's defaults stay.
constexpr const char* kTls12Ciphers = "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256:"
                                      "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-AES256-GCM-SHA384:"
                                      "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305";

void configureTls(ssl::context& context, const ServerOptions& options)
{
    context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                        ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::no_compression |
                        ssl::context::single_dh_use);
    SSL_CTX* native = context.native_handle();
    if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1) {
        throw std::runtime_error("cannot set the minimum TLS version");
    }
    SSL_CTX_set_options(native, SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_RENEGOTIATION);
    if (SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1) {
        throw std::runtime_error("cannot set the TLS 1.2 cipher list");
    }
    boost::system::error_code ec;
    context.use_certificate_chain_file(options.certificatePath, ec);
    if (ec) {
        throw std::runtime_error("cannot load the certificate " + options.certificatePath + ": " + ec.message());
    }
    context.use_private_key_file(options.privateKeyPath, ssl::context::pem, ec);
    if (ec) {
        throw std::runtime_error("cannot load the private key " + options.privateKeyPath + ": " + ec.message());
    }
    if (SSL_CTX_check_private_key(native) != 1) {
        throw std::runtime_error("the private key does not match the certificate");
    }
}

class Session;

// What the listener and every session share. Lives on runHttpServer's stack for the whole run.
struct SharedState
{
    const ServerOptions& options;
    const Router& router;
    net::thread_pool& workers;
    std::atomic<std::size_t> connections{0};
    std::atomic<std::size_t> inFlight{0};
    std::atomic<bool> stopping{false};

    std::mutex sessionsMutex; // guards sessions
    std::unordered_map<const Session*, std::weak_ptr<Session>> sessions;

    SharedState(const ServerOptions& o, const Router& r, net::thread_pool& w) : options(o), router(r), workers(w) {}
};

using Clock = std::chrono::steady_clock;

class Session : public std::enable_shared_from_this<Session>
{
public:
    Session(tcp::socket&& socket, ssl::context& context, std::shared_ptr<SharedState> shared)
        : m_stream(std::move(socket), context)
        , m_sharedOwner(std::move(shared))
        , m_shared(*m_sharedOwner)
    {
        boost::system::error_code ec;
        const auto endpoint = beast::get_lowest_layer(m_stream).socket().remote_endpoint(ec);
        m_peer = ec ? std::string("unknown") : endpoint.address().to_string();
    }

    ~Session()
    {
        m_shared.connections--;
        const std::lock_guard lock(m_shared.sessionsMutex);
        m_shared.sessions.erase(this);
    }

    void run()
    {
        {
            const std::lock_guard lock(m_shared.sessionsMutex);
            m_shared.sessions.emplace(this, weak_from_this());
        }
        net::dispatch(m_stream.get_executor(), [self = shared_from_this()] { self->handshake(); });
    }

    // Called from the shutdown path on any thread: stops a session that waits for a request;
    // one whose request is being handled finishes it and then closes.
    void stop()
    {
        net::post(m_stream.get_executor(), [self = shared_from_this()] {
            if (!self->m_busy) {
                beast::get_lowest_layer(self->m_stream).cancel();
            }
        });
    }

private:
    void handshake()
    {
        beast::get_lowest_layer(m_stream).expires_after(m_shared.options.handshakeTimeout);
        m_stream.async_handshake(ssl::stream_base::server,
                                 [self = shared_from_this()](beast::error_code ec) { self->onHandshake(ec); });
    }

    void onHandshake(beast::error_code ec)
    {
        if (ec) {
            return; // a failed handshake (old protocol, wrong pin, scanner) closes quietly
        }
        readRequest();
    }

    void readRequest()
    {
        if (m_shared.stopping) {
            close();
            return;
        }
        m_parser.emplace();
        m_parser->body_limit(m_shared.options.bodyLimit);
        m_parser->header_limit(static_cast<std::uint32_t>(m_shared.options.headerLimit));
        // The first request must arrive within the read timeout; later ones may idle longer.
        beast::get_lowest_layer(m_stream).expires_after(m_requests == 0 ? m_shared.options.readTimeout
                                                                         : m_shared.options.idleTimeout);
        http::async_read(m_stream, m_buffer, *m_parser,
                         [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
    }

    void onRead(beast::error_code ec)
    {
        if (ec == http::error::end_of_stream || ec == net::error::operation_aborted || ec == beast::error::timeout ||
            ec == net::ssl::error::stream_truncated) {
            close();
            return;
        }
        m_started = Clock::now();
        if (ec == http::error::body_limit) {
            replyAndClose(errorResponse(ApiError::TooLarge, "The request body is larger than " +
                                                                std::to_string(m_shared.options.bodyLimit) +
                                                                " bytes."),
                          "", "");
            return;
        }
        if (ec == http::error::header_limit) {
            replyAndClose(errorResponse(ApiError::HeadersTooLarge, "The request headers are too large."), "", "");
            return;
        }
        if (ec) {
            if (m_parser && m_parser->is_header_done()) {
                replyAndClose(errorResponse(ApiError::BadRequest, "The HTTP request could not be read: " +
                                                                      ec.message() + "."),
                              "", "");
            } else if (ec.category() == http::make_error_code(http::error::bad_target).category()) {
                replyAndClose(errorResponse(ApiError::BadRequest, "The HTTP request is malformed: " +
                                                                      ec.message() + "."),
                              "", "");
            } else {
                close(); // the peer went away or spoke no HTTP
            }
            return;
        }
        ++m_requests;
        auto message = m_parser->release();
        Request request;
        request.method = std::string(message.method_string());
        request.target = std::string(message.target());
        request.authorization = std::string(message[http::field::authorization]);
        request.contentType = std::string(message[http::field::content_type]);
        request.body = std::move(message.body());
        request.peer = m_peer;
        m_keepAlive = message.keep_alive();

        if (!parseTarget(request)) {
            request.path = request.target.substr(0, request.target.find('?'));
            send(errorResponse(ApiError::BadRequest, "The request target or its query string is malformed."),
                 request.method, request.path);
            return;
        }
        if (m_shared.inFlight.fetch_add(1) >= m_shared.options.maxInFlight) {
            m_shared.inFlight--;
            Response busy = errorResponse(ApiError::Busy, "The server is busy; try again shortly.");
            busy.headers.emplace_back("Retry-After", "1");
            send(std::move(busy), request.method, request.path);
            return;
        }
        m_busy = true;
        net::post(m_shared.workers, [self = shared_from_this(), request = std::move(request)]() mutable {
            Response response;
            try {
                response = self->m_shared.router.handle(request);
            } catch (...) {
                // The one catch-all: whatever escaped the router still answers in JSON.
                logLine("error", {{"path", request.path}, {"what", "unexpected exception"}});
                response = errorResponse(ApiError::Internal, "The server could not complete the request.");
            }
            self->m_shared.inFlight--;
            net::post(self->m_stream.get_executor(),
                      [self, response = std::move(response), method = std::move(request.method),
                       path = std::move(request.path)]() mutable {
                          self->m_busy = false;
                          self->send(std::move(response), method, path);
                      });
        });
    }

    void replyAndClose(Response response, const std::string& method, const std::string& path)
    {
        m_keepAlive = false;
        send(std::move(response), method, path);
    }

    void send(Response response, const std::string& method, const std::string& path)
    {
        auto message = std::make_shared<http::response<http::string_body>>();
        message->version(11);
        message->result(static_cast<unsigned>(response.status));
        message->set(http::field::content_type, response.contentType);
        message->set(http::field::cache_control, "no-store");
        message->set("X-Content-Type-Options", "nosniff");
        message->set(http::field::strict_transport_security, "max-age=31536000");
        for (const auto& [name, value] : response.headers) {
            message->set(name, value);
        }
        const bool keepAlive = m_keepAlive && !m_shared.stopping && response.status < 500;
        message->keep_alive(keepAlive);
        message->body() = std::move(response.body);
        message->prepare_payload();

        if (requestLogEnabled() || response.status >= 500) {
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - m_started).count();
            boost::json::object line{{"method", method}, {"path", path}, {"status", response.status}, {"ms", ms}};
            if (!response.deviceId.empty()) {
                line["device"] = response.deviceId;
            }
            logLine(response.status >= 500 ? "error" : "info", std::move(line));
        }

        beast::get_lowest_layer(m_stream).expires_after(m_shared.options.writeTimeout);
        http::async_write(m_stream, *message,
                          [self = shared_from_this(), message, keepAlive](beast::error_code ec, std::size_t) {
                              if (ec || !keepAlive) {
                                  self->close();
                                  return;
                              }
                              self->readRequest();
                          });
    }

    void close()
    {
        if (m_closing) {
            return;
        }
        m_closing = true;
        // Our close_notify goes out at once; a peer that does not answer with its own within
        // half a second (many keep the socket open) is simply disconnected.
        beast::get_lowest_layer(m_stream).expires_after(std::chrono::milliseconds(500));
        m_stream.async_shutdown([self = shared_from_this()](beast::error_code) {
            beast::error_code ignored;
            beast::get_lowest_layer(self->m_stream).socket().shutdown(tcp::socket::shutdown_both, ignored);
            beast::get_lowest_layer(self->m_stream).close();
        });
    }

    beast::ssl_stream<beast::tcp_stream> m_stream;
    // Sessions may outlive runHttpServer's loop (destroyed with the io_context), so they share
    // ownership of the state they report to.
    std::shared_ptr<SharedState> m_sharedOwner;
    SharedState& m_shared;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::string m_peer;
    Clock::time_point m_started = Clock::now();
    std::size_t m_requests = 0;
    bool m_keepAlive = false;
    bool m_busy = false;
    bool m_closing = false;
};

class Listener : public std::enable_shared_from_this<Listener>
{
public:
    Listener(net::io_context& io, ssl::context& context, const tcp::endpoint& endpoint,
             std::shared_ptr<SharedState> shared)
        : m_io(io)
        , m_context(context)
        , m_acceptor(net::make_strand(io))
        , m_shared(std::move(shared))
    {
        m_acceptor.open(endpoint.protocol());
        m_acceptor.set_option(net::socket_base::reuse_address(true));
        m_acceptor.bind(endpoint);
        m_acceptor.listen(net::socket_base::max_listen_connections);
    }

    unsigned short port() const { return m_acceptor.local_endpoint().port(); }

    void start() { accept(); }

    void stop()
    {
        net::post(m_acceptor.get_executor(), [self = shared_from_this()] {
            beast::error_code ignored;
            self->m_acceptor.close(ignored);
        });
    }

private:
    void accept()
    {
        m_acceptor.async_accept(net::make_strand(m_io), [self = shared_from_this()](beast::error_code ec,
                                                                                    tcp::socket socket) {
            self->onAccept(ec, std::move(socket));
        });
    }

    void onAccept(beast::error_code ec, tcp::socket socket)
    {
        if (ec == net::error::operation_aborted || !m_acceptor.is_open()) {
            return;
        }
        if (!ec) {
            if (m_shared->connections.fetch_add(1) >= m_shared->options.maxConnections) {
                m_shared->connections--;
                beast::error_code ignored;
                socket.close(ignored); // over the limit: refuse before spending a handshake on it
            } else {
                std::make_shared<Session>(std::move(socket), m_context, m_shared)->run();
            }
        }
        accept();
    }

    net::io_context& m_io;
    ssl::context& m_context;
    tcp::acceptor m_acceptor;
    std::shared_ptr<SharedState> m_shared;
};

} // namespace

void runHttpServer(const ServerOptions& options, const Router& router)
{
    ssl::context context(ssl::context::tls_server);
    configureTls(context, options);

    net::io_context io(static_cast<int>(options.networkThreads));
    net::thread_pool workers(options.workerThreads);
    auto shared = std::make_shared<SharedState>(options, router, workers);

    beast::error_code ec;
    const auto address = net::ip::make_address(options.host, ec);
    if (ec) {
        throw std::runtime_error("not an IP address: " + options.host);
    }
    std::shared_ptr<Listener> listener;
    try {
        listener = std::make_shared<Listener>(io, context, tcp::endpoint(address, options.port), shared);
    } catch (const boost::system::system_error& e) {
        throw std::runtime_error("cannot listen on " + options.host + ":" + std::to_string(options.port) + ": " +
                                 e.code().message());
    }

    // Installed before anyone is told the address, so that a quick SIGTERM still stops gracefully.
    net::signal_set signals(io, SIGINT, SIGTERM);
    net::steady_timer drain(io);
    Clock::time_point graceEnd{};

    // After a signal: no new connections, idle sessions closed, busy ones finish their request.
    // The timer polls until every session is gone or the grace period is over.
    std::function<void()> poll;
    poll = [&] {
        if (shared->connections == 0 || Clock::now() >= graceEnd) {
            io.stop();
            return;
        }
        drain.expires_after(std::chrono::milliseconds(50));
        drain.async_wait([&](beast::error_code) { poll(); });
    };
    signals.async_wait([&](beast::error_code waitError, int signal) {
        if (waitError) {
            return;
        }
        logLine("info", {{"event", "stopping"}, {"signal", signal}});
        shared->stopping = true;
        graceEnd = Clock::now() + options.shutdownGrace;
        listener->stop();
        std::vector<std::shared_ptr<Session>> open;
        {
            const std::lock_guard lock(shared->sessionsMutex);
            for (auto& [key, weak] : shared->sessions) {
                if (auto session = weak.lock()) {
                    open.push_back(std::move(session));
                }
            }
        }
        for (auto& session : open) {
            session->stop();
        }
        poll();
    });

    listener->start();
    if (options.onListening) {
        options.onListening(options.host, listener->port());
    }

    std::vector<std::thread> threads;
    for (std::size_t i = 1; i < options.networkThreads; ++i) {
        threads.emplace_back([&io] { io.run(); });
    }
    io.run();
    for (auto& thread : threads) {
        thread.join();
    }
    // Handlers still running finish their transaction before the process goes on to exit.
    workers.join();
}

} // namespace fieldbook::server
