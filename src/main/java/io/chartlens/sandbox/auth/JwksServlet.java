package io.chartlens.sandbox.auth;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The sandbox authorization server's public signing keys, the {@code jwks_uri} (RFC 7517 §5 JWK set). */
public class JwksServlet extends HttpServlet {

    @Inject
    SandboxAuthority authority;

    /** For the servlet container (CDI field injection). */
    public JwksServlet() {}

    public JwksServlet(SandboxAuthority authority) {
        this.authority = authority;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // publicJwkSet() holds public keys only; toString(true) would drop private parts anyway.
        JsonResponses.write(resp, authority.publicJwkSet().toString(true));
    }
}
