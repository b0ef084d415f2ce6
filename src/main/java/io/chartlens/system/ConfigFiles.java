package io.chartlens.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads files of the {@code smart-config/} tree: from {@code chartlens.config.dir} when it is set (production),
 * otherwise from the copy built into the war. Paths are relative to the tree's root, for example
 * {@code ehrs/sandbox.json}; a path that escapes the root is refused.
 */
@ApplicationScoped
public class ConfigFiles {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)}");

    @Inject
    @ConfigProperty(name = "chartlens.config.dir")
    Optional<String> configDir;

    /** The text of one file. Fails with the path in the message if it does not exist. */
    public String read(String relativePath) {
        String path = checked(relativePath);
        try {
            if (externalRoot().isPresent()) {
                return Files.readString(externalRoot().get().resolve(path), StandardCharsets.UTF_8);
            }
            try (InputStream in = classLoader().getResourceAsStream("smart-config/" + path)) {
                if (in == null) {
                    throw new IllegalStateException("Configuration file smart-config/" + path + " not found");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read configuration file smart-config/" + path, e);
        }
    }

    /**
     * The text of one file with {@code ${name}} placeholders replaced by MicroProfile Config values
     * (for example {@code ${chartlens.base-url}}). An unknown name fails with the name in the message.
     */
    public String readExpanded(String relativePath) {
        String text = read(relativePath);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        Config config = ConfigProvider.getConfig();
        while (m.find()) {
            String name = m.group(1);
            String value = config.getOptionalValue(name, String.class).orElseThrow(() -> new IllegalStateException(
                    "smart-config/" + relativePath + " refers to ${" + name + "}, which is not configured"));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The relative paths of the files directly inside {@code folder} whose names end with {@code suffix}, sorted. */
    public List<String> list(String folder, String suffix) {
        String path = checked(folder);
        Path dir = externalRoot().map(root -> root.resolve(path)).orElseGet(() -> classpathFolder(path));
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = new ArrayList<>();
            files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(suffix))
                    .sorted()
                    .forEach(name -> names.add(path + "/" + name));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list configuration folder smart-config/" + path, e);
        }
    }

    private Optional<Path> externalRoot() {
        return configDir.filter(s -> !s.isBlank()).map(Path::of);
    }

    private static Path classpathFolder(String path) {
        URL url = classLoader().getResource("smart-config/" + path);
        if (url == null) {
            return null;
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("Configuration folder smart-config/" + path
                    + " is not on a file system; set chartlens.config.dir", e);
        }
    }

    private static String checked(String relativePath) {
        Path normalized = Path.of(relativePath).normalize();
        if (normalized.isAbsolute() || normalized.startsWith("..")) {
            throw new IllegalArgumentException("Configuration path must stay inside smart-config/: " + relativePath);
        }
        return normalized.toString().replace('\\', '/');
    }

    private static ClassLoader classLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : ConfigFiles.class.getClassLoader();
    }
}
