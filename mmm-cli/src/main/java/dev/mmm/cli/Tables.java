package dev.mmm.cli;

import dev.mmm.core.data.MessageText;
import dev.mmm.core.io.FitSummary;
import java.io.PrintWriter;
import java.util.Locale;

/** Plain-text tables for the terminal. */
final class Tables {

    private Tables() {
    }

    static void printSummary(PrintWriter out, FitSummary summary) {
        int width = "parameter".length();
        for (FitSummary.Parameter p : summary.parameters()) {
            width = Math.max(width, MessageText.escaped(p.name()).length());
        }
        String head = "%-" + width + "s %10s %10s %10s %10s %7s %8s%n";
        String row = "%-" + width + "s %10s %10s %10s %10s %7s %8s%n";
        out.printf(Locale.ROOT, head, "parameter", "mean", "sd", "5%", "95%", "rhat", "ess_bulk");
        for (FitSummary.Parameter p : summary.parameters()) {
            // Names come from the data's header: no terminal escape of theirs reaches the terminal.
            out.printf(Locale.ROOT, row, MessageText.escaped(p.name()), num(p.mean()), num(p.sd()), num(p.q05()), num(p.q95()),
                    fixed(p.rhat(), 3), fixed(p.essBulk(), 0));
        }
    }

    static void printSamplerLine(PrintWriter out, FitSummary s) {
        out.printf(Locale.ROOT, "%d chains x (%d warm-up + %d draws) in %.1f s (longest chain: warm-up %.1f s, sampling %.1f s), %d gradient evaluations, %d divergences%n",
                s.chains(), s.warmup(), s.draws(), s.wallSeconds(), s.warmupSeconds(), s.samplingSeconds(),
                s.gradientEvaluations(), s.divergences());
        printChains(out, s);
        printInterrupted(out, s);
    }

    /** For a fit cut short by Ctrl-C, one line: the draws kept per chain and which the summary uses. */
    static void printInterrupted(PrintWriter out, FitSummary s) {
        if (!s.complete()) {
            out.println("Interrupted: draws kept per chain " + s.drawsCompleted() + " of " + s.draws()
                    + "; " + ShutdownCancellation.summaryChainsLine(s) + ".");
        }
    }

    /** One line per chain: step size, mean tree depth, divergences, max-treedepth hits, E-BFMI. */
    static void printChains(PrintWriter out, FitSummary s) {
        if (s.chainsReport().isEmpty()) {
            return;
        }
        String fmt = "%5s %10s %10s %11s %13s %6s%n";
        out.printf(Locale.ROOT, fmt, "chain", "step_size", "tree_depth", "divergences", "max_treedepth", "ebfmi");
        for (FitSummary.Chain c : s.chainsReport()) {
            out.printf(Locale.ROOT, fmt, c.chain(), num(c.stepSize()), fixed(c.meanTreeDepth(), 2), c.divergences(),
                    c.maxTreedepthHits(), fixed(c.ebfmi(), 2));
        }
    }

    /** Four significant digits, switching to scientific notation for very small or large values. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NA" : (v > 0 ? "inf" : "-inf");
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "NA";
    }
}
