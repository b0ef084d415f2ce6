package io.chartlens.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EhrRegistrationTest {

    private static final ClientCredentials CREDENTIALS = ClientCredentials.clientSecretBasic(new Secret("x"));
    private static final ClientCredentials.Resolver RESOLVER = (auth, developmentOnly) -> CREDENTIALS;

    private static JSONObject registration() {
        JSONObject o = new JSONObject();
        o.put("id", "dev");
        o.put("name", "Development EHR");
        o.put("developmentOnly", true);
        o.put("iss", "http://localhost:9080/sandbox/fhir/");
        o.put("clientId", "chartlens-dev");
        JSONObject auth = new JSONObject();
        auth.put("method", "client_secret_basic");
        o.put("clientAuthentication", auth);
        o.put("ehrLaunchScopes", "launch openid fhirUser patient/*.rs");
        o.put("standaloneScopes", "launch/patient openid fhirUser patient/*.rs");
        o.put("frameAncestors", array("'self'", "https://ehr.example.org"));
        return o;
    }

    private static JSONArray array(String... values) {
        JSONArray a = new JSONArray();
        a.addAll(List.of(values));
        return a;
    }

    @Test
    void parsesADevelopmentRegistration() throws ParseException {
        AtomicReference<JSONObject> seenAuth = new AtomicReference<>();
        List<Boolean> seenDevelopmentOnly = new ArrayList<>();
        EhrRegistration r = EhrRegistration.parse(registration().toJSONString(), (auth, developmentOnly) -> {
            seenAuth.set(auth);
            seenDevelopmentOnly.add(developmentOnly);
            return CREDENTIALS;
        });

        assertEquals("dev", r.id());
        assertEquals("Development EHR", r.name());
        assertEquals("http://localhost:9080/sandbox/fhir", r.iss());
        assertEquals(new ClientID("chartlens-dev"), r.clientId());
        assertSame(CREDENTIALS, r.credentials());
        assertEquals(Scope.parse("launch openid fhirUser patient/*.rs"), r.ehrLaunchScopes());
        assertEquals(Scope.parse("launch/patient openid fhirUser patient/*.rs"), r.standaloneScopes());
        assertEquals(List.of("'self'", "https://ehr.example.org"), r.frameAncestors());
        assertTrue(r.developmentOnly());
        assertEquals("client_secret_basic", seenAuth.get().get("method"));
        assertEquals(List.of(true), seenDevelopmentOnly);
    }

    @Test
    void writeScopesAreRequestedOnlyWhenDraftOrdersAreEnabled() throws ParseException {
        EhrRegistration readOnly = EhrRegistration.parse(registration().toJSONString(), RESOLVER);
        assertFalse(readOnly.writeDraftOrders());
        assertTrue(readOnly.ehrLaunchScopes().toStringList().stream().noneMatch(s -> s.endsWith(".c")));

        JSONObject o = registration();
        o.put("writeDraftOrders", true);
        EhrRegistration writes = EhrRegistration.parse(o.toJSONString(), RESOLVER);
        assertTrue(writes.writeDraftOrders());
        for (Scope scopes : List.of(writes.ehrLaunchScopes(), writes.standaloneScopes())) {
            assertTrue(scopes.toStringList().containsAll(List.of("patient/ServiceRequest.c",
                    "patient/MedicationRequest.c", "patient/Task.c")), scopes.toString());
        }

        JSONObject sneaky = registration();
        sneaky.put("ehrLaunchScopes", "launch openid fhirUser patient/*.rs patient/ServiceRequest.cruds");
        ParseException e = assertThrows(ParseException.class, () -> EhrRegistration.parse(sneaky.toJSONString(),
                RESOLVER));
        assertTrue(e.getMessage().contains("writeDraftOrders"), e.getMessage());
        JSONObject star = registration();
        star.put("standaloneScopes", "launch/patient openid fhirUser patient/*.*");
        assertThrows(ParseException.class, () -> EhrRegistration.parse(star.toJSONString(), RESOLVER));
    }

    @Test
    void productionRegistrationWithHttpsIssIsAccepted() throws ParseException {
        JSONObject o = registration();
        o.remove("developmentOnly");
        o.put("iss", "https://ehr.example.org/fhir");
        EhrRegistration r = EhrRegistration.parse(o.toJSONString(), RESOLVER);
        assertEquals("https://ehr.example.org/fhir", r.iss());
        assertFalse(r.developmentOnly());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://ehr.example.org/fhir", "ehr.example.org/fhir", "ftp://ehr.example.org/fhir"})
    void nonHttpsIssIsRejectedOutsideDevelopment(String iss) {
        JSONObject o = registration();
        o.put("developmentOnly", false);
        o.put("iss", iss);
        ParseException e = assertThrows(ParseException.class, () -> EhrRegistration.parse(o.toJSONString(), RESOLVER));
        assertEquals("iss must be an https URL: " + iss, e.getMessage());
    }

    @Test
    void nonHttpsIssIsRejectedWhenDevelopmentOnlyIsAbsent() {
        JSONObject o = registration();
        o.remove("developmentOnly");
        assertThrows(ParseException.class, () -> EhrRegistration.parse(o.toJSONString(), RESOLVER));
    }

    @Test
    void credentialsAreNotResolvedForARejectedIss() {
        JSONObject o = registration();
        o.put("developmentOnly", false);
        List<JSONObject> resolved = new ArrayList<>();
        assertThrows(ParseException.class, () -> EhrRegistration.parse(o.toJSONString(), (auth, dev) -> {
            resolved.add(auth);
            return CREDENTIALS;
        }));
        assertEquals(List.of(), resolved);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://a.example https://b.example", "https://a.example;", "'self';script-src *",
            "https://a.example,https://b.example", "", " "})
    void frameAncestorWithASeparatorOrBlankIsRejected(String source) {
        JSONObject o = registration();
        o.put("frameAncestors", array("'self'", source));
        ParseException e = assertThrows(ParseException.class, () -> EhrRegistration.parse(o.toJSONString(), RESOLVER));
        assertEquals("Bad frame-ancestors source: " + source, e.getMessage());
    }

    @Test
    void frameAncestorsDefaultToNone() throws ParseException {
        JSONObject o = registration();
        o.remove("frameAncestors");
        assertEquals(List.of("'none'"), EhrRegistration.parse(o.toJSONString(), RESOLVER).frameAncestors());
    }

    @Test
    void frameAncestorsAreImmutable() throws ParseException {
        EhrRegistration r = EhrRegistration.parse(registration().toJSONString(), RESOLVER);
        assertThrows(UnsupportedOperationException.class, () -> r.frameAncestors().add("https://evil.example"));
    }

    @Test
    void missingRequiredFieldIsAParseException() {
        for (String field : List.of("iss", "clientId", "clientAuthentication", "ehrLaunchScopes", "id")) {
            JSONObject o = registration();
            o.remove(field);
            assertThrows(ParseException.class, () -> EhrRegistration.parse(o.toJSONString(), RESOLVER), field);
        }
    }

    @Test
    void resolverFailureIsPassedOn() {
        ParseException failure = new ParseException("no such key file");
        ParseException e = assertThrows(ParseException.class,
                () -> EhrRegistration.parse(registration().toJSONString(), (auth, dev) -> {
                    throw failure;
                }));
        assertSame(failure, e);
    }

    @Test
    void normalizeIssDropsTrailingSlashesAndWhitespace() {
        assertEquals("https://ehr.example.org/fhir", EhrRegistration.normalizeIss("https://ehr.example.org/fhir/"));
        assertEquals("https://ehr.example.org/fhir", EhrRegistration.normalizeIss("https://ehr.example.org/fhir///"));
        assertEquals("https://ehr.example.org/fhir", EhrRegistration.normalizeIss("  https://ehr.example.org/fhir/ \n"));
        assertEquals("https://ehr.example.org/fhir", EhrRegistration.normalizeIss("https://ehr.example.org/fhir"));
    }

    @Test
    void normalizeIssKeepsInnerSlashesAndCase() {
        assertEquals("https://EHR.example.org/r4/fhir", EhrRegistration.normalizeIss("https://EHR.example.org/r4/fhir/"));
    }
}
