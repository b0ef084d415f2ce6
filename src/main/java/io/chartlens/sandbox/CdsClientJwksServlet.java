package io.chartlens.sandbox;

import com.nimbusds.jose.jwk.JWKSet;
import io.chartlens.system.ConfigFiles;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.ParseException;

/**
 * {@code GET /sandbox/cds-client/jwks}: the public JWK Set (RFC 7517 §5) of the sandbox CDS client, the
 * {@code jwksUrl} of {@code smart-config/cds-clients/sandbox.json}. It plays the part of an EHR's CDS Hooks client key
 * set (CDS Hooks 2.0, Trusting CDS Clients). The keys are the committed, well-known development keys
 * ({@code smart-config/sandbox/cds-client.jwks.json}); mapped only when the sandbox is enabled.
 */
public class CdsClientJwksServlet extends HttpServlet {

    static final String FILE = "sandbox/cds-client.jwks.json";

    @Inject
    ConfigFiles configFiles;

    private String publicJwks;

    @Override
    public void init() throws ServletException {
        try {
            JWKSet set = JWKSet.parse(configFiles.read(FILE));
            if (set.getKeys().isEmpty() || set.getKeys().stream().anyMatch(k -> k.isPrivate())) {
                throw new ServletException("smart-config/" + FILE + " must hold public keys only");
            }
            publicJwks = set.toString(true);
        } catch (ParseException e) {
            throw new ServletException("smart-config/" + FILE + " is not a JWK Set: " + e.getMessage(), e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(publicJwks);
    }
}
