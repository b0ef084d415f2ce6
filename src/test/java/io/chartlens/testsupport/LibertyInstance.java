package io.chartlens.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One more Liberty server beside the Arquillian one, for tests that need several instances (scale-out). It is a copy
 * of the integration-test server built by Maven (same server.xml and includes, drivers, Redisson jars, test
 * overrides) minus the plugin's variable overrides and the bootstrap property that leaves the application out, so
 * that it declares the application and is configured, like production, only through the environment given here. The war is the one Maven built. Started and stopped with Liberty's own {@code server}
 * script; ready when {@code /health/ready} answers 200.
 */
public final class LibertyInstance implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final String name;
    private final int port;
    private final Path wlp;
    private final Map<String, String> env;
    private boolean running;

    private LibertyInstance(String name, int port, Path wlp, Map<String, String> env) {
        this.name = name;
        this.port = port;
        this.wlp = wlp;
        this.env = env;
    }

    /**
     * Prepares (but does not start) server {@code name} on {@code port} (https on {@code port + 1}) with the given
     * environment variables on top of the ports.
     */
    public static LibertyInstance prepare(String name, int port, Map<String, String> environment) {
        Path wlp = Path.of(System.getProperty("it.build.dir", "target"), "liberty", "wlp");
        Path template = wlp.resolve("usr/servers").resolve(System.getProperty("it.server.name", "chartlensIT"));
        Path dir = wlp.resolve("usr/servers").resolve(name);
        try {
            deleteTree(dir);
            copy(template, dir, List.of("apps", "dropins", "logs", "workarea", "chartlens-db", "tranlog"));
            Files.deleteIfExists(dir.resolve("configDropins/overrides/liberty-plugin-variable-config.xml"));
            Files.createDirectories(dir.resolve("apps"));
            Files.copy(Path.of(System.getProperty("it.war", "target/chartlens.war")), dir.resolve("apps/chartlens.war"),
                    StandardCopyOption.REPLACE_EXISTING);
            // the integration-test server leaves the application out (Arquillian declares its own); this one
            // declares it as production does, through liberty/app/chartlens.xml
            Files.deleteIfExists(dir.resolve("bootstrap.properties"));
            Files.writeString(dir.resolve("jvm.options"), "-Xmx768m\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare Liberty server " + name, e);
        }
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("HTTP_PORT", String.valueOf(port));
        env.put("HTTPS_PORT", String.valueOf(port + 1));
        return new LibertyInstance(name, port, wlp, env);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The same path and query on this instance: how a load balancer would route {@code url}. */
    public String url(String url) {
        URI uri = URI.create(url);
        return baseUrl() + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public int port() {
        return port;
    }

    /** Starts the server and waits until the application reports ready. */
    public LibertyInstance start() {
        run("start");
        running = true;
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return this;
                }
                last = ready.statusCode() + " " + ready.body();
                if (messages().contains("CWWKZ0002E")) {
                    throw new IllegalStateException(name + " could not start the application; see " + messagesLog());
                }
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(1000);
        }
        throw new IllegalStateException(name + " was not ready within " + START_TIMEOUT + " (last: " + last
                + "); see " + messagesLog());
    }

    /** Stops the server (as an operator or a rolling deployment would). */
    public void stop() {
        if (running) {
            run("stop");
            running = false;
        }
    }

    public boolean running() {
        return running;
    }

    public Path messagesLog() {
        return wlp.resolve("usr/servers").resolve(name).resolve("logs/messages.log");
    }

    /** The server's messages.log so far (empty when there is none yet). */
    public String messages() {
        try {
            return Files.isRegularFile(messagesLog()) ? Files.readString(messagesLog()) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void run(String action) {
        ProcessBuilder builder = new ProcessBuilder(wlp.resolve("bin/server").toString(), action, name)
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("server " + action + " " + name + " did not return");
            }
            if (process.exitValue() != 0 && !(action.equals("stop") && process.exitValue() == 1)) {
                throw new IllegalStateException("server " + action + " " + name + " exited " + process.exitValue()
                        + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to, List<String> skip) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path relative = from.relativize(source);
                if (!relative.toString().isEmpty() && skip.contains(relative.getName(0).toString())) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
