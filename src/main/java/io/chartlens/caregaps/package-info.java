/**
 * Care gaps: quality measures written in CQL (following the published eCQMs) evaluated by the CQF
 * clinical-reasoning engine on the record already loaded for the launch, reported in DEQM care-gap terms
 * ({@code open-gap}, {@code closed-gap}, {@code prospective-gap}, {@code not-applicable}) with due dates and the
 * FHIR resources that are the evidence. The engine is reached only through {@link io.chartlens.caregaps.CqlEngine}.
 */
package io.chartlens.caregaps;
