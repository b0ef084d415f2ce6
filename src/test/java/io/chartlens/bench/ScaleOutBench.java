package io.chartlens.bench;

import static io.chartlens.testsupport.Browserless.location;

import io.chartlens.testsupport.Browserless;
import io.chartlens.testsupport.FakeEhr;
import io.chartlens.testsupport.LibertyInstance;
import io.chartlens.testsupport.Redis;
import io.chartlens.testsupport.SharedStoreEnvironment;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Not a test: figures for the README ({@code mvn verify -Pbench}, or alone with
 * {@code -Dit.test=ScaleOutBench}; written to {@code target/bench/scale-out.txt}). Warm summary pages per second
 * and their p50/p95 with one instance and with two instances behind a round-robin balancer (this benchmark plays
 * it), sessions in Redis; and the cost of the session store per request: the same light request (the launch's
 * style sheet, which reads the launch from the session) with sessions in memory, in Redis and in PostgreSQL.
 * Both instances and the load generator share this machine's cores, so two instances cannot double the figure
 * here; the point is what each instance costs and that nothing breaks when requests alternate.
 */
class ScaleOutBench {

    private static final int CLIENTS = 16;
    private static final int SECONDS = 10;

    @Test
    void summaryPagesWithOneAndTwoInstances() throws Exception {
        Redis.requireOrSkip();
        StringBuilder out = new StringBuilder("Scale-out benchmark (" + CLIENTS + " clients, " + SECONDS
                + " s per figure, " + Runtime.getRuntime().availableProcessors() + " cores shared by everything)\n");
        try (FakeEhr ehr = FakeEhr.start()) {
            for (String store : List.of("memory", "database", "redis")) {
                Map<String, String> env = SharedStoreEnvironment.of("chartlens_scaleout_bench", store, 9480);
                try (LibertyInstance a = LibertyInstance.prepare("benchA-" + store, 9480, env).start();
                     LibertyInstance b = store.equals("redis")
                             ? LibertyInstance.prepare("benchB-" + store, 9580, env).start() : null) {
                    List<Client> clients = launch(ehr, a, CLIENTS);
                    load(clients, List.of(a), "style"); // warm-up
                    out.append(String.format("%-8s store, 1 instance, style sheet (session read): %s%n", store,
                            load(clients, List.of(a), "style")));
                    load(clients, List.of(a), "summary");
                    out.append(String.format("%-8s store, 1 instance, summary page:  %s%n", store,
                            load(clients, List.of(a), "summary")));
                    if (b != null) {
                        load(clients, List.of(a, b), "summary");
                        out.append(String.format("%-8s store, 2 instances, summary page: %s%n", store,
                                load(clients, List.of(a, b), "summary")));
                        out.append(String.format("%-8s store, 2 instances, style sheet:  %s%n", store,
                                load(clients, List.of(a, b), "style")));
                    }
                }
            }
        }
        System.out.println(out);
        Path file = Path.of(System.getProperty("it.build.dir", "target"), "bench", "scale-out.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }

    /** One signed-in browser and its launch's paths. */
    private record Client(Browserless browser, String summaryPath, String ctx) {
    }

    private static List<Client> launch(FakeEhr ehr, LibertyInstance on, int count) {
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Browserless browser = new Browserless();
            HttpResponse<String> toEhr = browser.get(on.baseUrl() + "/launch?launch=bench&iss="
                    + URLEncoder.encode(ehr.iss(), StandardCharsets.UTF_8));
            HttpResponse<String> toCallback = browser.get(location(toEhr));
            HttpResponse<String> toSummary = browser.get(on.url(location(toCallback)));
            String summary = location(toSummary);
            URI uri = URI.create(summary);
            String ctx = Browserless.query(summary).get("ctx");
            clients.add(new Client(browser, uri.getRawPath() + "?" + uri.getRawQuery(), ctx));
        }
        return clients;
    }

    /** Every client requests its page in a loop for SECONDS, round-robin over the instances. */
    private static String load(List<Client> clients, List<LibertyInstance> instances, String what)
            throws InterruptedException {
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger turn = new AtomicInteger();
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        for (Client client : clients) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    LibertyInstance instance = instances.get(Math.floorMod(turn.getAndIncrement(), instances.size()));
                    String path = what.equals("summary") ? client.summaryPath()
                            : "/style.css?ctx=" + client.ctx();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> page = client.browser().get(instance.baseUrl() + path);
                        (page.statusCode() == 200 ? ok : errors).incrementAndGet();
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                    }
                    micros.add((System.nanoTime() - start) / 1_000);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(SECONDS + 60, TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "no request answered";
        }
        return String.format("%7.1f req/s, p50 %6.1f ms, p95 %6.1f ms (%d errors)", ok.get() / (double) SECONDS,
                sorted.get(sorted.size() / 2) / 1000.0, sorted.get((int) (sorted.size() * 0.95)) / 1000.0,
                errors.get());
    }
}
