package io.chartlens.cdshooks;

import io.chartlens.caregaps.CareGap;
import io.chartlens.caregaps.CareGapPanel;
import io.chartlens.caregaps.CareGapReport;
import io.chartlens.caregaps.CareGapStatus;
import io.chartlens.caregaps.Evidence;
import io.chartlens.caregaps.MeasureDefinition;
import io.chartlens.overrides.CardType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The card of an open care gap (DEQM {@code open-gap}) or one due soon ({@code prospective-gap}). Indicator
 * {@code info}: preventive care matters, but never more than an acute risk in the same chart.
 */
final class GapCards {

    static final String TOPIC_SYSTEM = "https://chartlens.io/fhir/CodeSystem/cds-card-topic";
    static final CdsCard.Coding TOPIC = new CdsCard.Coding(TOPIC_SYSTEM, "care-gap", "Care gap");
    private static final int MAX_EVIDENCE = 20;

    private GapCards() {
    }

    /** Whether a gap gets a card. */
    static boolean shown(CareGap gap) {
        return gap.status() == CareGapStatus.OPEN_GAP || gap.status() == CareGapStatus.PROSPECTIVE_GAP;
    }

    static CdsCard card(CareGap gap, CareGapReport report, List<CdsCard.Suggestion> suggestions,
                        CardContext context) {
        String uuid = UUID.randomUUID().toString();
        MeasureDefinition measure = gap.measure();
        CareGapPanel.Card view = CareGapPanel.of(new CareGapReport(report.period(), List.of(gap), List.of()))
                .cards().get(0);
        String due = view.due() == null ? "" : ", " + view.due().substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                + view.due().substring(1);
        String summary = "Care gap: " + measure.title() + " (" + gap.status().label().toLowerCase(java.util.Locale.ROOT)
                + due + ")";
        StringBuilder detail = new StringBuilder("**").append(CardText.md(gap.status().label())).append("**: ")
                .append(CardText.md(measure.title())).append(", measured ").append(report.period().start())
                .append(" to ").append(report.period().end()).append('.');
        gap.reasons().forEach(r -> detail.append("\n- ").append(CardText.md(r)));
        List<Evidence> evidence = gap.evidence().stream().limit(MAX_EVIDENCE).toList();
        if (!evidence.isEmpty()) {
            detail.append("\n\nEvidence:");
            evidence.forEach(e -> detail.append("\n- ").append(CardText.md(e.display())).append(" (")
                    .append(e.date().map(d -> d + ", ").orElse("")).append(CardText.md(e.reference())).append("): ")
                    .append(e.role().description()));
        }
        suggestions.forEach(s -> detail.append("\n\nSuggested below: ").append(CardText.md(s.label()))
                .append(". Orders already placed in the EHR were not checked."));
        detail.append(context.incompleteNote());
        detail.append("\n\nSource: ").append(CardText.md(measure.specification())).append(" (ChartLens measure ")
                .append(measure.id()).append(' ').append(measure.version()).append(')');
        return new CdsCard(uuid, CardText.fit(summary, CardText.SUMMARY_MAX), detail.toString(), Indicator.INFO,
                new CdsCard.Source(label(measure), measure.specificationUrl(), TOPIC),
                suggestions, List.of(context.summaryLink(uuid)), context.overrideReasons(),
                new CdsCard.Issued(CardType.CARE_GAP, measure.id(), measure.version(), shown(gap, evidence)));
    }

    /** The measure and, when it is a short name such as CMS130v13, its specification. */
    static String label(MeasureDefinition measure) {
        return measure.specification().length() <= 20 ? measure.title() + " (" + measure.specification() + ")"
                : measure.title();
    }

    /** The evidence as shown ({@code FeedbackPayload.shown} shape) plus the status and the due date. */
    private static Map<String, Object> shown(CareGap gap, List<Evidence> evidence) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (Evidence e : evidence) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("id", e.reference());
            input.put("role", e.role().name());
            e.date().ifPresent(d -> input.put("date", d.toString()));
            inputs.putIfAbsent(e.reference(), input);
        }
        return Map.of("inputs", inputs, "status", gap.status().code(),
                "dueDate", gap.dueDate().map(Object::toString).orElse(""));
    }
}
