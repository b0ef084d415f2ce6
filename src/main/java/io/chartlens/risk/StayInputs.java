package io.chartlens.risk;

import io.chartlens.record.Entries.EncounterEntry;
import io.chartlens.record.Entries.ProcedureEntry;
import io.chartlens.record.Measurement;
import io.chartlens.record.PatientRecord;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of the readmission scores (LACE, van Walraven 2010; HOSPITAL, Donzé 2013) that come from the index
 * hospital stay rather than from one resource: length of stay, emergent admission, prior ED visits and admissions,
 * procedures and labs during the stay. The index stay is the most recent inpatient (IMP) Encounter that has started
 * by the reference date. An unfinished stay has no length of stay: it is missing, never "so far".
 */
final class StayInputs {

    private StayInputs() {
    }

    static Optional<EncounterEntry> indexStay(PatientRecord record) {
        OffsetDateTime reference = record.referenceDate().value().atOffset(java.time.ZoneOffset.UTC);
        return record.encounters().stream()
                .filter(EncounterEntry::inpatient)
                .filter(e -> e.start() != null && !e.start().isAfter(reference))
                .findFirst(); // newest first
    }

    /** The input, or empty when this class does not derive it. */
    static Optional<RiskInputs.Provenance> derive(PatientRecord record, ScoreDefinition.Input input, String scoreId,
                                                  Map<String, InputValue> values, Optional<RiskScore> charlson,
                                                  io.chartlens.record.Freshness freshness) {
        String name = input.name();
        Optional<EncounterEntry> stay = indexStay(record);
        boolean stayInput = switch (name) {
            case "lengthOfStayDays", "emergentAdmission", "urgentAdmission", "edVisitsPrior6Months",
                 "admissionsPrior12Months", "procedureDuringStay", "oncologyDischarge" -> true;
            case "hemoglobin", "sodium" -> "hospital".equals(scoreId);
            default -> false;
        };
        if ("charlsonIndex".equals(name)) {
            return Optional.of(charlsonIndex(record, input, values, charlson, freshness));
        }
        if (!stayInput) {
            return Optional.empty();
        }
        if (stay.isEmpty()) {
            return Optional.of(missing(input, "no inpatient stay in the record"));
        }
        EncounterEntry s = stay.get();
        return Optional.of(switch (name) {
            case "lengthOfStayDays" -> {
                if (s.end() == null) {
                    yield missing(input, "the index stay has not ended (no discharge date)");
                }
                long days = ChronoUnit.DAYS.between(s.start().toLocalDate(), s.end().toLocalDate());
                values.put(name, new InputValue.Quantity(BigDecimal.valueOf(days), "d"));
                yield found(input, days + " d", s.end(), s.source(), "admitted " + s.start().toLocalDate());
            }
            case "emergentAdmission", "urgentAdmission" -> {
                Optional<EncounterEntry> ed = record.encounters().stream().filter(EncounterEntry::emergency)
                        .filter(e -> e.start() != null && !e.start().isAfter(s.start())
                                && (e.end() == null || !e.end().isBefore(s.start().minusHours(24))))
                        .findFirst();
                values.put(name, new InputValue.Flag(ed.isPresent()));
                yield ed.map(e -> found(input, "yes: via the emergency department", e.start(), e.source(), null))
                        .orElse(found(input, "no", s.start(), s.source(),
                                "no emergency encounter before the admission: read as elective"));
            }
            case "edVisitsPrior6Months" -> count(record, input, values, s, 6, true);
            case "admissionsPrior12Months" -> count(record, input, values, s, 12, false);
            case "procedureDuringStay" -> {
                Optional<ProcedureEntry> p = record.procedures().stream().filter(pr -> pr.performed() != null
                        && !pr.performed().isBefore(s.start()) && (s.end() == null || !pr.performed().isAfter(s.end())))
                        .findFirst();
                values.put(name, new InputValue.Flag(p.isPresent()));
                yield p.map(pr -> found(input, "yes: " + pr.code().display(), pr.performed(), pr.source(), null))
                        .orElse(found(input, "no", s.start(), s.source(), "no procedure dated within the stay"));
            }
            case "hemoglobin", "sodium" -> lastDuringStay(record, input, values, s, name);
            default -> missing(input, "the discharging service is not recorded");
        });
    }

    private static RiskInputs.Provenance count(PatientRecord record, ScoreDefinition.Input input,
                                               Map<String, InputValue> values, EncounterEntry stay, int months,
                                               boolean emergency) {
        OffsetDateTime from = stay.start().minusMonths(months);
        long n = record.encounters().stream()
                .filter(e -> emergency ? e.emergency() : e.inpatient())
                .filter(e -> e.start() != null && !e.start().isBefore(from) && e.start().isBefore(stay.start())
                        && !e.source().equals(stay.source()))
                // the ED visit that led to this admission is not a prior visit
                .filter(e -> !(emergency && e.end() != null && !e.end().isBefore(stay.start().minusHours(24))))
                .count();
        values.put(input.name(), new InputValue.Quantity(BigDecimal.valueOf(n), input.unit()));
        return found(input, String.valueOf(n), stay.start(), stay.source(),
                "in the " + months + " months before the admission");
    }

    private static RiskInputs.Provenance lastDuringStay(PatientRecord record, ScoreDefinition.Input input,
                                                        Map<String, InputValue> values, EncounterEntry stay,
                                                        String kind) {
        Optional<Measurement> m = record.measurements().stream().filter(x -> kind.equals(x.kind()))
                .filter(x -> !x.effective().isBefore(stay.start())
                        && (stay.end() == null || !x.effective().isAfter(stay.end()))).findFirst();
        if (m.isEmpty()) {
            return missing(input, "no value during the index stay");
        }
        values.put(input.name(), new InputValue.Quantity(m.get().value(), m.get().unit()));
        return found(input, m.get().value().stripTrailingZeros().toPlainString() + " " + m.get().unit(),
                m.get().effective(), m.get().source(), "last value during the stay");
    }

    private static RiskInputs.Provenance charlsonIndex(PatientRecord record, ScoreDefinition.Input input,
                                                       Map<String, InputValue> values, Optional<RiskScore> charlson,
                                                       io.chartlens.record.Freshness freshness) {
        if (charlson.isEmpty()) {
            return missing(input, "the Charlson definition is not loaded");
        }
        ScoreResult c = charlson.get().compute(RiskInputs.from(record, charlson.get().definition(), freshness,
                Map.of()).inputs());
        if (c.status() != ScoreStatus.OK || c.value() == null) {
            return missing(input, "Charlson index not computable (" + c.status().json() + ")");
        }
        values.put(input.name(), new InputValue.Quantity(c.value(), input.unit()));
        return found(input, c.value().stripTrailingZeros().toPlainString() + " points", null, null,
                "Charlson 1987 weights from coded conditions; absent conditions read as not present");
    }

    private static RiskInputs.Provenance found(ScoreDefinition.Input input, String value, OffsetDateTime date,
                                               String source, String note) {
        return new RiskInputs.Provenance(input.name(), input.label(), value, date, source, false, note);
    }

    private static RiskInputs.Provenance missing(ScoreDefinition.Input input, String note) {
        return new RiskInputs.Provenance(input.name(), input.label(), null, null, null, false, note);
    }
}
