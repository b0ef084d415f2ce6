package io.chartlens.aisummary;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import net.minidev.json.JSONStyle;

/**
 * The prompt of the model-written summary, versioned: change {@link #VERSION} whenever the wording or the message
 * layout changes, so the generation log tells which prompt produced which answer.
 *
 * <p>The facts go in the user message as JSON ({@code reference}, {@code kind}, {@code text} only), built with a
 * JSON library so a fact's text cannot break out of its string. The rules mirror what the verifier checks: every
 * statement cites, only given references, only numbers that appear in the facts.
 */
final class ModelSummarizerPrompt {

    static final String VERSION = "summary-v1";

    static final String SYSTEM = """
            ChartLens summary prompt %s.
            You write a short summary of a patient's record for the clinician who has the chart open. \
            The user message is JSON: the task and a list of facts, each with a "reference" (a FHIR resource, \
            Type/id), a "kind" and a "text".
            Rules:
            1. Use only the facts given. Do not add knowledge, advice, diagnoses or interpretations they do not state.
            2. Every statement cites, in "citations", the reference of each fact it relies on, copied exactly.
            3. Cite only references that appear in the facts. A statement without a citation is not allowed.
            4. Use only numbers that appear in the facts (values, units, counts, relative dates) and write them as \
            given; do not calculate, round, convert or estimate.
            5. Write no names, identifiers, addresses, or calendar dates; keep relative dates as given \
            ("12 d before").
            6. At most %d statements, each one sentence of at most 300 characters; the most important first.
            Answer with one JSON object and nothing else (no prose, no code fence):
            {"statements":[{"text":"...","citations":["Type/id"]}]}
            If you cannot follow these rules, answer {"refusal":"<short reason>"}.
            """.formatted(VERSION, ModelSummarizerAnswer.MAX_STATEMENTS);

    /** Standard JSON; json-smart's default writes "/" as "\/", and a model would copy that into its citations. */
    static final JSONStyle PLAIN_JSON = new JSONStyle(JSONStyle.FLAG_PROTECT_4WEB);

    private ModelSummarizerPrompt() {
    }

    /** The messages for one request: the rules, then the task and the facts as JSON. */
    static List<ChatMessage> messages(String task, List<SummaryFact> facts) {
        return List.of(SystemMessage.from(SYSTEM), UserMessage.from(userJson(task, facts)));
    }

    /** Only the three fields of each fact; nothing else of the record is in scope here. */
    static String userJson(String task, List<SummaryFact> facts) {
        JSONArray array = new JSONArray();
        for (SummaryFact fact : facts) {
            JSONObject o = new JSONObject();
            o.put("reference", fact.reference());
            o.put("kind", fact.kind());
            o.put("text", fact.text());
            array.add(o);
        }
        JSONObject user = new JSONObject();
        user.put("task", task);
        user.put("facts", array);
        return user.toJSONString(PLAIN_JSON);
    }
}
