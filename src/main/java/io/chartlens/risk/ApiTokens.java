package io.chartlens.risk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bearer tokens for the JSON APIs used by other systems. Only SHA-256 hashes are configured
 * ({@code chartlens.api.token-sha256}, comma-separated hex), so no usable token is ever stored in configuration.
 */
@ApplicationScoped
public class ApiTokens {

    @Inject
    @ConfigProperty(name = "chartlens.api.token-sha256")
    Optional<String> hashes;

    public boolean accepts(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.startsWith("Bearer ") || hashes.isEmpty()) {
            return false;
        }
        byte[] presented = sha256(authorizationHeader.substring("Bearer ".length()).trim());
        List<String> accepted = Arrays.stream(hashes.get().split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList();
        boolean match = false;
        for (String hash : accepted) {
            // constant-time comparison for every configured hash
            match |= MessageDigest.isEqual(presented, HexFormat.of().parseHex(hash.toLowerCase(java.util.Locale.ROOT)));
        }
        return match;
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
