package io.chartlens.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.parser.IParser;
import io.chartlens.fhir.RecordSection;
import java.util.Set;
import net.minidev.json.JSONObject;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** Checking the prefetch against the templates: what counts as satisfied, what is fetched, what is refused. */
class PrefetchTest {

    private final IParser parser = SandboxFhir.FHIR.newJsonParser();

    @Test
    void aFullPrefetchFromTheEhrSatisfiesEveryTemplate() throws Exception {
        JSONObject prefetch = CdsTestClient.prefetch(SandboxFhir.client(), CdsFixtures.TREY);
        Prefetch checked = Prefetch.check(request(prefetch), parser, false);
        assertEquals(Set.of(), checked.unsatisfied());
        assertEquals(PrefetchTemplate.sections(), checked.given().keySet());
        assertInstanceOf(Patient.class, checked.given().get(RecordSection.PATIENT));
    }

    @Test
    void anAbsentKeyIsFetchedAndNullIsNoDataUnlessTheServiceCanLook() throws Exception {
        JSONObject prefetch = new JSONObject();
        prefetch.put("patient", json(new Patient().setId(CdsFixtures.TREY)));
        prefetch.put("conditions", null);
        Prefetch withoutAccess = Prefetch.check(request(prefetch), parser, false);
        assertEquals(0, ((Bundle) withoutAccess.given().get(RecordSection.CONDITIONS)).getEntry().size());
        assertTrue(withoutAccess.unsatisfied().contains(PrefetchTemplate.ENCOUNTERS));
        assertEquals(9, withoutAccess.unsatisfied().size());
        Prefetch withAccess = Prefetch.check(request(prefetch), parser, true);
        assertTrue(withAccess.unsatisfied().contains(PrefetchTemplate.CONDITIONS), "null is re-read when possible");
        prefetch.put("patient", null);
        assertTrue(Prefetch.check(request(prefetch), parser, false).unsatisfied().contains(PrefetchTemplate.PATIENT),
                "a null Patient never means 'no patient'");
    }

    @Test
    void aPagedBundleDoesNotSatisfyItsTemplate() throws Exception {
        Bundle paged = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        paged.addLink().setRelation(Bundle.LINK_NEXT).setUrl("https://ehr.example.org/fhir?page=2");
        JSONObject prefetch = new JSONObject();
        prefetch.put("encounters", json(paged));
        assertTrue(Prefetch.check(request(prefetch), parser, true).unsatisfied().contains(PrefetchTemplate.ENCOUNTERS));
    }

    @Test
    void anotherPatientOrTheWrongKindOfResourceIsRefused() throws Exception {
        JSONObject prefetch = new JSONObject();
        prefetch.put("patient", json(new Patient().setId("someone-else")));
        assertInvalid(prefetch, "prefetch.patient is not the Patient of context.patientId");
        prefetch.put("patient", json(new Bundle()));
        assertInvalid(prefetch, "prefetch.patient is not the Patient of context.patientId");
        prefetch.remove("patient");
        prefetch.put("conditions", json(new Patient().setId(CdsFixtures.TREY)));
        assertInvalid(prefetch, "prefetch.conditions is not a Bundle");
        JSONObject bogus = new JSONObject();
        bogus.put("resourceType", "NoSuchType");
        prefetch.put("conditions", bogus);
        assertInvalid(prefetch, "prefetch.conditions is not a FHIR R4 JSON resource");
    }

    private void assertInvalid(JSONObject prefetch, String detail) {
        CdsHooksException e = assertThrows(CdsHooksException.class,
                () -> Prefetch.check(request(prefetch), parser, false));
        assertEquals(CdsFailure.INVALID_PREFETCH, e.failure());
        assertEquals(detail, e.detail());
    }

    private static HookRequest request(JSONObject prefetch) throws CdsHooksException {
        return HookRequest.parse(CdsTestClient.hookRequest(null, null, CdsFixtures.TREY, null, prefetch));
    }

    private JSONObject json(org.hl7.fhir.r4.model.Resource resource) throws Exception {
        return com.nimbusds.oauth2.sdk.util.JSONObjectUtils.parse(parser.encodeResourceToString(resource));
    }
}
