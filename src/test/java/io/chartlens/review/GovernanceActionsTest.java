package io.chartlens.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.aisummary.PromptVersions;
import io.chartlens.aisummary.SummaryPrompts;
import io.chartlens.bundles.BundleVersions;
import io.chartlens.bundles.Bundles;
import io.chartlens.caregaps.CareGap;
import io.chartlens.caregaps.CareGapStatus;
import io.chartlens.caregaps.CareGaps;
import io.chartlens.caregaps.MeasureVersions;
import io.chartlens.record.Freshness;
import io.chartlens.record.PatientRecord;
import io.chartlens.record.ReferenceDate;
import io.chartlens.record.SandboxRecords;
import io.chartlens.risk.RiskPanel;
import io.chartlens.risk.ScoreRegistry;
import io.chartlens.risk.ScoreVersions;
import io.chartlens.risk.VersionResolution;
import io.chartlens.testsupport.Cleanups;
import io.chartlens.testsupport.WorkingTreeConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin page's actions without a container: activating a version and rolling back change what the next page
 * load computes at once, each is one history row, and refusals name their reason.
 */
class GovernanceActionsTest {

    private static final String ADMIN = "Practitioner/admin-1";
    private static final String READMISSION = "c01a0000-0000-4000-8000-000000000001";

    @TempDir
    Path dir;

    @RegisterExtension
    final Cleanups cleanups = new Cleanups();
    private GovernanceActions actions;
    private GovernanceCatalog catalog;
    private ScoreRegistry scores;

    @BeforeEach
    void wire() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
        RuleVersionChoices choices = new RuleVersionChoices(ReviewFixtures.database("h2", dir, cleanups), clock);
        ActiveVersions active = new ActiveVersions(choices, clock);
        scores = new ScoreRegistry(ScoreVersions.load(WorkingTreeConfig.INSTANCE), active);
        catalog = new GovernanceCatalog();
        catalog.scores = scores;
        catalog.bundles = new Bundles(BundleVersions.load(WorkingTreeConfig.INSTANCE::read,
                WorkingTreeConfig.INSTANCE::list), active);
        catalog.careGaps = new CareGaps(MeasureVersions.load(WorkingTreeConfig.INSTANCE::read,
                WorkingTreeConfig.INSTANCE::list), active, 60);
        catalog.prompts = new SummaryPrompts(PromptVersions.load(WorkingTreeConfig.INSTANCE), active);
        catalog.choices = choices;
        actions = new GovernanceActions();
        actions.catalog = catalog;
        actions.choices = choices;
        actions.activeVersions = active;
    }

    @Test
    void rollbackChangesWhatANewLaunchComputes() throws Exception {
        PatientRecord record = SandboxRecords.assemble(READMISSION, ReferenceDate.Mode.LAST_RECORD, Instant.now());
        Freshness freshness = new Freshness(WorkingTreeConfig.INSTANCE.read("record/freshness.json"));
        assertTrue(lace(record, freshness).alert(), "1.0.0: a high LACE alerts");
        assertNull(lace().rollbackTarget(), "nothing chosen, nothing to roll back");

        actions.activate(RuleKind.SCORE, "lace", "0.9.0", ADMIN);
        RiskPanel.Card chosen = lace(record, freshness);
        assertEquals("0.9.0", chosen.version());
        assertFalse(chosen.alert(), "0.9.0 has no alert band");
        assertEquals("1.0.0", lace().rollbackTarget());
        assertTrue(lace().rollbackWritesActivation(), "one choice on record: back to the default file");

        VersionChoice back = actions.rollBack(RuleKind.SCORE, "lace", ADMIN);
        assertEquals("1.0.0", back.version());
        assertEquals("1.0.0", lace(record, freshness).version());
        assertTrue(lace(record, freshness).alert());

        actions.activate(RuleKind.SCORE, "lace", "0.9.0", ADMIN);
        assertFalse(lace().rollbackWritesActivation(), "an earlier choice is on record now");
        assertEquals(ChoiceNote.ROLLBACK, actions.rollBack(RuleKind.SCORE, "lace", ADMIN).note());
        assertEquals("1.0.0", lace(record, freshness).version());

        GovernanceRule lace = lace();
        assertEquals(List.of("rollback 1.0.0", "activate 0.9.0", "activate 1.0.0", "activate 0.9.0"),
                lace.history().stream().map(c -> c.note().code() + " " + c.version()).toList(), "newest first");
        assertTrue(lace.history().stream().allMatch(c -> c.actor().equals(ADMIN)
                && c.chosenAt().equals(Instant.parse("2026-06-01T12:00:00Z"))), "who and when");
        assertEquals(VersionResolution.CHOSEN, lace.resolution());
    }

    /**
     * A04 is 50 on her last record date: in the initial population of colorectal 1.0.0 (46–75, CMS130 after the 2021
     * USPSTF update) and not in that of 0.9.0 (51–75, CMS130v10).
     */
    @Test
    void aMeasureVersionChoiceChangesWhatTheNextEvaluationComputes() throws Exception {
        var loaded = SandboxRecords.loadSample(SandboxRecords.A04);
        var reference = SandboxRecords.assemble(SandboxRecords.A04, ReferenceDate.Mode.LAST_RECORD, Instant.now())
                .referenceDate();
        CareGap before = colorectal(catalog.careGaps.evaluate(loaded, reference).gaps());
        assertEquals("1.0.0", before.measure().version());
        assertTrue(before.status() != CareGapStatus.NOT_APPLICABLE && before.status() != CareGapStatus.FAILED,
                "1.0.0 screens a 50-year-old: " + before.status());

        actions.activate(RuleKind.MEASURE, "colorectal", "0.9.0", ADMIN);
        CareGap chosen = colorectal(catalog.careGaps.evaluate(loaded, reference).gaps());
        assertEquals("0.9.0", chosen.measure().version());
        assertEquals(CareGapStatus.NOT_APPLICABLE, chosen.status(), "0.9.0 starts at 51");
        assertEquals("0.9.0", catalog.rule(RuleKind.MEASURE, "colorectal").orElseThrow().activeVersion());

        actions.rollBack(RuleKind.MEASURE, "colorectal", ADMIN);
        CareGap back = colorectal(catalog.careGaps.evaluate(loaded, reference).gaps());
        assertEquals("1.0.0", back.measure().version());
        assertEquals(before.status(), back.status());
    }

    @Test
    void aPromptVersionChoiceIsWhatTheNextGenerationIsAskedWith() throws Exception {
        assertEquals("summary-v1", catalog.prompts.active().version());
        GovernanceRule prompt = catalog.prompts().get(0);
        assertEquals(List.of("summary-v1", "summary-v2"), prompt.options().stream()
                .map(GovernanceRule.Option::version).toList());

        actions.activate(RuleKind.PROMPT, SummaryPrompts.ID, "summary-v2", ADMIN);
        assertEquals("summary-v2", catalog.prompts.active().version());
        assertTrue(catalog.prompts.active().rule().system().contains("summary-v2"));

        actions.rollBack(RuleKind.PROMPT, SummaryPrompts.ID, ADMIN);
        assertEquals("summary-v1", catalog.prompts.active().version());
        assertEquals(List.of("activate summary-v1", "activate summary-v2"), catalog.prompts().get(0).history().stream()
                .map(c -> c.note().code() + " " + c.version()).toList(), "newest first; the rollback to the default"
                + " is recorded as its activation");
    }

    private static CareGap colorectal(List<CareGap> gaps) {
        return gaps.stream().filter(g -> g.measure().id().equals("colorectal")).findFirst().orElseThrow();
    }

    @Test
    void refusalsNameTheirReasonAndWriteNothing() throws Exception {
        assertEquals(GovernanceFailure.UNKNOWN_VERSION, assertThrows(GovernanceException.class,
                () -> actions.activate(RuleKind.SCORE, "lace", "0.8.0", ADMIN)).failure());
        assertEquals(GovernanceFailure.UNKNOWN_RULE, assertThrows(GovernanceException.class,
                () -> actions.activate(RuleKind.SCORE, "news3", "1.0.0", ADMIN)).failure());
        assertEquals(GovernanceFailure.UNKNOWN_VERSION, assertThrows(GovernanceException.class,
                () -> actions.activate(RuleKind.MEASURE, "colorectal", "0.8.0", ADMIN)).failure());
        assertEquals(GovernanceFailure.UNKNOWN_RULE, assertThrows(GovernanceException.class,
                () -> actions.activate(RuleKind.PROMPT, "discharge-letter", "summary-v2", ADMIN)).failure());
        assertEquals(VersionChoiceFailure.NOTHING_TO_ROLL_BACK, assertThrows(VersionChoiceException.class,
                () -> actions.rollBack(RuleKind.SCORE, "lace", ADMIN)).failure());
        assertTrue(lace().history().isEmpty());

        actions.activate(RuleKind.BUNDLE, "readmission", "0.9.0", ADMIN);
        assertEquals("0.9.0", catalog.bundles.catalog().bundle("readmission").orElseThrow().version());
        assertEquals(VersionChoiceFailure.ALREADY_ACTIVE, assertThrows(VersionChoiceException.class,
                () -> actions.activate(RuleKind.BUNDLE, "readmission", "0.9.0", ADMIN)).failure());
        actions.rollBack(RuleKind.BUNDLE, "readmission", ADMIN);
        assertEquals("1.0.0", catalog.bundles.catalog().bundle("readmission").orElseThrow().version());
    }

    @Test
    void theRollbackTargetIsTheChoiceBeforeTheCurrentOneElseTheDefault() {
        assertNull(GovernanceCatalog.rollbackTarget(List.of(), "1.0.0"));
        assertNull(GovernanceCatalog.rollbackTarget(List.of("1.0.0"), "1.0.0"), "the default chosen explicitly");
        assertEquals("1.0.0", GovernanceCatalog.rollbackTarget(List.of("0.9.0"), "1.0.0"));
        assertEquals("0.9.0", GovernanceCatalog.rollbackTarget(List.of("0.9.0", "1.0.0"), "1.0.0"));
    }

    private GovernanceRule lace() {
        return catalog.rule(RuleKind.SCORE, "lace").orElseThrow();
    }

    private RiskPanel.Card lace(PatientRecord record, Freshness freshness) {
        return RiskPanel.of(record, scores.all(), freshness).cards().stream().filter(c -> c.id().equals("lace"))
                .findFirst().orElseThrow();
    }
}
