package io.chartlens.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.record.ReferenceDate.Mode;
import org.junit.jupiter.api.Test;

/** The deployment-wide reference-date setting (CHARTLENS_REFERENCE_DATE) over each registration's own. */
class ReferenceDateModeTest {

    @Test
    void registrationKeepsEachEhrsOwnMode() {
        assertEquals(Mode.LAST_RECORD, Mode.effective("registration", Mode.LAST_RECORD));
        assertEquals(Mode.NOW, Mode.effective("registration", Mode.NOW));
        assertEquals(Mode.LAST_RECORD, Mode.effective(null, Mode.LAST_RECORD));
        assertEquals(Mode.NOW, Mode.effective(" ", Mode.NOW));
    }

    @Test
    void nowOrLastRecordApplyToEveryRegistration() {
        assertEquals(Mode.NOW, Mode.effective("now", Mode.LAST_RECORD));
        assertEquals(Mode.LAST_RECORD, Mode.effective("last-record", Mode.NOW));
    }

    @Test
    void anythingElseIsRefusedWithTheValidValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mode.effective("yesterday", Mode.NOW));
        assertTrue(e.getMessage().contains("registration, now or last-record"), e.getMessage());
    }
}
