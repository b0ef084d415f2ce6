package io.chartlens.sandbox.fhir;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.StringType;

/** Builds the picker rows of the sandbox EHR from Patient and Practitioner resources. */
final class Listings {

    static final String NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi";

    /** The simulated clinicians of the sandbox, in the order the sign-in page offers them. */
    static final List<String> SANDBOX_USERS = List.of("sandbox-clinician", "sandbox-hospitalist", "sandbox-informaticist");

    private Listings() {
    }

    static PatientListing patient(Patient patient) {
        Optional<HumanName> name = chosenName(patient.getName());
        String display = name.map(Listings::givenAndFamily).filter(s -> !s.isBlank()).orElse("(no name)");
        return new PatientListing(patient.getIdElement().getIdPart(), display,
                patient.hasBirthDate() ? birthDate(patient.getBirthDateElement()) : null,
                patient.hasGender() ? patient.getGender().toCode() : "unknown",
                (patient.hasDeceasedBooleanType() && patient.getDeceasedBooleanType().booleanValue())
                        || patient.hasDeceasedDateTimeType());
    }

    /** Sorts by family name, then given names, then id, so the picker order is stable. */
    static Comparator<Patient> byFamilyName() {
        return Comparator.comparing((Patient p) -> familyOf(p).toLowerCase(Locale.ROOT))
                .thenComparing(p -> patient(p).displayName())
                .thenComparing(p -> p.getIdElement().getIdPart());
    }

    static PractitionerListing practitioner(Practitioner practitioner) {
        String display = chosenName(practitioner.getName())
                .map(n -> Stream.concat(Stream.of(givenAndFamily(n)), n.getSuffix().stream().map(StringType::getValue))
                        .collect(Collectors.joining(", ")))
                .orElse("(no name)");
        String npi = practitioner.getIdentifier().stream()
                .filter(i -> NPI_SYSTEM.equals(i.getSystem()))
                .map(Identifier::getValue).findFirst().orElse(null);
        return new PractitionerListing(practitioner.getIdElement().getIdPart(), display, npi);
    }

    /** The sandbox's own users first, in their fixed order, then everyone else by family name. */
    static Comparator<Practitioner> sandboxUsersFirst() {
        return Comparator.comparingInt((Practitioner p) -> {
                    int index = SANDBOX_USERS.indexOf(p.getIdElement().getIdPart());
                    return index < 0 ? SANDBOX_USERS.size() : index;
                })
                .thenComparing(p -> chosenName(p.getName()).map(HumanName::getFamily).orElse("")
                        .toLowerCase(Locale.ROOT))
                .thenComparing(p -> p.getIdElement().getIdPart());
    }

    /** Reads the calendar fields, not the instant, so a server time zone cannot shift the day. */
    private static LocalDate birthDate(DateType date) {
        return LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
    }

    private static String familyOf(Patient patient) {
        return chosenName(patient.getName()).map(HumanName::getFamily).orElse("");
    }

    private static Optional<HumanName> chosenName(List<HumanName> names) {
        return names.stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .or(() -> names.stream().filter(n -> n.getUse() == HumanName.NameUse.USUAL).findFirst())
                .or(() -> names.stream().findFirst());
    }

    private static String givenAndFamily(HumanName name) {
        return Stream.concat(name.getGiven().stream().map(StringType::getValue), Stream.of(name.getFamily()))
                .filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(" "));
    }
}
