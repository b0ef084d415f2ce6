package io.chartlens.aisummary;

import java.util.List;

/**
 * One statement of a summary and the resources it cites ({@code Type/id}).
 *
 * @param text      the statement, plain text
 * @param citations the FHIR resources that support it; never empty once verified
 */
public record CitedStatement(String text, List<String> citations) {

    public CitedStatement {
        text = text == null ? "" : text.strip();
        citations = citations == null ? List.of() : List.copyOf(citations);
    }
}
