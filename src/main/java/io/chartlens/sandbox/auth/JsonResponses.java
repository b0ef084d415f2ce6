package io.chartlens.sandbox.auth;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes the sandbox's public JSON documents (discovery, JWKS, style). */
final class JsonResponses {

    private JsonResponses() {}

    static void write(HttpServletResponse resp, String json) throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.getWriter().write(json);
    }
}
