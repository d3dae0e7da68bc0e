package dev.mmm.core.geo;

import dev.mmm.core.analysis.LooComparison;
import dev.mmm.core.analysis.PsisLoo;
import dev.mmm.core.analysis.Validation;
import dev.mmm.core.data.DataException;
import dev.mmm.core.posterior.Posterior;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PSIS-LOO of a geo fit: every (geo, period) of the panel is one observation, numbered geo after
 * geo ({@code i = g * periods + t}), its pointwise log likelihood the model's Normal density of
 * that geo's target in that period ({@link GeoModel#pointwiseLogLikelihoodInto}), draw by draw;
 * then {@link PsisLoo} on that matrix exactly as for a national fit ({@link Validation#loo(Posterior,
 * double[][])}), and each geo's share of elpd_loo. Lift-test terms of a calibrated fit are priors on
 * the effects, not observations of the panel, so they are not left out.
 *
 * @param loo      PSIS-LOO over all {@code geos x periods} observations
 * @param geos     the geos, in the model's order
 * @param dates    the periods
 * @param observed each observation's target in its own units, geo after geo
 * @param perGeo   each geo's elpd_loo, p_loo and Pareto k count, in {@code geos} order
 */
public record GeoLoo(PsisLoo loo, List<String> geos, LocalDate[] dates, double[] observed, List<GeoElpd> perGeo) {

    /** What the observations are called in a comparison's notes: one per geo and period. */
    public static final String OBSERVATIONS = "geo-periods";

    /**
     * One geo's part of a geo fit's PSIS-LOO.
     *
     * @param geo         the geo
     * @param elpdLoo     the sum of its periods' elpd_loo, with se {@code sqrt(T var)}
     * @param pLoo        the sum of its periods' p_loo
     * @param badParetoK  how many of its periods have Pareto k above {@link PsisLoo#K_BAD}
     */
    public record GeoElpd(String geo, PsisLoo.Estimate elpdLoo, double pLoo, int badParetoK) {
    }

    /**
     * Geo fits of one panel compared by PSIS-LOO.
     *
     * @param overall the comparison over every observation, as {@code loo_compare}
     * @param geos    the panel's geos
     * @param perGeo  per fit (in {@code overall}'s order, best first), its elpd_diff and se_diff
     *                against the best fit on each geo's periods only, in {@code geos} order
     */
    public record Comparison(LooComparison overall, List<String> geos,
                             Map<String, List<LooComparison.Difference>> perGeo) {
    }

    /** PSIS-LOO of a geo fit's panel. */
    public static GeoLoo of(GeoFit fit) {
        return of(fit.model(), fit.posterior());
    }

    /** PSIS-LOO of the panel of {@code model} under {@code posterior} (columns: the model's outputs). */
    public static GeoLoo of(GeoModel model, Posterior posterior) {
        PsisLoo loo = Validation.loo(posterior, pointwiseLogLikelihood(model, posterior));
        int periods = model.periods();
        String target = model.spec().base().targetColumn();
        double[] observed = new double[model.geoCount() * periods];
        List<GeoElpd> perGeo = new ArrayList<>();
        double[] k = loo.paretoK();
        double[] pLoo = loo.pointwisePLoo();
        for (int g = 0; g < model.geoCount(); g++) {
            System.arraycopy(model.data().geo(g).column(target), 0, observed, g * periods, periods);
            int from = g * periods;
            int bad = 0;
            double p = 0;
            for (int i = from; i < from + periods; i++) {
                bad += k[i] > PsisLoo.K_BAD ? 1 : 0;
                p += pLoo[i];
            }
            double[] elpd = Arrays.copyOfRange(loo.pointwiseElpdLoo(), from, from + periods);
            perGeo.add(new GeoElpd(model.geos().get(g), PsisLoo.Estimate.ofPointwise(elpd), p, bad));
        }
        return new GeoLoo(loo, List.copyOf(model.geos()), model.dates().clone(), observed, List.copyOf(perGeo));
    }

    /**
     * The pointwise log likelihood {@code [draw][g * periods + t]} of every draw of {@code posterior}
     * (target units; {@link GeoModel#pointwiseLogLikelihoodInto}).
     */
    public static double[][] pointwiseLogLikelihood(GeoModel model, Posterior posterior) {
        if (!posterior.parameterNames().equals(model.outputNames())) {
            throw new IllegalArgumentException("the posterior's columns are not this geo model's outputs");
        }
        GeoModel own = model.copyForChain();
        int periods = own.periods();
        int geos = own.geoCount();
        double[][] out = new double[posterior.drawCount()][geos * periods];
        double[] values = new double[own.valueCount()];
        double[] row = new double[periods];
        for (int d = 0; d < out.length; d++) {
            posterior.drawInto(d, values);
            for (int g = 0; g < geos; g++) {
                own.pointwiseLogLikelihoodInto(g, values, row);
                System.arraycopy(row, 0, out[d], g * periods, periods);
            }
        }
        return out;
    }

    /** Observation {@code i} (0-based, geo after geo) as {@code "geo date"}. */
    public String observationName(int i) {
        return geos.get(i / dates.length) + " " + dates[i % dates.length];
    }

    /** The observations with Pareto k above {@link PsisLoo#K_BAD}, named as {@link #observationName}. */
    public List<String> badObservationNames() {
        List<String> out = new ArrayList<>();
        for (int i : loo.paretoKSummary().badObservations()) {
            out.add(observationName(i - 1));
        }
        return out;
    }

    /**
     * Geo fits of the same panel (same geos in the same order, same dates, same target values)
     * compared by PSIS-LOO, overall and geo by geo, ties in the map's order; fits of another panel
     * are refused in one line naming the first difference from the first fit's.
     */
    public static Comparison compare(Map<String, GeoLoo> fits) {
        if (fits.size() < 2) {
            throw new IllegalArgumentException("a comparison needs at least two models, got " + fits.size());
        }
        Map.Entry<String, GeoLoo> first = fits.entrySet().iterator().next();
        Map<String, PsisLoo> loos = new LinkedHashMap<>();
        for (Map.Entry<String, GeoLoo> e : fits.entrySet()) {
            String difference = panelDifference(first.getValue(), e.getValue());
            if (difference != null) {
                throw new DataException(e.getKey() + " was fitted to another panel than " + first.getKey() + " ("
                        + difference + "); LOO compares fits of the same observations");
            }
            loos.put(e.getKey(), e.getValue().loo());
        }
        LooComparison overall = LooComparison.compare(loos, OBSERVATIONS);
        GeoLoo reference = first.getValue();
        int periods = reference.dates().length;
        double[] best = fits.get(overall.best()).loo().pointwiseElpdLoo();
        Map<String, List<LooComparison.Difference>> perGeo = new LinkedHashMap<>();
        for (LooComparison.Row r : overall.rows()) {
            double[] elpd = fits.get(r.model()).loo().pointwiseElpdLoo();
            List<LooComparison.Difference> diffs = new ArrayList<>();
            for (int g = 0; g < reference.geos().size(); g++) {
                diffs.add(LooComparison.paired(elpd, best, g * periods, (g + 1) * periods));
            }
            perGeo.put(r.model(), List.copyOf(diffs));
        }
        return new Comparison(overall, reference.geos(), perGeo);
    }

    /** Null when both are LOOs of the same panel, else what differs first. */
    private static String panelDifference(GeoLoo a, GeoLoo b) {
        if (!a.geos().equals(b.geos())) {
            return "geos " + b.geos() + ", not " + a.geos();
        }
        if (!Arrays.equals(a.dates(), b.dates())) {
            return b.dates().length != a.dates().length
                    ? b.dates().length + " periods, not " + a.dates().length
                    : "dates from " + b.dates()[0] + " to " + b.dates()[b.dates().length - 1] + ", not from "
                            + a.dates()[0] + " to " + a.dates()[a.dates().length - 1];
        }
        for (int i = 0; i < a.observed().length; i++) {
            if (Double.compare(a.observed()[i], b.observed()[i]) != 0) {
                return "target of " + a.observationName(i) + " is " + b.observed()[i] + ", not " + a.observed()[i];
            }
        }
        return null;
    }
}
