package io.chartlens.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.io.InterruptedIOException;

/**
 * Why a section could not be loaded, in plain words for the page and without PHI: the EHR's messages
 * (OperationOutcome diagnostics) can quote the request, so only the HTTP status and the kind of failure are used.
 *
 * @param reason     plain words, for example "the EHR refused access (HTTP 403)"
 * @param statusCode the HTTP status, or 0 when none was received
 */
record SectionFailure(String reason, int statusCode) {

    /**
     * The failure a HAPI client exception stands for. Parse and connection failures are checked first: HAPI reports
     * both as {@link FhirClientConnectionException}, which extends the server-response exception.
     */
    static SectionFailure of(RuntimeException exception) {
        if (causedBy(exception, DataFormatException.class)) {
            // HAPI wraps a parse failure of a 200 response in FhirClientConnectionException
            return new SectionFailure("the EHR sent data that could not be read", 0);
        }
        if (exception instanceof FhirClientConnectionException connection) {
            // SocketTimeoutException is an InterruptedIOException, as are connect-pool timeouts
            return causedBy(connection, InterruptedIOException.class)
                    ? new SectionFailure("the EHR did not answer in time", 0)
                    : new SectionFailure("the EHR could not be reached", 0);
        }
        if (exception instanceof BaseServerResponseException response) {
            return ofStatus(response.getStatusCode());
        }
        return new SectionFailure("an unexpected error occurred while loading", 0);
    }

    static SectionFailure ofStatus(int status) {
        String words = switch (status) {
            case 401 -> "the EHR did not accept the app's access (HTTP 401)";
            case 403 -> "the EHR refused access (HTTP 403)";
            case 404 -> "the EHR did not find it (HTTP 404)";
            case 410 -> "the EHR no longer had the requested page (HTTP 410)";
            case 429 -> "the EHR is busy (HTTP 429)";
            case 503 -> "the EHR is unavailable (HTTP 503)";
            default -> status >= 500 ? "the EHR had an internal error (HTTP " + status + ")"
                    : "the EHR rejected the request (HTTP " + status + ")";
        };
        return new SectionFailure(words, status);
    }

    private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
