package io.chartlens.summary;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import io.chartlens.fhir.FhirClients;
import io.chartlens.launch.LaunchCompleted;
import io.chartlens.launch.LaunchSession;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.hl7.fhir.r4.model.Patient;

/**
 * The banners of recent launches on this instance. The banner's Patient read starts as soon as a patient launch
 * completes (beside the record load), so it is on its way while the browser follows the redirect to the summary;
 * reopening the summary does not read the Patient again (each view is still audited). A read that failed is not
 * kept: the next view reads again. Bounded and short-lived; never in the HTTP session.
 */
@ApplicationScoped
public class PatientBanners {

    static final int MAX = 500;
    static final Duration KEEP_FOR = Duration.ofMinutes(5);

    @Inject
    FhirClients fhirClients;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private record Entry(CompletableFuture<PatientBanner> banner, Instant at) {
    }

    private final Map<String, Entry> banners = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX;
        }
    };

    /** Starts the banner's Patient read when a launch with a patient completes. */
    void onLaunch(@Observes LaunchCompleted completed) {
        LaunchSession launch = completed.launch();
        launch.patient().ifPresent(patientId -> banner(launch.id(), patientId, () -> fhirClients.forLaunch(launch),
                executor));
    }

    /**
     * The launch's banner: the one read or being read for it, else a new read on {@code executor}. The future fails
     * with HAPI's exception when the read fails (a connection failure, an error status), for the page to explain.
     *
     * @param client the launch's FHIR client, asked for only when a read starts
     */
    public CompletableFuture<PatientBanner> banner(String launchId, String patientId,
                                                   java.util.function.Supplier<IGenericClient> client,
                                                   Executor executor) {
        String key = launchId + "|" + patientId;
        synchronized (banners) {
            Entry entry = banners.get(key);
            if (entry != null && entry.at().plus(KEEP_FOR).isAfter(Instant.now())
                    && !entry.banner().isCompletedExceptionally()) {
                return entry.banner();
            }
            IGenericClient fhir = client.get();
            CompletableFuture<PatientBanner> read = CompletableFuture.supplyAsync(() -> PatientBanner.from(
                    fhir.read().resource(Patient.class).withId(patientId).execute(),
                    LocalDate.now(ZoneOffset.UTC)), executor);
            banners.put(key, new Entry(read, Instant.now())); // a failed read is replaced by the next call's
            return read;
        }
    }
}
