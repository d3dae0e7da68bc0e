package dev.mmm.core.geo;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.ControlSpec;
import dev.mmm.core.optimize.ChannelBound;
import dev.mmm.core.optimize.PlanWindow;
import dev.mmm.core.optimize.PlanningWindow;
import dev.mmm.core.optimize.PosteriorDraws;
import dev.mmm.core.posterior.Posterior;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A planning window for a geo model: the decision units are every channel in every geo, named
 * {@code channel[geo]} (geo by geo, channels in the model's order), so the budget optimiser
 * allocates across geo x channel. As {@link PlanningWindow} for a national model: each geo's last
 * {@code l_max - 1} training periods carry adstock in, the window's periods follow the data's
 * step, {@code l_max - 1} periods after it count the carry-over, and a reference window of
 * training periods gives the current mix, the historical flighting and relative bounds (per
 * geo) and the controls held in the future (each geo's mean over the reference window).
 *
 * <p>A bound named by a unit ({@code tv[North]}) applies to that unit; one named by a channel
 * ({@code tv}) to that channel in every geo that has no bound of its own.
 */
public final class GeoPlanningWindow implements PlanWindow {

    private final GeoModel training;
    private final int periods;
    private final int historyRows;
    private final int afterRows;
    private final int referenceFrom;
    private final int referenceTo;
    private final LocalDate[] dates;
    private final List<String> units = new ArrayList<>();
    private final Map<String, int[]> unitIndex = new LinkedHashMap<>();

    private GeoPlanningWindow(GeoModel training, int periods, int referenceFrom, int referenceTo) {
        int rows = training.periods();
        if (periods < 1) {
            throw new IllegalArgumentException("--periods must be >= 1, got " + periods);
        }
        if (referenceFrom < 0 || referenceTo > rows || referenceFrom >= referenceTo) {
            throw new IllegalArgumentException("reference window [" + referenceFrom + ", " + referenceTo
                    + ") is not a range of the " + rows + " training periods");
        }
        if (training.channels().isEmpty()) {
            throw new IllegalArgumentException("the model has no channels to allocate a budget to");
        }
        this.training = training;
        this.periods = periods;
        int lag = training.maxLag();
        this.historyRows = Math.min(rows, lag - 1);
        this.afterRows = lag - 1;
        this.referenceFrom = referenceFrom;
        this.referenceTo = referenceTo;
        this.dates = PlanningWindow.futureDates(training.dates(), historyRows, periods + afterRows);
        for (int g = 0; g < training.geoCount(); g++) {
            for (int c = 0; c < training.channels().size(); c++) {
                String unit = unitName(training.channels().get(c), training.geos().get(g));
                units.add(unit);
                unitIndex.put(unit, new int[] {g, c});
            }
        }
    }

    /** The {@code periods} periods after the training data, the last {@code periods} (or all) as reference. */
    public static GeoPlanningWindow future(GeoModel training, int periods) {
        int rows = training.periods();
        return new GeoPlanningWindow(training, periods, Math.max(0, rows - periods), rows);
    }

    /** The periods after the training data with training periods {@code [referenceFrom, referenceTo)} as reference. */
    public static GeoPlanningWindow future(GeoModel training, int periods, int referenceFrom, int referenceTo) {
        return new GeoPlanningWindow(training, periods, referenceFrom, referenceTo);
    }

    /** A geo posterior's draws (full value vectors) as the optimiser reads them. */
    public static PosteriorDraws draws(Posterior posterior) {
        return PosteriorDraws.of(posterior.drawCount(), (values, d) -> posterior.drawInto(d, values));
    }

    /** The unit of a channel in a geo: {@code channel[geo]}. */
    public static String unitName(String channel, String geo) {
        return GeoNames.name(channel, null, geo);
    }

    public GeoModel training() {
        return training;
    }

    @Override
    public List<String> channels() {
        return List.copyOf(units);
    }

    @Override
    public int periods() {
        return periods;
    }

    public int historyRows() {
        return historyRows;
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
        return Arrays.copyOfRange(dates, historyRows, historyRows + periods);
    }

    /** The geo index of a unit. */
    int geoIndex(String unit) {
        return index(unit)[0];
    }

    /** The channel index of a unit. */
    int channelIndex(String unit) {
        return index(unit)[1];
    }

    private int[] index(String unit) {
        int[] i = unitIndex.get(unit);
        if (i == null) {
            throw new IllegalArgumentException("no channel in a geo named '" + unit + "'; the units are "
                    + String.join(", ", units));
        }
        return i;
    }

    private double[] trainingColumn(String unit) {
        int[] i = index(unit);
        return training.data().geo(i[0]).column(training.channels().get(i[1]));
    }

    @Override
    public double[] referencePattern(String unit) {
        return Arrays.copyOfRange(trainingColumn(unit), referenceFrom, referenceTo);
    }

    @Override
    public double trainingSpend(String unit) {
        double sum = 0.0;
        for (double v : trainingColumn(unit)) {
            sum += v;
        }
        return sum;
    }

    @Override
    public double largestPeriodSpend(String unit) {
        double max = 0.0;
        for (double v : trainingColumn(unit)) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** A unit's spend in the carry-in rows (data units). */
    double[] historySpend(String unit) {
        double[] col = trainingColumn(unit);
        return Arrays.copyOfRange(col, col.length - historyRows, col.length);
    }

    @Override
    public GeoPlanEvaluator response(PosteriorDraws draws) {
        return new GeoPlanEvaluator(this, draws);
    }

    @Override
    public String channelOf(String unit) {
        return training.channels().get(channelIndex(unit));
    }

    @Override
    public String geoOf(String unit) {
        return training.geos().get(geoIndex(unit));
    }

    @Override
    public ChannelBound boundOf(Map<String, ChannelBound> bounds, String unit) {
        ChannelBound own = bounds.get(unit);
        return own != null ? own : bounds.get(channelOf(unit));
    }

    @Override
    public List<String> boundNames() {
        List<String> out = new ArrayList<>(training.channels());
        out.addAll(units);
        return out;
    }

    /**
     * Every geo's rows with {@code spend[u][t]} in the window's periods (unit u in
     * {@link #channels()} order; null or a null row for no spend), none after it, the training spend
     * before it, the controls at their reference-window means.
     */
    public GeoData rows(double[][] spend) {
        int rows = rows();
        List<Dataset> perGeo = new ArrayList<>();
        List<String> channels = training.channels();
        for (int g = 0; g < training.geoCount(); g++) {
            Dataset geo = training.data().geo(g);
            LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
            for (int c = 0; c < channels.size(); c++) {
                String unit = unitName(channels.get(c), training.geos().get(g));
                int u = units.indexOf(unit);
                double[] col = new double[rows];
                System.arraycopy(historySpend(unit), 0, col, 0, historyRows);
                if (spend != null && spend[u] != null) {
                    if (spend[u].length != periods) {
                        throw new IllegalArgumentException("plan for '" + unit + "' has " + spend[u].length
                                + " periods, the window has " + periods);
                    }
                    System.arraycopy(spend[u], 0, col, historyRows, periods);
                }
                columns.put(channels.get(c), col);
            }
            for (ControlSpec control : training.spec().base().controls()) {
                double[] all = geo.column(control.name());
                double[] col = new double[rows];
                System.arraycopy(all, all.length - historyRows, col, 0, historyRows);
                double mean = 0.0;
                for (int t = referenceFrom; t < referenceTo; t++) {
                    mean += all[t];
                }
                Arrays.fill(col, historyRows, rows, mean / (referenceTo - referenceFrom));
                columns.put(control.name(), col);
            }
            perGeo.add(Dataset.of(geo.dateColumn(), dates, columns));
        }
        return GeoData.of(training.data().geoColumn(), training.geos(), perGeo);
    }

    /** The training model re-fed over these rows with the given window spend (see {@link #rows}). */
    public GeoModel model(double[][] spend) {
        return training.withInputs(rows(spend));
    }
}
