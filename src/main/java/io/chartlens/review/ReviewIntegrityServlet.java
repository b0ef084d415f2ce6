package io.chartlens.review;

import io.chartlens.overrides.ChainVerification;
import io.chartlens.overrides.FeedbackLog;
import io.chartlens.overrides.FeedbackUnavailableException;
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

/** {@code GET /review/integrity}: verifies the feedback log's hash chain now and shows the result. */
@WebServlet("/review/integrity")
public class ReviewIntegrityServlet extends HttpServlet {

    @Inject
    ReviewAccess access;
    @Inject
    ReviewPages reviewPages;
    @Inject
    FeedbackLog log;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ReviewAccess.Reviewer> reviewer = access.require(request, response, ReviewAccess.REVIEWERS);
        if (reviewer.isEmpty()) {
            return;
        }
        Map<String, Object> model = reviewPages.model(reviewer.get(), ReviewPages.DEFAULT_DAYS);
        try {
            ChainVerification result = log.verify();
            model.put("result", result);
            model.put("checkedAt", Instant.now());
        } catch (FeedbackUnavailableException e) {
            model.put("unavailable", true);
            reviewPages.render(request, response, 503, "review/integrity", model);
            return;
        }
        access.audit(reviewer.get(), AuditAction.VIEW_REVIEW, "integrity");
        reviewPages.render(request, response, 200, "review/integrity", model);
    }
}
