package io.chartlens.bundles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.gclient.ICriterionInternal;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;

/**
 * Draft orders for the items a clinician selected: one FHIR R4 transaction Bundle of ServiceRequests and
 * MedicationRequests ({@code status=draft}, {@code intent=proposal}) and Tasks, each a conditional create
 * ({@code ifNoneExist} on its identifier) so that a double click or a retry never creates a duplicate. The
 * identifier ({@value #IDENTIFIER_SYSTEM}) is a hash of the patient, the bundle's URL and version, and the item:
 * the same item of the same bundle version is drafted once per patient. The launch or request key becomes the
 * shared requisition (group) identifier of the orders written together.
 */
public final class DraftOrders {

    public static final String IDENTIFIER_SYSTEM = "http://chartlens.io/fhir/draft-order";
    public static final String REQUEST_SYSTEM = "http://chartlens.io/fhir/draft-order-request";

    private DraftOrders() {
    }

    /**
     * The transaction for the selected items.
     *
     * @param bundle             the suggestion the clinician acted on
     * @param selectedItemIds    ids of its items; each must be one of its items and still {@link ItemStatus#SUGGESTED}
     * @param patientRef         the patient ({@code Patient/id} or the id)
     * @param encounterRef       the encounter in context, or null
     * @param practitionerRef    the requester ({@code Practitioner/id} from fhirUser), or null
     * @param launchOrRequestKey identifies the submission (the launch or the form's request key); hashed
     * @throws IllegalArgumentException when an id is not a suggested item of the bundle, or nothing is selected
     */
    public static Bundle transaction(SuggestedBundle bundle, List<String> selectedItemIds, String patientRef,
                                     String encounterRef, String practitionerRef, String launchOrRequestKey) {
        if (selectedItemIds.isEmpty()) {
            throw new IllegalArgumentException("no item selected");
        }
        if (launchOrRequestKey == null || launchOrRequestKey.isBlank()) {
            throw new IllegalArgumentException("a launch or request key is required");
        }
        String patient = reference("Patient", patientRef);
        Identifier group = new Identifier().setSystem(REQUEST_SYSTEM).setValue(hash(launchOrRequestKey).substring(0, 32));
        DraftResources.Context context = new DraftResources.Context(patient,
                encounterRef == null ? null : reference("Encounter", encounterRef),
                practitionerRef == null ? null : new IdType(practitionerRef).toUnqualifiedVersionless().getValue(),
                group, note(bundle));
        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        transaction.setIdentifier(group.copy());
        for (String itemId : new LinkedHashSet<>(selectedItemIds)) {
            SuggestedBundle.Item item = bundle.item(itemId).orElseThrow(() -> new IllegalArgumentException(
                    "'" + itemId + "' is not an item of bundle " + bundle.definition().id()));
            if (item.status() != ItemStatus.SUGGESTED) {
                throw new IllegalArgumentException("item " + itemId + " is " + item.status().label().toLowerCase(
                        java.util.Locale.ROOT) + " (" + item.shownBy().map(SuggestedBundle.Holding::reference)
                        .orElse("") + ")");
            }
            String value = identifierValue(patient, bundle.definition(), itemId);
            Identifier identifier = new Identifier().setSystem(IDENTIFIER_SYSTEM).setValue(value);
            Resource resource = DraftResources.of(item.definition(), identifier, context);
            transaction.addEntry()
                    .setFullUrl("urn:uuid:" + UUID.nameUUIDFromBytes(value.getBytes(StandardCharsets.UTF_8)))
                    .setResource(resource)
                    .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType())
                    .setIfNoneExist(ifNoneExist(value));
        }
        return transaction;
    }

    /** The identifier value of an item's draft for a patient: stable across launches, retries and servers. */
    public static String identifierValue(String patientRef, BundleDefinition bundle, String itemId) {
        return hash(reference("Patient", patientRef) + "\n" + bundle.url() + "\n" + bundle.version() + "\n" + itemId);
    }

    /**
     * The selected items as a list to copy into the EHR by hand, for when writing back is not permitted: one line per
     * item with what it is, its priority and dosage.
     */
    public static String orderList(SuggestedBundle bundle, List<String> selectedItemIds) {
        StringBuilder text = new StringBuilder(bundle.definition().title()).append('\n');
        for (String itemId : new LinkedHashSet<>(selectedItemIds)) {
            bundle.item(itemId).filter(i -> i.status() == ItemStatus.SUGGESTED).map(SuggestedBundle.Item::definition)
                    .ifPresent(i -> {
                        text.append("- ").append(i.what().text());
                        i.what().codings().stream().findFirst().ifPresent(c -> text.append(" [").append(c.code())
                                .append(' ').append(c.display()).append(']'));
                        if (!"routine".equals(i.priority())) {
                            text.append(" (").append(i.priority()).append(')');
                        }
                        if (i.dosageText() != null) {
                            text.append(": ").append(i.dosageText());
                        }
                        text.append('\n');
                    });
        }
        return text.toString();
    }

    /** {@code identifier=system|value}, rendered by HAPI's typed token criterion. */
    private static String ifNoneExist(String value) {
        ICriterionInternal criterion = (ICriterionInternal) new TokenClientParam("identifier").exactly()
                .systemAndIdentifier(IDENTIFIER_SYSTEM, value);
        return criterion.getParameterName() + "=" + criterion.getParameterValue(FhirContext.forR4Cached());
    }

    private static String note(SuggestedBundle bundle) {
        return "Proposed by ChartLens from the bundle \"" + bundle.definition().title() + "\" (version "
                + bundle.definition().version() + "). Why: " + String.join("; ",
                bundle.why().stream().map(SuggestedBundle.Why::summary).toList()) + ".";
    }

    private static String reference(String type, String reference) {
        IdType id = new IdType(reference);
        if (id.getIdPart() == null || (id.hasResourceType() && !type.equals(id.getResourceType()))) {
            throw new IllegalArgumentException("not a " + type + " reference: " + reference);
        }
        return type + "/" + id.getIdPart();
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
