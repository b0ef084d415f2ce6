/** The sandbox EHR's own pages: the patient list and a simulated chart that frames ChartLens after an EHR launch. */
package io.chartlens.sandbox.ehr;
