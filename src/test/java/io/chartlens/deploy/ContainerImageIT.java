package io.chartlens.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builds the production image from the context {@code mvn -Pcontainer package} assembles ({@code target/container})
 * and checks what it would run with. Plain JUnit, no Liberty: it needs a container engine, and where none runs
 * (this machine, CI) it is skipped with the reason printed.
 */
class ContainerImageIT {

    static final Path CONTEXT = Path.of(System.getProperty("it.build.dir", "target"), "container");
    static final String IMAGE = "chartlens-it:" + UUID.randomUUID().toString().substring(0, 8);

    static boolean built;

    @BeforeAll
    static void buildImage() throws Exception {
        Result info = run(Duration.ofSeconds(20), "docker", "info", "--format", "{{.ServerVersion}}");
        if (info.exitCode() != 0) {
            skip("no container engine: `docker info` " + (info.exitCode() < 0 ? "could not run" : "failed")
                    + " (" + info.firstLine() + ")");
        }
        if (!Files.isRegularFile(CONTEXT.resolve("Containerfile"))
                || !Files.isRegularFile(CONTEXT.resolve("chartlens.war"))) {
            skip("no build context in " + CONTEXT + ": run with -Pcontainer (e.g. mvn -Pcontainer verify)");
        }
        Result build = run(Duration.ofMinutes(30), "docker", "build",
                "--file", CONTEXT.resolve("Containerfile").toString(), "--tag", IMAGE, CONTEXT.toString());
        assertEquals(0, build.exitCode(), "docker build failed:\n" + build.tail(40));
        built = true;
    }

    @AfterAll
    static void removeImage() throws Exception {
        if (built) {
            run(Duration.ofMinutes(2), "docker", "image", "rm", "--force", IMAGE);
        }
    }

    @Test
    void theImageRunsAsNonRootWithTheSandboxOff() throws Exception {
        JsonNode config = inspect();
        List<String> env = new ArrayList<>();
        config.path("Env").forEach(e -> env.add(e.asText()));
        assertTrue(env.contains("CHARTLENS_SANDBOX_ENABLED=false"), "Env: " + env);
        String user = config.path("User").asText("");
        assertFalse(user.isEmpty(), "no USER: the image would run as root");
        String name = user.split(":")[0];
        assertFalse(name.equals("root") || name.equals("0"), "User " + user);
        assertTrue(config.path("ExposedPorts").has("9080/tcp"), "exposes 9080");
    }

    @Test
    void theImageCarriesTheDriversAndNoDatabase() throws Exception {
        Result listing = run(Duration.ofMinutes(2), "docker", "run", "--rm", "--entrypoint", "/bin/sh", IMAGE, "-c",
                "id -u && ls /config/lib /config/lib/redisson /config/apps"
                        + " && if [ -e /opt/ol/wlp/output/defaultServer/chartlens-db ]; then echo database-shipped; fi");
        String out = listing.output();
        assertEquals(0, listing.exitCode(), out);
        assertFalse(out.lines().findFirst().orElse("").strip().equals("0"), "runs as uid 0");
        assertTrue(out.contains("postgresql-") && out.contains("h2-"), "JDBC drivers in /config/lib:\n" + out);
        assertTrue(out.contains("redisson-"), "Redisson in /config/lib/redisson:\n" + out);
        assertTrue(out.contains("chartlens.war"), "the war in /config/apps:\n" + out);
        assertFalse(out.contains("database-shipped"), "the H2 database of the build-time start is in the image");
    }

    static JsonNode inspect() throws Exception {
        Result inspect = run(Duration.ofMinutes(1), "docker", "image", "inspect", "--format", "{{json .Config}}",
                IMAGE);
        assertEquals(0, inspect.exitCode(), inspect.output());
        return new ObjectMapper().readTree(inspect.output());
    }

    /** Prints the reason (the issue asks for a printed reason) and aborts: reported as skipped, not failed. */
    static void skip(String reason) {
        System.out.println("ContainerImageIT skipped: " + reason);
        Assumptions.abort(reason);
    }

    record Result(int exitCode, String output) {
        String firstLine() {
            return output.lines().filter(l -> !l.isBlank()).findFirst().orElse("no output").strip();
        }

        String tail(int lines) {
            List<String> all = output.lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }

    /** Runs a command with stderr merged into stdout; exit code -1 when it cannot start or times out. */
    static Result run(Duration timeout, String... command) throws InterruptedException {
        Path log;
        try {
            log = Files.createTempFile("container-it", ".log");
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // a temporary file; nothing depends on it
            }
        }
    }
}
