package io.chartlens.launch;

/** How ChartLens authenticates at an EHR's token endpoint (RFC 6749 §2.3, RFC 7523; SMART "client-confidential-*"). */
public enum ClientAuthenticationMethod {
    PRIVATE_KEY_JWT("private_key_jwt"),
    CLIENT_SECRET_BASIC("client_secret_basic");

    private final String value;

    ClientAuthenticationMethod(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static ClientAuthenticationMethod parse(String value) {
        for (ClientAuthenticationMethod m : values()) {
            if (m.value.equals(value)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unsupported client authentication method: " + value
                + " (use private_key_jwt or client_secret_basic)");
    }
}
