package io.chartlens.aisummary;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * A model's answer text, parsed strictly: one JSON object, {@code {"statements":[{"text":..., "citations":[...]}]}}
 * with no other members, or {@code {"refusal": "..."}}. Anything else is malformed; nothing is repaired (no code
 * fences stripped, no prose skipped), since an answer that ignores the format has ignored the rules too.
 *
 * <p>Whether the citations are among the facts, and the numbers in them, is the verifier's to judge, not this
 * parser's: a well-formed answer citing {@code Observation/made-up} is returned as it is.
 */
final class ModelSummarizerAnswer {

    static final int MAX_STATEMENTS = 12;
    /** Leeway over {@link #MAX_STATEMENTS} before an answer counts as malformed; the verifier may trim. */
    static final int MAX_STATEMENTS_ACCEPTED = 2 * MAX_STATEMENTS;
    static final int MAX_TEXT_CHARS = 1000;
    static final int MAX_CITATIONS = 20;

    /** Prose refusals of models that ignore the requested {@code refusal} member. */
    private static final Pattern REFUSAL_PROSE = Pattern.compile(
            "(?is)^\\W*(i'?m sorry|i am sorry|sorry|i can(?:'|no)?t|i cannot|i won'?t|i will not|i'?m unable|"
                    + "i am unable|i'?m not able|i am not able|as an ai)\\b.*");

    private ModelSummarizerAnswer() {
    }

    /** The statements, or why there are none. */
    sealed interface Parsed permits Statements, Rejected {
    }

    record Statements(List<CitedStatement> statements) implements Parsed {
    }

    /** Not usable: {@code kind} is REFUSAL or MALFORMED; {@code reason} never quotes the answer. */
    record Rejected(ModelSummarizer.FailureKind kind, String reason) implements Parsed {
    }

    static Parsed parse(String answer) {
        if (answer == null || answer.isBlank()) {
            return malformed("empty answer");
        }
        String text = answer.strip();
        if (!text.startsWith("{")) {
            return REFUSAL_PROSE.matcher(text).matches()
                    ? new Rejected(ModelSummarizer.FailureKind.REFUSAL, "answered in prose, declining")
                    : malformed("answer is not a JSON object");
        }
        try {
            JSONObject o = JSONObjectUtils.parse(text);
            if (o.containsKey("refusal")) {
                return new Rejected(ModelSummarizer.FailureKind.REFUSAL, "answered with a refusal");
            }
            if (!o.keySet().equals(Set.of("statements"))) {
                return malformed("answer must have one member, \"statements\" (had " + o.size() + ")");
            }
            JSONArray array = JSONObjectUtils.getJSONArray(o, "statements");
            if (array.isEmpty()) {
                return malformed("no statements");
            }
            if (array.size() > MAX_STATEMENTS_ACCEPTED) {
                return malformed(array.size() + " statements, more than " + MAX_STATEMENTS_ACCEPTED);
            }
            List<CitedStatement> statements = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                if (!(array.get(i) instanceof JSONObject s)) {
                    return malformed("statement " + (i + 1) + " is not an object");
                }
                String problem = problemOf(s);
                if (problem != null) {
                    return malformed("statement " + (i + 1) + ": " + problem);
                }
                statements.add(new CitedStatement(JSONObjectUtils.getString(s, "text"),
                        JSONObjectUtils.getStringList(s, "citations")));
            }
            return new Statements(List.copyOf(statements));
        } catch (ParseException | RuntimeException e) {
            return malformed("answer is not valid JSON of the requested shape");
        }
    }

    private static String problemOf(JSONObject s) {
        if (!s.keySet().equals(Set.of("text", "citations"))) {
            return "must have exactly the members \"text\" and \"citations\"";
        }
        if (!(s.get("text") instanceof String text) || text.isBlank()) {
            return "text is not a non-blank string";
        }
        if (text.length() > MAX_TEXT_CHARS) {
            return "text longer than " + MAX_TEXT_CHARS + " characters";
        }
        if (!(s.get("citations") instanceof JSONArray citations)) {
            return "citations is not an array";
        }
        if (citations.size() > MAX_CITATIONS) {
            return "more than " + MAX_CITATIONS + " citations";
        }
        for (Object c : citations) {
            if (!(c instanceof String)) {
                return "a citation is not a string";
            }
        }
        return null;
    }

    private static Rejected malformed(String reason) {
        return new Rejected(ModelSummarizer.FailureKind.MALFORMED, reason);
    }
}
