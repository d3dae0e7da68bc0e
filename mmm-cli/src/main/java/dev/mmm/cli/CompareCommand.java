package dev.mmm.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mmm.core.analysis.LooComparison;
import dev.mmm.core.analysis.PsisLoo;
import dev.mmm.core.analysis.Validation;
import dev.mmm.core.data.DataException;
import dev.mmm.core.io.AnalysisJson;
import dev.mmm.core.geo.GeoFit;
import dev.mmm.core.geo.GeoLoo;
import dev.mmm.core.model.MmmFit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mmm compare}: which of two or more fits of the same data predicts it better (PSIS-LOO).
 * National fits of the same weeks, or geo fits of the same panel (each geo and period an
 * observation, with each geo's share of the difference); a mix of the two is refused.
 */
@Command(mixinStandardHelpOptions = true,
        name = "compare",
        description = {
            "Compare fits of the same data by PSIS-LOO (expected log predictive density of each week left out).",
            "",
            "Prints, best first, each fit's elpd_loo with its standard error, p_loo (the effective number of"
                    + " parameters), the difference to the best with its standard error, and the Pareto k diagnostics"
                    + " (k > 0.7: that week's estimate is unreliable). Differences within about 4, or within two"
                    + " standard errors, are not a real preference.",
            "",
            "Geo fits ('mmm fit-geo') of the same panel compare too: each geo and period is one observation, and a"
                    + " second table gives each geo's elpd_loo and its share of the difference to the best fit."
                    + " Geo and national fits cannot be compared with each other."},
        footer = {"", "Examples:", "  mmm compare fit-hill fit-logistic", "  mmm compare fit-a fit-b fit-c --json",
            "  mmm compare geo-fit-full geo-fit-no-promo"})
final class CompareCommand extends CliCommand {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String ROW = "%-30s %12s %8s %10s %10s %8s %22s%n";
    private static final String GEO_ROW = "%-20s %-30s %12s %8s %10s %10s %8s%n";

    @Parameters(arity = "2..*", paramLabel = "DIR", description = "Fit folders written by 'mmm fit' on the same data,"
            + " or by 'mmm fit-geo' on the same panel.")
    List<Path> fits;

    @Option(names = "--json", description = "Print JSON (documented in docs/validation.md) instead of a table.")
    boolean json;

    @Override
    protected int execute() throws Exception {
        Path first = fits.get(0);
        boolean geo = GeoFit.isGeoFit(first);
        List<String> seen = new ArrayList<>();
        for (Path dir : fits) {
            if (seen.contains(dir.toString())) {
                throw new IllegalArgumentException(dir + " is given twice");
            }
            seen.add(dir.toString());
            if (GeoFit.isGeoFit(dir) != geo) {
                throw new UsageException(kind(dir) + " and " + kind(first) + ": 'mmm compare' compares national fits"
                        + " of the same data, or geo fits of the same panel, not one with the other");
            }
        }
        return geo ? compareGeoFits() : compareNationalFits();
    }

    private static String kind(Path dir) {
        return dir + (GeoFit.isGeoFit(dir) ? " is a geo fit (it has " + GeoFit.GEO_FILE + ")" : " is a national fit");
    }

    private int compareNationalFits() throws Exception {
        Map<String, PsisLoo> loos = new LinkedHashMap<>();
        double[] firstTarget = null;
        java.time.LocalDate[] firstDates = null;
        Path first = null;
        for (Path dir : fits) {
            MmmFit fit = NationalFits.load(dir, "compare", "compare it with other geo fits");
            double[] target = fit.model().source().column(fit.spec().targetColumn());
            java.time.LocalDate[] dates = fit.model().dates();
            if (first == null) {
                first = dir;
                firstTarget = target;
                firstDates = dates;
            } else if (!java.util.Arrays.equals(firstTarget, target) || !java.util.Arrays.equals(firstDates, dates)) {
                throw new DataException(dir + " was fitted to other observations than " + first
                        + " (dates or target values differ); LOO compares fits of the same observations");
            }
            loos.put(dir.toString(), Validation.loo(fit));
        }
        LooComparison cmp = LooComparison.compare(loos);
        if (json) {
            ObjectNode root = json(cmp, loos);
            root.put("kind", "national");
            out().print(MAPPER.writeValueAsString(root) + "\n");
            return ExitCodes.OK;
        }
        printTable(cmp, loos);
        printNotes(cmp, loos, List.of());
        return ExitCodes.OK;
    }

    private int compareGeoFits() throws Exception {
        Map<String, GeoLoo> geoLoos = new LinkedHashMap<>();
        Map<String, PsisLoo> loos = new LinkedHashMap<>();
        for (Path dir : fits) {
            GeoLoo loo = GeoLoo.of(GeoFit.load(dir));
            geoLoos.put(dir.toString(), loo);
            loos.put(dir.toString(), loo.loo());
        }
        GeoLoo.Comparison cmp = GeoLoo.compare(geoLoos);
        if (json) {
            ObjectNode root = json(cmp.overall(), loos);
            root.put("kind", "geo");
            ArrayNode geos = root.putArray("geos");
            cmp.geos().forEach(geos::add);
            for (com.fasterxml.jackson.databind.JsonNode node : root.get("fits")) {
                ObjectNode o = (ObjectNode) node;
                String name = o.get("fit").asText();
                GeoLoo loo = geoLoos.get(name);
                ArrayNode named = ((ObjectNode) o.get("pareto_k")).putArray("bad_observations_named");
                loo.badObservationNames().forEach(named::add);
                ArrayNode perGeo = o.putArray("per_geo");
                List<LooComparison.Difference> diffs = cmp.perGeo().get(name);
                for (int g = 0; g < cmp.geos().size(); g++) {
                    GeoLoo.GeoElpd e = loo.perGeo().get(g);
                    ObjectNode row = perGeo.addObject();
                    row.put("geo", e.geo());
                    AnalysisJson.number(row, "elpd_loo", e.elpdLoo().value());
                    AnalysisJson.number(row, "se_elpd_loo", e.elpdLoo().se());
                    AnalysisJson.number(row, "elpd_diff", diffs.get(g).value());
                    AnalysisJson.number(row, "se_diff", diffs.get(g).se());
                    AnalysisJson.number(row, "p_loo", e.pLoo());
                    row.put("pareto_k_bad", e.badParetoK());
                }
            }
            out().print(MAPPER.writeValueAsString(root) + "\n");
            return ExitCodes.OK;
        }
        printTable(cmp.overall(), loos);
        out().println();
        out().printf(Locale.ROOT, "per geo, elpd_diff against %s:%n", cmp.overall().best());
        out().printf(Locale.ROOT, GEO_ROW, "geo", "fit", "elpd_loo", "se", "elpd_diff", "se_diff", "k > 0.7");
        for (int g = 0; g < cmp.geos().size(); g++) {
            for (LooComparison.Row r : cmp.overall().rows()) {
                GeoLoo.GeoElpd e = geoLoos.get(r.model()).perGeo().get(g);
                LooComparison.Difference d = cmp.perGeo().get(r.model()).get(g);
                out().printf(Locale.ROOT, GEO_ROW, e.geo(), r.model(), Tables.num(e.elpdLoo().value()),
                        Tables.num(e.elpdLoo().se()), Tables.num(d.value()), Tables.num(d.se()), e.badParetoK());
            }
        }
        List<String> named = new ArrayList<>();
        geoLoos.forEach((name, loo) -> {
            List<String> bad = loo.badObservationNames();
            if (!bad.isEmpty()) {
                named.add(name + ": observations are numbered geo after geo; those with Pareto k above 0.7 are "
                        + String.join(", ", bad.subList(0, Math.min(10, bad.size())))
                        + (bad.size() > 10 ? " and " + (bad.size() - 10) + " more" : ""));
            }
        });
        printNotes(cmp.overall(), loos, named);
        return ExitCodes.OK;
    }

    private void printTable(LooComparison cmp, Map<String, PsisLoo> loos) {
        out().printf(Locale.ROOT, ROW, "fit", "elpd_loo", "se", "elpd_diff", "se_diff", "p_loo", "pareto k good/ok/bad/very");
        for (LooComparison.Row r : cmp.rows()) {
            PsisLoo l = loos.get(r.model());
            PsisLoo.ParetoKSummary k = l.paretoKSummary();
            out().printf(Locale.ROOT, ROW, r.model(), Tables.num(r.elpdLoo()), Tables.num(r.seElpdLoo()),
                    Tables.num(r.elpdDiff()), Tables.num(r.seDiff()), Tables.num(l.pLoo().value()),
                    k.good() + "/" + k.ok() + "/" + k.bad() + "/" + k.veryBad());
        }
    }

    private void printNotes(LooComparison cmp, Map<String, PsisLoo> loos, List<String> more) {
        List<String> warnings = new ArrayList<>(cmp.warnings());
        loos.forEach((name, l) -> l.warnings().forEach(w -> warnings.add(name + ": " + w)));
        warnings.addAll(more);
        warnings.forEach(w -> out().println("note: " + w));
    }

    private static ObjectNode json(LooComparison cmp, Map<String, PsisLoo> loos) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("best", cmp.best());
        ArrayNode models = root.putArray("fits");
        for (LooComparison.Row r : cmp.rows()) {
            PsisLoo l = loos.get(r.model());
            ObjectNode o = models.addObject();
            o.put("fit", r.model());
            AnalysisJson.number(o, "elpd_loo", r.elpdLoo());
            AnalysisJson.number(o, "se_elpd_loo", r.seElpdLoo());
            AnalysisJson.number(o, "elpd_diff", r.elpdDiff());
            AnalysisJson.number(o, "se_diff", r.seDiff());
            AnalysisJson.number(o, "p_loo", l.pLoo().value());
            AnalysisJson.number(o, "se_p_loo", l.pLoo().se());
            AnalysisJson.number(o, "looic", l.looic().value());
            PsisLoo.ParetoKSummary k = l.paretoKSummary();
            ObjectNode ks = o.putObject("pareto_k");
            ks.put("good", k.good());
            ks.put("ok", k.ok());
            ks.put("bad", k.bad());
            ks.put("very_bad", k.veryBad());
            ArrayNode badRows = ks.putArray("bad_observations");
            for (int b : k.badObservations()) {
                badRows.add(b);
            }
            ArrayNode w = o.putArray("warnings");
            l.warnings().forEach(w::add);
        }
        ArrayNode w = root.putArray("warnings");
        cmp.warnings().forEach(w::add);
        return root;
    }
}
