package io.chartlens.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DerivedResultsTest {

    @Test
    void keepsAtMostTheBoundAndLetsTheLeastRecentlyUsedGo() {
        DerivedResults<String> results = new DerivedResults<>(2);
        results.put("a", CompletableFuture.completedFuture("A"));
        results.put("b", CompletableFuture.completedFuture("B"));
        assertEquals("A", results.get("a").orElseThrow().join(), "reading a makes b the least recently used");
        results.put("c", CompletableFuture.completedFuture("C"));
        assertTrue(results.get("b").isEmpty());
        assertEquals("A", results.get("a").orElseThrow().join());
        assertEquals("C", results.get("c").orElseThrow().join());
    }
}
