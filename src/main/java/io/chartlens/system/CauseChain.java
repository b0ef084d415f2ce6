package io.chartlens.system;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure's cause chain for logs and error messages without PHI: exception types plus SQL states and vendor
 * codes, never messages (a database or HTTP message can quote the values it choked on).
 */
public final class CauseChain {

    private static final int MAX_PARTS = 8;

    private CauseChain() {
    }

    /** E.g. {@code PersistenceException <- DatabaseException <- PSQLException[SQLState 08001, code 0]}. */
    public static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null && parts.size() < MAX_PARTS;
             t = t.getCause()) {
            String part = t.getClass().getSimpleName();
            if (t instanceof SQLException sql) {
                part += "[SQLState " + sql.getSQLState() + ", code " + sql.getErrorCode() + "]";
            }
            parts.add(part);
        }
        return String.join(" <- ", parts);
    }
}
