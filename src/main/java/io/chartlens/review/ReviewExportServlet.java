package io.chartlens.review;

import io.chartlens.system.ErrorPages;
import io.chartlens.system.audit.AuditAction;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code GET /review/log.csv}: the filtered log as CSV, streamed row by row from the database (a million rows are
 * never held in memory), with the same pseudonymisation as the page (patient key, no patient id). The export is
 * audited before the first byte is sent.
 */
@WebServlet("/review/log.csv")
public class ReviewExportServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ReviewExportServlet.class.getName());

    @Inject
    ReviewAccess access;
    @Inject
    FeedbackReview review;
    @Inject
    ErrorPages errors;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ReviewAccess.Reviewer> reviewer = access.require(request, response, ReviewAccess.REVIEWERS);
        if (reviewer.isEmpty()) {
            return;
        }
        LogFilter filter;
        try {
            filter = LogFilter.parse(request::getParameter);
        } catch (InvalidFilterException e) {
            errors.render(request, response, new ErrorPages.PageFailure(400, "BAD_FILTER", e.getMessage(),
                    "Correct the filter on the log page.", e.parameter(), "review/log?ctx="
                    + reviewer.get().launch().id()));
            return;
        }
        access.audit(reviewer.get(), AuditAction.EXPORT, "feedback log CSV " + filter.parameters().keySet());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"chartlens-feedback-log-"
                + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        try {
            long rows = review.exportCsv(filter, response.getOutputStream());
            LOG.info(() -> "Feedback log export: " + rows + " row(s)");
        } catch (ReviewUnavailableException e) {
            if (!response.isCommitted()) {
                response.reset();
                errors.render(request, response, new ErrorPages.PageFailure(503, "REVIEW_UNAVAILABLE",
                        "The feedback log cannot be read now, so nothing was exported.", "Try again shortly.",
                        "database", null));
            } else {
                LOG.severe("Feedback log export broken off: the database failed during the export");
                throw new IOException("export broken off", e);
            }
        }
    }
}
