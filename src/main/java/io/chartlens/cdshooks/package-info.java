/**
 * A CDS Hooks 2.0 service for the {@code patient-view} hook: discovery, the hook (risk scores in an alert band and
 * open care gaps as cards, from prefetch or the EHR's FHIR server) and feedback into the override log, for CDS
 * clients that authenticate with a signed JWT ("Trusting CDS Clients") and are registered in
 * {@code smart-config/cds-clients/}.
 */
package io.chartlens.cdshooks;
