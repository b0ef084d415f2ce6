package io.chartlens.aisummary;

import io.chartlens.caregaps.CareGapEvaluator;
import io.chartlens.caregaps.CareGapReport;
import io.chartlens.caregaps.MeasureVersions;
import io.chartlens.caregaps.MeasurementPeriod;
import io.chartlens.caregaps.RecordBundle;
import io.chartlens.fhir.LoadedRecord;
import io.chartlens.record.Freshness;
import io.chartlens.record.ObservationCatalog;
import io.chartlens.record.ObservationReader;
import io.chartlens.record.PatientRecord;
import io.chartlens.record.RecordAssembler;
import io.chartlens.record.ReferenceDate;
import io.chartlens.risk.RiskPanel;
import io.chartlens.risk.RiskScore;
import io.chartlens.risk.ScoreRegistry;
import io.chartlens.system.ConfigFiles;
import io.chartlens.system.telemetry.Telemetry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The shipped configuration read from {@code smart-config/} in the working tree, and the record's features built
 * from it as the application builds them: the typed record (reference date = last record date, as the sandbox EHR
 * registration uses), its risk panel and its care gaps.
 */
final class SummaryFixtures {

    static final Path ROOT = Path.of(System.getProperty("chartlens.test.config-dir", "smart-config"));
    static final ConfigFiles CONFIG = io.chartlens.testsupport.WorkingTreeConfig.INSTANCE;
    private static final ObservationCatalog CATALOG = ObservationCatalog.fromConfig(CONFIG);
    private static final Freshness FRESHNESS = Freshness.fromConfig(CONFIG);
    private static final List<RiskScore> SCORES = List.copyOf(ScoreRegistry.load(CONFIG).values());
    private static CareGapEvaluator evaluator;

    private SummaryFixtures() {
    }

    static PatientRecord assemble(LoadedRecord loaded) {
        return new RecordAssembler(new ObservationReader(CATALOG)).assemble(loaded, ReferenceDate.Mode.LAST_RECORD,
                Instant.now());
    }

    static RiskPanel risk(PatientRecord record) {
        return RiskPanel.of(record, SCORES, FRESHNESS);
    }

    /** Every measure over the twelve months ending on the record's reference date. */
    static CareGapReport careGaps(LoadedRecord loaded, PatientRecord record) {
        MeasurementPeriod period = MeasurementPeriod.yearEndingOn(RelativeDates.day(record.referenceDate()));
        return new CareGapReport(period, evaluator().evaluate(RecordBundle.of(loaded), loaded.patientId(), period),
                RecordBundle.incompleteSections(loaded));
    }

    private static synchronized CareGapEvaluator evaluator() {
        if (evaluator == null) {
            evaluator = CareGapEvaluator.onCqfEngine(MeasureVersions.load(CONFIG::read, CONFIG::list), 60,
                    Telemetry.noop().tracer());
        }
        return evaluator;
    }
}
