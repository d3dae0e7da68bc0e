package dev.mmm.core.analysis;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.ChannelResponse;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.MediaTerm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelInputs;
import dev.mmm.core.model.SynergyTerm;
import dev.mmm.core.posterior.Posterior;
import dev.mmm.core.transform.Adstock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The business answers of a fit, in the data's units, each with credible intervals: contribution,
 * share, ROAS and marginal ROAS per channel, the decomposition of the prediction, response curves,
 * carry-over curves, and predictions for the training rows or for new periods.
 *
 * <p>Reads only a {@link Posterior} and the {@link CompiledModel} (re-fed with other inputs for
 * counterfactuals, see {@link CompiledModel#withInputs}). Every quantity is computed draw by draw
 * with one workspace per thread, and only summaries are kept, unless a method says it returns draws.
 */
public final class PosteriorAnalysis {

    /** The +1% that marginal ROAS is measured over. */
    public static final double MARGINAL_STEP = 0.01;

    private final CompiledModel model;
    private final Posterior posterior;
    private final int threads;

    public PosteriorAnalysis(CompiledModel model, Posterior posterior) {
        this(model, posterior, DrawLoop.defaultThreads());
    }

    private PosteriorAnalysis(CompiledModel model, Posterior posterior, int threads) {
        if (!posterior.parameterNames().equals(model.parameterNames())) {
            throw new IllegalArgumentException("the posterior's parameters are not the model's");
        }
        if (model.source() == null) {
            throw new IllegalArgumentException("the model must be compiled from data (ModelSpec.compile)");
        }
        this.model = model;
        this.posterior = posterior;
        this.threads = threads;
    }

    public static PosteriorAnalysis of(MmmFit fit) {
        return new PosteriorAnalysis(fit.model(), fit.posterior());
    }

    /** The same analysis on {@code n} threads (results do not depend on it). */
    public PosteriorAnalysis threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + n);
        }
        return new PosteriorAnalysis(model, posterior, n);
    }

    public CompiledModel model() {
        return model;
    }

    public Posterior posterior() {
        return posterior;
    }

    /** Every training row. */
    public Window all() {
        return Window.all(model);
    }

    /** Spend, contribution, share, ROAS, marginal ROAS and cost per unit of every channel over {@code window}. */
    public ChannelTable channels(Window window) {
        check(window);
        List<String> names = model.spec().channelNames();
        int draws = posterior.drawCount();
        double[][] contribution = new double[names.size()][draws];
        double[][] roas = new double[names.size()][draws];
        double[][] mroas = new double[names.size()][draws];
        double[][] costPerUnit = new double[names.size()][draws];
        double[] spend = new double[names.size()];
        double[] grid = {0.0, 1.0, 1.0 + MARGINAL_STEP};
        for (int c = 0; c < names.size(); c++) {
            ChannelCounterfactual cf = new ChannelCounterfactual(model, window, c, grid);
            spend[c] = cf.windowSpend;
            int channel = c;
            DrawLoop.forEachDraw(posterior, threads, () -> new Object[] {cf.newWorkspace(), new double[grid.length]},
                    (d, theta, ws) -> {
                        ChannelCounterfactual.Workspace w = (ChannelCounterfactual.Workspace) ws[0];
                        double[] e = (double[]) ws[1];
                        cf.effects(theta, w, e);
                        double increment = e[1] - e[0];
                        contribution[channel][d] = w.windowContribution;
                        roas[channel][d] = increment / cf.windowSpend;
                        mroas[channel][d] = (e[2] - e[1]) / (MARGINAL_STEP * cf.windowSpend);
                        costPerUnit[channel][d] = cf.windowSpend / increment;
                    });
        }
        Decomposition totals = decomposition(window, false);
        double[] mediaTotal = new double[draws];
        for (int c = 0; c < names.size(); c++) {
            for (int d = 0; d < draws; d++) {
                mediaTotal[d] += contribution[c][d];
            }
        }
        List<ChannelSummary> out = new ArrayList<>();
        double[] share = new double[draws];
        for (int c = 0; c < names.size(); c++) {
            for (int d = 0; d < draws; d++) {
                share[d] = contribution[c][d] / mediaTotal[d];
            }
            out.add(new ChannelSummary(names.get(c), spend[c], Interval.of(contribution[c]), Interval.of(share),
                    Interval.of(roas[c]), Interval.of(mroas[c]), Interval.of(costPerUnit[c])));
        }
        LocalDate[] dates = model.dates();
        return new ChannelTable(dates[window.from()], dates[window.to() - 1], window.rows(), out,
                totals.baseline().total(), totals.media().total(), totals.prediction().total());
    }

    /**
     * The prediction over {@code window} split into parts (see {@link Decomposition}); with
     * {@code perPeriod} false only totals and shares are kept (memory: a few arrays of draws).
     */
    public Decomposition decomposition(Window window, boolean perPeriod) {
        return decompose(window, perPeriod, null);
    }

    private Decomposition decompose(Window window, boolean perPeriod, java.util.Map<String, double[]> totalsOut) {
        check(window);
        ModelInputs inputs = ModelInputs.window(model.source(), window.from(), window.to(), model.maxLag(), 0);
        CompiledModel windowModel = model.withInputs(inputs);
        int h = inputs.historyRows();
        int n = window.rows();
        int draws = posterior.drawCount();
        List<String> names = windowModel.contributionNames();
        Set<String> mediaNames = new HashSet<>(model.spec().channelNames());
        for (SynergyTerm s : model.synergyTerms()) {
            mediaNames.add(s.name());
        }
        int intercept = names.indexOf("intercept");
        boolean logLink = model.logLink();
        double scale = model.scaling().targetScale();
        int sigma = model.parameterNames().indexOf("sigma");

        // The expected target per draw and period; under the log link also the mean it comes from.
        double[][] prediction = new double[perPeriod ? draws : 0][];
        double[][] mu = new double[logLink ? draws : 0][];
        double[] predictionTotal = new double[draws];
        DrawLoop.forEachDraw(posterior, threads, () -> new Object[1], (d, theta, ws) -> {
            CompiledModel m = workspaceModel(ws, windowModel);
            double[] rowsMu = new double[windowModel.rows()];
            m.meanInto(theta, rowsMu);
            double kappa = logLink && sigma >= 0 ? Math.exp(0.5 * theta[sigma] * theta[sigma]) : 1.0;
            double[] y = new double[n];
            double sum = 0.0;
            for (int t = 0; t < n; t++) {
                double v = rowsMu[h + t];
                y[t] = logLink ? scale * kappa * Math.exp(v) : scale * v;
                sum += y[t];
            }
            predictionTotal[d] = sum;
            if (perPeriod) {
                prediction[d] = y;
            }
            if (logLink) {
                mu[d] = Arrays.copyOfRange(rowsMu, h, h + n);
            }
        });

        double[][] baseline = perPeriod ? new double[draws][n] : null;
        double[][] media = perPeriod ? new double[draws][n] : null;
        double[] baselineTotal = new double[draws];
        double[] mediaTotal = new double[draws];
        List<Decomposition.Series> parts = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            int series = k;
            boolean isMedia = mediaNames.contains(names.get(k));
            double[][] values = perPeriod ? new double[draws][] : null;
            double[] total = new double[draws];
            DrawLoop.forEachDraw(posterior, threads, () -> new Object[1], (d, theta, ws) -> {
                CompiledModel m = workspaceModel(ws, windowModel);
                double[] rows = new double[windowModel.rows()];
                m.seriesInto(theta, series, rows);
                double kappa = logLink && sigma >= 0 ? Math.exp(0.5 * theta[sigma] * theta[sigma]) : 1.0;
                double[] v = new double[n];
                double sum = 0.0;
                for (int t = 0; t < n; t++) {
                    double part = rows[h + t];
                    v[t] = logLink
                            ? scale * kappa * (part * LogLinkAttribution.share(mu[d][t]) + (series == intercept ? 1.0 : 0.0))
                            : scale * part;
                    sum += v[t];
                }
                total[d] = sum;
                if (perPeriod) {
                    values[d] = v;
                }
            });
            double[] groupTotal = isMedia ? mediaTotal : baselineTotal;
            for (int d = 0; d < draws; d++) {
                groupTotal[d] += total[d];
                if (perPeriod) {
                    double[] group = isMedia ? media[d] : baseline[d];
                    for (int t = 0; t < n; t++) {
                        group[t] += values[d][t];
                    }
                }
            }
            parts.add(series(names.get(k), isMedia, values, total, predictionTotal, n));
            if (totalsOut != null) {
                totalsOut.put(names.get(k), total);
            }
        }
        LocalDate[] dates = model.dates();
        List<LocalDate> windowDates = List.of(Arrays.copyOfRange(dates, window.from(), window.to()));
        return new Decomposition(windowDates, series("prediction", false, prediction, predictionTotal, predictionTotal, n),
                parts, series("baseline", false, baseline, baselineTotal, predictionTotal, n),
                series("media", true, media, mediaTotal, predictionTotal, n));
    }

    /**
     * Every synergy term's contribution over {@code window} with the posterior probability that it
     * is positive (is the interaction real, and which way does it go?).
     */
    public List<SynergySummary> synergies(Window window) {
        check(window);
        List<SynergySummary> out = new ArrayList<>();
        List<SynergyTerm> terms = model.synergyTerms();
        if (terms.isEmpty()) {
            return out;
        }
        DecompositionTotals dec = decompositionTotals(window);
        for (int s = 0; s < terms.size(); s++) {
            SynergyTerm term = terms.get(s);
            double[] totals = dec.totals.get(term.name());
            int positive = 0;
            for (double v : totals) {
                if (v > 0) {
                    positive++;
                }
            }
            out.add(new SynergySummary(term.name(), term.channelA(), term.channelB(), Interval.of(totals),
                    totals.length == 0 ? Double.NaN : positive / (double) totals.length));
        }
        return out;
    }

    /** Per-draw totals of every part over a window (for probabilities that need the draws). */
    private record DecompositionTotals(java.util.Map<String, double[]> totals) {
    }

    private DecompositionTotals decompositionTotals(Window window) {
        java.util.Map<String, double[]> totals = new java.util.LinkedHashMap<>();
        decompose(window, false, totals);
        return new DecompositionTotals(totals);
    }

    /** A thread's copy of a model, kept in the first slot of its workspace array. */
    private static CompiledModel workspaceModel(Object[] ws, CompiledModel model) {
        if (ws[0] == null) {
            ws[0] = model.copyForChain();
        }
        return (CompiledModel) ws[0];
    }

    private static Decomposition.Series series(String name, boolean media, double[][] perDraw, double[] total,
                                               double[] predictionTotal, int n) {
        return Decomposition.Series.of(name, media, perDraw, total, predictionTotal, n);
    }

    /**
     * Each channel's response curve: its spend in {@code window} times each of {@code multipliers}
     * (ascending, starting at 0), the incremental target over zero spend with carry-over.
     */
    public List<ResponseCurve> responseCurves(Window window, double[] multipliers) {
        check(window);
        ResponseCurve.checkMultipliers(multipliers);
        List<String> names = model.spec().channelNames();
        int draws = posterior.drawCount();
        int points = multipliers.length;
        List<ResponseCurve> out = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            ChannelCounterfactual cf = new ChannelCounterfactual(model, window, c, multipliers);
            double[][] response = new double[points][draws];
            DrawLoop.forEachDraw(posterior, threads, () -> new Object[] {cf.newWorkspace(), new double[points]},
                    (d, theta, ws) -> {
                        double[] e = (double[]) ws[1];
                        cf.effects(theta, (ChannelCounterfactual.Workspace) ws[0], e);
                        for (int j = 0; j < points; j++) {
                            response[j][d] = e[j] - e[0];
                        }
                    });
            out.add(ResponseCurve.of(names.get(c), multipliers, cf.windowSpend, response));
        }
        return out;
    }

    /** 0, 0.1, ..., 2: the default grid of response curves. */
    public static double[] defaultMultipliers() {
        double[] m = new double[21];
        for (int j = 0; j < m.length; j++) {
            m[j] = j / 10.0;
        }
        return m;
    }

    /** Each channel's adstock weights per lag, normalised to sum to 1, with intervals. */
    public List<AdstockCurve> adstockCurves() {
        MediaTerm media = model.mediaTerm();
        List<AdstockCurve> out = new ArrayList<>();
        if (media == null) {
            return out;
        }
        int draws = posterior.drawCount();
        for (ChannelResponse response : media.channelResponses()) {
            Adstock adstock = response.adstock();
            int[] index = response.adstockIndex();
            int lags = adstock.weightCount();
            double[][] weights = new double[lags][draws];
            double[] params = new double[index.length];
            double[] w = new double[lags];
            double[] theta = new double[posterior.parameterNames().size()];
            for (int d = 0; d < draws; d++) {
                posterior.drawInto(d, theta);
                for (int j = 0; j < index.length; j++) {
                    params[j] = theta[index[j]];
                }
                adstock.weights(params, w);
                double sum = 0.0;
                for (double v : w) {
                    sum += v;
                }
                for (int l = 0; l < lags; l++) {
                    weights[l][d] = sum > 0 ? w[l] / sum : Double.NaN;
                }
            }
            List<Interval> intervals = new ArrayList<>();
            for (int l = 0; l < lags; l++) {
                intervals.add(Interval.of(weights[l]));
            }
            out.add(new AdstockCurve(response.channel(), intervals));
        }
        return out;
    }

    /** Correlations, VIF, zero-spend share and spend variation of the window's channels and controls. */
    public InputDiagnostics inputs(Window window) {
        check(window);
        Dataset rows = model.source().slice(window.from(), window.to());
        java.util.Map<String, double[]> spend = new java.util.LinkedHashMap<>();
        for (String c : model.spec().channelNames()) {
            spend.put(c, rows.column(c));
        }
        java.util.Map<String, double[]> controls = new java.util.LinkedHashMap<>();
        for (var c : model.spec().controls()) {
            controls.put(c.name(), rows.column(c.name()));
        }
        return InputDiagnostics.of(spend, controls);
    }

    /**
     * The prior predictive over the training rows: {@code draws} parameter vectors from the
     * priors (sampled parameters drawn, derived ones such as a beta under a ROI prior computed
     * from them, fixed ones at their value), each with the likelihood's noise. What the model
     * believes before it sees the target: a check that the priors allow the data.
     */
    public Prediction priorPredictive(int draws, long seed, boolean keepDraws) {
        if (draws < 1) {
            throw new IllegalArgumentException("prior predictive draws must be at least 1, got " + draws);
        }
        int p = model.parameterCount();
        double[][] columns = new double[p][draws];
        UniformRandomProvider rng = dev.mmm.sampler.RandomStreams.of(seed, -1L);
        double[] theta = new double[p];
        double[] u = new double[model.dimension()];
        var parameters = model.parameters();
        for (int d = 0; d < draws; d++) {
            for (int i = 0; i < p; i++) {
                theta[i] = parameters.get(i).prior().sample(rng);
            }
            model.unconstrain(theta, u);
            model.constrain(u, theta);
            for (int i = 0; i < p; i++) {
                columns[i][d] = theta[i];
            }
        }
        java.util.Map<String, double[]> sampler = new java.util.LinkedHashMap<>();
        for (String name : Posterior.SAMPLER_COLUMNS) {
            sampler.put(name, new double[draws]);
        }
        Posterior prior = new Posterior(model.parameterNames(), new int[] {draws}, columns, sampler, List.of(),
                posterior.provenance(), new Posterior.RunInfo(0, draws, true, 0, 0, 0, 0));
        return new PosteriorAnalysis(model, prior, threads).predictive(model, seed, keepDraws);
    }

    /** The posterior predictive over the training rows. */
    public Prediction fitted(long seed, boolean keepDraws) {
        return predictive(model, seed, keepDraws);
    }

    /**
     * Prediction for periods after the training data: {@code future} holds every channel and
     * control (and the target where known, to compare); the training tail carries its adstock in.
     */
    public Prediction predict(Dataset future, long seed, boolean keepDraws) {
        ModelInputs inputs = ModelInputs.after(model.source(), future, model.maxLag());
        return predictive(model.withInputs(inputs), seed, keepDraws);
    }

    private Prediction predictive(CompiledModel rowsModel, long seed, boolean keepDraws) {
        int h = rowsModel.historyRows();
        int n = rowsModel.rows() - h;
        int draws = posterior.drawCount();
        boolean logLink = model.logLink();
        double scale = model.scaling().targetScale();
        int sigma = model.parameterNames().indexOf("sigma");
        double[][] mean = new double[draws][];
        double[][] replicate = new double[draws][];
        DrawLoop.forEachDraw(posterior, threads, () -> new Object[1], (d, theta, ws) -> {
            CompiledModel m = workspaceModel(ws, rowsModel);
            double[] mu = new double[rowsModel.rows()];
            m.meanInto(theta, mu);
            UniformRandomProvider rng = dev.mmm.sampler.RandomStreams.of(seed, d);
            double kappa = logLink && sigma >= 0 ? Math.exp(0.5 * theta[sigma] * theta[sigma]) : 1.0;
            double[] e = new double[n];
            double[] r = new double[n];
            for (int t = 0; t < n; t++) {
                double v = mu[h + t];
                e[t] = logLink ? scale * kappa * Math.exp(v) : scale * v;
                r[t] = scale * rowsModel.likelihood().sample(theta, v, rng);
            }
            mean[d] = e;
            replicate[d] = r;
        });
        List<Interval> meanIntervals = new ArrayList<>();
        List<Interval> predictiveIntervals = new ArrayList<>();
        double[] column = new double[draws];
        for (int t = 0; t < n; t++) {
            for (int d = 0; d < draws; d++) {
                column[d] = mean[d][t];
            }
            meanIntervals.add(Interval.of(column));
            for (int d = 0; d < draws; d++) {
                column[d] = replicate[d][t];
            }
            predictiveIntervals.add(Interval.of(column));
        }
        double[] observed = new double[n];
        Dataset rows = rowsModel.source();
        String target = model.spec().targetColumn();
        double[] y = rows.hasColumn(target) ? rows.column(target) : null;
        for (int t = 0; t < n; t++) {
            observed[t] = y == null ? Double.NaN : y[h + t];
        }
        LocalDate[] dates = rowsModel.dates();
        return new Prediction(List.of(Arrays.copyOfRange(dates, h, h + n)), meanIntervals, predictiveIntervals,
                observed, keepDraws ? replicate : null);
    }

    /**
     * Pointwise log likelihood of every training row, {@code [draw][row]}, as the density of the
     * target in its own units: the input of PSIS-LOO.
     */
    public double[][] pointwiseLogLikelihood() {
        int draws = posterior.drawCount();
        double[][] out = new double[draws][];
        DrawLoop.forEachDraw(posterior, threads, () -> new Object[1], (d, theta, ws) -> {
            CompiledModel m = workspaceModel(ws, model);
            double[] mu = new double[model.rows()];
            m.meanInto(theta, mu);
            double[] ll = new double[model.rows()];
            m.pointwiseLogLikelihood(theta, mu, ll);
            out[d] = ll;
        });
        return out;
    }

    private void check(Window window) {
        if (window.to() > model.rows()) {
            throw new IllegalArgumentException("window [" + window.from() + ", " + window.to() + ") is past the "
                    + model.rows() + " training rows");
        }
    }
}
