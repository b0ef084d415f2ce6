package io.chartlens.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The one place that turns a failure into a page that says what happened and what to do. Each page has a short
 * reference id that is also in the log line (which never carries tokens or patient data), so support can match them.
 */
@ApplicationScoped
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A failure as the user sees it. {@code continueUrl} is an optional way forward (may be null). */
    public record PageFailure(int status, String code, String message, String action, String detail,
                              String continueUrl) {
    }

    @Inject
    Pages pages;

    public void render(HttpServletRequest request, HttpServletResponse response, PageFailure failure)
            throws IOException {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        String reference = HexFormat.of().formatHex(bytes);
        LOG.warning("Request failed: ref=" + reference + " code=" + failure.code() + " status=" + failure.status()
                + " path=" + request.getServletPath() + " detail=" + failure.detail());
        Map<String, Object> model = new HashMap<>();
        model.put("failure", failure);
        model.put("reference", reference);
        pages.render(request, response, failure.status(), "system/error", model);
    }
}
