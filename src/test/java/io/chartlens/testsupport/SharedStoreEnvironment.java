package io.chartlens.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of ChartLens instances that share a fresh PostgreSQL database and a session store, as a
 * deployment behind a load balancer would set it: only environment variables, one session key for all instances.
 */
public final class SharedStoreEnvironment {

    private SharedStoreEnvironment() {
    }

    /**
     * Drops and creates {@code database} on the local PostgreSQL (fails on CI, skips elsewhere, when it is not
     * running) and returns the variables for instances using it with sessions in {@code store}.
     *
     * @param publicPort the port of the public base URL (the balancer's; in tests, the first instance's)
     */
    public static Map<String, String> of(String database, String store, int publicPort) throws SQLException {
        try (Connection admin = Postgres.connectOrSkip(); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + database);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CHARTLENS_BASE_URL", "http://localhost:" + publicPort);
        env.put("CHARTLENS_DB_KIND", "postgresql");
        env.put("CHARTLENS_DB_NAME", database);
        env.put("CHARTLENS_DB_USER", Postgres.USER);
        env.put("CHARTLENS_SESSION_STORE", store);
        env.put("CHARTLENS_SESSION_KEY", randomKey());
        env.put("CHARTLENS_REDIS_ADDRESS", Redis.ADDRESS);
        env.put("CHARTLENS_PSEUDONYM_KEY", randomKey());
        // the test EHR's registration is development-only, and those load only with the sandbox on
        env.put("CHARTLENS_SANDBOX_ENABLED", "true");
        return env;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
