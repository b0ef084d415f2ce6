package io.chartlens.system;

import io.chartlens.launch.EhrRegistration;
import io.chartlens.launch.EhrRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds the Content-Security-Policy, with {@code frame-ancestors} taken from the EHR registrations. */
@ApplicationScoped
public class FrameAncestors {

    private static final String BASE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'";

    @Inject
    EhrRegistry registry;

    /** Narrows the policy of this response to one EHR's allowed framers. */
    public void apply(HttpServletResponse response, EhrRegistration registration) {
        response.setHeader("Content-Security-Policy", policy(registration.frameAncestors()));
    }

    public List<String> allRegistered() {
        Set<String> sources = new LinkedHashSet<>();
        registry.all().forEach(r -> sources.addAll(r.frameAncestors()));
        sources.remove("'none'");
        return sources.isEmpty() ? List.of("'none'") : List.copyOf(sources);
    }

    public String policy(List<String> ancestors) {
        return BASE_POLICY + "; frame-ancestors " + String.join(" ", ancestors);
    }
}
