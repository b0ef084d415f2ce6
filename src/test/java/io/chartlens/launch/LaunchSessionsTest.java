package io.chartlens.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.testsupport.MemorySession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchSessionsTest {

    private final MemorySession session = new MemorySession();

    private static PendingAuthorization pending(String state) {
        return new PendingAuthorization(state, "verifier-" + state, "nonce-" + state, "sandbox", LaunchType.EHR,
                URI.create("https://ehr.example.org/token"), "https://ehr.example.org",
                URI.create("https://ehr.example.org/jwks"), Instant.parse("2025-03-01T10:00:00Z"));
    }

    private static LaunchSession launch(String id) {
        return LaunchSessionTest.launch(id);
    }

    @Test
    void ofCreatesOneHolderPerSession() {
        LaunchSessions first = LaunchSessions.of(session);
        assertSame(first, LaunchSessions.of(session));
        assertSame(first, session.getAttribute(LaunchSessions.ATTRIBUTE));
        assertNotSame(first, LaunchSessions.of(new MemorySession()));
    }

    @Test
    void ifPresentIsEmptyWithoutSessionOrHolder() {
        assertEquals(Optional.empty(), LaunchSessions.ifPresent(null));
        assertEquals(Optional.empty(), LaunchSessions.ifPresent(session));
        LaunchSessions holder = LaunchSessions.of(session);
        assertSame(holder, LaunchSessions.ifPresent(session).orElseThrow());
    }

    @Test
    void pendingStateIsSingleUse() {
        LaunchSessions launches = LaunchSessions.of(session);
        PendingAuthorization p = pending("state-1");
        launches.addPending(session, p);
        assertEquals(Optional.of(p), launches.takePending(session, "state-1"));
        assertEquals(Optional.empty(), launches.takePending(session, "state-1"));
    }

    @Test
    void unknownOrNullStateHasNoPending() {
        LaunchSessions launches = LaunchSessions.of(session);
        launches.addPending(session, pending("state-1"));
        assertEquals(Optional.empty(), launches.takePending(session, "state-2"));
        assertEquals(Optional.empty(), launches.takePending(session, null));
        assertEquals(Optional.of(pending("state-1")), launches.takePending(session, "state-1"));
    }

    @Test
    void completedStateIsRecordedAsUsed() {
        LaunchSessions launches = LaunchSessions.of(session);
        launches.addPending(session, pending("state-1"));
        launches.takePending(session, "state-1");
        assertEquals(Optional.empty(), launches.launchOfUsedState("state-1"));

        launches.complete(session, "state-1", launch("ctx-1"));
        assertEquals(Optional.of("ctx-1"), launches.launchOfUsedState("state-1"));
        assertEquals(Optional.empty(), launches.launchOfUsedState("state-2"));
        assertEquals(Optional.of(launch("ctx-1")), launches.launch("ctx-1"));
    }

    @Test
    void everyChangeResetsTheSessionAttribute() {
        LaunchSessions launches = LaunchSessions.of(session);
        int before = session.setAttributeCalls();
        launches.addPending(session, pending("s"));
        launches.takePending(session, "s");
        launches.complete(session, "s", launch("ctx-1"));
        launches.replace(session, launch("ctx-1").withTokens("a2", null, Instant.EPOCH, null));
        assertEquals(before + 4, session.setAttributeCalls());
    }

    @Test
    void atMostEightLaunchesAreKeptDroppingTheOldest() {
        LaunchSessions launches = LaunchSessions.of(session);
        for (int i = 1; i <= 9; i++) {
            launches.complete(session, "state-" + i, launch("ctx-" + i));
        }
        assertEquals(Optional.empty(), launches.launch("ctx-1"));
        for (int i = 2; i <= 9; i++) {
            assertTrue(launches.launch("ctx-" + i).isPresent(), "ctx-" + i);
        }
    }

    @Test
    void evictionDropsTheLeastRecentlyUsedLaunch() {
        LaunchSessions launches = LaunchSessions.of(session);
        for (int i = 1; i <= 8; i++) {
            launches.complete(session, "state-" + i, launch("ctx-" + i));
        }
        launches.launch("ctx-1");
        launches.complete(session, "state-9", launch("ctx-9"));
        assertTrue(launches.launch("ctx-1").isPresent());
        assertEquals(Optional.empty(), launches.launch("ctx-2"));
    }

    @Test
    void atMostTenPendingAuthorizationsAreKept() {
        LaunchSessions launches = LaunchSessions.of(session);
        for (int i = 1; i <= 11; i++) {
            launches.addPending(session, pending("state-" + i));
        }
        assertEquals(Optional.empty(), launches.takePending(session, "state-1"));
        assertEquals(Optional.of(pending("state-2")), launches.takePending(session, "state-2"));
        assertEquals(Optional.of(pending("state-11")), launches.takePending(session, "state-11"));
    }

    @Test
    void latestIsTheMostRecentlyCompletedLaunch() {
        LaunchSessions launches = LaunchSessions.of(session);
        assertEquals(Optional.empty(), launches.latest());
        launches.complete(session, "state-1", launch("ctx-1"));
        launches.complete(session, "state-2", launch("ctx-2"));
        assertEquals("ctx-2", launches.latest().orElseThrow().id());
    }

    @Test
    void replaceSwapsTheLaunchUnderItsId() {
        LaunchSessions launches = LaunchSessions.of(session);
        launches.complete(session, "state-1", launch("ctx-1"));
        LaunchSession refreshed = launch("ctx-1").withTokens("access-2", null, Instant.EPOCH, null);
        launches.replace(session, refreshed);
        assertEquals(Optional.of(refreshed), launches.launch("ctx-1"));
        assertEquals(Optional.empty(), launches.launch(null));
    }

    @Test
    void holderSurvivesSerializationWithItsContents() throws Exception {
        LaunchSessions launches = LaunchSessions.of(session);
        launches.addPending(session, pending("state-p"));
        launches.complete(session, "state-1", launch("ctx-1"));

        LaunchSessions copy = roundTrip(launches);

        assertEquals(Optional.of(pending("state-p")), copy.takePending(session, "state-p"));
        assertEquals(Optional.of("ctx-1"), copy.launchOfUsedState("state-1"));
        LaunchSession restored = copy.launch("ctx-1").orElseThrow();
        assertEquals(launch("ctx-1"), restored);
        assertEquals("access-SECRET-1", restored.accessToken());
    }

    @Test
    void deserializedHolderIsStillBounded() throws Exception {
        LaunchSessions launches = LaunchSessions.of(session);
        launches.complete(session, "state-1", launch("ctx-1"));
        LaunchSessions copy = roundTrip(launches);
        for (int i = 2; i <= 9; i++) {
            copy.complete(session, "state-" + i, launch("ctx-" + i));
        }
        assertEquals(Optional.empty(), copy.launch("ctx-1"));
        assertEquals("ctx-9", copy.latest().orElseThrow().id());
    }

    private static LaunchSessions roundTrip(LaunchSessions launches) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(launches);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (LaunchSessions) in.readObject();
        }
    }
}
