package io.chartlens.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void nullIsShownAsNone() {
        assertEquals("(none)", LogSafe.of(null));
    }

    @Test
    void ordinaryValueIsUnchanged() {
        assertEquals("https://ehr.example.org/fhir?x=1 ü", LogSafe.of("https://ehr.example.org/fhir?x=1 ü"));
    }

    @Test
    void asciiControlCharactersAreReplaced() {
        assertEquals("a?b?c?d?e?f", LogSafe.of("a\rb\nc\td\u0000e\u007ff"));
    }

    @Test
    void forgedLogLineIsKeptOnOneLine() {
        assertEquals("x??INFO: admin logged in", LogSafe.of("x\r\nINFO: admin logged in"));
    }

    @Test
    void unicodeLineBreaksAreReplaced() {
        // "no line breaks": NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR are line terminators too (java.util.regex, \R).
        assertEquals("a?b?c?d", LogSafe.of("a\u0085b\u2028c\u2029d"));
    }

    @Test
    void valueOfExactlyTheLimitIsKept() {
        String value = "a".repeat(200);
        assertEquals(value, LogSafe.of(value));
    }

    @Test
    void longValueIsTruncatedWithAnEllipsis() {
        assertEquals("b".repeat(200) + "…", LogSafe.of("b".repeat(201)));
        assertEquals("c".repeat(200) + "…", LogSafe.of("c".repeat(10_000)));
    }

    @Test
    void truncationHappensAfterReplacement() {
        assertEquals("?".repeat(200) + "…", LogSafe.of("\n".repeat(300)));
    }
}
