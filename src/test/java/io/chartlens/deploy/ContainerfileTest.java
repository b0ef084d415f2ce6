package io.chartlens.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production image's {@code Containerfile}: the official Open Liberty UBI image at a pinned release, the Open
 * Liberty build steps, a non-root user, the sandbox EHR off and no secret in the image's environment.
 */
class ContainerfileTest {

    static final Path FILE = Path.of("src/main/container/Containerfile");
    static final Pattern OFFICIAL_IMAGE = Pattern.compile(
            "icr\\.io/appcafe/open-liberty:(\\d+\\.\\d+\\.\\d+\\.\\d+)-kernel-slim-java17-openj9-ubi(-minimal)?");
    static final Pattern SECRET_NAME = Pattern.compile("KEY|PASSWORD|SECRET|TOKEN|JWK");

    /** Instructions in order: keyword (upper case) and arguments, continuation lines joined, comments dropped. */
    static List<Map.Entry<String, String>> instructions;

    @BeforeAll
    static void read() throws IOException {
        instructions = parse(Files.readAllLines(FILE));
    }

    @Test
    void buildsOnTheOfficialOpenLibertyUbiImageOfThePomsLibertyRelease() throws IOException {
        List<String> froms = arguments("FROM");
        assertEquals(1, froms.size(), "one stage");
        Matcher m = OFFICIAL_IMAGE.matcher(froms.get(0));
        assertTrue(m.matches(), "FROM " + froms.get(0) + " is not the official Open Liberty UBI image at a "
                + "pinned release (e.g. 26.0.0.5-kernel-slim-java17-openj9-ubi-minimal)");
        assertFalse(froms.get(0).contains("latest"));
        assertEquals(pomProperty("version.liberty"), m.group(1),
                "the image's Liberty release differs from the pom's version.liberty, which the tests run on");
    }

    @Test
    void runsFeaturesShBeforeTheAppAndConfigureShLast() {
        List<String> keywords = instructions.stream().map(Map.Entry::getKey).toList();
        int features = indexOfRun("features.sh");
        int configure = indexOfRun("configure.sh");
        int war = indexOf("COPY", "chartlens.war");
        assertTrue(features >= 0, "RUN features.sh");
        assertTrue(configure >= 0, "RUN configure.sh");
        assertTrue(features < war && war < configure, "server.xml, features.sh, the war, then configure.sh");
        assertEquals(configure, keywords.lastIndexOf("RUN"), "configure.sh is the last RUN");
        assertTrue(indexOf("COPY", "liberty/") < features, "the server configuration comes before features.sh");
        assertTrue(indexOf("COPY", "lib/") >= 0, "JDBC drivers and Redisson in /config/lib");
    }

    @Test
    void runsAsANonRootUser() {
        List<String> users = arguments("USER");
        assertFalse(users.isEmpty(), "USER is set explicitly");
        String user = users.get(users.size() - 1).split(":")[0];
        assertFalse(user.equals("root") || user.equals("0"), "the last USER is " + user);
        for (String copy : arguments("COPY")) {
            assertTrue(copy.startsWith("--chown=1001:0 "), "COPY " + copy + " belongs to the runtime user");
        }
    }

    @Test
    void theSandboxEhrIsExplicitlyOff() {
        Map<String, String> env = environment();
        assertEquals("false", env.get("CHARTLENS_SANDBOX_ENABLED"), "ENV CHARTLENS_SANDBOX_ENABLED=false");
        String all = String.join("\n", instructions.stream().map(e -> e.getKey() + " " + e.getValue()).toList());
        assertFalse(all.matches("(?s).*CHARTLENS_SANDBOX_ENABLED\\s*=\\s*\"?true.*"), "sandbox enabled somewhere");
        assertTrue(arguments("ARG").stream().noneMatch(a -> a.contains("SANDBOX")), "no build argument turns it on");
    }

    @Test
    void noSecretInTheImagesEnvironment() {
        environment().forEach((name, value) -> assertFalse(SECRET_NAME.matcher(name).find() && !value.isEmpty(),
                "ENV " + name + " has a value: secrets come from the environment at run time"));
        for (String arg : arguments("ARG")) {
            String name = arg.split("=", 2)[0];
            assertFalse(SECRET_NAME.matcher(name).find(), "ARG " + name + ": build arguments stay in the image history");
        }
    }

    // --- parsing -----------------------------------------------------------------------------------------------

    static List<Map.Entry<String, String>> parse(List<String> lines) {
        List<Map.Entry<String, String>> parsed = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continues) {
                String instruction = current.toString().strip();
                current.setLength(0);
                if (!instruction.isEmpty()) {
                    String[] parts = instruction.split("\\s+", 2);
                    parsed.add(Map.entry(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : ""));
                }
            }
        }
        return parsed;
    }

    static List<String> arguments(String keyword) {
        return instructions.stream().filter(e -> e.getKey().equals(keyword)).map(Map.Entry::getValue).toList();
    }

    /** ENV in both forms: {@code ENV A=1 B="2"} and the legacy {@code ENV A 1}. */
    static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        Pattern pair = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)");
        for (String args : arguments("ENV")) {
            Matcher m = pair.matcher(args);
            boolean any = false;
            while (m.find()) {
                any = true;
                env.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
            }
            if (!any) {
                String[] legacy = args.split("\\s+", 2);
                env.put(legacy[0], legacy.length > 1 ? legacy[1] : "");
            }
        }
        return env;
    }

    static int indexOfRun(String script) {
        return indexOf("RUN", script);
    }

    static int indexOf(String keyword, String text) {
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).getKey().equals(keyword) && instructions.get(i).getValue().contains(text)) {
                return i;
            }
        }
        return -1;
    }

    static String pomProperty(String name) throws IOException {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "pom.xml property " + name);
        return m.group(1).strip();
    }
}
