package dev.mmm.core.model;

import dev.mmm.priors.Bijector;
import dev.mmm.priors.Distribution;
import dev.mmm.sampler.LogDensity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A model spec joined with its data: the log posterior on the unconstrained scale with its
 * gradient, written by hand term by term.
 *
 * <p>{@code log p(u) = sum_i [log prior_i(x_i(u_i)) + log|dx_i/du_i|] + log lik(y | mu(x))}, all
 * terms normalised as {@code Distribution.logDensity} gives them. The forward pass builds
 * {@code mu} term by term; the reverse pass pushes {@code d loglik / d mu} back through each term's
 * own reverse pass into {@code d/dx}, then the chain rule through the bijectors gives {@code d/du}.
 *
 * <p>Everything that does not depend on parameters (scaled data, bases, lag structure) was built
 * once at compile time; scratch buffers are allocated in the constructor, so
 * {@link #logDensityAndGradient} allocates nothing. An instance is not thread-safe:
 * {@link #copyForChain()} gives another one sharing the immutable data.
 */
public final class CompiledModel implements LogDensity {

    private final ModelSpec spec;
    private final Scaling scaling;
    private final LocalDate[] dates;
    private final List<ModelParameter> parameters;
    private final List<String> parameterNames;
    private final Distribution[] priors;
    private final Bijector[] bijectors;
    /** Index into theta of each sampled coordinate: parameters with a Dirac prior are fixed, not sampled. */
    private final int[] freeIndex;
    private final double[] fixedTheta;
    private final Term[] terms;
    private final Likelihood likelihood;
    private final int rows;

    private final double[] theta;
    private final double[] dTheta;
    private final double[] mu;
    private final double[] dMu;

    /**
     * @param spec       the spec this model was compiled from (kept for reports; may be null in tests)
     * @param dates      one per row
     * @param parameters in the model's fixed order
     * @param terms      additive parts of mu, each reading parameters by index into {@code parameters}
     */
    public CompiledModel(ModelSpec spec, Scaling scaling, LocalDate[] dates, List<ModelParameter> parameters,
                         List<Term> terms, Likelihood likelihood) {
        this.spec = spec;
        this.scaling = scaling;
        this.dates = dates.clone();
        this.parameters = List.copyOf(parameters);
        List<String> names = new ArrayList<>();
        for (ModelParameter p : parameters) {
            names.add(p.name());
        }
        this.parameterNames = List.copyOf(names);
        int n = parameters.size();
        this.priors = new Distribution[n];
        this.bijectors = new Bijector[n];
        int free = 0;
        this.fixedTheta = new double[n];
        for (int i = 0; i < n; i++) {
            priors[i] = parameters.get(i).prior();
            bijectors[i] = parameters.get(i).bijector();
            if (priors[i].support().isPoint()) {
                fixedTheta[i] = priors[i].support().lower();
            } else {
                free++;
            }
        }
        this.freeIndex = new int[free];
        for (int i = 0, k = 0; i < n; i++) {
            if (!priors[i].support().isPoint()) {
                freeIndex[k++] = i;
            }
        }
        this.terms = terms.toArray(new Term[0]);
        this.likelihood = likelihood;
        this.rows = dates.length;
        this.theta = fixedTheta.clone();
        this.dTheta = new double[n];
        this.mu = new double[rows];
        this.dMu = new double[rows];
    }

    private CompiledModel(CompiledModel source) {
        this.spec = source.spec;
        this.scaling = source.scaling;
        this.dates = source.dates;
        this.parameters = source.parameters;
        this.parameterNames = source.parameterNames;
        this.priors = source.priors;
        this.bijectors = source.bijectors;
        this.freeIndex = source.freeIndex;
        this.fixedTheta = source.fixedTheta;
        this.terms = new Term[source.terms.length];
        for (int k = 0; k < terms.length; k++) {
            terms[k] = source.terms[k].copy();
        }
        this.likelihood = source.likelihood;
        this.rows = source.rows;
        this.theta = source.fixedTheta.clone();
        this.dTheta = new double[priors.length];
        this.mu = new double[rows];
        this.dMu = new double[rows];
    }

    /** Number of sampled (unconstrained) coordinates: the parameters less those fixed by a Dirac prior. */
    @Override
    public int dimension() {
        return freeIndex.length;
    }

    /** Number of parameters, fixed ones included: the length of a constrained vector. */
    public int parameterCount() {
        return priors.length;
    }

    @Override
    public double logDensityAndGradient(double[] position, double[] gradient) {
        int n = freeIndex.length;
        double logPrior = 0.0;
        Arrays.fill(dTheta, 0.0);
        for (int k = 0; k < n; k++) {
            int i = freeIndex[k];
            double u = position[k];
            double x = bijectors[i].toConstrained(u);
            theta[i] = x;
            logPrior += priors[i].logDensity(x) + bijectors[i].logAbsJacobian(u);
            dTheta[i] = priors[i].dLogDensity(x);
        }
        if (!(logPrior > Double.NEGATIVE_INFINITY) || Double.isNaN(logPrior)) {
            // Outside a prior's support (a bijector saturated at its bound): recoverable for the sampler.
            Arrays.fill(gradient, 0.0);
            return Double.NEGATIVE_INFINITY;
        }
        Arrays.fill(mu, 0.0);
        for (Term term : terms) {
            term.addForward(theta, mu);
        }
        double logLik = likelihood.logLikelihood(theta, mu, dMu, dTheta);
        for (Term term : terms) {
            term.addReverse(theta, dMu, dTheta);
        }
        for (int k = 0; k < n; k++) {
            int i = freeIndex[k];
            double u = position[k];
            gradient[k] = dTheta[i] * bijectors[i].dConstrainedDu(u) + bijectors[i].dLogAbsJacobianDu(u);
        }
        return logPrior + logLik;
    }

    @Override
    public CompiledModel copyForChain() {
        return new CompiledModel(this);
    }

    /** Parameter names in the model's fixed order (see {@link ModelSpec} for the order). */
    public List<String> parameterNames() {
        return parameterNames;
    }

    public List<ModelParameter> parameters() {
        return parameters;
    }

    /**
     * Unconstrained ({@link #dimension()} sampled coordinates) to constrained (all
     * {@link #parameterCount()} parameters, fixed ones at their value).
     */
    public void constrain(double[] unconstrained, double[] constrainedOut) {
        System.arraycopy(fixedTheta, 0, constrainedOut, 0, fixedTheta.length);
        for (int k = 0; k < freeIndex.length; k++) {
            int i = freeIndex[k];
            constrainedOut[i] = bijectors[i].toConstrained(unconstrained[k]);
        }
    }

    /** Constrained (all parameters) to unconstrained (sampled coordinates only). */
    public void unconstrain(double[] constrained, double[] unconstrainedOut) {
        for (int k = 0; k < freeIndex.length; k++) {
            int i = freeIndex[k];
            unconstrainedOut[k] = bijectors[i].toUnconstrained(constrained[i]);
        }
    }

    public ModelSpec spec() {
        return spec;
    }

    public Scaling scaling() {
        return scaling;
    }

    public int rows() {
        return rows;
    }

    public LocalDate[] dates() {
        return dates.clone();
    }

    public List<Term> terms() {
        return List.of(terms);
    }

    public Likelihood likelihood() {
        return likelihood;
    }

    /** The media term (null if the model has no channels). */
    public MediaTerm mediaTerm() {
        for (Term t : terms) {
            if (t instanceof MediaTerm m) {
                return m;
            }
        }
        return null;
    }

    /**
     * The mean {@code mu[t]} at constrained parameters, in the scaled space (on the log scale for a
     * log link). Allocates: for analysis, not sampling.
     */
    public double[] mean(double[] constrained) {
        double[] out = new double[rows];
        for (Term term : terms) {
            term.copy().addForward(constrained, out);
        }
        return out;
    }

    /**
     * Every term's contribution series at constrained parameters, in scaled units, keyed by the
     * term's contribution names (a channel's name, {@code intercept}, {@code controls},
     * {@code fourier}, ...). Under an identity link they sum to {@link #mean}. Allocates.
     */
    public LinkedHashMap<String, double[]> contributions(double[] constrained) {
        LinkedHashMap<String, double[]> out = new LinkedHashMap<>();
        for (Term term : terms) {
            List<String> names = term.contributionNames();
            double[][] buffer = new double[names.size()][rows];
            term.copy().contributions(constrained, buffer);
            for (int k = 0; k < names.size(); k++) {
                out.put(names.get(k), buffer[k]);
            }
        }
        return out;
    }

    /**
     * One channel's contribution {@code beta * f(spend)} at constrained parameters for any spend
     * series given in the data's units (counterfactuals, response curves, budget optimisation),
     * scaled with this model's channel scale and returned in the target's units. Under a log link
     * the value is the channel's additive part of mu (log scale), not multiplied by the target
     * scale. Allocates: off the hot path.
     */
    public double[] channelContribution(double[] constrained, String channel, double[] spend) {
        MediaTerm media = mediaTerm();
        int c = spec == null ? -1 : spec.channelNames().indexOf(channel);
        if (media == null || c < 0) {
            throw new IllegalArgumentException("no channel named '" + channel + "'");
        }
        double scale = scaling.channelScale(channel);
        double[] scaled = new double[spend.length];
        for (int t = 0; t < spend.length; t++) {
            scaled[t] = spend[t] / scale;
        }
        double[] f = media.channelResponses().get(c).withInput(scaled).forward(constrained);
        double beta = constrained[media.betaIndex(c)];
        boolean logLink = likelihood instanceof LogNormalLikelihood;
        double unit = logLink ? 1.0 : scaling.targetScale();
        double[] out = new double[spend.length];
        for (int t = 0; t < spend.length; t++) {
            out[t] = beta * f[t] * unit;
        }
        return out;
    }
}
