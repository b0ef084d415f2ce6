package io.chartlens.caregaps;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;

/**
 * Expression values from one evaluation, already converted from the engine's runtime types: {@link Boolean},
 * {@link LocalDate}, {@link String}, {@link Resource}, or a {@link List} of those. A {@code null} value means the
 * expression evaluated to null (unknown), which callers must not read as false.
 */
public final class CqlResults {

    private final Map<String, Object> values;

    public CqlResults(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean has(String expression) {
        return values.containsKey(expression);
    }

    /** True only when the expression evaluated to true; null (unknown) and false are both "not shown to hold". */
    public boolean isTrue(String expression) {
        return Boolean.TRUE.equals(values.get(expression));
    }

    public Optional<LocalDate> date(String expression) {
        return values.get(expression) instanceof LocalDate d ? Optional.of(d) : Optional.empty();
    }

    /** The FHIR resources an expression returned (one or a list); other values are ignored. */
    public List<Resource> resources(String expression) {
        Object v = values.get(expression);
        if (v instanceof Resource r) {
            return List.of(r);
        }
        if (v instanceof List<?> list) {
            return list.stream().filter(Resource.class::isInstance).map(Resource.class::cast).toList();
        }
        return List.of();
    }

    public List<String> strings(String expression) {
        Object v = values.get(expression);
        if (v instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return v instanceof String s ? List.of(s) : List.of();
    }

    public Map<String, Object> asMap() {
        return values;
    }
}
