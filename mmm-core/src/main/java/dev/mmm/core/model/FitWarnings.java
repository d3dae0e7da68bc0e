package dev.mmm.core.model;

import dev.mmm.sampler.SamplingResult;
import dev.mmm.sampler.diagnostics.ChainReport;
import dev.mmm.sampler.diagnostics.ParameterSummary;
import dev.mmm.sampler.diagnostics.StuckChains;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * The sampler warnings of a fit, one plain sentence each, naming the chain where one is at
 * fault: what a careful user checks before trusting the numbers. The CLI prints them, writes them
 * into summary.json, and {@link MmmFit#warnings()} gives them to Java callers.
 *
 * <ul>
 *   <li>divergent transitions after warm-up (the posterior may be biased);</li>
 *   <li>transitions that hit the maximum tree depth (sampling was inefficient);</li>
 *   <li>the worst R-hat above {@value #RHAT_LIMIT};</li>
 *   <li>the smallest bulk or tail ESS below {@value #ESS_PER_CHAIN} per chain;</li>
 *   <li>a chain whose E-BFMI is below {@value #EBFMI_LIMIT};</li>
 *   <li>a chain that looks stuck ({@link StuckChains}).</li>
 * </ul>
 */
public final class FitWarnings {
    /** R-hat above this says the chains disagree. */
    public static final double RHAT_LIMIT = 1.01;
    /** Bulk or tail ESS below this many per chain says the estimates are noisy. */
    public static final int ESS_PER_CHAIN = 100;
    /** E-BFMI below this says the momentum resampling explores the energy poorly (Betancourt 2016). */
    public static final double EBFMI_LIMIT = 0.3;

    private FitWarnings() {
    }

    /** The warnings of a run whose parameters are summarised by {@code parameters}. */
    public static List<String> of(SamplingResult result, List<ParameterSummary> parameters) {
        return of(ChainReport.of(result), parameters);
    }

    /** The warnings from per-chain reports and per-parameter summaries, in the order of the class comment. */
    public static List<String> of(List<ChainReport> chains, List<ParameterSummary> parameters) {
        List<String> warnings = new ArrayList<>();
        int divergences = chains.stream().mapToInt(ChainReport::divergences).sum();
        if (divergences > 0) {
            warnings.add(divergences + " divergent transitions after warm-up (" + perChain(chains,
                    ChainReport::divergences) + "); the posterior may be biased (a higher adapt_delta, e.g. --adapt-delta 0.95, more warm-up or tighter priors can help)");
        }
        int depthHits = chains.stream().mapToInt(ChainReport::maxTreedepthHits).sum();
        if (depthHits > 0) {
            warnings.add(depthHits + " transitions hit the maximum tree depth (" + perChain(chains,
                    ChainReport::maxTreedepthHits) + "); sampling was inefficient");
        }
        double worstRhat = 1;
        String worstRhatName = null;
        double worstEss = Double.POSITIVE_INFINITY;
        String worstEssName = null;
        for (ParameterSummary p : parameters) {
            if (p.rhat() > worstRhat) {
                worstRhat = p.rhat();
                worstRhatName = p.name();
            }
            double ess = Math.min(p.essBulk(), p.essTail());
            if (ess < worstEss) {
                worstEss = ess;
                worstEssName = p.name();
            }
        }
        if (worstRhat > RHAT_LIMIT) {
            warnings.add(String.format(Locale.ROOT, "R-hat of %s is %.3f > %s; the chains disagree, run longer",
                    worstRhatName, worstRhat, RHAT_LIMIT));
        }
        int essLimit = ESS_PER_CHAIN * chains.size();
        if (worstEssName != null && worstEss < essLimit) {
            warnings.add(String.format(Locale.ROOT,
                    "effective sample size of %s is %.0f < %d (%d per chain); estimates are noisy", worstEssName,
                    worstEss, essLimit, ESS_PER_CHAIN));
        }
        for (ChainReport c : chains) {
            if (c.ebfmi() < EBFMI_LIMIT) {
                warnings.add(String.format(Locale.ROOT, "chain %d has E-BFMI %.2f < %s: its energy moved too little"
                        + " from draw to draw to explore the posterior, whose tails may be missed (a reparameterisation"
                        + " or tighter priors can help)", c.chain(), c.ebfmi(), EBFMI_LIMIT));
            }
        }
        for (StuckChains.StuckChain s : StuckChains.find(chains)) {
            warnings.add(switch (s.reason()) {
                case LOG_DENSITY -> String.format(Locale.ROOT, "chain %d looks stuck: its mean lp__ %.4g is %.1f sds"
                        + " from the median chain's %.4g; its draws may come from another region than the other"
                        + " chains' (rerun with another seed or more warm-up)", s.chain(), s.value(), s.distance(),
                        s.reference());
                case STEP_SIZE -> String.format(Locale.ROOT, "chain %d looks stuck: its step size %.3g is under a fifth"
                        + " of the median chain's %.3g, so it moved slowly (rerun with another seed or more warm-up)",
                        s.chain(), s.value(), s.reference());
                case DIVERGENCES -> String.format(Locale.ROOT, "chain %d looks stuck: %.0f of its %.0f draws are"
                        + " divergent, so it is caught where its step size cannot follow the posterior (rerun with"
                        + " --adapt-delta 0.95 or another seed)", s.chain(), s.value(), s.reference());
            });
        }
        return List.copyOf(warnings);
    }

    /** "chain 1: 2, chain 4: 1" over the chains where the count is not zero. */
    private static String perChain(List<ChainReport> chains, ToIntFunction<ChainReport> count) {
        List<String> parts = new ArrayList<>();
        for (ChainReport c : chains) {
            int n = count.applyAsInt(c);
            if (n > 0) {
                parts.add("chain " + c.chain() + ": " + n);
            }
        }
        return String.join(", ", parts);
    }
}
