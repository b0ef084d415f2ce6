package io.chartlens.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every setting ChartLens reads is in README.md's Configuration table, with its environment variable and default:
 * the Liberty {@code <variable>}s in {@code liberty/}, the MicroProfile Config keys and environment variables read in
 * {@code src/main/java}, the environment variables named in {@code smart-config/ai/routes.json}, in Liberty's YAML
 * files and in a {@code server.env}, and the {@code ${name}} placeholders of smart-config files.
 */
class ConfigurationDocumentedTest {

    static final Path LIBERTY = Path.of("liberty");
    static final Path SOURCES = Path.of("src/main/java");
    static final Path SMART_CONFIG = Path.of("smart-config");

    static final Pattern VARIABLE = Pattern.compile("<variable\\s[^>]*?name\\s*=\\s*\"([^\"]+)\"");
    /** A config read whose argument is a string literal or a constant: group 1 the call, group 2 the argument. */
    static final Pattern READ = Pattern.compile(
            "(@ConfigProperty\\s*\\(\\s*name\\s*=|getOptionalValues?\\s*\\(|getValues?\\s*\\(|getConfigValue\\s*\\("
                    + "|System\\.getenv\\s*\\()\\s*(\"[^\"]*\"|[A-Za-z_][A-Za-z0-9_.]*)");
    static final Pattern CONSTANT = Pattern.compile(
            "static\\s+final\\s+String\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"\\s*;");
    static final Pattern ENV_FIELD = Pattern.compile("\"[A-Za-z]+Env\"\\s*:\\s*\"([A-Z][A-Z0-9_]*)\"");
    static final Pattern YAML_ENV = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::-[^}]*)?}");
    static final Pattern SERVER_ENV = Pattern.compile("(?m)^\\s*([A-Z][A-Z0-9_]*)\\s*=");
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z][A-Za-z0-9_.\\-]*)}");

    /**
     * Reads whose key is computed, by file and argument. Each is covered another way, so it is listed here rather
     * than documented as a key of its own.
     */
    static final Map<String, String> DYNAMIC_READS = Map.of(
            // ${name} placeholders of smart-config files: scanned below from smart-config/**/*.json
            "ConfigFiles.java:name", "smart-config placeholders",
            // jwkEnv / secretEnv of each EHR registration: names chosen per site (smart-config/ehrs/README.md)
            "EhrRegistry.java:name", "per-registration secrets");

    @Test
    void everySettingIsInTheConfigurationTableWithItsVariableAndDefault() throws IOException {
        List<List<String>> rows = configurationRows();
        List<String> missing = new ArrayList<>();
        for (String key : configKeys()) {
            String env = environmentName(key);
            boolean documented = rows.stream().anyMatch(r -> r.get(0).contains("`" + key + "`")
                    && r.get(1).contains("`" + env + "`") && !r.get(2).isBlank());
            if (!documented) {
                missing.add(key + " (" + env + ")");
            }
        }
        for (String env : environmentOnlyNames()) {
            boolean documented = rows.stream().anyMatch(r -> r.get(1).contains("`" + env + "`") && !r.get(2).isBlank());
            if (!documented) {
                missing.add(env);
            }
        }
        assertTrue(missing.isEmpty(), "README.md's Configuration table lacks a row (key | environment variable | "
                + "default | meaning) for: " + String.join(", ", missing));
    }

    @Test
    void theTableHasFourColumnsInEveryRow() {
        List<List<String>> rows = Readme.tableRows(Readme.section("Configuration"));
        assertFalse(rows.isEmpty(), "README.md's Configuration section has no table");
        assertEquals(List.of("key", "environment variable", "default", "meaning"), rows.get(0));
        rows.forEach(r -> assertEquals(4, r.size(), "row " + r));
    }

    @Test
    void everyComputedReadIsAccountedFor() throws IOException {
        Set<String> dynamic = new TreeSet<>();
        Set<String> ignored = new HashSet<>();
        scanSources(ignored, dynamic);
        assertEquals(new TreeSet<>(DYNAMIC_READS.keySet()), dynamic,
                "a config read with a computed key: document its keys and list it in DYNAMIC_READS");
    }

    /** MicroProfile Config keys and Liberty variables, sorted. */
    static Set<String> configKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Path xml : files(LIBERTY, ".xml")) {
            Matcher m = VARIABLE.matcher(Files.readString(xml));
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        scanSources(keys, new HashSet<>());
        for (Path json : files(SMART_CONFIG, ".json")) {
            Matcher m = PLACEHOLDER.matcher(Files.readString(json));
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        keys.removeIf(ConfigurationDocumentedTest::isEnvironmentName);
        return keys;
    }

    /** Names read only from the environment (System.getenv, *Env fields, ${VAR} in Liberty's YAML, server.env). */
    static Set<String> environmentOnlyNames() throws IOException {
        Set<String> names = new TreeSet<>();
        Set<String> reads = new HashSet<>();
        scanSources(reads, new HashSet<>());
        reads.stream().filter(ConfigurationDocumentedTest::isEnvironmentName).forEach(names::add);
        for (Path json : files(SMART_CONFIG.resolve("ai"), ".json")) {
            Matcher m = ENV_FIELD.matcher(Files.readString(json));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        List<Path> yaml = new ArrayList<>(files(LIBERTY, ".yaml"));
        yaml.addAll(files(LIBERTY, ".yml"));
        for (Path file : yaml) {
            Matcher m = YAML_ENV.matcher(Files.readString(file));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        // server.env sets environment defaults for Liberty, so each of its names is a setting too
        for (Path env : files(LIBERTY, "server.env")) {
            Matcher m = SERVER_ENV.matcher(Files.readString(env));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * Adds the keys read in src/main/java to {@code keys}, resolving constants; a read whose argument is neither a
     * literal nor a constant goes to {@code dynamic} as "File.java:argument".
     */
    static void scanSources(Set<String> keys, Set<String> dynamic) throws IOException {
        Map<String, String> constants = new HashMap<>();
        Map<Path, String> sources = new TreeMap<>();
        for (Path java : files(SOURCES, ".java")) {
            String text = Files.readString(java);
            sources.put(java, text);
            Matcher c = CONSTANT.matcher(text);
            while (c.find()) {
                constants.put(c.group(1), c.group(2));
            }
        }
        for (Map.Entry<Path, String> source : sources.entrySet()) {
            Matcher m = READ.matcher(source.getValue());
            while (m.find()) {
                String argument = m.group(2);
                if (argument.startsWith("\"")) {
                    keys.add(argument.substring(1, argument.length() - 1));
                    continue;
                }
                String constant = argument.substring(argument.lastIndexOf('.') + 1);
                if (constant.matches("[A-Z][A-Z0-9_]*") && constants.containsKey(constant)) {
                    keys.add(constants.get(constant));
                } else if (!m.group(1).startsWith("getValue") && !m.group(1).startsWith("getConfigValue")) {
                    // getValue() without a literal is mostly FHIR's getValue(); only config-specific calls count
                    dynamic.add(source.getKey().getFileName() + ":" + argument);
                }
            }
        }
    }

    /** MicroProfile Config's and Liberty's environment form of a key: non-alphanumerics to '_', upper case. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    static boolean isEnvironmentName(String name) {
        return name.matches("[A-Z][A-Z0-9_]*");
    }

    /** Rows of the Configuration table below its header and separator. */
    static List<List<String>> configurationRows() {
        List<List<String>> rows = Readme.tableRows(Readme.section("Configuration"));
        return rows.stream().filter(r -> r.size() >= 4)
                .filter(r -> !r.get(0).equals("key") && !r.get(0).startsWith("---")).toList();
    }

    static List<Path> files(Path root, String suffix) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
