package io.chartlens.launch;

import jakarta.servlet.http.HttpSession;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything launch-related in one browser session: launches waiting for their callback (by {@code state}), states
 * already used (so a double submit is recognised), and completed launches (by {@code ctx}). Several launches can
 * coexist (two patients in two tabs) and each page names its launch explicitly, so one tab can never act on the
 * other tab's patient. All maps are bounded. Stored as one session attribute and re-set after every change so that
 * a shared session store sees the update.
 *
 * <p>When the session store serialises it (Redis or a database, for several instances), it is written sealed:
 * {@link SealedLaunchSessions} holds only AES-GCM ciphertext under {@link SessionKeys}, so tokens never rest in the
 * store in the clear.
 */
public final class LaunchSessions implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String ATTRIBUTE = "chartlens.launches";
    private static final int MAX_PENDING = 10;
    private static final int MAX_USED_STATES = 20;
    private static final int MAX_LAUNCHES = 8;

    private final Map<String, PendingAuthorization> pending = bounded(MAX_PENDING);
    private final Map<String, String> usedStates = bounded(MAX_USED_STATES);
    private final Map<String, LaunchSession> launches = bounded(MAX_LAUNCHES);
    private String latestCompleted;

    private LaunchSessions() {
    }

    /** What a sealed copy holds: plain copies of the maps, in their least-recently-used order. */
    record Snapshot(LinkedHashMap<String, PendingAuthorization> pending, LinkedHashMap<String, String> usedStates,
                    LinkedHashMap<String, LaunchSession> launches, String latestCompleted) implements Serializable {
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(new LinkedHashMap<>(pending), new LinkedHashMap<>(usedStates),
                new LinkedHashMap<>(launches), latestCompleted);
    }

    static LaunchSessions restore(Snapshot snapshot) {
        LaunchSessions restored = new LaunchSessions();
        restored.pending.putAll(snapshot.pending());
        restored.usedStates.putAll(snapshot.usedStates());
        restored.launches.putAll(snapshot.launches());
        restored.latestCompleted = snapshot.latestCompleted();
        return restored;
    }

    static LaunchSessions empty() {
        return new LaunchSessions();
    }

    /** Serialisation writes a sealed copy instead of this object (Java serialisation's writeReplace). */
    private Object writeReplace() {
        return SealedLaunchSessions.seal(snapshot());
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("launch state is only ever read through its sealed form");
    }

    /** The launches of this browser session, creating the holder (not the session) if needed. */
    public static LaunchSessions of(HttpSession session) {
        synchronized (session) {
            LaunchSessions existing = (LaunchSessions) session.getAttribute(ATTRIBUTE);
            if (existing == null) {
                existing = new LaunchSessions();
                session.setAttribute(ATTRIBUTE, existing);
            }
            return existing;
        }
    }

    /** Launches of a session that may not exist; empty when there is none. */
    public static Optional<LaunchSessions> ifPresent(HttpSession session) {
        return session == null ? Optional.empty()
                : Optional.ofNullable((LaunchSessions) session.getAttribute(ATTRIBUTE));
    }

    public synchronized void addPending(HttpSession session, PendingAuthorization authorization) {
        pending.put(authorization.state(), authorization);
        session.setAttribute(ATTRIBUTE, this);
    }

    /** Removes and returns the pending authorization of {@code state}: each state is usable once. */
    public synchronized Optional<PendingAuthorization> takePending(HttpSession session, String state) {
        PendingAuthorization found = pending.remove(state);
        session.setAttribute(ATTRIBUTE, this);
        return Optional.ofNullable(found);
    }

    /** The launch id that a used state completed, if the state was used in this session. */
    public synchronized Optional<String> launchOfUsedState(String state) {
        return Optional.ofNullable(usedStates.get(state));
    }

    public synchronized void complete(HttpSession session, String state, LaunchSession launch) {
        usedStates.put(state, launch.id());
        launches.put(launch.id(), launch);
        latestCompleted = launch.id();
        session.setAttribute(ATTRIBUTE, this);
    }

    public synchronized void replace(HttpSession session, LaunchSession launch) {
        launches.put(launch.id(), launch);
        session.setAttribute(ATTRIBUTE, this);
    }

    public synchronized Optional<LaunchSession> launch(String id) {
        return Optional.ofNullable(id == null ? null : launches.get(id));
    }

    /** The most recently completed launch, for a bare {@code /summary} without {@code ctx}. */
    public synchronized Optional<LaunchSession> latest() {
        return Optional.ofNullable(latestCompleted == null ? null : launches.get(latestCompleted));
    }

    private static <V> Map<String, V> bounded(int max) {
        return new BoundedMap<>(max);
    }

    /** A least-recently-used map that forgets its eldest entry beyond {@code max}. */
    private static final class BoundedMap<V> extends LinkedHashMap<String, V> {
        private static final long serialVersionUID = 1L;
        private final int max;

        BoundedMap(int max) {
            super(16, 0.75f, true);
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            return size() > max;
        }
    }
}
