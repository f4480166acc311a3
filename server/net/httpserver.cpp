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
#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <chrono>
#include <ctime>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

namespace fieldbook::server {

namespace {

// RFC 9110 IMF-fixdate ("Tue, 01 Dec 2026 21:51:28 GMT"), independent of the locale.
std::string httpDate(std::chrono::system_clock::time_point when)
{
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[utc.tm_wday], utc.tm_mday,
                  kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
    return buffer;
}

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
    // An idle connection gives its read and write buffers back (about 34 KiB each).
    SSL_CTX_set_mode(native, SSL_MODE_RELEASE_BUFFERS);
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

using Clock = std::chrono::steady_clock;

class Session;

// What the listener and every session share. Lives on runHttpServer's stack for the whole run.
struct SharedState
{
    const ServerOptions& options;
    const Router& router;
    net::thread_pool& workers;
    std::size_t maxConnections;
    std::atomic<std::size_t> connections{0};
    std::atomic<std::size_t> inFlight{0};
    std::atomic<std::uint64_t> requestCounter{0};
    std::atomic<bool> stopping{false};

    std::mutex sessionsMutex; // guards sessions and perAddress
    std::unordered_map<const Session*, std::weak_ptr<Session>> sessions;
    std::unordered_map<std::string, std::size_t> perAddress;

    SharedState(const ServerOptions& o, const Router& r, net::thread_pool& w, std::size_t limit)
        : options(o), router(r), workers(w), maxConnections(limit)
    {
    }

    // Counts a new connection from `address`; false (nothing counted) when it would pass the
    // global or the per-address limit.
    bool admitConnection(const std::string& address)
    {
        const std::lock_guard lock(sessionsMutex);
        if (connections >= maxConnections) {
            return false;
        }
        auto& count = perAddress[address];
        if (count >= options.maxConnectionsPerAddress) {
            if (count == 0) {
                perAddress.erase(address);
            }
            return false;
        }
        ++count;
        ++connections;
        notifyConnections();
        return true;
    }

    void releaseConnection(const std::string& address, const Session* session)
    {
        const std::lock_guard lock(sessionsMutex);
        sessions.erase(session);
        const auto found = perAddress.find(address);
        if (found != perAddress.end() && --found->second == 0) {
            perAddress.erase(found);
        }
        --connections;
        notifyConnections();
    }

    void notifyConnections() const
    {
        if (options.observer.onConnections) {
            options.observer.onConnections(connections);
        }
    }

    // Unique within the run and unpredictable enough that ids from two runs rarely meet.
    std::string nextRequestId()
    {
        static const std::uint64_t salt = static_cast<std::uint64_t>(Clock::now().time_since_epoch().count());
        const std::uint64_t n = (salt * 0x9E3779B97F4A7C15ULL) ^ (requestCounter.fetch_add(1) + 1);
        char text[17];
        std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(n));
        return text;
    }
};

// The address a per-address limit counts: IPv4-mapped IPv6 as the IPv4 address it carries.
std::string addressKey(const net::ip::address& address)
{
    if (address.is_v6() && address.to_v6().is_v4_mapped()) {
        return net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6()).to_string();
    }
    return address.to_string();
}

class Session : public std::enable_shared_from_this<Session>
{
public:
    Session(tcp::socket&& socket, ssl::context& context, std::shared_ptr<SharedState> shared, std::string peer)
        : m_stream(std::move(socket), context)
        , m_sharedOwner(std::move(shared))
        , m_shared(*m_sharedOwner)
        , m_buffer(m_shared.options.headerLimit + kReadChunk)
        , m_peer(std::move(peer))
        , m_linger(m_stream.get_executor())
    {
    }

    ~Session() { m_shared.releaseConnection(m_peer, this); }

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
    static constexpr std::size_t kReadChunk = 64UL * 1024;

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

    // Waiting for a request: the first one's headers must be complete within headerTimeout of
    // the handshake; on a kept-alive connection the first byte may take idleTimeout, and the
    // headers then have headerTimeout from it.
    void readRequest()
    {
        if (m_shared.stopping) {
            close();
            return;
        }
        m_parser.emplace();
        m_parser->body_limit(m_shared.options.bodyLimit);
        m_parser->header_limit(static_cast<std::uint32_t>(m_shared.options.headerLimit));
        if (m_requests == 0 || m_buffer.size() > 0) {
            readHeader();
            return;
        }
        // Between requests the connection holds no parser memory and OpenSSL releases its buffers.
        m_buffer.shrink_to_fit();
        beast::get_lowest_layer(m_stream).expires_after(m_shared.options.idleTimeout);
        m_stream.async_read_some(m_buffer.prepare(kReadChunk),
                                 [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                                     if (ec) {
                                         self->close();
                                         return;
                                     }
                                     self->m_buffer.commit(n);
                                     self->readHeader();
                                 });
    }

    void readHeader()
    {
        beast::get_lowest_layer(m_stream).expires_after(m_shared.options.headerTimeout);
        http::async_read_header(m_stream, m_buffer, *m_parser,
                                [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                    self->onHeader(ec);
                                });
    }

    // True when the read failed in a way that needs no answer (the peer left, a deadline passed).
    bool quietFailure(beast::error_code ec)
    {
        return ec == http::error::end_of_stream || ec == net::error::operation_aborted ||
               ec == beast::error::timeout || ec == net::ssl::error::stream_truncated || ec == net::error::eof ||
               ec == net::error::connection_reset;
    }

    void onReadError(beast::error_code ec)
    {
        if (quietFailure(ec)) {
            close();
            return;
        }
        m_started = Clock::now();
        m_requestId = m_shared.nextRequestId();
        if (ec == http::error::body_limit) {
            refuseUnread(errorResponse(ApiError::TooLarge, "The request body is larger than " +
                                                                std::to_string(m_shared.options.bodyLimit) +
                                                                " bytes."));
            return;
        }
        if (ec == http::error::header_limit || ec == http::error::buffer_overflow) {
            refuseUnread(errorResponse(ApiError::HeadersTooLarge, "The request headers are too large."));
            return;
        }
        if ((m_parser && m_parser->is_header_done()) ||
            ec.category() == http::make_error_code(http::error::bad_target).category()) {
            refuseUnread(errorResponse(ApiError::BadRequest, "The HTTP request is malformed: " + ec.message() + "."));
            return;
        }
        close(); // the peer went away or spoke no HTTP
    }

    void onHeader(beast::error_code ec)
    {
        if (ec) {
            onReadError(ec);
            return;
        }
        ++m_requests;
        m_started = Clock::now();
        m_requestId = m_shared.nextRequestId();
        const auto& head = m_parser->get();
        m_request = Request{};
        m_request.method = std::string(head.method_string());
        m_request.target = std::string(head.target());
        m_request.authorization = std::string(head[http::field::authorization]);
        m_request.contentType = std::string(head[http::field::content_type]);
        m_request.peer = m_peer;
        m_request.requestId = m_requestId;
        m_keepAlive = head.keep_alive();

        if (!parseTarget(m_request)) {
            m_request.path = m_request.target.substr(0, m_request.target.find('?'));
            refuseUnread(errorResponse(ApiError::BadRequest, "The request target or its query string is malformed."));
            return;
        }
        if (m_parser->is_done()) {
            dispatch();
            return;
        }
        if (!m_shared.options.admit) {
            onAdmitted(Admission{std::nullopt, m_shared.options.bodyLimit});
            return;
        }
        // The token is checked before a byte of the body is read: a caller without one never
        // makes the server hold more than its headers.
        m_busy = true;
        net::post(m_shared.workers, [self = shared_from_this()] {
            Admission admission;
            try {
                const LogRequestScope scope(self->m_requestId);
                admission = self->m_shared.options.admit(self->m_request);
            } catch (...) {
                logLine("error", {{"path", self->m_request.path}, {"what", "admission failed"}});
                admission.refusal = errorResponse(ApiError::Internal, "The server could not complete the request.");
            }
            net::post(self->m_stream.get_executor(), [self, admission = std::move(admission)]() mutable {
                self->m_busy = false;
                self->onAdmitted(std::move(admission));
            });
        });
    }

    void onAdmitted(Admission admission)
    {
        if (admission.refusal) {
            refuseUnread(std::move(*admission.refusal));
            return;
        }
        const auto length = m_parser->content_length();
        if (length && *length > admission.bodyLimit) {
            refuseUnread(errorResponse(ApiError::TooLarge, "The request body is larger than " +
                                                                std::to_string(admission.bodyLimit) + " bytes."));
            return;
        }
        m_parser->body_limit(admission.bodyLimit);
        m_bodyStart = Clock::now();
        m_bodyBytes = 0;
        if (beast::iequals(m_parser->get()[http::field::expect], "100-continue")) {
            auto proceed = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
            beast::get_lowest_layer(m_stream).expires_after(m_shared.options.writeTimeout);
            http::async_write(m_stream, *proceed, [self = shared_from_this(), proceed](beast::error_code ec, std::size_t) {
                if (ec) {
                    self->close();
                    return;
                }
                self->readBody();
            });
            return;
        }
        readBody();
    }

    // Each read may take as long as bodyGrace plus the time the bytes so far earn at bodyMinRate.
    void readBody()
    {
        const auto earned = std::chrono::milliseconds(
            static_cast<std::int64_t>(m_bodyBytes * 1000 / std::max<std::size_t>(1, m_shared.options.bodyMinRate)));
        beast::get_lowest_layer(m_stream).expires_at(m_bodyStart + m_shared.options.bodyGrace + earned);
        http::async_read_some(m_stream, m_buffer, *m_parser,
                              [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                                  if (ec) {
                                      self->onReadError(ec);
                                      return;
                                  }
                                  self->m_bodyBytes += n;
                                  if (self->m_parser->is_done()) {
                                      self->dispatch();
                                  } else {
                                      self->readBody();
                                  }
                              });
    }

    void dispatch()
    {
        m_request.body = std::move(m_parser->get().body());
        m_parser.reset();
        if (m_shared.inFlight.fetch_add(1) >= m_shared.options.maxInFlight) {
            m_shared.inFlight--;
            Response busy = errorResponse(ApiError::Busy, "The server is busy; try again shortly.");
            busy.headers.emplace_back("Retry-After", "1");
            send(std::move(busy));
            return;
        }
        m_busy = true;
        net::post(m_shared.workers, [self = shared_from_this()]() mutable {
            Response response;
            try {
                const LogRequestScope scope(self->m_requestId);
                response = self->m_shared.router.handle(self->m_request);
            } catch (...) {
                // The one catch-all: whatever escaped the router still answers in JSON.
                logLine("error", {{"path", self->m_request.path}, {"what", "unexpected exception"}, {"request", self->m_requestId}});
                response = errorResponse(ApiError::Internal, "The server could not complete the request.");
            }
            self->m_shared.inFlight--;
            net::post(self->m_stream.get_executor(), [self, response = std::move(response)]() mutable {
                self->m_busy = false;
                self->m_request.body.clear();
                self->m_request.body.shrink_to_fit();
                self->send(std::move(response));
            });
        });
    }

    // An answer sent while (part of) the body is still unread: the connection closes after it,
    // and what the peer still sends is drained and dropped so that it reads the answer.
    void refuseUnread(Response response)
    {
        m_keepAlive = false;
        m_unreadBody = true;
        send(std::move(response));
    }

    void send(Response response)
    {
        auto message = std::make_shared<http::response<http::string_body>>();
        message->version(11);
        message->result(static_cast<unsigned>(response.status));
        message->set(http::field::content_type, response.contentType);
        message->set(http::field::cache_control, "no-store");
        message->set("X-Content-Type-Options", "nosniff");
        message->set("X-Request-Id", m_requestId);
        message->set(http::field::strict_transport_security, "max-age=31536000");
        // Every answer says the server's time: phones learn their clock's error from it, so that
        // what they stamp is never refused as "from the future" (contract 1.2, "Clocks").
        message->set(http::field::date, httpDate(std::chrono::system_clock::now()));
        for (const auto& [name, value] : response.headers) {
            message->set(name, value);
        }
        const bool keepAlive = m_keepAlive && !m_shared.stopping && response.status < 500;
        message->keep_alive(keepAlive);
        message->body() = std::move(response.body);
        message->prepare_payload();

        const double seconds = std::chrono::duration<double>(Clock::now() - m_started).count();
        // A failed authentication is logged with its source address, whatever the log settings.
        const bool authFailure = response.status == 401 || response.status == 403 || response.status == 429;
        if (requestLogEnabled() || response.status >= 500 || authFailure) {
            boost::json::object line{{"method", m_request.method},
                                     {"path", m_request.path},
                                     {"status", response.status},
                                     {"ms", static_cast<std::int64_t>(seconds * 1000)},
                                     {"request", m_requestId}};
            if (!response.deviceId.empty()) {
                line["device"] = response.deviceId;
            }
            if (authFailure) {
                line["peer"] = m_peer;
            }
            logLine(response.status >= 500 ? "error" : (authFailure ? "warning" : "info"), std::move(line));
        }
        if (m_shared.options.observer.onResponse) {
            m_shared.options.observer.onResponse(m_request.method, m_request.path, response.status, seconds);
        }

        beast::get_lowest_layer(m_stream).expires_after(m_shared.options.writeTimeout);
        http::async_write(m_stream, *message,
                          [self = shared_from_this(), message, keepAlive](beast::error_code ec, std::size_t) {
                              if (ec) {
                                  self->close();
                                  return;
                              }
                              if (!keepAlive) {
                                  if (self->m_unreadBody) {
                                      self->lingerClose();
                                  } else {
                                      self->close();
                                  }
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

    // Closing a socket with unread bytes makes the kernel send a reset, and a reset can destroy
    // our answer before the peer reads it; a close_notify while the peer still writes makes some
    // clients drop the answer too. So the unread bytes are read and dropped (a fixed small
    // buffer) until the peer pauses for kLingerQuiet, closes, or lingerTimeout passes; only then
    // does the connection close as any other.
    static constexpr std::chrono::milliseconds kLingerQuiet{150};

    void lingerClose()
    {
        beast::get_lowest_layer(m_stream).expires_never();
        m_lingerDeadline = Clock::now() + m_shared.options.lingerTimeout;
        drain();
    }

    void drain()
    {
        const auto now = Clock::now();
        if (now >= m_lingerDeadline || m_drained > m_shared.options.bodyLimit) {
            close();
            return;
        }
        const std::uint64_t generation = ++m_lingerGeneration;
        m_linger.expires_after(std::min<Clock::duration>(kLingerQuiet, m_lingerDeadline - now));
        m_linger.async_wait([self = shared_from_this(), generation](beast::error_code ec) {
            if (!ec && generation == self->m_lingerGeneration) {
                beast::error_code ignored;
                beast::get_lowest_layer(self->m_stream).socket().cancel(ignored);
            }
        });
        beast::get_lowest_layer(m_stream).socket().async_read_some(
            net::buffer(m_drainBuffer), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                ++self->m_lingerGeneration; // a timer that fires late cancels nothing
                self->m_linger.cancel();
                self->m_drained += n;
                if (ec) {
                    self->close(); // quiet, closed by the peer, or gone
                    return;
                }
                self->drain();
            });
    }

    beast::ssl_stream<beast::tcp_stream> m_stream;
    // Sessions may outlive runHttpServer's loop (destroyed with the io_context), so they share
    // ownership of the state they report to.
    std::shared_ptr<SharedState> m_sharedOwner;
    SharedState& m_shared;
    beast::flat_buffer m_buffer; // bounded: headers plus one read
    std::optional<http::request_parser<http::string_body>> m_parser;
    Request m_request;
    std::string m_peer;
    std::string m_requestId;
    net::steady_timer m_linger;
    std::array<char, 4096> m_drainBuffer{};
    std::size_t m_drained = 0;
    std::uint64_t m_lingerGeneration = 0;
    Clock::time_point m_lingerDeadline{};
    Clock::time_point m_started = Clock::now();
    Clock::time_point m_bodyStart = Clock::now();
    std::size_t m_bodyBytes = 0;
    std::size_t m_requests = 0;
    bool m_keepAlive = false;
    bool m_busy = false;
    bool m_closing = false;
    bool m_unreadBody = false;
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
        if (ec) {
            // Out of descriptors (EMFILE) or the like: pause a little rather than spin.
            m_pause.expires_after(std::chrono::milliseconds(50));
            m_pause.async_wait([self = shared_from_this()](beast::error_code) { self->accept(); });
            return;
        }
        beast::error_code endpointError;
        const auto endpoint = socket.remote_endpoint(endpointError);
        const std::string peer = endpointError ? std::string("unknown") : addressKey(endpoint.address());
        if (endpointError || !m_shared->admitConnection(peer)) {
            beast::error_code ignored;
            socket.close(ignored); // over a limit: refused before a handshake is spent on it
        } else {
            std::make_shared<Session>(std::move(socket), m_context, m_shared, peer)->run();
        }
        accept();
    }

    net::io_context& m_io;
    ssl::context& m_context;
    tcp::acceptor m_acceptor;
    std::shared_ptr<SharedState> m_shared;
    net::steady_timer m_pause{m_acceptor.get_executor()};
};

// One plain-HTTP request a connection, answered and closed: all a scraper needs.
class MetricsSession : public std::enable_shared_from_this<MetricsSession>
{
public:
    MetricsSession(tcp::socket&& socket, const ServerOptions& options)
        : m_stream(std::move(socket)), m_options(options)
    {
    }

    void run()
    {
        m_parser.header_limit(8192);
        m_parser.body_limit(0);
        m_stream.expires_after(std::chrono::seconds(5));
        http::async_read(m_stream, m_buffer, m_parser, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            self->onRead(ec);
        });
    }

private:
    void onRead(beast::error_code ec)
    {
        if (ec) {
            beast::error_code ignored;
            m_stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
            return;
        }
        const auto& request = m_parser.get();
        auto response = std::make_shared<http::response<http::string_body>>();
        response->version(11);
        response->keep_alive(false);
        const std::string target(request.target());
        if (request.method() != http::verb::get) {
            response->result(http::status::method_not_allowed);
            response->set(http::field::allow, "GET");
        } else if (target != "/metrics" && target.rfind("/metrics?", 0) != 0) {
            response->result(http::status::not_found);
        } else {
            response->result(http::status::ok);
            response->set(http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
            response->body() = m_options.metricsText();
        }
        response->prepare_payload();
        http::async_write(m_stream, *response, [self = shared_from_this(), response](beast::error_code, std::size_t) {
            beast::error_code ignored;
            self->m_stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        });
    }

    beast::tcp_stream m_stream;
    const ServerOptions& m_options;
    beast::flat_buffer m_buffer{16384};
    http::request_parser<http::empty_body> m_parser;
};

class MetricsListener : public std::enable_shared_from_this<MetricsListener>
{
public:
    MetricsListener(net::io_context& io, const tcp::endpoint& endpoint, const ServerOptions& options)
        : m_io(io), m_acceptor(net::make_strand(io)), m_options(options)
    {
        m_acceptor.open(endpoint.protocol());
        m_acceptor.set_option(net::socket_base::reuse_address(true));
        m_acceptor.bind(endpoint);
        m_acceptor.listen(16);
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
            if (ec == net::error::operation_aborted || !self->m_acceptor.is_open()) {
                return;
            }
            if (!ec) {
                std::make_shared<MetricsSession>(std::move(socket), self->m_options)->run();
            }
            self->accept();
        });
    }

    net::io_context& m_io;
    tcp::acceptor m_acceptor;
    const ServerOptions& m_options;
};

} // namespace

std::size_t connectionLimitFromFiles()
{
    // Descriptors kept for the database connections, the certificate, logs and the metrics listener.
    constexpr rlim_t kReserve = 128;
    constexpr rlim_t kCeiling = 65536;
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        return 256;
    }
    const rlim_t wanted = limit.rlim_max == RLIM_INFINITY ? kCeiling : std::min(limit.rlim_max, kCeiling);
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < wanted) {
        rlimit raised = limit;
        raised.rlim_cur = wanted;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0) {
            limit = raised;
        }
    }
    const rlim_t current = limit.rlim_cur == RLIM_INFINITY ? kCeiling : std::min(limit.rlim_cur, kCeiling);
    return current > 2 * kReserve ? static_cast<std::size_t>(current - kReserve) : static_cast<std::size_t>(current / 2);
}

void runHttpServer(const ServerOptions& options, const Router& router)
{
    ssl::context context(ssl::context::tls_server);
    configureTls(context, options);

    net::io_context io(static_cast<int>(options.networkThreads));
    net::thread_pool workers(options.workerThreads);
    const std::size_t fileBound = connectionLimitFromFiles();
    const std::size_t maxConnections = options.maxConnections == 0 ? fileBound : std::min(options.maxConnections, fileBound);
    auto shared = std::make_shared<SharedState>(options, router, workers, maxConnections);
    logLine("info", {{"event", "limits"}, {"max_connections", maxConnections},
                     {"max_connections_per_address", options.maxConnectionsPerAddress}});

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

    std::shared_ptr<MetricsListener> metrics;
    if (options.metricsText) {
        const auto metricsAddress = net::ip::make_address(options.metricsHost, ec);
        if (ec || !metricsAddress.is_loopback()) {
            throw std::runtime_error("the metrics listener must be on a loopback address, not " + options.metricsHost);
        }
        try {
            metrics = std::make_shared<MetricsListener>(io, tcp::endpoint(metricsAddress, options.metricsPort), options);
        } catch (const boost::system::system_error& e) {
            throw std::runtime_error("cannot listen for metrics on " + options.metricsHost + ":" +
                                     std::to_string(options.metricsPort) + ": " + e.code().message());
        }
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
        if (metrics) {
            metrics->stop();
        }
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
    if (metrics) {
        metrics->start();
        if (options.onMetricsListening) {
            options.onMetricsListening(metrics->port());
        }
    }
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
