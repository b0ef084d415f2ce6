package io.chartlens.bundles;

import io.chartlens.fhir.FhirClients;
import io.chartlens.launch.EhrRegistration;
import io.chartlens.launch.LaunchSession;
import io.chartlens.overrides.CardType;
import io.chartlens.overrides.FeedbackEntry;
import io.chartlens.overrides.FeedbackLog;
import io.chartlens.overrides.FeedbackOutcome;
import io.chartlens.overrides.FeedbackPayload;
import io.chartlens.overrides.FeedbackUnavailableException;
import io.chartlens.summary.LaunchPages;
import io.chartlens.system.CsrfTokens;
import io.chartlens.system.Pages;
import io.chartlens.system.audit.AuditAction;
import io.chartlens.system.audit.AuditOutcome;
import io.chartlens.system.audit.AuditRecord;
import io.chartlens.system.audit.AuditTrail;
import io.chartlens.system.audit.AuditUnavailableException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * {@code POST /summary/bundles/draft}: writes the items a hospitalist selected on a bundle card to the EHR as draft
 * orders ({@link DraftOrderWriter}: one transaction, conditional creates, so a double click or retry writes each
 * item once), audits the write, and records the bundle as accepted in the feedback log. A failure says what failed
 * and gives the form back with the same items selected.
 */
@WebServlet("/summary/bundles/draft")
public class DraftOrderServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(DraftOrderServlet.class.getName());

    @Inject
    LaunchPages launchPages;
    @Inject
    CsrfTokens csrf;
    @Inject
    Pages pages;
    @Inject
    io.chartlens.summary.ShownCards shownCards;
    @Inject
    io.chartlens.summary.DecisionForms forms;
    @Inject
    FhirClients fhirClients;
    @Inject
    FeedbackLog log;
    @Inject
    AuditTrail audit;
    @Inject
    io.chartlens.review.ReviewAccess access;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> model = new HashMap<>();
        List<String> selected = List.copyOf(Arrays.asList(Optional.ofNullable(request.getParameterValues("item"))
                .orElse(new String[0])));
        model.put("selected", selected);
        model.put("bundleId", request.getParameter("bundle"));
        if (!csrf.isValid(request)) {
            answer(request, response, 403, model, "This form was not sent from your ChartLens page, so nothing was"
                    + " written. Reload the summary and try again.");
            return;
        }
        Optional<LaunchSession> resolved = launchPages.resolve(request, response);
        if (resolved.isEmpty()) {
            return;
        }
        LaunchSession launch = resolved.get();
        EhrRegistration registration = launchPages.registration(launch);
        model.put("ctx", launch.id());
        model.put("csrf", csrf.tokenFor(request.getSession()));
        if (launch.patient().isEmpty()
                || !forms.patientKey(launch).equals(Optional.ofNullable(request.getParameter("patient")))) {
            answer(request, response, 409, model, "This bundle was shown for another patient than the one now open"
                    + " in this ChartLens window, so nothing was written. Reload the summary.");
            return;
        }
        model.put("patientKey", request.getParameter("patient"));
        if (selected.isEmpty()) {
            answer(request, response, 400, model, "Select at least one item to write as a draft order.");
            return;
        }
        Optional<String> noWrites = LaunchBundles.whyNoWrites(launch, registration);
        if (noWrites.isPresent()) {
            answer(request, response, 403, model, noWrites.get());
            return;
        }
        Optional<SuggestedBundle> bundle;
        try {
            bundle = shownCards.bundle(launch, registration, String.valueOf(request.getParameter("bundle")));
        } catch (io.chartlens.summary.ShownCards.UnavailableException e) {
            answer(request, response, 503, model, "Nothing was written: " + e.getMessage());
            return;
        }
        if (bundle.isEmpty()) {
            answer(request, response, 409, model, "This bundle is no longer suggested (the record changed), so"
                    + " nothing was written. Reload the summary.");
            return;
        }
        model.put("bundle", BundlePanel.card(bundle.get()));
        String requestKey = Optional.ofNullable(request.getParameter("requestKey")).filter(k ->
                k.matches("[A-Za-z0-9_-]{8,64}")).orElse(launch.id());
        DraftOrderResult result = new DraftOrderWriter(fhirClients.forLaunch(launch)).write(bundle.get(), selected,
                launch.patient().get(), launch.encounter().orElse(null), launch.user().orElse(null), requestKey);
        model.put("result", result);
        DraftedItems.remember(request.getSession(), launch.id(), bundle.get().definition().id(), result);
        try {
            audit.record(new AuditRecord(launch.user().orElse("unknown-user"), registration.id(),
                    launch.patient().get(), launch.encounter().orElse(null), AuditAction.WRITE_DRAFT_ORDERS,
                    Set.of("ServiceRequest", "MedicationRequest", "Task"), result.indicatesSuccess()
                    ? AuditOutcome.SUCCESS : result.failed().size() < result.outcomes().size() ? AuditOutcome.PARTIAL
                    : AuditOutcome.FAILURE, result.failed().stream().map(f -> f.failure().name()).distinct()
                    .reduce((a, b) -> a + "," + b).orElse(null), null));
        } catch (AuditUnavailableException e) {
            LOG.severe("Draft-order write NOT audited: audit log unavailable");
            model.put("auditError", true);
        }
        if (result.indicatesSuccess()) {
            model.put("feedbackError", !recordAccepted(launch, registration, bundle.get(), result));
        }
        answer(request, response, result.indicatesSuccess() ? 200 : 502, model, null);
    }

    /** The bundle card as accepted, with the items written; false when the log could not save it. */
    private boolean recordAccepted(LaunchSession launch, EhrRegistration registration, SuggestedBundle bundle,
                                   DraftOrderResult result) {
        Map<String, Object> written = new LinkedHashMap<>();
        result.outcomes().forEach(o -> written.put(o.itemId(), Map.of("outcome", o.outcome().name(),
                "id", String.valueOf(o.reference()))));
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("why", bundle.why().stream().map(SuggestedBundle.Why::summary).toList());
        shown.put("drafted", written);
        try {
            log.append(new FeedbackEntry(launch.user().orElse("unknown-user"), access.roleOf(launch).code(),
                    registration.id(),
                    launch.patient().get(), launch.encounter().orElse(null), CardType.BUNDLE, bundle.definition().id(),
                    bundle.definition().version(), FeedbackOutcome.ACCEPTED, null, "draft orders written",
                    FeedbackPayload.canonicalJson(shown), launch.id()));
            return true;
        } catch (FeedbackUnavailableException e) {
            LOG.severe("Bundle acceptance NOT saved in the feedback log (" + bundle.definition().id() + ")");
            return false;
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> model,
                        String error) throws IOException {
        model.put("error", error);
        boolean fragment = "1".equals(request.getHeader("X-ChartLens-Fragment"));
        pages.render(request, response, status, fragment ? "summary/fragments/draft-result" : "summary/draft-orders",
                model);
    }
}
