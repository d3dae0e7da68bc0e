package dev.mmm.core.analysis;

import dev.mmm.core.data.DataValidator;
import dev.mmm.core.numeric.Collinearity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the inputs of a media mix model allow it to learn, before any fit: how strongly the
 * channels and controls move together (pairwise Pearson correlations and variance inflation
 * factors), how often a channel has no spend, how much its spend varies, with plain-English
 * warnings. A channel whose spend never varies independently of the others cannot get its own
 * effect from these data, however good the sampler; a lift test on it is what helps then.
 *
 * <p>Every field is a plain value or list, so a JSON writer serialises it as it is. Undefined
 * numbers are NaN: the correlation with, and the VIF of, a constant column; the coefficient of
 * variation of a column whose mean is 0.
 *
 * @param periods      number of periods (rows)
 * @param columns      per column (channels first, then controls, in the order given)
 * @param correlations every pair of columns once, in that order
 * @param warnings     plain-English warnings, most serious first, empty when all is well
 */
public record InputDiagnostics(int periods, List<Column> columns, List<Correlation> correlations,
                               List<String> warnings) {

    /** A correlation at least this large in magnitude is warned about. */
    public static final double CORRELATION_WARNING = 0.8;
    /** A channel without spend in at least this share of periods is warned about. */
    public static final double ZERO_SHARE_WARNING = 0.5;
    /** A VIF above this is warned about (the data validator's threshold). */
    public static final double VIF_WARNING = DataValidator.VIF_WARNING;
    /** A correlation within this of +-1 means the two columns move exactly together. */
    private static final double EXACT = 1e-12;

    /** Role of a column in the model. */
    public static final String CHANNEL = "channel";
    /** Role of a column in the model. */
    public static final String CONTROL = "control";

    /**
     * Statistics of one column.
     *
     * @param name                   column name
     * @param role                   {@value #CHANNEL} or {@value #CONTROL}
     * @param mean                   mean over periods
     * @param sd                     standard deviation (denominator n - 1)
     * @param coefficientOfVariation {@code sd / mean}; NaN when the mean is 0
     * @param zeroShare              share of periods where the value is exactly 0
     * @param vif                    variance inflation factor against all other columns; infinite
     *                               for an exact linear combination of them, NaN when constant or
     *                               when there are not more periods than varying columns
     * @param constant               the same value in every period
     */
    public record Column(String name, String role, double mean, double sd, double coefficientOfVariation,
                         double zeroShare, double vif, boolean constant) {
    }

    /**
     * Pearson correlation of two columns.
     *
     * @param first   first column's name
     * @param second  second column's name
     * @param pearson the correlation; NaN when either column is constant
     */
    public record Correlation(String first, String second, double pearson) {
    }

    /**
     * Diagnoses the spend columns and the control columns (either map may be ordered; its order
     * is kept). All columns must have the same length, be finite, and spend must not be negative.
     */
    public static InputDiagnostics of(Map<String, double[]> spend, Map<String, double[]> controls) {
        if (spend == null || spend.isEmpty()) {
            throw new IllegalArgumentException("no spend columns given");
        }
        Map<String, double[]> all = new LinkedHashMap<>();
        Map<String, String> roles = new LinkedHashMap<>();
        add(all, roles, spend, CHANNEL);
        add(all, roles, controls == null ? Map.of() : controls, CONTROL);
        List<String> names = new ArrayList<>(all.keySet());
        List<double[]> values = new ArrayList<>(all.values());
        int n = values.get(0).length;
        for (int j = 0; j < names.size(); j++) {
            double[] v = values.get(j);
            if (v.length != n) {
                throw new IllegalArgumentException(roles.get(names.get(j)) + " '" + names.get(j) + "' has "
                        + v.length + " periods, '" + names.get(0) + "' has " + n);
            }
            for (int t = 0; t < n; t++) {
                if (!Double.isFinite(v[t])) {
                    throw new IllegalArgumentException(roles.get(names.get(j)) + " '" + names.get(j) + "' is "
                            + v[t] + " at period " + (t + 1) + "; every value must be finite");
                }
                if (CHANNEL.equals(roles.get(names.get(j))) && v[t] < 0) {
                    throw new IllegalArgumentException("channel '" + names.get(j) + "' has negative spend " + v[t]
                            + " at period " + (t + 1));
                }
            }
        }
        if (n < 2) {
            throw new IllegalArgumentException("input diagnostics need at least 2 periods, got " + n);
        }

        double[] vifs = Collinearity.varianceInflationFactors(values);
        List<Column> columns = new ArrayList<>();
        List<String> constantWarnings = new ArrayList<>();
        List<String> vifWarnings = new ArrayList<>();
        List<String> zeroWarnings = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            Column c = describe(names.get(j), roles.get(names.get(j)), values.get(j), vifs[j]);
            columns.add(c);
            constantWarning(c, values.get(j)[0], n).ifPresent(constantWarnings::add);
            if (Double.isInfinite(c.vif())) {
                vifWarnings.add(String.format(Locale.ROOT, "%s is an exact linear combination of the other inputs"
                        + " (VIF infinite): its effect cannot be separated from theirs; drop or merge one of them.",
                        c.name()));
            } else if (c.vif() > VIF_WARNING) {
                vifWarnings.add(String.format(Locale.ROOT, "%s has VIF %.1f (above %.0f): %.0f%% of its variation"
                                + " is explained by the other inputs, so its effect will be uncertain.",
                        c.name(), c.vif(), VIF_WARNING, 100 * (1 - 1 / c.vif())));
            }
            if (CHANNEL.equals(c.role()) && !c.constant() && c.zeroShare() >= ZERO_SHARE_WARNING) {
                long zeros = Math.round(c.zeroShare() * n);
                zeroWarnings.add(String.format(Locale.ROOT, "%s has no spend in %.0f%% of periods (%d of %d):"
                                + " its effect rests on the few periods with spend.",
                        c.name(), 100 * c.zeroShare(), zeros, n));
            }
        }
        List<Correlation> correlations = new ArrayList<>();
        List<String> correlationWarnings = new ArrayList<>();
        for (int a = 0; a < names.size(); a++) {
            for (int b = a + 1; b < names.size(); b++) {
                double r = pearson(values.get(a), values.get(b));
                correlations.add(new Correlation(names.get(a), names.get(b), r));
                if (Math.abs(r) >= CORRELATION_WARNING) {
                    correlationWarnings.add(correlationWarning(names.get(a), roles.get(names.get(a)),
                            names.get(b), roles.get(names.get(b)), r));
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        warnings.addAll(constantWarnings);
        warnings.addAll(vifWarnings);
        warnings.addAll(correlationWarnings);
        warnings.addAll(zeroWarnings);
        return new InputDiagnostics(n, List.copyOf(columns), List.copyOf(correlations), List.copyOf(warnings));
    }

    /** The correlation of two columns, in either order. */
    public double correlation(String a, String b) {
        for (Correlation c : correlations) {
            if ((c.first().equals(a) && c.second().equals(b)) || (c.first().equals(b) && c.second().equals(a))) {
                return c.pearson();
            }
        }
        throw new IllegalArgumentException("no correlation of '" + a + "' with '" + b + "'; the columns are "
                + columns.stream().map(Column::name).toList());
    }

    /** The statistics of one column by name. */
    public Column column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column '" + name + "'; the columns are "
                        + columns.stream().map(Column::name).toList()));
    }

    /** Pearson correlation, two-pass; NaN when either is constant. */
    public static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int t = 0; t < n; t++) {
            mx += x[t];
            my += y[t];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int t = 0; t < n; t++) {
            double dx = x[t] - mx;
            double dy = y[t] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    private static void add(Map<String, double[]> all, Map<String, String> roles, Map<String, double[]> columns,
                            String role) {
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new IllegalArgumentException("a " + role + " column has an empty name");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException(role + " '" + e.getKey() + "' has no values");
            }
            if (all.containsKey(e.getKey())) {
                throw new IllegalArgumentException("column '" + e.getKey() + "' is given as both "
                        + roles.get(e.getKey()) + " and " + role);
            }
            all.put(e.getKey(), e.getValue());
            roles.put(e.getKey(), role);
        }
    }

    private static Column describe(String name, String role, double[] v, double vif) {
        int n = v.length;
        double mean = 0;
        int zeros = 0;
        boolean constant = true;
        for (double x : v) {
            mean += x;
            zeros += x == 0 ? 1 : 0;
            constant &= x == v[0];
        }
        mean /= n;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double cv = mean != 0 ? sd / mean : Double.NaN;
        return new Column(name, role, mean, sd, cv, (double) zeros / n, vif, constant);
    }

    private static Optional<String> constantWarning(Column c, double value, int n) {
        if (!c.constant()) {
            return Optional.empty();
        }
        if (CHANNEL.equals(c.role())) {
            return Optional.of(value == 0
                    ? c.name() + " has no spend in any of the " + n + " periods: its effect cannot be estimated; drop it."
                    : String.format(Locale.ROOT, "%s spends the same %s in every period: its effect cannot be told"
                    + " apart from the intercept; only a change in spend (or a lift test) can reveal it.",
                    c.name(), plain(value)));
        }
        return Optional.of(String.format(Locale.ROOT, "control %s is %s in every period: it cannot be"
                + " told apart from the intercept; drop it.", c.name(), plain(value)));
    }

    private static String correlationWarning(String a, String roleA, String b, String roleB, double r) {
        boolean exact = Math.abs(r) >= 1 - EXACT;
        String strength = exact
                ? String.format(Locale.ROOT, "%s and %s move exactly together (correlation %.2f)", a, b, r)
                : String.format(Locale.ROOT, "%s and %s are correlated %.2f", a, b, r);
        if (CHANNEL.equals(roleA) && CHANNEL.equals(roleB)) {
            return strength + (exact ? ": the model cannot separate them" : ": the model may not separate them")
                    + "; a lift test on one would help.";
        }
        if (CHANNEL.equals(roleA) || CHANNEL.equals(roleB)) {
            String channel = CHANNEL.equals(roleA) ? a : b;
            String control = CHANNEL.equals(roleA) ? b : a;
            return strength + ": the model may credit " + channel + " with the effect of " + control
                    + " or the reverse.";
        }
        return strength + ": their coefficients will be uncertain, though the model's other parts are not harmed.";
    }

    /** 100 rather than 100.0, 2.5 as 2.5. */
    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
