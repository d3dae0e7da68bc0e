package dev.mmm.core.model;

import dev.mmm.core.data.DataException;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.transform.Adstock;
import dev.mmm.core.transform.Saturation;
import dev.mmm.core.transform.Transforms;
import dev.mmm.priors.Bijectors;
import dev.mmm.priors.Distribution;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Builds a {@link CompiledModel} from a spec and data: scaling, bases, parameter layout, terms. */
final class ModelCompiler {

    private final ModelSpec spec;
    private final Dataset data;
    private final int rows;
    /** Training scales, or null to take them from {@code data} (training). */
    private final Scaling frozenScaling;
    private final TimeAxis timeAxis;
    private final int historyRows;
    private final List<ModelParameter> parameters = new ArrayList<>();
    private final LinkedHashSet<String> names = new LinkedHashSet<>();

    private ModelCompiler(ModelSpec spec, Dataset data, Scaling frozenScaling, TimeAxis timeAxis, int historyRows) {
        this.spec = spec;
        this.data = data;
        this.rows = data.rows();
        this.frozenScaling = frozenScaling;
        this.timeAxis = timeAxis;
        this.historyRows = historyRows;
    }

    /** The training model: scales and the time axis come from {@code data}. */
    static CompiledModel compile(ModelSpec spec, Dataset data) {
        return new ModelCompiler(spec, data, null, new TimeAxis(data.dates()), 0).build();
    }

    /**
     * The same parameter layout over other rows, with the training scales and time axis frozen.
     * The target column may be missing (future periods): the model then gives means and
     * contributions but no likelihood.
     */
    static CompiledModel recompile(ModelSpec spec, Dataset data, Scaling scaling, TimeAxis timeAxis, int historyRows) {
        return new ModelCompiler(spec, data, scaling, timeAxis, historyRows).build();
    }

    /** Adds a parameter measured in the target's units. */
    private int add(String name, Distribution prior) {
        return add(name, prior, true);
    }

    private int add(String name, Distribution prior, boolean scalesWithTarget) {
        return add(name, prior, scalesWithTarget, 1.0);
    }

    /**
     * @param columnScale typical magnitude of the basis column this coefficient multiplies; a real
     *                    coefficient is sampled as {@code coefficient * columnScale} (see {@link ScaledBijector})
     */
    private int add(String name, Distribution prior, boolean scalesWithTarget, double columnScale) {
        if (!names.add(name)) {
            throw new SpecException("two parameters would both be named '" + name + "'");
        }
        boolean real = prior.support().lower() == Double.NEGATIVE_INFINITY
                && prior.support().upper() == Double.POSITIVE_INFINITY;
        var bijector = real && columnScale != 1.0 && columnScale > 0.0 && Double.isFinite(columnScale)
                ? new ScaledBijector(1.0 / columnScale) : Bijectors.forSupport(prior.support());
        parameters.add(new ModelParameter(name, prior, bijector, scalesWithTarget));
        return parameters.size() - 1;
    }

    private static double maxAbs(double[] column) {
        double m = 0.0;
        for (double v : column) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private Distribution prior(String family, Distribution fallback) {
        Distribution d = spec.priors().get(family);
        return d != null ? d : fallback;
    }

    private double[] finiteColumn(String name, String role) {
        if (!data.hasColumn(name)) {
            throw new DataException(role + " column '" + name + "' not found; the columns are: "
                    + String.join(", ", data.columnNames()));
        }
        double[] v = data.column(name);
        for (int t = 0; t < v.length; t++) {
            if (!Double.isFinite(v[t])) {
                throw new DataException("column '" + name + "', row " + data.sourceRow(t) + ": value is " + v[t]
                        + ", expected a finite number");
            }
        }
        return v;
    }

    private CompiledModel build() {
        boolean logLink = spec.likelihood().logLink();
        boolean training = frozenScaling == null;
        boolean hasTarget = training || data.hasColumn(spec.targetColumn());
        double[] y = hasTarget ? finiteColumn(spec.targetColumn(), "target") : nanColumn(rows);
        double targetScale = training ? Scaling.scaleOf(y, spec.targetScaling()) : frozenScaling.targetScale();
        double[] ys = new double[rows];
        for (int t = 0; t < rows; t++) {
            ys[t] = y[t] / targetScale;
        }
        LinkedHashMap<String, Double> channelScales = new LinkedHashMap<>();
        LinkedHashMap<String, double[]> scaledSpend = new LinkedHashMap<>();
        for (ChannelSpec c : spec.channels()) {
            double[] x = finiteColumn(c.name(), "channel");
            for (int t = 0; t < rows; t++) {
                if (x[t] < 0.0) {
                    throw new DataException("column '" + c.name() + "', row " + data.sourceRow(t) + ": spend must be >= 0, got " + x[t]);
                }
            }
            double s = training ? Scaling.scaleOf(x, c.scaling()) : frozenScaling.channelScale(c.name());
            channelScales.put(c.name(), s);
            double[] xs = new double[rows];
            for (int t = 0; t < rows; t++) {
                xs[t] = x[t] / s;
            }
            scaledSpend.put(c.name(), xs);
        }
        Scaling scaling = new Scaling(targetScale, channelScales);
        LocalDate[] dates = data.dates();

        List<Term> terms = new ArrayList<>();
        terms.add(new InterceptTerm(add("intercept", prior("intercept", DefaultPriors.intercept(logLink)))));
        if (spec.trend() != null) {
            terms.add(trendTerm(spec.trend()));
        }
        ChannelResponse[] responses = mediaResponses(scaledSpend);
        if (responses.length > 0) {
            int[] betaIndex = new int[responses.length];
            for (int c = 0; c < responses.length; c++) {
                ChannelSpec cs = spec.channels().get(c);
                Distribution p = cs.priors().getOrDefault("beta", prior("beta", DefaultPriors.beta()));
                betaIndex[c] = add("beta[" + cs.name() + "]", p);
            }
            for (ChannelSpec cs : spec.channels()) {
                // beta[c] of a channel with a ROI prior is derived from roas[c] (core.calibration).
                var roi = spec.calibration().roiPrior(cs.name());
                if (roi != null) {
                    add(roi.parameterName(), roi.prior(), false);
                }
            }
            terms.add(new MediaTerm(responses, betaIndex, rows));
        }
        List<String> channelNames = spec.channelNames();
        for (SynergySpec s : spec.synergies()) {
            Distribution p = s.prior() != null ? s.prior() : prior("synergy", DefaultPriors.synergy());
            int index = add(s.parameterName(), p);
            ChannelResponse a = responses[channelNames.indexOf(s.channelA())].copy();
            ChannelResponse b = responses[channelNames.indexOf(s.channelB())].copy();
            terms.add(new SynergyTerm(s.parameterName(), a, b, index, rows));
        }
        if (!spec.controls().isEmpty()) {
            int k = spec.controls().size();
            int[] index = new int[k];
            double[][] basis = new double[k][];
            List<String> columnNames = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                ControlSpec cs = spec.controls().get(j);
                Distribution p = cs.prior() != null ? cs.prior() : prior("gamma", DefaultPriors.gamma());
                basis[j] = finiteColumn(cs.name(), "control");
                index[j] = add("gamma[" + cs.name() + "]", p, true, maxAbs(basis[j]));
                columnNames.add(cs.name());
            }
            terms.add(new LinearTerm("controls", index, basis, columnNames, false));
        }
        if (!spec.events().isEmpty()) {
            int k = spec.events().size();
            int[] index = new int[k];
            double[][] basis = new double[k][];
            List<String> columnNames = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                EventSpec e = spec.events().get(j);
                Distribution p = e.prior() != null ? e.prior() : prior("event", DefaultPriors.event());
                basis[j] = eventBasis(e, dates);
                index[j] = add("event[" + e.name() + "]", p, true, maxAbs(basis[j]));
                columnNames.add("event[" + e.name() + "]");
            }
            terms.add(new LinearTerm("events", index, basis, columnNames, false));
        }
        for (SeasonalitySpec s : spec.seasonalities()) {
            Distribution p = s.prior() != null ? s.prior() : prior(s.prefix(), prior("fourier", DefaultPriors.fourier()));
            int[] index = new int[2 * s.order()];
            double[][] basis = new double[2 * s.order()][rows];
            List<String> columnNames = new ArrayList<>();
            for (int m = 1; m <= s.order(); m++) {
                index[2 * m - 2] = add(s.prefix() + "[sin_" + m + "]", p);
                index[2 * m - 1] = add(s.prefix() + "[cos_" + m + "]", p);
                columnNames.add(s.prefix() + "[sin_" + m + "]");
                columnNames.add(s.prefix() + "[cos_" + m + "]");
                for (int t = 0; t < rows; t++) {
                    double phase = 2.0 * Math.PI * m * dates[t].getDayOfYear() / s.periodDays();
                    basis[2 * m - 2][t] = Math.sin(phase);
                    basis[2 * m - 1][t] = Math.cos(phase);
                }
            }
            terms.add(new LinearTerm(s.prefix(), index, basis, columnNames, false));
        }
        int sigmaIndex = add("sigma", prior("sigma", DefaultPriors.sigma(logLink)));
        LikelihoodSpec ls = spec.likelihood();
        Likelihood likelihood;
        switch (ls.family()) {
            case LikelihoodSpec.NORMAL -> likelihood = new NormalLikelihood(ys, sigmaIndex);
            case LikelihoodSpec.LOGNORMAL -> {
                for (int t = 0; t < rows && hasTarget; t++) {
                    if (!(y[t] > 0.0)) {
                        throw new DataException("column '" + spec.targetColumn() + "', row " + data.sourceRow(t)
                                + ": a lognormal likelihood needs a target > 0, got " + y[t]);
                    }
                }
                likelihood = new LogNormalLikelihood(hasTarget ? ys : onesColumn(rows), sigmaIndex);
            }
            case LikelihoodSpec.STUDENT_T -> {
                if (ls.nuSampled()) {
                    Distribution p = ls.nuPrior() != null ? ls.nuPrior() : prior("nu", DefaultPriors.nu());
                    likelihood = new StudentTLikelihood(ys, sigmaIndex, add("nu", p, false), Double.NaN);
                } else {
                    likelihood = new StudentTLikelihood(ys, sigmaIndex, -1, ls.nu());
                }
            }
            default -> throw new SpecException("unknown likelihood '" + ls.family() + "'");
        }
        return new CompiledModel(spec, scaling, dates, parameters, terms, likelihood)
                .withSource(data, timeAxis, historyRows, hasTarget);
    }

    private static double[] nanColumn(int rows) {
        double[] v = new double[rows];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    /** A placeholder target for a lognormal model over rows with no target (never evaluated). */
    private static double[] onesColumn(int rows) {
        double[] v = new double[rows];
        java.util.Arrays.fill(v, 1.0);
        return v;
    }

    /** Channel transforms with their parameters added in the documented group order. */
    private ChannelResponse[] mediaResponses(Map<String, double[]> scaledSpend) {
        List<ChannelSpec> channels = spec.channels();
        int n = channels.size();
        Adstock[] adstocks = new Adstock[n];
        Saturation[] saturations = new Saturation[n];
        String[][] adstockNames = new String[n][];
        String[][] saturationNames = new String[n][];
        LinkedHashSet<String> adstockGroups = new LinkedHashSet<>();
        LinkedHashSet<String> saturationGroups = new LinkedHashSet<>();
        for (int c = 0; c < n; c++) {
            ChannelSpec cs = channels.get(c);
            try {
                adstocks[c] = Transforms.adstock(cs.adstock(), cs.lMax(), cs.normalize());
            } catch (IllegalArgumentException e) {
                throw new SpecException("channel '" + cs.name() + "' adstock: " + e.getMessage(), e);
            }
            try {
                saturations[c] = Transforms.saturation(cs.saturation());
            } catch (IllegalArgumentException e) {
                throw new SpecException("channel '" + cs.name() + "' saturation: " + e.getMessage(), e);
            }
            List<String> a = adstocks[c].parameterNames();
            List<String> s = saturations[c].parameterNames();
            adstockNames[c] = a.stream().map(p -> s.contains(p) ? "adstock_" + p : p).toArray(String[]::new);
            saturationNames[c] = s.stream().map(p -> a.contains(p) ? "saturation_" + p : p).toArray(String[]::new);
            adstockGroups.addAll(List.of(adstockNames[c]));
            saturationGroups.addAll(List.of(saturationNames[c]));
        }
        int[][] adstockIndex = new int[n][];
        int[][] saturationIndex = new int[n][];
        for (int c = 0; c < n; c++) {
            adstockIndex[c] = new int[adstockNames[c].length];
            saturationIndex[c] = new int[saturationNames[c].length];
        }
        for (String group : adstockGroups) {
            for (int c = 0; c < n; c++) {
                int j = List.of(adstockNames[c]).indexOf(group);
                if (j >= 0) {
                    String raw = adstocks[c].parameterNames().get(j);
                    adstockIndex[c][j] = add(group + "[" + channels.get(c).name() + "]",
                            channelPrior(channels.get(c), group, adstocks[c].defaultPriors().get(raw)), false);
                }
            }
        }
        for (String group : saturationGroups) {
            for (int c = 0; c < n; c++) {
                int j = List.of(saturationNames[c]).indexOf(group);
                if (j >= 0) {
                    String raw = saturations[c].parameterNames().get(j);
                    saturationIndex[c][j] = add(group + "[" + channels.get(c).name() + "]",
                            channelPrior(channels.get(c), group, saturations[c].defaultPriors().get(raw)), false);
                }
            }
        }
        ChannelResponse[] responses = new ChannelResponse[n];
        for (int c = 0; c < n; c++) {
            ChannelSpec cs = channels.get(c);
            responses[c] = new ChannelResponse(cs.name(), scaledSpend.get(cs.name()), adstocks[c], saturations[c],
                    cs.order() == TransformOrder.SATURATION_FIRST, adstockIndex[c], saturationIndex[c]);
        }
        return responses;
    }

    private Distribution channelPrior(ChannelSpec channel, String parameter, Distribution transformDefault) {
        Distribution own = channel.priors().get(parameter);
        Distribution chosen = own != null ? own : prior(parameter, transformDefault);
        if (chosen == null) {
            throw new SpecException("channel '" + channel.name() + "': no prior for parameter '" + parameter + "'");
        }
        if (transformDefault != null) {
            // The transform's default prior spans the parameter's legal domain; a prior reaching
            // outside it would let the sampler into values the transform rejects.
            var domain = transformDefault.support();
            var s = chosen.support();
            if (s.lower() < domain.lower() || s.upper() > domain.upper()) {
                throw new SpecException("channel '" + channel.name() + "': impossible prior " + chosen.name()
                        + " for '" + parameter + "' with support [" + s.lower() + ", " + s.upper()
                        + "]; the parameter lives in [" + domain.lower() + ", " + domain.upper() + "]");
            }
        }
        return chosen;
    }

    private Term trendTerm(TrendSpec trend) {
        int n = trend.changepoints();
        int[] index = new int[n + 1];
        double[][] basis = new double[n + 1][rows];
        index[0] = add("trend_k", trend.kPrior() != null ? trend.kPrior() : prior("trend_k", DefaultPriors.trendK()));
        Distribution deltaPrior = trend.deltaPrior() != null ? trend.deltaPrior()
                : prior("trend_delta", DefaultPriors.trendDelta());
        for (int j = 1; j <= n; j++) {
            index[j] = add("trend_delta[" + j + "]", deltaPrior);
        }
        LocalDate[] dates = data.dates();
        for (int t = 0; t < rows; t++) {
            double s = timeAxis.trendTime(dates[t]);
            basis[0][t] = s;
            for (int j = 1; j <= n; j++) {
                basis[j][t] = Math.max(0.0, s - (double) j / (n + 1));
            }
        }
        return new LinearTerm("trend", index, basis, List.of("trend"), false);
    }

    private static double[] eventBasis(EventSpec event, LocalDate[] dates) {
        double[] basis = new double[dates.length];
        for (LocalDate d : event.dates()) {
            if (event.shape() == EventSpec.Shape.DUMMY) {
                int row = -1;
                for (int t = 0; t < dates.length && !dates[t].isAfter(d); t++) {
                    row = t;
                }
                long spacing = dates.length > 1 ? ChronoUnit.DAYS.between(dates[dates.length - 2], dates[dates.length - 1]) : 1;
                boolean inside = row >= 0 && (row < dates.length - 1
                        || ChronoUnit.DAYS.between(dates[row], d) < spacing);
                if (inside) {
                    basis[row] += 1.0;
                }
            } else {
                for (int t = 0; t < dates.length; t++) {
                    double z = ChronoUnit.DAYS.between(d, dates[t]) / event.widthDays();
                    basis[t] += Math.exp(-0.5 * z * z);
                }
            }
        }
        return basis;
    }
}
