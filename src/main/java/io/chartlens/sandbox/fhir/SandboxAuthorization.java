package io.chartlens.sandbox.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import io.chartlens.sandbox.auth.InvalidSandboxTokenException;
import io.chartlens.sandbox.auth.SandboxTokenVerifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * SMART authorization of the sandbox FHIR server. {@code /metadata} is open; everything else needs a bearer token
 * that the {@link SandboxTokenVerifier} accepts (else 401 with {@code WWW-Authenticate: Bearer}). Then, per
 * {@link SmartScope}: read needs {@code r}, search {@code s}, create {@code c} on the type. {@code user/} and
 * {@code system/} scopes reach every record (the sandbox's clinicians see everyone). {@code patient/} scopes reach
 * the token's patient only: a clinical search must name that patient in {@code patient} or {@code subject} (no
 * patient parameter is a 403, not a silent narrowing, so the app learns its query is wrong), and every resource in a
 * response must be in that patient's compartment. A transaction (the app's draft orders) needs {@code c} on the type
 * of each entry, checked per entry by {@link DraftOrderTransactions}. Shared types (Practitioner, PractitionerRole, Organization,
 * Location, Medication) need only a scope for their type. Never logs tokens or patient data.
 */
@Interceptor
public class SandboxAuthorization {

    private static final String GRANTS = SandboxAuthorization.class.getName() + ".grants";
    private static final Set<String> SHARED_TYPES =
            Set.of("Practitioner", "PractitionerRole", "Organization", "Location", "Medication");
    private static final String BEARER = "Bearer ";

    private final SandboxTokenVerifier verifier;

    public SandboxAuthorization(SandboxTokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** Authenticates before HAPI picks a handler, so an anonymous caller learns nothing about parameters. */
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED)
    public boolean authenticate(RequestDetails request) {
        if ("metadata".equals(request.getRequestPath())) {
            return true;
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthorized("This request needs an Authorization: Bearer access token", null);
        }
        try {
            request.getUserData().put(GRANTS,
                    new ScopeGrants(verifier.verify(header.substring(BEARER.length()).strip())));
        } catch (InvalidSandboxTokenException e) {
            throw unauthorized("The access token was not accepted: " + e.getMessage(), "invalid_token");
        }
        return true;
    }

    /** Checks the operation's scope once HAPI knows the operation; compartment checks follow on the response. */
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public boolean authorize(RequestDetails request) {
        RestOperationTypeEnum operation = request.getRestOperationType();
        ScopeGrants grants = (ScopeGrants) request.getUserData().get(GRANTS);
        if (operation == RestOperationTypeEnum.METADATA || operation == RestOperationTypeEnum.GET_PAGE) {
            return true;
        }
        String type = request.getResourceName();
        switch (operation) {
            case READ, VREAD -> require(grants, type, 'r');
            case CREATE -> require(grants, type, 'c');
            case SEARCH_TYPE -> {
                if (require(grants, type, 's') == ScopeGrants.Access.PATIENT
                        && SearchProfiles.of(type).isPresent()) {
                    requirePatientParameter(grants, request.getParameters());
                }
            }
            // Each entry is checked by DraftOrderTransactions (requireCreate): c on its type, patient in context.
            case TRANSACTION -> {
            }
            default -> throw new ForbiddenOperationException("The sandbox does not allow " + operation);
        }
        return true;
    }

    /** Confines every returned resource to what the token's scopes reach (reads, searches, later pages). */
    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public boolean checkResponse(RequestDetails request, ResponseDetails response) {
        ScopeGrants grants = (ScopeGrants) request.getUserData().get(GRANTS);
        if (grants == null || !(response.getResponseResource() instanceof Resource resource)
                || resource instanceof OperationOutcome) {
            return true;
        }
        if (resource instanceof Bundle bundle && request.getRestOperationType() != RestOperationTypeEnum.READ) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.getResource() != null && !(entry.getResource() instanceof OperationOutcome)) {
                    boolean included = entry.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE;
                    checkReach(grants, entry.getResource(), included ? 'r' : 's');
                }
            }
        } else {
            checkReach(grants, resource, request.getRestOperationType() == RestOperationTypeEnum.CREATE ? 'c' : 'r');
        }
        return true;
    }

    /**
     * For one create of a transaction: scope {@code c} on its type and, with patient/ scopes, the patient in
     * context (the transaction's response carries no resources, so the response check does not cover it).
     */
    static void requireCreate(RequestDetails request, Resource resource) {
        ScopeGrants grants = (ScopeGrants) request.getUserData().get(GRANTS);
        if (grants == null) {
            throw unauthorized("This request needs an Authorization: Bearer access token", null);
        }
        checkReach(grants, resource, 'c');
    }

    private static void checkReach(ScopeGrants grants, Resource resource, char permission) {
        ScopeGrants.Access access = require(grants, resource.fhirType(), permission);
        if (access == ScopeGrants.Access.PATIENT && !SHARED_TYPES.contains(resource.fhirType())) {
            String owner = SearchProfiles.patientIdOf(resource).orElse(null);
            if (owner == null || !grants.patientId().map(owner::equals).orElse(false)) {
                throw new ForbiddenOperationException("A " + resource.fhirType()
                        + " outside the patient in context is not covered by patient/ scopes");
            }
        }
    }

    private static ScopeGrants.Access require(ScopeGrants grants, String type, char permission) {
        ScopeGrants.Access access = grants.access(type, permission);
        if (access == ScopeGrants.Access.NONE) {
            throw new ForbiddenOperationException("Missing scope: this request needs patient/" + type + "."
                    + permission + " or user/" + type + "." + permission);
        }
        if (access == ScopeGrants.Access.PATIENT && grants.patientId().isEmpty()) {
            throw new ForbiddenOperationException("The token has patient/ scopes but no patient in context");
        }
        return access;
    }

    private static void requirePatientParameter(ScopeGrants grants, Map<String, String[]> parameters) {
        String patientId = grants.patientId().orElseThrow();
        List<String> named = parameters.entrySet().stream()
                .filter(e -> List.of("patient", "subject").contains(e.getKey().split(":")[0]))
                .flatMap(e -> java.util.Arrays.stream(e.getValue()))
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .toList();
        if (named.isEmpty()) {
            throw new ForbiddenOperationException("With patient/ scopes a search must name the patient in context"
                    + " (patient=Patient/{id})");
        }
        for (String value : named) {
            IdType id = new IdType(value);
            if (!patientId.equals(id.getIdPart())
                    || (id.hasResourceType() && !"Patient".equals(id.getResourceType()))) {
                throw new ForbiddenOperationException("patient/ scopes do not cover another patient's data");
            }
        }
    }

    private static AuthenticationException unauthorized(String message, String error) {
        AuthenticationException exception = new AuthenticationException(message);
        exception.addResponseHeader("WWW-Authenticate",
                error == null ? "Bearer realm=\"sandbox\"" : "Bearer realm=\"sandbox\", error=\"" + error + "\"");
        return exception;
    }
}
