package io.chartlens.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.ParseException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmartConfigurationTest {

    private static final String ENDPOINTS = "\"authorization_endpoint\":\"https://ehr.example.org/authorize\","
            + "\"token_endpoint\":\"https://ehr.example.org/token\"";

    @Test
    void parsesAFullConfiguration() throws ParseException {
        SmartConfiguration c = SmartConfiguration.parse("{" + ENDPOINTS
                + ",\"issuer\":\"https://ehr.example.org\",\"jwks_uri\":\"https://ehr.example.org/jwks\""
                + ",\"capabilities\":[\"launch-ehr\",\"client-confidential-asymmetric\"]"
                + ",\"code_challenge_methods_supported\":[\"S256\",\"plain\"]}");
        assertEquals(Optional.of("https://ehr.example.org"), c.issuer());
        assertEquals(Optional.of(URI.create("https://ehr.example.org/jwks")), c.jwksUri());
        assertEquals(URI.create("https://ehr.example.org/authorize"), c.authorizationEndpoint());
        assertEquals(URI.create("https://ehr.example.org/token"), c.tokenEndpoint());
        assertEquals(Set.of("launch-ehr", "client-confidential-asymmetric"), c.capabilities());
        assertEquals(Set.of("S256", "plain"), c.codeChallengeMethods());
    }

    @Test
    void issuerAndJwksUriAreOptional() throws ParseException {
        SmartConfiguration c = SmartConfiguration.parse("{" + ENDPOINTS + "}");
        assertEquals(Optional.empty(), c.issuer());
        assertEquals(Optional.empty(), c.jwksUri());
        assertEquals(Set.of(), c.capabilities());
    }

    @Test
    void missingAuthorizationEndpointIsRejected() {
        assertThrows(ParseException.class,
                () -> SmartConfiguration.parse("{\"token_endpoint\":\"https://ehr.example.org/token\"}"));
    }

    @Test
    void missingTokenEndpointIsRejected() {
        assertThrows(ParseException.class,
                () -> SmartConfiguration.parse("{\"authorization_endpoint\":\"https://ehr.example.org/authorize\"}"));
    }

    @Test
    void onlyPlainPkceIsRejected() {
        ParseException e = assertThrows(ParseException.class, () -> SmartConfiguration.parse(
                "{" + ENDPOINTS + ",\"code_challenge_methods_supported\":[\"plain\"]}"));
        assertEquals("EHR does not support PKCE S256 (declares [plain])", e.getMessage());
    }

    @Test
    void emptyPkceMethodsAreAccepted() throws ParseException {
        SmartConfiguration c = SmartConfiguration.parse("{" + ENDPOINTS + ",\"code_challenge_methods_supported\":[]}");
        assertEquals(Set.of(), c.codeChallengeMethods());
    }

    @Test
    void missingPkceMethodsAreAccepted() throws ParseException {
        assertEquals(Set.of(), SmartConfiguration.parse("{" + ENDPOINTS + "}").codeChallengeMethods());
    }

    @Test
    void s256AloneIsAccepted() throws ParseException {
        SmartConfiguration c = SmartConfiguration.parse(
                "{" + ENDPOINTS + ",\"code_challenge_methods_supported\":[\"S256\"]}");
        assertEquals(Set.of("S256"), c.codeChallengeMethods());
    }

    @Test
    void notJsonIsRejected() {
        assertThrows(ParseException.class, () -> SmartConfiguration.parse("<html>not found</html>"));
    }

    @Test
    void nonStringCapabilitiesAreAParseException() {
        assertThrows(ParseException.class,
                () -> SmartConfiguration.parse("{" + ENDPOINTS + ",\"capabilities\":[\"launch-ehr\",42]}"));
    }

    @Test
    void setsAreImmutable() throws ParseException {
        SmartConfiguration c = SmartConfiguration.parse(
                "{" + ENDPOINTS + ",\"code_challenge_methods_supported\":[\"S256\"],\"capabilities\":[\"launch-ehr\"]}");
        assertThrows(UnsupportedOperationException.class, () -> c.capabilities().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> c.codeChallengeMethods().add("plain"));
        assertTrue(c.capabilities().contains("launch-ehr"));
    }
}
