package io.chartlens.caregaps;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.repository.IRepository;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.elm.r1.VersionedIdentifier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.opencds.cqf.cql.engine.execution.EvaluationResult;
import org.opencds.cqf.cql.engine.runtime.Date;
import org.opencds.cqf.cql.engine.runtime.DateTime;
import org.opencds.cqf.cql.engine.runtime.Interval;
import org.opencds.cqf.fhir.cql.Engines;
import org.opencds.cqf.fhir.cql.EvaluationSettings;
import org.opencds.cqf.fhir.cql.LibraryEngine;
import org.opencds.cqf.fhir.cql.engine.retrieve.RetrieveSettings;
import org.opencds.cqf.fhir.cql.engine.terminology.TerminologySettings;
import org.opencds.cqf.fhir.utility.repository.InMemoryFhirRepository;

/**
 * {@link CqlEngine} on the CQF clinical-reasoning engine 4.4 ({@code cqf-fhir-cql}, CQL engine 4.4). Libraries and
 * value sets live in an in-memory repository built once: every configured version of each library, each under its
 * own resource id, and the engine finds a library by the name and version it is asked for (issue #9). Value-set
 * membership uses the stored expansions, so no terminology server is needed. Translated libraries are cached across
 * evaluations, so only the first one of each library pays for translation. The patient's record is passed as
 * additional data to one engine per record ({@link #open}), which evaluates each measure's library in turn.
 */
final class CqfCqlEngine implements CqlEngine {

    private final IRepository content;
    private final EvaluationSettings settings;
    private final LibraryEngine libraries;

    CqfCqlEngine(MeasureContent measureContent) {
        FhirContext fhir = FhirContext.forR4Cached();
        InMemoryFhirRepository repository = new InMemoryFhirRepository(fhir);
        measureContent.libraries().forEach(repository::update);
        measureContent.valueSets().forEach(repository::update);
        this.content = repository;
        EvaluationSettings s = EvaluationSettings.getDefault();
        s.setLibraryCache(new ConcurrentHashMap<>());
        s.setValueSetCache(new ConcurrentHashMap<>());
        s.getTerminologySettings()
                .setValuesetExpansionMode(TerminologySettings.VALUESET_EXPANSION_MODE.PERFORM_NAIVE_EXPANSION)
                .setValuesetMembershipMode(TerminologySettings.VALUESET_MEMBERSHIP_MODE.USE_EXPANSION)
                .setValuesetPreExpansionMode(TerminologySettings.VALUESET_PRE_EXPANSION_MODE.USE_IF_PRESENT);
        s.getRetrieveSettings()
                .setSearchParameterMode(RetrieveSettings.SEARCH_FILTER_MODE.FILTER_IN_MEMORY)
                .setTerminologyParameterMode(RetrieveSettings.TERMINOLOGY_FILTER_MODE.FILTER_IN_MEMORY)
                .setProfileMode(RetrieveSettings.PROFILE_MODE.OFF);
        this.settings = s;
        this.libraries = new LibraryEngine(content, settings);
    }

    @Override
    public void prepare(LibraryRef library) {
        Bundle empty = new Bundle().setType(Bundle.BundleType.COLLECTION);
        empty.addEntry().setResource(new org.hl7.fhir.r4.model.Patient().setId("warm-up"));
        evaluate(library, empty, "warm-up", MeasurementPeriod.yearEndingOn(LocalDate.of(2000, 12, 31)), null);
    }

    @Override
    public CqlResults evaluate(LibraryRef library, Bundle data, String patientId, MeasurementPeriod period,
            Set<String> expressions) {
        return open(data, patientId, period).evaluate(library, expressions);
    }

    /**
     * One engine for the record: building it (a model manager, a data provider indexing every resource of the
     * record) costs more than most evaluations, so it is built once, at the first evaluation, and used for every
     * library. Each evaluation names its library and version, and the engine keeps each library's results apart.
     */
    @Override
    public RecordEvaluation open(Bundle data, String patientId, MeasurementPeriod period) {
        Map<String, Object> parameters = Map.of("Measurement Period", interval(period));
        String subject = "Patient/" + patientId;
        return new RecordEvaluation() {
            private org.opencds.cqf.cql.engine.execution.CqlEngine engine;

            @Override
            public CqlResults evaluate(LibraryRef library, Set<String> expressions) {
                VersionedIdentifier id = new VersionedIdentifier().withId(library.name())
                        .withVersion(library.version());
                EvaluationResult result;
                try {
                    if (engine == null) {
                        engine = Engines.forRepository(content, settings, data);
                    }
                    result = libraries.getEvaluationResult(id, subject, null, parameters, data, expressions, null,
                            null, engine);
                } catch (RuntimeException e) {
                    throw new CqlEvaluationException("CQL library " + library + " failed: " + reason(e), e);
                }
                Map<String, Object> values = new LinkedHashMap<>();
                result.getExpressionResults().forEach((name, value) -> values.put(name, plain(value.getValue())));
                return new CqlResults(values);
            }
        };
    }

    /** Whole days, with millisecond precision at both ends (the form the engine handles reliably). */
    static Interval interval(MeasurementPeriod period) {
        DateTime start = new DateTime(period.start().atStartOfDay().atOffset(ZoneOffset.UTC));
        DateTime end = new DateTime(period.end().atTime(23, 59, 59, 999_000_000).atOffset(ZoneOffset.UTC));
        return new Interval(start, true, end, true);
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof Boolean || value instanceof String || value instanceof Resource) {
            return value;
        }
        if (value instanceof Date d) {
            return d.getDate();
        }
        if (value instanceof DateTime dt) {
            return dt.getDateTime().toLocalDate();
        }
        if (value instanceof Iterable<?> items) {
            List<Object> list = new ArrayList<>();
            items.forEach(item -> {
                Object p = plain(item);
                if (p != null) {
                    list.add(p);
                }
            });
            return List.copyOf(list);
        }
        if (value instanceof Integer || value instanceof java.math.BigDecimal) {
            return value;
        }
        return value.toString();
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) + "…" : message;
    }
}
