package io.chartlens.review;

import io.chartlens.system.CsrfTokens;
import io.chartlens.system.ErrorPages;
import io.chartlens.system.audit.AuditAction;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /review/admin}: for administrators only, every score, bundle, care-gap measure and the AI
 * summary prompt with its configured versions, the active one, who chose it and when, and a control to activate each
 * version or roll back the latest choice. {@code POST /review/admin} ({@code _csrf}, {@code ctx},
 * {@code action} = activate|rollback, {@code kind}, {@code rule}, {@code version} for activate) does one action and
 * redirects back to the page (post/redirect/get), which says what changed.
 */
@WebServlet("/review/admin")
public class GovernanceServlet extends HttpServlet {

    static final Set<ReviewRole> ADMINS = Set.of(ReviewRole.ADMIN);
    private static final String PAGE = "review/admin";

    @Inject
    ReviewAccess access;
    @Inject
    ReviewPages reviewPages;
    @Inject
    GovernanceCatalog catalog;
    @Inject
    GovernanceActions actions;
    @Inject
    CsrfTokens csrf;
    @Inject
    ErrorPages errors;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ReviewAccess.Reviewer> reviewer = access.require(request, response, ADMINS);
        if (reviewer.isPresent()) {
            render(request, response, reviewer.get(), 200, changedNote(request), null);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!csrf.isValid(request)) {
            errors.render(request, response, new ErrorPages.PageFailure(403, "CSRF_TOKEN_INVALID",
                    "This form was not sent from your ChartLens page, so nothing was changed.",
                    "Reload the admin page and try again.", "missing or wrong _csrf", null));
            return;
        }
        Optional<ReviewAccess.Reviewer> reviewer = access.require(request, response, ADMINS);
        if (reviewer.isEmpty()) {
            return;
        }
        String ctx = reviewer.get().launch().id();
        String rule = String.valueOf(request.getParameter("rule"));
        try {
            RuleKind kind = kind(request.getParameter("kind"));
            String action = String.valueOf(request.getParameter("action"));
            switch (action) {
                case "activate" -> actions.activate(kind, rule, request.getParameter("version"),
                        reviewer.get().user());
                case "rollback" -> actions.rollBack(kind, rule, reviewer.get().user());
                default -> throw new GovernanceException(GovernanceFailure.UNKNOWN_ACTION);
            }
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/review/admin?ctx=" + encode(ctx)
                    + "&changed=" + encode(kind.name() + ":" + rule));
        } catch (GovernanceException e) {
            if (e.failure().status() == 400) {
                errors.render(request, response, new ErrorPages.PageFailure(400, e.failure().name(),
                        e.failure().advice(), "Go back to the admin page.", "admin action",
                        "admin?ctx=" + encode(ctx)));
            } else {
                render(request, response, reviewer.get(), e.failure().status(), null, e.failure().advice());
            }
        } catch (VersionChoiceException e) {
            render(request, response, reviewer.get(), 409, null, e.failure().advice());
        } catch (ReviewUnavailableException e) {
            render(request, response, reviewer.get(), 503, null, "The version history cannot be written now, so"
                    + " nothing was changed. Try again in a moment.");
        }
    }

    private void render(HttpServletRequest request, HttpServletResponse response, ReviewAccess.Reviewer reviewer,
                        int status, String changed, String problem) throws IOException {
        Map<String, Object> model = reviewPages.model(reviewer, ReviewPages.DEFAULT_DAYS);
        model.put("csrf", csrf.tokenFor(request.getSession()));
        model.put("changed", changed);
        model.put("problem", problem);
        try {
            model.put("scores", catalog.scores());
            model.put("bundles", catalog.bundles());
            model.put("measures", catalog.measures());
            model.put("prompts", catalog.prompts());
        } catch (ReviewUnavailableException e) {
            model.put("unavailable", true);
            reviewPages.render(request, response, 503, PAGE, model);
            return;
        }
        access.audit(reviewer, AuditAction.VIEW_REVIEW, "admin");
        reviewPages.render(request, response, status, PAGE, model);
    }

    /** After a redirect: what changed, from the rule's state now (e.g. "LACE index: 0.9.0 is active"). */
    private String changedNote(HttpServletRequest request) {
        String changed = request.getParameter("changed");
        if (changed == null || changed.indexOf(':') < 1) {
            return null;
        }
        try {
            RuleKind kind = kind(changed.substring(0, changed.indexOf(':')));
            return catalog.rule(kind, changed.substring(changed.indexOf(':') + 1))
                    .map(r -> r.name() + ": version " + r.activeVersion() + " is now active for every new page load"
                            + " and launch.").orElse(null);
        } catch (GovernanceException e) {
            return null;
        }
    }

    private static RuleKind kind(String value) throws GovernanceException {
        try {
            return RuleKind.valueOf(String.valueOf(value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GovernanceException(GovernanceFailure.UNKNOWN_KIND);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
