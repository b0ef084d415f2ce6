package io.chartlens.cdshooks;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.minidev.json.JSONObject;

/**
 * The HTTP side of the CDS Hooks endpoints: JSON bodies, refusals as {@code {"error", "reason", "detail"}} (401 with
 * {@code WWW-Authenticate: Bearer}), request bodies read up to a limit, and CORS for browser-based CDS clients.
 *
 * <p>CORS (CDS Hooks 2.0, Cross-Origin Resource Sharing; OWASP HTML5 cheat sheet): any origin may call, because
 * nothing here relies on ambient credentials: there are no cookies and no session on these paths, and every call
 * must carry a JWT signed by a registered client. So {@code Access-Control-Allow-Origin: *} without
 * {@code Allow-Credentials}.
 */
final class CdsResponses {

    private static final Logger LOG = Logger.getLogger(CdsResponses.class.getName());

    private CdsResponses() {
    }

    static void cors(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
        response.setHeader("Access-Control-Expose-Headers", "Server-Timing");
        response.setHeader("Access-Control-Max-Age", "600");
    }

    static void json(HttpServletResponse response, int status, JSONObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body.toJSONString());
    }

    static void failure(HttpServletRequest request, HttpServletResponse response, CdsHooksException e)
            throws IOException {
        CdsFailure failure = e.failure();
        LOG.log(failure.status() >= 500 ? Level.WARNING : Level.INFO, "CDS Hooks request refused: {0} {1} {2}{3}",
                new Object[] {failure.status(), failure, request.getPathInfo() == null ? "/" : request.getPathInfo(),
                        e.detail() == null ? "" : " (" + e.detail() + ")"});
        if (failure.status() == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        JSONObject body = new JSONObject();
        body.put("error", failure.name());
        body.put("reason", failure.reason());
        if (e.detail() != null) {
            body.put("detail", e.detail());
        }
        json(response, failure.status(), body);
    }

    /** The body as UTF-8 text. @throws CdsHooksException REQUEST_TOO_LARGE past {@code max} bytes */
    static String body(HttpServletRequest request, int max) throws IOException, CdsHooksException {
        if (request.getContentLengthLong() > max) {
            throw new CdsHooksException(CdsFailure.REQUEST_TOO_LARGE, "more than " + max + " bytes");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = request.getInputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (bytes.size() + n > max) {
                    throw new CdsHooksException(CdsFailure.REQUEST_TOO_LARGE, "more than " + max + " bytes");
                }
                bytes.write(buffer, 0, n);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
