package io.chartlens.system.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** AuditTrail's own logic, with the JPA store replaced; the database side is covered by MigrationsTest and the ITs. */
class AuditTrailTest {

    private static final AuditRecord RECORD = new AuditRecord("Practitioner/1", "sandbox", "secret-patient", null,
            AuditAction.READ_RECORD, Set.of("Observation"), AuditOutcome.SUCCESS, null, "req-1");

    /** Records inserts, or fails every call with the given exception. */
    static final class FakeStore extends AuditStore {
        final List<AuditEvent> inserted = new ArrayList<>();
        RuntimeException failure;
        int lastMax;

        @Override
        public void insert(AuditEvent event) {
            if (failure != null) {
                throw failure;
            }
            inserted.add(event);
        }

        @Override
        public List<AuditEntry> recent(String patientId, int max) {
            if (failure != null) {
                throw failure;
            }
            lastMax = max;
            return List.of();
        }

        @Override
        public long count(String patientId) {
            if (failure != null) {
                throw failure;
            }
            return inserted.stream().filter(e -> e.getPatientId().equals(patientId)).count();
        }
    }

    private final FakeStore store = new FakeStore();
    private final AuditTrail trail = new AuditTrail();

    AuditTrailTest() {
        trail.store = store;
    }

    @Test
    void stampsUtcTimeWithMicrosecondPrecision() {
        trail.clock = Clock.fixed(Instant.parse("2026-05-01T10:15:30.123456789Z"), ZoneId.of("Europe/Paris"));
        trail.record(RECORD);
        AuditEvent event = store.inserted.get(0);
        assertEquals(OffsetDateTime.parse("2026-05-01T10:15:30.123456Z"), event.getOccurredAt());
        assertEquals(ZoneOffset.UTC, event.getOccurredAt().getOffset());
        assertEquals("Observation", event.getResourceTypes());
        assertEquals(AuditAction.READ_RECORD, event.getAction());
        assertEquals(1, trail.count("secret-patient"));
    }

    @Test
    void aFailedWriteThrowsAuditUnavailableWithoutPhi() {
        SQLException sql = new SQLException("Connection to 127.0.0.1 refused; value 'secret-patient'", "08001", 0);
        store.failure = new PersistenceException("INSERT ... secret-patient", sql);
        AuditUnavailableException e = assertThrows(AuditUnavailableException.class, () -> trail.record(RECORD));
        assertSame(store.failure, e.getCause());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertTrue(e.getMessage().contains("READ_RECORD"), e.getMessage());
        assertTrue(e.getMessage().contains("SQLState 08001"), e.getMessage());
    }

    @Test
    void failedReadsThrowAuditUnavailableToo() {
        store.failure = new IllegalStateException("no transaction manager");
        assertThrows(AuditUnavailableException.class, () -> trail.recent("p", 5));
        assertThrows(AuditUnavailableException.class, () -> trail.count("p"));
    }

    @Test
    void recentBoundsItsSize() {
        assertThrows(IllegalArgumentException.class, () -> trail.recent("p", 0));
        assertThrows(IllegalArgumentException.class, () -> trail.recent(" ", 5));
        trail.recent("p", 1_000_000);
        assertEquals(AuditTrail.RECENT_MAX, store.lastMax);
    }

    @Test
    void describeNamesTypesAndSqlStatesOnly() {
        SQLException sql = new SQLException("secret", "23505", 42);
        String text = AuditTrail.describe(new PersistenceException("secret", new RuntimeException("secret", sql)));
        assertEquals("PersistenceException <- RuntimeException <- SQLException[SQLState 23505, code 42]", text);
    }
}
