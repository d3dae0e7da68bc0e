package dev.mmm.core.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sampler warnings of a fit, one line each, as {@code mmm fit} prints them and writes them
 * into summary.json: divergences, tree-depth saturation, R-hat above 1.01 and bulk or tail ESS
 * below 100 per chain. Shared by the command line and the Spark batch so both say the same.
 */
public final class SamplerWarnings {

    private SamplerWarnings() {
    }

    /** What a careful user would check first: divergences, tree-depth saturation, R-hat and ESS. */
    public static List<String> of(FitSummary summary) {
        List<String> warnings = new ArrayList<>();
        if (summary.divergences() > 0) {
            warnings.add(summary.divergences() + " divergent transitions after warm-up; the posterior may be biased"
                    + " (more warm-up or tighter priors can help)");
        }
        if (summary.maxTreedepthHits() > 0) {
            warnings.add(summary.maxTreedepthHits() + " transitions hit the maximum tree depth; sampling was inefficient");
        }
        double worstRhat = 1;
        String worstRhatName = null;
        double worstEss = Double.POSITIVE_INFINITY;
        String worstEssName = null;
        for (FitSummary.Parameter p : summary.parameters()) {
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
        if (worstRhat > 1.01) {
            warnings.add(String.format(Locale.ROOT, "R-hat of %s is %.3f > 1.01; the chains disagree, run longer", worstRhatName, worstRhat));
        }
        if (worstEssName != null && worstEss < 100 * summary.chains()) {
            warnings.add(String.format(Locale.ROOT, "effective sample size of %s is %.0f < %d (100 per chain); estimates are noisy",
                    worstEssName, worstEss, 100 * summary.chains()));
        }
        return warnings;
    }
}
