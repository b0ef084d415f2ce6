package io.chartlens.review;

import io.chartlens.system.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * What every review page shares: the time ranges offered, the model's common variables (the launch, the reviewer's
 * role), and the monitoring alerts, each written to the application log at most once an hour.
 */
@ApplicationScoped
public class ReviewPages {

    /** The time ranges offered, in days; 0 = all time. */
    public static final List<Integer> RANGES = List.of(30, 90, 365, 0);
    static final int DEFAULT_DAYS = 90;
    private static final Logger LOG = Logger.getLogger(ReviewPages.class.getName());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Inject
    Pages pages;
    @Inject
    MonitoringCatalog monitoring;

    private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();

    /** The days of the {@code days} parameter: one of {@link #RANGES}, else the default. */
    static int days(HttpServletRequest request) {
        try {
            int days = Integer.parseInt(String.valueOf(request.getParameter("days")));
            return RANGES.contains(days) ? days : DEFAULT_DAYS;
        } catch (NumberFormatException e) {
            return DEFAULT_DAYS;
        }
    }

    static TimeRange range(int days, Instant now) {
        return days == 0 ? TimeRange.ALL : TimeRange.lastDays(days, now);
    }

    /** The variables of every review page. */
    Map<String, Object> model(ReviewAccess.Reviewer reviewer, int days) {
        Map<String, Object> model = new HashMap<>();
        model.put("ctx", reviewer.launch().id());
        model.put("role", reviewer.role().code());
        model.put("admin", reviewer.role() == ReviewRole.ADMIN);
        model.put("days", days);
        model.put("ranges", RANGES);
        model.put("extra", Map.of());
        return model;
    }

    /** The alerts now; each distinct alert line is logged (WARNING, no PHI) at most once an hour. */
    List<Alert> alerts(FeedbackReview review, Instant now) {
        List<Alert> alerts = Monitoring.check(review, monitoring.thresholds(), now);
        for (Alert alert : alerts) {
            String line = alert.logLine();
            Instant last = lastLogged.get(line);
            if (last == null || last.isBefore(now.minusSeconds(3600))) {
                lastLogged.put(line, now);
                Monitoring.log(List.of(alert));
            }
        }
        if (lastLogged.size() > 10_000) {
            lastLogged.clear();
            LOG.info("Monitoring alert de-duplication reset (over 10,000 distinct alerts)");
        }
        return alerts;
    }

    void render(HttpServletRequest request, HttpServletResponse response, int status, String template,
                Map<String, Object> model) throws IOException {
        model.put("fmt", new Formats());
        pages.render(request, response, status, template, model);
    }

    /** Formatting helpers for the templates. */
    public static final class Formats {
        public String day(Instant at) {
            return at == null ? "" : DAY.format(at);
        }

        public String date(java.time.LocalDate day) {
            return day == null ? "" : DAY.format(day.atStartOfDay(ZoneOffset.UTC));
        }

        public String minute(Instant at) {
            return at == null ? "" : MINUTE.format(at);
        }

        public String rate(OverrideRate rate) {
            return rate.defined() ? String.format(Locale.ROOT, "%.0f %%", rate.percent()) : "–";
        }

        public String interval(OverrideRate rate) {
            return rate.defined() ? rate.intervalText() : "no decisions";
        }

        public String points(double gap) {
            return String.format(Locale.ROOT, "%+.1f", gap);
        }
    }
}
