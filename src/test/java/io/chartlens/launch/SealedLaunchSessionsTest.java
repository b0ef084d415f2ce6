package io.chartlens.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.testsupport.MemorySession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Launch state serialised for a shared session store is sealed: no token, verifier or patient id in the clear. */
class SealedLaunchSessionsTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = Base64.getUrlEncoder().withoutPadding().encodeToString(filled((byte) 7));

    @AfterEach
    void uninstall() {
        SessionKeys.install(null);
    }

    private static byte[] filled(byte b) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, b);
        return bytes;
    }

    private static LaunchSessions holderWithSecrets() {
        MemorySession session = new MemorySession();
        LaunchSessions launches = LaunchSessions.of(session);
        launches.addPending(session, new PendingAuthorization("state-1", "verifier-SECRET", "nonce-1", "sandbox",
                LaunchType.EHR, URI.create("https://ehr.example.org/token"), "https://ehr.example.org",
                URI.create("https://ehr.example.org/jwks"), Instant.parse("2025-03-01T10:00:00Z")));
        launches.complete(session, "state-0", LaunchSessionTest.launch("ctx-1"));
        return launches;
    }

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    @Test
    void theSerialisedFormHoldsNoSecretInTheClear() throws Exception {
        SessionKeys.install(SessionKeys.parse(KEY_A, Optional.empty()));
        String stored = new String(serialize(holderWithSecrets()), StandardCharsets.ISO_8859_1);
        for (String secret : new String[] {"access-SECRET-1", "refresh-SECRET-1", "verifier-SECRET", "pat-1",
                "enc-1", "Practitioner/9", "Dr Who"}) {
            assertFalse(stored.contains(secret), "stored form must not contain " + secret);
        }
        assertTrue(stored.contains("SealedLaunchSessions"), "the stored object is the sealed form");
    }

    @Test
    void anotherInstanceWithTheSameKeyReadsEverythingBack() throws Exception {
        SessionKeys.install(SessionKeys.parse(KEY_A, Optional.empty()));
        byte[] stored = serialize(holderWithSecrets());
        SessionKeys.install(SessionKeys.parse(KEY_A, Optional.empty())); // "instance B": same key, new object
        LaunchSessions back = assertInstanceOf(LaunchSessions.class, deserialize(stored));
        LaunchSession launch = back.launch("ctx-1").orElseThrow();
        assertEquals("access-SECRET-1", launch.accessToken());
        assertEquals("refresh-SECRET-1", launch.refreshToken());
        assertEquals("pat-1", launch.patientId());
        assertEquals(Optional.of("ctx-1"), back.latest().map(LaunchSession::id));
        assertEquals(Optional.of("ctx-1"), back.launchOfUsedState("state-0"));
        assertEquals("verifier-SECRET",
                back.takePending(new MemorySession(), "state-1").orElseThrow().codeVerifier());
    }

    @Test
    void aRotatedKeyStillOpensStateSealedWithThePreviousKey() throws Exception {
        SessionKeys.install(SessionKeys.parse(KEY_A, Optional.empty()));
        byte[] stored = serialize(holderWithSecrets());
        SessionKeys.install(SessionKeys.parse(KEY_B, Optional.of(KEY_A)));
        LaunchSessions back = (LaunchSessions) deserialize(stored);
        assertTrue(back.launch("ctx-1").isPresent());
    }

    @Test
    void aWrongKeyYieldsNoLaunchesRatherThanAnErrorOrForeignState() throws Exception {
        SessionKeys.install(SessionKeys.parse(KEY_A, Optional.empty()));
        byte[] stored = serialize(holderWithSecrets());
        SessionKeys.install(SessionKeys.parse(KEY_B, Optional.empty()));
        LaunchSessions back = (LaunchSessions) deserialize(stored);
        assertEquals(Optional.empty(), back.latest());
        assertEquals(Optional.empty(), back.launch("ctx-1"));
    }

    @Test
    void alteredCiphertextIsRefused() throws Exception {
        SessionKeys keys = SessionKeys.parse(KEY_A, Optional.empty());
        String sealed = keys.seal("hello".getBytes(StandardCharsets.UTF_8));
        String[] parts = sealed.split("\\.");
        char flipped = parts[3].charAt(0) == 'A' ? 'B' : 'A';
        parts[3] = flipped + parts[3].substring(1);
        SessionKeys.OpenException e = assertThrows(SessionKeys.OpenException.class,
                () -> keys.open(String.join(".", parts)));
        assertEquals(SessionKeys.OpenFailure.TAMPERED_OR_WRONG_KEY, e.failure());
        assertEquals(SessionKeys.OpenFailure.MALFORMED,
                assertThrows(SessionKeys.OpenException.class, () -> keys.open("not-a-jwe")).failure());
        assertEquals(SessionKeys.OpenFailure.UNKNOWN_KEY, assertThrows(SessionKeys.OpenException.class,
                () -> SessionKeys.parse(KEY_B, Optional.empty()).open(sealed)).failure());
    }

    @Test
    void theSealedSnapshotAdmitsOnlyLaunchTypes() throws Exception {
        SessionKeys keys = SessionKeys.parse(KEY_A, Optional.empty());
        SessionKeys.install(keys);
        // a snapshot smuggling a foreign class inside one of its maps
        LinkedHashMap<String, String> used = new LinkedHashMap<>();
        LaunchSessions.Snapshot snapshot = new LaunchSessions.Snapshot(new LinkedHashMap<>(), used,
                new LinkedHashMap<>(), null);
        @SuppressWarnings({"unchecked", "rawtypes"})
        LinkedHashMap<String, Object> raw = (LinkedHashMap) used;
        raw.put("x", new ArrayList<>(java.util.List.of("y")));
        LaunchSessions back = (LaunchSessions) deserialize(serialize(SealedLaunchSessions.seal(snapshot)));
        assertEquals(Optional.empty(), back.launchOfUsedState("x"), "the filter refused the foreign class");
    }

    @Test
    void keysMustBeThirtyTwoBase64Bytes() {
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> SessionKeys.parse(Base64.getEncoder().encodeToString(new byte[16]), Optional.empty()));
        assertTrue(tooShort.getMessage().contains("exactly 32"), tooShort.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SessionKeys.parse("%%%", Optional.empty()))
                .getMessage().contains("not base64"));
        IllegalArgumentException badPrevious = assertThrows(IllegalArgumentException.class,
                () -> SessionKeys.parse(KEY_A, Optional.of(KEY_B + ",short")));
        assertTrue(badPrevious.getMessage().startsWith("CHARTLENS_SESSION_PREVIOUS_KEYS[2]"), badPrevious.getMessage());
        assertFalse(badPrevious.getMessage().contains("short"), "the message never echoes a key");
        assertEquals(3, SessionKeys.parse(KEY_A, Optional.of(KEY_B + ", " + KEY_A)).size());
    }

    @Test
    void aSharedStoreWithoutAKeyRefusesToStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SessionStoreCheck.install(SessionStore.REDIS, Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("CHARTLENS_SESSION_KEY is required"), e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> SessionStoreCheck.install(SessionStore.DATABASE, Optional.of("  "), Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> SessionStoreCheck.install(SessionStore.REDIS, Optional.of("short"), Optional.empty()));
        assertEquals(1, SessionStoreCheck.install(SessionStore.MEMORY, Optional.empty(), Optional.empty()).size());
        assertEquals(SessionStore.REDIS, SessionStore.parse(" Redis "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SessionStore.parse("hazelcast"))
                .getMessage().contains("memory, redis, database"));
    }
}
