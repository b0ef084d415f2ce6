package io.chartlens.sandbox.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.net.http.HttpResponse;
import java.util.List;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DiscoveryServletsTest {

    static SandboxAuthServer server;
    static SmartApp app;

    @BeforeAll
    static void start() throws Exception {
        server = new SandboxAuthServer();
        app = new SmartApp(server);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static JSONObject json(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        return JSONObjectUtils.parse(response.body());
    }

    @Test
    void smartConfigurationAdvertisesTheEndpointsAndCapabilities() throws Exception {
        JSONObject config = json(app.get(server.url("/sandbox/fhir/.well-known/smart-configuration")));
        String base = server.endpoints.baseUrl();
        assertEquals(base + "/sandbox/auth", config.get("issuer"));
        assertEquals(base + "/sandbox/auth/authorize", config.get("authorization_endpoint"));
        assertEquals(base + "/sandbox/auth/token", config.get("token_endpoint"));
        assertEquals(base + "/sandbox/auth/jwks", config.get("jwks_uri"));
        assertEquals(List.of("S256"), JSONObjectUtils.getStringList(config, "code_challenge_methods_supported"));
        assertEquals(List.of("code"), JSONObjectUtils.getStringList(config, "response_types_supported"));
        assertEquals(List.of("authorization_code", "refresh_token"),
                JSONObjectUtils.getStringList(config, "grant_types_supported"));
        assertEquals(List.of("private_key_jwt", "client_secret_basic"),
                JSONObjectUtils.getStringList(config, "token_endpoint_auth_methods_supported"));
        assertTrue(JSONObjectUtils.getStringList(config, "token_endpoint_auth_signing_alg_values_supported")
                .contains("RS384"));
        List<String> capabilities = JSONObjectUtils.getStringList(config, "capabilities");
        assertTrue(capabilities.containsAll(List.of("launch-ehr", "launch-standalone", "authorize-post",
                "client-confidential-asymmetric", "context-ehr-patient", "permission-v2", "sso-openid-connect")));
        assertTrue(JSONObjectUtils.getStringList(config, "scopes_supported").contains("launch/patient"));
    }

    @Test
    void jwksPublishesThePublicSigningKeyOnly() throws Exception {
        JSONObject body = json(app.get(server.url("/sandbox/auth/jwks")));
        JWKSet set = JWKSet.parse(body);
        assertEquals(1, set.getKeys().size());
        assertFalse(set.getKeys().get(0).isPrivate());
        assertEquals(server.authority.publicJwkSet().getKeys().get(0).getKeyID(), set.getKeys().get(0).getKeyID());
        assertEquals("RS256", set.getKeys().get(0).getAlgorithm().getName());
    }

    @Test
    void smartStyleHasTheSpecProperties() throws Exception {
        JSONObject style = json(app.get(server.url("/sandbox/smart-style.json")));
        for (String key : List.of("color_background", "color_error", "color_highlight", "color_modal_backdrop",
                "color_success", "color_text", "dim_border_radius", "dim_font_size", "dim_spacing_size",
                "font_family_body", "font_family_heading")) {
            assertTrue(style.containsKey(key), key);
        }
    }
}
