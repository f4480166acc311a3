// Router: a route answers its method and path, another method on a known path is 405 with Allow,
// an unknown path 404, a handler's ApiException its JSON error (with Retry-After when it has
// one), and any other exception a JSON 500 that tells the client nothing of the internals.
#include "http/router.h"

#include "http/apierror.h"

#include <QtTest>
#include <boost/json/parse.hpp>
#include <stdexcept>

using namespace fieldbook::server;

namespace {

Request request(std::string method, std::string path)
{
    Request out;
    out.method = std::move(method);
    out.path = path;
    out.target = std::move(path);
    return out;
}

std::string header(const Response& response, const std::string& name)
{
    for (const auto& [key, value] : response.headers) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

std::string errorOf(const Response& response)
{
    return std::string(boost::json::parse(response.body).as_object().at("error").as_string());
}

Router router()
{
    Router out;
    out.add("GET", "/v1/health", [](const Request&) {
        Response response;
        response.body = R"({"status":"ok"})";
        return response;
    });
    out.add("POST", "/v1/health", [](const Request&) {
        return Response{201, "{}", "application/json", {}, {}};
    });
    out.add("GET", "/v1/limited", [](const Request&) -> Response {
        throw ApiException(ApiError::RateLimited, "Too many calls.", 7);
    });
    out.add("GET", "/v1/broken", [](const Request&) -> Response {
        throw std::runtime_error("SELECT secret FROM table failed at /var/lib/fieldbook.db");
    });
    out.add("GET", "/v1/forbidden", [](const Request&) -> Response {
        throw ApiException(ApiError::Forbidden, "Only officers may do this.");
    });
    return out;
}

} // namespace

class RouterTest : public QObject
{
    Q_OBJECT

private slots:
    void answers_data();
    void answers();
    void rateLimitCarriesRetryAfter();
    void internalErrorsSayNothingOfTheInternals();
    void pathsListEveryRouteOnce();
};

void RouterTest::answers_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("allow");
    QTest::newRow("GET health") << "GET"
                                << "/v1/health" << 200 << ""
                                << "";
    QTest::newRow("POST health") << "POST"
                                 << "/v1/health" << 201 << ""
                                 << "";
    QTest::newRow("DELETE health") << "DELETE"
                                   << "/v1/health" << 405 << "method_not_allowed"
                                   << "GET, POST";
    QTest::newRow("unknown path") << "GET"
                                  << "/v1/nowhere" << 404 << "not_found"
                                  << "";
    QTest::newRow("path differs by a slash") << "GET"
                                             << "/v1/health/" << 404 << "not_found"
                                             << "";
    QTest::newRow("api exception") << "GET"
                                   << "/v1/forbidden" << 403 << "forbidden"
                                   << "";
}

void RouterTest::answers()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(QString, allow);
    const Response response = router().handle(request(method.toStdString(), path.toStdString()));
    QCOMPARE(response.status, status);
    if (!error.isEmpty()) {
        QCOMPARE(QString::fromStdString(errorOf(response)), error);
    }
    QCOMPARE(QString::fromStdString(header(response, "Allow")), allow);
}

void RouterTest::rateLimitCarriesRetryAfter()
{
    const Response response = router().handle(request("GET", "/v1/limited"));
    QCOMPARE(response.status, 429);
    QCOMPARE(header(response, "Retry-After"), std::string("7"));
    QCOMPARE(errorOf(response), std::string("rate_limited"));
}

void RouterTest::internalErrorsSayNothingOfTheInternals()
{
    const Response response = router().handle(request("GET", "/v1/broken"));
    QCOMPARE(response.status, 500);
    QCOMPARE(errorOf(response), std::string("internal"));
    QVERIFY(response.body.find("SELECT") == std::string::npos);
    QVERIFY(response.body.find("/var/lib") == std::string::npos);
}

void RouterTest::pathsListEveryRouteOnce()
{
    const auto paths = router().paths();
    QCOMPARE(paths.size(), std::size_t{4});
    QVERIFY(paths.count("/v1/health"));
    QVERIFY(paths.count("/v1/broken"));
}

QTEST_GUILESS_MAIN(RouterTest)
#include "routertest.moc"
