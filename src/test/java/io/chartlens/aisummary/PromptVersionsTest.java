package io.chartlens.aisummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.risk.ActiveVersion;
import io.chartlens.risk.VersionResolution;
import io.chartlens.system.ConfigFiles;
import io.chartlens.testsupport.WorkingTreeConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prompt versions (issue #9): the templates of {@code smart-config/ai/prompts/} and their {@code prompts.json} load
 * and are checked at start, each bad file failing with its name; summary-v1 is still, byte for byte, the prompt that
 * was code before, so the generation log rows that name it keep meaning what they said.
 */
class PromptVersionsTest {

    /** {@code ModelSummarizerPrompt.SYSTEM} as it was in code before the prompt became configuration. */
    static final String SUMMARY_V1_AS_CODE = """
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
            """.formatted("summary-v1", 12);

    private static final String V1 = PromptVersions.FOLDER + "/ai-summary@summary-v1.txt";
    private static final String V2 = PromptVersions.FOLDER + "/ai-summary@summary-v2.txt";
    private static final String PROMPTS = """
            {"ai-summary": {"default": "summary-v1", "versions": {
              "summary-v1": {"maxStatements": 12},
              "summary-v2": {"maxStatements": 5, "note": "shorter"}}}}""";

    static PromptVersions shipped() {
        return PromptVersions.load(WorkingTreeConfig.INSTANCE);
    }

    @Test
    void theDefaultSummaryV1RendersExactlyThePromptThatWasCode() {
        PromptVersions versions = shipped();
        assertEquals(List.of(SummaryPrompts.ID), versions.ids());
        assertEquals("summary-v1", versions.defaultVersion(SummaryPrompts.ID));
        SummaryPrompt v1 = versions.resolve(SummaryPrompts.ID, null).rule();
        assertEquals(SUMMARY_V1_AS_CODE, v1.system());
        assertEquals(12, v1.maxStatements());
        assertEquals(ModelSummarizerAnswer.MAX_STATEMENTS, v1.maxStatements(), "v1 asked for the verifier's cap");
    }

    @Test
    void summaryV2AsksForAtMostFiveStatementsInClinicalOrderWithTheSameRulesAndAnswerFormat() {
        PromptVersions versions = shipped();
        List<PromptVersions.Version> listed = versions.versions(SummaryPrompts.ID);
        assertEquals(List.of("summary-v1", "summary-v2"), listed.stream().map(PromptVersions.Version::version)
                .toList(), "the default first");
        assertTrue(listed.get(0).isDefault());
        assertNull(listed.get(0).note());
        assertFalse(listed.get(1).isDefault());
        assertTrue(listed.get(1).note().contains("at most 5 statements")
                && listed.get(1).note().contains("acute problems and abnormal results first"), listed.get(1).note());

        SummaryPrompt v2 = versions.resolve(SummaryPrompts.ID, "summary-v2").rule();
        assertEquals(5, v2.maxStatements());
        assertEquals(listed.get(1).note(), v2.note());
        assertTrue(v2.system().startsWith("ChartLens summary prompt summary-v2.\n"), v2.system());
        assertTrue(v2.system().contains("6. At most 5 statements, each one sentence of at most 300 characters.\n"),
                v2.system());
        assertTrue(v2.system().contains("7. Order the statements: acute problems and abnormal results first, then"
                + " active medications and allergies."), v2.system());
        assertFalse(v2.system().contains("{{"), v2.system());
        SummaryPrompt v1 = versions.resolve(SummaryPrompts.ID, null).rule();
        for (int rule = 1; rule <= 5; rule++) {
            assertTrue(v2.system().contains(line(v1.system(), rule + ". ")), "rule " + rule + " as in summary-v1");
        }
        assertTrue(v2.system().endsWith(ModelSummarizerPrompt.ANSWER_FORMAT), "the parser's format, from code");
    }

    @Test
    void theActiveVersionIsTheDefaultTheChosenOneOrTheDefaultWhenTheChoiceIsNotConfigured() {
        PromptVersions versions = shipped();
        ActiveVersion<SummaryPrompt> none = versions.resolve(SummaryPrompts.ID, null);
        assertEquals("summary-v1", none.version());
        assertEquals(VersionResolution.DEFAULT, none.resolution());
        assertNull(none.chosen());

        ActiveVersion<SummaryPrompt> chosen = versions.resolve(SummaryPrompts.ID, "summary-v2");
        assertEquals("summary-v2", chosen.version());
        assertEquals("summary-v2", chosen.rule().version());
        assertEquals(VersionResolution.CHOSEN, chosen.resolution());

        ActiveVersion<SummaryPrompt> unknown = versions.resolve(SummaryPrompts.ID, "summary-v9");
        assertEquals("summary-v1", unknown.version());
        assertEquals("summary-v1", unknown.rule().version());
        assertEquals(VersionResolution.CHOSEN_VERSION_UNKNOWN, unknown.resolution());
        assertEquals("summary-v9", unknown.chosen(), "the ignored choice is kept, so the admin page can name it");

        assertTrue(versions.has(SummaryPrompts.ID, "summary-v2"));
        assertFalse(versions.has(SummaryPrompts.ID, "summary-v9"));
        assertFalse(versions.has("other", "summary-v1"));
        assertEquals(List.of(), versions.versions("other"));
        assertThrows(IllegalArgumentException.class, () -> versions.resolve("other", null));
    }

    @Test
    void aTemplateMayUseOnlyTheKnownPlaceholdersAndMustStateTheLimitAndTheCitationRule() {
        String v2 = shippedText(V2);
        assertEquals(V2 + ": unknown placeholder {{release}}; a template may use {{version}} and {{maxStatements}}",
                failure(PROMPTS, Map.of(V1, shippedText(V1), V2, v2.replace("{{version}}", "{{release}}"))));
        assertEquals(V2 + ": a placeholder is not closed ({{ without }})",
                failure(PROMPTS, Map.of(V1, shippedText(V1), V2, v2 + "{{version")));
        assertEquals(V2 + ": state the statement limit with {{maxStatements}}, so it is the one checked against the"
                        + " verifier's cap",
                failure(PROMPTS, Map.of(V1, shippedText(V1), V2, v2.replace("{{maxStatements}}", "5"))));
        assertEquals(V2 + ": the template no longer states the citation rule (every statement cites its facts in"
                        + " \"citations\"), which the verifier enforces",
                failure(PROMPTS, Map.of(V1, shippedText(V1), V2, v2.replace("\"citations\"", "\"sources\""))));
    }

    @Test
    void theDefaultMustBeDeclaredAndHaveItsTemplate() {
        assertEquals(PromptVersions.FILE + ": ai-summary: \"default\" must name one of its \"versions\"",
                failure(PROMPTS.replace("\"default\": \"summary-v1\", ", ""), shippedTemplates()));
        assertEquals(PromptVersions.FILE + ": ai-summary: \"default\" must name one of its \"versions\"",
                failure(PROMPTS.replace("\"default\": \"summary-v1\"", "\"default\": \"summary-v0\""),
                        shippedTemplates()));
        assertEquals(PromptVersions.FILE + " declares ai-summary version summary-v1, but there is no "
                + V1, failure(PROMPTS, Map.of(V2, shippedText(V2))));
        assertEquals(PromptVersions.FILE + ": prompt ai-summary is missing", failure("{}", shippedTemplates()));
    }

    @Test
    void everyOtherVersionNeedsANoteAndALimitWithinTheVerifiersCap() {
        assertEquals(PromptVersions.FILE + ": ai-summary version summary-v2 needs a note saying what it is and how it"
                        + " differs from the default",
                failure(PROMPTS.replace(", \"note\": \"shorter\"", ""), shippedTemplates()));
        assertEquals(PromptVersions.FILE + ": ai-summary version summary-v2 needs a note saying what it is and how it"
                        + " differs from the default",
                failure(PROMPTS.replace("\"shorter\"", "\" \""), shippedTemplates()));
        assertEquals(PromptVersions.FILE + ": ai-summary version summary-v2: maxStatements must be 1 to 12 (the"
                        + " verifier's cap), was 13",
                failure(PROMPTS.replace("\"maxStatements\": 5", "\"maxStatements\": 13"), shippedTemplates()));
        assertEquals(PromptVersions.FILE + ": ai-summary version summary-v2: maxStatements must be 1 to 12 (the"
                        + " verifier's cap), was 0",
                failure(PROMPTS.replace("\"maxStatements\": 5", "\"maxStatements\": 0"), shippedTemplates()));
        assertEquals(PromptVersions.FILE + ": ai-summary version summary-v2: maxStatements must be a whole number",
                failure(PROMPTS.replace("\"maxStatements\": 5", "\"maxStatements\": \"5\""), shippedTemplates()));
        assertEquals(PromptVersions.FILE + ": ai-summary version summary-v2: unknown member \"notes\" (allowed:"
                        + " [maxStatements, note])",
                failure(PROMPTS.replace("\"note\"", "\"notes\""), shippedTemplates()));
        assertEquals(PromptVersions.FILE + ": ChartLens has no prompt ai-letter (known: [ai-summary])",
                failure(PROMPTS.replace("{\"ai-summary\": {", "{\"ai-letter\": {}, \"ai-summary\": {"),
                        shippedTemplates()));
    }

    @Test
    void aTemplatesNameMustBeItsPromptAndADeclaredVersion() {
        Map<String, String> templates = new HashMap<>(shippedTemplates());
        templates.put(PromptVersions.FOLDER + "/ai-summary@summary-v3.txt", shippedText(V2));
        assertEquals(PromptVersions.FOLDER + "/ai-summary@summary-v3.txt: " + PromptVersions.FILE + " declares no"
                        + " version summary-v3 of ai-summary; the file name and " + PromptVersions.FILE + " must agree",
                failure(PROMPTS, templates));

        templates = new HashMap<>(shippedTemplates());
        templates.put(PromptVersions.FOLDER + "/summary-v3.txt", shippedText(V2));
        assertEquals(PromptVersions.FOLDER + "/summary-v3.txt: name a prompt template <prompt id>@<version>.txt",
                failure(PROMPTS, templates));

        templates = new HashMap<>(shippedTemplates());
        templates.put(PromptVersions.FOLDER + "/ai-letter@letter-v1.txt", shippedText(V2));
        assertEquals(PromptVersions.FOLDER + "/ai-letter@letter-v1.txt: there is no prompt ai-letter in "
                + PromptVersions.FILE, failure(PROMPTS, templates));
    }

    @Test
    void windowsLineEndingsAndAMissingLastLineBreakDoNotChangeWhatIsSent() {
        String crlf = shippedText(V1).replace("\n", "\r\n").stripTrailing();
        PromptVersions versions = PromptVersions.load(files(PROMPTS, Map.of(V1, crlf, V2, shippedText(V2))));
        assertEquals(SUMMARY_V1_AS_CODE, versions.resolve(SummaryPrompts.ID, null).rule().system());
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }

    private static String shippedText(String path) {
        return WorkingTreeConfig.INSTANCE.read(path);
    }

    private static Map<String, String> shippedTemplates() {
        return Map.of(V1, shippedText(V1), V2, shippedText(V2));
    }

    private static String failure(String promptsJson, Map<String, String> templates) {
        ConfigFiles files = files(promptsJson, templates);
        return assertThrows(IllegalStateException.class, () -> PromptVersions.load(files)).getMessage();
    }

    private static ConfigFiles files(String promptsJson, Map<String, String> templates) {
        return new ConfigFiles() {
            @Override
            public String read(String path) {
                if (path.equals(PromptVersions.FILE)) {
                    return promptsJson;
                }
                if (templates.containsKey(path)) {
                    return templates.get(path);
                }
                throw new IllegalStateException("Configuration file smart-config/" + path + " not found");
            }

            @Override
            public List<String> list(String folder, String suffix) {
                return folder.equals(PromptVersions.FOLDER) && suffix.equals(".txt")
                        ? templates.keySet().stream().sorted().toList() : List.of();
            }
        };
    }
}
