package io.chartlens.summary;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.chartlens.aisummary.AiSummary;
import io.chartlens.aisummary.CitedStatement;
import io.chartlens.aisummary.GenerationRecord;
import io.chartlens.bundles.BundlePanel;
import io.chartlens.caregaps.CareGapPanel;
import io.chartlens.launch.LaunchSession;
import io.chartlens.launch.LaunchType;
import io.chartlens.overrides.CardType;
import io.chartlens.overrides.PatientStrata;
import io.chartlens.record.PatientRecord;
import io.chartlens.record.ReferenceDate;
import io.chartlens.record.SandboxRecords;
import io.chartlens.review.CardImpression;
import io.chartlens.review.ImpressionRecorder;
import io.chartlens.review.ImpressionSource;
import io.chartlens.review.ImpressionStore;
import io.chartlens.risk.RiskPanel;
import io.chartlens.testsupport.Cleanups;
import io.chartlens.testsupport.MigratedDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** From the cards a summary section rendered to the impressions stored: one per card and launch, no PHI. */
class SectionImpressionsTest {

    private static final Instant NOW = Instant.parse("2025-05-06T10:00:00Z");
    private static final String PATIENT = SandboxRecords.A05;

    @TempDir
    Path dir;

    @RegisterExtension
    final Cleanups cleanups = new Cleanups();
    private DataSource ds;
    private SectionImpressions impressions;
    private PatientRecord record;

    @BeforeEach
    void setUp() throws Exception {
        ds = MigratedDatabases.create("h2", dir, "summary_test_", cleanups);
        impressions = new SectionImpressions();
        // the writer runs at once here, so the test can read what it wrote
        impressions.recorder = new ImpressionRecorder(new ImpressionStore(ds), Runnable::run, 100);
        impressions.forms = new DecisionForms() {
            @Override
            public String roleOf(LaunchSession launch) {
                return "hospitalist";
            }
        };
        record = SandboxRecords.assemble(PATIENT, ReferenceDate.Mode.LAST_RECORD, NOW);
    }

    @Test
    void eachDecidableScoreCardIsOneImpressionAndAReRenderCountsOnce() throws Exception {
        RiskPanel panel = new RiskPanel(List.of(score("news2", "1.0.0"), score("qsofa", "1.1.0")));
        Map<String, Object> model = Map.of("decisions", true);
        impressions.shown(launch("launch-1"), "sandbox", record, model, to -> SectionImpressions.risk(to, panel));
        impressions.shown(launch("launch-1"), "sandbox", record, model, to -> SectionImpressions.risk(to, panel));
        assertEquals(Map.of("news2 1.0.0", 1L, "qsofa 1.1.0", 1L), perVersion());
        impressions.shown(launch("launch-2"), "sandbox", record, model, to -> SectionImpressions.risk(to, panel));
        assertEquals(Map.of("news2 1.0.0", 2L, "qsofa 1.1.0", 2L), perVersion(), "another launch shows them again");

        PatientStrata strata = PatientStrata.of(record.demographics(), record.referenceDate().value()
                .atZone(ZoneOffset.UTC).toLocalDate());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM card_impression")) {
            while (rs.next()) {
                assertEquals("SUMMARY", rs.getString("source"));
                assertEquals("SCORE", rs.getString("card_type"));
                assertEquals("sandbox", rs.getString("ehr"));
                assertEquals("hospitalist", rs.getString("actor_role"));
                assertEquals(strata, new PatientStrata(rs.getString("patient_age_band"), rs.getString("patient_sex"),
                        rs.getString("patient_race"), rs.getString("patient_ethnicity")));
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String value = String.valueOf(rs.getString(i));
                    assertFalse(value.contains(PATIENT) || value.contains("launch-1")
                            || value.contains("Practitioner"), "no patient, launch or user: " + value);
                }
            }
        }
    }

    @Test
    void withoutDecisionControlsNothingIsCounted() throws Exception {
        RiskPanel panel = new RiskPanel(List.of(score("news2", "1.0.0")));
        impressions.shown(launch("launch-1"), "sandbox", record, Map.of("decisions", false),
                to -> SectionImpressions.risk(to, panel));
        impressions.shown(launch("launch-1"), "sandbox", record, new HashMap<>(),
                to -> SectionImpressions.risk(to, panel));
        assertEquals(Map.of(), perVersion(), "no patient key, no decision form: not a decidable card");
    }

    @Test
    void measuresBundlesAndStatementsAreCountedUnderTheirRuleAndVersion() {
        SectionImpressions.ShownTo to = new SectionImpressions.ShownTo("launch-1", "sandbox", "clinician",
                PatientStrata.NOT_RECORDED, NOW);
        CareGapPanel gaps = new CareGapPanel("2024", null, List.of(new CareGapPanel.Card("colorectal", "Colorectal",
                "not-applicable", "Not applicable", null, false, List.of(), List.of(), "CMS130", "https://x",
                "1.0.0")), 0);
        assertEquals(List.of("CARE_GAP colorectal 1.0.0"), rules(SectionImpressions.gaps(to, gaps)),
                "every measure card has a decision control, whatever its status");
        BundlePanel bundles = new BundlePanel(List.of(new BundlePanel.Card("readmission", "Readmission", "0.9.0",
                null, List.of(), List.of(), List.of(), "", List.of())), List.of());
        assertEquals(List.of("BUNDLE readmission 0.9.0"), rules(SectionImpressions.bundles(to, bundles)));

        AiSummary summary = new AiSummary(List.of(new CitedStatement("NEWS2 is 7.", List.of("Observation/1")),
                new CitedStatement("Colonoscopy is due.", List.of("Procedure/2"))),
                GenerationRecord.Source.DETERMINISTIC, "deterministic", "rules-v1", null, 0, Map.of());
        List<CardImpression> statements = SectionImpressions.statements(to, summary);
        assertEquals(List.of("AI_STATEMENT " + ShownCards.AI_SUMMARY_RULE + " " + summary.version(),
                "AI_STATEMENT " + ShownCards.AI_SUMMARY_RULE + " " + summary.version()), rules(statements));
        assertNotEquals(statements.get(0).key(), statements.get(1).key(), "one card per statement, as decided");
        assertEquals(CardImpression.onSummary("launch-1", CardType.AI_STATEMENT,
                ShownCards.statementKey(summary.statements().get(0)), ShownCards.AI_SUMMARY_RULE, summary.version(),
                "sandbox", "clinician", null, NOW), statements.get(0), "keyed by the statement key decisions carry");
        assertEquals(ImpressionSource.SUMMARY, statements.get(0).source());
    }

    @Test
    void aFailureWhileCountingNeverReachesThePage() throws Exception {
        assertDoesNotThrow(() -> impressions.shown(launch("launch-1"), "sandbox", record, Map.of("decisions", true),
                to -> {
                    throw new IllegalStateException("broken panel");
                }));
        assertEquals(Map.of(), perVersion());
    }

    private static RiskPanel.Card score(String id, String version) {
        return new RiskPanel.Card(id, id.toUpperCase(), version, "source", "meaning", "ok", true, "3 points",
                List.of(), List.of(), List.of(), List.of(), List.of(), false, "low");
    }

    private static LaunchSession launch(String id) {
        return new LaunchSession(id, "sandbox", LaunchType.EHR, "https://ehr.example/fhir",
                URI.create("https://ehr.example/token"), "ACCESS-TOKEN", null, NOW.plusSeconds(3600), "launch",
                PATIENT, null, "Practitioner/p1", "Dr P", false, null, NOW);
    }

    private static List<String> rules(List<CardImpression> impressions) {
        return impressions.stream().map(i -> i.rule().toString()).toList();
    }

    private Map<String, Long> perVersion() throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT rule_id, rule_version FROM card_impression")) {
            while (rs.next()) {
                counts.merge(rs.getString(1) + " " + rs.getString(2), 1L, Long::sum);
            }
        }
        return counts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
