package io.chartlens.sandbox.auth;

/** A bearer token the sandbox does not accept; the message says why (never contains the token). */
public class InvalidSandboxTokenException extends Exception {
    public InvalidSandboxTokenException(String reason) {
        super(reason);
    }
}
