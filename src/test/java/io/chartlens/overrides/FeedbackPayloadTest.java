package io.chartlens.overrides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedbackPayloadTest {

    @Test
    void sortsKeysAndWritesNoWhiteSpace() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1);
        m.put("a", Arrays.asList("x", null, true, CardType.SCORE));
        m.put("M", Map.of());
        assertEquals("{\"M\":{},\"a\":[\"x\",null,true,\"SCORE\"],\"z\":1}", FeedbackPayload.canonicalJson(m));
    }

    @Test
    void numbersArePlainAndMinimal() {
        assertEquals("[7.2,1000,0,-0.5,0.1,130,12345678901234567890]", FeedbackPayload.canonicalJson(List.of(
                new BigDecimal("7.20"), new BigDecimal("1E+3"), 0.0, -0.5, 0.1f, 130L,
                new java.math.BigInteger("12345678901234567890"))));
        assertThrows(IllegalArgumentException.class, () -> FeedbackPayload.canonicalJson(List.of(Double.NaN)));
        assertThrows(IllegalArgumentException.class,
                () -> FeedbackPayload.canonicalJson(List.of(java.time.Instant.EPOCH)));
    }

    @Test
    void escapesSoTheEntryAcceptsIt() {
        String json = FeedbackPayload.canonicalJson(Map.of("s", "a\"b\\c\nd\u0001e\u0085f\u2028 é"));
        assertEquals("{\"s\":\"a\\\"b\\\\c\\nd\\u0001e\\u0085f\\u2028 é\"}", json);
        new FeedbackEntry("a", null, "e", "p", null, CardType.SCORE, "r", "1", FeedbackOutcome.ACCEPTED, null, null,
                json, null);
    }

    @Test
    void correctionShape() {
        assertEquals("{\"correction\":{\"input\":\"sbp\",\"new\":150,\"old\":130,\"scoreAfter\":12.1,"
                + "\"scoreBefore\":9.8},\"inputs\":{\"sbp\":{\"id\":\"Observation/1\",\"value\":130}}}",
                FeedbackPayload.correction(Map.of("sbp", Map.of("id", "Observation/1", "value", 130)), "sbp", 130,
                        150, 9.8, 12.1));
    }
}
