package io.chartlens.risk;

import io.chartlens.fhir.RecordSection;
import io.chartlens.record.Code;
import io.chartlens.record.Demographics;
import io.chartlens.record.Freshness;
import io.chartlens.record.Measurement;
import io.chartlens.record.PatientRecord;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * A score's inputs derived from a patient record, each with its provenance, following the definition's
 * {@code recordMapping}. Missing stays missing: a measurement that is absent, or stale beyond its freshness limit
 * for an acute score (vital signs older than their 24 h limit), is left out and the reason is kept. A coded condition
 * that is not found is left out too: the calculator reads it as "not present" and says so.
 *
 * @param inputs     what the calculator gets
 * @param provenance one line per documented input, in definition order
 */
public record RiskInputs(ScoreInputs inputs, List<Provenance> provenance) {

    /**
     * Where an input came from. {@code value} is display text (null when missing); {@code source} is
     * {@code Type/id} of the FHIR resource (null when derived from demographics or missing).
     */
    public record Provenance(String name, String label, String value, OffsetDateTime date, String source,
                             boolean stale, String note) {
    }

    public static RiskInputs from(PatientRecord record, ScoreDefinition definition, Freshness freshness) {
        return from(record, definition, freshness, Map.of());
    }

    /** With the other scores at hand, for inputs that are themselves scores (LACE's Charlson index). */
    public static RiskInputs from(PatientRecord record, ScoreDefinition definition, Freshness freshness,
                                  Map<String, RiskScore> others) {
        Map<String, InputValue> values = new LinkedHashMap<>();
        List<Provenance> provenance = new ArrayList<>();
        for (ScoreDefinition.Input input : definition.inputs()) {
            Object mapping = definition.recordMapping().get(input.name());
            JSONObject m = mapping instanceof JSONObject o ? o : new JSONObject();
            Provenance p;
            Optional<Provenance> stay = StayInputs.derive(record, input, definition.id(), values,
                    Optional.ofNullable(others.get("charlson")), freshness);
            if (stay.isPresent()) {
                p = stay.get();
            } else if ("flag".equals(input.type()) && m.get("observation") instanceof String kind
                    && (m.containsKey("conditionSnomed") || m.containsKey("procedureSnomed"))) {
                p = conditionOrLab(record, input, kind, m, values);
            } else if (m.get("observation") instanceof String kind && record.latest(kind).isEmpty()
                    && record.latestCoded(kind).isPresent()) {
                p = codedObservation(record, input, kind, m, values);
            } else if (m.get("observation") instanceof String kind) {
                p = observation(record, freshness, input, kind, values, acute(definition));
            } else if (m.containsKey("conditionSnomed") || m.containsKey("procedureSnomed")) {
                p = condition(record, input, codes(m.get("conditionSnomed")), codes(m.get("procedureSnomed")), values);
            } else if (m.containsKey("medicationRxnorm")) {
                p = medication(record, input, codes(m.get("medicationRxnorm")), codes(m.get("ingredients")), values);
            } else if (m.get("demographics") instanceof String field) {
                p = demographic(record, input, field, values);
            } else {
                p = new Provenance(input.name(), input.label(), null, null, null, false,
                        "not derived from the record in this version; enter it to compute");
            }
            provenance.add(p);
        }
        return new RiskInputs(new ScoreInputs(values), List.copyOf(provenance));
    }

    /** Acute scores (NEWS2, qSOFA, CURB-65) take only current vital signs: {@code parameters.acute}. */
    private static boolean acute(ScoreDefinition definition) {
        return Boolean.TRUE.equals(definition.parameters().get("acute"));
    }

    /** A coded answer (e.g. smoking status, LOINC 72166-2) read as yes/no through the mapping's code lists. */
    private static Provenance codedObservation(PatientRecord record, ScoreDefinition.Input input, String kind,
                                               JSONObject mapping, Map<String, InputValue> values) {
        var coded = record.latestCoded(kind).orElseThrow();
        String shown = coded.display() != null ? coded.display() : coded.code();
        if (codes(mapping.get("trueCodes")).contains(coded.code())) {
            values.put(input.name(), new InputValue.Flag(true));
        } else if (codes(mapping.get("falseCodes")).contains(coded.code())) {
            values.put(input.name(), new InputValue.Flag(false));
        } else {
            return new Provenance(input.name(), input.label(), shown, coded.effective(), coded.source(), false,
                    "this answer does not say yes or no: not used");
        }
        return new Provenance(input.name(), input.label(), shown, coded.effective(), coded.source(), false,
                Freshness.age(coded.effective(), record.referenceDate()));
    }

    private static Provenance observation(PatientRecord record, Freshness freshness, ScoreDefinition.Input input,
                                          String kind, Map<String, InputValue> values, boolean acute) {
        Optional<Measurement> latest = record.latest(kind);
        if (latest.isEmpty()) {
            return new Provenance(input.name(), input.label(), null, null, null, false, "no value in the record");
        }
        Measurement m = latest.get();
        boolean stale = freshness.isStale(kind, m.effective(), record.referenceDate());
        String value = m.value().stripTrailingZeros().toPlainString() + " " + m.unit();
        String age = Freshness.age(m.effective(), record.referenceDate());
        if (input.unit() != null && !input.unit().equals(m.unit())) {
            return new Provenance(input.name(), input.label(), value, m.effective(), m.source(), stale,
                    "recorded in " + m.unit() + ", the score needs " + input.unit() + ": not used");
        }
        if (stale && acute) {
            return new Provenance(input.name(), input.label(), value, m.effective(), m.source(), true,
                    "latest value is " + age + ", older than its freshness limit: not used");
        }
        values.put(input.name(), new InputValue.Quantity(m.value(), m.unit()));
        return new Provenance(input.name(), input.label(), value, m.effective(), m.source(), stale,
                stale ? "stale (" + age + ")" : age);
    }

    /**
     * A coded condition (or procedure) of the history: present when found, resolved entries included (a past stroke
     * or MI still counts). Not found in a completely loaded section reads as "not present", and says so; if the
     * section did not load completely, the input stays missing.
     */
    private static Provenance condition(PatientRecord record, ScoreDefinition.Input input, Set<String> conditions,
                                        Set<String> procedures, Map<String, InputValue> values) {
        var match = record.problems().stream()
                .filter(p -> Code.SNOMED.equals(p.code().system()) && conditions.contains(p.code().code()))
                .findFirst();
        if (match.isPresent()) {
            values.put(input.name(), new InputValue.Flag(true));
            return new Provenance(input.name(), input.label(), "yes: " + match.get().code().display(),
                    match.get().onset(), match.get().source(), false, match.get().active() ? "active" : "resolved");
        }
        var procedure = record.procedures().stream()
                .filter(p -> Code.SNOMED.equals(p.code().system()) && procedures.contains(p.code().code()))
                .findFirst();
        if (procedure.isPresent()) {
            values.put(input.name(), new InputValue.Flag(true));
            return new Provenance(input.name(), input.label(), "yes: " + procedure.get().code().display(),
                    procedure.get().performed(), procedure.get().source(), false, "procedure");
        }
        boolean complete = record.section(RecordSection.CONDITIONS).complete()
                && (procedures.isEmpty() || record.section(RecordSection.PROCEDURES).complete());
        if (!complete) {
            return new Provenance(input.name(), input.label(), null, null, null, false,
                    "conditions could not all be loaded: not assumed absent");
        }
        values.put(input.name(), new InputValue.Flag(false));
        return new Provenance(input.name(), input.label(), "no", null, null, false,
                "read as not present: no coded condition found");
    }

    /**
     * A yes/no input met by a coded condition or procedure, or else by the latest lab value of {@code kind} above
     * {@code observationAbove} (e.g. Charlson 1987 moderate renal disease: creatinine above 3 mg/dL). A lab value
     * at or below the threshold does not make the flag "no" on its own; the coded record still decides that.
     */
    private static Provenance conditionOrLab(PatientRecord record, ScoreDefinition.Input input, String kind,
                                             JSONObject m, Map<String, InputValue> values) {
        Provenance coded = condition(record, input, codes(m.get("conditionSnomed")), codes(m.get("procedureSnomed")),
                values);
        if (coded.value() != null && coded.value().startsWith("yes")) {
            return coded;
        }
        if (m.get("observationAbove") instanceof JSONObject above && above.get("value") instanceof Number limit
                && above.get("unit") instanceof String unit) {
            Optional<io.chartlens.record.Measurement> lab = record.latest(kind);
            if (lab.isPresent() && unit.equals(lab.get().unit())
                    && lab.get().value().compareTo(new java.math.BigDecimal(limit.toString())) > 0) {
                values.put(input.name(), new InputValue.Flag(true));
                return new Provenance(input.name(), input.label(), "yes: " + kind + " "
                        + lab.get().value().stripTrailingZeros().toPlainString() + " " + unit + " (above "
                        + limit + ")", lab.get().effective(), lab.get().source(), false, "latest value");
            }
        }
        return coded;
    }

    private static Provenance medication(PatientRecord record, ScoreDefinition.Input input, Set<String> codes,
                                         Set<String> ingredients, Map<String, InputValue> values) {
        var match = record.activeMedications().stream()
                .filter(m -> (m.medication().code() != null && codes.contains(m.medication().code()))
                        || ingredients.stream().anyMatch(i -> m.medication().display().toLowerCase(java.util.Locale.ROOT)
                        .contains(i.toLowerCase(java.util.Locale.ROOT))))
                .findFirst();
        if (match.isPresent()) {
            values.put(input.name(), new InputValue.Flag(true));
            return new Provenance(input.name(), input.label(), "yes: " + match.get().medication().display(),
                    match.get().authoredOn(), match.get().source(), false, "active medication");
        }
        if (!record.section(RecordSection.MEDICATIONS).complete()) {
            return new Provenance(input.name(), input.label(), null, null, null, false,
                    "medications could not all be loaded: not assumed absent");
        }
        values.put(input.name(), new InputValue.Flag(false));
        return new Provenance(input.name(), input.label(), "no", null, null, false,
                "read as not present: no active medication found");
    }

    private static Provenance demographic(PatientRecord record, ScoreDefinition.Input input, String field,
                                          Map<String, InputValue> values) {
        Demographics d = record.demographics();
        String patient = "Patient/" + record.patientId();
        switch (field) {
            case "age" -> {
                var age = d.ageAt(record.referenceDate().value().atOffset(ZoneOffset.UTC).toLocalDate());
                if (age.isPresent()) {
                    values.put(input.name(), new InputValue.Quantity(BigDecimal.valueOf(age.get()), "a"));
                    return new Provenance(input.name(), input.label(), age.get() + " years", null, patient, false,
                            "at the reference date");
                }
                return new Provenance(input.name(), input.label(), null, null, patient, false, "birth date unknown");
            }
            case "sex" -> {
                if (d.sex() == Demographics.Sex.FEMALE || d.sex() == Demographics.Sex.MALE) {
                    String sex = d.sex().name().toLowerCase(java.util.Locale.ROOT);
                    values.put(input.name(), new InputValue.Choice(sex));
                    return new Provenance(input.name(), input.label(), sex, null, patient, false, null);
                }
                return new Provenance(input.name(), input.label(), null, null, patient, false,
                        "sex not recorded as female or male: not assumed");
            }
            case "race" -> {
                if (d.race() == Demographics.Race.UNKNOWN) {
                    return new Provenance(input.name(), input.label(), null, null, patient, false,
                            "race not recorded: not assumed");
                }
                String race = d.race().name().toLowerCase(java.util.Locale.ROOT);
                values.put(input.name(), new InputValue.Choice(race));
                return new Provenance(input.name(), input.label(), race, null, patient, false, "US Core race");
            }
            default -> {
                return new Provenance(input.name(), input.label(), null, null, null, false,
                        "not derived from the record in this version");
            }
        }
    }

    /** Codes from a mapping list: plain strings or objects with a {@code code}. */
    static Set<String> codes(Object list) {
        Set<String> codes = new HashSet<>();
        if (list instanceof JSONArray array) {
            for (Object item : array) {
                if (item instanceof String s) {
                    codes.add(s);
                } else if (item instanceof JSONObject o && o.get("code") instanceof String c) {
                    codes.add(c);
                }
            }
        }
        return codes;
    }
}
