/**
 * Intervention bundles: FHIR PlanDefinitions in {@code smart-config/bundles/}, each suggested by a score band or an
 * open care gap, shown with why and with what the patient already has, and written back to the EHR as draft orders
 * in one idempotent transaction.
 */
package io.chartlens.bundles;
