package io.chartlens.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.bundles.BundleVersions;
import io.chartlens.bundles.Bundles;
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

    @Test
    void refusalsNameTheirReasonAndWriteNothing() throws Exception {
        assertEquals(GovernanceFailure.UNKNOWN_VERSION, assertThrows(GovernanceException.class,
                () -> actions.activate(RuleKind.SCORE, "lace", "0.8.0", ADMIN)).failure());
        assertEquals(GovernanceFailure.UNKNOWN_RULE, assertThrows(GovernanceException.class,
                () -> actions.activate(RuleKind.SCORE, "news3", "1.0.0", ADMIN)).failure());
        assertEquals(GovernanceFailure.NOT_SWITCHABLE, assertThrows(GovernanceException.class,
                () -> actions.activate(RuleKind.MEASURE, "colorectal", "1.0.0", ADMIN)).failure());
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
