package io.chartlens.sandbox.auth;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import io.chartlens.system.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standalone-launch sign-in page of the sandbox EHR (SMART App Launch 2.x §2.0.5 standalone launch and
 * §2.0.9 {@code launch/patient}): a developer chooses the signed-in user and, when asked for, a patient. The
 * validated request waits server-side under an opaque, single-use {@code request_id}; the form carries only that.
 */
final class AuthorizePage {

    static final String REQUEST_ID = "request_id";
    static final String TEMPLATE = "sandbox/authorize";
    static final String ERROR_TEMPLATE = "sandbox/authorize-error";

    /** What the page shows; no tokens, no codes. */
    record View(String clientName, String requestId, List<String> scopes, List<SandboxDirectory.Choice> users,
                List<SandboxDirectory.Choice> patients, boolean needsPatient) {}

    private final HttpServletRequest req;
    private final HttpServletResponse resp;
    private final Pages pages;
    private final SandboxGrants grants;
    private final SandboxDirectory directory;
    private final AuthorizeServlet servlet;

    AuthorizePage(HttpServletRequest req, HttpServletResponse resp, Pages pages, SandboxGrants grants,
                  SandboxDirectory directory, AuthorizeServlet servlet) {
        this.req = req;
        this.resp = resp;
        this.pages = pages;
        this.grants = grants;
        this.directory = directory;
        this.servlet = servlet;
    }

    /** The request's parameters (query or form) as Nimbus parses them. */
    static Map<String, List<String>> parameters(HttpServletRequest req) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        req.getParameterMap().forEach((name, values) -> params.put(name, Arrays.asList(values)));
        return params;
    }

    /** Shows the picker for a validated standalone request. */
    void choose(ValidatedAuthorizationRequest request) throws IOException {
        String requestId = grants.holdRequest(request);
        View view = new View(request.clientName(), requestId, request.scope().toStringList(), directory.users(),
                request.needsPatient() ? directory.patients() : List.of(), request.needsPatient());
        pages.render(req, resp, TEMPLATE, Map.of("view", view));
    }

    /** Handles the picker's form: issues a code for the chosen user and patient, or reports what went wrong. */
    void complete() throws IOException {
        Optional<ValidatedAuthorizationRequest> held = grants.takeRequest(req.getParameter(REQUEST_ID));
        if (held.isEmpty()) {
            error("This sign-in page has expired or was already used. Start the launch again from the app.");
            return;
        }
        ValidatedAuthorizationRequest request = held.get();
        if (req.getParameter("cancel") != null) {
            AuthorizeServlet.redirect(resp, AuthorizeServlet.errorResponse(request.redirectUri(),
                    OAuth2Error.ACCESS_DENIED.setDescription("The user cancelled the sign-in"), request.state()));
            return;
        }
        Optional<SandboxDirectory.Choice> user = Optional.ofNullable(req.getParameter("user")).flatMap(directory::user);
        Optional<SandboxDirectory.Choice> patient = Optional.ofNullable(req.getParameter("patient"))
                .flatMap(directory::patient);
        if (user.isEmpty() || (request.needsPatient() && patient.isEmpty())) {
            AuthorizeServlet.redirect(resp, AuthorizeServlet.errorResponse(request.redirectUri(),
                    OAuth2Error.INVALID_REQUEST.setDescription("No known sandbox user or patient was chosen"),
                    request.state()));
            return;
        }
        String patientId = request.needsPatient() ? patient.get().id() : null;
        servlet.redirectWithCode(resp, request.grantFor(user.get().id(), user.get().label(), patientId, null),
                request.state());
    }

    /** A 400 page that never redirects (used before the client and redirect URI are known to be good). */
    void error(String message) throws IOException {
        pages.render(req, resp, HttpServletResponse.SC_BAD_REQUEST, ERROR_TEMPLATE, Map.of("message", message));
    }
}
