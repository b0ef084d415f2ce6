package io.chartlens.sandbox.auth;

import io.chartlens.sandbox.SandboxSettings;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.minidev.json.JSONObject;

/** The sandbox's SMART discovery document, {@code .well-known/smart-configuration} (SMART App Launch 2.x §2.0.4). */
public class SmartConfigurationServlet extends HttpServlet {

    static final List<String> CAPABILITIES = List.of("launch-ehr", "launch-standalone", "authorize-post",
            "client-confidential-symmetric", "client-confidential-asymmetric", "context-ehr-patient",
            "context-ehr-encounter", "context-standalone-patient", "context-banner", "context-style",
            "permission-offline", "permission-patient", "permission-user", "permission-v2", "sso-openid-connect");

    @Inject
    SandboxSettings settings;

    private SandboxEndpoints endpoints;

    /** For the servlet container (CDI field injection). */
    public SmartConfigurationServlet() {}

    public SmartConfigurationServlet(SandboxEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public void init() {
        if (endpoints == null) {
            endpoints = SandboxEndpoints.from(settings);
        }
    }

    /** The discovery document's JSON. */
    JSONObject smartConfiguration() {
        JSONObject o = new JSONObject();
        o.put("issuer", endpoints.issuer());
        o.put("jwks_uri", endpoints.jwksUri().toString());
        o.put("authorization_endpoint", endpoints.authorizationEndpoint().toString());
        o.put("token_endpoint", endpoints.tokenEndpoint().toString());
        o.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        o.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt", "client_secret_basic"));
        o.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "ES384", "RS256"));
        List<String> scopes = new ArrayList<>(SmartScopes.CONTEXT_AND_IDENTITY);
        scopes.addAll(List.of("patient/*.rs", "user/*.rs", "patient/*.read", "user/*.read"));
        o.put("scopes_supported", scopes);
        o.put("response_types_supported", List.of("code"));
        o.put("code_challenge_methods_supported", List.of("S256"));
        o.put("capabilities", CAPABILITIES);
        return o;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        JsonResponses.write(resp, smartConfiguration().toJSONString());
    }
}
