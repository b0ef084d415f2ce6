package io.chartlens.summary;

import io.chartlens.aisummary.AiSummaries;
import io.chartlens.aisummary.AiSummary;
import io.chartlens.aisummary.CitedStatement;
import io.chartlens.bundles.BundleSuggestions;
import io.chartlens.bundles.SuggestedBundle;
import io.chartlens.caregaps.CareGapPanel;
import io.chartlens.caregaps.CareGapReport;
import io.chartlens.caregaps.CareGaps;
import io.chartlens.launch.EhrRegistration;
import io.chartlens.launch.LaunchSession;
import io.chartlens.overrides.CardType;
import io.chartlens.record.PatientRecord;
import io.chartlens.record.PatientRecords;
import io.chartlens.risk.RiskInputs;
import io.chartlens.risk.RiskPanel;
import io.chartlens.risk.ScoreRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds a card of a launch's summary as the page shows it, from the same cached results the sections render (the
 * record, the care gaps, the AI summary), so a decision is logged with exactly the inputs the clinician saw.
 */
@ApplicationScoped
public class ShownCards {

    /** The id of the AI summary as a rule in the feedback log. */
    public static final String AI_SUMMARY_RULE = io.chartlens.aisummary.SummaryPrompts.ID;

    @Inject
    PatientRecords records;
    @Inject
    ScoreRegistry scores;
    @Inject
    CareGaps careGaps;
    @Inject
    AiSummaries aiSummaries;
    @Inject
    io.chartlens.bundles.LaunchBundles launchBundles;

    /** Why a card could not be looked up; the message is for the clinician and holds no PHI. */
    public static final class UnavailableException extends Exception {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The card, or empty when the summary no longer shows it (the record was reloaded and it changed).
     *
     * @throws UnavailableException when the record or a result it depends on cannot be had within 30 s
     */
    public Optional<ShownCard> find(LaunchSession launch, EhrRegistration registration, CardType type, String cardId)
            throws UnavailableException {
        PatientRecord record = record(launch, registration);
        return switch (type) {
            case SCORE -> riskPanel(record).cards().stream().filter(c -> c.id().equals(cardId)).findFirst()
                    .map(ShownCards::score);
            case CARE_GAP -> CareGapPanel.of(gaps(launch)).cards().stream().filter(c -> c.id().equals(cardId))
                    .findFirst().map(ShownCards::gap);
            case BUNDLE -> bundle(launch, registration, cardId).map(ShownCards::bundle);
            case AI_STATEMENT -> statement(summary(launch), cardId);
        };
    }

    /** A suggested bundle of the launch's summary, or empty when none with that id is suggested now. */
    public Optional<SuggestedBundle> bundle(LaunchSession launch, EhrRegistration registration, String bundleId)
            throws UnavailableException {
        BundleSuggestions suggestions = await(launchBundles.suggestions(launch, registration).orElseThrow(() ->
                new UnavailableException("The bundles are not available for this record yet; reload the summary.",
                        null)), "the bundles");
        return suggestions.suggested().stream().filter(b -> b.definition().id().equals(bundleId)).findFirst();
    }

    /** The record the launch's summary shows. */
    public PatientRecord record(LaunchSession launch, EhrRegistration registration) throws UnavailableException {
        return await(records.recordFor(launch, registration), "the record");
    }

    /** The key of a statement of the AI summary: stable for the same text and citations. */
    public static String statementKey(CitedStatement s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((s.text() + "\n"
                    + String.join("\n", s.citations())).getBytes(StandardCharsets.UTF_8));
            return "s-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private RiskPanel riskPanel(PatientRecord record) {
        return RiskPanel.of(record, scores.all(), records.freshness());
    }

    private CareGapReport gaps(LaunchSession launch) throws UnavailableException {
        return await(careGaps.forLaunch(launch).orElseThrow(() -> new UnavailableException(
                "The care gaps are not available for this record yet; reload the summary.", null)), "the care gaps");
    }

    private AiSummary summary(LaunchSession launch) throws UnavailableException {
        return await(aiSummaries.forLaunch(launch).orElseThrow(() -> new UnavailableException(
                "The summary is not available for this record yet; reload the page.", null)), "the summary");
    }

    private static ShownCard score(RiskPanel.Card c) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (RiskInputs.Provenance p : c.inputs()) {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("value", p.value());
            shown.put("id", p.source());
            shown.put("date", p.date() == null ? null : p.date().toString());
            shown.put("stale", p.stale());
            inputs.put(p.name(), shown);
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("inputs", inputs);
        shown.put("result", c.headline());
        shown.put("status", c.status());
        shown.put("missing", c.missing());
        return new ShownCard(CardType.SCORE, c.id(), c.id(), c.version(), c.name(), shown);
    }

    private static ShownCard gap(CareGapPanel.Card c) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("status", c.status());
        shown.put("due", c.due());
        shown.put("evidence", c.evidence().stream().map(e -> Map.of("id", e.reference(), "role", e.role()))
                .toList());
        return new ShownCard(CardType.CARE_GAP, c.id(), c.id(), c.version(), c.title(), shown);
    }

    private static ShownCard bundle(SuggestedBundle b) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("why", b.why().stream().map(SuggestedBundle.Why::summary).toList());
        Map<String, Object> items = new LinkedHashMap<>();
        b.items().forEach(i -> items.put(i.id(), i.status().name()));
        shown.put("items", items);
        return new ShownCard(CardType.BUNDLE, b.definition().id(), b.definition().id(), b.definition().version(),
                b.definition().title(), shown);
    }

    private static Optional<ShownCard> statement(AiSummary summary, String key) {
        for (CitedStatement s : summary.statements()) {
            if (statementKey(s).equals(key)) {
                Map<String, Object> shown = new LinkedHashMap<>();
                shown.put("text", s.text());
                shown.put("citations", s.citations());
                shown.put("writer", summary.modelId());
                String title = s.text().length() > 80 ? s.text().substring(0, 79) + "…" : s.text();
                return Optional.of(new ShownCard(CardType.AI_STATEMENT, key, AI_SUMMARY_RULE, summary.version(),
                        title, shown));
            }
        }
        return Optional.empty();
    }

    private static <T> T await(CompletableFuture<T> pending, String what) throws UnavailableException {
        try {
            return pending.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new UnavailableException(what.substring(0, 1).toUpperCase() + what.substring(1)
                    + " did not load within 30 s; reload the summary.", e);
        } catch (ExecutionException e) {
            throw new UnavailableException(what.substring(0, 1).toUpperCase() + what.substring(1)
                    + " could not be produced; reload the summary.", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted; try again.", e);
        }
    }
}
