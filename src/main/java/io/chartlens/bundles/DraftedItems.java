package io.chartlens.bundles;

import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.Map;

/**
 * The draft orders written from a launch, kept in its session until the record is loaded again: the bundle card
 * then shows an item as "draft in the EHR" (with its id) instead of offering it again. Keyed
 * {@code bundleId:itemId}; values are {@code Type/id}.
 */
public final class DraftedItems {

    private static final String PREFIX = "chartlens.drafted.";
    private static final int MAX_PER_LAUNCH = 200;

    private DraftedItems() {
    }

    /** What the launch has written so far (empty when nothing). */
    public static Map<String, String> of(HttpSession session, String launchId) {
        synchronized (session) {
            Object stored = session.getAttribute(PREFIX + launchId);
            return stored instanceof HashMap<?, ?> map ? Map.copyOf(cast(map)) : Map.of();
        }
    }

    /** Records the items of a write that are now in the EHR (created, or found there already). */
    static void remember(HttpSession session, String launchId, String bundleId, DraftOrderResult result) {
        synchronized (session) {
            Object stored = session.getAttribute(PREFIX + launchId);
            HashMap<String, String> drafted = stored instanceof HashMap<?, ?> map ? new HashMap<>(cast(map))
                    : new HashMap<>();
            for (DraftOrderResult.ItemOutcome o : result.outcomes()) {
                if (o.outcome() != DraftOrderResult.Outcome.FAILED && o.reference() != null
                        && drafted.size() < MAX_PER_LAUNCH) {
                    drafted.put(bundleId + ":" + o.itemId(), o.reference());
                }
            }
            session.setAttribute(PREFIX + launchId, drafted);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> cast(Map<?, ?> map) {
        return (Map<String, String>) map;
    }
}
