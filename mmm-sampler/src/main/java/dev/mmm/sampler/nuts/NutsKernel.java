package dev.mmm.sampler.nuts;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The No-U-Turn sampler exactly as Stan's {@code base_nuts} (v2.21+): multinomial sampling,
 * biased progressive sampling between the trajectory and each new subtree, uniform progressive
 * sampling inside subtrees, the generalised no-U-turn criterion with the two extra checks across
 * every merge, and a one-sided divergence when H − H0 exceeds {@link #MAX_ENERGY_ERROR}.
 *
 * <p>The recursion of {@code build_tree} is kept, but every vector it would create is
 * preallocated here, one set per tree level, so a transition allocates nothing.
 */
public final class NutsKernel implements TransitionKernel {
    /** Stan's max_deltaH. */
    public static final double MAX_ENERGY_ERROR = 1000;

    private final LeapfrogIntegrator integrator;
    private final UniformRandomProvider uniform;
    private final NormalizedGaussianSampler standardNormal;
    private final int maxDepth;
    private final int n;

    /** The leaf being extended; the integrator moves it. */
    private final PhasePoint z;
    private final PhasePoint forwardEnd;
    private final PhasePoint backwardEnd;
    private final PhasePoint sample;
    private final PhasePoint proposal;

    // Momenta and sharp momenta (M⁻¹p) at the two ends of the forward and backward halves.
    private final double[] pFwdFwd;
    private final double[] pSharpFwdFwd;
    private final double[] pFwdBck;
    private final double[] pSharpFwdBck;
    private final double[] pBckFwd;
    private final double[] pSharpBckFwd;
    private final double[] pBckBck;
    private final double[] pSharpBckBck;
    private final double[] rho;
    private final double[] rhoFwd;
    private final double[] rhoBck;

    // Per tree level (index = depth of the subtree being built, 1..maxDepth).
    private final double[][] pInitEnd;
    private final double[][] pSharpInitEnd;
    private final double[][] rhoInit;
    private final double[][] pFinalBeg;
    private final double[][] pSharpFinalBeg;
    private final double[][] rhoFinal;
    private final PhasePoint[] proposalFinal;

    // Trajectory-wide accumulators of the current transition.
    private double h0;
    private double stepSize;
    private int leapfrogSteps;
    private double sumMetropolisProbability;
    private boolean divergent;
    /** Log sum of weights of the subtree the last buildTree call built (its by-reference output). */
    private double subtreeLogSumWeight;

    public NutsKernel(LeapfrogIntegrator integrator, UniformRandomProvider uniform,
            NormalizedGaussianSampler standardNormal, int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, got " + maxDepth);
        }
        this.integrator = integrator;
        this.uniform = uniform;
        this.standardNormal = standardNormal;
        this.maxDepth = maxDepth;
        this.n = integrator.metric().dimension();
        z = new PhasePoint(n);
        forwardEnd = new PhasePoint(n);
        backwardEnd = new PhasePoint(n);
        sample = new PhasePoint(n);
        proposal = new PhasePoint(n);
        pFwdFwd = new double[n];
        pSharpFwdFwd = new double[n];
        pFwdBck = new double[n];
        pSharpFwdBck = new double[n];
        pBckFwd = new double[n];
        pSharpBckFwd = new double[n];
        pBckBck = new double[n];
        pSharpBckBck = new double[n];
        rho = new double[n];
        rhoFwd = new double[n];
        rhoBck = new double[n];
        // A subtree of depth d (built while the tree has depth d) recurses down to level 1.
        pInitEnd = new double[maxDepth][n];
        pSharpInitEnd = new double[maxDepth][n];
        rhoInit = new double[maxDepth][n];
        pFinalBeg = new double[maxDepth][n];
        pSharpFinalBeg = new double[maxDepth][n];
        rhoFinal = new double[maxDepth][n];
        proposalFinal = new PhasePoint[maxDepth];
        for (int d = 0; d < maxDepth; d++) {
            proposalFinal[d] = new PhasePoint(n);
        }
    }

    @Override
    public void transition(PhasePoint state, double stepSize, TransitionInfo info) {
        this.stepSize = stepSize;
        z.copyStateFrom(state);
        integrator.metric().sampleMomentum(standardNormal, z.momentum);
        integrator.updateEnergy(z);

        forwardEnd.copyFrom(z);
        backwardEnd.copyFrom(z);
        sample.copyStateFrom(z);
        proposal.copyStateFrom(z);

        copy(z.momentum, pFwdFwd);
        copy(z.velocity, pSharpFwdFwd);
        copy(z.momentum, pFwdBck);
        copy(z.velocity, pSharpFwdBck);
        copy(z.momentum, pBckFwd);
        copy(z.velocity, pSharpBckFwd);
        copy(z.momentum, pBckBck);
        copy(z.velocity, pSharpBckBck);
        copy(z.momentum, rho);

        double logSumWeight = 0; // the initial point's own weight, exp(H0 − H0)
        h0 = z.energy;
        leapfrogSteps = 0;
        sumMetropolisProbability = 0;
        divergent = false;
        int depth = 0;

        while (depth < maxDepth) {
            boolean valid;
            if (uniform.nextDouble() > 0.5) {
                z.copyFrom(forwardEnd);
                copy(rho, rhoBck);
                copy(pFwdBck, pBckFwd);
                copy(pSharpFwdBck, pSharpBckFwd);
                valid = buildTree(depth, proposal, pSharpFwdBck, pSharpFwdFwd, rhoFwd, pFwdBck, pFwdFwd, 1.0);
                forwardEnd.copyFrom(z);
            } else {
                z.copyFrom(backwardEnd);
                copy(rho, rhoFwd);
                copy(pBckFwd, pFwdBck);
                copy(pSharpBckFwd, pSharpFwdBck);
                valid = buildTree(depth, proposal, pSharpBckFwd, pSharpBckBck, rhoBck, pBckFwd, pBckBck, -1.0);
                backwardEnd.copyFrom(z);
            }
            if (!valid) {
                break;
            }
            depth++;

            // Biased progressive sampling: favour the new subtree.
            double subtreeWeight = subtreeLogSumWeight;
            if (subtreeWeight > logSumWeight) {
                sample.copyStateFrom(proposal);
            } else if (uniform.nextDouble() < Math.exp(subtreeWeight - logSumWeight)) {
                sample.copyStateFrom(proposal);
            }
            logSumWeight = logSumExp(logSumWeight, subtreeWeight);

            for (int i = 0; i < n; i++) {
                rho[i] = rhoBck[i] + rhoFwd[i];
            }
            boolean persist = criterion(pSharpBckBck, pSharpFwdFwd, rho)
                    && criterionExtended(pSharpBckBck, pSharpFwdBck, rhoBck, pFwdBck)
                    && criterionExtended(pSharpBckFwd, pSharpFwdFwd, rhoFwd, pBckFwd);
            if (!persist) {
                break;
            }
        }

        state.copyStateFrom(sample);
        info.treeDepth = depth;
        info.leapfrogSteps = leapfrogSteps;
        info.divergent = divergent;
        info.energy = sample.energy;
        // Over every leaf, rejected subtrees included, as Stan.
        info.acceptance = sumMetropolisProbability / leapfrogSteps;
        info.stepSize = stepSize;
    }

    /**
     * Stan's build_tree. Extends z by 2^depth leapfrog steps in direction {@code sign}, writes
     * the subtree's multinomial proposal into {@code subtreeProposal}, its end momenta and sharp
     * momenta, and its summed momentum into {@code subtreeRho} (overwritten, not accumulated);
     * sets {@link #subtreeLogSumWeight}. Returns false if the subtree diverged or turned.
     */
    private boolean buildTree(int depth, PhasePoint subtreeProposal, double[] pSharpBeg, double[] pSharpEnd,
            double[] subtreeRho, double[] pBeg, double[] pEnd, double sign) {
        if (depth == 0) {
            integrator.step(z, sign * stepSize);
            leapfrogSteps++;
            double h = z.energy;
            if (h - h0 > MAX_ENERGY_ERROR) {
                divergent = true;
            }
            subtreeLogSumWeight = h0 - h;
            sumMetropolisProbability += h0 - h > 0 ? 1.0 : Math.exp(h0 - h);
            subtreeProposal.copyStateFrom(z);
            copy(z.velocity, pSharpBeg);
            copy(z.velocity, pSharpEnd);
            copy(z.momentum, subtreeRho);
            copy(z.momentum, pBeg);
            copy(z.momentum, pEnd);
            return !divergent;
        }
        int level = depth - 1;
        double[] pInitEndL = pInitEnd[level];
        double[] pSharpInitEndL = pSharpInitEnd[level];
        double[] rhoInitL = rhoInit[level];
        double[] pFinalBegL = pFinalBeg[level];
        double[] pSharpFinalBegL = pSharpFinalBeg[level];
        double[] rhoFinalL = rhoFinal[level];
        PhasePoint proposalFinalL = proposalFinal[level];

        if (!buildTree(depth - 1, subtreeProposal, pSharpBeg, pSharpInitEndL, rhoInitL, pBeg, pInitEndL, sign)) {
            return false;
        }
        double logSumWeightInit = subtreeLogSumWeight;

        if (!buildTree(depth - 1, proposalFinalL, pSharpFinalBegL, pSharpEnd, rhoFinalL, pFinalBegL, pEnd, sign)) {
            return false;
        }
        double logSumWeightFinal = subtreeLogSumWeight;

        // Uniform progressive sampling between the two halves.
        double logSumWeightSubtree = logSumExp(logSumWeightInit, logSumWeightFinal);
        if (logSumWeightFinal > logSumWeightSubtree) {
            subtreeProposal.copyStateFrom(proposalFinalL);
        } else if (uniform.nextDouble() < Math.exp(logSumWeightFinal - logSumWeightSubtree)) {
            subtreeProposal.copyStateFrom(proposalFinalL);
        }
        subtreeLogSumWeight = logSumWeightSubtree;

        for (int i = 0; i < n; i++) {
            subtreeRho[i] = rhoInitL[i] + rhoFinalL[i];
        }
        return criterion(pSharpBeg, pSharpEnd, subtreeRho)
                && criterionExtended(pSharpBeg, pSharpFinalBegL, rhoInitL, pFinalBegL)
                && criterionExtended(pSharpInitEndL, pSharpEnd, rhoFinalL, pInitEndL);
    }

    /** The generalised no-U-turn criterion: both ends still move along the summed momentum. */
    static boolean criterion(double[] pSharpMinus, double[] pSharpPlus, double[] rho) {
        return dot(pSharpPlus, rho) > 0 && dot(pSharpMinus, rho) > 0;
    }

    /** {@link #criterion} with ρ = rhoPart + extra, without materialising the sum. */
    static boolean criterionExtended(double[] pSharpMinus, double[] pSharpPlus, double[] rhoPart, double[] extra) {
        double plus = 0;
        double minus = 0;
        for (int i = 0; i < rhoPart.length; i++) {
            double r = rhoPart[i] + extra[i];
            plus += pSharpPlus[i] * r;
            minus += pSharpMinus[i] * r;
        }
        return plus > 0 && minus > 0;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double logSumExp(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double max = Math.max(a, b);
        return max + Math.log1p(Math.exp(-Math.abs(a - b)));
    }

    private static void copy(double[] from, double[] to) {
        System.arraycopy(from, 0, to, 0, from.length);
    }
}
