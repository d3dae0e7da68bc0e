package dev.mmm.core.io;

import dev.mmm.core.data.CsvRecords;
import dev.mmm.core.data.DataException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code draws.csv}: a header {@code chain,draw,<parameter names>} then one row per kept draw;
 * chains and draws count from 1 (as CmdStan and R's posterior do). Values are written with
 * {@link Double#toString(double)}, the shortest text that reads back to the same double, so a
 * round trip is exact. Names holding a comma, quote or line break are quoted (RFC 4180).
 */
public final class DrawsCsv {

    private DrawsCsv() {
    }

    public static void write(Path file, Draws draws) throws IOException {
        AtomicFiles.writeText(file, out -> write(out, draws));
    }

    public static void write(Writer out, Draws draws) throws IOException {
        out.write("chain,draw");
        for (String name : draws.parameterNames()) {
            out.write(',');
            out.write(quote(name));
        }
        out.write('\n');
        StringBuilder row = new StringBuilder(32 * (draws.parameterNames().size() + 2));
        double[][][] values = draws.values();
        for (int c = 0; c < values.length; c++) {
            for (int d = 0; d < values[c].length; d++) {
                row.setLength(0);
                row.append(c + 1).append(',').append(d + 1);
                for (double v : values[c][d]) {
                    row.append(',').append(v);
                }
                row.append('\n');
                out.append(row);
            }
        }
    }

    public static String quote(String name) {
        if (name.indexOf(',') < 0 && name.indexOf('"') < 0 && name.indexOf('\n') < 0 && name.indexOf('\r') < 0
                && name.strip().equals(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * Reads a file written by {@link #write}. Rows must be grouped by chain with chains numbered
     * 1, 2, ... and draws 1, 2, ... within each.
     *
     * @throws DataException naming the row of the first malformed line
     */
    public static Draws read(Path file) throws IOException {
        String source = String.valueOf(file.getFileName());
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvRecords records = new CsvRecords(in, source);
            List<String> header = records.next();
            if (header == null) {
                throw new DataException(source + ": the file is empty");
            }
            if (header.size() < 2 || !header.get(0).equals("chain") || !header.get(1).equals("draw")) {
                throw new DataException(source + ": the header must start with chain,draw");
            }
            List<String> names = header.subList(2, header.size());
            List<double[][]> chains = new ArrayList<>();
            List<double[]> current = new ArrayList<>();
            List<String> fields;
            while ((fields = records.next()) != null) {
                int row = records.recordNumber();
                if (fields.size() != header.size()) {
                    throw new DataException(source + ": row " + row + " has " + fields.size() + " fields but the header has " + header.size());
                }
                int chain = integer(fields.get(0), source, row, "chain");
                int draw = integer(fields.get(1), source, row, "draw");
                if (chain == chains.size() + 2 && draw == 1) {
                    chains.add(current.toArray(new double[0][]));
                    current = new ArrayList<>();
                } else if (chain != chains.size() + 1 || draw != current.size() + 1) {
                    throw new DataException(source + ": row " + row + " is chain " + chain + ", draw " + draw
                            + " but chain " + (chains.size() + 1) + ", draw " + (current.size() + 1)
                            + " or chain " + (chains.size() + 2) + ", draw 1 was expected");
                }
                double[] values = new double[names.size()];
                for (int j = 0; j < values.length; j++) {
                    try {
                        values[j] = Double.parseDouble(fields.get(j + 2));
                    } catch (NumberFormatException e) {
                        throw new DataException(source + ": column '" + names.get(j) + "', row " + row + ": '"
                                + fields.get(j + 2) + "' is not a number");
                    }
                }
                current.add(values);
            }
            if (!current.isEmpty() || chains.isEmpty()) {
                chains.add(current.toArray(new double[0][]));
            }
            return new Draws(names, chains.toArray(new double[0][][]));
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file not found");
        }
    }

    private static int integer(String text, String source, int row, String column) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new DataException(source + ": column '" + column + "', row " + row + ": '" + text + "' is not an integer");
        }
    }
}
