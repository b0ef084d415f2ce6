package io.chartlens.bundles;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMART scopes that writing draft orders needs (SMART App Launch 2.0 {@code patient/ServiceRequest.c}; the v1
 * {@code .write} and {@code .*} forms also grant it). They are requested only when an EHR registration enables
 * writing; without them the page offers {@link DraftOrders#orderList} to copy, and says why.
 */
public final class DraftOrderScopes {

    private static final Pattern SCOPE =
            Pattern.compile("(patient|user|system)/([A-Z][A-Za-z]+|\\*)\\.(read|write|\\*|c?r?u?d?s?)(\\?.*)?");

    private DraftOrderScopes() {
    }

    /** The scopes to request for writing, in the launch's context ({@code patient} or {@code user}). */
    public static List<String> requested(String context) {
        if (!"patient".equals(context) && !"user".equals(context)) {
            throw new IllegalArgumentException("context must be patient or user: " + context);
        }
        return java.util.Arrays.stream(OrderKind.values()).map(k -> context + "/" + k.resourceType() + ".c").toList();
    }

    /**
     * Why the granted scopes do not allow writing these kinds of orders, or empty when they do.
     *
     * @param granted the scopes of the token response
     * @param kinds   the kinds of the selected items
     */
    public static Optional<String> missing(Set<String> granted, Collection<OrderKind> kinds) {
        Set<String> lacking = new TreeSet<>();
        for (OrderKind kind : kinds) {
            if (granted.stream().noneMatch(s -> grantsCreate(s, kind.resourceType()))) {
                lacking.add(kind.resourceType());
            }
        }
        if (lacking.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The EHR did not grant permission to create " + String.join(", ", lacking)
                + " (scope patient/<type>.c or user/<type>.c), so the orders cannot be written back: copy the order"
                + " list into the EHR instead.");
    }

    private static boolean grantsCreate(String scope, String type) {
        Matcher m = SCOPE.matcher(scope);
        if (!m.matches() || (!"*".equals(m.group(2)) && !type.equals(m.group(2)))) {
            return false;
        }
        return switch (m.group(3)) {
            case "write", "*" -> true;
            case "read" -> false;
            default -> m.group(3).contains("c");
        };
    }
}
