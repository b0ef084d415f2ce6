package io.chartlens.review;

import java.io.Writer;
import java.util.function.LongUnaryOperator;

/**
 * A writer that parses the CSV it receives (RFC 4180: quoted fields, doubled quotes, CRLF records) as it arrives
 * and keeps only counts and the current field, so a test can check millions of cells without storing them: that no
 * cell starts a formula, that no hidden value appears, and how many records and fields came.
 */
final class CheckingCsvWriter extends Writer {

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final String[] FORBIDDEN = {ReviewFixtures.PATIENT_PREFIX, "SECRET"};

    private final int fieldsPerRecord;
    private final LongUnaryOperator sampler;
    private final StringBuilder field = new StringBuilder();
    private boolean quoted;
    private boolean quoteSeen;
    private boolean pendingCr;
    private int fields;
    private long records;
    private long chars;
    private long formulaCells;
    private long neutralisedCells;
    private long forbiddenSeen;
    private long maxSample = Long.MIN_VALUE;

    /**
     * @param sampler called with the record count after each record; a value other than Long.MIN_VALUE is a heap
     *                sample, of which the largest is kept
     */
    CheckingCsvWriter(int fieldsPerRecord, LongUnaryOperator sampler) {
        this.fieldsPerRecord = fieldsPerRecord;
        this.sampler = sampler;
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            accept(buffer[i]);
        }
        chars += length;
    }

    private void accept(char ch) {
        if (quoted) {
            if (quoteSeen) {
                quoteSeen = false;
                if (ch == '"') {
                    field.append('"');
                    return;
                }
                quoted = false;
            } else if (ch == '"') {
                quoteSeen = true;
                return;
            } else {
                field.append(ch);
                return;
            }
        }
        if (pendingCr) {
            pendingCr = false;
            if (ch != '\n') {
                throw new AssertionError("CR not followed by LF outside quotes in record " + records);
            }
            endField();
            endRecord();
            return;
        }
        switch (ch) {
            case '"' -> {
                if (field.length() > 0) {
                    throw new AssertionError("a quote inside an unquoted field in record " + records);
                }
                quoted = true;
            }
            case ',' -> endField();
            case '\r' -> pendingCr = true;
            case '\n' -> throw new AssertionError("a bare LF outside quotes in record " + records);
            default -> field.append(ch);
        }
    }

    private void endField() {
        if (field.length() > 0) {
            if (FORMULA_STARTS.indexOf(field.charAt(0)) >= 0) {
                formulaCells++;
            }
            if (field.charAt(0) == '\'') {
                neutralisedCells++;
            }
            for (String forbidden : FORBIDDEN) {
                if (field.indexOf(forbidden) >= 0) {
                    forbiddenSeen++;
                }
            }
        }
        field.setLength(0);
        fields++;
    }

    private void endRecord() {
        if (fields != fieldsPerRecord) {
            throw new AssertionError("record " + records + " has " + fields + " fields");
        }
        fields = 0;
        records++;
        long sample = sampler.applyAsLong(records);
        maxSample = Math.max(maxSample, sample);
    }

    long records() {
        return records;
    }

    long chars() {
        return chars;
    }

    long formulaCells() {
        return formulaCells;
    }

    long neutralisedCells() {
        return neutralisedCells;
    }

    long forbiddenSeen() {
        return forbiddenSeen;
    }

    long maxSample() {
        return maxSample;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
