package io.chartlens.bundles;

import java.util.Arrays;
import java.util.Optional;

/** The request resource an item becomes when it is written back: {@code ActivityDefinition.kind}. */
public enum OrderKind {
    SERVICE_REQUEST("ServiceRequest"),
    MEDICATION_REQUEST("MedicationRequest"),
    TASK("Task");

    private final String resourceType;

    OrderKind(String resourceType) {
        this.resourceType = resourceType;
    }

    public String resourceType() {
        return resourceType;
    }

    static Optional<OrderKind> of(String resourceType) {
        return Arrays.stream(values()).filter(k -> k.resourceType.equals(resourceType)).findFirst();
    }
}
