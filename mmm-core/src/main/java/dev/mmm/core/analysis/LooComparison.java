package dev.mmm.core.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Models compared by PSIS-LOO as R's {@code loo::loo_compare} does: ordered best first (highest
 * elpd_loo; ties keep the order given), each with {@code elpd_diff = sum_i (elpd_i(model) -
 * elpd_i(best))} (0 for the best, negative for the others) and
 * {@code se_diff = sqrt(N) sd(elpd_i(model) - elpd_i(best))}, a paired standard error that is
 * far smaller than the two separate se's when the models err on the same weeks.
 *
 * @param rows     one row per model, best first
 * @param warnings plain-English reading of the comparison and of its reliability
 */
public record LooComparison(List<Row> rows, List<String> warnings) {

    /**
     * Below this |elpd_diff| the models predict about equally well and se_diff is itself
     * unreliable (Sivula, Magnusson and Vehtari 2020; the loo FAQ).
     */
    public static final double SMALL_DIFFERENCE = 4;

    /** What a national fit's observations are in the notes: its periods, most often weeks. */
    public static final String NATIONAL_OBSERVATIONS = "weeks";

    /**
     * One model of the comparison.
     *
     * @param model     its name
     * @param elpdDiff  elpd_loo minus the best model's; 0 for the best
     * @param seDiff    paired standard error of elpdDiff; 0 for the best
     * @param elpdLoo   the model's own elpd_loo
     * @param seElpdLoo its standard error
     */
    public record Row(String model, double elpdDiff, double seDiff, double elpdLoo, double seElpdLoo) {
    }

    /** Compares two fits of the same observations. */
    public static LooComparison compare(String nameA, PsisLoo a, String nameB, PsisLoo b) {
        Map<String, PsisLoo> fits = new LinkedHashMap<>();
        fits.put(nameA, a);
        if (fits.put(nameB, b) != null) {
            throw new IllegalArgumentException("both models are named \"" + nameA + "\"; give them different names");
        }
        return compare(fits);
    }

    /** Compares two or more national fits of the same observations, in the map's order for ties. */
    public static LooComparison compare(Map<String, PsisLoo> fits) {
        return compare(fits, NATIONAL_OBSERVATIONS);
    }

    /**
     * As {@link #compare(Map)}, the notes calling the observations {@code observations} (a plural
     * noun: "weeks" for a national fit, "geo-periods" for a geo fit, whose observations are geo x
     * period), as in "a predicts held-out geo-periods better than b".
     */
    public static LooComparison compare(Map<String, PsisLoo> fits, String observations) {
        if (fits.size() < 2) {
            throw new IllegalArgumentException("a comparison needs at least two models, got " + fits.size());
        }
        List<Map.Entry<String, PsisLoo>> entries = new ArrayList<>(fits.entrySet());
        int n = entries.get(0).getValue().observations();
        for (Map.Entry<String, PsisLoo> e : entries) {
            if (e.getValue().observations() != n) {
                throw new IllegalArgumentException("model \"" + e.getKey() + "\" has "
                        + e.getValue().observations() + " observations, model \"" + entries.get(0).getKey()
                        + "\" has " + n + "; LOO compares fits of the same observations");
            }
        }
        // List.sort is stable, as R's order(): ties keep the order given
        entries.sort(Comparator.comparingDouble((Map.Entry<String, PsisLoo> e) -> e.getValue().elpdLoo().value())
                .reversed());
        double[] best = entries.get(0).getValue().pointwiseElpdLoo();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, PsisLoo> e : entries) {
            Difference d = paired(e.getValue().pointwiseElpdLoo(), best, 0, n);
            rows.add(new Row(e.getKey(), d.value(), d.se(), e.getValue().elpdLoo().value(),
                    e.getValue().elpdLoo().se()));
        }
        return new LooComparison(List.copyOf(rows), warnings(rows, entries, observations));
    }

    /**
     * A paired difference of pointwise elpd_loo over observations {@code [from, to)}.
     *
     * @param value {@code sum_i (elpd_i(model) - elpd_i(best))}
     * @param se    {@code sqrt(n) sd(elpd_i(model) - elpd_i(best))}, n = to - from
     */
    public record Difference(double value, double se) {
    }

    /**
     * loo_compare's elpd_diff and se_diff of {@code model} against {@code best} on the observations
     * {@code [from, to)} only (all of them for the comparison's rows; one geo's for a geo fit).
     */
    public static Difference paired(double[] model, double[] best, int from, int to) {
        int n = to - from;
        double[] diff = new double[n];
        for (int i = 0; i < n; i++) {
            diff[i] = model[from + i] - best[from + i];
        }
        return new Difference(sum(diff), Math.sqrt(n) * sd(diff));
    }

    /** The best model's name. */
    public String best() {
        return rows.get(0).model();
    }

    private static List<String> warnings(List<Row> rows, List<Map.Entry<String, PsisLoo>> entries,
                                         String observations) {
        List<String> out = new ArrayList<>();
        String best = rows.get(0).model();
        for (Row r : rows.subList(1, rows.size())) {
            double gap = -r.elpdDiff();
            if (gap < SMALL_DIFFERENCE) {
                out.add(String.format("%s and %s predict about equally well (elpd_diff %.1f, below %.0f):"
                        + " LOO cannot tell them apart.", best, r.model(), r.elpdDiff(), SMALL_DIFFERENCE));
            } else if (gap > 2 * r.seDiff()) {
                out.add(String.format("%s predicts held-out %s better than %s: elpd_diff %.1f with se %.1f"
                        + " (%.1f se).", best, observations, r.model(), r.elpdDiff(), r.seDiff(), gap / r.seDiff()));
            } else {
                out.add(String.format("%s is ahead of %s by %.1f, but that is within 2 se (se_diff %.1f):"
                        + " the data do not clearly prefer either.", best, r.model(), gap, r.seDiff()));
            }
        }
        for (Map.Entry<String, PsisLoo> e : entries) {
            int bad = e.getValue().paretoKSummary().badObservations().length;
            if (bad > 0) {
                out.add(String.format("%s has %d observation%s with Pareto k above %.1f, so its elpd_loo and"
                                + " this comparison are unreliable.", e.getKey(), bad, bad == 1 ? "" : "s",
                        PsisLoo.K_BAD));
            }
        }
        return List.copyOf(out);
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    private static double sd(double[] x) {
        double mean = sum(x) / x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (x.length - 1));
    }
}
