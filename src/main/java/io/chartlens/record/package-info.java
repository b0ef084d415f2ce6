/** The patient's record as typed, immutable values that every feature reads from. */
package io.chartlens.record;
