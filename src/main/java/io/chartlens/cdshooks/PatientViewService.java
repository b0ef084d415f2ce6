package io.chartlens.cdshooks;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import io.chartlens.bundles.BundleSuggestions;
import io.chartlens.bundles.Bundles;
import io.chartlens.caregaps.CareGapReport;
import io.chartlens.caregaps.CareGaps;
import io.chartlens.fhir.FhirClients;
import io.chartlens.fhir.LoadPolicy;
import io.chartlens.fhir.LoadedRecord;
import io.chartlens.fhir.RecordLoader;
import io.chartlens.fhir.RecordSection;
import io.chartlens.fhir.SectionStatus;
import io.chartlens.launch.EhrRegistration;
import io.chartlens.launch.EhrRegistry;
import io.chartlens.overrides.PatientStrata;
import io.chartlens.record.PatientRecord;
import io.chartlens.record.PatientRecords;
import io.chartlens.risk.RiskPanel;
import io.chartlens.risk.ScoreRegistry;
import io.chartlens.system.AppSettings;
import io.chartlens.system.audit.AuditUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import net.minidev.json.JSONObject;

/**
 * The {@code chartlens-patient-view} service: from a verified client's request to its cards. In order: the
 * {@code fhirServer} must be the client's registered EHR (before anything is sent anywhere); the prefetch is checked
 * against the templates; what is missing is read from the EHR with the call's {@code fhirAuthorization} (or the call
 * fails with 412); the read is audited (no audit, no cards); the record is assembled, scored and evaluated as on the
 * summary page; and the cards issued are stored for feedback (not stored, not sent), and queued as cards shown for the
 * informaticists' review (a failure there changes nothing in the answer).
 */
@ApplicationScoped
public class PatientViewService {

    /** A CDS call must answer within seconds, not the 20 s a page load may take. */
    static final LoadPolicy POLICY = LoadPolicy.defaults().withDeadline(Duration.ofSeconds(10));
    private static final Set<RecordSection> SECTIONS = PrefetchTemplate.sections();
    private static final Logger LOG = Logger.getLogger(PatientViewService.class.getName());

    /** The cards and where the call spent its time (for {@code Server-Timing}; no PHI). */
    public record Response(JSONObject body, int cards, long prefetchMs, long loadMs, long auditMs, long cardsMs,
                           int fhirRequests) {
        String serverTiming() {
            return "prefetch;dur=" + prefetchMs + ", load;dur=" + loadMs + ", audit;dur=" + auditMs + ", cards;dur="
                    + cardsMs + ", requests;desc=" + fhirRequests;
        }
    }

    @Inject
    EhrRegistry ehrs;
    @Inject
    FhirClients fhir;
    @Inject
    RecordLoader loader;
    @Inject
    PatientRecords records;
    @Inject
    ScoreRegistry scores;
    @Inject
    CareGaps careGaps;
    @Inject
    Bundles bundles;
    @Inject
    IssuedCards issuedCards;
    @Inject
    CardOverrideReasons reasons;
    @Inject
    AppSettings settings;
    @Inject
    io.chartlens.review.ImpressionRecorder impressions;

    public Response handle(AuthenticatedCdsClient client, HookRequest request) throws CdsHooksException {
        long t0 = System.nanoTime();
        EhrRegistration ehr = ehrFor(client, request.fhirServer());
        IParser parser = fhir.context().newJsonParser();
        Prefetch prefetch = Prefetch.check(request, parser, request.fhirAuthorization().isPresent());
        if (request.fhirAuthorization().isEmpty() && !prefetch.unsatisfied().isEmpty()) {
            throw new CdsHooksException(CdsFailure.PREFETCH_MISSING, "missing prefetch keys: "
                    + prefetch.unsatisfied().stream().map(PrefetchTemplate::key).toList());
        }
        long tPrefetch = System.nanoTime();
        IGenericClient fhirClient = request.fhirAuthorization().map(a -> clientFor(ehr, a)).orElse(null);
        LoadedRecord loaded;
        try {
            loaded = loader.load(fhirClient, request.patientId(), POLICY, prefetch.given(), SECTIONS);
        } catch (IllegalArgumentException e) {
            throw new CdsHooksException(CdsFailure.INVALID_PREFETCH, e.getMessage());
        }
        long t1 = System.nanoTime();
        PatientRecord record;
        try {
            record = records.auditAndAssemble(loaded, SECTIONS, ehr, client.actor(), request.encounterId(),
                    request.hookInstance());
        } catch (AuditUnavailableException e) {
            LOG.severe("CDS call answered 503: " + e.getMessage());
            throw new CdsHooksException(CdsFailure.AUDIT_UNAVAILABLE, null, e);
        }
        long t2 = System.nanoTime();
        SectionStatus patient = loaded.status(RecordSection.PATIENT);
        if (!patient.complete()) {
            throw new CdsHooksException(CdsFailure.PREFETCH_MISSING, "the Patient was not prefetched and could not"
                    + " be read from fhirServer: " + patient.reason());
        }
        List<CdsCard> cards = cards(request, loaded, record);
        store(cards, client, ehr, request, record);
        long t3 = System.nanoTime();
        return new Response(CardJson.response(cards, parser), cards.size(), ms(t0, tPrefetch), ms(tPrefetch, t1),
                ms(t1, t2), ms(t2, t3), loaded.requests());
    }

    private List<CdsCard> cards(HookRequest request, LoadedRecord loaded, PatientRecord record) {
        RiskPanel panel = RiskPanel.of(record, scores.all(), records.freshness());
        CareGapReport gaps = careGaps.evaluate(loaded, record.referenceDate());
        BundleSuggestions suggestions = BundleSuggestions.of(record, panel, gaps, bundles.catalog());
        List<String> incomplete = record.incompleteSections().stream().filter(s -> SECTIONS.contains(s.section()))
                .map(s -> s.section().label()).toList();
        CardContext context = new CardContext(settings.baseUrl(), request.hookInstance(), request.patientId(),
                request.encounterId(), request.userId(), reasons.codings(), incomplete);
        return PatientViewCards.of(scores.all(), panel, gaps, suggestions, context);
    }

    private void store(List<CdsCard> cards, AuthenticatedCdsClient client, EhrRegistration ehr, HookRequest request,
                       PatientRecord record) throws CdsHooksException {
        Instant now = Instant.now();
        PatientStrata strata = PatientStrata.of(record.demographics(),
                record.referenceDate().value().atOffset(ZoneOffset.UTC).toLocalDate());
        try {
            issuedCards.record(cards.stream().map(c -> IssuedCard.of(c, now, request.hookInstance(),
                    client.registration().iss(), ehr.id(), request.patientId(), request.encounterId(), strata))
                    .toList());
        } catch (IssuedCards.Unavailable e) {
            LOG.severe("CDS call answered 503: " + e.getMessage());
            throw new CdsHooksException(CdsFailure.CARDS_UNAVAILABLE, null, e);
        }
        // the cards shown, for the review (statistics: queued, never in the way of the answer)
        try {
            impressions.record(cards.stream().map(c -> io.chartlens.review.CardImpression.issuedByHook(
                    request.hookInstance(), c.issued().type(), c.issued().ruleId(), c.issued().ruleVersion(), ehr.id(),
                    strata, now)).toList());
        } catch (RuntimeException e) {
            LOG.warning("CDS card impressions not recorded: " + e.getClass().getName());
        }
    }

    /**
     * The EHR whose FHIR server the call may use: the client's own. A {@code fhirServer} that is not a registered EHR,
     * or is another EHR's, is refused before any request is made to it.
     */
    private EhrRegistration ehrFor(AuthenticatedCdsClient client, Optional<String> fhirServer)
            throws CdsHooksException {
        EhrRegistration own = ehrs.byId(client.registration().ehr()).orElseThrow(() -> new CdsHooksException(
                CdsFailure.FHIR_SERVER_NOT_ALLOWED, "the client's EHR " + client.registration().ehr()
                + " is not registered"));
        if (fhirServer.isPresent()) {
            EhrRegistration named = ehrs.byIss(fhirServer.get()).orElseThrow(() -> new CdsHooksException(
                    CdsFailure.UNKNOWN_FHIR_SERVER, "fhirServer " + fhirServer.get()));
            if (!named.id().equals(own.id())) {
                throw new CdsHooksException(CdsFailure.FHIR_SERVER_NOT_ALLOWED, "fhirServer is EHR " + named.id()
                        + "; client " + client.registration().id() + " is registered for " + own.id());
            }
        }
        return own;
    }

    /** A client for the registered FHIR base (never the URL as sent) with the call's token. */
    private IGenericClient clientFor(EhrRegistration ehr, FhirAuthorization authorization) {
        IGenericClient client = fhir.context().newRestfulGenericClient(ehr.iss());
        client.registerInterceptor(new BearerTokenAuthInterceptor(authorization.accessToken()));
        return client;
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
