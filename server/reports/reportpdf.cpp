#include "reports/reportpdf.h"

#include "model/dates.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace fieldbook::server {

namespace {

// A4 in points, with the margins every page keeps.
constexpr double kPageWidth = 595.0;
constexpr double kPageHeight = 842.0;
constexpr double kMargin = 50.0;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
constexpr double kRowHeight = 15.0;
constexpr double kPi = 3.14159265358979323846;

struct Colour
{
    double r, g, b;
};
constexpr Colour kInk{0.10, 0.10, 0.12};
constexpr Colour kGrey{0.45, 0.45, 0.50};
constexpr Colour kRule{0.80, 0.80, 0.84};
constexpr Colour kStart{0.80, 0.33, 0.10}; // RADAR start
constexpr Colour kExit{0.10, 0.45, 0.70};  // RADAR exit, and the bars

// "family_relationships" -> "Family relationships": labels for people, not for programs.
std::string label(std::string_view key)
{
    std::string out(key);
    std::replace(out.begin(), out.end(), '_', ' ');
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    }
    return out;
}

cairo_status_t appendToString(void* closure, const unsigned char* data, unsigned int length)
{
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// One document: a cursor that moves down the page and starts a new one when a block would not fit.
class PdfDocument
{
public:
    explicit PdfDocument(std::string& out)
        : m_surface(cairo_pdf_surface_create_for_stream(appendToString, &out, kPageWidth, kPageHeight),
                    cairo_surface_destroy)
        , m_cr(cairo_create(m_surface.get()), cairo_destroy)
    {
        if (cairo_surface_status(m_surface.get()) != CAIRO_STATUS_SUCCESS ||
            cairo_status(m_cr.get()) != CAIRO_STATUS_SUCCESS) {
            throw std::runtime_error("cairo could not start a PDF");
        }
        cairo_pdf_surface_set_metadata(m_surface.get(), CAIRO_PDF_METADATA_TITLE, "Fieldbook monthly report");
        cairo_pdf_surface_set_metadata(m_surface.get(), CAIRO_PDF_METADATA_CREATOR, "fieldbook-server");
        m_y = kMargin;
    }

    void finish()
    {
        cairo_show_page(m_cr.get());
        m_cr.reset();
        cairo_surface_finish(m_surface.get());
        const cairo_status_t status = cairo_surface_status(m_surface.get());
        if (status != CAIRO_STATUS_SUCCESS) {
            throw std::runtime_error(std::string("cairo could not write the PDF: ") + cairo_status_to_string(status));
        }
    }

    cairo_t* cr() const { return m_cr.get(); }
    double y() const { return m_y; }
    void advance(double by) { m_y += by; }

    void ensure(double height)
    {
        if (m_y + height > kPageHeight - kMargin) {
            cairo_show_page(m_cr.get());
            m_y = kMargin;
        }
    }

    void text(double x, double y, std::string_view content, double size, bool bold = false, Colour colour = kInk)
    {
        cairo_select_font_face(cr(), "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr(), size);
        cairo_set_source_rgb(cr(), colour.r, colour.g, colour.b);
        cairo_move_to(cr(), x, y);
        cairo_show_text(cr(), std::string(content).c_str());
    }

    double textWidth(std::string_view content, double size, bool bold = false)
    {
        cairo_select_font_face(cr(), "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr(), size);
        cairo_text_extents_t extents;
        cairo_text_extents(cr(), std::string(content).c_str(), &extents);
        return extents.x_advance;
    }

    void rule(double x0, double x1, double y, Colour colour = kRule)
    {
        cairo_set_source_rgb(cr(), colour.r, colour.g, colour.b);
        cairo_set_line_width(cr(), 0.6);
        cairo_move_to(cr(), x0, y);
        cairo_line_to(cr(), x1, y);
        cairo_stroke(cr());
    }

    void heading(std::string_view title)
    {
        ensure(40);
        m_y += 18;
        text(kMargin, m_y, title, 13, true);
        m_y += 8;
    }

    // A table: the first column left-aligned, the others right-aligned in equal columns.
    void table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows)
    {
        const double firstWidth = header.size() > 2 ? kContentWidth * 0.34 : kContentWidth * 0.6;
        const double other = header.size() > 1 ? (kContentWidth - firstWidth) / static_cast<double>(header.size() - 1) : 0;
        const auto line = [&](const std::vector<std::string>& cells, bool bold) {
            ensure(kRowHeight);
            m_y += kRowHeight;
            for (std::size_t i = 0; i < cells.size(); ++i) {
                if (i == 0) {
                    text(kMargin, m_y - 4, cells[i], 9, bold);
                } else {
                    const double right = kMargin + firstWidth + other * static_cast<double>(i);
                    text(right - textWidth(cells[i], 9, bold) - 4, m_y - 4, cells[i], 9, bold);
                }
            }
            rule(kMargin, kMargin + kContentWidth, m_y);
        };
        line(header, true);
        for (const auto& row : rows) {
            line(row, false);
        }
    }

    // Horizontal bars, one per count, scaled to the largest. Suppressed counts draw no bar.
    void bars(const Counts& counts, int suppressBelow)
    {
        std::int64_t largest = 0;
        for (const auto& entry : counts) {
            largest = std::max(largest, entry.second);
        }
        const double labelWidth = 150;
        const double barSpace = kContentWidth - labelWidth - 40;
        const double barHeight = 11;
        ensure(static_cast<double>(counts.size()) * (barHeight + 5) + 10);
        m_y += 8;
        for (const auto& [key, count] : counts) {
            text(kMargin, m_y + barHeight - 2, label(key), 9);
            const bool hidden = isSuppressed(count, suppressBelow);
            const double width = largest > 0 && !hidden ? barSpace * static_cast<double>(count) / static_cast<double>(largest) : 0;
            cairo_set_source_rgb(cr(), kExit.r, kExit.g, kExit.b);
            cairo_rectangle(cr(), kMargin + labelWidth, m_y, width, barHeight);
            cairo_fill(cr());
            text(kMargin + labelWidth + width + 4, m_y + barHeight - 2, suppressedText(count, suppressBelow), 9, false,
                 kGrey);
            m_y += barHeight + 5;
        }
    }

    // The spider chart: one spoke per domain (score 1 at the centre, 5 at the rim), the month's
    // average start and exit as two closed polygons.
    void spider(const std::vector<RadarDomainChange>& domains, int suppressBelow)
    {
        const double size = 250;
        ensure(size + 30);
        const double cx = kMargin + kContentWidth / 2;
        const double cy = m_y + size / 2 + 15;
        const double radius = size / 2 - 20;
        const std::size_t n = domains.size();
        if (n < 3) {
            return;
        }
        const auto point = [&](std::size_t i, double score) {
            const double angle = -kPi / 2 + 2 * kPi * static_cast<double>(i) / static_cast<double>(n);
            const double r = radius * std::clamp((score - 1.0) / 4.0, 0.0, 1.0);
            return std::pair{cx + r * std::cos(angle), cy + r * std::sin(angle)};
        };
        cairo_set_line_width(cr(), 0.5);
        cairo_set_source_rgb(cr(), kRule.r, kRule.g, kRule.b);
        for (int ring = 2; ring <= 5; ++ring) {
            for (std::size_t i = 0; i <= n; ++i) {
                const auto [x, y] = point(i % n, ring);
                i == 0 ? cairo_move_to(cr(), x, y) : cairo_line_to(cr(), x, y);
            }
            cairo_stroke(cr());
        }
        for (std::size_t i = 0; i < n; ++i) {
            const auto [x, y] = point(i, 5);
            cairo_move_to(cr(), cx, cy);
            cairo_line_to(cr(), x, y);
            cairo_stroke(cr());
            const std::string name = label(domains[i].domain);
            const double width = textWidth(name, 8);
            const double tx = x < cx - 1 ? x - width - 4 : (x > cx + 1 ? x + 4 : x - width / 2);
            const double ty = y < cy - 1 ? y - 4 : (y > cy + 1 ? y + 10 : y + 3);
            text(tx, ty, name, 8, false, kGrey);
        }
        const auto polygon = [&](bool exit, Colour colour) {
            bool any = false;
            for (std::size_t i = 0; i < n; ++i) {
                const RadarDomainChange& domain = domains[i];
                if (domain.cases == 0 || isSuppressed(domain.cases, suppressBelow)) {
                    return;
                }
                const auto [x, y] = point(i, exit ? domain.exitMean : domain.startMean);
                any ? cairo_line_to(cr(), x, y) : cairo_move_to(cr(), x, y);
                any = true;
            }
            cairo_close_path(cr());
            cairo_set_source_rgba(cr(), colour.r, colour.g, colour.b, 0.18);
            cairo_fill_preserve(cr());
            cairo_set_source_rgb(cr(), colour.r, colour.g, colour.b);
            cairo_set_line_width(cr(), 1.6);
            cairo_stroke(cr());
        };
        polygon(false, kStart);
        polygon(true, kExit);
        const double legendY = m_y + size + 20;
        cairo_set_source_rgb(cr(), kStart.r, kStart.g, kStart.b);
        cairo_rectangle(cr(), kMargin, legendY - 8, 10, 8);
        cairo_fill(cr());
        text(kMargin + 14, legendY, "Start (average)", 9);
        cairo_set_source_rgb(cr(), kExit.r, kExit.g, kExit.b);
        cairo_rectangle(cr(), kMargin + 110, legendY - 8, 10, 8);
        cairo_fill(cr());
        text(kMargin + 124, legendY, "Exit (average)", 9);
        text(kMargin + 220, legendY, "1 = no support needed (centre), 5 = urgent (rim)", 8, false, kGrey);
        m_y += size + 30;
    }

private:
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> m_surface;
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> m_cr;
    double m_y = 0;
};

std::vector<std::vector<std::string>> countRows(const Counts& counts, int below)
{
    std::vector<std::vector<std::string>> rows;
    for (const auto& [key, count] : counts) {
        rows.push_back({label(key), suppressedText(count, below)});
    }
    return rows;
}

std::string meanCell(double value, std::int64_t cases, int below)
{
    if (cases == 0) {
        return "-";
    }
    return below > 1 && cases < below ? "" : formatDecimal(value);
}

} // namespace

std::string monthlyReportPdf(const MonthlyReport& report, int suppressBelow, std::int64_t generatedAt)
{
    const int below = suppressBelow;
    std::string out;
    PdfDocument pdf(out);

    pdf.text(kMargin, pdf.y() + 16, "Fieldbook monthly report", 20, true);
    pdf.advance(40);
    pdf.text(kMargin, pdf.y(), "Month: " + report.month.toString(), 12);
    pdf.advance(16);
    std::string note = "Generated " + formatInstant(generatedAt) + ". Counts only: no names, no narratives.";
    if (below > 1) {
        note += " Counts from 1 to " + std::to_string(below - 1) + " are shown as <" + std::to_string(below) + ".";
    }
    pdf.text(kMargin, pdf.y(), note, 8, false, kGrey);
    pdf.advance(6);

    pdf.heading("Triages");
    pdf.table({"Outcome", "Count"}, countRows(report.triages, below));
    Counts outcomes(report.triages.begin() + (report.triages.empty() ? 0 : 1), report.triages.end());
    pdf.bars(outcomes, below);

    pdf.heading("Decline reasons");
    pdf.table({"Reason", "Count"}, countRows(report.declineReasons, below));
    pdf.bars(report.declineReasons, below);

    pdf.heading("Referrals by source");
    pdf.table({"Source", "Count"}, countRows(report.referralsBySource, below));
    pdf.heading("Open cases by stream at the month's end");
    pdf.table({"Stream", "Count"}, countRows(report.openCasesByStream, below));

    pdf.heading("Contacts");
    pdf.table({"Record type", "Count"}, countRows(report.contacts, below));
    pdf.heading("Contacts by mode");
    pdf.table({"Mode", "Count"}, countRows(report.contactsByMode, below));
    pdf.heading("Held contacts and safeguarding reports");
    pdf.table({"Figure", "Count"}, countRows(Counts{{"held_contacts", report.heldContacts},
                                                    {"safeguarding_reports", report.safeguardingReports}},
                                              below));
    pdf.heading("Overdue contacts at the month's end");
    pdf.table({"Rhythm", "Count"}, countRows(report.overdueContacts, below));

    // The RADAR's heading, table and spider chart stay on one page.
    pdf.ensure(40 + kRowHeight * static_cast<double>(report.radar.size() + 1) + 290);
    pdf.heading("RADAR change, start to exit: " + suppressedText(report.radarCases, below) +
                (report.radarCases == 1 ? " case" : " cases"));
    std::vector<std::vector<std::string>> radarRows;
    for (const RadarDomainChange& domain : report.radar) {
        radarRows.push_back({label(domain.domain), suppressedText(domain.cases, below),
                             meanCell(domain.startMean, domain.cases, below), meanCell(domain.exitMean, domain.cases, below),
                             meanCell(domain.change, domain.cases, below)});
    }
    pdf.table({"Domain", "Cases", "Start", "Exit", "Change"}, radarRows);
    pdf.spider(report.radar, below);

    pdf.heading("Take-up by self-defined ethnicity");
    std::vector<std::vector<std::string>> takeUpRows;
    for (const TakeUpRow& row : report.takeUp) {
        const bool hidden = isSuppressed(row.accepted, below) || isSuppressed(row.triaged, below);
        takeUpRows.push_back({row.ethnicity, suppressedText(row.triaged, below), suppressedText(row.accepted, below),
                              hidden ? "" : formatDecimal(row.takeUpPercent) + "%",
                              formatDecimal(row.populationPercent) + "%", row.underRepresented ? "UNDER 80%" : ""});
    }
    pdf.table({"Ethnicity", "Triaged", "Accepted", "Take-up", "Population", "Flag"}, takeUpRows);
    pdf.advance(12);
    pdf.ensure(12);
    pdf.text(kMargin, pdf.y(), "Flag: take-up share under 80% of the group's share of the population.", 8, false, kGrey);

    pdf.heading("Matches, play and welfare grants");
    Counts other;
    other.emplace_back("matches_started", report.matches.size() > 0 ? report.matches[0].second : 0);
    other.emplace_back("matches_ended", report.matches.size() > 1 ? report.matches[1].second : 0);
    other.emplace_back("play_sessions", report.playSessions.size() > 0 ? report.playSessions[0].second : 0);
    other.emplace_back("children_reached", report.playSessions.size() > 1 ? report.playSessions[1].second : 0);
    other.emplace_back("welfare_grants_requested", report.welfareGrants.size() > 0 ? report.welfareGrants[0].second : 0);
    auto rows = countRows(other, below);
    const std::int64_t pence = report.welfareGrants.size() > 1 ? report.welfareGrants[1].second : 0;
    rows.push_back({"Welfare grants amount (GBP)", formatDecimal(static_cast<double>(pence) / 100.0)});
    pdf.table({"Figure", "Count"}, rows);

    pdf.finish();
    return out;
}

} // namespace fieldbook::server
