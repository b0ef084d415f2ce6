package io.chartlens.overrides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PatientPseudonymsTest {

    /** From: echo -n pat-1 | openssl dgst -sha256 -mac HMAC -macopt hexkey:000102...1f */
    private static final String EXPECTED = Fixtures.PATIENT_KEY;

    @Test
    void hmacMatchesOpenssl() {
        PatientPseudonyms p = PatientPseudonyms.fromConfig(Optional.of(Fixtures.TEST_KEY_HEX), false);
        assertEquals(EXPECTED, p.keyOf("pat-1"));
        assertEquals(EXPECTED, p.keyOf(" pat-1 "));
    }

    @Test
    void acceptsHexAndBase64Forms() {
        String b64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        for (String form : new String[] {Fixtures.TEST_KEY_HEX, Fixtures.TEST_KEY_HEX.toUpperCase(),
                "hex:" + Fixtures.TEST_KEY_HEX, b64, "base64:" + b64, b64.replace("=", ""),
                "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}) {
            assertEquals(EXPECTED, PatientPseudonyms.fromConfig(Optional.of(form), false).keyOf("pat-1"), form);
        }
    }

    @Test
    void refusesMissingShortOrMalformedKeys() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> PatientPseudonyms.fromConfig(Optional.empty(), false));
        assertTrue(missing.getMessage().contains("chartlens.pseudonym.key is not configured"));
        assertThrows(IllegalStateException.class, () -> PatientPseudonyms.fromConfig(Optional.of(" "), false));
        assertThrows(IllegalStateException.class, () -> PatientPseudonyms.fromConfig(Optional.of("00ff"), true));
        IllegalStateException bad = assertThrows(IllegalStateException.class,
                () -> PatientPseudonyms.fromConfig(Optional.of("not a key!"), true));
        assertTrue(!bad.getMessage().contains("not a key"), "never quotes the secret");
    }

    @Test
    void sandboxFallsBackToTheDevelopmentKey() {
        // echo -n pat-1 | openssl dgst -sha256 -mac HMAC -macopt hexkey:<DEVELOPMENT_KEY_HEX>
        assertEquals("b23183e3f35facf2f06466a3aedd5a3eff524225bcca140b5d30b99294f2e7bd",
                PatientPseudonyms.fromConfig(Optional.empty(), true).keyOf("pat-1"));
    }
}
