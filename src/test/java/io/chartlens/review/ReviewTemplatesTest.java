package io.chartlens.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.overrides.CardType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The overview and rule templates as the servlets fill them: "shown", "decided ÷ shown" and "not recorded" where the
 * informaticist reads them (the real templates from {@code webapp/}, without a server).
 */
class ReviewTemplatesTest {

    private static final RuleKey NEWS2 = new RuleKey(CardType.SCORE, "news2", "1.0.0");
    private static final RuleKey OLD = new RuleKey(CardType.SCORE, "news2", "0.9.0");

    @Test
    void theOverviewShowsCardsShownBesideDecisionsAndSaysNotRecordedRatherThanZero() {
        Map<String, Object> model = common();
        Instant at = Instant.parse("2026-03-09T10:00:00Z");
        model.put("rules", List.of(new RuleOverview(OLD, new DecisionCounts(4, 2, 0, 0), 0, at, at),
                new RuleOverview(NEWS2, new DecisionCounts(2, 1, 0, 1), 5, at, at),
                new RuleOverview(new RuleKey(CardType.SCORE, "qsofa", "1.0.0"), DecisionCounts.NONE, 3, null, null)));
        model.put("alerts", List.of());
        model.put("shownSince", LocalDate.of(2026, 3, 9));
        String html = render("review/overview", model);

        assertEquals(List.of("not recorded", "not recorded"), cells(html, "news2", "0.9.0"));
        assertEquals(List.of("5", "60 %"), cells(html, "news2", "1.0.0"));
        assertEquals(List.of("3", "0 %"), cells(html, "qsofa", "1.0.0"));
        assertTrue(html.contains("Decided ÷ shown"));
        assertTrue(html.contains("Override rate among decisions (95 % CI)"));
        assertTrue(html.contains("Cards shown are recorded since\n      <span>9 Mar 2026</span>"), html);
    }

    @Test
    void theOverviewSaysSoWhenNoCardShownWasEverRecorded() {
        Map<String, Object> model = common();
        model.put("rules", List.of());
        model.put("alerts", List.of());
        model.put("shownSince", null);
        String html = render("review/overview", model);
        assertTrue(html.contains("No card shown has been recorded"), html);
        assertTrue(html.contains("No cards shown or decisions in this period."));
    }

    @Test
    void theRulePageGivesEachWeekItsCardsShownAndTheSources() {
        Map<String, Object> model = common();
        model.put("rule", NEWS2.withoutVersion());
        model.put("extra", Map.of("type", "SCORE", "rule", "news2"));
        model.put("thresholds", new StrataThresholds(15, 20));
        List<WeekCounts> weeks = List.of(
                new WeekCounts(LocalDate.of(2026, 1, 19), new DecisionCounts(0, 1, 0, 0), 0),
                new WeekCounts(LocalDate.of(2026, 1, 26), DecisionCounts.NONE, 0),
                new WeekCounts(LocalDate.of(2026, 2, 2), new DecisionCounts(2, 1, 0, 0), 5));
        model.put("weeks", weeks);
        model.put("chart", TrendChart.of(weeks));
        Map<String, Long> sources = new LinkedHashMap<>();
        sources.put("SUMMARY", 4L);
        model.put("sources", sources);
        model.put("drill", new DrillDown(NEWS2.withoutVersion(), TimeRange.ALL, new StrataThresholds(15, 20),
                new DecisionCounts(2, 2, 0, 0), List.of(), List.of()));
        model.put("dimensions", List.of(StratumDimension.values()));
        String html = render("review/rule", model);

        assertEquals(List.of("not recorded", "not recorded"), week(html, "2026-W04"));
        assertEquals(List.of("0", "–"), week(html, "2026-W05"));
        assertEquals(List.of("5", "60 %"), week(html, "2026-W06"));
        assertTrue(html.contains("<span class=\"shown-summary\">4</span>"), html);
        assertTrue(html.contains("<span class=\"shown-cds\">0</span>"), "no CDS Hooks card is 0, not blank");
        assertFalse(html.contains("No decisions in this period."));
    }

    private static Map<String, Object> common() {
        Map<String, Object> model = new HashMap<>();
        model.put("ctx", "ctx-1");
        model.put("role", "informaticist");
        model.put("admin", false);
        model.put("days", 90);
        model.put("ranges", ReviewPages.RANGES);
        model.put("extra", Map.of());
        model.put("fmt", new ReviewPages.Formats());
        return model;
    }

    /** The shown and decided ÷ shown cells of an overview row. */
    private static List<String> cells(String html, String rule, String version) {
        Matcher row = Pattern.compile("<tr data-rule=\"" + rule + "\" data-version=\"" + Pattern.quote(version)
                + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertTrue(row.find(), "no row for " + rule + " " + version + " in\n" + html);
        return shownAndResponse(row.group(1));
    }

    private static List<String> week(String html, String isoWeek) {
        Matcher row = Pattern.compile("<tr data-week=\"" + isoWeek + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertTrue(row.find(), "no row for " + isoWeek + " in\n" + html);
        return shownAndResponse(row.group(1));
    }

    private static List<String> shownAndResponse(String row) {
        Matcher shown = Pattern.compile("<td class=\"shown[^\"]*\">([^<]*)</td>").matcher(row);
        Matcher response = Pattern.compile("<td class=\"response\">([^<]*)</td>").matcher(row);
        assertTrue(shown.find() && response.find(), row);
        return List.of(shown.group(1), response.group(1));
    }

    private static String render(String template, Map<String, Object> model) {
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix("webapp/WEB-INF/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        // links as a server at the root context would write them
        engine.setLinkBuilder(new StandardLinkBuilder() {
            @Override
            protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> params) {
                return "";
            }
        });
        Context context = new Context();
        context.setVariables(model);
        return engine.process(template, context);
    }
}
