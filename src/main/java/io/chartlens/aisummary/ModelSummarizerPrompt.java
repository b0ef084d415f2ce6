package io.chartlens.aisummary;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import net.minidev.json.JSONStyle;

/**
 * The messages of one request for the model-written summary. The system message is the active version of the
 * prompt ({@link SummaryPrompts}, templates in {@code smart-config/ai/prompts/}), whose version the generation log
 * records; only the answer format is code, because the parser ({@link ModelSummarizerAnswer}) depends on it.
 *
 * <p>The facts go in the user message as JSON ({@code reference}, {@code kind}, {@code text} only), built with a
 * JSON library so a fact's text cannot break out of its string. The rules of every template mirror what the verifier
 * checks: every statement cites, only given references, only numbers that appear in the facts.
 */
final class ModelSummarizerPrompt {

    /**
     * The end of every system message: the one JSON answer {@link ModelSummarizerAnswer#parse} accepts, and the
     * refusal it recognises. Appended to each template when it loads ({@link PromptTemplate}).
     */
    static final String ANSWER_FORMAT = """
            Answer with one JSON object and nothing else (no prose, no code fence):
            {"statements":[{"text":"...","citations":["Type/id"]}]}
            If you cannot follow these rules, answer {"refusal":"<short reason>"}.
            """;

    /** Standard JSON; json-smart's default writes "/" as "\/", and a model would copy that into its citations. */
    static final JSONStyle PLAIN_JSON = new JSONStyle(JSONStyle.FLAG_PROTECT_4WEB);

    private ModelSummarizerPrompt() {
    }

    /** The messages for one request: the prompt's rules, then the task and the facts as JSON. */
    static List<ChatMessage> messages(SummaryPrompt prompt, String task, List<SummaryFact> facts) {
        return List.of(SystemMessage.from(prompt.system()), UserMessage.from(userJson(task, facts)));
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
