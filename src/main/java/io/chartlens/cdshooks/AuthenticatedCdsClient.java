package io.chartlens.cdshooks;

/**
 * A CDS client whose JWT was verified for this call.
 *
 * @param registration its registration
 * @param tenant       the JWT's optional {@code tenant} claim (the calling organisation), or null
 */
public record AuthenticatedCdsClient(CdsClientRegistration registration, String tenant) {

    /**
     * Who acts, for the audit trail and the feedback log: CDS Hooks calls and feedback carry no verified user, so the
     * client itself, {@code cds-client:<iss>}.
     */
    public String actor() {
        return "cds-client:" + registration.iss();
    }
}
