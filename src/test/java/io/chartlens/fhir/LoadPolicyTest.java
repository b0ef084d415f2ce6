package io.chartlens.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadPolicyTest {

    @Test
    void defaultsMatchAnEhrLaunch() {
        LoadPolicy policy = LoadPolicy.defaults();

        assertEquals(500, policy.pageSize());
        assertEquals(5_000, policy.capFor(RecordSection.VITAL_SIGNS));
        assertEquals(Duration.ofSeconds(20), policy.deadline());
        assertEquals(2, policy.maxRetries());
        assertEquals(Duration.ofSeconds(5), policy.maxRetryWait());
        assertEquals(Duration.ofMillis(200), policy.baseBackoff());
        assertEquals("not loaded within 20 s", Deadline.after(policy.deadline()).notLoadedReason());
        assertEquals("not loaded within 1.5 s", Deadline.after(Duration.ofMillis(1500)).notLoadedReason());
    }

    @Test
    void aSectionCapOverridesTheCommonCapForThatSectionOnly() {
        LoadPolicy policy = LoadPolicy.defaults().withSectionCap(RecordSection.LABORATORY, 50);

        assertEquals(50, policy.capFor(RecordSection.LABORATORY));
        assertEquals(5_000, policy.capFor(RecordSection.VITAL_SIGNS));
    }

    @Test
    void rejectsValuesThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> LoadPolicy.defaults().withPageSize(0));
        assertThrows(IllegalArgumentException.class, () -> LoadPolicy.defaults().withDeadline(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new LoadPolicy(10, 10,
                Map.of(RecordSection.LABORATORY, 0), Duration.ofSeconds(1), 0, Duration.ZERO, Duration.ZERO));
    }
}
