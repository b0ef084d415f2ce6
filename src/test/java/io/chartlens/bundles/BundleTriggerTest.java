package io.chartlens.bundles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chartlens.caregaps.CareGapStatus;
import org.junit.jupiter.api.Test;

class BundleTriggerTest {

    @Test
    void aScoreBandKeepsColonsInsideTheLabel() {
        BundleTrigger trigger = BundleTrigger.parse(
                "score:cha2ds2vasc:band=anticoagulation recommended (ESC 2020 class I: score >= 2 in men)");
        assertEquals(new BundleTrigger.ScoreBand("cha2ds2vasc",
                "anticoagulation recommended (ESC 2020 class I: score >= 2 in men)"), trigger);
        assertEquals("score:cha2ds2vasc:band=anticoagulation recommended (ESC 2020 class I: score >= 2 in men)",
                trigger.text());
    }

    @Test
    void aGapTriggersOnTheDeqmStatusCode() {
        assertEquals(new BundleTrigger.GapStatus("colorectal", CareGapStatus.OPEN_GAP),
                BundleTrigger.parse("gap:colorectal:open-gap"));
        assertEquals(new BundleTrigger.GapStatus("flu", CareGapStatus.PROSPECTIVE_GAP),
                BundleTrigger.parse("gap:flu:prospective-gap"));
        assertEquals("gap:flu:prospective-gap", BundleTrigger.parse("gap:flu:prospective-gap").text());
    }

    @Test
    void refusesAClosedGapBecauseNothingIsToBeOrdered() {
        var e = assertThrows(IllegalArgumentException.class, () -> BundleTrigger.parse("gap:breast:closed-gap"));
        assertEquals("trigger 'gap:breast:closed-gap': a gap triggers on open-gap or prospective-gap, not"
                + " 'closed-gap'", e.getMessage());
    }

    @Test
    void refusesMalformedTriggersWithTheReason() {
        assertEquals("trigger 'score:lace:high' must end with band=<band label>",
                assertThrows(IllegalArgumentException.class, () -> BundleTrigger.parse("score:lace:high")).getMessage());
        assertEquals("trigger 'risk:lace:band=high' must start with score: or gap:",
                assertThrows(IllegalArgumentException.class, () -> BundleTrigger.parse("risk:lace:band=high"))
                        .getMessage());
        assertEquals("trigger 'score:LACE:band=x' is not score:<scoreId>:band=<label> or gap:<measureId>:<gaps-status>",
                assertThrows(IllegalArgumentException.class, () -> BundleTrigger.parse("score:LACE:band=x"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> BundleTrigger.parse("score:lace:band="));
        assertThrows(IllegalArgumentException.class, () -> BundleTrigger.parse(null));
    }
}
