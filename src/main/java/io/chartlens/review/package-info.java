/**
 * The informaticists' review of the feedback log (issue #9): cards shown (recorded off the request thread, once per
 * launch) beside the decisions, override rates per rule and version with Wilson intervals, weekly trends, stratified
 * drill-downs with flags, monitoring alerts, the filtered log and its streamed CSV export (pseudonymous: never
 * {@code patient_id}), the append-only history of active rule versions, the review roles of
 * {@code smart-config/roles.json}, and a seeder for a synthetic sandbox history.
 */
package io.chartlens.review;
