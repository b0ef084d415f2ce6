package io.chartlens.aisummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.fhir.LoadedRecord;
import io.chartlens.record.PatientRecord;
import io.chartlens.record.SandboxRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which summary the page shows, with a real record (sandbox patient A05 through the real loader) and a fake
 * OpenAI-compatible server on loopback (the boundary ChartLens does not own): a verified model answer is shown; a
 * hallucinating, slow, refusing or malformed one falls back to the deterministic summary, and every generation is
 * logged.
 */
class SummaryWriterTest {

    private static List<SummaryFact> facts;
    private static EvidenceIndex index;
    private FakeOpenAiServer server;
    private final List<GenerationRecord> logged = new ArrayList<>();
    private final Map<String, String> chosenPrompts = new HashMap<>();

    @BeforeAll
    static void loadRecord() {
        LoadedRecord loaded = SandboxRecords.load(SandboxRecords.A05);
        PatientRecord record = SummaryFixtures.assemble(loaded);
        index = EvidenceIndex.of(loaded);
        facts = SummaryFacts.from(record, loaded, index, SummaryFixtures.risk(record),
                SummaryFixtures.careGaps(loaded, record));
        assertFalse(facts.isEmpty(), "A05 has facts to summarise");
    }

    @BeforeEach
    void startServer() throws Exception {
        server = FakeOpenAiServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private SummaryRoute route() {
        return new SummaryRoute("patient-summary",
                List.of(new SummaryRoute.Model("primary", server.baseUrl(), "test-model", "test-key")),
                Duration.ofSeconds(2), List.of());
    }

    private AiSummary write(SummaryRoute route) {
        return new SummaryWriter(new ModelSummarizer(SummaryPromptsTest.shipped(chosenPrompts), new ChatModels()::of),
                logged::add).write(facts, index, route, "subject-key");
    }

    /** A model answer that restates the first fact, citing it: every number is in the cited resource. */
    private static String faithfulAnswer() {
        SummaryFact first = facts.get(0);
        return answer(first.text(), first.reference());
    }

    private static String answer(String text, String citation) {
        JSONObject statement = new JSONObject();
        statement.put("text", text);
        JSONArray citations = new JSONArray();
        citations.add(citation);
        statement.put("citations", citations);
        JSONArray statements = new JSONArray();
        statements.add(statement);
        JSONObject o = new JSONObject();
        o.put("statements", statements);
        return o.toJSONString(net.minidev.json.JSONStyle.LT_COMPRESS);
    }

    @Test
    void withoutAModelTheDeterministicSummaryIsShownAndSaysWhy() {
        AiSummary summary = write(SummaryRoute.deterministicOnly("patient-summary", Duration.ofSeconds(1), "none"));
        assertEquals(GenerationRecord.Source.DETERMINISTIC, summary.source());
        assertEquals("no model is configured", summary.fallbackReason());
        assertFalse(summary.statements().isEmpty());
        assertEquals(1, logged.size());
        assertEquals(GenerationRecord.Source.DETERMINISTIC, logged.get(0).source());
    }

    @Test
    void aVerifiedModelAnswerIsShown() {
        server.then(FakeOpenAiServer.answer(faithfulAnswer()));
        AiSummary summary = write(route());
        assertEquals(GenerationRecord.Source.MODEL, summary.source(), String.valueOf(summary.fallbackReason()));
        assertNull(summary.fallbackReason());
        assertEquals(1, summary.statements().size());
        assertEquals(1, logged.size(), "one model row");
        assertEquals(GenerationRecord.Source.MODEL, logged.get(0).source());
        assertEquals("summary-v1", summary.version(), "no prompt chosen: the default");
        assertEquals("summary-v1", logged.get(0).promptVersion());
    }

    @Test
    void theCardAndTheLogRowCarryThePromptVersionThatWroteTheSummary() {
        chosenPrompts.put(SummaryPrompts.ID, "summary-v2");
        server.then(FakeOpenAiServer.answer(faithfulAnswer()));
        AiSummary summary = write(route());
        assertEquals(GenerationRecord.Source.MODEL, summary.source(), String.valueOf(summary.fallbackReason()));
        assertEquals("summary-v2", summary.version());
        assertEquals("summary-v2", logged.get(0).promptVersion());

        chosenPrompts.clear();
        server.then(FakeOpenAiServer.answer("not json"));
        AiSummary fallback = write(route());
        assertEquals(GenerationRecord.Source.DETERMINISTIC, fallback.source());
        assertEquals(SummaryWriter.RULES_VERSION, fallback.version(), "the rules wrote what is shown");
    }

    @Test
    void aHallucinatingAnswerFallsBackAndBothGenerationsAreLogged() {
        server.then(FakeOpenAiServer.answer(answer("Potassium was 9.87 mmol/L.", facts.get(0).reference())));
        AiSummary summary = write(route());
        assertEquals(GenerationRecord.Source.DETERMINISTIC, summary.source());
        assertTrue(summary.fallbackReason().startsWith(GenerationRecord.VERIFICATION_FAILED), summary.fallbackReason());
        assertEquals(2, logged.size(), "the rejected model answer and the deterministic one");
        assertEquals(1, logged.get(0).droppedCount());
    }

    @Test
    void anInventedCitationFallsBack() {
        server.then(FakeOpenAiServer.answer(answer(facts.get(0).text(), "Observation/not-in-this-record")));
        assertEquals(GenerationRecord.Source.DETERMINISTIC, write(route()).source());
    }

    @Test
    void aSlowModelFallsBackWithTheReason() {
        server.then(FakeOpenAiServer.answer(faithfulAnswer()).after(Duration.ofSeconds(10)));
        AiSummary summary = write(route());
        assertEquals(GenerationRecord.Source.DETERMINISTIC, summary.source());
        assertTrue(summary.fallbackReason().startsWith("TIMEOUT"), summary.fallbackReason());
    }

    @Test
    void refusalsAndMalformedAnswersFallBack() {
        server.then(FakeOpenAiServer.answer("I'm sorry, I can't help with that."));
        assertTrue(write(route()).fallbackReason().startsWith("REFUSAL"));
        server.then(FakeOpenAiServer.answer("{\"statements\": [ {\"text\": "));
        assertTrue(write(route()).fallbackReason().startsWith("MALFORMED"));
        server.then(FakeOpenAiServer.error(500));
        assertTrue(write(route()).fallbackReason().startsWith("ERROR"));
    }
}
