package dev.mmm.sampler.diagnostics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mmm.sampler.io.CmdStanDraws;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A stansummary-like table of every column of a set of draws: name, mean, MCSE of the mean,
 * sd, 5%, 50%, 95%, bulk-ESS, tail-ESS and R-hat, as text or JSON. Model parameters come first
 * in file order; sampler columns (names ending in {@code __}) go last.
 */
public final class DiagnosticsTable {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private static final String DIVERGENT = "divergent__";
    private static final String ENERGY = "energy__";

    private DiagnosticsTable() {
    }

    /** Summaries of every column, parameters first and sampler columns last. */
    public static List<ParameterSummary> summaries(CmdStanDraws draws) {
        List<ParameterSummary> parameters = new ArrayList<>();
        List<ParameterSummary> samplerColumns = new ArrayList<>();
        for (String name : draws.columns()) {
            ParameterSummary summary = Diagnostics.summarize(name, draws.column(name));
            (name.endsWith("__") ? samplerColumns : parameters).add(summary);
        }
        parameters.addAll(samplerColumns);
        return parameters;
    }

    /**
     * The table as aligned text, preceded by a line giving chains and draws and followed, when
     * the draws have Stan's sampler columns, by the divergence count and each chain's E-BFMI.
     */
    public static String text(CmdStanDraws draws) {
        StringBuilder out = new StringBuilder();
        out.append("Draws: ").append(draws.chains()).append(" chains x ").append(draws.draws())
                .append(" draws\n");
        out.append(text(summaries(draws)));
        if (draws.hasColumn(DIVERGENT)) {
            out.append("Divergences: ").append(divergences(draws)).append(" of ")
                    .append((long) draws.chains() * draws.draws()).append(" draws\n");
        }
        if (draws.hasColumn(ENERGY)) {
            out.append("E-BFMI per chain:");
            for (double e : ebfmi(draws)) {
                out.append(' ').append(String.format(Locale.ROOT, "%.3f", e));
            }
            out.append(" (below 0.3 suggests poor exploration)\n");
        }
        return out.toString();
    }

    /** Draws whose {@code divergent__} is non-zero, all chains. */
    public static long divergences(CmdStanDraws draws) {
        long count = 0;
        for (double[] chain : draws.column(DIVERGENT)) {
            for (double d : chain) {
                count += d != 0 ? 1 : 0;
            }
        }
        return count;
    }

    /** E-BFMI of each chain's {@code energy__}. */
    public static double[] ebfmi(CmdStanDraws draws) {
        double[][] energy = draws.column(ENERGY);
        double[] out = new double[energy.length];
        for (int c = 0; c < energy.length; c++) {
            out[c] = Diagnostics.ebfmi(energy[c]);
        }
        return out;
    }

    /** The table of already computed summaries as aligned text. */
    public static String text(List<ParameterSummary> summaries) {
        String[] headers = {"name", "mean", "mcse", "sd", "5%", "50%", "95%", "ess_bulk",
            "ess_tail", "rhat"};
        List<String[]> rows = new ArrayList<>();
        rows.add(headers);
        for (ParameterSummary s : summaries) {
            rows.add(new String[] {s.name(), number(s.mean()), number(s.mcseMean()),
                number(s.sd()), number(s.q05()), number(s.q50()), number(s.q95()),
                count(s.essBulk()), count(s.essTail()), rhat(s.rhat())});
        }
        int[] width = new int[headers.length];
        for (String[] row : rows) {
            for (int k = 0; k < row.length; k++) {
                width[k] = Math.max(width[k], row[k].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int k = 0; k < row.length; k++) {
                if (k == 0) {
                    out.append(row[k]).append(" ".repeat(width[k] - row[k].length()));
                } else {
                    out.append("  ").append(" ".repeat(width[k] - row[k].length())).append(row[k]);
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * The table as JSON: {@code {"chains", "draws", "parameters": [{"name", "mean",
     * "mcse_mean", "sd", "mcse_sd", "q05", "q50", "q95", "ess_bulk", "ess_tail", "rhat"}],
     * "divergences", "ebfmi": [per chain]}} (the last two only when the draws have
     * {@code divergent__} and {@code energy__}); a value that is NaN is written as {@code null}.
     */
    public static String json(CmdStanDraws draws) {
        ObjectNode root = JSON.createObjectNode();
        root.put("chains", draws.chains());
        root.put("draws", draws.draws());
        ArrayNode parameters = root.putArray("parameters");
        for (ParameterSummary s : summaries(draws)) {
            ObjectNode p = parameters.addObject();
            p.put("name", s.name());
            put(p, "mean", s.mean());
            put(p, "mcse_mean", s.mcseMean());
            put(p, "sd", s.sd());
            put(p, "mcse_sd", s.mcseSd());
            put(p, "q05", s.q05());
            put(p, "q50", s.q50());
            put(p, "q95", s.q95());
            put(p, "ess_bulk", s.essBulk());
            put(p, "ess_tail", s.essTail());
            put(p, "rhat", s.rhat());
        }
        if (draws.hasColumn(DIVERGENT)) {
            root.put("divergences", divergences(draws));
        }
        if (draws.hasColumn(ENERGY)) {
            ArrayNode ebfmi = root.putArray("ebfmi");
            for (double e : ebfmi(draws)) {
                if (Double.isFinite(e)) {
                    ebfmi.add(e);
                } else {
                    ebfmi.addNull();
                }
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    /** Four significant digits, as stansummary's default sig_figs is close to. */
    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        double magnitude = Math.abs(v);
        if (magnitude >= 1e6 || magnitude < 1e-4) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        int digitsBeforePoint = (int) Math.floor(Math.log10(magnitude)) + 1;
        int decimals = Math.max(0, 4 - digitsBeforePoint);
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String count(double ess) {
        return Double.isNaN(ess) ? "NaN" : String.format(Locale.ROOT, "%.0f", ess);
    }

    private static String rhat(double rhat) {
        if (Double.isNaN(rhat)) {
            return "NaN";
        }
        return String.format(Locale.ROOT, rhat < 1000 ? "%.3f" : "%.3e", rhat);
    }
}
