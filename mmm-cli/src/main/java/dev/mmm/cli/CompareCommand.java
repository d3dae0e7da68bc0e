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

/** {@code mmm compare}: which of two or more fits of the same data predicts it better (PSIS-LOO). */
@Command(mixinStandardHelpOptions = true,
        name = "compare",
        description = {
            "Compare fits of the same data by PSIS-LOO (expected log predictive density of each week left out).",
            "",
            "Prints, best first, each fit's elpd_loo with its standard error, p_loo (the effective number of"
                    + " parameters), the difference to the best with its standard error, and the Pareto k diagnostics"
                    + " (k > 0.7: that week's estimate is unreliable). Differences within about 4, or within two"
                    + " standard errors, are not a real preference."},
        footer = {"", "Examples:", "  mmm compare fit-hill fit-logistic", "  mmm compare fit-a fit-b fit-c --json"})
final class CompareCommand extends CliCommand {

    @Parameters(arity = "2..*", paramLabel = "DIR", description = "Fit folders written by 'mmm fit' on the same data.")
    List<Path> fits;

    @Option(names = "--json", description = "Print JSON (documented in docs/validation.md) instead of a table.")
    boolean json;

    @Override
    protected int execute() throws Exception {
        Map<String, PsisLoo> loos = new LinkedHashMap<>();
        double[] firstTarget = null;
        java.time.LocalDate[] firstDates = null;
        Path first = null;
        for (Path dir : fits) {
            if (loos.containsKey(dir.toString())) {
                throw new IllegalArgumentException(dir + " is given twice");
            }
            MmmFit fit = NationalFits.load(dir, "compare", "PSIS-LOO of geo fits is not implemented; each geo's fit"
                    + " (R^2, observed and predicted total) is under geo_fit in " + dir.resolve(dev.mmm.core.geo.GeoFit.GEO_FILE));
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
            out().print(json(cmp, loos));
            return ExitCodes.OK;
        }
        String row = "%-30s %12s %8s %10s %10s %8s %22s%n";
        out().printf(Locale.ROOT, row, "fit", "elpd_loo", "se", "elpd_diff", "se_diff", "p_loo", "pareto k good/ok/bad/very");
        for (LooComparison.Row r : cmp.rows()) {
            PsisLoo l = loos.get(r.model());
            PsisLoo.ParetoKSummary k = l.paretoKSummary();
            out().printf(Locale.ROOT, row, r.model(), Tables.num(r.elpdLoo()), Tables.num(r.seElpdLoo()),
                    Tables.num(r.elpdDiff()), Tables.num(r.seDiff()), Tables.num(l.pLoo().value()),
                    k.good() + "/" + k.ok() + "/" + k.bad() + "/" + k.veryBad());
        }
        List<String> warnings = new ArrayList<>(cmp.warnings());
        loos.forEach((name, l) -> l.warnings().forEach(w -> warnings.add(name + ": " + w)));
        warnings.forEach(w -> out().println("note: " + w));
        return ExitCodes.OK;
    }

    private static String json(LooComparison cmp, Map<String, PsisLoo> loos) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
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
        return mapper.writeValueAsString(root) + "\n";
    }
}
