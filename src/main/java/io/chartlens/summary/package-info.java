/** The patient summary page: banner, risk scores, care gaps, AI summary and intervention bundles. */
package io.chartlens.summary;
