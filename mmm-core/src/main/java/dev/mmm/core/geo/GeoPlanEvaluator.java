package dev.mmm.core.geo;

import dev.mmm.core.model.ChannelResponse;
import dev.mmm.core.optimize.PosteriorDraws;
import dev.mmm.core.optimize.SpendResponse;
import java.util.List;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A geo model's incremental target of a spend plan over geo x channel for every posterior draw,
 * and its exact gradient in each unit's spend, by hand. For draw d,
 * <pre>
 *   I_d = sum_g s_y pop_g sum_c beta[c,g] sum_{r >= h} (f_c,g[r] - f0_c,g[r]),
 * </pre>
 * over the window and its carry-over rows ({@code r >= h}, after the {@code h} carry-in rows),
 * {@code f0} the response with no spend in the window; a geo's spend moves only its own
 * responses (carry-over never crosses geos). The gradient: the upstream {@code s_y pop_g beta[c,g]}
 * on the counted rows through {@link ChannelResponse#inputGradient} (saturation and adstock) to
 * each row's scaled spend, divided by {@code s_c pop_g}.
 *
 * <p>Draws are read once, at construction. One instance serves one thread; {@link #evaluate}
 * allocates nothing.
 */
public final class GeoPlanEvaluator implements SpendResponse {

    private final GeoPlanningWindow window;
    private final double[][] values;
    private final int units;
    private final int periods;
    private final int history;
    private final int rows;
    private final ChannelResponse[] responses;
    private final int[] betaSlot;
    /** Per unit: s_y pop_g (scaled mean to target units) and 1 / (s_c pop_g) (spend to scaled spend). */
    private final double[] unitScale;
    private final double[] inverseScale;
    private final double[][] input;
    /** Per draw: the counted media part at zero window spend, in target units. */
    private final double[] baseline;
    private final double[] upstream;
    private final double[] inputGradient;

    GeoPlanEvaluator(GeoPlanningWindow window, PosteriorDraws draws) {
        this.window = window;
        GeoModel training = window.training();
        this.values = new double[draws.count()][training.valueCount()];
        for (int d = 0; d < values.length; d++) {
            draws.drawInto(d, values[d]);
        }
        GeoModel base = window.model(null);
        List<String> names = window.channels();
        this.units = names.size();
        this.periods = window.periods();
        this.history = window.historyRows();
        this.rows = window.rows();
        this.responses = new ChannelResponse[units];
        this.betaSlot = new int[units];
        this.unitScale = new double[units];
        this.inverseScale = new double[units];
        this.input = new double[units][rows];
        for (int u = 0; u < units; u++) {
            int g = window.geoIndex(names.get(u));
            int c = window.channelIndex(names.get(u));
            responses[u] = base.response(g, c).copy();
            betaSlot[u] = training.betaSlot(g, c);
            unitScale[u] = training.targetUnit(g);
            inverseScale[u] = 1.0 / (training.channelScale(c) * training.population(g));
            double[] past = window.historySpend(names.get(u));
            for (int r = 0; r < history; r++) {
                input[u][r] = past[r] * inverseScale[u];
            }
        }
        this.upstream = new double[rows];
        this.inputGradient = new double[rows];
        this.baseline = new double[values.length];
        for (int d = 0; d < values.length; d++) {
            baseline[d] = counted(values[d]);
        }
    }

    @Override
    public List<String> units() {
        return window.channels();
    }

    @Override
    public int periods() {
        return periods;
    }

    @Override
    public int draws() {
        return values.length;
    }

    @Override
    public void evaluate(double[][] spend, double[][] direction, double[] out, double[][] gradient) {
        for (int u = 0; u < units; u++) {
            double[] x = input[u];
            for (int t = 0; t < periods; t++) {
                x[history + t] = spend[u][t] * inverseScale[u];
            }
        }
        for (int d = 0; d < values.length; d++) {
            double[] v = values[d];
            out[d] = counted(v) - baseline[d];
            if (gradient != null) {
                double[] gd = gradient[d];
                for (int u = 0; u < units; u++) {
                    // The forward pass of this unit was the last on its response, as inputGradient needs.
                    java.util.Arrays.fill(upstream, history, rows, unitScale[u] * v[betaSlot[u]]);
                    responses[u].inputGradient(upstream, inputGradient);
                    gd[u] = SpendResponse.alongDirection(inputGradient, history, direction[u], periods) * inverseScale[u];
                }
            }
        }
    }

    /** Forward pass of every unit at the current inputs: the media part over the counted rows, in target units. */
    private double counted(double[] v) {
        double total = 0.0;
        for (int u = 0; u < units; u++) {
            double[] f = responses[u].forward(v, input[u]);
            double sum = 0.0;
            for (int r = history; r < rows; r++) {
                sum += f[r];
            }
            total += unitScale[u] * v[betaSlot[u]] * sum;
        }
        return total;
    }

    /**
     * Per draw the expected target summed over the window's periods and geos; with
     * {@code predicted}, one Normal noise draw per geo and period ({@code sigma[g]} in geo g's target
     * units, as {@link GeoAnalysis#predict} draws it) added, from one stream in draw, geo, period order.
     */
    @Override
    public void expectedTarget(double[][] spend, double[] expected, double[] predicted, long seed) {
        GeoModel model = window.model(spend);
        double[] mu = new double[rows];
        ZigguratSampler.NormalizedGaussian normal = predicted == null ? null
                : ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        for (int d = 0; d < values.length; d++) {
            double e = 0.0;
            double p = 0.0;
            for (int g = 0; g < model.geoCount(); g++) {
                model.meanInto(g, values[d], mu);
                double sigma = values[d][model.sigmaSlot(g)];
                double sum = 0.0;
                double noise = 0.0;
                for (int r = history; r < history + periods; r++) {
                    sum += mu[r];
                    if (normal != null) {
                        noise += sigma * normal.sample();
                    }
                }
                e += model.targetUnit(g) * sum;
                p += model.targetUnit(g) * (sum + noise);
            }
            expected[d] = e;
            if (predicted != null) {
                predicted[d] = p;
            }
        }
    }
}
