#include "handlers/handlers.h"

#include "http/apierror.h"
#include "reports/reportservice.h"
#include "util/clock.h"

#include <charconv>

namespace fieldbook::server {

namespace {

std::string queryValue(const Request& request, const std::string& name)
{
    const auto found = request.query.find(name);
    return found == request.query.end() ? std::string() : found->second;
}

int suppressBelow(const Request& request)
{
    const auto found = request.query.find("suppress_below");
    if (found == request.query.end()) {
        return 0;
    }
    const std::string& text = found->second;
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 2 ||
        value > kMaxSuppressBelow) {
        throw ApiException(ApiError::BadRequest, "suppress_below must be a whole number from 2 to " +
                                                     std::to_string(kMaxSuppressBelow) + ".");
    }
    return value;
}

// Managers only: the report is the manager's view of the service. The parameters are checked
// after the role, so that nobody else learns anything from the answers.
Response monthly(ServerContext& context, const Request& request)
{
    auto store = context.stores.acquire();
    const std::int64_t now = context.clock.seconds();
    const Caller caller = context.auth.authenticate(*store, request.authorization, now);
    if (!caller.user.roles.has(Role::Manager)) {
        throw ApiException(ApiError::Forbidden, "Only a manager may ask for the monthly report.");
    }
    const std::string monthText = queryValue(request, "month");
    const auto month = ReportMonth::parse(monthText);
    if (!month) {
        throw ApiException(ApiError::BadRequest,
                           monthText.empty() ? "month is required, as YYYY-MM."
                                             : "month must be a month written YYYY-MM (01 to 12, years 2000 to 2999).");
    }
    const std::string formatText = queryValue(request, "format");
    const auto format = parseReportFormat(formatText.empty() ? "json" : formatText);
    if (!format) {
        throw ApiException(ApiError::BadRequest, "format must be json, csv or pdf.");
    }
    const int below = suppressBelow(request);

    const MonthlyReport report = monthlyReportFromStore(*store, context.forms, *month);
    RenderedReport rendered = renderMonthlyReport(report, *format, below, now);
    store->writeTransaction([&] {
        boost::json::object detail{{"month", month->toString()},
                                   {"format", formatText.empty() ? "json" : formatText},
                                   {"suppress_below", below}};
        store->appendAudit(AuditEntry{0, now, "report.monthly", caller.user.id, caller.deviceId, std::move(detail)});
    });

    Response response;
    response.status = 200;
    response.body = std::move(rendered.body);
    response.contentType = rendered.contentType;
    if (*format != ReportFormat::Json) {
        response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + rendered.fileName + "\"");
    }
    response.deviceId = caller.deviceId;
    return response;
}

} // namespace

void addReportRoutes(Router& router, ServerContext& context)
{
    router.add("GET", "/v1/reports/monthly", [&context](const Request& request) { return monthly(context, request); });
}

} // namespace fieldbook::server
