package io.chartlens.launch;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The keys that seal launch state (tokens, PKCE verifiers, patient context) before it leaves the JVM for a shared
 * session store: JWE compact serialisation, {@code dir} + {@code A256GCM} (RFC 7516/7518), so a copy of the Redis or
 * database contents alone reveals no token. The first key seals; every key (current and previous) may open, which
 * lets operators rotate the key without logging everyone out. Each JWE carries the key's id (a hash prefix) so
 * the right key is tried first.
 *
 * <p>Keys come from the environment ({@code CHARTLENS_SESSION_KEY}, {@code CHARTLENS_SESSION_PREVIOUS_KEYS}),
 * installed at start by {@link SessionStoreCheck}. Where nothing was installed (unit tests, or the memory store,
 * which never serialises a session) a random key that lives as long as the JVM is used.
 */
public final class SessionKeys {

    /** The reason a sealed value could not be opened. */
    public enum OpenFailure { MALFORMED, UNKNOWN_KEY, TAMPERED_OR_WRONG_KEY }

    /** Thrown when a sealed value cannot be opened; carries no part of the value. */
    public static final class OpenException extends Exception {
        private static final long serialVersionUID = 1L;
        private final OpenFailure failure;

        OpenException(OpenFailure failure) {
            super(failure.name());
            this.failure = failure;
        }

        public OpenFailure failure() {
            return failure;
        }
    }

    private static final int KEY_BYTES = 32;
    private static volatile SessionKeys installed;
    private static final SessionKeys EPHEMERAL = ephemeral();

    private final List<OctetSequenceKey> keys;

    private SessionKeys(List<OctetSequenceKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * Keys from their configured text: {@code current} and comma-separated {@code previous}, each the base64url (or
     * base64) encoding of exactly 32 random bytes.
     *
     * @throws IllegalArgumentException naming which key is malformed (never echoing it)
     */
    public static SessionKeys parse(String current, Optional<String> previous) {
        List<OctetSequenceKey> keys = new ArrayList<>();
        keys.add(key("CHARTLENS_SESSION_KEY", current));
        if (previous.isPresent() && !previous.get().isBlank()) {
            int i = 1;
            for (String part : previous.get().split(",")) {
                if (!part.isBlank()) {
                    keys.add(key("CHARTLENS_SESSION_PREVIOUS_KEYS[" + i++ + "]", part.trim()));
                }
            }
        }
        return new SessionKeys(keys);
    }

    /** A fresh random key, for tests and for the single-instance memory store. */
    public static SessionKeys ephemeral() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new SessionKeys(List.of(withId(bytes)));
    }

    static void install(SessionKeys keys) {
        installed = keys;
    }

    /** The installed keys, or the JVM's ephemeral key when none were installed. */
    public static SessionKeys current() {
        SessionKeys keys = installed;
        return keys != null ? keys : EPHEMERAL;
    }

    /** Encrypts and authenticates {@code plaintext} with the current key. */
    public String seal(byte[] plaintext) {
        OctetSequenceKey key = keys.get(0);
        try {
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                    .keyID(key.getKeyID()).build(), new Payload(plaintext));
            jwe.encrypt(new DirectEncrypter(key));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
    }

    /** Decrypts a value sealed by {@link #seal} with this key or one of the previous keys. */
    public byte[] open(String sealed) throws OpenException {
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(sealed);
        } catch (ParseException e) {
            throw new OpenException(OpenFailure.MALFORMED);
        }
        if (!JWEAlgorithm.DIR.equals(jwe.getHeader().getAlgorithm())
                || !EncryptionMethod.A256GCM.equals(jwe.getHeader().getEncryptionMethod())) {
            throw new OpenException(OpenFailure.MALFORMED);
        }
        String kid = jwe.getHeader().getKeyID();
        List<OctetSequenceKey> candidates = keys.stream().filter(k -> k.getKeyID().equals(kid)).toList();
        if (candidates.isEmpty()) {
            throw new OpenException(OpenFailure.UNKNOWN_KEY);
        }
        for (OctetSequenceKey key : candidates) {
            try {
                JWEObject copy = JWEObject.parse(sealed);
                copy.decrypt(new DirectDecrypter(key));
                return copy.getPayload().toBytes();
            } catch (JOSEException | ParseException e) {
                // try the next key with the same id (a hash-prefix collision is possible, if unlikely)
            }
        }
        throw new OpenException(OpenFailure.TAMPERED_OR_WRONG_KEY);
    }

    /** How many keys can open (1 + previous keys). */
    public int size() {
        return keys.size();
    }

    private static OctetSequenceKey key(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " is empty");
        }
        byte[] bytes;
        try {
            String normalised = text.trim().replace('+', '-').replace('/', '_').replace("=", "");
            bytes = Base64.getUrlDecoder().decode(normalised);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not base64 (generate one with: openssl rand -base64 32)");
        }
        if (bytes.length != KEY_BYTES) {
            int length = bytes.length;
            Arrays.fill(bytes, (byte) 0);
            throw new IllegalArgumentException(name + " must encode exactly " + KEY_BYTES
                    + " random bytes but encodes " + length + " (generate one with: openssl rand -base64 32)");
        }
        return withId(bytes);
    }

    private static OctetSequenceKey withId(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            String kid = "s" + HexFormat.of().formatHex(digest, 0, 6);
            return new OctetSequenceKey.Builder(bytes).keyID(kid).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
