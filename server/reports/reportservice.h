// The monthly report from the server's store, in the three formats a manager may ask for. The
// counting itself is the core's (shared/reports/monthlyreport.h); this reads the store and renders.
// Used by GET /v1/reports/monthly and by `admin report monthly`, so that both give the same bytes
// for the same store.
#pragma once

#include "model/formdefinition.h"
#include "reports/monthlyreport.h"
#include "store/store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fieldbook::server {

enum class ReportFormat { Json, Csv, Pdf };
std::optional<ReportFormat> parseReportFormat(std::string_view name);

// Suppression thresholds a caller may ask for: 0 (none) or 2 to this.
inline constexpr int kMaxSuppressBelow = 100;

// Reads every record the report counts (applied and held; deleted ones never count) and the
// imported populations, in one read transaction.
MonthlyReport monthlyReportFromStore(Store& store, const FormRegistry& forms, ReportMonth month);

struct RenderedReport
{
    std::string body;
    std::string contentType; // application/json, text/csv, application/pdf
    std::string fileName;    // fieldbook-report-YYYY-MM.<ext>
};

// `generatedAt` (seconds since the epoch) is printed on the PDF only, so that the JSON and CSV of
// one store are the same bytes whenever they are asked for.
RenderedReport renderMonthlyReport(const MonthlyReport& report, ReportFormat format, int suppressBelow,
                                   std::int64_t generatedAt);

} // namespace fieldbook::server
