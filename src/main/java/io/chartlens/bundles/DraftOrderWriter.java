package io.chartlens.bundles;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.util.OperationOutcomeUtil;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;

/**
 * Writes the selected items of a suggested bundle to the EHR as draft orders, in one transaction
 * ({@link DraftOrders}). A transaction is all or nothing: when the EHR refuses it, every item sent is reported failed
 * with the EHR's reason, and submitting again is safe because each entry is a conditional create. Items the record
 * already shows are not sent.
 */
public final class DraftOrderWriter {

    private final IGenericClient client;

    /** @param client a client for the launch's EHR, with its bearer token and timeouts */
    public DraftOrderWriter(IGenericClient client) {
        this.client = client;
    }

    /** See {@link DraftOrders#transaction} for the parameters. Never throws for an EHR or connection problem. */
    public DraftOrderResult write(SuggestedBundle bundle, List<String> selectedItemIds, String patientRef,
                                  String encounterRef, String practitionerRef, String launchOrRequestKey) {
        List<String> selection = List.copyOf(new LinkedHashSet<>(selectedItemIds));
        List<DraftOrderResult.ItemOutcome> outcomes = new ArrayList<>();
        List<SuggestedBundle.Item> toSend = new ArrayList<>();
        for (String id : selection) {
            Optional<SuggestedBundle.Item> item = bundle.item(id);
            if (item.isEmpty()) {
                outcomes.add(failed(id, id, DraftOrderResult.Failure.NOT_IN_BUNDLE,
                        "This item is not part of the bundle " + bundle.definition().title() + "; reload the page."));
            } else if (item.get().status() != ItemStatus.SUGGESTED) {
                outcomes.add(new DraftOrderResult.ItemOutcome(id, item.get().definition().title(),
                        DraftOrderResult.Outcome.ALREADY_EXISTED,
                        item.get().shownBy().map(SuggestedBundle.Holding::reference).orElse(null), null, null));
            } else {
                toSend.add(item.get());
            }
        }
        if (!toSend.isEmpty()) {
            outcomes.addAll(send(bundle, toSend, patientRef, encounterRef, practitionerRef, launchOrRequestKey));
        }
        outcomes.sort(java.util.Comparator.comparingInt(o -> selection.indexOf(o.itemId())));
        return new DraftOrderResult(selection, outcomes);
    }

    private List<DraftOrderResult.ItemOutcome> send(SuggestedBundle bundle, List<SuggestedBundle.Item> items,
                                                    String patientRef, String encounterRef, String practitionerRef,
                                                    String key) {
        Bundle transaction = DraftOrders.transaction(bundle, items.stream().map(SuggestedBundle.Item::id).toList(),
                patientRef, encounterRef, practitionerRef, key);
        Bundle response;
        try {
            response = client.transaction().withBundle(transaction).execute();
        } catch (FhirClientConnectionException e) {
            String reason = "The EHR could not be reached or did not answer in time, so it is not known whether the"
                    + " drafts were written. Submitting again is safe: an item already written is not duplicated.";
            return items.stream().map(i -> failed(i.id(), i.definition().title(),
                    DraftOrderResult.Failure.EHR_UNREACHABLE, reason)).toList();
        } catch (BaseServerResponseException e) {
            int status = e.getStatusCode();
            DraftOrderResult.Failure failure = status == 401 || status == 403
                    ? DraftOrderResult.Failure.WRITE_NOT_PERMITTED
                    : status >= 500 ? DraftOrderResult.Failure.EHR_ERROR : DraftOrderResult.Failure.REJECTED_BY_EHR;
            String detail = e.getOperationOutcome() != null
                    ? OperationOutcomeUtil.getFirstIssueDiagnostics(client.getFhirContext(), e.getOperationOutcome())
                    : null;
            String reason = "The EHR refused the draft orders (HTTP " + status + (detail != null ? ": " + detail : "")
                    + "). Nothing was written; the selection is kept."
                    + (failure == DraftOrderResult.Failure.WRITE_NOT_PERMITTED
                    ? " The launch may not write orders: copy the order list instead." : " You can submit again.");
            return items.stream().map(i -> failed(i.id(), i.definition().title(), failure, reason)).toList();
        }
        List<DraftOrderResult.ItemOutcome> outcomes = new ArrayList<>();
        for (int n = 0; n < items.size(); n++) {
            SuggestedBundle.Item item = items.get(n);
            Bundle.BundleEntryResponseComponent entry = n < response.getEntry().size()
                    ? response.getEntry().get(n).getResponse() : null;
            String status = entry == null || !entry.hasStatus() ? "" : entry.getStatus().trim();
            if (status.startsWith("201") || status.startsWith("200")) {
                String location = entry.hasLocation()
                        ? new IdType(entry.getLocation()).toUnqualifiedVersionless().getValue() : null;
                outcomes.add(new DraftOrderResult.ItemOutcome(item.id(), item.definition().title(),
                        status.startsWith("201") ? DraftOrderResult.Outcome.CREATED
                                : DraftOrderResult.Outcome.ALREADY_EXISTED, location, null, null));
            } else {
                outcomes.add(failed(item.id(), item.definition().title(), DraftOrderResult.Failure.UNEXPECTED_RESPONSE,
                        "The EHR's answer for this item was '" + status + "', not created: check the EHR before"
                                + " submitting again."));
            }
        }
        return outcomes;
    }

    private static DraftOrderResult.ItemOutcome failed(String id, String title, DraftOrderResult.Failure failure,
                                                       String reason) {
        return new DraftOrderResult.ItemOutcome(id, title, DraftOrderResult.Outcome.FAILED, null, failure, reason);
    }
}
