/** The sandbox EHR's in-memory FHIR R4 server: synthetic patient data behind SMART scopes, for development only. */
package io.chartlens.sandbox.fhir;
