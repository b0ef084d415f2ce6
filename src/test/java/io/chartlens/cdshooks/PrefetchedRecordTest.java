package io.chartlens.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.fhir.LoadPolicy;
import io.chartlens.fhir.LoadedRecord;
import io.chartlens.fhir.RecordLoader;
import io.chartlens.fhir.RecordSection;
import io.chartlens.fhir.SectionStatus;
import io.chartlens.record.PatientRecord;
import java.util.List;
import net.minidev.json.JSONObject;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * A record from prefetch is the record the loader reads from the EHR ({@code RecordLoader.load} with given
 * sections): same resources per section, same assembled record, same cards; and what was not prefetched is fetched,
 * or marked unavailable, never empty-as-none.
 */
class PrefetchedRecordTest {

    private final RecordLoader loader = new RecordLoader(CdsFixtures.EXECUTOR);

    @Test
    void aFullPrefetchGivesTheSameRecordAndCardsAsReadingTheEhr() throws Exception {
        for (String patient : List.of(CdsFixtures.TREY, CdsFixtures.DEANE)) {
            LoadedRecord fetched = CdsFixtures.loaded(patient);
            LoadedRecord prefetched = fromPrefetch(CdsTestClient.prefetch(SandboxFhir.client(), patient), false);
            for (PrefetchTemplate t : PrefetchTemplate.values()) {
                assertEquals(ids(fetched, t.section()), ids(prefetched, t.section()), t.key() + " of " + patient);
                assertTrue(prefetched.status(t.section()).complete());
                assertEquals(0, prefetched.status(t.section()).requests(), "no request for a prefetched section");
            }
            assertEquals(fetched.medications().keySet(), prefetched.medications().keySet());
            assertEquals(SectionStatus.Availability.UNAVAILABLE, prefetched.status(RecordSection.DOCUMENTS)
                    .availability());
            assertEquals("not requested", prefetched.status(RecordSection.DOCUMENTS).reason());
            PatientRecord a = CdsFixtures.record(fetched);
            PatientRecord b = CdsFixtures.record(prefetched);
            assertEquals(a.measurements(), b.measurements());
            assertEquals(a.problems(), b.problems());
            assertEquals(a.medications(), b.medications());
            assertEquals(a.referenceDate(), b.referenceDate());
            assertEquals(summaries(CdsFixtures.cardsFor(fetched)), summaries(CdsFixtures.cardsFor(prefetched)));
        }
    }

    @Test
    void whatWasNotPrefetchedIsReadWithTheCallsTokenOrIsUnavailable() throws Exception {
        JSONObject prefetch = CdsTestClient.prefetch(SandboxFhir.client(), CdsFixtures.TREY);
        prefetch.remove("conditions");
        prefetch.remove("medications");
        LoadedRecord partlyFetched = fromPrefetch(prefetch, true);
        assertTrue(partlyFetched.status(RecordSection.CONDITIONS).complete());
        assertTrue(partlyFetched.status(RecordSection.CONDITIONS).requests() > 0);
        assertEquals(ids(CdsFixtures.loaded(CdsFixtures.TREY), RecordSection.MEDICATIONS),
                ids(partlyFetched, RecordSection.MEDICATIONS));
        assertEquals(0, partlyFetched.status(RecordSection.ENCOUNTERS).requests());

        LoadedRecord noAccess = fromPrefetch(prefetch, false);
        SectionStatus conditions = noAccess.status(RecordSection.CONDITIONS);
        assertEquals(SectionStatus.Availability.UNAVAILABLE, conditions.availability());
        assertEquals("not provided, and no FHIR access", conditions.reason());
        assertTrue(noAccess.resources(RecordSection.CONDITIONS, Resource.class).isEmpty());
    }

    private LoadedRecord fromPrefetch(JSONObject prefetch, boolean withClient) throws Exception {
        HookRequest request = HookRequest.parse(CdsTestClient.hookRequest(null, null, CdsFixtures.TREY.equals(
                ((JSONObject) prefetch.get("patient")).get("id")) ? CdsFixtures.TREY : CdsFixtures.DEANE, null,
                prefetch));
        Prefetch checked = Prefetch.check(request, SandboxFhir.FHIR.newJsonParser(), withClient);
        return loader.load(withClient ? SandboxFhir.client() : null, request.patientId(), LoadPolicy.defaults(),
                checked.given(), PrefetchTemplate.sections());
    }

    private static List<String> ids(LoadedRecord record, RecordSection section) {
        return record.resources(section, Resource.class).stream().map(r -> r.getIdElement().toUnqualifiedVersionless()
                .getValue()).sorted().toList();
    }

    private static List<String> summaries(List<CdsCard> cards) {
        return cards.stream().map(c -> c.indicator() + " " + c.summary()).toList();
    }
}
