package dev.mmm.core.geo;

import dev.mmm.core.analysis.Decomposition;
import dev.mmm.core.analysis.Interval;
import dev.mmm.core.analysis.PosteriorAnalysis;
import dev.mmm.core.analysis.Prediction;
import dev.mmm.core.data.DataException;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.optimize.PlanningWindow;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import dev.mmm.core.analysis.ResponseCurve;
import dev.mmm.core.analysis.Window;
import dev.mmm.core.model.ChannelResponse;
import dev.mmm.core.posterior.Posterior;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Posterior analysis of a geo model, per geo and in total, draw by draw from a {@link Posterior}
 * whose columns are the model's {@link GeoModel#outputNames()}. ROAS is by counterfactual over the
 * training period: channel c's spend in geo g removed in every training period, the difference in
 * expected target summed over the period and the {@code l_max - 1} periods after it where its
 * carry-over lands (that geo's own carry-over only). Nothing holds draws x periods x geos.
 */
public final class GeoAnalysis {

    private final GeoModel model;
    private final Posterior posterior;

    public GeoAnalysis(GeoModel model, Posterior posterior) {
        if (!posterior.parameterNames().equals(model.outputNames())) {
            throw new IllegalArgumentException("the posterior's columns are not this geo model's outputs");
        }
        this.model = model.copyForChain();
        this.posterior = posterior;
    }

    /**
     * One channel in one geo (or nationally, geo null) over a window: spend, incremental outcome,
     * ROAS and marginal ROAS (the increment of 1% more spend in the window, per unit of that extra
     * spend; {@link PosteriorAnalysis#MARGINAL_STEP}).
     */
    public record ChannelRoas(String channel, String geo, double spend, Interval incremental, Interval roas,
                              Interval mroas) {
    }

    /** ROAS of every channel: nationally and in every geo. */
    public record Roas(List<ChannelRoas> national, List<ChannelRoas> perGeo) {

        /** The row of one channel in one geo (geo null: national). */
        public ChannelRoas of(String channel, String geo) {
            for (ChannelRoas r : geo == null ? national : perGeo) {
                if (r.channel().equals(channel) && (geo == null || r.geo().equals(geo))) {
                    return r;
                }
            }
            throw new IllegalArgumentException("no ROAS row for channel '" + channel + "' in geo '" + geo + "'");
        }
    }

    /** A channel's response curve in one geo, or nationally (geo null: every geo's spend scaled together). */
    public record GeoResponseCurve(String geo, ResponseCurve curve) {
    }

    /** Response curves of every channel: nationally and in every geo. */
    public record ResponseCurves(List<GeoResponseCurve> national, List<GeoResponseCurve> perGeo) {

        /** The curve of one channel in one geo (geo null: national). */
        public ResponseCurve of(String channel, String geo) {
            for (GeoResponseCurve r : geo == null ? national : perGeo) {
                if (r.curve().channel().equals(channel) && (geo == null || r.geo().equals(geo))) {
                    return r.curve();
                }
            }
            throw new IllegalArgumentException("no response curve for channel '" + channel + "' in geo '" + geo + "'");
        }
    }

    /** Per-geo fit: observed total, predicted total and the R^2 of the posterior-mean prediction. */
    public record GeoFitSummary(String geo, double observedTotal, Interval predictedTotal, double rSquared) {
    }

    /** Every training period. */
    public Window all() {
        return new Window(0, model.periods());
    }

    /** The training periods dated from {@code first} to {@code last} inclusive (either null: open). */
    public Window between(LocalDate first, LocalDate last) {
        return Window.between(model.dates(), first, last);
    }

    /** ROAS and marginal ROAS over every training period. */
    public Roas roas() {
        return roas(all());
    }

    /**
     * ROAS and marginal ROAS of every channel over a window of training periods, per geo and
     * nationally: channel c's spend in geo g in the window removed (or raised by 1%), the spend
     * outside it as it was, the difference in expected target counted over the window and the
     * {@code l_max - 1} periods after it. National = the geos' increments summed over their spend.
     */
    public Roas roas(Window window) {
        check(window);
        double[] grid = {0.0, 1.0, 1.0 + PosteriorAnalysis.MARGINAL_STEP};
        List<String> channels = model.channels();
        int draws = posterior.drawCount();
        double[][][] national = new double[channels.size()][grid.length][draws];
        double[] nationalSpend = new double[channels.size()];
        double[][] effects = new double[grid.length][draws];
        List<ChannelRoas> perGeo = new ArrayList<>();
        for (int g = 0; g < model.geoCount(); g++) {
            for (int c = 0; c < channels.size(); c++) {
                double spend = counterfactual(g, c, window, grid, effects, national[c]);
                nationalSpend[c] += spend;
                perGeo.add(row(channels.get(c), model.geos().get(g), spend, effects));
            }
        }
        List<ChannelRoas> out = new ArrayList<>();
        for (int c = 0; c < channels.size(); c++) {
            out.add(row(channels.get(c), null, nationalSpend[c], national[c]));
        }
        return new Roas(out, perGeo);
    }

    /**
     * Every channel's response curve per geo and nationally: its spend in the window times each
     * multiplier (ascending from 0, e.g. {@link PosteriorAnalysis#defaultMultipliers()}: 0 to 2
     * times the historical spend), the incremental target over zero spend in the window, carry-over
     * included, with 90% bands. The national curve scales every geo's spend by the same multiplier.
     */
    public ResponseCurves responseCurves(Window window, double[] multipliers) {
        check(window);
        ResponseCurve.checkMultipliers(multipliers);
        List<String> channels = model.channels();
        int draws = posterior.drawCount();
        int points = multipliers.length;
        double[][] effects = new double[points][draws];
        List<GeoResponseCurve> perGeo = new ArrayList<>();
        List<GeoResponseCurve> national = new ArrayList<>();
        for (int c = 0; c < channels.size(); c++) {
            double[][] total = new double[points][draws];
            double totalSpend = 0.0;
            for (int g = 0; g < model.geoCount(); g++) {
                double spend = counterfactual(g, c, window, multipliers, effects, total);
                totalSpend += spend;
                perGeo.add(new GeoResponseCurve(model.geos().get(g),
                        ResponseCurve.of(channels.get(c), multipliers, spend, increments(effects))));
            }
            national.add(new GeoResponseCurve(null, ResponseCurve.of(channels.get(c), multipliers, totalSpend,
                    increments(total))));
        }
        return new ResponseCurves(national, perGeo);
    }

    /** {@code effects[j][d] - effects[0][d]}: the increment over the first (zero-spend) point. */
    private static double[][] increments(double[][] effects) {
        double[][] out = new double[effects.length][];
        for (int j = 0; j < effects.length; j++) {
            out[j] = effects[j].clone();
            for (int d = 0; d < out[j].length; d++) {
                out[j][d] -= effects[0][d];
            }
        }
        return out;
    }

    /**
     * Channel c in geo g with its window spend times each multiplier: {@code effects[j][d]} = draw
     * d's expected target from that channel over the window and its carry-over periods (target
     * units; the rest of the mean is the same for every j and left out), also added into
     * {@code totals[j][d]}. Returns the geo's spend of the channel in the window.
     */
    private double counterfactual(int g, int c, Window window, double[] multipliers, double[][] effects,
                                  double[][] totals) {
        int periods = model.periods();
        int rows = periods + model.maxLag() - 1;
        int end = Math.min(rows, window.to() + model.maxLag() - 1);
        double[] raw = model.data().geo(g).column(model.channels().get(c));
        double divisor = model.channelScale(c) * model.population(g);
        double spend = 0.0;
        for (int t = window.from(); t < window.to(); t++) {
            spend += raw[t];
        }
        ChannelResponse base = model.response(g, c);
        ChannelResponse[] scaled = new ChannelResponse[multipliers.length];
        for (int j = 0; j < multipliers.length; j++) {
            double[] x = new double[rows];
            for (int t = 0; t < periods; t++) {
                boolean inWindow = t >= window.from() && t < window.to();
                x[t] = (inWindow ? multipliers[j] : 1.0) * raw[t] / divisor;
            }
            scaled[j] = base.withInput(x);
        }
        double unit = model.targetUnit(g);
        int betaSlot = model.betaSlot(g, c);
        double[] values = new double[model.valueCount()];
        for (int d = 0; d < posterior.drawCount(); d++) {
            posterior.drawInto(d, values);
            double scale = values[betaSlot] * unit;
            for (int j = 0; j < multipliers.length; j++) {
                double[] f = scaled[j].forward(values);
                double sum = 0.0;
                for (int t = window.from(); t < end; t++) {
                    sum += f[t];
                }
                effects[j][d] = scale * sum;
                totals[j][d] += effects[j][d];
            }
        }
        return spend;
    }

    /** A ROAS row from the effects at multipliers 0, 1 and 1 + the marginal step. */
    private static ChannelRoas row(String channel, String geo, double spend, double[][] effects) {
        int n = effects[0].length;
        double[] increment = new double[n];
        double[] roas = new double[n];
        double[] mroas = new double[n];
        for (int d = 0; d < n; d++) {
            increment[d] = effects[1][d] - effects[0][d];
            roas[d] = increment[d] / spend;
            mroas[d] = (effects[2][d] - effects[1][d]) / (PosteriorAnalysis.MARGINAL_STEP * spend);
        }
        return new ChannelRoas(channel, geo, spend, Interval.of(increment), Interval.of(roas), Interval.of(mroas));
    }

    private void check(Window window) {
        if (window.to() > model.periods()) {
            throw new IllegalArgumentException("window [" + window.from() + ", " + window.to() + ") is past the "
                    + model.periods() + " training periods");
        }
    }

    /**
     * The expected target of geo g in each training period (target units): mean and 90% interval
     * over draws.
     */
    public List<Interval> prediction(int g) {
        int periods = model.periods();
        int draws = posterior.drawCount();
        double[][] byPeriod = new double[periods][draws];
        double[] values = new double[model.valueCount()];
        double[] mu = new double[periods];
        double unit = model.targetUnit(g);
        for (int d = 0; d < draws; d++) {
            posterior.drawInto(d, values);
            model.meanInto(g, values, mu);
            for (int t = 0; t < periods; t++) {
                byPeriod[t][d] = mu[t] * unit;
            }
        }
        List<Interval> out = new ArrayList<>();
        for (int t = 0; t < periods; t++) {
            out.add(Interval.of(byPeriod[t]));
        }
        return out;
    }

    /** The expected national target (sum over geos) in each training period. */
    public List<Interval> nationalPrediction() {
        int periods = model.periods();
        int draws = posterior.drawCount();
        double[][] byPeriod = new double[periods][draws];
        double[] values = new double[model.valueCount()];
        double[] mu = new double[periods];
        for (int d = 0; d < draws; d++) {
            posterior.drawInto(d, values);
            for (int g = 0; g < model.geoCount(); g++) {
                model.meanInto(g, values, mu);
                double unit = model.targetUnit(g);
                for (int t = 0; t < periods; t++) {
                    byPeriod[t][d] += mu[t] * unit;
                }
            }
        }
        List<Interval> out = new ArrayList<>();
        for (int t = 0; t < periods; t++) {
            out.add(Interval.of(byPeriod[t]));
        }
        return out;
    }

    /** The decomposition of the prediction nationally and in every geo over one window, in the model's geo order. */
    public record GeoDecomposition(Decomposition national, List<Decomposition> perGeo, List<String> geos) {

        /** One geo's decomposition. */
        public Decomposition of(String geo) {
            return perGeo.get(geoIndex(geos, geo));
        }
    }

    /**
     * Geo g's expected target over a window split into its parts, the national model's
     * {@link Decomposition}: {@code intercept}, each channel, {@code controls}, each seasonality
     * ({@link GeoModel#contributionNames()}), baseline (the non-media parts) and media (the
     * channels), in the target's units ({@code s_y pop_g} times the scaled parts, as every other
     * quantity here). Draw by draw from that draw's values over every training period, so the
     * carry-over of spend before the window into it counts; the parts add up to the model's mean
     * in every period. With {@code perPeriod} false only totals and shares are kept.
     */
    public Decomposition decomposition(int g, Window window, boolean perPeriod) {
        if (g < 0 || g >= model.geoCount()) {
            throw new IllegalArgumentException("geo index " + g + " is not in [0, " + model.geoCount() + ")");
        }
        return decompose(window, perPeriod, new int[] {g}).perGeo().get(0);
    }

    /** {@link #decomposition(int, Window, boolean)} of the geo named {@code geo}. */
    public Decomposition decomposition(String geo, Window window, boolean perPeriod) {
        return decomposition(geoIndex(model.geos(), geo), window, perPeriod);
    }

    /** The index of {@code geo} in {@code geos}, or an error listing the geos. */
    private static int geoIndex(List<String> geos, String geo) {
        int g = geos.indexOf(geo);
        if (g < 0) {
            throw new IllegalArgumentException("no geo named '" + geo + "'; the geos are " + String.join(", ", geos));
        }
        return g;
    }

    /**
     * The national decomposition (each part summed over the geos draw by draw, target units) and
     * every geo's, over one window. Per-period intervals, when asked for, are computed one geo at
     * a time, so memory holds two geos' worth of draws x periods x parts, never every geo's.
     */
    public GeoDecomposition decomposition(Window window, boolean perPeriod) {
        int[] all = new int[model.geoCount()];
        for (int g = 0; g < all.length; g++) {
            all[g] = g;
        }
        return decompose(window, perPeriod, all);
    }

    private GeoDecomposition decompose(Window window, boolean perPeriod, int[] geos) {
        check(window);
        List<String> names = model.contributionNames();
        java.util.Set<String> media = new java.util.HashSet<>(model.channels());
        int parts = names.size();
        int draws = posterior.drawCount();
        int n = window.rows();
        int from = window.from();
        List<LocalDate> dates = List.of(java.util.Arrays.copyOfRange(model.dates(), from, window.to()));
        PartDraws national = new PartDraws(parts, draws, n, perPeriod);
        List<Decomposition> perGeo = new ArrayList<>();
        double[] values = new double[model.valueCount()];
        double[] mu = new double[model.periods()];
        double[][] series = new double[parts][model.periods()];
        for (int g : geos) {
            PartDraws geo = new PartDraws(parts, draws, n, perPeriod);
            double unit = model.targetUnit(g);
            for (int d = 0; d < draws; d++) {
                posterior.drawInto(d, values);
                model.meanInto(g, values, mu);
                model.contributionsInto(g, values, series);
                for (int t = 0; t < n; t++) {
                    double y = unit * mu[from + t];
                    geo.addPrediction(d, t, y);
                    national.addPrediction(d, t, y);
                    for (int k = 0; k < parts; k++) {
                        double v = unit * series[k][from + t];
                        geo.addPart(k, d, t, v);
                        national.addPart(k, d, t, v);
                    }
                }
            }
            perGeo.add(geo.summary(names, media, dates));
        }
        List<String> geoNames = new ArrayList<>();
        for (int g : geos) {
            geoNames.add(model.geos().get(g));
        }
        return new GeoDecomposition(national.summary(names, media, dates), perGeo, geoNames);
    }

    /** A decomposition's draws being summed: per part and draw the window total, and per period when kept. */
    private static final class PartDraws {
        private final double[][] total;
        private final double[][][] perPeriod;
        private final double[] predictionTotal;
        private final double[][] prediction;
        private final int n;

        PartDraws(int parts, int draws, int n, boolean keepPeriods) {
            this.n = n;
            total = new double[parts][draws];
            perPeriod = keepPeriods ? new double[parts][draws][n] : null;
            predictionTotal = new double[draws];
            prediction = keepPeriods ? new double[draws][n] : null;
        }

        void addPrediction(int d, int t, double y) {
            predictionTotal[d] += y;
            if (prediction != null) {
                prediction[d][t] += y;
            }
        }

        void addPart(int k, int d, int t, double v) {
            total[k][d] += v;
            if (perPeriod != null) {
                perPeriod[k][d][t] += v;
            }
        }

        Decomposition summary(List<String> names, java.util.Set<String> mediaNames, List<LocalDate> dates) {
            int draws = predictionTotal.length;
            boolean keep = perPeriod != null;
            double[] baselineTotal = new double[draws];
            double[] mediaTotal = new double[draws];
            double[][] baseline = keep ? new double[draws][n] : null;
            double[][] media = keep ? new double[draws][n] : null;
            List<Decomposition.Series> parts = new ArrayList<>();
            for (int k = 0; k < names.size(); k++) {
                boolean isMedia = mediaNames.contains(names.get(k));
                double[] groupTotal = isMedia ? mediaTotal : baselineTotal;
                for (int d = 0; d < draws; d++) {
                    groupTotal[d] += total[k][d];
                    if (keep) {
                        double[] group = isMedia ? media[d] : baseline[d];
                        for (int t = 0; t < n; t++) {
                            group[t] += perPeriod[k][d][t];
                        }
                    }
                }
                parts.add(Decomposition.Series.of(names.get(k), isMedia, keep ? perPeriod[k] : null, total[k],
                        predictionTotal, n));
            }
            return new Decomposition(dates, Decomposition.Series.of("prediction", false, prediction, predictionTotal,
                    predictionTotal, n), parts, Decomposition.Series.of("baseline", false, baseline, baselineTotal,
                    predictionTotal, n), Decomposition.Series.of("media", true, media, mediaTotal, predictionTotal, n));
        }
    }

    /** Predictions for new periods: national (the geos summed) and per geo, in the model's geo order. */
    public record GeoPrediction(Prediction national, List<Prediction> perGeo, List<String> geos) {

        /** One geo's prediction. */
        public Prediction of(String geo) {
            return perGeo.get(geoIndex(geos, geo));
        }
    }

    /**
     * Prediction for periods after the training data, per geo and nationally: {@code future} holds
     * every geo (any order) with every channel and control (and the target where known, to
     * compare), its first date one step after the last training date; each geo's last
     * {@code l_max - 1} training periods carry their adstock in. Per period: the expected target
     * (mean, 90% interval) and the posterior predictive (one noise draw per posterior draw from
     * {@code seed}); the national predictive adds the geos' draws, so it keeps their spread.
     */
    public GeoPrediction predict(GeoData future, long seed) {
        List<String> geos = model.geos();
        for (String g : geos) {
            if (!future.geos().contains(g)) {
                throw new DataException("the new periods have no rows for geo '" + g + "'; every geo of the fit needs them");
            }
        }
        LocalDate[] trainingDates = model.dates();
        LocalDate[] next = PlanningWindow.futureDates(trainingDates, 0, 1);
        if (!future.dates()[0].equals(next[0])) {
            throw new DataException("the new periods start on " + future.dates()[0] + "; they must continue the fitted "
                    + "data, whose next period is " + next[0]);
        }
        int lag = model.maxLag();
        int history = Math.min(model.periods(), lag - 1);
        int n = future.periods();
        List<String> columns = new ArrayList<>(model.channels());
        model.spec().base().controls().forEach(c -> columns.add(c.name()));
        LocalDate[] dates = new LocalDate[history + n];
        System.arraycopy(trainingDates, trainingDates.length - history, dates, 0, history);
        System.arraycopy(future.dates(), 0, dates, history, n);
        List<Dataset> perGeo = new ArrayList<>();
        String target = model.spec().base().targetColumn();
        double[][] observed = new double[geos.size()][];
        for (int g = 0; g < geos.size(); g++) {
            Dataset train = model.data().geo(g);
            Dataset rows = future.geo(future.geos().indexOf(geos.get(g)));
            java.util.LinkedHashMap<String, double[]> cols = new java.util.LinkedHashMap<>();
            for (String c : columns) {
                if (!rows.hasColumn(c)) {
                    throw new DataException("the new periods have no column '" + c + "'; they need every channel and control");
                }
                double[] col = new double[history + n];
                double[] past = train.column(c);
                System.arraycopy(past, past.length - history, col, 0, history);
                System.arraycopy(rows.column(c), 0, col, history, n);
                cols.put(c, col);
            }
            perGeo.add(Dataset.of(train.dateColumn(), dates, cols));
            observed[g] = new double[n];
            java.util.Arrays.fill(observed[g], Double.NaN);
            if (rows.hasColumn(target)) {
                System.arraycopy(rows.column(target), 0, observed[g], 0, n);
            }
        }
        GeoModel rowsModel = model.withInputs(GeoData.of(model.data().geoColumn(), geos, perGeo));
        int draws = posterior.drawCount();
        double[][][] mean = new double[geos.size()][n][draws];
        double[][][] predictive = new double[geos.size()][n][draws];
        double[] values = new double[model.valueCount()];
        double[] mu = new double[history + n];
        // One stream for all draws, in draw order: seeding each draw's generator with {seed, d} as
        // its raw state would give nearly the same first values for neighbouring draws.
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int d = 0; d < draws; d++) {
            posterior.drawInto(d, values);
            for (int g = 0; g < geos.size(); g++) {
                rowsModel.meanInto(g, values, mu);
                double unit = model.targetUnit(g);
                double sigma = values[model.sigmaSlot(g)];
                for (int t = 0; t < n; t++) {
                    double m = mu[history + t];
                    mean[g][t][d] = unit * m;
                    predictive[g][t][d] = unit * (m + sigma * normal.sample());
                }
            }
        }
        List<Prediction> out = new ArrayList<>();
        double[][] nationalMean = new double[n][draws];
        double[][] nationalPredictive = new double[n][draws];
        double[] nationalObserved = new double[n];
        List<LocalDate> futureDates = List.of(future.dates());
        for (int g = 0; g < geos.size(); g++) {
            for (int t = 0; t < n; t++) {
                for (int d = 0; d < draws; d++) {
                    nationalMean[t][d] += mean[g][t][d];
                    nationalPredictive[t][d] += predictive[g][t][d];
                }
                nationalObserved[t] += observed[g][t];
            }
            out.add(prediction(futureDates, mean[g], predictive[g], observed[g]));
        }
        return new GeoPrediction(prediction(futureDates, nationalMean, nationalPredictive, nationalObserved), out,
                List.copyOf(geos));
    }

    private static Prediction prediction(List<LocalDate> dates, double[][] mean, double[][] predictive,
                                         double[] observed) {
        List<Interval> m = new ArrayList<>();
        List<Interval> p = new ArrayList<>();
        for (int t = 0; t < mean.length; t++) {
            m.add(Interval.of(mean[t]));
            p.add(Interval.of(predictive[t]));
        }
        return new Prediction(dates, m, p, observed, null);
    }

    /** Each lift test's lift as the posterior has it (target units): mean and 90% interval over draws. */
    public List<Interval> liftTests(List<GeoLiftTest> tests) {
        List<Interval> out = new ArrayList<>();
        double[] values = new double[model.valueCount()];
        double[] lift = new double[posterior.drawCount()];
        for (int i = 0; i < tests.size(); i++) {
            GeoLiftTestTerm term = GeoLiftTestTerm.of(model, tests.get(i), i);
            for (int d = 0; d < lift.length; d++) {
                posterior.drawInto(d, values);
                lift[d] = term.modelLift(values);
            }
            out.add(Interval.of(lift));
        }
        return out;
    }

    /** Every geo's observed and predicted total and the R^2 of its posterior-mean prediction, over every training period. */
    public List<GeoFitSummary> geoFits() {
        return geoFits(all());
    }

    /**
     * Every geo's observed and predicted total over a window of training periods and the R^2 of its
     * posterior-mean prediction over the window's periods (NaN when the target is constant there).
     */
    public List<GeoFitSummary> geoFits(Window window) {
        check(window);
        List<GeoFitSummary> out = new ArrayList<>();
        String target = model.spec().base().targetColumn();
        int draws = posterior.drawCount();
        for (int g = 0; g < model.geoCount(); g++) {
            List<Interval> p = prediction(g);
            double[] y = model.data().geo(g).column(target);
            double observed = 0.0;
            for (int t = window.from(); t < window.to(); t++) {
                observed += y[t];
            }
            double mean = observed / window.rows();
            double residual = 0.0;
            double total = 0.0;
            for (int t = window.from(); t < window.to(); t++) {
                double r = y[t] - p.get(t).mean();
                residual += r * r;
                total += (y[t] - mean) * (y[t] - mean);
            }
            double[] totals = new double[draws];
            double[] values = new double[model.valueCount()];
            double[] mu = new double[model.periods()];
            for (int d = 0; d < draws; d++) {
                posterior.drawInto(d, values);
                model.meanInto(g, values, mu);
                double s = 0.0;
                for (int t = window.from(); t < window.to(); t++) {
                    s += mu[t];
                }
                totals[d] = s * model.targetUnit(g);
            }
            out.add(new GeoFitSummary(model.geos().get(g), observed, Interval.of(totals),
                    total > 0 ? 1.0 - residual / total : Double.NaN));
        }
        return out;
    }
}
