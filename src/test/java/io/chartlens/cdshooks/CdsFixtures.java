package io.chartlens.cdshooks;

import io.chartlens.bundles.BundleCatalog;
import io.chartlens.bundles.BundleSuggestions;
import io.chartlens.caregaps.CareGapEvaluator;
import io.chartlens.caregaps.CareGapReport;
import io.chartlens.caregaps.MeasureVersions;
import io.chartlens.caregaps.MeasurementPeriod;
import io.chartlens.caregaps.RecordBundle;
import io.chartlens.fhir.LoadPolicy;
import io.chartlens.fhir.LoadedRecord;
import io.chartlens.fhir.RecordLoader;
import io.chartlens.overrides.OverrideReasons;
import io.chartlens.record.Freshness;
import io.chartlens.record.ObservationCatalog;
import io.chartlens.record.ObservationReader;
import io.chartlens.record.PatientRecord;
import io.chartlens.record.RecordAssembler;
import io.chartlens.record.ReferenceDate;
import io.chartlens.record.SandboxRecords;
import io.chartlens.risk.RiskPanel;
import io.chartlens.risk.RiskScore;
import io.chartlens.risk.ScoreRegistry;
import io.chartlens.system.telemetry.Telemetry;
import io.chartlens.testsupport.WorkingTreeConfig;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The committed configuration as the app reads it, and real sample patients (loaded by the real loader from the real
 * sandbox FHIR server, {@link SandboxFhir}) scored, evaluated and carded as the hook does, without the container.
 */
final class CdsFixtures {

    static final WorkingTreeConfig CONFIG = WorkingTreeConfig.INSTANCE;
    static final String BASE = "https://chartlens.example.org";
    /** Trey Berge, 107: AF, stroke, MI, hypertension, on warfarin (sample a05). */
    static final String TREY = SandboxRecords.A05;
    /** Deane Howell, 50: breast cancer, two admissions, screening history (sample a04). */
    static final String DEANE = SandboxRecords.A04;

    private static List<RiskScore> scores;
    private static CareGapEvaluator evaluator;
    private static BundleCatalog catalog;
    private static final Map<String, LoadedRecord> LOADED = new ConcurrentHashMap<>();

    private CdsFixtures() {
    }

    static synchronized List<RiskScore> scores() {
        if (scores == null) {
            scores = List.copyOf(ScoreRegistry.load(CONFIG).values());
        }
        return scores;
    }

    static Freshness freshness() {
        return Freshness.fromConfig(CONFIG);
    }

    static synchronized BundleCatalog catalog() {
        if (catalog == null) {
            catalog = BundleCatalog.load(CONFIG::read, CONFIG::list);
        }
        return catalog;
    }

    static synchronized CareGapEvaluator evaluator() {
        if (evaluator == null) {
            evaluator = CareGapEvaluator.onCqfEngine(MeasureVersions.load(CONFIG::read, CONFIG::list), 60,
                    Telemetry.noop().tracer());
        }
        return evaluator;
    }

    static OverrideReasons overrideReasons() throws Exception {
        return OverrideReasons.parse(CONFIG.read("overrides/override-reasons.json"));
    }

    static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(12, r -> {
        Thread t = new Thread(r, "cds-test-loader");
        t.setDaemon(true);
        return t;
    });

    /** A shared sample patient's record as the real loader reads it from the sandbox FHIR server. */
    static LoadedRecord loaded(String patientId) {
        return LOADED.computeIfAbsent(patientId, id -> new RecordLoader(EXECUTOR).load(SandboxFhir.client(), id,
                LoadPolicy.defaults()));
    }

    static PatientRecord record(LoadedRecord loaded) {
        return new RecordAssembler(new ObservationReader(ObservationCatalog.fromConfig(CONFIG)))
                .assemble(loaded, ReferenceDate.Mode.LAST_RECORD, Instant.now());
    }

    static CareGapReport gaps(LoadedRecord loaded, PatientRecord record) {
        var day = record.referenceDate().value().atOffset(ZoneOffset.UTC).toLocalDate();
        var period = MeasurementPeriod.yearEndingOn(day);
        return new CareGapReport(period, evaluator().evaluate(RecordBundle.of(loaded), loaded.patientId(), period),
                RecordBundle.incompleteSections(loaded));
    }

    static CardContext context(String patientId, List<String> incomplete) throws Exception {
        List<CdsCard.Coding> reasons = new CardOverrideReasons(overrideReasons()).codings();
        return new CardContext(BASE, "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea", patientId, null,
                "Practitioner/sandbox-clinician", reasons, incomplete);
    }

    /** The hook's cards for a sample patient, as {@link PatientViewService} computes them. */
    static List<CdsCard> cards(String patientId) throws Exception {
        return cardsFor(loaded(patientId));
    }

    static List<CdsCard> cardsFor(LoadedRecord loaded) throws Exception {
        String patientId = loaded.patientId();
        PatientRecord record = record(loaded);
        RiskPanel panel = RiskPanel.of(record, scores(), freshness());
        CareGapReport gaps = gaps(loaded, record);
        return PatientViewCards.of(scores(), panel, gaps, BundleSuggestions.of(record, panel, gaps, catalog()),
                context(patientId, List.of()));
    }
}
