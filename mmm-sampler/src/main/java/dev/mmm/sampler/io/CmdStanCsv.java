package dev.mmm.sampler.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the CSV files CmdStan's {@code sample} method writes, one file per chain.
 *
 * <p>Lines starting with {@code #} are comments (configuration, adaptation, timing) wherever
 * they appear; the first other line is the header. When the configuration comments say
 * {@code save_warmup = true}, the first {@code ceil(num_warmup / thin)} rows are warm-up and
 * are dropped. Stan writes non-finite values as {@code nan}, {@code inf} and {@code -inf}.
 *
 * <p>Every problem is reported as a {@link CmdStanCsvException} with a one-line message that
 * names the file and, where there is one, the line.
 */
public final class CmdStanCsv {

    private static final Pattern SAVE_WARMUP = Pattern.compile("^#\\s*save_warmup\\s*=\\s*(\\S+)");
    private static final Pattern NUM_WARMUP = Pattern.compile("^#\\s*num_warmup\\s*=\\s*(\\d+)");
    private static final Pattern THIN = Pattern.compile("^#\\s*thin\\s*=\\s*(\\d+)");

    private CmdStanCsv() {
    }

    /** Reads one file per chain; all files must have the same header and number of draws. */
    public static CmdStanDraws read(List<Path> files) {
        if (files.isEmpty()) {
            throw new CmdStanCsvException("no CmdStan CSV files given");
        }
        List<Chain> chains = new ArrayList<>();
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                chains.add(parse(file.toString(), reader));
            } catch (IOException e) {
                throw new CmdStanCsvException(file + ": cannot read: " + e.getMessage(), e);
            }
        }
        return assemble(chains);
    }

    /** Reads one file per chain. */
    public static CmdStanDraws read(Path... files) {
        return read(Arrays.asList(files));
    }

    /** Parses chains given as text, named for error messages (mostly for tests and tools). */
    public static CmdStanDraws parse(List<String> names, List<String> contents) {
        if (names.size() != contents.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + contents.size()
                    + " contents");
        }
        if (names.isEmpty()) {
            throw new CmdStanCsvException("no CmdStan CSV files given");
        }
        List<Chain> chains = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            try {
                chains.add(parse(names.get(i), new StringReader(contents.get(i))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return assemble(chains);
    }

    private record Chain(String name, List<String> header, int headerLine, List<double[]> rows) {
    }

    private static Chain parse(String name, Reader source) throws IOException {
        BufferedReader reader = new BufferedReader(source);
        List<String> header = null;
        int headerLine = 0;
        List<double[]> rows = new ArrayList<>();
        boolean saveWarmup = false;
        int numWarmup = 0;
        int thin = 1;
        int lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("#")) {
                if (header == null) {
                    Matcher m = SAVE_WARMUP.matcher(trimmed);
                    if (m.find()) {
                        String v = m.group(1);
                        saveWarmup = v.equals("1") || v.equalsIgnoreCase("true");
                    }
                    m = NUM_WARMUP.matcher(trimmed);
                    if (m.find()) {
                        numWarmup = Integer.parseInt(m.group(1));
                    }
                    m = THIN.matcher(trimmed);
                    if (m.find()) {
                        thin = Math.max(1, Integer.parseInt(m.group(1)));
                    }
                }
                continue;
            }
            String[] cells = trimmed.split(",", -1);
            if (header == null) {
                header = new ArrayList<>(cells.length);
                for (int k = 0; k < cells.length; k++) {
                    String column = cells[k].strip();
                    if (column.isEmpty()) {
                        throw new CmdStanCsvException(name + " line " + lineNumber + ": header column "
                                + (k + 1) + " has no name");
                    }
                    header.add(column);
                }
                headerLine = lineNumber;
                continue;
            }
            if (cells.length != header.size()) {
                throw new CmdStanCsvException(name + " line " + lineNumber + ": " + cells.length
                        + " values but the header has " + header.size() + " columns");
            }
            double[] row = new double[cells.length];
            for (int k = 0; k < cells.length; k++) {
                row[k] = parseCell(cells[k].strip(), name, lineNumber, header.get(k));
            }
            rows.add(row);
        }
        if (header == null) {
            throw new CmdStanCsvException(name + ": no header row (the file is empty or has only"
                    + " comments)");
        }
        if (saveWarmup) {
            int warmupRows = (numWarmup + thin - 1) / thin;
            rows = new ArrayList<>(rows.subList(Math.min(warmupRows, rows.size()), rows.size()));
        }
        if (rows.isEmpty()) {
            throw new CmdStanCsvException(name + ": no draws after the header (line " + headerLine
                    + ")");
        }
        return new Chain(name, header, headerLine, rows);
    }

    private static double parseCell(String cell, String file, int line, String column) {
        switch (cell.toLowerCase(java.util.Locale.ROOT)) {
            case "nan", "-nan":
                return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        try {
            if (cell.isEmpty() || !isNumberLike(cell)) {
                throw new NumberFormatException();
            }
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new CmdStanCsvException(file + " line " + line + ", column " + column + ": '"
                    + cell + "' is not a number");
        }
    }

    /** Rejects what Double.parseDouble would accept but a CSV number never is ("1d", "0x1p3"). */
    private static boolean isNumberLike(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if (!(ch >= '0' && ch <= '9') && ch != '.' && ch != '-' && ch != '+' && ch != 'e'
                    && ch != 'E') {
                return false;
            }
        }
        return true;
    }

    private static CmdStanDraws assemble(List<Chain> chains) {
        Chain first = chains.get(0);
        for (Chain chain : chains.subList(1, chains.size())) {
            if (!chain.header().equals(first.header())) {
                throw new CmdStanCsvException(chain.name() + " line " + chain.headerLine()
                        + ": header differs from " + first.name() + "'s (" + describeDifference(
                                first.header(), chain.header()) + ")");
            }
            if (chain.rows().size() != first.rows().size()) {
                throw new CmdStanCsvException(chain.name() + ": " + chain.rows().size()
                        + " draws but " + first.name() + " has " + first.rows().size());
            }
        }
        int columns = first.header().size();
        int draws = first.rows().size();
        double[][][] values = new double[columns][chains.size()][draws];
        for (int c = 0; c < chains.size(); c++) {
            List<double[]> rows = chains.get(c).rows();
            for (int d = 0; d < draws; d++) {
                double[] row = rows.get(d);
                for (int k = 0; k < columns; k++) {
                    values[k][c][d] = row[k];
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (Chain chain : chains) {
            names.add(chain.name());
        }
        return new CmdStanDraws(first.header(), names, values);
    }

    private static String describeDifference(List<String> expected, List<String> actual) {
        if (expected.size() != actual.size()) {
            return actual.size() + " columns instead of " + expected.size();
        }
        for (int k = 0; k < expected.size(); k++) {
            if (!expected.get(k).equals(actual.get(k))) {
                return "column " + (k + 1) + " is '" + actual.get(k) + "' instead of '"
                        + expected.get(k) + "'";
            }
        }
        return "same columns";
    }
}
