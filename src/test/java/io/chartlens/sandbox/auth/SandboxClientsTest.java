package io.chartlens.sandbox.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxClientsTest {

    final SandboxClients clients;

    SandboxClientsTest() throws Exception {
        clients = new SandboxClients(SandboxAuthServer.registeredClients("http://localhost:9080"));
    }

    @Test
    void privateKeyJwtClientIsRegisteredWithThePublicPartOfTheDevelopmentKey() throws Exception {
        ClientInformation client = clients.find(SandboxAuthServer.PRIVATE_KEY_CLIENT).orElseThrow();
        assertEquals(ClientAuthenticationMethod.PRIVATE_KEY_JWT, client.getMetadata().getTokenEndpointAuthMethod());
        assertEquals(java.util.Set.of(URI.create("http://localhost:9080/callback")),
                client.getMetadata().getRedirectionURIs());
        RSAKey privateKey = SandboxAuthServer.clientPrivateKey();
        assertEquals("chartlens-sandbox-dev-2026", privateKey.getKeyID());
        assertEquals(2048, privateKey.size());
        JWK registered = client.getMetadata().getJWKSet().getKeyByKeyId("chartlens-sandbox-dev-2026");
        assertFalse(registered.isPrivate());
        assertEquals(privateKey.toPublicJWK().toJSONObject(), registered.toJSONObject());
    }

    @Test
    void basicClientHasAWellKnownDevelopmentSecret() {
        ClientInformation client = clients.find(SandboxAuthServer.SECRET_CLIENT).orElseThrow();
        assertEquals(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, client.getMetadata().getTokenEndpointAuthMethod());
        assertTrue(client.getSecret().getValue().contains("NOT-FOR-PRODUCTION"));
    }

    @Test
    void fileNotMarkedDevelopmentOnlyIsRefused() {
        var e = assertThrows(ParseException.class, () -> SandboxClients.parse("{\"clients\": []}"));
        assertTrue(e.getMessage().contains("developmentOnly"));
    }

    @Test
    void privateKeyJwtClientWithoutJwksIsRefused() {
        String json = """
                {"developmentOnly": true, "clients": [{"client_id": "x", "redirect_uris": ["https://a/cb"],
                 "token_endpoint_auth_method": "private_key_jwt"}]}""";
        assertThrows(ParseException.class, () -> SandboxClients.parse(json));
    }

    @Test
    void unknownClientIsNotFound() {
        assertTrue(new SandboxClients(List.of()).find(SandboxAuthServer.PRIVATE_KEY_CLIENT).isEmpty());
        assertTrue(clients.find(null).isEmpty());
    }
}
