package dev.mmm.core.model;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.numeric.Reductions;
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

    /** The rows this model was compiled from (null for hand-built models in tests). */
    private final Dataset source;
    private final TimeAxis timeAxis;
    /** Leading rows that only carry adstock into the rows after them (0 for the training model). */
    private final int historyRows;
    /** False for a re-fed model over rows without a target: means and contributions only. */
    private final boolean hasTarget;
    /** Per term, a reusable holder of the rows of {@code out} it fills (no allocation per call). */
    private final double[][][] seriesHolders;
    private final SynergyTerm[] synergies;
    /** Per multi-series term, scratch for {@link #seriesInto} (made on first use). */
    private final double[][][] seriesScratch;
    /** Parameters computed from others (ROI parameterisation), in the order they are derived. */
    private final DerivedParameters[] derived;
    /** Extra log-density components after the likelihood (lift tests). */
    private final DensityTerm[] densityTerms;
    /** True for the prior alone: no likelihood and no extra density components. */
    private final boolean priorOnly;
    /**
     * The intercept's index into theta when it is sampled in centred coordinates (see
     * {@link #centredIntercept()}), else -1; {@link #levelCoordinate} is its sampled coordinate.
     */
    private final int levelIndex;
    private final int levelCoordinate;
    /** The intercept term whose parameter is sampled in centred coordinates (null when off). */
    private final Term levelTerm;
    /**
     * Sheared coordinates (see {@link #withProductCoordinates} and {@link #withSaturationCoordinates}):
     * for pair j, the sampled coordinate {@code shearTo[j]} holds {@code log beta + h_j(log lam)},
     * {@code shearBy[j]} holds {@code log lam}. Empty when off.
     */
    private final int[] shearTo;
    private final int[] shearBy;
    private final Shear shear;
    /**
     * Under {@link Shear#saturation}: for pair j, the channel's mean scaled spend s, and the sampled
     * coordinate is {@code log beta + log logistic(lam * s)} (see {@link #withSaturationCoordinates}).
     */
    private final double[] shearScale;
    /** The unconstrained point in the bijectors' coordinates (scratch for product coordinates). */
    private final double[] bijectorPoint;

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
        this.source = null;
        this.timeAxis = new TimeAxis(dates);
        this.historyRows = 0;
        this.hasTarget = true;
        this.seriesHolders = seriesHolders(this.terms);
        this.synergies = synergiesOf(this.terms);
        this.seriesScratch = new double[this.terms.length][][];
        this.derived = new DerivedParameters[0];
        this.densityTerms = new DensityTerm[0];
        this.priorOnly = false;
        this.levelIndex = centredLevelIndex(this.terms, priors, freeIndex, true);
        this.levelTerm = levelIndex < 0 ? null : interceptTermOf(this.terms);
        this.levelCoordinate = coordinateOf(freeIndex, levelIndex);
        this.shear = Shear.NONE;
        this.shearTo = new int[0];
        this.shearBy = new int[0];
        this.shearScale = new double[0];
        this.bijectorPoint = new double[freeIndex.length];
    }

    /**
     * How each channel's {@code log beta} coordinate is shifted by a function of its {@code log lam}:
     * by {@code factor * log lam} (product coordinates), or, when {@code saturation}, by the log of
     * the logistic saturation at the channel's mean scaled spend (saturation coordinates).
     */
    private record Shear(double factor, boolean saturation) {
        static final Shear NONE = new Shear(0.0, false);

        boolean on() {
            return saturation || factor != 0.0;
        }
    }

    /**
     * The coordinate pairs (log beta, log lam) of each channel whose two parameters are both sampled
     * on the log scale: {@code [0]} beta's coordinates, {@code [1]} lam's.
     */
    private static int[][] productPairs(List<String> names, Bijector[] bijectors, int[] freeIndex) {
        List<int[]> pairs = new ArrayList<>();
        for (int k = 0; k < freeIndex.length; k++) {
            String name = names.get(freeIndex[k]);
            if (!name.startsWith("beta[")) {
                continue;
            }
            int lam = coordinateOf(freeIndex, names.indexOf("lam[" + name.substring(5)));
            if (lam >= 0 && isLog(bijectors[freeIndex[k]]) && isLog(bijectors[freeIndex[lam]])) {
                pairs.add(new int[] {k, lam});
            }
        }
        int[][] out = new int[2][pairs.size()];
        for (int j = 0; j < pairs.size(); j++) {
            out[0][j] = pairs.get(j)[0];
            out[1][j] = pairs.get(j)[1];
        }
        return out;
    }

    private static boolean isLog(Bijector b) {
        return b instanceof dev.mmm.priors.LowerBoundBijector l && l.lower() == 0.0;
    }

    private static Term interceptTermOf(Term[] terms) {
        for (Term t : terms) {
            if (t instanceof InterceptTerm) {
                return t;
            }
        }
        return null;
    }

    /**
     * The intercept's theta index if it can be sampled in centred coordinates: a free intercept on
     * the whole real line beside at least one other term. Otherwise -1 (sampled as it is).
     */
    private static int centredLevelIndex(Term[] terms, Distribution[] priors, int[] freeIndex, boolean wanted) {
        if (!wanted || terms.length < 2) {
            return -1;
        }
        for (Term t : terms) {
            if (t instanceof InterceptTerm intercept) {
                int i = intercept.index();
                boolean real = priors[i].support().lower() == Double.NEGATIVE_INFINITY
                        && priors[i].support().upper() == Double.POSITIVE_INFINITY;
                return real && coordinateOf(freeIndex, i) >= 0 ? i : -1;
            }
        }
        return -1;
    }

    private static int coordinateOf(int[] freeIndex, int i) {
        if (i < 0) {
            return -1;
        }
        for (int k = 0; k < freeIndex.length; k++) {
            if (freeIndex[k] == i) {
                return k;
            }
        }
        return -1;
    }

    private static double[][][] seriesHolders(Term[] terms) {
        double[][][] holders = new double[terms.length][][];
        for (int k = 0; k < terms.length; k++) {
            holders[k] = new double[terms[k].contributionNames().size()][];
        }
        return holders;
    }

    private static SynergyTerm[] synergiesOf(Term[] terms) {
        List<SynergyTerm> out = new ArrayList<>();
        for (Term t : terms) {
            if (t instanceof SynergyTerm s) {
                out.add(s);
            }
        }
        return out.toArray(new SynergyTerm[0]);
    }

    private CompiledModel(CompiledModel source) {
        this(source, source.source, source.timeAxis, source.historyRows, source.hasTarget, source.derived,
                source.densityTerms, source.priorOnly, source.levelIndex >= 0, source.shear);
    }

    private CompiledModel(CompiledModel source, Dataset rowsSource, TimeAxis timeAxis, int historyRows,
                          boolean hasTarget, DerivedParameters[] derived, DensityTerm[] densityTerms,
                          boolean priorOnly, boolean centred, Shear shear) {
        this.spec = source.spec;
        this.scaling = source.scaling;
        this.dates = source.dates;
        this.parameters = source.parameters;
        this.parameterNames = source.parameterNames;
        this.priors = source.priors;
        this.bijectors = source.bijectors;
        this.fixedTheta = source.fixedTheta;
        this.derived = new DerivedParameters[derived.length];
        boolean[] isDerived = new boolean[priors.length];
        for (int k = 0; k < derived.length; k++) {
            this.derived[k] = derived[k].copy();
            for (int i : derived[k].derivedIndices()) {
                if (priors[i].support().isPoint() || isDerived[i]) {
                    throw new IllegalArgumentException(parameterNames.get(i) + " cannot be derived: it is fixed or derived already");
                }
                isDerived[i] = true;
            }
        }
        this.densityTerms = new DensityTerm[densityTerms.length];
        for (int k = 0; k < densityTerms.length; k++) {
            this.densityTerms[k] = densityTerms[k].copy();
        }
        this.priorOnly = priorOnly;
        int free = 0;
        for (int i = 0; i < priors.length; i++) {
            if (!priors[i].support().isPoint() && !isDerived[i]) {
                free++;
            }
        }
        this.freeIndex = new int[free];
        for (int i = 0, k = 0; i < priors.length; i++) {
            if (!priors[i].support().isPoint() && !isDerived[i]) {
                freeIndex[k++] = i;
            }
        }
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
        this.source = rowsSource;
        this.timeAxis = timeAxis;
        this.historyRows = historyRows;
        this.hasTarget = hasTarget;
        this.seriesHolders = seriesHolders(this.terms);
        this.synergies = synergiesOf(this.terms);
        this.seriesScratch = new double[this.terms.length][][];
        this.levelIndex = centredLevelIndex(this.terms, priors, freeIndex, centred);
        this.levelTerm = levelIndex < 0 ? null : interceptTermOf(this.terms);
        this.levelCoordinate = coordinateOf(freeIndex, levelIndex);
        int[][] pairs = shear.on() ? productPairs(parameterNames, bijectors, freeIndex) : new int[2][0];
        this.shear = pairs[0].length == 0 ? Shear.NONE : shear;
        this.shearTo = pairs[0];
        this.shearBy = pairs[1];
        this.shearScale = this.shear.saturation() ? saturationScales(this.terms, freeIndex, pairs) : new double[0];
        this.bijectorPoint = new double[freeIndex.length];
    }

    /** The compiler's last step: remember the rows and calendar this model was built from. */
    CompiledModel withSource(Dataset rowsSource, TimeAxis axis, int history, boolean target) {
        return new CompiledModel(this, rowsSource, axis, history, target, derived, densityTerms, priorOnly,
                levelIndex >= 0, shear);
    }

    /**
     * This model with parameters derived from others (no longer sampled: {@link #dimension()}
     * drops by their count) and extra log-density components added after the likelihood. The
     * objects are copied, never shared. Calibration ({@code dev.mmm.core.calibration}) builds
     * them; any derived or extra component already present is kept.
     */
    public CompiledModel withCalibration(List<DerivedParameters> moreDerived, List<DensityTerm> moreTerms) {
        List<DerivedParameters> d = new ArrayList<>(List.of(derived));
        d.addAll(moreDerived);
        List<DensityTerm> e = new ArrayList<>(List.of(densityTerms));
        e.addAll(moreTerms);
        return new CompiledModel(this, source, timeAxis, historyRows, hasTarget, d.toArray(new DerivedParameters[0]),
                e.toArray(new DensityTerm[0]), priorOnly, levelIndex >= 0, shear);
    }

    /**
     * The prior alone over the same parameters: the log density without the likelihood and without
     * the extra components (prior checks, and the check that a ROI prior is reproduced).
     */
    public CompiledModel priorOnly() {
        return new CompiledModel(this, source, timeAxis, historyRows, true, derived, densityTerms, true,
                levelIndex >= 0, shear);
    }

    /**
     * This model with the intercept sampled as it is ({@code centred = false}) or in centred
     * coordinates ({@code true}, the default wherever it applies). The posterior is the same either
     * way; only the sampler's coordinates differ (benchmarks compare the two).
     */
    public CompiledModel withCentredIntercept(boolean centred) {
        return new CompiledModel(this, source, timeAxis, historyRows, hasTarget, derived, densityTerms, priorOnly,
                centred, shear);
    }

    /**
     * This model with each channel's {@code log beta} sampled as {@code log beta + factor * log lam}
     * (factor 1: the log of the product {@code beta * lam}, which the data identify when the
     * channel is far from saturation) beside {@code log lam}; factor 0 turns it off. A linear map
     * of the unconstrained coordinates with determinant 1: the posterior is unchanged.
     */
    public CompiledModel withProductCoordinates(double factor) {
        if (!Double.isFinite(factor)) {
            throw new IllegalArgumentException("product coordinate factor must be finite, got " + factor);
        }
        return new CompiledModel(this, source, timeAxis, historyRows, hasTarget, derived, densityTerms, priorOnly,
                levelIndex >= 0, factor == 0.0 ? Shear.NONE : new Shear(factor, false));
    }

    /**
     * This model with each logistic channel's {@code log beta} sampled as
     * {@code log beta + log logistic(lam * s)}, s the channel's mean scaled spend, beside
     * {@code log lam}: the log of the channel's effect at its typical spend, which the data identify
     * whatever the regime. Far from saturation (small {@code lam * s}) it is the product coordinate
     * {@code log(beta * lam)} up to a constant; saturated, it is {@code log beta}: the shear bends
     * with the banana between {@code beta} and {@code lam}, where a linear one (a dense metric, or
     * {@link #withProductCoordinates}) fits only one regime. The map shifts one coordinate by a
     * function of another: its Jacobian determinant is 1, so the posterior is unchanged.
     */
    public CompiledModel withSaturationCoordinates(boolean on) {
        return new CompiledModel(this, source, timeAxis, historyRows, hasTarget, derived, densityTerms, priorOnly,
                levelIndex >= 0, on ? new Shear(0.0, true) : Shear.NONE);
    }

    /** Whether logistic channels are sampled in saturation coordinates ({@link #withSaturationCoordinates}). */
    public boolean saturationCoordinates() {
        return shear.saturation();
    }

    /**
     * Per product pair, the mean scaled spend of the channel whose beta and lam the pair holds;
     * NaN (no shear for that pair) when its saturation is not logistic.
     */
    private double[] saturationScales(Term[] terms, int[] freeIndex, int[][] pairs) {
        double[] scales = new double[pairs[0].length];
        java.util.Arrays.fill(scales, Double.NaN);
        for (Term term : terms) {
            if (!(term instanceof MediaTerm media)) {
                continue;
            }
            List<ChannelResponse> responses = media.channelResponses();
            for (int c = 0; c < responses.size(); c++) {
                ChannelResponse r = responses.get(c);
                if (!(r.saturation() instanceof dev.mmm.core.transform.LogisticSaturation) || r.saturationFirst()) {
                    continue;
                }
                int betaCoordinate = coordinateOf(freeIndex, media.betaIndex(c));
                int lamCoordinate = coordinateOf(freeIndex, r.saturationIndex()[0]);
                for (int j = 0; j < scales.length; j++) {
                    if (pairs[0][j] == betaCoordinate && pairs[1][j] == lamCoordinate) {
                        scales[j] = r.meanInput();
                    }
                }
            }
        }
        return scales;
    }

    /** The shift of pair j's beta coordinate at {@code vLam}, its sampled log lam. */
    private double shearOffset(int j, double vLam) {
        if (!shear.saturation()) {
            return shear.factor() * vLam;
        }
        double s = shearScale[j];
        return Double.isFinite(s) && s > 0 ? LogisticShear.logLogistic(Math.exp(vLam) * s) : 0.0;
    }

    /** The derivative of {@link #shearOffset} in {@code vLam}. */
    private double shearSlope(int j, double vLam) {
        if (!shear.saturation()) {
            return shear.factor();
        }
        double s = shearScale[j];
        return Double.isFinite(s) && s > 0 ? LogisticShear.dLogLogisticDLogU(Math.exp(vLam) * s) : 0.0;
    }

    /**
     * Whether the intercept is sampled in centred coordinates: the sampler's coordinate is the
     * level {@code mean_t mu[t]} (the mean of mu over this model's rows), and the intercept is
     * computed from it and every other parameter. The map is triangular with a unit diagonal, so
     * its Jacobian determinant is 1 and the posterior is unchanged; it removes the trade-off
     * between the intercept and the sum of the other terms (a saturated channel acts as a
     * constant, an unscaled trend moves the level), which the data identify only through their
     * sum and which is where the default model's divergences sat.
     */
    public boolean centredIntercept() {
        return levelIndex >= 0;
    }

    /** The extra log-density components (lift tests), in the order they are added. */
    public List<DensityTerm> densityTerms() {
        return List.of(densityTerms);
    }

    /** The derived-parameter objects (ROI parameterisation). */
    public List<DerivedParameters> derivedParameters() {
        return List.of(derived);
    }

    /** Whether parameter {@code i} (in {@link #parameterNames()} order) is derived, not sampled. */
    public boolean isDerived(int i) {
        for (DerivedParameters d : derived) {
            for (int j : d.derivedIndices()) {
                if (j == i) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Number of sampled (unconstrained) coordinates: the parameters less those fixed by a Dirac prior or derived. */
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
        if (!hasTarget) {
            throw new IllegalStateException("this model was fed rows without the target column '"
                    + spec.targetColumn() + "': it gives means and contributions, not a posterior");
        }
        int n = freeIndex.length;
        double logPrior = 0.0;
        Arrays.fill(dTheta, 0.0);
        double[] sampled = position;
        if (shearTo.length > 0) {
            position = toBijectorPoint(sampled, bijectorPoint);
        }
        for (int k = 0; k < n; k++) {
            int i = freeIndex[k];
            double u = position[k];
            double x = bijectors[i].toConstrained(u);
            theta[i] = x;
            logPrior += bijectors[i].logAbsJacobian(u);
            if (k != levelCoordinate) {
                // The centred intercept's prior waits for the media term: its value needs it.
                logPrior += priors[i].logDensity(x);
                dTheta[i] = priors[i].dLogDensity(x);
            }
        }
        if (!(logPrior > Double.NEGATIVE_INFINITY) || Double.isNaN(logPrior)) {
            // Outside a prior's support (a bijector saturated at its bound): recoverable for the sampler.
            Arrays.fill(gradient, 0.0);
            return Double.NEGATIVE_INFINITY;
        }
        for (DerivedParameters d : derived) {
            d.derive(theta);
        }
        double logLik = 0.0;
        if (levelIndex >= 0) {
            logPrior += centredForward();
            if (!(logPrior > Double.NEGATIVE_INFINITY) || Double.isNaN(logPrior)) {
                Arrays.fill(gradient, 0.0);
                return Double.NEGATIVE_INFINITY;
            }
        } else if (!priorOnly) {
            Arrays.fill(mu, 0.0);
            for (Term term : terms) {
                term.addForward(theta, mu);
            }
        }
        if (!priorOnly) {
            logLik = likelihood.logLikelihood(theta, mu, dMu, dTheta);
            for (DensityTerm extra : densityTerms) {
                logLik += extra.addLogDensity(theta, dTheta);
            }
            for (Term term : terms) {
                if (levelIndex < 0 || term == levelTerm) {
                    term.addReverse(theta, dMu, dTheta);
                }
            }
        }
        if (levelIndex >= 0) {
            centredReverse();
        }
        for (int k = derived.length - 1; k >= 0; k--) {
            derived[k].reverse(theta, dTheta);
        }
        for (int k = 0; k < n; k++) {
            int i = freeIndex[k];
            double u = position[k];
            gradient[k] = dTheta[i] * bijectors[i].dConstrainedDu(u) + bijectors[i].dLogAbsJacobianDu(u);
        }
        // Sheared coordinates: u_beta = v_beta - h(v_lam), so d/dv_lam = d/du_lam - h'(v_lam) * d/du_beta.
        for (int j = 0; j < shearTo.length; j++) {
            gradient[shearBy[j]] -= shearSlope(j, sampled[shearBy[j]]) * gradient[shearTo[j]];
        }
        return logPrior + logLik;
    }

    /** The bijectors' unconstrained point of sampled coordinates {@code v} (product coordinates undone). */
    private double[] toBijectorPoint(double[] v, double[] out) {
        System.arraycopy(v, 0, out, 0, freeIndex.length);
        for (int j = 0; j < shearTo.length; j++) {
            out[shearTo[j]] = v[shearTo[j]] - shearOffset(j, v[shearBy[j]]);
        }
        return out;
    }

    /**
     * Centred coordinates, forward: {@code theta[levelIndex]} holds the level (the mean of mu over
     * the rows) on entry; builds {@code mu} with it, then moves it to the intercept
     * ({@code level - mean of every other term}), shifts {@code mu} to match and returns the
     * intercept's log prior (its derivative is left in {@code dTheta}). Under {@link #priorOnly}
     * the mean is built all the same: the intercept needs it.
     */
    private double centredForward() {
        Arrays.fill(mu, 0.0);
        for (Term term : terms) {
            term.addForward(theta, mu);
        }
        double level = theta[levelIndex];
        double shift = Reductions.sum(mu, rows) / rows - level;
        for (int t = 0; t < rows; t++) {
            mu[t] -= shift;
        }
        double intercept = level - shift;
        theta[levelIndex] = intercept;
        dTheta[levelIndex] = priors[levelIndex].dLogDensity(intercept);
        return priors[levelIndex].logDensity(intercept);
    }

    /**
     * Centred coordinates, reverse: {@code intercept = level - (1/rows) sum_t others[t]}, so the
     * level takes the intercept's whole derivative g, and every other term's parameters get
     * {@code -g/rows} times the derivative of that term's total: their reverse passes run with
     * {@code dMu - g/rows}. Called after the intercept term's reverse pass and the density terms,
     * so g is complete.
     */
    private void centredReverse() {
        double g = dTheta[levelIndex];
        double perRow = g / rows;
        if (priorOnly) {
            Arrays.fill(dMu, 0, rows, -perRow);
        } else {
            for (int t = 0; t < rows; t++) {
                dMu[t] -= perRow;
            }
        }
        for (Term term : terms) {
            if (term != levelTerm) {
                term.addReverse(theta, dMu, dTheta);
            }
        }
    }

    /** The mean of mu over the rows at constrained parameters (scratch of this instance). */
    private double meanOfMean(double[] constrained) {
        Arrays.fill(mu, 0.0);
        for (Term term : terms) {
            term.addForward(constrained, mu);
        }
        return Reductions.sum(mu, rows) / rows;
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
        if (shearTo.length > 0) {
            unconstrained = toBijectorPoint(unconstrained, new double[freeIndex.length]);
        }
        System.arraycopy(fixedTheta, 0, constrainedOut, 0, fixedTheta.length);
        for (int k = 0; k < freeIndex.length; k++) {
            int i = freeIndex[k];
            constrainedOut[i] = bijectors[i].toConstrained(unconstrained[k]);
        }
        // Derived parameters use this instance's scratch: one thread at a time, as meanInto.
        for (DerivedParameters d : derived) {
            d.derive(constrainedOut);
        }
        if (levelIndex >= 0) {
            // The level is the mean of mu; with the level in the intercept's slot the mean of mu is
            // level + mean(others), so the intercept is 2 * level - that mean.
            double level = constrainedOut[levelIndex];
            constrainedOut[levelIndex] = 2 * level - meanOfMean(constrainedOut);
        }
    }

    /**
     * Constrained (all parameters) to unconstrained (sampled coordinates only; derived ones are
     * dropped). Uses this instance's scratch when the intercept is centred: one thread at a time.
     */
    public void unconstrain(double[] constrained, double[] unconstrainedOut) {
        for (int k = 0; k < freeIndex.length; k++) {
            int i = freeIndex[k];
            double x = constrained[i];
            if (i == levelIndex) {
                x = meanOfMean(derivedView(constrained));
            }
            unconstrainedOut[k] = bijectors[i].toUnconstrained(x);
        }
        for (int j = 0; j < shearTo.length; j++) {
            unconstrainedOut[shearTo[j]] += shearOffset(j, unconstrainedOut[shearBy[j]]);
        }
    }

    /** {@code constrained} with its derived entries recomputed (they may be stale in a caller's vector). */
    private double[] derivedView(double[] constrained) {
        if (derived.length == 0) {
            return constrained;
        }
        double[] copy = constrained.clone();
        for (DerivedParameters d : derived) {
            d.derive(copy);
        }
        return copy;
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
     * log link). Allocates: for analysis, not sampling; see {@link #meanInto} for the loop form.
     */
    public double[] mean(double[] constrained) {
        double[] out = new double[rows];
        copyForChain().meanInto(constrained, out);
        return out;
    }

    /**
     * {@code out[t] = mu[t]} at constrained parameters, every row (history rows included). Uses
     * this instance's scratch: one thread at a time; allocates nothing.
     */
    public void meanInto(double[] constrained, double[] out) {
        Arrays.fill(out, 0, rows, 0.0);
        for (Term term : terms) {
            term.addForward(constrained, out);
        }
    }

    /** Names of the series {@link #contributionsInto} fills, in its row order. */
    public List<String> contributionNames() {
        List<String> names = new ArrayList<>();
        for (Term term : terms) {
            names.addAll(term.contributionNames());
        }
        return names;
    }

    /**
     * {@code out[k][t]} = contribution series k (in {@link #contributionNames()} order) at
     * constrained parameters, scaled units (log scale under a log link); under an identity link
     * the series sum to {@link #meanInto}. One thread at a time; allocates nothing.
     */
    public void contributionsInto(double[] constrained, double[][] out) {
        int k = 0;
        for (int i = 0; i < terms.length; i++) {
            double[][] holder = seriesHolders[i];
            for (int j = 0; j < holder.length; j++) {
                holder[j] = out[k++];
            }
            terms[i].contributions(constrained, holder);
        }
    }

    /**
     * Every term's contribution series at constrained parameters, in scaled units, keyed by the
     * term's contribution names (a channel's name, {@code intercept}, {@code controls},
     * {@code fourier}, ...). Under an identity link they sum to {@link #mean}. Allocates.
     */
    public LinkedHashMap<String, double[]> contributions(double[] constrained) {
        List<String> names = contributionNames();
        double[][] buffer = new double[names.size()][rows];
        copyForChain().contributionsInto(constrained, buffer);
        LinkedHashMap<String, double[]> out = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            out.put(names.get(k), buffer[k]);
        }
        return out;
    }

    /**
     * {@code out[t]} = contribution series k alone (k in {@link #contributionNames()} order), doing
     * only that series' work: a channel's series costs one channel's adstock and saturation.
     * One thread at a time; allocates nothing after the first call for a multi-series term.
     */
    public void seriesInto(double[] constrained, int k, double[] out) {
        int first = 0;
        for (int i = 0; i < terms.length; i++) {
            int n = seriesHolders[i].length;
            if (k < first + n) {
                Term term = terms[i];
                if (term instanceof MediaTerm) {
                    channelContributionInto(constrained, k - first, out);
                } else if (n == 1) {
                    seriesHolders[i][0] = out;
                    term.contributions(constrained, seriesHolders[i]);
                } else {
                    if (seriesScratch[i] == null) {
                        seriesScratch[i] = new double[n][rows];
                    }
                    term.contributions(constrained, seriesScratch[i]);
                    System.arraycopy(seriesScratch[i][k - first], 0, out, 0, rows);
                }
                return;
            }
            first += n;
        }
        throw new IndexOutOfBoundsException("series " + k + " of " + first);
    }

    /**
     * {@code out[t] = beta[c] * f_c[t]}, channel c's media contribution alone (scaled units, log
     * scale under a log link), in {@code O(rows * l_max)}: the counterfactual and response-curve
     * loops evaluate one channel at a time. One thread at a time; allocates nothing.
     */
    public void channelContributionInto(double[] constrained, int channel, double[] out) {
        MediaTerm media = mediaTerm();
        double[] f = media.channelResponses().get(channel).forward(constrained);
        double beta = constrained[media.betaIndex(channel)];
        for (int t = 0; t < rows; t++) {
            out[t] = beta * f[t];
        }
    }

    /** The synergy terms in spec order (see {@link #synergyContributionInto}). */
    public List<SynergyTerm> synergyTerms() {
        return List.of(synergies);
    }

    /** {@code out[t]} = synergy term k's contribution (k in {@link #synergyTerms()} order). Allocates nothing. */
    public void synergyContributionInto(double[] constrained, int k, double[] out) {
        synergies[k].contributionInto(constrained, out);
    }

    /**
     * Pointwise log likelihood of each row's observed target at constrained parameters and a mean
     * from {@link #meanInto}, as the density of the target in its own units (the scaled density
     * less {@code log targetScale}), so fits with different scales compare. Allocates nothing.
     */
    public void pointwiseLogLikelihood(double[] constrained, double[] meanRows, double[] out) {
        if (!hasTarget) {
            throw new IllegalStateException("no target in these rows");
        }
        likelihood.pointwise(constrained, meanRows, out);
        double shift = Math.log(scaling.targetScale());
        for (int t = 0; t < rows; t++) {
            out[t] -= shift;
        }
    }

    /**
     * The same model over other rows: new periods, changed spend or controls. Scales, the trend's
     * origin and span, and the parameter layout stay the training model's, so every posterior
     * draw is a valid parameter vector for the result. The first {@code inputs.historyRows()}
     * rows only carry adstock into the rest.
     */
    public CompiledModel withInputs(ModelInputs inputs) {
        if (spec == null) {
            throw new IllegalStateException("a hand-built model without a spec cannot be re-fed");
        }
        // Derived parameters (ROI) keep their training definition; the extra density components
        // (lift tests) belong to the training rows and are not carried over.
        CompiledModel refed = ModelCompiler.recompile(spec, inputs.rows(), scaling, timeAxis, inputs.historyRows());
        return derived.length == 0 ? refed : refed.withCalibration(List.of(derived), List.of());
    }

    /** The rows this model was compiled from (the training data for the training model). */
    public Dataset source() {
        return source;
    }

    /** The training calendar (frozen for re-fed models). */
    public TimeAxis timeAxis() {
        return timeAxis;
    }

    /** Leading rows that only carry adstock in (0 for the training model). */
    public int historyRows() {
        return historyRows;
    }

    /** Whether these rows hold the target (false for future periods). */
    public boolean hasTarget() {
        return hasTarget;
    }

    /**
     * The most adstock weights of any channel (1 with no channels): spend at row t moves rows
     * t .. t + maxLag - 1, so that many rows of history make a window exact.
     */
    public int maxLag() {
        int l = 1;
        MediaTerm media = mediaTerm();
        if (media != null) {
            for (ChannelResponse c : media.channelResponses()) {
                l = Math.max(l, c.adstock().weightCount());
            }
        }
        return l;
    }

    /** Whether the mean is on the log scale (a multiplicative model). */
    public boolean logLink() {
        return spec != null ? spec.likelihood().logLink() : likelihood instanceof LogNormalLikelihood;
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
        double unit = logLink() ? 1.0 : scaling.targetScale();
        double[] out = new double[spend.length];
        for (int t = 0; t < spend.length; t++) {
            out[t] = beta * f[t] * unit;
        }
        return out;
    }
}
