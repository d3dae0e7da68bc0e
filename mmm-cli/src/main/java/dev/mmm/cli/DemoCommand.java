package dev.mmm.cli;

import dev.mmm.core.io.AtomicFolder;
import dev.mmm.core.io.DatasetCsv;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.io.FitFolder;
import dev.mmm.core.model.FitChecks;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.simulate.DemoData;
import dev.mmm.core.simulate.Simulation;
import dev.mmm.sampler.SamplerSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mmm demo}: simulate, fit, and hold the posterior against the truth. */
@Command(mixinStandardHelpOptions = true,
        name = "demo",
        sortOptions = false,
        description = {
            "Simulate data with known parameters, fit them, compare with the truth.",
            "",
            "Three years of weekly sales driven by five channels; the default model is fitted and its posterior printed next to the true values.",
            "",
            "Writes the data (demo-data.csv), the truth (truth.json) and the fit folder (summary.json, draws.csv, posterior.json, posterior.bin, data.csv) into the output folder, then report.html, and prints the report's path."},
        footer = {"", "Examples:", "  mmm demo", "  mmm demo --seed 7 --chains 2 --warmup 500 --draws 500 --out demo-7",
            "  mmm summary --fit mmm-demo-out        (then ask the fit the business questions)"})
final class DemoCommand extends CliCommand {

    static final String DATA_FILE = "demo-data.csv";
    static final String TRUTH_FILE = "truth.json";

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the simulation and the sampler. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", defaultValue = "mmm-demo-out", paramLabel = "DIR", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Mixin
    SamplingOptions sampling = new SamplingOptions();

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--json", description = "Print JSON ({\"out\", \"report\", \"parameters\", \"true_values_covered\"}) instead of the tables.")
    boolean json;

    @Override
    protected int execute() throws Exception {
        sampling.check();
        AtomicFolder.checkWritable(out);
        Simulation sim = DemoData.generate(seed);
        ModelSpec spec = sim.spec();
        Path csv = out.resolve(DATA_FILE);
        List<String> warnings = FitChecks.validate(spec, sim.data());
        warnings.forEach(w -> err().println("mmm: warning: " + Errors.oneLine(w)));
        if (!json) {
            out().println("Simulated " + sim.data().rows() + " weeks of '" + spec.targetColumn() + "' with channels "
                    + String.join(", ", spec.channelNames()) + " (saved with the fit as " + csv + ")");
            out().flush();
        }

        SamplerSettings settings = sampling.settings(seed).build();
        String truth = SimulateCommand.truthJson(sim.truth(), seed);
        // The data and the truth go into the output folder with the fit, all at once.
        AtomicFolder.Content demoFiles = staging -> {
            AtomicFolder.writeText(staging, DATA_FILE, w -> DatasetCsv.write(w, sim.data()));
            AtomicFolder.writeText(staging, TRUTH_FILE, w -> w.write(truth));
        };
        FitSession.Result result = FitSession.run(spec, sim.data(), settings, null, err(), quiet, out, warnings, finished,
                demoFiles);
        if (json) {
            Path report = result.summary().complete()
                    ? ReportCommand.write(out, out.resolve("report.html"), "Demo: simulated data with known truth") : null;
            var node = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
            node.put("out", out.toAbsolutePath().toString());
            if (report != null) {
                node.put("report", report.toAbsolutePath().toString());
            } else {
                node.putNull("report");
            }
            int covered = 0;
            for (FitSummary.Parameter p : result.summary().parameters()) {
                Double t = sim.truth().get(p.name());
                if (t != null && t >= p.q05() && t <= p.q95()) {
                    covered++;
                }
            }
            node.put("parameters", result.summary().parameters().size());
            node.put("true_values_covered", covered);
            out().println(node.toString());
            out().flush();
            return result.summary().complete() ? ExitCodes.OK : ExitCodes.INTERRUPTED;
        }
        printAgainstTruth(result.summary(), sim.truth());
        out().println();
        Tables.printSamplerLine(out(), result.summary());
        out().println("Wrote " + out + " (" + DATA_FILE + ", " + TRUTH_FILE + ", " + FitFolder.FILES + ")");
        if (result.summary().complete()) {
            Path report = ReportCommand.write(out, out.resolve("report.html"), "Demo: simulated data with known truth");
            out().println("Report: " + report.toAbsolutePath() + " (open it in a browser)");
        }
        out().println("Fit the same data yourself: mmm fit --data " + csv + " --date " + spec.dateColumn() + " --target "
                + spec.targetColumn() + " --channels " + String.join(",", spec.channelNames()) + " --controls "
                + String.join(",", controlNames(spec)) + " --yearly-seasonality 2 --out " + refitFolder(out));
        out().flush();
        return result.summary().complete() ? ExitCodes.OK : ExitCodes.INTERRUPTED;
    }

    /** Beside the demo's folder, not inside it: the next demo replaces its folder whole. */
    static Path refitFolder(Path out) {
        Path absolute = out.toAbsolutePath().normalize();
        Path sibling = absolute.resolveSibling(absolute.getFileName() + "-refit");
        return out.isAbsolute() ? sibling : Path.of("").toAbsolutePath().relativize(sibling);
    }

    static List<String> controlNames(ModelSpec spec) {
        return spec.controls().stream().map(dev.mmm.core.model.ControlSpec::name).toList();
    }

    private void printAgainstTruth(FitSummary summary, Map<String, Double> truth) {
        int width = "parameter".length();
        for (FitSummary.Parameter p : summary.parameters()) {
            width = Math.max(width, p.name().length());
        }
        String fmt = "%-" + width + "s %10s %10s %23s  %s%n";
        out().printf(Locale.ROOT, fmt, "parameter", "truth", "mean", "90% interval", "covered");
        int covered = 0;
        for (FitSummary.Parameter p : summary.parameters()) {
            Double t = truth.get(p.name());
            boolean in = t != null && t >= p.q05() && t <= p.q95();
            covered += in ? 1 : 0;
            out().printf(Locale.ROOT, fmt, p.name(), t == null ? "?" : Tables.num(t), Tables.num(p.mean()),
                    "[" + Tables.num(p.q05()) + ", " + Tables.num(p.q95()) + "]", t == null ? "?" : in ? "yes" : "NO");
        }
        out().printf(Locale.ROOT, "%d of %d true values inside their 90%% interval (about %.0f expected).%n",
                covered, summary.parameters().size(), 0.9 * summary.parameters().size());
    }
}
