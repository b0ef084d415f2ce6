package io.chartlens.sandbox.fhir;

import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;

/**
 * The parsed search parameters of one clinical search; null means "not given". Built by the providers from
 * HAPI's typed parameters, run by {@link ClinicalSearch}.
 */
record ClinicalQuery(ReferenceParam patient, ReferenceParam subject, TokenOrListParam code,
                     TokenOrListParam category, TokenOrListParam componentCode, TokenOrListParam status,
                     TokenOrListParam clinicalStatus, DateRangeParam date, DateRangeParam lastUpdated,
                     SortSpec sort, Integer count) {

    static Builder builder() {
        return new Builder();
    }

    /** Fluent construction, so each provider names only the parameters its type has. */
    static final class Builder {
        private ReferenceParam patient;
        private ReferenceParam subject;
        private TokenOrListParam code;
        private TokenOrListParam category;
        private TokenOrListParam componentCode;
        private TokenOrListParam status;
        private TokenOrListParam clinicalStatus;
        private DateRangeParam date;
        private DateRangeParam lastUpdated;
        private SortSpec sort;
        private Integer count;

        Builder patient(ReferenceParam patient, ReferenceParam subject) {
            this.patient = patient;
            this.subject = subject;
            return this;
        }

        Builder code(TokenOrListParam code) {
            this.code = code;
            return this;
        }

        Builder category(TokenOrListParam category) {
            this.category = category;
            return this;
        }

        Builder componentCode(TokenOrListParam componentCode) {
            this.componentCode = componentCode;
            return this;
        }

        Builder status(TokenOrListParam status) {
            this.status = status;
            return this;
        }

        Builder clinicalStatus(TokenOrListParam clinicalStatus) {
            this.clinicalStatus = clinicalStatus;
            return this;
        }

        Builder date(DateRangeParam date) {
            this.date = date;
            return this;
        }

        /** The parameters every search has: {@code _lastUpdated}, {@code _sort}, {@code _count}. */
        Builder common(DateRangeParam lastUpdated, SortSpec sort, Integer count) {
            this.lastUpdated = lastUpdated;
            this.sort = sort;
            this.count = count;
            return this;
        }

        ClinicalQuery build() {
            return new ClinicalQuery(patient, subject, code, category, componentCode, status, clinicalStatus,
                    date, lastUpdated, sort, count);
        }
    }
}
