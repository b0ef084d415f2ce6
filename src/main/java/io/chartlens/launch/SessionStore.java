package io.chartlens.launch;

import java.util.Locale;

/**
 * Where Liberty keeps HTTP sessions, as chosen by {@code chartlens.session.store} ({@code CHARTLENS_SESSION_STORE});
 * {@code liberty/session/<store>.xml} configures the matching Liberty feature.
 */
public enum SessionStore {
    /** In the JVM only: one instance; a restart logs everyone out. */
    MEMORY,
    /** Liberty sessionCache over JCache (Redisson) on Redis: shared by every instance. */
    REDIS,
    /** Liberty sessionDatabase on the application's data source: shared by every instance. */
    DATABASE;

    /** True when sessions leave the JVM, so the launch state in them must be sealed with a configured key. */
    public boolean shared() {
        return this != MEMORY;
    }

    /** Parses the configured name; an unknown name is an error that lists the valid ones. */
    public static SessionStore parse(String name) {
        String value = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (SessionStore store : values()) {
            if (store.name().toLowerCase(Locale.ROOT).equals(value)) {
                return store;
            }
        }
        throw new IllegalArgumentException("chartlens.session.store (CHARTLENS_SESSION_STORE) is '" + name
                + "'; it must be one of memory, redis, database");
    }
}
