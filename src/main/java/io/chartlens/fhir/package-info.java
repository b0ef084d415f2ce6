/** FHIR R4 access for a launch: one FhirContext, clients with timeouts and the launch's bearer token. */
package io.chartlens.fhir;
