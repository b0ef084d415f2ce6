package io.chartlens.bundles;

import io.chartlens.record.Code;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * What an item orders: an ActivityDefinition's {@code code} or {@code productCodeableConcept}, immutable.
 *
 * @param codings the codings (may be empty: some items are text only, because no code is certain)
 * @param text    plain text for people; never null
 */
public record Concept(List<Code> codings, String text) {

    public Concept {
        codings = List.copyOf(codings);
    }

    static Concept of(CodeableConcept concept) {
        List<Code> codings = concept.getCoding().stream()
                .map(c -> new Code(c.getSystem(), c.getCode(), c.hasDisplay() ? c.getDisplay() : c.getCode())).toList();
        String text = concept.hasText() ? concept.getText()
                : codings.isEmpty() ? "" : codings.get(0).display();
        return new Concept(codings, text);
    }

    CodeableConcept toCodeableConcept() {
        CodeableConcept concept = new CodeableConcept().setText(text);
        codings.forEach(c -> concept.addCoding(new Coding(c.system(), c.code(), c.display())));
        return concept;
    }
}
