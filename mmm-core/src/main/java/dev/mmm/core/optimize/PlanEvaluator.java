package dev.mmm.core.optimize;

import dev.mmm.core.model.ChannelResponse;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.MediaTerm;
import dev.mmm.core.model.SynergyTerm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The incremental target of a spend plan for every posterior draw, and its exact gradient in the
 * plan, written by hand through adstock, saturation and synergy.
 *
 * <p>The incremental target of draw d is what the window's spend adds to the expected target
 * over the window and the {@code l_max - 1} periods after it (its carry-over), given the
 * carry-in of the spend before the window: {@code I_d = sum_r E[y_r | plan] - E[y_r | no spend in
 * the window]}, in the target's units. Under the identity link that is
 * {@code targetScale * sum_r (sum_c beta_c f_c[r] + sum_k s_k f_a[r] f_b[r])} less its value at zero
 * window spend; under the log link it is {@code targetScale * exp(sigma^2/2) * sum_r
 * exp(mu0[r]) (exp(m[r] - m0[r]) - 1)} with {@code mu0} the full mean and {@code m0} the media
 * part at zero window spend (the lognormal's mean is {@code exp(mu + sigma^2 / 2)}).
 *
 * <p>The gradient: with {@code q[r] = d I / d m[r]} ({@code targetScale} or
 * {@code targetScale exp(sigma^2/2) exp(mu[r])}), channel c's response sees the upstream
 * {@code g_c[r] = q[r] (beta_c + sum over synergies k with c of s_k f_other[r])}, and
 * {@link ChannelResponse#inputGradient} pushes it through saturation and adstock to each
 * period's spend; a direction per channel contracts that into one number per channel (the
 * flighting pattern gives d I / d channel budget).
 *
 * <p>Draws are read once, at construction. One instance serves one thread; {@link #evaluate}
 * allocates nothing.
 */
public final class PlanEvaluator implements SpendResponse {

    private final PlanningWindow window;
    private final double[][] thetas;
    private final int channels;
    private final int periods;
    private final int history;
    private final int rows;
    private final ChannelResponse[] responses;
    private final int[] betaIndex;
    /** Per synergy: channel a, channel b, theta index of its coefficient. */
    private final int[][] synergies;
    /** Per channel: the synergies it takes part in. */
    private final int[][] synergiesOf;
    private final double[] inverseScale;
    private final boolean logLink;
    private final double targetScale;
    /** Identity link: the media part summed over the counted rows at zero window spend, per draw. */
    private final double[] baseline;
    /** Log link: per draw, the full mean and the media part at zero window spend, per row. */
    private final double[][] baseMean;
    private final double[][] baseMedia;
    /** Log link: exp(sigma^2 / 2) per draw, the lognormal's mean over its median. */
    private final double[] meanFactor;

    private final double[][] input;
    private final double[][] response;
    private final double[] media;
    private final double[] upstream;
    private final double[] upstreamChannel;
    private final double[] inputGradient;

    /** Reads the draws and evaluates the no-spend baseline of each. */
    public PlanEvaluator(PlanningWindow window, PosteriorDraws draws) {
        this.window = window;
        CompiledModel training = window.training();
        int p = training.parameterCount();
        this.thetas = new double[draws.count()][p];
        for (int d = 0; d < thetas.length; d++) {
            draws.drawInto(d, thetas[d]);
        }
        CompiledModel base = window.model(null);
        MediaTerm mediaTerm = base.mediaTerm();
        List<String> names = window.channels();
        this.channels = names.size();
        this.periods = window.periods();
        this.history = window.historyRows();
        this.rows = window.rows();
        this.responses = new ChannelResponse[channels];
        this.betaIndex = new int[channels];
        this.inverseScale = new double[channels];
        this.input = new double[channels][rows];
        for (int c = 0; c < channels; c++) {
            responses[c] = mediaTerm.channelResponses().get(c).copy();
            betaIndex[c] = mediaTerm.betaIndex(c);
            inverseScale[c] = 1.0 / training.scaling().channelScale(names.get(c));
            double[] past = window.historySpend(names.get(c));
            for (int r = 0; r < history; r++) {
                input[c][r] = past[r] * inverseScale[c];
            }
        }
        List<SynergyTerm> terms = base.synergyTerms();
        this.synergies = new int[terms.size()][];
        List<List<Integer>> of = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            of.add(new ArrayList<>());
        }
        for (int k = 0; k < terms.size(); k++) {
            SynergyTerm s = terms.get(k);
            int a = names.indexOf(s.channelA());
            int b = names.indexOf(s.channelB());
            synergies[k] = new int[] {a, b, s.coefficientIndex()};
            of.get(a).add(k);
            of.get(b).add(k);
        }
        this.synergiesOf = new int[channels][];
        for (int c = 0; c < channels; c++) {
            synergiesOf[c] = of.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
        this.logLink = training.logLink();
        this.targetScale = training.scaling().targetScale();
        this.response = new double[channels][];
        this.media = new double[rows];
        this.upstream = new double[rows];
        this.upstreamChannel = new double[rows];
        this.inputGradient = new double[rows];

        int n = thetas.length;
        this.baseline = new double[n];
        this.baseMean = logLink ? new double[n][rows] : null;
        this.baseMedia = logLink ? new double[n][rows] : null;
        this.meanFactor = new double[n];
        int sigma = training.parameterNames().indexOf("sigma");
        for (int d = 0; d < n; d++) {
            mediaRows(thetas[d]);
            if (logLink) {
                System.arraycopy(media, 0, baseMedia[d], 0, rows);
                base.meanInto(thetas[d], baseMean[d]);
                double s = sigma >= 0 ? thetas[d][sigma] : 0.0;
                meanFactor[d] = Math.exp(0.5 * s * s);
            } else {
                baseline[d] = targetScale * sumCounted(media);
                meanFactor[d] = 1.0;
            }
        }
    }

    public PlanningWindow window() {
        return window;
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
        return thetas.length;
    }

    /** Number of channels (in {@link PlanningWindow#channels()} order). */
    public int channels() {
        return channels;
    }

    /** A copy of draw d's parameter vector. */
    public double[] theta(int d) {
        return thetas[d].clone();
    }

    /**
     * {@code values[d]} = incremental target of draw d for window spend {@code spend[c][t]} (data
     * units). If {@code gradient} is not null, also {@code gradient[d][c] = sum_t dI_d / d spend[c][t]
     * * direction[c][t]}. Allocates nothing.
     */
    @Override
    public void evaluate(double[][] spend, double[][] direction, double[] values, double[][] gradient) {
        for (int c = 0; c < channels; c++) {
            double[] x = input[c];
            double inv = inverseScale[c];
            for (int t = 0; t < periods; t++) {
                x[history + t] = spend[c][t] * inv;
            }
        }
        for (int d = 0; d < thetas.length; d++) {
            double[] theta = thetas[d];
            mediaRows(theta);
            double value;
            if (logLink) {
                double[] mu0 = baseMean[d];
                double[] m0 = baseMedia[d];
                double unit = targetScale * meanFactor[d];
                value = 0.0;
                for (int r = history; r < rows; r++) {
                    double delta = media[r] - m0[r];
                    value += unit * Math.exp(mu0[r]) * Math.expm1(delta);
                    upstream[r] = unit * Math.exp(mu0[r] + delta);
                }
            } else {
                value = targetScale * sumCounted(media) - baseline[d];
                Arrays.fill(upstream, history, rows, targetScale);
            }
            values[d] = value;
            if (gradient != null) {
                gradient(theta, direction, gradient[d]);
            }
        }
    }

    /**
     * Per draw, the expected target over the window's periods of the re-fed model, and if
     * {@code predicted} is not null a posterior predictive draw of it (one noise draw per
     * posterior draw from {@code seed}), in the target's units.
     */
    @Override
    public void expectedTarget(double[][] spend, double[] expected, double[] predicted, long seed) {
        CompiledModel model = window.model(spend);
        int from = history;
        int to = from + periods;
        double scale = model.scaling().targetScale();
        int sigma = model.parameterNames().indexOf("sigma");
        double[] mu = new double[model.rows()];
        UniformRandomProvider rng = predicted == null ? null : RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int d = 0; d < thetas.length; d++) {
            double[] theta = thetas[d];
            model.meanInto(theta, mu);
            double factor = logLink && sigma >= 0 ? Math.exp(0.5 * theta[sigma] * theta[sigma]) : 1.0;
            double e = 0.0;
            double p = 0.0;
            for (int r = from; r < to; r++) {
                e += logLink ? factor * Math.exp(mu[r]) : mu[r];
                if (rng != null) {
                    p += model.likelihood().sample(theta, mu[r], rng);
                }
            }
            expected[d] = e * scale;
            if (predicted != null) {
                predicted[d] = p * scale;
            }
        }
    }

    private void gradient(double[] theta, double[][] direction, double[] out) {
        for (int c = 0; c < channels; c++) {
            double beta = theta[betaIndex[c]];
            for (int r = history; r < rows; r++) {
                upstreamChannel[r] = upstream[r] * beta;
            }
            for (int k : synergiesOf[c]) {
                int[] syn = synergies[k];
                double[] other = response[syn[0] == c ? syn[1] : syn[0]];
                double s = theta[syn[2]];
                for (int r = history; r < rows; r++) {
                    upstreamChannel[r] += upstream[r] * s * other[r];
                }
            }
            responses[c].inputGradient(upstreamChannel, inputGradient);
            out[c] = SpendResponse.alongDirection(inputGradient, history, direction[c], periods) * inverseScale[c];
        }
    }

    /** Forward pass of every channel at the current inputs; media[r] = the media and synergy part of mu. */
    private void mediaRows(double[] theta) {
        Arrays.fill(media, 0.0);
        for (int c = 0; c < channels; c++) {
            double[] f = responses[c].forward(theta, input[c]);
            response[c] = f;
            double beta = theta[betaIndex[c]];
            for (int r = 0; r < rows; r++) {
                media[r] += beta * f[r];
            }
        }
        for (int[] syn : synergies) {
            double[] fa = response[syn[0]];
            double[] fb = response[syn[1]];
            double s = theta[syn[2]];
            for (int r = 0; r < rows; r++) {
                media[r] += s * fa[r] * fb[r];
            }
        }
    }

    private double sumCounted(double[] series) {
        double sum = 0.0;
        for (int r = history; r < rows; r++) {
            sum += series[r];
        }
        return sum;
    }
}
