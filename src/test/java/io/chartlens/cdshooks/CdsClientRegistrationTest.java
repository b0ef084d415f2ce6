package io.chartlens.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.ParseException;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CdsClientRegistrationTest {

    @Test
    void parsesAProductionRegistrationWithTheSpecsDefaultAlgorithms() throws Exception {
        CdsClientRegistration r = CdsClientRegistration.parse("""
                {"id": "hospital", "name": "Hospital", "iss": "https://ehr.example.org/cds/",
                 "jwksUrl": "https://ehr.example.org/jwks.json", "ehr": "hospital-epic"}""");
        assertEquals("https://ehr.example.org/cds", r.iss(), "trailing slash dropped");
        assertEquals(URI.create("https://ehr.example.org/jwks.json"), r.jwksUrl());
        assertEquals(Set.of(JWSAlgorithm.ES384, JWSAlgorithm.RS384), r.algorithms());
        assertEquals("hospital-epic", r.ehr());
    }

    @Test
    void refusesPlainHttpKeysSymmetricAlgorithmsAndNone() {
        assertRefused("""
                {"id": "h", "name": "H", "iss": "https://a", "jwksUrl": "http://ehr/jwks", "ehr": "e"}""",
                "jwksUrl must be an https URL");
        assertRefused("""
                {"id": "h", "name": "H", "iss": "https://a", "jwksUrl": "https://ehr/jwks", "ehr": "e",
                 "algorithms": ["HS256"]}""", "algorithm HS256 is not an asymmetric");
        assertRefused("""
                {"id": "h", "name": "H", "iss": "https://a", "jwksUrl": "https://ehr/jwks", "ehr": "e",
                 "algorithms": ["none"]}""", "algorithm none is not an asymmetric");
        assertRefused("""
                {"id": "h", "name": "H", "iss": "https://a", "jwksUrl": "https://ehr/jwks", "ehr": "e",
                 "algorithms": []}""", "algorithms must name at least one");
    }

    @Test
    void theSandboxClientIsDevelopmentOnlyAndItsPublishedKeysAreThePublicHalfOfTheCommittedOnes() throws Exception {
        CdsClientRegistration sandbox = CdsClientRegistration.parse(CdsFixtures.CONFIG.read("cds-clients/sandbox.json")
                .replace("${chartlens.base-url}", "http://localhost:9080"));
        assertTrue(sandbox.developmentOnly());
        assertEquals("http://localhost:9080/sandbox/cds-client", sandbox.iss());
        assertEquals(URI.create("http://localhost:9080/sandbox/cds-client/jwks"), sandbox.jwksUrl());
        assertEquals("sandbox", sandbox.ehr());
        JWKSet published = JWKSet.parse(CdsFixtures.CONFIG.read("sandbox/cds-client.jwks.json"));
        JWKSet secret = JWKSet.parse(CdsFixtures.CONFIG.read("sandbox/cds-client.private.jwks.json"));
        assertTrue(published.getKeys().stream().noneMatch(JWK::isPrivate));
        assertTrue(secret.getKeys().stream().allMatch(JWK::isPrivate));
        assertEquals(secret.toPublicJWKSet().getKeys().stream().map(JWK::toJSONObject).toList(),
                published.getKeys().stream().map(JWK::toJSONObject).toList());
        assertEquals(Set.of("ES384", "RS384"), Set.copyOf(secret.getKeys().stream()
                .map(k -> k.getAlgorithm().getName()).toList()));
    }

    private static void assertRefused(String json, String reason) {
        ParseException e = assertThrows(ParseException.class, () -> CdsClientRegistration.parse(json));
        assertTrue(e.getMessage().startsWith(reason), e.getMessage());
    }
}
