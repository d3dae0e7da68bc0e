package dev.mmm.core.posterior;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a posterior as CmdStan's {@code sample} output: one CSV per chain, configuration comments
 * first, then CmdStan's sampler columns and every parameter. Indexed names follow CmdStan's
 * spelling ({@code beta[tv]} becomes {@code beta.tv}), which cmdstanr and ArviZ's
 * {@code from_cmdstan} turn back into {@code beta[tv]}; R's {@code posterior} reads the result
 * through either. Values are written as the shortest text that reads back to the same double.
 */
public final class CmdStanCsvExport {

    private CmdStanCsvExport() {
    }

    /** CmdStan's spelling of a parameter name: brackets become dots, commas dots too. */
    public static String cmdStanName(String name) {
        int open = name.indexOf('[');
        if (open < 0 || !name.endsWith("]")) {
            return name;
        }
        return name.substring(0, open) + "." + name.substring(open + 1, name.length() - 1).replace(',', '.');
    }

    /**
     * Writes {@code <prefix>-1.csv}, {@code <prefix>-2.csv}, ... into {@code dir} and returns their paths.
     */
    public static List<Path> write(Posterior posterior, Path dir, String prefix) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int c = 0; c < posterior.chains(); c++) {
            Path file = dir.resolve(prefix + "-" + (c + 1) + ".csv");
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
                writeChain(posterior, c, out);
            }
            files.add(file);
        }
        return files;
    }

    static void writeChain(Posterior p, int chain, Writer out) throws IOException {
        Provenance v = p.provenance();
        out.write("# model = mmm\n");
        out.write("# method = sample (Default)\n");
        out.write("#   sample\n");
        out.write("#     num_samples = " + p.run().drawsRequested() + "\n");
        out.write("#     num_warmup = " + p.run().warmup() + "\n");
        out.write("#     save_warmup = false\n");
        out.write("#     thin = 1\n");
        out.write("# id = " + (chain + 1) + "\n");
        out.write("# random\n#   seed = " + v.seed() + "\n");
        out.write("# mmm_version = " + v.libraryVersion() + "\n");
        out.write("# data_sha256 = " + v.dataSha256() + "\n");
        List<ChainAdaptation> adaptation = p.adaptation();
        if (chain < adaptation.size()) {
            ChainAdaptation a = adaptation.get(chain);
            out.write("# Adaptation terminated\n# Step size = " + a.stepSize() + "\n# Diagonal elements of inverse mass matrix:\n# ");
            double[] m = a.inverseMetricDiagonal();
            for (int i = 0; i < m.length; i++) {
                out.write((i > 0 ? ", " : "") + m[i]);
            }
            out.write("\n");
        }
        List<String> header = new ArrayList<>(Posterior.SAMPLER_COLUMNS);
        for (String name : p.parameterNames()) {
            header.add(cmdStanName(name));
        }
        out.write(String.join(",", header));
        out.write("\n");
        double[][] sampler = new double[Posterior.SAMPLER_COLUMNS.size()][];
        for (int k = 0; k < sampler.length; k++) {
            sampler[k] = p.rawSamplerColumn(Posterior.SAMPLER_COLUMNS.get(k));
        }
        int names = p.parameterNames().size();
        int start = p.chainStart(chain);
        int end = start + p.drawsPerChain()[chain];
        StringBuilder line = new StringBuilder();
        for (int d = start; d < end; d++) {
            line.setLength(0);
            for (int k = 0; k < sampler.length; k++) {
                if (k > 0) {
                    line.append(',');
                }
                double value = sampler[k][d];
                // Integer-valued sampler columns (tree depth, leapfrog steps, divergent) as integers, as CmdStan writes them.
                if (k >= 3 && k <= 5) {
                    line.append((long) value);
                } else {
                    line.append(number(value));
                }
            }
            for (int k = 0; k < names; k++) {
                line.append(',').append(number(p.rawColumn(k)[d]));
            }
            line.append('\n');
            out.write(line.toString());
        }
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return Double.toString(v);
    }
}
