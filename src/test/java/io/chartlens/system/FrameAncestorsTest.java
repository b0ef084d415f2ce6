package io.chartlens.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameAncestorsTest {

    private final FrameAncestors frameAncestors = new FrameAncestors();

    @Test
    void policyListsTheGivenFrameAncestorsInOrder() {
        String policy = frameAncestors.policy(List.of("'self'", "https://x"));
        assertTrue(policy.contains("frame-ancestors 'self' https://x"), policy);
        assertTrue(policy.endsWith("; frame-ancestors 'self' https://x"), policy);
    }

    @Test
    void policyForbidsPluginsAndBaseRewriting() {
        List<String> directives = directives(frameAncestors.policy(List.of("'none'")));
        assertTrue(directives.contains("object-src 'none'"), directives.toString());
        assertTrue(directives.contains("base-uri 'none'"), directives.toString());
        assertTrue(directives.contains("frame-ancestors 'none'"), directives.toString());
    }

    @Test
    void policyAllowsNoInlineOrEvalScript() {
        String policy = frameAncestors.policy(List.of("'self'", "https://x"));
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertFalse(policy.contains("unsafe-eval"), policy);
        assertTrue(directives(policy).contains("script-src 'self'"), policy);
    }

    @Test
    void policyNamesEachDirectiveOnce() {
        List<String> names = directives(frameAncestors.policy(List.of("'self'"))).stream()
                .map(d -> d.split(" ")[0]).toList();
        assertEquals(names.stream().distinct().count(), names.size(), names.toString());
    }

    private static List<String> directives(String policy) {
        return Arrays.stream(policy.split(";")).map(String::trim).toList();
    }
}
