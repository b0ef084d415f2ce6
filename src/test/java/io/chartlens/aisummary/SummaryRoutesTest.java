package io.chartlens.aisummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SummaryRoutesTest {

    private static final Map<String, String> PRIMARY_ENV = Map.of(
            "CHARTLENS_LLM_BASE_URL", "https://llm.example.org/v1/",
            "CHARTLENS_LLM_MODEL", "gpt-4o-mini",
            "CHARTLENS_LLM_API_KEY", "sk-secret-value");

    /** The repository's {@code smart-config/ai/routes.json}, as built into the war. */
    static String repositoryFile() {
        try (InputStream in = SummaryRoutesTest.class.getClassLoader()
                .getResourceAsStream("smart-config/" + SummaryRoutes.FILE)) {
            assertTrue(in != null, "smart-config/ai/routes.json is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void withNothingInTheEnvironmentTheRouteIsDeterministicOnly() throws Exception {
        SummaryRoute route = SummaryRoutes.parse(repositoryFile(), Map.<String, String>of()::get)
                .route("patient-summary");
        assertTrue(route.isEmpty());
        assertEquals(Duration.ofMillis(8000), route.timeout());
        assertEquals(List.of(
                "primary: CHARTLENS_LLM_BASE_URL, CHARTLENS_LLM_MODEL, CHARTLENS_LLM_API_KEY unset",
                "fallback: CHARTLENS_LLM_FALLBACK_BASE_URL, CHARTLENS_LLM_FALLBACK_MODEL, "
                        + "CHARTLENS_LLM_FALLBACK_API_KEY unset"), route.notConfigured());
    }

    @Test
    void aConfiguredModelJoinsTheChainAndAPartlyConfiguredOneIsSkipped() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(PRIMARY_ENV);
        env.put("CHARTLENS_LLM_FALLBACK_BASE_URL", "https://other.example.org/v1");
        env.put("CHARTLENS_LLM_FALLBACK_MODEL", " ");
        SummaryRoute route = SummaryRoutes.parse(repositoryFile(), env::get).route("patient-summary");

        assertEquals(List.of(new SummaryRoute.Model("primary", "https://llm.example.org/v1", "gpt-4o-mini",
                "sk-secret-value")), route.chain());
        assertEquals("primary:gpt-4o-mini", route.chain().get(0).id());
        assertEquals(List.of("fallback: CHARTLENS_LLM_FALLBACK_MODEL, CHARTLENS_LLM_FALLBACK_API_KEY unset"),
                route.notConfigured());
        assertFalse(route.toString().contains("sk-secret-value"), "the key never prints: " + route);
    }

    @Test
    void aModelWithoutAKeyVariableNeedsNoKey() throws Exception {
        String json = """
                {"routes": {"t": {"chain": ["local"], "timeoutMs": 2500}},
                 "models": {"local": {"baseUrlEnv": "U", "modelEnv": "M"}}}""";
        SummaryRoute route = SummaryRoutes.parse(json, Map.of("U", "http://localhost:11434/v1", "M", "llama")::get)
                .route("t");
        assertEquals(1, route.chain().size());
        assertNull(route.chain().get(0).apiKey());
        assertEquals(Duration.ofMillis(2500), route.timeout());
    }

    @Test
    void aTaskWithoutARouteIsDeterministicOnly() throws Exception {
        SummaryRoute route = SummaryRoutes.parse(repositoryFile(), PRIMARY_ENV::get).route("discharge-letter");
        assertTrue(route.isEmpty());
        assertEquals(List.of("no route for task discharge-letter in smart-config/ai/routes.json"),
                route.notConfigured());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            not json                                                                             | Invalid JSON
            {"models": {}}                                                                       | Missing JSON object member with key routes
            {"routes": {"t": {"chain": ["nope"]}}, "models": {}}                                 | route t names model nope, which "models" does not define
            {"routes": {"t": {"chain": ["a", "a"]}}, "models": {"a": {"baseUrlEnv": "S", "modelEnv": "M"}}} | route t names model a twice
            {"routes": {"t": {"chain": [], "timeoutMs": 0}}, "models": {}}                       | route t: timeoutMs must be 1 to 120000 (was 0)
            {"routes": {"t": {"chain": ["a"]}}, "models": {"a": {"baseUrlEnv": "no-dash", "modelEnv": "M"}}} | model a: baseUrlEnv must name an environment variable
            {"routes": {"t": {"chain": ["a"]}}, "models": {"a": {"baseUrlEnv": "U", "modelEnv": "M"}}} | model a: U must be an https URL
            {"routes": {"t": {"chain": ["a"]}}, "models": {"a": {"baseUrlEnv": "BAD", "modelEnv": "M"}}} | model a: BAD must be an http(s) URL
            {"routes": {"t t": {"chain": []}}, "models": {}}                                     | bad route name "t t"
            """)
    void badConfigurationFailsNamingTheFile(String json, String reason) {
        Map<String, String> env = Map.of("U", "http://llm.internal:8000/v1", "S", "https://llm.internal/v1", "BAD", "ftp://x/v1",
                "M", "m");
        SummaryRoutesException e = assertThrows(SummaryRoutesException.class, () -> SummaryRoutes.parse(json,
                env::get));
        assertTrue(e.getMessage().startsWith("smart-config/ai/routes.json is invalid: "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void plainHttpOffLoopbackNeedsConsent() throws Exception {
        String json = """
                {"routes": {"t": {"chain": ["a"]}},
                 "models": {"a": {"baseUrlEnv": "U", "modelEnv": "M", "allowPlainHttp": true}}}""";
        SummaryRoute route = SummaryRoutes.parse(json, Map.of("U", "http://llm.internal:8000/v1", "M", "m")::get)
                .route("t");
        assertEquals("http://llm.internal:8000/v1", route.chain().get(0).baseUrl());
    }
}
