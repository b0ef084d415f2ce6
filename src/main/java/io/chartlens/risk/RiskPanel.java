package io.chartlens.risk;

import io.chartlens.record.Freshness;
import io.chartlens.record.PatientRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The risk scores of one record as view records: value or status, band, what is missing, and each input with its
 * value, date and FHIR source. Built per page request from the cached record.
 */
public record RiskPanel(List<Card> cards) {

    /**
     * One score's card. {@code headline} is the value and band, or the status in words when there is no value;
     * {@code band} is the definition's band label, null unless the score is final (read it here, not from the
     * headline).
     */
    public record Card(String id, String name, String version, String source, String meaning, String status,
                       boolean final_, String headline, List<String> missing, List<String> warnings,
                       List<RiskInputs.Provenance> inputs, List<String> itemScores, List<FormField> form,
                       boolean alert, String band) {
    }

    /** True when the result is in a band the definition lists under {@code parameters.alertBands}. */
    public static boolean alerts(ScoreDefinition d, ScoreResult r) {
        return r.status() == ScoreStatus.OK && r.band() != null
                && d.parameters().get("alertBands") instanceof java.util.List<?> bands && bands.contains(r.band());
    }

    /** The band of a final result, else null. */
    public static String finalBand(ScoreResult r) {
        return r.status() == ScoreStatus.OK ? r.band() : null;
    }

    /** The cards in an alert band. */
    public List<Card> alerts() {
        return cards.stream().filter(Card::alert).toList();
    }

    /** One field of a card's what-if form; {@code value} is the value in use (null when missing). */
    public record FormField(String name, String label, String type, String unit, List<String> allowed, String value) {
    }

    /** The what-if form of a score, prefilled with the inputs in use. */
    public static List<FormField> form(ScoreDefinition d, java.util.Map<String, InputValue> values) {
        return d.inputs().stream().map(i -> new FormField(i.name(), i.label(), i.type(), i.unit(), i.allowed(),
                WhatIf.formValue(values.get(i.name())).orElse(null))).toList();
    }

    public static RiskPanel of(PatientRecord record, List<RiskScore> scores, Freshness freshness) {
        List<Card> cards = new ArrayList<>();
        java.util.Map<String, RiskScore> byId = new java.util.HashMap<>();
        scores.forEach(s -> byId.put(s.id(), s));
        for (RiskScore score : scores) {
            ScoreDefinition d = score.definition();
            RiskInputs inputs = RiskInputs.from(record, d, freshness, byId);
            ScoreResult r = score.compute(inputs.inputs());
            List<String> items = new ArrayList<>();
            r.itemScores().forEach((k, v) -> items.add(k + ": " + plain(v)));
            List<String> warnings = new ArrayList<>(r.warnings());
            List<String> stale = inputs.provenance().stream()
                    .filter(p -> p.stale() && inputs.inputs().has(p.name())).map(RiskInputs.Provenance::label).toList();
            if (!stale.isEmpty()) {
                warnings.add(0, "Computed with stale inputs (older than their freshness limit): "
                        + String.join(", ", stale) + ".");
            }
            cards.add(new Card(d.id(), d.name(), d.version(), d.source(), d.meaning(), r.status().json(),
                    r.status() == ScoreStatus.OK, headline(r), labels(d, r.missing()), List.copyOf(warnings),
                    inputs.provenance(), items, form(d, inputs.inputs().values()), alerts(d, r), finalBand(r)));
        }
        return new RiskPanel(List.copyOf(cards));
    }

    static String headline(ScoreResult r) {
        return switch (r.status()) {
            case OK -> plain(r.value()) + ("%".equals(r.unit()) ? "%" : " " + r.unit())
                    + (r.band() != null ? " · " + r.band() : "");
            case INCOMPLETE -> "Incomplete: " + (r.partial() != null ? plain(r.partial()) + " points so far, " : "")
                    + "no total without the missing inputs";
            case NOT_COMPUTABLE -> "Not computable: a required input is missing";
            case OUT_OF_RANGE -> "Not computed: inputs outside the validated ranges";
            case INVALID_INPUT -> "Not computed: an input is physiologically impossible";
            case NOT_APPLICABLE -> "Not applicable to this patient";
        };
    }

    private static List<String> labels(ScoreDefinition d, List<String> names) {
        return names.stream().map(n -> d.inputs().stream().filter(i -> i.name().equals(n)).findFirst()
                .map(ScoreDefinition.Input::label).orElse(n)).toList();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
