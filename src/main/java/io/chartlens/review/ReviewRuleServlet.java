package io.chartlens.review;

import io.chartlens.overrides.CardType;
import io.chartlens.system.ErrorPages;
import io.chartlens.system.audit.AuditAction;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /review/rule?type=&rule=[&version=]}: one rule (or one version of it): the weekly trend as a chart with
 * the same figures and the cards shown in a table, the cards shown by source, the override reasons, and the strata
 * (role, EHR, age band, sex, race, ethnicity), each compared with the rest of the rule's decisions and flagged beyond
 * the configured gap and counts.
 */
@WebServlet("/review/rule")
public class ReviewRuleServlet extends HttpServlet {

    @Inject
    ReviewAccess access;
    @Inject
    ReviewPages reviewPages;
    @Inject
    FeedbackReview review;
    @Inject
    MonitoringCatalog monitoring;
    @Inject
    ErrorPages errors;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ReviewAccess.Reviewer> reviewer = access.require(request, response, ReviewAccess.REVIEWERS);
        if (reviewer.isEmpty()) {
            return;
        }
        RuleKey rule;
        try {
            CardType type = CardType.valueOf(String.valueOf(request.getParameter("type")));
            String version = request.getParameter("version");
            rule = new RuleKey(type, String.valueOf(request.getParameter("rule")),
                    version == null || version.isBlank() ? null : version);
        } catch (IllegalArgumentException e) {
            errors.render(request, response, new ErrorPages.PageFailure(400, "BAD_RULE",
                    "The page does not name a rule (type, rule and optionally version).",
                    "Choose a rule on the overview.", "type/rule parameters", "review?ctx="
                    + reviewer.get().launch().id()));
            return;
        }
        int days = ReviewPages.days(request);
        TimeRange range = ReviewPages.range(days, Instant.now());
        RuleThresholds thresholds = monitoring.thresholds().forRule(rule.cardType(), rule.ruleId());
        Map<String, Object> model = reviewPages.model(reviewer.get(), days);
        model.put("rule", rule);
        Map<String, String> extra = new java.util.LinkedHashMap<>();
        extra.put("type", rule.cardType().name());
        extra.put("rule", rule.ruleId());
        if (rule.ruleVersion() != null) {
            extra.put("version", rule.ruleVersion());
        }
        model.put("extra", extra);
        model.put("thresholds", thresholds.strata());
        try {
            var weeks = review.trend(rule, range);
            DrillDown drill = review.drillDown(rule, range, thresholds.strata());
            model.put("weeks", weeks);
            Map<String, Long> sources = new java.util.LinkedHashMap<>();
            review.shownBySource(rule, range).forEach((source, n) -> sources.put(source.name(), n));
            model.put("sources", sources);
            model.put("chart", TrendChart.of(weeks));
            model.put("drill", drill);
            model.put("dimensions", List.of(StratumDimension.values()));
        } catch (ReviewUnavailableException e) {
            model.put("unavailable", true);
            reviewPages.render(request, response, 503, "review/rule", model);
            return;
        }
        access.audit(reviewer.get(), AuditAction.VIEW_REVIEW, "rule " + rule + " days=" + days);
        reviewPages.render(request, response, 200, "review/rule", model);
    }
}
