package dev.mmm.report;

import dev.mmm.report.view.ParameterDiagnostic;
import dev.mmm.report.view.SamplerDiagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sampler diagnostics in plain language: one check each for R-hat, effective sample size,
 * divergences and tree depth, with what the numbers mean and what to do about a failure. The
 * thresholds are the usual ones (Vehtari et al. 2021; Stan's warnings): R-hat at most 1.01, bulk and
 * tail ESS at least 100 per chain, no divergent transition.
 */
public final class SamplerChecks {

    /** Largest R-hat that is not a warning. */
    public static final double RHAT_LIMIT = 1.01;
    /** Smallest effective sample size per chain that is not a warning. */
    public static final double ESS_PER_CHAIN = 100;

    /** How serious a check's outcome is. */
    public enum Level {
        /** Nothing to worry about. */
        OK,
        /** Results usable, but less efficient or less precise than they could be. */
        CAUTION,
        /** Do not trust the results until it is fixed. */
        PROBLEM
    }

    /**
     * One check's outcome.
     *
     * @param name    what was checked
     * @param level   how serious the outcome is
     * @param finding what was found, with the numbers
     * @param meaning what it means and what to do, in plain language
     */
    public record Check(String name, Level level, String finding, String meaning) {
    }

    private SamplerChecks() {
    }

    /** True when this parameter's R-hat is above the limit. */
    public static boolean rhatBad(ParameterDiagnostic p) {
        return p.rhat() > RHAT_LIMIT;
    }

    /** True when this parameter's bulk or tail ESS is below 100 per chain. */
    public static boolean essLow(ParameterDiagnostic p, int chains) {
        return p.essBulk() < ESS_PER_CHAIN * chains || p.essTail() < ESS_PER_CHAIN * chains;
    }

    /** The four checks of these diagnostics, in the order R-hat, ESS, divergences, tree depth. */
    public static List<Check> of(SamplerDiagnostics d) {
        List<Check> checks = new ArrayList<>();
        checks.add(rhat(d));
        checks.add(ess(d));
        checks.add(divergences(d));
        checks.add(treeDepth(d));
        return checks;
    }

    private static Check rhat(SamplerDiagnostics d) {
        ParameterDiagnostic worst = null;
        int bad = 0;
        for (ParameterDiagnostic p : d.parameters()) {
            if (!Double.isNaN(p.rhat()) && (worst == null || p.rhat() > worst.rhat())) {
                worst = p;
            }
            if (rhatBad(p)) {
                bad++;
            }
        }
        if (worst == null) {
            return new Check("R-hat", Level.CAUTION, "R-hat could not be computed for any parameter",
                    "R-hat compares the chains with each other; with no value, convergence is unchecked.");
        }
        String finding = String.format(Locale.ROOT, "largest R-hat %.3f (%s); %d of %d parameters above %.2f", worst.rhat(),
                worst.name(), bad, d.parameters().size(), RHAT_LIMIT);
        if (bad == 0) {
            return new Check("R-hat", Level.OK, finding,
                    "The chains agree with each other: they explored the same distribution.");
        }
        return new Check("R-hat", Level.PROBLEM, finding,
                "The chains disagree: they have not all found the same posterior, so its summaries are not reliable."
                        + " Run longer (more warm-up and draws); if it persists the model may be poorly identified"
                        + " (tighter priors, fewer channels or more data help).");
    }

    private static Check ess(SamplerDiagnostics d) {
        double limit = ESS_PER_CHAIN * d.chains();
        ParameterDiagnostic worst = null;
        int low = 0;
        for (ParameterDiagnostic p : d.parameters()) {
            double e = Math.min(p.essBulk(), p.essTail());
            if (!Double.isNaN(e) && (worst == null || e < Math.min(worst.essBulk(), worst.essTail()))) {
                worst = p;
            }
            if (essLow(p, d.chains())) {
                low++;
            }
        }
        if (worst == null) {
            return new Check("Effective sample size", Level.CAUTION, "ESS could not be computed for any parameter",
                    "The effective sample size says how many independent draws the correlated chains are worth.");
        }
        String finding = String.format(Locale.ROOT, "smallest ESS %.0f (%s: bulk %.0f, tail %.0f); %d of %d parameters below %.0f"
                + " (100 per chain)", Math.min(worst.essBulk(), worst.essTail()), worst.name(), worst.essBulk(), worst.essTail(),
                low, d.parameters().size(), limit);
        if (low == 0) {
            return new Check("Effective sample size", Level.OK, finding,
                    "The draws are worth enough independent samples for stable means (bulk) and 90% intervals (tail).");
        }
        return new Check("Effective sample size", Level.CAUTION, finding,
                "Too few effectively independent draws: means and especially interval ends are noisy."
                        + " Run more draws (or more chains); results may move on a rerun.");
    }

    private static Check divergences(SamplerDiagnostics d) {
        double share = (double) d.divergences() / d.totalDraws();
        String finding = String.format(Locale.ROOT, "%,d divergent transitions in %,d draws (%.2f%%)", d.divergences(),
                d.totalDraws(), 100 * share);
        if (d.divergences() == 0) {
            return new Check("Divergences", Level.OK, finding,
                    "The sampler moved through the whole posterior without numerical trouble.");
        }
        return new Check("Divergences", Level.PROBLEM, finding,
                "The sampler hit regions too curved for its step size and may have missed part of the posterior,"
                        + " which biases the results. Raise the target acceptance rate (adapt delta, e.g. 0.95),"
                        + " or tighten weakly identified priors.");
    }

    private static Check treeDepth(SamplerDiagnostics d) {
        String finding = String.format(Locale.ROOT, "%,d transitions hit the maximum tree depth", d.maxTreeDepthHits());
        if (d.maxTreeDepthHits() == 0) {
            return new Check("Tree depth", Level.OK, finding, "No trajectory was cut short.");
        }
        return new Check("Tree depth", Level.CAUTION, finding,
                "Some trajectories were cut short: sampling was slow but not wrong."
                        + " Strong correlations between parameters are the usual cause.");
    }
}
