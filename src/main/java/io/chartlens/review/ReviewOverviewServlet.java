package io.chartlens.review;

import io.chartlens.system.audit.AuditAction;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /review}: per card type, rule and version, the cards shown, the decisions taken (accepted, overridden,
 * dismissed), decisions per card shown, the override rate among decisions with its 95 % Wilson interval, and the
 * what-if corrections; the monitoring alerts above them.
 */
@WebServlet("/review")
public class ReviewOverviewServlet extends HttpServlet {

    @Inject
    ReviewAccess access;
    @Inject
    ReviewPages reviewPages;
    @Inject
    FeedbackReview review;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ReviewAccess.Reviewer> reviewer = access.require(request, response, ReviewAccess.REVIEWERS);
        if (reviewer.isEmpty()) {
            return;
        }
        int days = ReviewPages.days(request);
        Instant now = Instant.now();
        Map<String, Object> model = reviewPages.model(reviewer.get(), days);
        try {
            model.put("rules", review.overview(ReviewPages.range(days, now)));
            model.put("shownSince", review.shownRecordedSince().orElse(null));
            model.put("alerts", reviewPages.alerts(review, now));
        } catch (ReviewUnavailableException e) {
            model.put("unavailable", true);
            reviewPages.render(request, response, 503, "review/overview", model);
            return;
        }
        access.audit(reviewer.get(), AuditAction.VIEW_REVIEW, "overview days=" + days);
        reviewPages.render(request, response, 200, "review/overview", model);
    }
}
