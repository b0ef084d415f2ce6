package io.chartlens.summary;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Banners of recent launches on this instance, so that reopening the summary does not re-read the Patient (each view
 * is still audited). Bounded and short-lived; never in the HTTP session.
 */
@ApplicationScoped
public class PatientBanners {

    static final int MAX = 500;
    static final Duration KEEP_FOR = Duration.ofMinutes(5);

    private record Entry(PatientBanner banner, Instant at) {
    }

    private final Map<String, Entry> banners = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX;
        }
    };

    public synchronized Optional<PatientBanner> get(String launchId, String patientId) {
        Entry entry = banners.get(launchId + "|" + patientId);
        return entry != null && entry.at().plus(KEEP_FOR).isAfter(Instant.now())
                ? Optional.of(entry.banner()) : Optional.empty();
    }

    public synchronized void put(String launchId, String patientId, PatientBanner banner) {
        banners.put(launchId + "|" + patientId, new Entry(banner, Instant.now()));
    }
}
