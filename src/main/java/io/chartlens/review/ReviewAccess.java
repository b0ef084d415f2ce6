package io.chartlens.review;

import io.chartlens.launch.CurrentLaunch;
import io.chartlens.launch.EhrRegistration;
import io.chartlens.launch.LaunchException;
import io.chartlens.launch.LaunchSession;
import io.chartlens.system.ErrorPages;
import io.chartlens.system.FrameAncestors;
import io.chartlens.system.audit.AuditAction;
import io.chartlens.system.audit.AuditOutcome;
import io.chartlens.system.audit.AuditRecord;
import io.chartlens.system.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Who may see the review pages: a signed-in launch (usually a standalone provider launch, no patient) whose
 * {@code fhirUser} maps to an allowed role in {@code smart-config/roles.json}. Everyone else gets a 403 page that
 * says which role is needed. Every page view and export is audited.
 */
@ApplicationScoped
public class ReviewAccess {

    /** What the audit trail records as the patient of a review action: the log is pseudonymised, no one patient. */
    public static final String NO_SINGLE_PATIENT = "-";

    /** The roles that see the review pages. */
    public static final Set<ReviewRole> REVIEWERS = Set.of(ReviewRole.INFORMATICIST, ReviewRole.ADMIN);

    @Inject
    CurrentLaunch currentLaunch;
    @Inject
    ErrorPages errors;
    @Inject
    FrameAncestors frameAncestors;
    @Inject
    ReviewRoleCatalog roles;
    @Inject
    AuditTrail audit;

    /** A signed-in reviewer. */
    public record Reviewer(LaunchSession launch, EhrRegistration registration, ReviewRole role) {
        public String user() {
            return launch.user().orElse("unknown-user");
        }
    }

    /** The role of a launch's user. */
    public ReviewRole roleOf(LaunchSession launch) {
        return roles.roles().roleOf(launch.user().orElse(null));
    }

    /**
     * The reviewer, or empty after an error page was rendered: the session's launch is missing (401-type page) or
     * the user's role is not in {@code allowed} (403).
     */
    public Optional<Reviewer> require(HttpServletRequest request, HttpServletResponse response, Set<ReviewRole> allowed)
            throws IOException {
        LaunchSession launch;
        EhrRegistration registration;
        try {
            launch = currentLaunch.require(request);
            registration = currentLaunch.registration(launch).orElseThrow(() -> new IllegalStateException(
                    "EHR registration " + launch.registrationId() + " was removed"));
        } catch (LaunchException e) {
            errors.render(request, response, e.toPage(null));
            return Optional.empty();
        }
        frameAncestors.apply(response, registration);
        ReviewRole role = roleOf(launch);
        if (!allowed.contains(role)) {
            errors.render(request, response, new ErrorPages.PageFailure(403, "ROLE_REQUIRED",
                    "This page is for " + describe(allowed) + ". You are signed in as a " + role.code() + ".",
                    "Ask your ChartLens administrator for access, or open ChartLens from a patient's chart.",
                    "role " + role.code(), null));
            return Optional.empty();
        }
        return Optional.of(new Reviewer(launch, registration, role));
    }

    /** Records a review page view or export in the audit trail (what, without PHI: the page and its filters). */
    public void audit(Reviewer reviewer, AuditAction action, String what) {
        audit.record(new AuditRecord(reviewer.user(), reviewer.registration().id(), NO_SINGLE_PATIENT, null, action,
                Set.of(), AuditOutcome.SUCCESS, what, null));
    }

    private static String describe(Set<ReviewRole> allowed) {
        return allowed.equals(Set.of(ReviewRole.ADMIN)) ? "administrators" : "informaticists and administrators";
    }
}
