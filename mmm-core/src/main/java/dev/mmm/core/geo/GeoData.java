package dev.mmm.core.geo;

import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.CsvRecords;
import dev.mmm.core.data.DataException;
import dev.mmm.core.data.DataValidator;
import dev.mmm.core.data.Dataset;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A panel: the same regular dates in every geo, one {@link Dataset} per geo (in first-seen order).
 * Built from long-format rows (date, geo, target, channels, controls, optional population), in any
 * row order; {@link #fromLong} checks that every geo has every date exactly once and that the dates
 * are regular, and names the geo and date of the first problem.
 */
public final class GeoData {

    private final String geoColumn;
    private final List<String> geos;
    private final List<Dataset> perGeo;
    private final LocalDate[] dates;

    private GeoData(String geoColumn, List<String> geos, List<Dataset> perGeo) {
        this.geoColumn = geoColumn;
        this.geos = List.copyOf(geos);
        this.perGeo = List.copyOf(perGeo);
        this.dates = perGeo.get(0).dates();
    }

    /** A panel from one data set per geo; every one must have the same dates. */
    public static GeoData of(String geoColumn, List<String> geos, List<Dataset> perGeo) {
        if (geos.isEmpty() || geos.size() != perGeo.size()) {
            throw new DataException("a panel needs one data set per geo, got " + geos.size() + " geos and "
                    + perGeo.size() + " data sets");
        }
        LocalDate[] first = perGeo.get(0).dates();
        for (int g = 1; g < geos.size(); g++) {
            LocalDate[] d = perGeo.get(g).dates();
            for (int t = 0; t < Math.max(d.length, first.length); t++) {
                if (t >= d.length || t >= first.length || !d[t].equals(first[t])) {
                    LocalDate at = t < first.length ? first[t] : d[t];
                    throw new DataException("geo '" + geos.get(g) + "': its dates differ from geo '" + geos.get(0)
                            + "' at " + at + "; every geo needs the same dates");
                }
            }
        }
        return new GeoData(geoColumn, geos, perGeo);
    }

    /**
     * Splits long-format rows by geo. {@code geoOfRow[i]} is the geo of data row i (0-based, the
     * header being spreadsheet row 1), {@code rows} the rows' dates and numeric columns.
     */
    public static GeoData fromLong(String geoColumn, String[] geoOfRow, Dataset rows) {
        if (geoOfRow.length != rows.rows()) {
            throw new DataException("geo column '" + geoColumn + "' has " + geoOfRow.length + " values for "
                    + rows.rows() + " rows");
        }
        LinkedHashMap<String, List<Integer>> byGeo = new LinkedHashMap<>();
        for (int i = 0; i < geoOfRow.length; i++) {
            String g = geoOfRow[i];
            if (g == null || g.isBlank()) {
                throw new DataException("geo column '" + geoColumn + "' row " + DataValidator.spreadsheetRow(i)
                        + ": empty cell, every row needs its geo");
            }
            byGeo.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
        }
        LocalDate[] all = rows.dates();
        List<String> geos = new ArrayList<>(byGeo.keySet());
        List<Dataset> perGeo = new ArrayList<>();
        LocalDate[] reference = null;
        String referenceGeo = null;
        for (String g : geos) {
            List<Integer> idx = byGeo.get(g);
            idx.sort(Comparator.comparing((Integer i) -> all[i]));
            LocalDate[] d = new LocalDate[idx.size()];
            for (int k = 0; k < d.length; k++) {
                d[k] = all[idx.get(k)];
                if (k > 0 && d[k].equals(d[k - 1])) {
                    throw new DataException("geo '" + g + "', date " + d[k] + ": two rows (rows "
                            + DataValidator.spreadsheetRow(idx.get(k - 1)) + " and " + DataValidator.spreadsheetRow(idx.get(k))
                            + "); each geo needs each date once");
                }
            }
            if (reference == null) {
                checkRegular(g, d);
                reference = d;
                referenceGeo = g;
            } else {
                compareDates(g, d, referenceGeo, reference);
            }
            LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
            for (String name : rows.columnNames()) {
                double[] src = rows.column(name);
                double[] v = new double[d.length];
                for (int k = 0; k < d.length; k++) {
                    v[k] = src[idx.get(k)];
                }
                columns.put(name, v);
            }
            perGeo.add(Dataset.of(rows.dateColumn(), d, columns));
        }
        return new GeoData(geoColumn, geos, perGeo);
    }

    /**
     * Reads a long-format CSV: the date column, the geo column (any text) and the named numeric
     * columns ({@code null}: every other column). Cells are checked as {@link CsvReader} checks them.
     */
    public static GeoData read(Path file, String dateColumn, String geoColumn, Collection<String> columns)
            throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new DataException(file + ": file not found");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(text, dateColumn, geoColumn, columns, name);
    }

    /** {@link #read} from text; {@code sourceName} starts every error message. */
    public static GeoData parse(String text, String dateColumn, String geoColumn, Collection<String> columns,
                                String sourceName) throws IOException {
        CsvRecords records = new CsvRecords(new StringReader(text), sourceName);
        List<String> header = records.next();
        if (header == null) {
            throw new DataException(sourceName + ": the file is empty");
        }
        int geoIndex = header.indexOf(geoColumn);
        if (geoIndex < 0) {
            throw new DataException(sourceName + ": geo column '" + geoColumn + "' not found; the columns are: "
                    + String.join(", ", header));
        }
        List<String> geoCells = new ArrayList<>();
        List<String> fields;
        while ((fields = records.next()) != null) {
            geoCells.add(geoIndex < fields.size() ? fields.get(geoIndex) : "");
        }
        List<String> numeric = new ArrayList<>();
        if (columns == null) {
            for (String h : header) {
                if (!h.equals(dateColumn) && !h.equals(geoColumn)) {
                    numeric.add(h);
                }
            }
        } else {
            for (String c : columns) {
                if (c.equals(geoColumn)) {
                    throw new DataException(sourceName + ": column '" + c + "' is the geo column and cannot also be numeric");
                }
                numeric.add(c);
            }
        }
        Dataset rows = CsvReader.parse(text, dateColumn, numeric, sourceName);
        return fromLong(geoColumn, geoCells.toArray(new String[0]), rows);
    }

    private static void checkRegular(String geo, LocalDate[] d) {
        if (d.length < 3) {
            return;
        }
        long step = ChronoUnit.DAYS.between(d[0], d[1]);
        for (int k = 2; k < d.length; k++) {
            long gap = ChronoUnit.DAYS.between(d[k - 1], d[k]);
            if (gap != step) {
                throw new DataException("geo '" + geo + "', date " + d[k] + ": " + gap + " days after " + d[k - 1]
                        + " but the data are every " + step + " days; every geo needs the same regular dates");
            }
        }
    }

    private static void compareDates(String geo, LocalDate[] d, String referenceGeo, LocalDate[] reference) {
        int n = Math.min(d.length, reference.length);
        for (int k = 0; k < n; k++) {
            if (!d[k].equals(reference[k])) {
                LocalDate missing = d[k].isAfter(reference[k]) ? reference[k] : null;
                String what = missing != null ? "has no row for date " + missing
                        : "has a row for date " + d[k] + " that geo '" + referenceGeo + "' has not";
                throw new DataException("geo '" + geo + "' " + what + "; every geo needs the same regular dates");
            }
        }
        if (d.length < reference.length) {
            throw new DataException("geo '" + geo + "' has no row for date " + reference[d.length]
                    + "; every geo needs the same regular dates");
        }
        if (d.length > reference.length) {
            throw new DataException("geo '" + geo + "' has a row for date " + d[reference.length] + " that geo '"
                    + referenceGeo + "' has not; every geo needs the same regular dates");
        }
    }

    public String geoColumn() {
        return geoColumn;
    }

    /** The geos in first-seen order. */
    public List<String> geos() {
        return geos;
    }

    public int geoCount() {
        return geos.size();
    }

    /** The dates, the same in every geo. */
    public LocalDate[] dates() {
        return dates.clone();
    }

    public int periods() {
        return dates.length;
    }

    /** Geo g's rows as a data set. */
    public Dataset geo(int g) {
        return perGeo.get(g);
    }

    /** {@code [geo][period]} values of a numeric column. */
    public double[][] column(String name) {
        double[][] out = new double[geos.size()][];
        for (int g = 0; g < out.length; g++) {
            if (!perGeo.get(g).hasColumn(name)) {
                throw new DataException("column '" + name + "' not found; the columns are: "
                        + String.join(", ", perGeo.get(g).columnNames()));
            }
            out[g] = perGeo.get(g).column(name);
        }
        return out;
    }

    public boolean hasColumn(String name) {
        return perGeo.get(0).hasColumn(name);
    }

    /** Each geo's population from {@code column}, which must be constant within a geo and > 0. */
    public double[] population(String column) {
        double[][] v = column(column);
        double[] out = new double[v.length];
        for (int g = 0; g < v.length; g++) {
            out[g] = v[g][0];
            for (int t = 0; t < v[g].length; t++) {
                if (v[g][t] != out[g]) {
                    throw new DataException("population column '" + column + "', geo '" + geos.get(g) + "', date "
                            + dates[t] + ": " + v[g][t] + " differs from " + out[g] + " on " + dates[0]
                            + "; a geo's population must be constant");
                }
            }
            if (!(out[g] > 0.0)) {
                throw new DataException("population column '" + column + "', geo '" + geos.get(g) + "': must be > 0, got "
                        + out[g]);
            }
        }
        return out;
    }

    /** The column names of the first geo's data set. */
    public List<String> columnNames() {
        return perGeo.get(0).columnNames();
    }

    /**
     * Writes the panel as long-format CSV: the date, the geo, then every numeric column, geo by
     * geo; numbers in Java's shortest round-trip form, so {@link #read} gives back every value.
     */
    public void writeCsv(java.io.Writer out) throws IOException {
        List<String> names = columnNames();
        out.write(dev.mmm.core.io.DrawsCsv.quote(perGeo.get(0).dateColumn()));
        out.write(',');
        out.write(dev.mmm.core.io.DrawsCsv.quote(geoColumn));
        for (String n : names) {
            out.write(',');
            out.write(dev.mmm.core.io.DrawsCsv.quote(n));
        }
        out.write('\n');
        StringBuilder row = new StringBuilder();
        for (int g = 0; g < geos.size(); g++) {
            Dataset d = perGeo.get(g);
            String geo = dev.mmm.core.io.DrawsCsv.quote(geos.get(g));
            for (int t = 0; t < dates.length; t++) {
                row.setLength(0);
                row.append(dates[t]).append(',').append(geo);
                for (String n : names) {
                    row.append(',').append(d.column(n)[t]);
                }
                row.append('\n');
                out.append(row);
            }
        }
    }

    /** Long-format columns in row order geo by geo (for writing the data back). */
    public Map<String, double[]> longColumns() {
        LinkedHashMap<String, double[]> out = new LinkedHashMap<>();
        int t = dates.length;
        for (String name : columnNames()) {
            double[] v = new double[t * geos.size()];
            for (int g = 0; g < geos.size(); g++) {
                System.arraycopy(perGeo.get(g).column(name), 0, v, g * t, t);
            }
            out.put(name, v);
        }
        return out;
    }
}
