package io.chartlens.review;

import io.chartlens.overrides.CardType;
import io.chartlens.overrides.FeedbackOutcome;
import io.chartlens.system.audit.AuditAction;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET /review/log}: the decisions, newest first, filtered (time, card type, rule, version, outcome, EHR,
 * role) and paged by id ({@code before}); the patient appears only as the pseudonymous key. Links to the same rows
 * as CSV ({@link ReviewExportServlet}).
 */
@WebServlet("/review/log")
public class ReviewLogServlet extends HttpServlet {

    static final int PAGE_SIZE = 50;

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
        Map<String, Object> model = reviewPages.model(reviewer.get(), ReviewPages.DEFAULT_DAYS);
        model.put("cardTypes", List.of(CardType.values()));
        model.put("outcomes", List.of(FeedbackOutcome.values()));
        model.put("roles", List.of(ReviewRole.values()));
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : List.of(LogFilter.FROM, LogFilter.TO, LogFilter.CARD_TYPE, LogFilter.RULE,
                LogFilter.VERSION, LogFilter.OUTCOME, LogFilter.EHR, LogFilter.ROLE)) {
            values.put(name, Optional.ofNullable(request.getParameter(name)).orElse(""));
        }
        model.put("values", values);
        LogFilter filter;
        Long before;
        try {
            filter = LogFilter.parse(request::getParameter);
            before = before(request);
            LogPage page = review.page(filter, before, PAGE_SIZE);
            model.put("page", page);
            model.put("total", review.count(filter));
            String query = query(filter.parameters());
            model.put("filterQuery", query);
            model.put("nextQuery", page.hasMore() ? query + "&before=" + page.nextBefore() : null);
        } catch (InvalidFilterException e) {
            model.put("error", e.getMessage());
            reviewPages.render(request, response, 400, "review/log", model);
            return;
        } catch (ReviewUnavailableException e) {
            model.put("unavailable", true);
            reviewPages.render(request, response, 503, "review/log", model);
            return;
        }
        access.audit(reviewer.get(), AuditAction.VIEW_REVIEW, "log " + filter.parameters().keySet()
                + (before != null ? " page" : ""));
        reviewPages.render(request, response, 200, "review/log", model);
    }

    private static Long before(HttpServletRequest request) throws InvalidFilterException {
        String value = request.getParameter("before");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidFilterException(FilterProblem.BAD_CURSOR, "before");
        }
    }

    /** The filter as a query string (each value URL-encoded). */
    static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
