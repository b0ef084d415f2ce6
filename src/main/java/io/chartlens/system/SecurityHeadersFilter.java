package io.chartlens.system;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response. The default {@code frame-ancestors} is the union of the registered EHRs'
 * (ChartLens is only ever framed by a registered EHR); pages that know their launch narrow it to that EHR with
 * {@link FrameAncestors#apply}.
 */
@WebFilter(urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {

    @Inject
    FrameAncestors frameAncestors;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", frameAncestors.policy(frameAncestors.allRegistered()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        // Authorization codes and launch ids travel in URLs: never leak them through Referer.
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        chain.doFilter(request, response);
    }
}
