package dev.mmm.spark;

import dev.mmm.core.analysis.ChannelSummary;
import dev.mmm.core.analysis.PosteriorAnalysis;
import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.DataException;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.AtomicFolder;
import dev.mmm.core.io.FitMetadata;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.io.FitWriter;
import dev.mmm.core.model.FitChecks;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Fits one group inside an executor: its rows become the CSV text that {@code mmm fit} would read
 * from a file of that group's rows alone (sorted by date), read by the same {@link CsvReader} and
 * checked by the same {@link FitChecks}, then fitted with the group's seed. So a group's draws
 * are bit for bit those of {@code mmm fit --seed <seed>} on its rows, however Spark split the
 * table or ordered the rows. Any failure becomes the group's error; nothing escapes to the task.
 */
final class GroupFitter {

    private GroupFitter() {
    }

    /**
     * @param columns the names of the cells of each row
     * @param rows    the group's rows, each cell's text ({@link CellText}), in any order
     */
    static GroupResult fit(GroupKey key, List<String> columns, Iterable<String[]> rows, GroupPlan plan,
                           long masterSeed, FitOutput output) {
        long start = System.nanoTime();
        long seed = key.seed(masterSeed);
        SamplerPlan sampler = null;
        try {
            requireValues(key);
            sampler = plan.sampler(key);
            ModelSpec spec = plan.spec(key);
            Dataset data = groupData(key, spec, columns, rows);
            // The same checks as mmm fit (FitChecks, which Mmm.fit applies too), so the same warnings.
            List<String> warnings = new ArrayList<>(FitChecks.validate(spec, data));
            MmmFit fit = Mmm.fit(spec, data, sampler.settings(seed));
            return report(key, seed, sampler, fit, warnings, output, staging -> { }, start);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return GroupResult.failed(key, seed, sampler, message(e), seconds(start));
        }
    }

    /** Rows without a value in a group column are not a group of their own: an error. */
    static void requireValues(GroupKey key) {
        String nullColumn = key.nullColumn();
        if (nullColumn != null) {
            throw new DataException("group column '" + nullColumn + "' is empty in these rows; give them a value"
                    + " or drop them");
        }
    }

    /**
     * A fitted group's result: writes its fit folder (with {@code more} files) if there is an
     * output, and summarises its channels and diagnostics.
     *
     * @param warnings the data checks' warnings; the sampler's are added
     */
    static GroupResult report(GroupKey key, long seed, SamplerPlan sampler, MmmFit fit, List<String> warnings,
                              FitOutput output, AtomicFolder.Content more, long start) throws java.io.IOException {
        FitSummary withoutWarnings = FitWriter.summaryOf(fit, FitMetadata.none());
        List<String> all = new ArrayList<>(warnings);
        all.addAll(fit.warnings());
        FitSummary summary = withoutWarnings.withWarnings(all);
        String path = output == null ? null : output.write(fit, summary, key.folder(), more);
        PosteriorAnalysis analysis = PosteriorAnalysis.of(fit).threads(1);
        List<ChannelSummary> channels = analysis.channels(analysis.all()).channels();
        double maxRhat = Double.NEGATIVE_INFINITY;
        double minEss = Double.POSITIVE_INFINITY;
        for (FitSummary.Parameter p : summary.parameters()) {
            // Parameters fixed by a Dirac prior have no R-hat or ESS (NaN): they do not count.
            if (!Double.isNaN(p.rhat())) {
                maxRhat = Math.max(maxRhat, p.rhat());
            }
            if (!Double.isNaN(p.essBulk())) {
                minEss = Math.min(minEss, p.essBulk());
            }
        }
        return new GroupResult(key, GroupResult.OK, null, seed, sampler.chains(), sampler.warmup(), sampler.draws(),
                summary.divergences(), maxRhat, minEss, seconds(start), path, channels);
    }

    /** The group's rows as {@code mmm fit} would read them from a CSV file of those rows sorted by date. */
    static Dataset groupData(GroupKey key, ModelSpec spec, List<String> columns, Iterable<String[]> rows) {
        List<String> needed = new ArrayList<>(new LinkedHashSet<>(neededColumns(spec)));
        String date = spec.dateColumn();
        int dateIndex = indexOf(columns, date, "date");
        int[] index = new int[needed.size()];
        for (int j = 0; j < index.length; j++) {
            index[j] = indexOf(columns, needed.get(j), "model");
        }
        List<String[]> table = new ArrayList<>();
        for (String[] row : rows) {
            String[] cells = new String[index.length + 1];
            cells[0] = row[dateIndex];
            for (int j = 0; j < index.length; j++) {
                cells[j + 1] = row[index[j]];
            }
            table.add(cells);
        }
        // ISO dates sort as text; the other cells break ties so that even rows with the same date
        // (which the validator then rejects) come in one order whatever Spark's.
        table.sort(ROW_ORDER);
        StringBuilder csv = new StringBuilder();
        csv.append(quote(date));
        for (String name : needed) {
            csv.append(',').append(quote(name));
        }
        csv.append('\n');
        for (String[] cells : table) {
            for (int j = 0; j < cells.length; j++) {
                if (j > 0) {
                    csv.append(',');
                }
                csv.append(cells[j] == null ? "" : quote(cells[j]));
            }
            csv.append('\n');
        }
        return CsvReader.parse(csv.toString(), date, needed, "group " + key + " (rows sorted by date)");
    }

    private static final Comparator<String[]> ROW_ORDER = (a, b) -> {
        for (int j = 0; j < a.length; j++) {
            int c = Comparator.nullsFirst(Comparator.<String>naturalOrder()).compare(a[j], b[j]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    /** The columns a spec reads from the data, besides the date: target, channels, controls. */
    static List<String> neededColumns(ModelSpec spec) {
        List<String> needed = new ArrayList<>();
        needed.add(spec.targetColumn());
        needed.addAll(spec.channelNames());
        spec.controls().forEach(c -> needed.add(c.name()));
        return needed;
    }

    private static int indexOf(List<String> columns, String name, String role) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new DataException(role + " column '" + name + "' not found; the columns are: " + String.join(", ", columns));
        }
        return i;
    }

    /** A field as CSV: quoted only when it must be, so that unquoted fields are trimmed as in a file. */
    private static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** Longest message of a foreign exception kept (Spark's can run to pages). */
    private static final int FOREIGN_MESSAGE_LIMIT = 300;

    /** One line: a message meant for users as it is, anything else with its type, cut short. */
    static String message(Throwable e) {
        String m = e.getMessage();
        boolean ours = e.getClass().getName().startsWith("dev.mmm.") || e instanceof IllegalArgumentException;
        String text = ours && m != null && !m.isBlank() ? m
                : e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        text = text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        if (!ours && text.length() > FOREIGN_MESSAGE_LIMIT) {
            text = text.substring(0, FOREIGN_MESSAGE_LIMIT) + "...";
        }
        return text;
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
