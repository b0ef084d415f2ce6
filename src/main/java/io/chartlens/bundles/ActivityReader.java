package io.chartlens.bundles;

import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;

/**
 * Reads one {@code ActivityDefinition-<id>.json} into what an item needs. Each problem is an
 * {@link IllegalArgumentException} whose message the catalog prefixes with the file's name.
 */
final class ActivityReader {

    static final String BASE = "http://chartlens.io/fhir/StructureDefinition/";
    static final String BY_CODE = BASE + "satisfied-by-code";
    static final String BY_VALUESET = BASE + "satisfied-by-valueset";
    static final String BY_INGREDIENT = BASE + "satisfied-by-ingredient";
    static final String BY_OBSERVATION = BASE + "satisfied-by-observation";
    static final String WITHIN = BASE + "satisfied-within";
    private static final Set<String> PRIORITIES = Set.of("routine", "urgent", "asap", "stat");

    /** An ActivityDefinition, parsed. */
    record Activity(String url, String version, OrderKind kind, Concept what, String priority, String dosageText,
                    SatisfiedBy satisfiedBy) {
    }

    private ActivityReader() {
    }

    static Activity read(ActivityDefinition ad, ConfigReferences references) {
        if (!ad.hasUrl() || !ad.hasVersion()) {
            throw new IllegalArgumentException("an ActivityDefinition needs a url and a version");
        }
        if (ad.getStatus() != PublicationStatus.ACTIVE) {
            throw new IllegalArgumentException("status must be active");
        }
        String kindCode = ad.hasKind() ? ad.getKind().toCode() : null;
        OrderKind kind = OrderKind.of(kindCode).orElseThrow(() -> new IllegalArgumentException(
                "kind must be ServiceRequest, MedicationRequest or Task, not " + kindCode));
        CodeableConcept what = kind == OrderKind.MEDICATION_REQUEST ? ad.getProductCodeableConcept() : ad.getCode();
        if (what == null || (!what.hasText() && !what.hasCoding())) {
            throw new IllegalArgumentException(kind == OrderKind.MEDICATION_REQUEST
                    ? "a MedicationRequest item needs productCodeableConcept" : "an item needs a code (coding or text)");
        }
        for (Coding c : what.getCoding()) {
            if (!c.hasSystem() || !c.hasCode()) {
                throw new IllegalArgumentException("every coding needs a system and a code");
            }
        }
        String priority = ad.hasPriority() ? ad.getPriority().toCode() : "routine";
        if (!PRIORITIES.contains(priority)) {
            throw new IllegalArgumentException("priority must be one of " + PRIORITIES);
        }
        String dosage = ad.getDosage().stream().filter(d -> d.hasText()).map(d -> d.getText()).findFirst()
                .orElse(null);
        return new Activity(ad.getUrl(), ad.getVersion(), kind, Concept.of(what), priority, dosage,
                satisfiedBy(ad.getExtension(), references));
    }

    private static SatisfiedBy satisfiedBy(List<Extension> extensions, ConfigReferences references) {
        Set<SatisfiedBy.CodeKey> codes = new HashSet<>();
        List<Ingredient> ingredients = new ArrayList<>();
        Set<String> kinds = new HashSet<>();
        Optional<Period> within = Optional.empty();
        for (Extension e : extensions) {
            switch (e.getUrl()) {
                case BY_CODE -> {
                    Coding c = coding(e);
                    codes.add(new SatisfiedBy.CodeKey(c.getSystem(), c.getCode()));
                }
                case BY_VALUESET -> {
                    String url = e.getValue() instanceof CanonicalType canonical ? canonical.getValue() : null;
                    codes.addAll(references.valueSet(String.valueOf(url)).orElseThrow(() ->
                            new IllegalArgumentException(BY_VALUESET + " names " + url
                                    + ", which is not in smart-config/measures/valuesets")));
                }
                case BY_INGREDIENT -> ingredients.add(ingredient(e));
                case BY_OBSERVATION -> {
                    String kind = e.getValue() instanceof StringType s ? s.getValue() : null;
                    if (kind == null || !references.isObservationKind(kind)) {
                        throw new IllegalArgumentException(BY_OBSERVATION + " names '" + kind
                                + "', which is not a kind of smart-config/record/observations.json");
                    }
                    kinds.add(kind);
                }
                case WITHIN -> within = Optional.of(period(e));
                default -> {
                    if (e.getUrl().startsWith(BASE)) {
                        throw new IllegalArgumentException("unknown extension " + e.getUrl());
                    }
                }
            }
        }
        return new SatisfiedBy(codes, ingredients, kinds, within);
    }

    /** A {@code valueCoding} of an RxNorm ingredient whose display is the ingredient's name. */
    static Ingredient ingredient(Extension e) {
        Coding c = coding(e);
        if (!io.chartlens.record.Code.RXNORM.equals(c.getSystem()) || !c.hasDisplay()) {
            throw new IllegalArgumentException(e.getUrl() + " needs an RxNorm ingredient coding with its name as"
                    + " display");
        }
        return new Ingredient(c.getCode(), c.getDisplay().toLowerCase(java.util.Locale.ROOT));
    }

    private static Coding coding(Extension e) {
        if (!(e.getValue() instanceof Coding c) || !c.hasSystem() || !c.hasCode()) {
            throw new IllegalArgumentException(e.getUrl() + " needs a valueCoding with system and code");
        }
        return c;
    }

    /** A UCUM duration of whole days, weeks, months or years as a calendar period. */
    private static Period period(Extension e) {
        if (!(e.getValue() instanceof Duration d) || !d.hasValue() || d.getValue().signum() <= 0
                || d.getValue().stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(WITHIN + " needs a valueDuration of a positive whole number");
        }
        int n = d.getValue().intValueExact();
        return switch (d.hasCode() ? d.getCode() : "") {
            case "d" -> Period.ofDays(n);
            case "wk" -> Period.ofWeeks(n);
            case "mo" -> Period.ofMonths(n);
            case "a" -> Period.ofYears(n);
            default -> throw new IllegalArgumentException(WITHIN + ": the UCUM code must be d, wk, mo or a");
        };
    }
}
