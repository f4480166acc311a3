#include "reports/reportservice.h"

#include "reports/reportpdf.h"

#include <boost/json/serialize.hpp>

namespace fieldbook::server {

namespace {

// Every type computeMonthlyReport() reads.
constexpr std::string_view kReportTypes[] = {"person",       "case",         "triage", "session_report",
                                             "contact_sheet", "play_session", "safeguarding_report",
                                             "radar",         "match",        "welfare_grant_request"};

} // namespace

std::optional<ReportFormat> parseReportFormat(std::string_view name)
{
    if (name == "json") {
        return ReportFormat::Json;
    }
    if (name == "csv") {
        return ReportFormat::Csv;
    }
    if (name == "pdf") {
        return ReportFormat::Pdf;
    }
    return std::nullopt;
}

MonthlyReport monthlyReportFromStore(Store& store, const FormRegistry& forms, ReportMonth month)
{
    MonthlyReport report;
    store.readTransaction([&] {
        ReportInput input;
        for (const auto type : kReportTypes) {
            for (StoredRecord& stored : store.recordsOfType(type)) {
                if (stored.state == RecordState::Deleted) {
                    continue;
                }
                input.records.push_back(
                    ReportRecord{std::move(stored.record), stored.state == RecordState::Quarantined, stored.updatedAt});
            }
        }
        input.population = store.population();
        // The store is the FactSource of applied records the rhythms read (indexed lookups).
        report = computeMonthlyReport(input, store, forms, month);
    });
    return report;
}

RenderedReport renderMonthlyReport(const MonthlyReport& report, ReportFormat format, int suppressBelow,
                                   std::int64_t generatedAt)
{
    const std::string stem = "fieldbook-report-" + report.month.toString();
    switch (format) {
    case ReportFormat::Csv:
        return {monthlyReportCsv(report, suppressBelow), "text/csv", stem + ".csv"};
    case ReportFormat::Pdf:
        return {monthlyReportPdf(report, suppressBelow, generatedAt), "application/pdf", stem + ".pdf"};
    case ReportFormat::Json:
        break;
    }
    return {boost::json::serialize(monthlyReportJson(report, suppressBelow)), "application/json", stem + ".json"};
}

} // namespace fieldbook::server
