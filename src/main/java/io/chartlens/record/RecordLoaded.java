package io.chartlens.record;

import io.chartlens.fhir.LoadedRecord;

/**
 * Fired (synchronously, on the loading thread) when a launch's record has been loaded and audited, before the
 * assembled record is handed out, so features that need the raw resources can start their own work on them without
 * a second round of FHIR queries. Observers must not block: they start asynchronous work and return.
 *
 * @param key           the launch and patient the record belongs to ({@link PatientRecords#keyOf})
 * @param loaded        the loaded resources
 * @param record        the assembled record
 */
public record RecordLoaded(String key, LoadedRecord loaded, PatientRecord record) {

    public ReferenceDate referenceDate() {
        return record.referenceDate();
    }
}
