package io.chartlens.summary;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import io.chartlens.launch.LaunchSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Practitioner;

/**
 * The signed-in clinician's display name: the verified id_token's {@code name} claim, else the {@code fhirUser}
 * Practitioner's name if it can be read, else a plain "Signed-in user" (the name is courtesy, not safety).
 */
@ApplicationScoped
public class ClinicianReader {

    private static final Logger LOG = Logger.getLogger(ClinicianReader.class.getName());

    /** The clinician line of the page. */
    public record Clinician(String name, String reference) {
    }

    public Clinician read(IGenericClient client, LaunchSession launch) {
        String reference = launch.user().orElse(null);
        if (launch.userName() != null && !launch.userName().isBlank()) {
            // The verified id_token already names the user: no FHIR request on the page's critical path.
            return new Clinician(launch.userName(), reference);
        }
        String fallback = "Signed-in user";
        if (reference == null || !reference.startsWith("Practitioner/")) {
            return new Clinician(fallback, reference);
        }
        try {
            Practitioner practitioner = client.read().resource(Practitioner.class)
                    .withId(reference.substring("Practitioner/".length())).execute();
            return new Clinician(name(practitioner).orElse(fallback), reference);
        } catch (BaseServerResponseException e) {
            // includes FhirClientConnectionException
            LOG.info("fhirUser Practitioner not readable (" + e.getClass().getSimpleName() + "); using id_token name");
            return new Clinician(fallback, reference);
        }
    }

    private static java.util.Optional<String> name(Practitioner practitioner) {
        return practitioner.getName().stream().findFirst().map(HumanName::getNameAsSingleString)
                .filter(s -> !s.isBlank());
    }
}
