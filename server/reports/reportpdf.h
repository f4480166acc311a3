// The monthly report as a PDF, drawn with cairo (vector text and shapes; no Qt, so that the
// server still builds with FIELDBOOK_SERVER_ONLY): a title and the month, a table per section,
// bars for the triage outcomes and the decline reasons, and the RADAR spider chart of the month's
// average start against exit. The figures are the same, and suppressed alike, as in the CSV.
#pragma once

#include "reports/monthlyreport.h"

#include <cstdint>
#include <string>

namespace fieldbook::server {

// The PDF's bytes. Throws std::runtime_error when cairo cannot render.
std::string monthlyReportPdf(const MonthlyReport& report, int suppressBelow, std::int64_t generatedAt);

} // namespace fieldbook::server
