package dev.mmm.core.optimize;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.ControlSpec;
import dev.mmm.core.model.ModelInputs;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The rows a spend plan is judged on: {@link #historyRows()} training rows before the window
 * (their spend carries adstock in), the window's {@link #periods()} future periods, and
 * {@link #afterRows()} = {@code l_max - 1} periods after it with no spend, where the carry-over of
 * the window's spend spills. A reference window of training rows gives the current mix, the
 * historical flighting, relative bounds, and the controls held in the future (each control at its
 * mean over the reference window).
 */
public final class PlanningWindow implements PlanWindow {

    private final CompiledModel training;
    private final Dataset data;
    private final List<String> channels;
    private final int periods;
    private final int historyRows;
    private final int afterRows;
    private final int referenceFrom;
    private final int referenceTo;
    private final LocalDate[] dates;

    private PlanningWindow(CompiledModel training, int periods, int referenceFrom, int referenceTo) {
        this.training = training;
        this.data = training.source();
        if (data == null || training.spec() == null) {
            throw new IllegalArgumentException("the model has no training rows to plan after (a hand-built model)");
        }
        if (periods < 1) {
            throw new IllegalArgumentException("--periods must be >= 1, got " + periods);
        }
        if (referenceFrom < 0 || referenceTo > data.rows() || referenceFrom >= referenceTo) {
            throw new IllegalArgumentException("reference window [" + referenceFrom + ", " + referenceTo
                    + ") is not a range of the " + data.rows() + " training rows");
        }
        this.channels = training.spec().channelNames();
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("the model has no channels to allocate a budget to");
        }
        this.periods = periods;
        int lag = training.maxLag();
        this.historyRows = Math.min(data.rows(), lag - 1);
        this.afterRows = lag - 1;
        this.referenceFrom = referenceFrom;
        this.referenceTo = referenceTo;
        this.dates = futureDates(data.dates(), historyRows, periods + afterRows);
    }

    /**
     * The {@code periods} periods after the training data, with the last {@code periods}
     * training rows (or all of them, if fewer) as the reference window.
     */
    public static PlanningWindow future(CompiledModel training, int periods) {
        int rows = training.source() == null ? 0 : training.source().rows();
        return new PlanningWindow(training, periods, Math.max(0, rows - periods), rows);
    }

    /** The periods after the training data with training rows {@code [referenceFrom, referenceTo)} as reference. */
    public static PlanningWindow future(CompiledModel training, int periods, int referenceFrom, int referenceTo) {
        return new PlanningWindow(training, periods, referenceFrom, referenceTo);
    }

    /**
     * The last {@code history} training dates, then {@code ahead} dates continuing the data's step
     * (weekly, daily or monthly; 7 days for a single row).
     */
    public static LocalDate[] futureDates(LocalDate[] training, int history, int ahead) {
        int n = training.length;
        LocalDate last = training[n - 1];
        long step = n >= 2 ? ChronoUnit.DAYS.between(training[n - 2], last) : 7;
        boolean monthly = step >= 28 && step <= 31;
        LocalDate[] out = new LocalDate[history + ahead];
        for (int r = 0; r < history; r++) {
            out[r] = training[n - history + r];
        }
        for (int k = 1; k <= ahead; k++) {
            out[history + k - 1] = monthly ? last.plusMonths(k) : last.plusDays(step * k);
        }
        return out;
    }

    @Override
    public PlanEvaluator response(PosteriorDraws draws) {
        return new PlanEvaluator(this, draws);
    }

    public CompiledModel training() {
        return training;
    }

    /** The channels in the model's order. */
    @Override
    public List<String> channels() {
        return channels;
    }

    @Override
    public int periods() {
        return periods;
    }

    public int historyRows() {
        return historyRows;
    }

    public int afterRows() {
        return afterRows;
    }

    /** History, window and after rows together. */
    public int rows() {
        return historyRows + periods + afterRows;
    }

    @Override
    public int referenceFrom() {
        return referenceFrom;
    }

    @Override
    public int referenceTo() {
        return referenceTo;
    }

    /** The dates of the window's periods. */
    public LocalDate[] windowDates() {
        return java.util.Arrays.copyOfRange(dates, historyRows, historyRows + periods);
    }

    /** A channel's spend in each period of the reference window (data units). */
    @Override
    public double[] referencePattern(String channel) {
        return java.util.Arrays.copyOfRange(data.column(channel), referenceFrom, referenceTo);
    }

    /** A channel's total spend over all training rows (0 means the data say nothing about it). */
    @Override
    public double trainingSpend(String channel) {
        double sum = 0.0;
        for (double v : data.column(channel)) {
            sum += v;
        }
        return sum;
    }

    /** A channel's largest spend in one training row (the edge of what the data show of its response). */
    @Override
    public double largestPeriodSpend(String channel) {
        double max = 0.0;
        for (double v : data.column(channel)) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** A channel's spend in the carry-in rows (data units). */
    double[] historySpend(String channel) {
        double[] col = data.column(channel);
        return java.util.Arrays.copyOfRange(col, col.length - historyRows, col.length);
    }

    /**
     * Every row as model inputs with {@code spend[c][t]} in the window's periods (channel c in
     * {@link #channels()} order; null for no spend), none after it, the training spend before it.
     */
    public ModelInputs inputs(double[][] spend) {
        int rows = rows();
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < channels.size(); c++) {
            String name = channels.get(c);
            double[] col = new double[rows];
            System.arraycopy(historySpend(name), 0, col, 0, historyRows);
            if (spend != null && spend[c] != null) {
                if (spend[c].length != periods) {
                    throw new IllegalArgumentException("plan for '" + name + "' has " + spend[c].length
                            + " periods, the window has " + periods);
                }
                System.arraycopy(spend[c], 0, col, historyRows, periods);
            }
            columns.put(name, col);
        }
        for (ControlSpec control : training.spec().controls()) {
            double[] all = data.column(control.name());
            double[] col = new double[rows];
            System.arraycopy(all, all.length - historyRows, col, 0, historyRows);
            double mean = 0.0;
            for (int t = referenceFrom; t < referenceTo; t++) {
                mean += all[t];
            }
            mean /= referenceTo - referenceFrom;
            java.util.Arrays.fill(col, historyRows, rows, mean);
            columns.put(control.name(), col);
        }
        return ModelInputs.of(Dataset.of(data.dateColumn(), dates, columns), historyRows);
    }

    /** The training model re-fed over these rows with the given window spend (see {@link #inputs}). */
    public CompiledModel model(double[][] spend) {
        return training.withInputs(inputs(spend));
    }
}
