package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.DataValidator;
import dev.mmm.core.data.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesValidDataAndATruthNamedAsTheModelNamesItsParameters() throws Exception {
        Path csv = dir.resolve("sim.csv");
        Path truth = dir.resolve("truth.json");
        Cli.Run run = Cli.plain("simulate", "--weeks", "104", "--channels", "3", "--controls", "2",
                "--yearly-seasonality", "2", "--seed", "3", "--out", csv.toString(), "--truth", truth.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        Dataset data = CsvReader.read(csv, "date");
        assertThat(data.rows()).isEqualTo(104);
        assertThat(data.columnNames()).containsExactlyInAnyOrder("ch1", "ch2", "ch3", "ctrl1", "ctrl2", "y");
        List<String> warnings = DataValidator.validate(data, "y", List.of("ch1", "ch2", "ch3"), List.of("ctrl1", "ctrl2"),
                8, DataValidator.defaultModelParameterCount(3, 2, 2));
        assertThat(warnings).isEmpty();

        JsonNode params = new ObjectMapper().readTree(truth.toFile()).get("parameters");
        List<String> names = new ArrayList<>();
        params.fieldNames().forEachRemaining(names::add);
        assertThat(names).hasSize(DataValidator.defaultModelParameterCount(3, 2, 2))
                .contains("intercept", "alpha[ch1]", "lam[ch3]", "beta[ch2]", "gamma[ctrl2]", "fourier[cos_2]", "sigma");
        assertThat(params.get("alpha[ch1]").asDouble()).isBetween(0.1, 0.7);
    }

    @Test
    void theSameSeedGivesTheSameFileAndAnotherSeedAnother() throws Exception {
        String[] args = {"simulate", "--weeks", "30", "--channels", "2", "--seed", "9", "--out"};
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path c = dir.resolve("c.csv");
        assertThat(Cli.plain(FitCommandTest.concat(args, a.toString())).exitCode()).isZero();
        assertThat(Cli.plain(FitCommandTest.concat(args, b.toString())).exitCode()).isZero();
        assertThat(Cli.plain("simulate", "--weeks", "30", "--channels", "2", "--seed", "10", "--out", c.toString()).exitCode()).isZero();
        assertThat(Files.readString(a)).isEqualTo(Files.readString(b)).isNotEqualTo(Files.readString(c));
    }

    @Test
    void outOfRangeCountsAreOneLine() {
        Cli.Run run = Cli.plain("simulate", "--weeks", "1", "--channels", "2", "--seed", "1", "--out", dir.resolve("x.csv").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).containsExactly("mmm: error: --weeks must be between 2 and 100000, got 1");
    }
}
