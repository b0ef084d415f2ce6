package io.chartlens.record;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;

/**
 * Turns FHIR R4 Observations into {@link Readings}: typed, unit-normalised values of the kinds in the
 * {@link ObservationCatalog}, and an issue for every Observation of a known kind that could not be used.
 * <ul>
 * <li>Kinds are matched on coding system and code, never on display (some displays carry U+200B). Several codings of
 * one kind on one Observation (8310-5 and 8331-1) give one value. Unknown codes (PRAPARE 93025-5, the non-existent
 * LOINC X9999-0) are ignored without an issue.</li>
 * <li>A panel (blood pressure 85354-9, 55284-4, 96607-7) gives one value per known component (8480-6, 8462-4), each
 * with the panel's date and source. Components of other Observations count when their code is a known kind (the
 * inhaled-oxygen components of a US Core pulse-oximetry Observation).</li>
 * <li>Status (FHIR R4 ObservationStatus) preliminary, final, amended and corrected are used; any other status, a
 * missing value, a dataAbsentReason, a value with a comparator, a unit UCUM cannot convert and a physiologically
 * impossible value are issues.</li>
 * </ul>
 */
public final class ObservationReader {

    private static final Set<String> USABLE_STATUSES = Set.of("preliminary", "final", "amended", "corrected");
    private static final String UCUM_SYSTEM = "http://unitsofmeasure.org";

    private final ObservationCatalog catalog;
    private final UnitNormalizer units;

    public ObservationReader(ObservationCatalog catalog, UnitNormalizer units) {
        this.catalog = catalog;
        this.units = units;
    }

    public ObservationReader(ObservationCatalog catalog) {
        this(catalog, UnitNormalizer.of(catalog));
    }

    public Readings read(List<Observation> observations) {
        Sink sink = new Sink(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Observation observation : observations) {
            read(observation, sink);
        }
        sink.measurements.sort(Comparator.comparing(Measurement::effective, Comparator.reverseOrder())
                .thenComparing(Measurement::kind).thenComparing(Measurement::source));
        sink.coded.sort(Comparator.comparing(CodedValue::effective, Comparator.reverseOrder())
                .thenComparing(CodedValue::kind).thenComparing(CodedValue::source));
        return new Readings(sink.measurements, sink.coded, sink.issues);
    }

    private void read(Observation o, Sink sink) {
        Optional<ObservationCatalog.Panel> panel = loincCodes(o.getCode()).stream()
                .map(catalog::panelByLoinc).flatMap(Optional::stream).findFirst();
        Optional<ObservationKind> kind = panel.isPresent() ? Optional.empty() : kindOf(o.getCode());
        if (panel.isEmpty() && kind.isEmpty()) {
            return;
        }
        Set<String> kinds = new LinkedHashSet<>();
        panel.ifPresent(p -> p.components().values().forEach(k -> kinds.add(k.kind())));
        kind.ifPresent(k -> kinds.add(k.kind()));
        String source = source(o);
        String status = o.hasStatus() ? o.getStatus().toCode() : null;
        if (status == null || !USABLE_STATUSES.contains(status)) {
            kinds.forEach(k -> sink.issue(source, k, status == null ? "no status" : "status " + status));
            return;
        }
        Dated dated = Dated.of(o);
        if (dated == null) {
            kinds.forEach(k -> sink.issue(source, k, "no effective date or issued time"));
            return;
        }
        if (panel.isPresent()) {
            boolean any = false;
            for (Observation.ObservationComponentComponent c : o.getComponent()) {
                Optional<ObservationKind> part = loincCodes(c.getCode()).stream()
                        .map(code -> Optional.ofNullable(panel.get().components().get(code)))
                        .flatMap(Optional::stream).findFirst();
                if (part.isPresent()) {
                    any = true;
                    readValue(part.get(), c.getValue(), c.getDataAbsentReason(), dated, source, sink);
                }
            }
            if (!any) {
                kinds.forEach(k -> sink.issue(source, k, noValue(o.getDataAbsentReason())));
            }
            return;
        }
        readValue(kind.get(), o.getValue(), o.getDataAbsentReason(), dated, source, sink);
        for (Observation.ObservationComponentComponent c : o.getComponent()) {
            kindOf(c.getCode()).ifPresent(k -> readValue(k, c.getValue(), c.getDataAbsentReason(), dated, source, sink));
        }
    }

    private void readValue(ObservationKind kind, Type value, CodeableConcept absent, Dated dated, String source,
            Sink sink) {
        if (value == null || value.isEmpty()) {
            sink.issue(source, kind.kind(), noValue(absent));
        } else if (kind.coded()) {
            if (value instanceof CodeableConcept concept) {
                Code answer = Code.of(concept);
                sink.coded.add(new CodedValue(kind.kind(), answer.system(), answer.code(), answer.display(),
                        dated.at, source));
            } else {
                sink.issue(source, kind.kind(), "value is a " + value.fhirType() + ", not a coded answer");
            }
        } else if (!(value instanceof Quantity quantity)) {
            sink.issue(source, kind.kind(), "value is a " + value.fhirType() + ", not a quantity");
        } else if (!quantity.hasValue()) {
            sink.issue(source, kind.kind(), noValue(absent));
        } else if (quantity.hasComparator()) {
            sink.issue(source, kind.kind(), "value " + quantity.getComparator().toCode()
                    + quantity.getValue().toPlainString() + " is a bound, not an exact value");
        } else {
            readQuantity(kind, quantity, dated, source, sink);
        }
    }

    private void readQuantity(ObservationKind kind, Quantity quantity, Dated dated, String source, Sink sink) {
        String unit = unitOf(quantity);
        UnitNormalizer.Result result = units.normalize(quantity.getValue(), unit, kind);
        if (result instanceof UnitNormalizer.Failed failed) {
            sink.issue(source, kind.kind(), failed.reason());
            return;
        }
        UnitNormalizer.Converted converted = (UnitNormalizer.Converted) result;
        if (kind.outsidePlausibleRange(converted.value())) {
            sink.issue(source, kind.kind(), "physiologically impossible value " + converted.value().toPlainString()
                    + " " + converted.unit());
            return;
        }
        sink.measurements.add(new Measurement(kind.kind(), kind.label(), converted.value(), converted.unit(),
                dated.at, dated.source, source, converted.originalValue(), converted.originalUnit(), false));
    }

    /**
     * {@code Observation/{id}}. A resource parsed from a transaction Bundle carries its {@code urn:uuid:} fullUrl as
     * id; the uuid alone is kept, which is the resource's own id in the sample bundles.
     */
    private static String source(Observation o) {
        String id = o.getIdElement().getIdPart();
        if (id == null || id.isBlank()) {
            return "Observation/unidentified";
        }
        return "Observation/" + (id.startsWith("urn:uuid:") ? id.substring("urn:uuid:".length()) : id);
    }

    /** The UCUM code when the quantity declares UCUM (or no system), else the unit as written. */
    private static String unitOf(Quantity q) {
        if (q.hasCode() && (!q.hasSystem() || UCUM_SYSTEM.equals(q.getSystem()))) {
            return q.getCode();
        }
        return q.hasUnit() ? q.getUnit() : q.getCode();
    }

    private Optional<ObservationKind> kindOf(CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            Optional<ObservationKind> kind = catalog.byCode(coding.getSystem(), coding.getCode());
            if (kind.isPresent()) {
                return kind;
            }
        }
        return Optional.empty();
    }

    private static List<String> loincCodes(CodeableConcept concept) {
        return concept.getCoding().stream().filter(c -> Code.LOINC.equals(c.getSystem()) && c.hasCode())
                .map(Coding::getCode).toList();
    }

    private static String noValue(CodeableConcept absent) {
        if (absent == null || absent.isEmpty()) {
            return "no value";
        }
        String why = absent.hasCoding() && absent.getCodingFirstRep().hasCode()
                ? absent.getCodingFirstRep().getCode() : absent.getText();
        return "no value (data absent: " + why + ")";
    }

    /** When an Observation was true for the patient, and which element said so. */
    private record Dated(OffsetDateTime at, Measurement.DateSource source) {

        static Dated of(Observation o) {
            if (o.hasEffectiveDateTimeType() && FhirDates.of(o.getEffectiveDateTimeType()) != null) {
                return new Dated(FhirDates.of(o.getEffectiveDateTimeType()), Measurement.DateSource.EFFECTIVE_DATE_TIME);
            }
            if (o.hasEffectiveInstantType() && FhirDates.of(o.getEffectiveInstantType()) != null) {
                return new Dated(FhirDates.of(o.getEffectiveInstantType()), Measurement.DateSource.EFFECTIVE_INSTANT);
            }
            if (o.hasEffectivePeriod() && FhirDates.of(o.getEffectivePeriod().getStartElement()) != null) {
                return new Dated(FhirDates.of(o.getEffectivePeriod().getStartElement()),
                        Measurement.DateSource.EFFECTIVE_PERIOD_START);
            }
            OffsetDateTime issued = FhirDates.of(o.getIssuedElement());
            return issued == null ? null : new Dated(issued, Measurement.DateSource.ISSUED);
        }
    }

    private record Sink(List<Measurement> measurements, List<CodedValue> coded, List<ObservationIssue> issues) {
        void issue(String source, String kind, String reason) {
            issues.add(new ObservationIssue(source, kind, reason));
        }
    }
}
