package io.chartlens.sandbox.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestSecurityComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;

/**
 * Adds SMART discovery to {@code /metadata} (SMART App Launch 1.0 "Conformance statement", still read by v1
 * clients and by the app's fallback after {@code .well-known/smart-configuration}): the {@code oauth-uris}
 * extension with the sandbox's authorize and token endpoints and the {@code SMART-on-FHIR} security service.
 */
@Interceptor
public class SmartCapabilityStatement {

    static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";
    static final String SECURITY_SERVICE = "http://terminology.hl7.org/CodeSystem/restful-security-service";
    private static final String FHIR_PATH = "/sandbox/fhir";

    private final Optional<String> authIssuer;

    /** @param authIssuer the authorization server's base, for example http://localhost:9080/sandbox/auth; empty to
     *                    derive it from the request's FHIR base */
    public SmartCapabilityStatement(Optional<String> authIssuer) {
        this.authIssuer = authIssuer;
    }

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void addSmart(IBaseConformance conformance, RequestDetails request) {
        CapabilityStatement statement = (CapabilityStatement) conformance;
        String issuer = authIssuer.orElseGet(() -> appBase(request.getFhirServerBase()) + "/sandbox/auth");
        statement.getRest().forEach(rest -> {
            CapabilityStatementRestSecurityComponent security = rest.getSecurity();
            security.setCors(true);
            security.getService().clear();
            security.addService(new CodeableConcept(new Coding(SECURITY_SERVICE, "SMART-on-FHIR", "SMART-on-FHIR")));
            security.removeExtension(OAUTH_URIS);
            Extension uris = security.addExtension().setUrl(OAUTH_URIS);
            uris.addExtension("authorize", new UriType(issuer + "/authorize"));
            uris.addExtension("token", new UriType(issuer + "/token"));
            security.setDescription("SMART App Launch: OAuth 2.0 bearer tokens from the sandbox authorization server");
        });
    }

    /** The app's base URL: the FHIR base without its {@code /sandbox/fhir} path. */
    private static String appBase(String fhirBase) {
        String base = fhirBase.endsWith("/") ? fhirBase.substring(0, fhirBase.length() - 1) : fhirBase;
        return base.endsWith(FHIR_PATH) ? base.substring(0, base.length() - FHIR_PATH.length()) : base;
    }
}
