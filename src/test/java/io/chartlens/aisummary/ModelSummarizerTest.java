package io.chartlens.aisummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.chartlens.aisummary.ModelSummarizer.FailureKind;
import io.chartlens.aisummary.ModelSummarizer.ModelOutcome;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ModelSummarizer} against {@link FakeOpenAiServer}: the real LangChain4j OpenAI client over loopback HTTP,
 * so what is asserted about requests is what a provider would receive.
 */
class ModelSummarizerTest {

    /** A chart as the record holds it: identifiers that must never reach a model. */
    private record Chart(String name, String mrn, String birthDate, String address, List<SummaryFact> facts) {
    }

    private static final Chart CHART = new Chart("Jane Quinn Doe", "MRN-0042-7731", "1957-03-14",
            "12 Elm Street, Springfield", List.of(
                    new SummaryFact("Patient/p-1", "demographics", "67-year-old woman"),
                    new SummaryFact("Condition/c-dm2", "problem", "Type 2 diabetes mellitus, since 9 y before"),
                    new SummaryFact("Observation/o-a1c", "lab", "HbA1c 8.1 % 12 d before"),
                    new SummaryFact("MedicationRequest/m-met", "medication-started",
                            "Metformin 500 mg twice daily, started 30 d before")));

    private static final String VALID = """
            {"statements": [
              {"text": "Type 2 diabetes with HbA1c 8.1 % 12 d before.",
               "citations": ["Condition/c-dm2", "Observation/o-a1c"]},
              {"text": "Metformin 500 mg twice daily was started 30 d before.",
               "citations": ["MedicationRequest/m-met"]}
            ]}""";

    private FakeOpenAiServer server;
    private FakeOpenAiServer other;
    private final Map<String, String> chosenPrompts = new HashMap<>();
    private final ModelSummarizer summarizer = new ModelSummarizer(SummaryPromptsTest.shipped(chosenPrompts),
            new ChatModels()::of);

    @BeforeEach
    void start() throws IOException {
        server = FakeOpenAiServer.start();
        other = FakeOpenAiServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
        other.close();
    }

    @Test
    void sendsOnlyTheFactsAndTheRulesAndReturnsTheCitedStatements() throws Exception {
        server.then(FakeOpenAiServer.answer(VALID));

        ModelOutcome outcome = summarizer.summarize(route(Duration.ofSeconds(10), primary()), CHART.facts());

        assertTrue(outcome.indicatesSuccess(), () -> outcome.fallbackReason());
        assertEquals("primary:test-model", outcome.modelId());
        assertEquals(List.of(
                new CitedStatement("Type 2 diabetes with HbA1c 8.1 % 12 d before.",
                        List.of("Condition/c-dm2", "Observation/o-a1c")),
                new CitedStatement("Metformin 500 mg twice daily was started 30 d before.",
                        List.of("MedicationRequest/m-met"))), outcome.statements());
        assertNull(outcome.fallbackReason());
        assertEquals(1, outcome.attempts().size());

        assertEquals(1, server.requests().size());
        FakeOpenAiServer.Request request = server.requests().get(0);
        assertEquals("POST", request.method());
        assertEquals(FakeOpenAiServer.PATH, request.path());
        assertEquals("Bearer test-key", request.authorization());

        JSONObject body = JSONObjectUtils.parse(request.body());
        assertEquals("test-model", body.get("model"));
        assertEquals(0.0, ((Number) body.get("temperature")).doubleValue());
        assertEquals("json_object", ((JSONObject) body.get("response_format")).get("type"));
        JSONArray messages = (JSONArray) body.get("messages");
        assertEquals(2, messages.size());
        JSONObject system = (JSONObject) messages.get(0);
        assertEquals("system", system.get("role"));
        String rules = (String) system.get("content");
        assertEquals(PromptVersionsTest.SUMMARY_V1_AS_CODE, rules, "no prompt chosen: the default, summary-v1");
        assertEquals("summary-v1", outcome.promptVersion());
        assertTrue(rules.contains("Every statement cites") && rules.contains("Cite only references")
                && rules.contains("Use only numbers that appear in the facts") && rules.contains("no names"), rules);

        JSONObject user = (JSONObject) messages.get(1);
        assertEquals("user", user.get("role"));
        String content = (String) user.get("content");
        assertTrue(content.contains("\"reference\":\"Observation/o-a1c\""), "plain JSON, no \\/: " + content);
        JSONObject sent = JSONObjectUtils.parse(content);
        assertEquals("patient-summary", sent.get("task"));
        List<SummaryFact> facts = new ArrayList<>();
        for (Object o : (JSONArray) sent.get("facts")) {
            JSONObject f = (JSONObject) o;
            assertEquals(3, f.size(), "reference, kind and text only: " + f.keySet());
            facts.add(new SummaryFact((String) f.get("reference"), (String) f.get("kind"), (String) f.get("text")));
        }
        assertEquals(CHART.facts(), facts);

        for (String identifier : List.of(CHART.name(), "Doe", "Jane", CHART.mrn(), "0042-7731",
                CHART.birthDate(), "1957", CHART.address(), "Elm Street")) {
            assertFalse(request.body().contains(identifier), "the request leaks " + identifier);
        }
    }

    @Test
    void eachCallAsksWithThePromptVersionActiveWhenItStartsAndItsLogRowNamesThatVersion() throws Exception {
        server.then(FakeOpenAiServer.answer(VALID), FakeOpenAiServer.answer(VALID));
        SummaryRoute route = route(Duration.ofSeconds(10), primary());

        chosenPrompts.put(SummaryPrompts.ID, "summary-v2");
        ModelOutcome v2 = summarizer.summarize(route, CHART.facts());
        assertTrue(v2.indicatesSuccess(), () -> v2.fallbackReason());
        assertEquals("summary-v2", v2.promptVersion());
        String v2System = systemMessage(server.requests().get(0));
        assertEquals(PromptVersionsTest.shipped().resolve(SummaryPrompts.ID, "summary-v2").rule().system(), v2System);
        assertTrue(v2System.startsWith("ChartLens summary prompt summary-v2.") && v2System.contains("At most 5 "),
                v2System);
        assertEquals("summary-v2", logged(v2).promptVersion());

        chosenPrompts.clear();
        ModelOutcome v1 = summarizer.summarize(route, CHART.facts());
        assertEquals("summary-v1", v1.promptVersion());
        assertEquals(PromptVersionsTest.SUMMARY_V1_AS_CODE, systemMessage(server.requests().get(1)));
        assertEquals("summary-v1", logged(v1).promptVersion());
    }

    @Test
    void aFailedCallStillNamesThePromptItAskedWithButNoneWhenNoModelWasAsked() {
        server.then(FakeOpenAiServer.error(500));
        chosenPrompts.put(SummaryPrompts.ID, "summary-v2");
        assertEquals("summary-v2", summarizer.summarize(route(Duration.ofSeconds(10), primary()), CHART.facts())
                .promptVersion());
        SummaryRoute none = SummaryRoute.deterministicOnly("patient-summary", Duration.ofSeconds(1), "unset");
        assertNull(summarizer.summarize(none, CHART.facts()).promptVersion());
    }

    private static String systemMessage(FakeOpenAiServer.Request request) throws Exception {
        JSONObject system = (JSONObject) ((JSONArray) JSONObjectUtils.parse(request.body()).get("messages")).get(0);
        assertEquals("system", system.get("role"));
        return (String) system.get("content");
    }

    /** The generation log's row of a model's answer, as {@link SummaryWriter} writes it. */
    private static GenerationRecord logged(ModelOutcome answered) {
        return GenerationRecord.ofModel("subject-key", "patient-summary",
                ModelSummarizer.inputReferences(CHART.facts()), answered, answered.statements().size(), 0, List.of(),
                null);
    }

    static Stream<Arguments> malformedReplies() {
        return Stream.of(
                Arguments.of("a body that is not a chat completion",
                        FakeOpenAiServer.raw("text/html", "<html><body>Bad gateway</body></html>")),
                Arguments.of("a chat completion body cut short",
                        FakeOpenAiServer.raw("application/json", "{\"id\":\"x\",\"choices\":[{\"mess")),
                Arguments.of("prose", FakeOpenAiServer.answer("Here is the summary: diabetes, on metformin.")),
                Arguments.of("a code fence", FakeOpenAiServer.answer("```json\n" + VALID + "\n```")),
                Arguments.of("truncated JSON", FakeOpenAiServer.answer("{\"statements\": [{\"text\": \"Type 2")),
                Arguments.of("stopped at the token limit", FakeOpenAiServer.answer(VALID, "length")),
                Arguments.of("an empty answer", FakeOpenAiServer.answer("")),
                Arguments.of("no statements", FakeOpenAiServer.answer("{\"statements\": []}")),
                Arguments.of("another member", FakeOpenAiServer.answer(
                        "{\"statements\": [{\"text\": \"x\", \"citations\": [\"Condition/c-dm2\"]}], \"note\": 1}")),
                Arguments.of("a statement without citations", FakeOpenAiServer.answer(
                        "{\"statements\": [{\"text\": \"Type 2 diabetes.\"}]}")),
                Arguments.of("a citation that is not a string", FakeOpenAiServer.answer(
                        "{\"statements\": [{\"text\": \"Type 2 diabetes.\", \"citations\": [42]}]}")),
                Arguments.of("a blank text", FakeOpenAiServer.answer(
                        "{\"statements\": [{\"text\": \" \", \"citations\": [\"Condition/c-dm2\"]}]}")),
                Arguments.of("single quotes", FakeOpenAiServer.answer(
                        "{'statements': [{'text': 'Type 2 diabetes.', 'citations': ['Condition/c-dm2']}]}")),
                Arguments.of("trailing data", FakeOpenAiServer.answer(VALID + " and more")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedReplies")
    void aMalformedAnswerIsMalformed(String what, FakeOpenAiServer.Reply reply) {
        server.then(reply);
        ModelOutcome outcome = summarizer.summarize(route(Duration.ofSeconds(10), primary()), CHART.facts());
        assertEquals(FailureKind.MALFORMED, outcome.failure(), () -> what + ": " + outcome.reason());
        assertEquals(List.of(), outcome.statements());
        assertTrue(outcome.fallbackReason().startsWith("MALFORMED: primary:test-model MALFORMED ("),
                outcome.fallbackReason());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("prose", FakeOpenAiServer.answer("I'm sorry, but I can't help with that request.")),
                Arguments.of("a refusal member of the message",
                        FakeOpenAiServer.refusalMember("I can't assist with medical records.")),
                Arguments.of("the requested refusal JSON",
                        FakeOpenAiServer.answer("{\"refusal\": \"the facts are insufficient\"}")),
                Arguments.of("the content filter", FakeOpenAiServer.answer(null, "content_filter")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRefusalIsARefusal(String what, FakeOpenAiServer.Reply reply) {
        server.then(reply);
        ModelOutcome outcome = summarizer.summarize(route(Duration.ofSeconds(10), primary()), CHART.facts());
        assertEquals(FailureKind.REFUSAL, outcome.failure(), () -> what + ": " + outcome.reason());
        assertFalse(outcome.reason().contains("medical records") || outcome.reason().contains("insufficient"),
                "the reason does not quote the answer: " + outcome.reason());
    }

    @Test
    void aSlowAnswerIsATimeout() {
        server.then(FakeOpenAiServer.answer(VALID).after(Duration.ofSeconds(30)));
        ModelOutcome outcome = summarizer.summarize(route(Duration.ofMillis(300), primary()), CHART.facts());
        assertEquals(FailureKind.TIMEOUT, outcome.failure(), outcome.reason());
        assertTrue(outcome.reason().contains("no answer within 300 ms"), outcome.reason());
    }

    @Test
    void aServerErrorIsAnErrorAndIsNotRetried() {
        server.then(FakeOpenAiServer.error(500), FakeOpenAiServer.answer(VALID));
        ModelOutcome outcome = summarizer.summarize(route(Duration.ofSeconds(10), primary()), CHART.facts());
        assertEquals(FailureKind.ERROR, outcome.failure());
        assertEquals("ERROR: primary:test-model ERROR (HTTP 500)", outcome.fallbackReason());
        assertEquals(1, server.requests().size(), "maxRetries 0: the route's chain is the retry");
    }

    @Test
    void anUnreachableServerIsAnError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SummaryRoute.Model gone = new SummaryRoute.Model("primary", "http://127.0.0.1:" + port + "/v1", "m", "k");
        ModelOutcome outcome = summarizer.summarize(route(Duration.ofSeconds(5), gone), CHART.facts());
        assertEquals(FailureKind.ERROR, outcome.failure(), outcome.reason());
    }

    @Test
    void aHallucinatingAnswerIsReturnedForTheVerifierToJudge() {
        String hallucinated = """
                {"statements": [
                  {"text": "HbA1c was 9.9 % last week.", "citations": ["Observation/o-a1c"]},
                  {"text": "Chronic kidney disease stage 3.", "citations": ["Condition/not-given"]},
                  {"text": "Patient is stable.", "citations": []}
                ]}""";
        server.then(FakeOpenAiServer.answer(hallucinated));
        ModelOutcome outcome = summarizer.summarize(route(Duration.ofSeconds(10), primary()), CHART.facts());

        assertTrue(outcome.indicatesSuccess(), () -> outcome.fallbackReason());
        assertEquals(3, outcome.statements().size());
        List<String> given = ModelSummarizer.inputReferences(CHART.facts());
        assertEquals(List.of("Patient/p-1", "Condition/c-dm2", "Observation/o-a1c", "MedicationRequest/m-met"), given);
        // what the verifier needs to drop them is here: a citation outside the input, no citation, and a number
        // ("9.9") that no cited fact contains
        assertFalse(given.contains(outcome.statements().get(1).citations().get(0)));
        assertEquals(List.of(), outcome.statements().get(2).citations());
        assertTrue(CHART.facts().stream().noneMatch(f -> f.text().contains("9.9")));
    }

    @Test
    void theChainFallsBackToTheNextModel() throws Exception {
        server.then(FakeOpenAiServer.answer(VALID).after(Duration.ofSeconds(30)));
        other.then(FakeOpenAiServer.answer(VALID));
        SummaryRoute.Model fallback = new SummaryRoute.Model("fallback", other.baseUrl(), "other-model", null);

        ModelOutcome outcome = summarizer.summarize(route(Duration.ofMillis(300), primary(), fallback),
                CHART.facts());

        assertTrue(outcome.indicatesSuccess(), () -> outcome.fallbackReason());
        assertEquals("fallback:other-model", outcome.modelId());
        assertEquals(2, outcome.statements().size());
        assertEquals(Arrays.asList(FailureKind.TIMEOUT, null),
                outcome.attempts().stream().map(ModelOutcome.Attempt::failure).toList());
        assertEquals(List.of("primary:test-model", "fallback:other-model"),
                outcome.attempts().stream().map(ModelOutcome.Attempt::modelId).toList());
        FakeOpenAiServer.Request second = other.requests().get(0);
        assertNull(second.authorization(), "no key configured, none sent");
        assertEquals("other-model", JSONObjectUtils.parse(second.body()).get("model"));
    }

    @Test
    void whenEveryModelFailsTheOutcomeSaysWhyForEach() {
        server.then(FakeOpenAiServer.error(503));
        other.then(FakeOpenAiServer.answer("not json"));
        SummaryRoute.Model fallback = new SummaryRoute.Model("fallback", other.baseUrl(), "other-model", "k2");

        ModelOutcome outcome = summarizer.summarize(route(Duration.ofSeconds(10), primary(), fallback),
                CHART.facts());

        assertFalse(outcome.indicatesSuccess());
        assertNull(outcome.modelId());
        assertEquals(FailureKind.MALFORMED, outcome.failure(), "the last model's failure");
        assertEquals("primary:test-model ERROR (HTTP 503); fallback:other-model MALFORMED (answer is not a JSON "
                + "object)", outcome.reason());
    }

    @Test
    void withoutAConfiguredModelNothingIsSent() throws Exception {
        SummaryRoutes routes = SummaryRoutes.parse(SummaryRoutesTest.repositoryFile(), Map.<String, String>of()::get);
        ModelOutcome outcome = summarizer.summarize(routes.route("patient-summary"), CHART.facts());
        assertEquals(FailureKind.NOT_CONFIGURED, outcome.failure());
        assertTrue(outcome.reason().contains("CHARTLENS_LLM_BASE_URL"), outcome.reason());
        assertEquals(List.of(), outcome.attempts());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void refusesNoFactsOrTooMany() {
        SummaryRoute route = route(Duration.ofSeconds(1), primary());
        assertThrows(IllegalArgumentException.class, () -> summarizer.summarize(route, List.of()));
        List<SummaryFact> many = Stream.generate(() -> CHART.facts().get(0))
                .limit(ModelSummarizer.MAX_FACTS + 1).toList();
        assertThrows(IllegalArgumentException.class, () -> summarizer.summarize(route, many));
        assertTrue(server.requests().isEmpty());
    }

    private SummaryRoute.Model primary() {
        return new SummaryRoute.Model("primary", server.baseUrl(), "test-model", "test-key");
    }

    private static SummaryRoute route(Duration timeout, SummaryRoute.Model... chain) {
        return new SummaryRoute("patient-summary", List.of(chain), timeout, List.of());
    }
}
