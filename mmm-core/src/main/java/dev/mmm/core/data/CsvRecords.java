package dev.mmm.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records of fields, RFC 4180 style: quoted fields may hold commas, doubled
 * quotes and line breaks; unquoted fields are trimmed; a leading byte-order mark and blank lines
 * are skipped. Records are numbered from 1 as a spreadsheet numbers rows (blank lines count).
 * Malformed quoting is a {@link DataException} naming the source and row.
 */
public final class CsvRecords {

    private final Reader in;
    private final String source;
    private int pushback = -2;
    private int records;
    private boolean eof;
    private boolean started;

    public CsvRecords(Reader in, String source) {
        this.in = in.markSupported() ? in : new BufferedReader(in);
        this.source = source;
    }

    public int recordNumber() {
        return records;
    }

    private int read() throws IOException {
        if (!started) {
            started = true;
            int c = in.read();
            return c == '\uFEFF' ? in.read() : c;
        }
        if (pushback != -2) {
            int c = pushback;
            pushback = -2;
            return c;
        }
        return in.read();
    }

    /** The next non-blank record, or null at the end. */
    public List<String> next() throws IOException {
        while (!eof) {
            List<String> record = readRecord();
            if (record == null) {
                return null;
            }
            if (!(record.size() == 1 && record.get(0).isEmpty() && !lastRecordHadQuotes)) {
                return record;
            }
        }
        return null;
    }

    private boolean lastRecordHadQuotes;

    private List<String> readRecord() throws IOException {
        int c = read();
        if (c == -1) {
            eof = true;
            return null;
        }
        records++;
        lastRecordHadQuotes = false;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        int startRecord = records;
        while (true) {
            if (c == -1) {
                if (quoted) {
                    throw new DataException(source + ": row " + startRecord + " has a quote (\") that is never closed");
                }
                fields.add(afterQuote ? field.toString() : field.toString().strip());
                eof = true;
                return fields;
            }
            if (quoted) {
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        pushback = d;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(afterQuote ? field.toString() : field.toString().strip());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        pushback = d;
                    }
                }
                fields.add(afterQuote ? field.toString() : field.toString().strip());
                return fields;
            } else if (c == '"') {
                if (afterQuote || !field.toString().isBlank()) {
                    throw new DataException(source + ": row " + startRecord + ", field " + (fields.size() + 1)
                            + ": a quote (\") in the middle of a field; quote the whole field and double inner quotes");
                }
                field.setLength(0);
                quoted = true;
                lastRecordHadQuotes = true;
            } else {
                if (afterQuote) {
                    if (!Character.isWhitespace(c)) {
                        throw new DataException(source + ": row " + startRecord + ", field " + (fields.size() + 1)
                                + ": text after the closing quote");
                    }
                } else {
                    field.append((char) c);
                }
            }
            c = read();
        }
    }
}
