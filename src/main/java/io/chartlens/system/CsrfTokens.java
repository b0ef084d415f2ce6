package io.chartlens.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Synchronizer tokens against cross-site request forgery (OWASP CSRF Prevention): one random token per session,
 * put in every form as {@code _csrf} and checked on every POST with a constant-time comparison. SameSite=None
 * cookies (needed inside the EHR frame) do not protect a framed app on their own.
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String FIELD = "_csrf";
    static final String ATTRIBUTE = "chartlens.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The session's token, created on first use. */
    public String tokenFor(HttpSession session) {
        synchronized (session) {
            String token = (String) session.getAttribute(ATTRIBUTE);
            if (token == null) {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                session.setAttribute(ATTRIBUTE, token);
            }
            return token;
        }
    }

    /** True only when the request carries the token of its own session. */
    public boolean isValid(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String presented = request.getParameter(FIELD);
        if (session == null || presented == null) {
            return false;
        }
        String expected = (String) session.getAttribute(ATTRIBUTE);
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
