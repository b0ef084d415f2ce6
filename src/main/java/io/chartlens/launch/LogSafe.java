package io.chartlens.launch;

/** Makes a value that came from outside safe to put in a log line or a message: no line breaks, bounded length. */
final class LogSafe {
    private static final int MAX = 200;

    private LogSafe() {
    }

    static String of(String value) {
        if (value == null) {
            return "(none)";
        }
        String cleaned = value.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]", "?");
        return cleaned.length() > MAX ? cleaned.substring(0, MAX) + "…" : cleaned;
    }
}
