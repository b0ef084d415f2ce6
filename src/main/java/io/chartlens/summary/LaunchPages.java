package io.chartlens.summary;

import io.chartlens.launch.CurrentLaunch;
import io.chartlens.launch.LaunchException;
import io.chartlens.launch.LaunchSession;
import io.chartlens.system.ErrorPages;
import io.chartlens.system.FrameAncestors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The start of every full page of a launch: find the launch named by {@code ctx} (refreshing its token), narrow the
 * page's {@code frame-ancestors} to that launch's EHR, or render the page that asks for a relaunch.
 */
@ApplicationScoped
public class LaunchPages {

    @Inject
    CurrentLaunch currentLaunch;
    @Inject
    ErrorPages errors;
    @Inject
    FrameAncestors frameAncestors;

    /** The registration of a resolved launch (it existed a moment ago; a removed one is a configuration error). */
    public io.chartlens.launch.EhrRegistration registration(LaunchSession launch) {
        return currentLaunch.registration(launch).orElseThrow(() ->
                new IllegalStateException("EHR registration " + launch.registrationId() + " was removed"));
    }

    /** The launch, or empty after an error page has been rendered. */
    public Optional<LaunchSession> resolve(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        try {
            LaunchSession launch = currentLaunch.require(request);
            currentLaunch.registration(launch).ifPresent(r -> frameAncestors.apply(response, r));
            return Optional.of(launch);
        } catch (LaunchException e) {
            errors.render(request, response, e.toPage(null));
            return Optional.empty();
        }
    }
}
