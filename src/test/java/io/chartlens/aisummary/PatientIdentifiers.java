package io.chartlens.aisummary;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Patient;

/** What must never appear in a summary: the patient's names, identifiers, address, telecom and birth date. */
final class PatientIdentifiers {

    private final List<Pattern> patterns = new ArrayList<>();

    PatientIdentifiers(Patient patient) {
        List<String> words = new ArrayList<>();
        patient.getName().forEach(n -> {
            words.add(n.getFamily());
            n.getGiven().forEach(g -> words.add(g.getValue()));
        });
        for (String word : List.copyOf(words)) {
            if (word != null) {
                words.add(word.replaceAll("\\d+$", "")); // Synthea's numeric suffixes: Keven605 is Keven
            }
        }
        patient.getIdentifier().forEach(i -> words.add(i.getValue()));
        patient.getTelecom().forEach(t -> words.add(t.getValue()));
        patient.getAddress().forEach(a -> {
            a.getLine().forEach(l -> words.add(l.getValue()));
            words.add(a.getPostalCode());
        });
        if (patient.hasBirthDate()) {
            String iso = patient.getBirthDateElement().getValueAsString();
            words.add(iso);
            if (iso.length() >= 10) {
                var day = java.time.LocalDate.parse(iso.substring(0, 10));
                words.add(day.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
                words.add(day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)));
                words.add(day.format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH)));
            }
        }
        for (String word : words) {
            if (word != null && word.strip().length() >= 3) {
                patterns.add(Pattern.compile("(?i)(?<![\\p{L}\\d])" + Pattern.quote(word.strip()) + "(?![\\p{L}\\d])"));
            }
        }
    }

    /** The first identifying text found in {@code text}, or null. */
    String foundIn(String text) {
        return patterns.stream().filter(p -> p.matcher(text).find()).map(Pattern::pattern).findFirst().orElse(null);
    }

    boolean isEmpty() {
        return patterns.isEmpty();
    }
}
