package io.chartlens.overrides;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous patient keys: the lower-case hex HMAC-SHA256 of the patient's FHIR logical id (UTF-8, stripped).
 *
 * <p>The key comes from MicroProfile Config {@value #KEY_PROPERTY} and must be at least 32 bytes (256 bits).
 * Accepted forms:
 * <ul>
 *   <li>{@code hex:<digits>} or {@code base64:<text>}: explicit;</li>
 *   <li>otherwise, a value of only hex digits with an even length is hex (e.g. {@code openssl rand -hex 32});</li>
 *   <li>anything else is Base64, standard or URL-safe, padded or not (e.g. {@code openssl rand -base64 32}).</li>
 * </ul>
 * Changing the key changes every patient key, so earlier rows no longer group with new ones (their hashes stay
 * valid: the chain hashes the stored key). Without a configured key the log refuses to work, except when the
 * sandbox is enabled ({@code chartlens.sandbox.enabled=true}): then a fixed, public development key is used and a
 * WARNING is logged once.
 */
public final class PatientPseudonyms {

    /** The MicroProfile Config property holding the key. */
    public static final String KEY_PROPERTY = "chartlens.pseudonym.key";

    static final int MIN_KEY_BYTES = 32;

    /** Public and fixed, for the sandbox only: keys made with it protect nothing. */
    static final String DEVELOPMENT_KEY_HEX = "6368617274206c656e732073616e64626f78206b6579202d206e6f7420736563";

    private static final Logger LOG = Logger.getLogger(PatientPseudonyms.class.getName());
    private static final AtomicBoolean DEVELOPMENT_WARNED = new AtomicBoolean();
    private static final Pattern HEX_DIGITS = Pattern.compile("(?:[0-9a-fA-F]{2})+");
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param key at least {@value #MIN_KEY_BYTES} bytes */
    PatientPseudonyms(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(KEY_PROPERTY + " is " + key.length + " bytes; at least " + MIN_KEY_BYTES
                    + " are required (e.g. the output of: openssl rand -hex 32)");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /**
     * The pseudonymiser for the configured key.
     *
     * @param configured     the value of {@value #KEY_PROPERTY}, if set
     * @param sandboxEnabled the value of {@code chartlens.sandbox.enabled}
     * @throws IllegalStateException if no key is configured outside the sandbox, or the key is malformed or short
     */
    static PatientPseudonyms fromConfig(Optional<String> configured, boolean sandboxEnabled) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return new PatientPseudonyms(parseKey(configured.get()));
        }
        if (!sandboxEnabled) {
            throw new IllegalStateException(KEY_PROPERTY + " is not configured: the feedback log needs a secret "
                    + "key of at least 32 bytes (hex or Base64, e.g. from: openssl rand -hex 32) to pseudonymise "
                    + "patient ids. Production must set it (environment CHARTLENS_PSEUDONYM_KEY); keep it stable.");
        }
        if (DEVELOPMENT_WARNED.compareAndSet(false, true)) {
            LOG.warning(KEY_PROPERTY + " is not configured and the sandbox is enabled: using the fixed, public "
                    + "development key. Patient keys made with it are NOT pseudonymous; never use this in "
                    + "production.");
        }
        return new PatientPseudonyms(HexFormat.of().parseHex(DEVELOPMENT_KEY_HEX));
    }

    /** Decodes a key given as {@code hex:...}, {@code base64:...}, bare hex, or bare Base64. */
    static byte[] parseKey(String value) {
        String v = value.strip();
        try {
            if (v.startsWith("hex:")) {
                return HexFormat.of().parseHex(v.substring(4).strip());
            }
            if (v.startsWith("base64:")) {
                return base64(v.substring(7).strip());
            }
            if (HEX_DIGITS.matcher(v).matches()) {
                return HexFormat.of().parseHex(v);
            }
            return base64(v);
        } catch (IllegalArgumentException e) {
            // the message would quote part of the secret
            throw new IllegalStateException(KEY_PROPERTY + " is neither hex nor Base64", null);
        }
    }

    private static byte[] base64(String v) {
        return v.indexOf('-') >= 0 || v.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(v)
                : Base64.getDecoder().decode(v);
    }

    /**
     * The patient key: lower-case hex HMAC-SHA256 over the stripped patient id in UTF-8 (64 characters).
     *
     * @throws IllegalArgumentException if the patient id is blank
     */
    String keyOf(String patientId) {
        if (patientId == null || patientId.isBlank()) {
            throw new IllegalArgumentException("patientId is required");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(patientId.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }
}
