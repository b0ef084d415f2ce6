package io.chartlens.fhir;

import ca.uhn.fhir.rest.gclient.DateClientParam;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent;

/**
 * What a server's CapabilityStatement (FHIR R4 {@code /metadata}) says about sorting: whether it names {@code _sort}
 * (as a server-wide or per-type search parameter) and which search parameters each type has. A server that does not
 * name {@code _sort} may reject or silently ignore it, so the loader sorts such a server's results itself.
 *
 * @param sortDeclared     whether {@code _sort} is declared anywhere in the server's REST capabilities
 * @param parametersByType search parameter names per resource type; never null
 */
record SortSupport(boolean sortDeclared, Map<String, Set<String>> parametersByType) {

    static final SortSupport NONE = new SortSupport(false, Map.of());

    SortSupport {
        parametersByType = Map.copyOf(parametersByType);
    }

    static SortSupport from(CapabilityStatement statement) {
        boolean sort = false;
        Map<String, Set<String>> byType = new HashMap<>();
        for (CapabilityStatementRestComponent rest : statement.getRest()) {
            if (rest.hasMode() && rest.getMode() != CapabilityStatement.RestfulCapabilityMode.SERVER) {
                continue;
            }
            sort |= rest.getSearchParam().stream().anyMatch(p -> "_sort".equals(p.getName()));
            for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
                Set<String> names = resource.getSearchParam().stream()
                        .map(CapabilityStatementRestResourceSearchParamComponent::getName)
                        .filter(name -> name != null).collect(Collectors.toUnmodifiableSet());
                sort |= names.contains("_sort");
                byType.merge(resource.getType(), names, (a, b) -> Set.copyOf(
                        java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
            }
        }
        return new SortSupport(sort, byType);
    }

    /** The date parameter to sort a section by, descending; empty when the server did not declare one. */
    Optional<DateClientParam> sortKey(RecordSection section) {
        if (!sortDeclared) {
            return Optional.empty();
        }
        Set<String> offered = parametersByType.getOrDefault(section.resourceType(), Set.of());
        return SectionSearch.sortCandidates(section).stream()
                .filter(p -> offered.contains(p.getParamName())).findFirst();
    }
}
