package io.chartlens.sandbox.auth;

import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import io.chartlens.sandbox.SandboxSettings;
import io.chartlens.system.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox authorization endpoint (SMART App Launch 2.x §2.0.5 and §2.0.6; RFC 6749 §4.1.1; RFC 7636).
 * The client and its redirect URI are checked before anything else, and an unregistered redirect URI is never
 * redirected to. An EHR launch signs in the launch's clinician at once; a standalone launch shows a page to
 * choose a user and, for {@code launch/patient}, a patient ({@link AuthorizePage}).
 */
public class AuthorizeServlet extends HttpServlet {

    @Inject
    SandboxSettings settings;
    @Inject
    SandboxClients clients;
    @Inject
    SandboxGrants grants;
    @Inject
    SandboxLaunchContexts launchContexts;
    @Inject
    SandboxDirectory directory;
    @Inject
    Pages pages;

    private SandboxEndpoints endpoints;

    /** For the servlet container (CDI field injection). */
    public AuthorizeServlet() {}

    public AuthorizeServlet(SandboxEndpoints endpoints, SandboxClients clients, SandboxGrants grants,
                            SandboxLaunchContexts launchContexts, SandboxDirectory directory, Pages pages) {
        this.endpoints = endpoints;
        this.clients = clients;
        this.grants = grants;
        this.launchContexts = launchContexts;
        this.directory = directory;
        this.pages = pages;
    }

    @Override
    public void init() {
        if (endpoints == null) {
            endpoints = SandboxEndpoints.from(settings);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        authorize(req, resp);
    }

    /** SMART "authorize-post": an authorization request as a form post, or the standalone page's answer. */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getParameter(AuthorizePage.REQUEST_ID) != null) {
            page(req, resp).complete();
        } else {
            authorize(req, resp);
        }
    }

    private void authorize(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, List<String>> params = AuthorizePage.parameters(req);
        AuthorizePage page = page(req, resp);
        ClientInformation client = clients.find(clientId(params)).orElse(null);
        if (client == null) {
            page.error("The app is not registered with the sandbox EHR (unknown client_id).");
            return;
        }
        URI redirectUri = registeredRedirectUri(client, params).orElse(null);
        if (redirectUri == null) {
            page.error("The redirect_uri is missing or is not registered for this app.");
            return;
        }
        // From here on, errors go back to the app's registered redirect URI (RFC 6749 §4.1.2.1).
        State state = single(params, "state").map(State::new).orElse(null);
        AuthorizationRequest request;
        try {
            boolean openid = single(params, "scope").map(s -> Scope.parse(s).contains("openid")).orElse(false);
            request = openid ? AuthenticationRequest.parse(params) : AuthorizationRequest.parse(params);
        } catch (ParseException e) {
            ErrorObject error = e.getErrorObject() != null ? e.getErrorObject() : OAuth2Error.INVALID_REQUEST;
            redirect(resp, errorResponse(redirectUri, error.setDescription(e.getMessage()), state));
            return;
        }
        String problem = problemWith(request);
        if (problem != null) {
            ErrorObject error = ResponseType.CODE.equals(request.getResponseType())
                    ? OAuth2Error.INVALID_REQUEST : OAuth2Error.UNSUPPORTED_RESPONSE_TYPE;
            redirect(resp, errorResponse(redirectUri, error.setDescription(problem), state));
            return;
        }
        ValidatedAuthorizationRequest validated = new ValidatedAuthorizationRequest(client.getID(),
                Optional.ofNullable(client.getMetadata().getName()).orElse(client.getID().getValue()),
                redirectUri, state, request.getCodeChallenge(), SmartScopes.grantable(request.getScope()),
                request instanceof AuthenticationRequest oidc ? oidc.getNonce() : null);
        String launch = first(request.getCustomParameter("launch"));
        if (launch == null) {
            page.choose(validated);
            return;
        }
        Optional<SandboxLaunchContexts.LaunchContext> context = launchContexts.find(launch);
        if (context.isEmpty()) {
            redirect(resp, errorResponse(redirectUri, OAuth2Error.INVALID_REQUEST.setDescription(
                    "launch expired or unknown; relaunch the app from the sandbox EHR"), state));
            return;
        }
        SandboxLaunchContexts.LaunchContext ctx = context.get();
        String userName = directory.user(ctx.practitionerId()).map(SandboxDirectory.Choice::label)
                .orElse(ctx.practitionerId());
        redirectWithCode(resp, validated.grantFor(ctx.practitionerId(), userName, ctx.patientId(),
                ctx.encounterId()), state);
    }

    /** The first failed check of SMART App Launch 2.x §2.0.5 for a parsed request, or null. */
    private String problemWith(AuthorizationRequest request) {
        if (!ResponseType.CODE.equals(request.getResponseType())) {
            return "response_type must be code";
        }
        if (request.getCodeChallenge() == null || !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
            return "PKCE is required: send code_challenge with code_challenge_method S256";
        }
        String aud = first(request.getCustomParameter("aud"));
        if (aud == null || !stripSlash(aud).equals(endpoints.fhirBase())) {
            return "aud must be the sandbox FHIR base URL " + endpoints.fhirBase();
        }
        if (request.getCustomParameter("launch") != null
                && (request.getScope() == null || !request.getScope().contains("launch"))) {
            return "an EHR launch must request the launch scope";
        }
        return null;
    }

    /** Issues a code for the grant and sends the browser back to the app (RFC 6749 §4.1.2, RFC 9207 iss). */
    void redirectWithCode(HttpServletResponse resp, AuthorizationGrant grant, State state) throws IOException {
        redirect(resp, new AuthorizationSuccessResponse(grant.redirectUri(), grants.issueCode(grant), null, state,
                new Issuer(endpoints.issuer()), ResponseMode.QUERY).toURI());
    }

    static URI errorResponse(URI redirectUri, ErrorObject error, State state) {
        return new AuthorizationErrorResponse(redirectUri, error, state, ResponseMode.QUERY).toURI();
    }

    static void redirect(HttpServletResponse resp, URI location) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        resp.sendRedirect(location.toString());
    }

    private AuthorizePage page(HttpServletRequest req, HttpServletResponse resp) {
        return new AuthorizePage(req, resp, pages, grants, directory, this);
    }

    private static ClientID clientId(Map<String, List<String>> params) {
        return single(params, "client_id").map(ClientID::new).orElse(null);
    }

    private static Optional<URI> registeredRedirectUri(ClientInformation client, Map<String, List<String>> params) {
        return single(params, "redirect_uri").flatMap(value -> client.getMetadata().getRedirectionURIs().stream()
                .filter(registered -> registered.toString().equals(value)).findFirst());
    }

    private static Optional<String> single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.size() != 1 || values.get(0).isBlank()
                ? Optional.empty() : Optional.of(values.get(0));
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
