package io.chartlens.overrides;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds the canonical JSON stored in {@code feedback_event.payload}: the same data always gives the same text,
 * so the row hash is reproducible and two payloads can be compared as strings.
 *
 * <p>Canonical here means: object keys sorted (by UTF-16 code units, as JSON Canonicalization RFC 8785 does), no
 * white space, strings escaped minimally ({@code \" \\ \b \f \n \r \t}, other control characters, DEL, C1
 * controls and U+2028/U+2029 as {@code \}{@code uXXXX} (lower-case hex), everything else literal; this keeps the
 * text free of the control characters {@link FeedbackEntry} rejects), numbers in plain decimal without exponent or trailing zeros
 * ({@code 7.20} becomes {@code 7.2}, {@code 1E+3} becomes {@code 1000}), {@code true}, {@code false},
 * {@code null}. Accepted values: {@code null}, {@link CharSequence}, {@link Boolean}, {@link Number} (not NaN or
 * infinite), {@link Enum} (its name), {@link Map} with {@code String} keys, {@link Collection}. Anything else
 * (e.g. dates) must be turned into a string by the caller (ISO-8601 for times).
 *
 * <p>Suggested shapes, used by {@link #shown} and {@link #correction}:
 * <pre>
 *   {"inputs":{"&lt;input name&gt;":{"id":"Observation/1","value":7.2,"unit":"mmol/L"},...}}
 *   {"correction":{"input":"sbp","new":150,"old":130,"scoreAfter":12.1,"scoreBefore":9.8},"inputs":{...}}
 * </pre>
 */
public final class FeedbackPayload {

    private FeedbackPayload() {
    }

    /**
     * The payload for a decision on a card: the inputs as shown at the time.
     *
     * @param inputs input name to what was shown, e.g. {@code {"id": "Observation/1", "value": 7.2, "unit":
     *               "mmol/L"}}
     */
    public static String shown(Map<String, ?> inputs) {
        return canonicalJson(Map.of("inputs", Objects.requireNonNull(inputs, "inputs")));
    }

    /**
     * The payload for {@link FeedbackOutcome#INPUT_CORRECTED}: which input changed from what to what, and the
     * score before and after, plus the inputs as shown before the correction.
     */
    public static String correction(Map<String, ?> inputs, String input, Object oldValue, Object newValue,
                                    Object scoreBefore, Object scoreAfter) {
        Map<String, Object> correction = new LinkedHashMap<>();
        correction.put("input", Objects.requireNonNull(input, "input"));
        correction.put("old", oldValue);
        correction.put("new", newValue);
        correction.put("scoreBefore", scoreBefore);
        correction.put("scoreAfter", scoreAfter);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("correction", correction);
        payload.put("inputs", Objects.requireNonNull(inputs, "inputs"));
        return canonicalJson(payload);
    }

    /** The canonical JSON text of a value (see the class comment). */
    public static String canonicalJson(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, int depth) {
        if (depth > 32) {
            throw new IllegalArgumentException("payload nests more than 32 levels");
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence s) {
            string(out, s.toString());
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Enum<?> e) {
            string(out, e.name());
        } else if (value instanceof Number n) {
            out.append(number(n));
        } else if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("payload object keys must be strings");
                }
                sorted.put(key, entry.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string(out, entry.getKey());
                out.append(':');
                write(out, entry.getValue(), depth + 1);
            }
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            List<Object> list = new ArrayList<>(items);
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, list.get(i), depth + 1);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("payload values must be strings, numbers, booleans, enums, maps or "
                    + "collections, not " + value.getClass().getSimpleName());
        }
    }

    private static String number(Number n) {
        BigDecimal decimal;
        if (n instanceof BigDecimal d) {
            decimal = d;
        } else if (n instanceof BigInteger i) {
            decimal = new BigDecimal(i);
        } else if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("payload numbers must be finite");
            }
            // Float via its own decimal text (0.1f stays 0.1), Double via the shortest text that round-trips
            decimal = n instanceof Float ? new BigDecimal(n.toString()) : BigDecimal.valueOf(d);
        } else {
            decimal = BigDecimal.valueOf(n.longValue());
        }
        if (decimal.signum() == 0) {
            return "0";
        }
        return decimal.stripTrailingZeros().toPlainString();
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
