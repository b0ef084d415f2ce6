/** Risk scores: published definitions as data, plain arithmetic in Java, inputs with provenance, honest statuses. */
package io.chartlens.risk;
