package io.chartlens.cdshooks;

/**
 * Why a CDS Hooks request was refused, with its HTTP status and a reason the EHR's integrators can act on. The body
 * of every refusal is {@code {"error": NAME, "reason": ..., "detail": ...}} (see {@link CdsResponses}).
 *
 * <p>Authentication failures (CDS Hooks 2.0 "Trusting CDS Clients") are all 401, whatever was wrong with the JWT;
 * a key set that cannot be fetched is 503, since the token may well be good. A {@code fhirServer} that is not a
 * registered EHR is 403, like an unregistered {@code iss} at launch: the request is understood, and refused.
 */
public enum CdsFailure {
    MISSING_TOKEN(401, "The request has no Authorization: Bearer JWT (CDS Hooks 2.0, Trusting CDS Clients)."),
    MALFORMED_TOKEN(401, "The bearer token is not a signed JWT."),
    ALGORITHM_NOT_ALLOWED(401, "The JWT is not signed with an algorithm allowed for this client (e.g. ES384, RS384);"
            + " none and symmetric algorithms are never accepted."),
    MISSING_KEY_ID(401, "The JWT header has no kid."),
    UNKNOWN_CLIENT(401, "The JWT's iss is not a registered CDS client."),
    JKU_NOT_REGISTERED(401, "The JWT's jku is not the JWK Set URL registered for its iss."),
    BAD_SIGNATURE(401, "The JWT's signature does not verify with the client's registered keys."),
    MISSING_CLAIM(401, "The JWT lacks a required claim (iss, aud, exp, iat, jti)."),
    WRONG_AUDIENCE(401, "The JWT's aud is not the URL of the endpoint being called."),
    TOKEN_EXPIRED(401, "The JWT has expired."),
    TOKEN_LIFETIME_TOO_LONG(401, "The JWT's exp is more than 5 minutes away; sign a fresh, short-lived JWT per call."),
    TOKEN_ISSUED_IN_FUTURE(401, "The JWT's iat is in the future; check the client's clock."),
    TOKEN_REPLAYED(401, "This JWT (its jti) was already used; sign a new JWT for every call."),
    KEYS_UNAVAILABLE(503, "The client's JWK Set could not be fetched, so the JWT could not be verified. Try again."),
    REPLAY_CACHE_FULL(503, "Too many calls to remember their JWT ids right now. Try again shortly."),
    REQUEST_TOO_LARGE(413, "The request body is larger than this service accepts."),
    MALFORMED_REQUEST(400, "The body is not a valid CDS Hooks request."),
    UNSUPPORTED_HOOK(400, "This service answers the patient-view hook only."),
    INVALID_PREFETCH(400, "A prefetch value is not the FHIR data its template asks for."),
    UNKNOWN_FHIR_SERVER(403, "fhirServer is not a registered EHR, so ChartLens did not contact it."),
    FHIR_SERVER_NOT_ALLOWED(403, "fhirServer belongs to an EHR this CDS client is not registered for, so ChartLens"
            + " did not contact it."),
    PREFETCH_MISSING(412, "Data the service needs was neither prefetched nor readable from fhirServer with"
            + " fhirAuthorization (CDS Hooks 2.0: 412 Precondition Failed)."),
    UNKNOWN_CARD(400, "The feedback names a card this service did not issue to this client; nothing was recorded."),
    UNKNOWN_SUGGESTION(400, "The feedback accepts a suggestion that was not on its card; nothing was recorded."),
    AUDIT_UNAVAILABLE(503, "ChartLens could not record this access in its audit log, so it used and returned no"
            + " patient data. Try again shortly."),
    CARDS_UNAVAILABLE(503, "ChartLens could not store the cards it would issue (needed for feedback), so it"
            + " returned none. Try again shortly."),
    FEEDBACK_UNAVAILABLE(503, "The feedback log is unavailable: the feedback was NOT recorded. Send it again later."),
    NOT_FOUND(404, "There is no such CDS Hooks endpoint here."),
    METHOD_NOT_ALLOWED(405, "This CDS Hooks endpoint does not answer that method."),
    INTERNAL_ERROR(500, "ChartLens could not produce decision support for this call.");

    private final int status;
    private final String reason;

    CdsFailure(int status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    /** What happened and, where there is something to do, what to do. */
    public String reason() {
        return reason;
    }
}
