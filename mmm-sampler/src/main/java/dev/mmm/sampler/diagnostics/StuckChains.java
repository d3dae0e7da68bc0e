package dev.mmm.sampler.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds chains that are far from the others: a chain stuck in a poor region keeps a lower
 * lp__, or adapted a step size much smaller than its neighbours, while the rest agree.
 *
 * <ul>
 *   <li>lp__: with at least 3 chains, a chain whose mean lp__ is more than {@link #LOG_DENSITY_SDS}
 *       typical within-chain sds (the square root of the median chain variance of lp__) from the
 *       median chain mean. Healthy chains' means differ by about sd/sqrt(ESS), far less.</li>
 *   <li>step size: with at least 2 chains, a step size below {@link #STEP_SIZE_FRACTION} of the
 *       median chain's.</li>
 *   <li>divergences: more than {@link #DIVERGENT_FRACTION} of a chain's draws divergent (and at
 *       least {@link #DIVERGENT_MINIMUM}): a chain caught in a region its step size cannot
 *       integrate, whatever the others do. Seen on the MMM: chains with hundreds of divergent
 *       draws whose lp__ and step size looked like their neighbours'.</li>
 * </ul>
 * Chains without the needed draws are left out of both.
 */
public final class StuckChains {
    /** How many typical lp__ sds from the median chain mean make a chain stuck. */
    public static final double LOG_DENSITY_SDS = 3;
    /** The fraction of the median step size below which a chain is stuck. */
    public static final double STEP_SIZE_FRACTION = 0.2;
    /** The fraction of a chain's draws that, divergent, make it stuck. */
    public static final double DIVERGENT_FRACTION = 0.05;
    /** The fewest divergent draws that make a chain stuck (short chains). */
    public static final int DIVERGENT_MINIMUM = 10;

    /** Why a chain is flagged. */
    public enum Reason {
        /** Its mean lp__ is far from the other chains'. */
        LOG_DENSITY,
        /** Its step size is far below the other chains'. */
        STEP_SIZE,
        /** Many of its draws are divergent. */
        DIVERGENCES
    }

    /**
     * One flagged chain.
     *
     * @param chain     the chain, counted from 1
     * @param reason    what is far from the others
     * @param value     the chain's mean lp__ or step size
     * @param reference the median over chains of the same
     * @param distance  for {@link Reason#LOG_DENSITY}, |value - reference| in typical sds; for
     *                  {@link Reason#STEP_SIZE}, value / reference; for {@link Reason#DIVERGENCES},
     *                  value is the divergent draws, reference the draws, distance their ratio
     */
    public record StuckChain(int chain, Reason reason, double value, double reference, double distance) {
    }

    private StuckChains() {
    }

    /** The chains that look stuck, by chain then reason. */
    public static List<StuckChain> find(List<ChainReport> chains) {
        List<StuckChain> out = new ArrayList<>();
        List<ChainReport> withLp = new ArrayList<>();
        List<ChainReport> withStep = new ArrayList<>();
        for (ChainReport r : chains) {
            if (Double.isFinite(r.meanLogDensity()) && Double.isFinite(r.sdLogDensity())) {
                withLp.add(r);
            }
            if (r.stepSize() > 0 && Double.isFinite(r.stepSize())) {
                withStep.add(r);
            }
        }
        double medianMean = Double.NaN;
        double typicalSd = Double.NaN;
        if (withLp.size() >= 3) {
            medianMean = median(withLp.stream().mapToDouble(ChainReport::meanLogDensity).toArray());
            typicalSd = Math.sqrt(median(withLp.stream().mapToDouble(r -> r.sdLogDensity() * r.sdLogDensity()).toArray()));
        }
        double medianStep = withStep.size() >= 2 ? median(withStep.stream().mapToDouble(ChainReport::stepSize).toArray())
                : Double.NaN;
        for (ChainReport r : chains) {
            if (typicalSd > 0 && withLp.contains(r)) {
                double sds = Math.abs(r.meanLogDensity() - medianMean) / typicalSd;
                if (sds > LOG_DENSITY_SDS) {
                    out.add(new StuckChain(r.chain(), Reason.LOG_DENSITY, r.meanLogDensity(), medianMean, sds));
                }
            }
            if (medianStep > 0 && withStep.contains(r) && r.stepSize() < STEP_SIZE_FRACTION * medianStep) {
                out.add(new StuckChain(r.chain(), Reason.STEP_SIZE, r.stepSize(), medianStep, r.stepSize() / medianStep));
            }
            if (r.draws() > 0 && r.divergences() >= DIVERGENT_MINIMUM
                    && r.divergences() > DIVERGENT_FRACTION * r.draws()) {
                out.add(new StuckChain(r.chain(), Reason.DIVERGENCES, r.divergences(), r.draws(),
                        (double) r.divergences() / r.draws()));
            }
        }
        return List.copyOf(out);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
