package io.chartlens.cdshooks;

import java.util.List;

/**
 * What every card of one hook call shares.
 *
 * @param baseUrl         ChartLens's public base URL (for the SMART link), without a trailing slash
 * @param hookInstance    the call's id (the draft orders' shared requisition key)
 * @param patientId       the patient in context
 * @param encounterId     the encounter in context, or null
 * @param userId          the user in context ({@code Practitioner/123}), the draft orders' requester when a
 *                        Practitioner
 * @param overrideReasons the reasons offered for overriding a card
 * @param incomplete      the sections the service reads that did not load completely, in words; empty when all did
 */
record CardContext(String baseUrl, String hookInstance, String patientId, String encounterId, String userId,
                   List<CdsCard.Coding> overrideReasons, List<String> incomplete) {

    CardContext {
        overrideReasons = List.copyOf(overrideReasons);
        incomplete = List.copyOf(incomplete);
    }

    /** The Markdown line every card carries when the record is incomplete, or an empty string. */
    String incompleteNote() {
        return incomplete.isEmpty() ? "" : "\n\n_Not all of the record loaded (" + String.join(", ", incomplete)
                + "): what is missing is unknown, not normal; a card may be missing or wrong._";
    }

    /** The SMART link that opens ChartLens's summary for the patient in context (SMART App Launch, EHR launch). */
    CdsCard.Link summaryLink(String cardUuid) {
        return new CdsCard.Link("Open ChartLens summary", baseUrl + "/launch",
                "{\"view\":\"summary\",\"card\":\"" + cardUuid + "\"}");
    }
}
