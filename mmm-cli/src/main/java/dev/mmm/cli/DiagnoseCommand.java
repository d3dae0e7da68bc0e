package dev.mmm.cli;

import dev.mmm.core.io.Draws;
import dev.mmm.core.io.DrawsCsv;
import dev.mmm.sampler.diagnostics.DiagnosticsTable;
import dev.mmm.sampler.io.CmdStanCsv;
import dev.mmm.sampler.io.CmdStanDraws;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mmm diagnose}: R-hat, ESS and MCSE of draws from mmm or CmdStan. */
@Command(mixinStandardHelpOptions = true,
        name = "diagnose",
        description = {
            "R-hat, ESS and MCSE of posterior draws from mmm or CmdStan.",
            "",
            "Rank-normalised split R-hat, bulk and tail ESS and MCSE (Vehtari et al. 2021) of one draws.csv written by 'mmm fit' or 'mmm fit-geo' (columns chain,draw,...; a fit folder stands for its draws.csv), or of CmdStan output CSV files, one per chain."},
        footer = {"", "Examples:", "  mmm diagnose fit-out/draws.csv", "  mmm diagnose output_1.csv output_2.csv output_3.csv output_4.csv --json"})
final class DiagnoseCommand extends CliCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "draws.csv from mmm fit or mmm fit-geo (or its fit folder), or CmdStan CSV files (one per chain).")
    List<Path> files;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    protected int execute() throws IOException {
        CmdStanDraws draws = load(files);
        out().print(json ? DiagnosticsTable.json(draws) : DiagnosticsTable.text(draws));
        out().flush();
        return ExitCodes.OK;
    }

    static CmdStanDraws load(List<Path> files) throws IOException {
        if (files.size() == 1 && Files.isDirectory(files.get(0))) {
            // A fit folder (national or geo): its draws.csv.
            Path draws = files.get(0).resolve("draws.csv");
            if (!Files.isRegularFile(draws)) {
                throw new IllegalArgumentException(files.get(0) + ": a folder without draws.csv; give a fit folder,"
                        + " its draws.csv or CmdStan CSV files");
            }
            return load(List.of(draws));
        }
        if (files.size() == 1 && isMmmDraws(files.get(0))) {
            Draws d = DrawsCsv.read(files.get(0));
            // An interrupted fit may have chains without draws: diagnose the chains that have some, as summary.json does.
            double[][][] values = java.util.Arrays.stream(d.values()).filter(chain -> chain.length > 0).toArray(double[][][]::new);
            if (values.length == 0) {
                throw new IllegalArgumentException(files.get(0) + ": no chain has a draw");
            }
            int shortest = Integer.MAX_VALUE;
            for (double[][] chain : values) {
                shortest = Math.min(shortest, chain.length);
            }
            // [column][chain][draw]; a cancelled fit leaves chains of different lengths, diagnostics need equal ones.
            int columns = d.parameterNames().size();
            double[][][] byColumn = new double[columns][values.length][shortest];
            for (int c = 0; c < values.length; c++) {
                for (int i = 0; i < shortest; i++) {
                    for (int k = 0; k < columns; k++) {
                        byColumn[k][c][i] = values[c][i][k];
                    }
                }
            }
            return CmdStanDraws.of(new ArrayList<>(d.parameterNames()), byColumn);
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException(f + ": no such file");
            }
        }
        return CmdStanCsv.read(files);
    }

    private static boolean isMmmDraws(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            return line != null && line.startsWith("chain,draw");
        }
    }
}
