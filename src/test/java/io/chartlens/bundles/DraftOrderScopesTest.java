package io.chartlens.bundles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DraftOrderScopesTest {

    @Test
    void requestsCreateOnTheThreeRequestTypesInTheLaunchContext() {
        assertEquals(List.of("patient/ServiceRequest.c", "patient/MedicationRequest.c", "patient/Task.c"),
                DraftOrderScopes.requested("patient"));
        assertEquals("user/Task.c", DraftOrderScopes.requested("user").get(2));
        assertThrows(IllegalArgumentException.class, () -> DraftOrderScopes.requested("system"));
    }

    @Test
    void v2CreateV1WriteAndWildcardsAllowWriting() {
        List<OrderKind> kinds = List.of(OrderKind.SERVICE_REQUEST, OrderKind.TASK);
        assertEquals(Optional.empty(), DraftOrderScopes.missing(Set.of("patient/ServiceRequest.c", "patient/Task.cu"), kinds));
        assertEquals(Optional.empty(), DraftOrderScopes.missing(Set.of("user/*.write"), kinds));
        assertEquals(Optional.empty(), DraftOrderScopes.missing(Set.of("patient/*.cruds"), kinds));
        assertEquals(Optional.empty(), DraftOrderScopes.missing(Set.of("user/ServiceRequest.*", "user/Task.crs"), kinds));
    }

    @Test
    void readScopesAloneSayWhichTypesCannotBeWrittenAndWhatToDo() {
        Optional<String> reason = DraftOrderScopes.missing(Set.of("launch", "patient/*.rs", "patient/Task.c"),
                List.of(OrderKind.SERVICE_REQUEST, OrderKind.MEDICATION_REQUEST, OrderKind.TASK));
        assertEquals("The EHR did not grant permission to create MedicationRequest, ServiceRequest (scope"
                + " patient/<type>.c or user/<type>.c), so the orders cannot be written back: copy the order list into"
                + " the EHR instead.", reason.orElseThrow());
        assertTrue(DraftOrderScopes.missing(Set.of("patient/*.read"), List.of(OrderKind.TASK)).isPresent());
    }
}
