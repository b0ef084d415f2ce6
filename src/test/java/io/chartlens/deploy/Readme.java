package io.chartlens.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The sections of README.md that the deployment tests hold the code and the manifests to. */
final class Readme {

    static final Path FILE = Path.of("README.md");

    private Readme() {
    }

    /** The text under {@code ## heading} up to the next level-2 heading; fails if there is no such section. */
    static String section(String heading) {
        String text = read();
        String marker = "\n## " + heading + "\n";
        int start = text.indexOf(marker);
        if (start < 0) {
            throw new AssertionError("README.md has no '## " + heading + "' section");
        }
        int end = text.indexOf("\n## ", start + marker.length());
        return text.substring(start + marker.length(), end < 0 ? text.length() : end);
    }

    /** The cells of every table row in the text (header and separator rows included), trimmed. */
    static List<List<String>> tableRows(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("|") && trimmed.endsWith("|") && trimmed.length() > 1) {
                List<String> cells = new ArrayList<>();
                for (String cell : trimmed.substring(1, trimmed.length() - 1).split("\\|", -1)) {
                    cells.add(cell.strip());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static String read() {
        try {
            return Files.readString(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
