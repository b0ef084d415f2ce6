/** The offline development EHR (FHIR server, authorization server, launch pages); off unless explicitly enabled. */
package io.chartlens.sandbox;
