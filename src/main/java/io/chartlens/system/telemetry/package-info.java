/**
 * Tracing with the OpenTelemetry API that Liberty's MicroProfile Telemetry provides: ChartLens's tracer, the attribute
 * names its spans share, and the redaction of query strings from the runtime's HTTP spans. Spans carry ids of
 * configuration (EHR registrations, measures, models), methods, statuses and counts; never patient data, tokens or URLs.
 */
package io.chartlens.system.telemetry;
