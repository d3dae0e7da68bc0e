package dev.mmm.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mmm.core.geo.GeoAnalysis;
import dev.mmm.core.geo.GeoSimulator;
import dev.mmm.core.io.AtomicFiles;
import dev.mmm.core.io.DatasetCsv;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.simulate.Simulation;
import dev.mmm.core.simulate.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mmm simulate}: data from the default model with known parameters (for recovery tests and the Stan race). */
@Command(mixinStandardHelpOptions = true,
        name = "simulate",
        sortOptions = false,
        description = {
            "Write data simulated from the default model with known parameters.",
            "",
            "Weekly rows from 2021-01-04 (column 'date'), channels ch1..chC (flighted and always-on spend), controls ctrl1..ctrlK (standard normal) and target 'y'; the parameters are drawn from the seed.",
            "",
            "--truth writes the true parameters, named as 'mmm fit' names them, in the space of a model fitted to the file (y divided by its maximum).",
            "",
            "--geos G writes a long-format geo panel instead (columns date, geo, ch1..chC, z1..zK, y, population; geos Geo0..Geo(G-1), effects pooled across geos, yearly seasonality of order 1) for 'mmm fit-geo', which the command prints; its --truth holds the true national and per-geo ROAS and the true alpha and lam."},
        footer = {"", "Examples:", "  mmm simulate --weeks 156 --channels 5 --controls 2 --yearly-seasonality 2 --seed 3 --out sim.csv --truth truth.json",
            "  mmm simulate --geos 8 --weeks 104 --channels 3 --controls 1 --seed 3 --out panel.csv --truth truth.json"})
final class SimulateCommand extends CliCommand {

    static final String DATE = "date";
    static final String TARGET = "y";

    @Option(names = "--weeks", required = true, paramLabel = "T", description = "Number of weekly rows.")
    int weeks;

    @Option(names = "--channels", required = true, paramLabel = "C", description = "Number of channels.")
    int channels;

    @Option(names = "--controls", defaultValue = "0", paramLabel = "K", description = "Number of controls. Default: ${DEFAULT-VALUE}.")
    int controls;

    @Option(names = "--yearly-seasonality", defaultValue = "0", paramLabel = "N", description = "Fourier order of the true seasonality. Default: ${DEFAULT-VALUE}.")
    int yearlySeasonality;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed of the parameters, the spend and the noise.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write.")
    Path out;

    @Option(names = "--truth", paramLabel = "FILE", description = "JSON file for the true parameters.")
    Path truthFile;

    @Option(names = "--geos", paramLabel = "G", description = "Write a geo panel of G geos (long format, for 'mmm fit-geo') instead of national rows.")
    Integer geos;

    @Option(names = "--json", description = "Print what was written as JSON ({\"data\", \"truth\", \"weeks\", \"channels\", \"controls\"}, and \"geos\" with --geos).")
    boolean json;

    @Override
    protected int execute() throws IOException {
        require(weeks >= 2 && weeks <= 100_000, "--weeks must be between 2 and 100000, got " + weeks);
        if (truthFile != null && sameFile(out, truthFile)) {
            throw new UsageException("--out and --truth name the same file (" + out + "); the truth would overwrite the data");
        }
        refuseNonRegular(out, "--out");
        if (truthFile != null) {
            refuseNonRegular(truthFile, "--truth");
        }
        require(channels >= 1 && channels <= 1000, "--channels must be between 1 and 1000, got " + channels);
        require(controls >= 0 && controls <= 1000, "--controls must be between 0 and 1000, got " + controls);
        require(yearlySeasonality >= 0 && yearlySeasonality <= 20, "--yearly-seasonality must be between 0 and 20, got " + yearlySeasonality);
        if (geos != null) {
            return simulateGeo();
        }
        Simulation sim = simulate(weeks, channels, controls, yearlySeasonality, seed);
        DatasetCsv.write(out, sim.data());
        if (truthFile != null) {
            writeTruth(truthFile, sim.truth(), seed);
        }
        if (json) {
            return printWritten(writtenJson());
        }
        out().println("Wrote " + weeks + " weeks, " + channels + " channels, " + controls + " controls to " + out);
        if (truthFile != null) {
            out().println("Wrote the true parameters to " + truthFile);
        }
        out().flush();
        return ExitCodes.OK;
    }

    /** {"data", "truth", "weeks", "channels", "controls"}: what --json prints. */
    private ObjectNode writtenJson() {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("data", out.toAbsolutePath().toString());
        if (truthFile != null) {
            node.put("truth", truthFile.toAbsolutePath().toString());
        } else {
            node.putNull("truth");
        }
        return node.put("weeks", weeks).put("channels", channels).put("controls", controls);
    }

    private int printWritten(ObjectNode node) {
        out().println(node.toString());
        out().flush();
        return ExitCodes.OK;
    }

    /** {@code --geos}: a panel from {@link GeoSimulator}, the true ROAS in --truth, and the fit-geo command that fits it. */
    private int simulateGeo() throws IOException {
        require(geos >= 1 && geos <= 1000, "--geos must be between 1 and 1000, got " + geos);
        require(yearlySeasonality == 0, "--yearly-seasonality is not taken with --geos (the geo panel's seasonality has order 1), got "
                + yearlySeasonality);
        GeoSimulator.GeoSimulation sim = GeoSimulator.simulate(geos, weeks, channels, controls, true, seed);
        java.io.StringWriter csv = new java.io.StringWriter();
        sim.data().writeCsv(csv);
        AtomicFiles.writeString(out, csv.toString());
        if (truthFile != null) {
            AtomicFiles.writeString(truthFile, geoTruthJson(sim, seed));
        }
        List<String> channelNames = sim.spec().base().channelNames();
        List<String> controlNames = sim.spec().base().controls().stream().map(c -> c.name()).toList();
        if (json) {
            return printWritten(writtenJson().put("geos", geos));
        }
        out().println("Wrote " + geos + " geos x " + weeks + " weeks, " + channels + (channels == 1 ? " channel, " : " channels, ")
                + controls + (controls == 1 ? " control" : " controls") + " to " + out + " (columns date, geo, " + String.join(", ", sim.data().columnNames()) + ")");
        if (truthFile != null) {
            out().println("Wrote the true ROAS and alpha, lam to " + truthFile);
        }
        out().println("Fit it: mmm fit-geo --data " + out + " --date date --geo geo --population population --target y --channels "
                + String.join(",", channelNames) + (controlNames.isEmpty() ? "" : " --controls " + String.join(",", controlNames))
                + " --yearly-seasonality 1 --out geo-fit");
        out().flush();
        return ExitCodes.OK;
    }

    /** {"seed", "space", "roas_national": {channel: ROAS}, "roas_per_geo": [{geo, channel, roas}], "parameters": {alpha, lam}}. */
    static String geoTruthJson(GeoSimulator.GeoSimulation sim, long seed) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("seed", seed);
        root.put("space", "ROAS in the panel's own units over all its weeks, as geo.json's roas_national and roas_per_geo;"
                + " alpha and lam do not depend on the scales");
        GeoAnalysis.Roas roas = sim.trueRoas();
        ObjectNode national = root.putObject("roas_national");
        roas.national().forEach(r -> national.put(r.channel(), r.roas().mean()));
        var perGeo = root.putArray("roas_per_geo");
        roas.perGeo().forEach(r -> perGeo.addObject().put("geo", r.geo()).put("channel", r.channel()).put("roas", r.roas().mean()));
        ObjectNode params = root.putObject("parameters");
        List<String> names = sim.truthModel().outputNames();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).startsWith("alpha[") || names.get(i).startsWith("lam[")) {
                params.put(names.get(i), sim.truth()[i]);
            }
        }
        return mapper.writeValueAsString(root) + "\n";
    }

    static Simulation simulate(int weeks, int channels, int controls, int order, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        LocalDate[] dates = new LocalDate[weeks];
        for (int t = 0; t < weeks; t++) {
            dates[t] = LocalDate.of(2021, 1, 4).plusWeeks(t);
        }
        List<String> channelNames = new ArrayList<>();
        List<String> controlNames = new ArrayList<>();
        LinkedHashMap<String, double[]> inputs = new LinkedHashMap<>();
        for (int c = 1; c <= channels; c++) {
            channelNames.add("ch" + c);
            inputs.put("ch" + c, spend(rng, weeks, c % 2 == 1));
        }
        for (int k = 1; k <= controls; k++) {
            controlNames.add("ctrl" + k);
            double[] z = new double[weeks];
            for (int t = 0; t < weeks; t++) {
                z[t] = gaussian(rng);
            }
            inputs.put("ctrl" + k, z);
        }
        ModelSpec spec = ModelSpec.builder().date(DATE).target(TARGET)
                .channels(channelNames.toArray(String[]::new))
                .controls(controlNames.toArray(String[]::new))
                .yearlySeasonality(order).build();
        Map<String, Double> truth = new LinkedHashMap<>();
        truth.put("intercept", 0.5);
        for (String ch : channelNames) {
            truth.put("alpha[" + ch + "]", 0.1 + 0.6 * rng.nextDouble());
        }
        for (String ch : channelNames) {
            truth.put("lam[" + ch + "]", 1.0 + 3.0 * rng.nextDouble());
        }
        for (String ch : channelNames) {
            // Media explain a fair share of y whatever the channel count.
            truth.put("beta[" + ch + "]", (0.1 + 0.3 * rng.nextDouble()) / Math.sqrt(channels));
        }
        for (String k : controlNames) {
            truth.put("gamma[" + k + "]", 0.1 * gaussian(rng));
        }
        for (int m = 1; m <= order; m++) {
            truth.put("fourier[sin_" + m + "]", 0.05 * gaussian(rng) / m);
            truth.put("fourier[cos_" + m + "]", 0.05 * gaussian(rng) / m);
        }
        truth.put("sigma", 0.05);
        return Simulator.simulate(spec, dates, inputs, truth, 1000.0, rng.nextLong());
    }

    /** Flighted (bursts with dark weeks) or always-on spend around 1000 a week. */
    private static double[] spend(UniformRandomProvider rng, int weeks, boolean flighted) {
        double[] x = new double[weeks];
        double level = 500 + 1500 * rng.nextDouble();
        if (!flighted) {
            for (int t = 0; t < weeks; t++) {
                x[t] = Math.max(0, level * (1 + 0.3 * gaussian(rng)));
            }
            return x;
        }
        int t = rng.nextInt(4);
        while (t < weeks) {
            int on = 2 + rng.nextInt(5);
            for (int k = 0; k < on && t < weeks; k++, t++) {
                x[t] = Math.max(0, level * (1 + 0.25 * gaussian(rng)));
            }
            t += 1 + rng.nextInt(4);
        }
        if (Arrays.stream(x).allMatch(v -> v == 0)) {
            x[0] = level;
        }
        return x;
    }

    private static double gaussian(UniformRandomProvider rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Whether two paths name one file: the same path once made absolute, or (when both exist) the same file through links. */
    static boolean sameFile(Path a, Path b) throws IOException {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    }

    /** An existing path that is not a regular file (a folder, a device, a FIFO) is not replaced by one. */
    private static void refuseNonRegular(Path file, String option) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new UsageException(option + " " + file + " exists and is not a regular file ("
                    + (Files.isDirectory(file) ? "a folder" : "a device, FIFO or socket") + "); name a file to write");
        }
    }

    /** {"seed": S, "space": "...", "parameters": {name: value, ...}} in the model's parameter order. */
    static void writeTruth(Path file, Map<String, Double> truth, long seed) throws IOException {
        AtomicFiles.writeString(file, truthJson(truth, seed));
    }

    /** The text {@link #writeTruth} writes. */
    static String truthJson(Map<String, Double> truth, long seed) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("seed", seed);
        root.put("space", "parameters of the default model fitted to the data file: target divided by its maximum, spend by each channel's maximum");
        ObjectNode params = root.putObject("parameters");
        truth.forEach(params::put);
        return mapper.writeValueAsString(root) + "\n";
    }

    private static void require(boolean ok, String message) {
        UsageException.require(ok, message);
    }
}
