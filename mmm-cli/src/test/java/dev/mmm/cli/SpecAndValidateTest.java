package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mmm.core.io.DatasetCsv;
import dev.mmm.core.model.ChannelSpec;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.model.TrendSpec;
import dev.mmm.core.simulate.DemoData;
import dev.mmm.core.simulate.Simulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mmm fit --spec} reaches a model beyond the default one; {@code mmm validate} checks without fitting. */
class SpecAndValidateTest {

    @TempDir
    static Path dir;
    static Path csv;
    static Path specFile;
    static ModelSpec spec;

    @BeforeAll
    static void data() throws Exception {
        Simulation sim = DemoData.generate(9);
        csv = dir.resolve("data.csv");
        DatasetCsv.write(csv, sim.data());
        spec = ModelSpec.builder().date(DemoData.DATE).target(DemoData.TARGET)
                .channel(ChannelSpec.of("tv").withAdstock("weibull_pdf", 6).withSaturation("hill"))
                .channels("search", "social")
                .controls(DemoData.PROMO).trend(TrendSpec.linear()).yearlySeasonality(1).synergy("tv", "search")
                .build();
        specFile = dir.resolve("model.json");
        Files.writeString(specFile, spec.toJson());
    }

    @Test
    void fitWithASpecFitsThatModel() throws Exception {
        Path out = dir.resolve("fit-spec");
        Cli.Run run = Cli.plain("fit", "--data", csv.toString(), "--spec", specFile.toString(), "--chains", "2",
                "--warmup", "150", "--draws", "100", "--quiet", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        List<String> names = new ArrayList<>();
        summary.get("parameters").forEach(p -> names.add(p.get("name").asText()));
        assertThat(names).isEqualTo(spec.compile(dev.mmm.core.data.CsvReader.read(csv, DemoData.DATE)).parameterNames());
        assertThat(names).contains("synergy[tv:search]", "trend_k");
        Cli.Run summaryRun = Cli.plain("summary", "--fit", out.toString(), "--json");
        assertThat(summaryRun.exitCode()).as(summaryRun.err()).isZero();
        assertThat(new ObjectMapper().readTree(summaryRun.out()).get("synergies")).hasSize(1);
    }

    @Test
    void validateReportsTheParametersAndTheInputsWithoutFitting() throws Exception {
        Cli.Run run = Cli.plain("validate", "--data", csv.toString(), "--spec", specFile.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("rows").asInt()).isEqualTo(DemoData.WEEKS);
        assertThat(json.get("parameters").size()).isGreaterThan(10);
        assertThat(json.get("sampled_dimension").asInt()).isPositive();
        assertThat(json.get("inputs").get("columns")).hasSize(4);
        assertThat(json.get("warnings").isArray()).isTrue();

        Cli.Run text = Cli.plain("validate", "--data", csv.toString(), "--target", DemoData.TARGET, "--channels", "tv,radio");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("OK: 156 periods").contains("beta[tv]", "alpha[radio]");
    }

    @Test
    void badSpecsAndMixedFlagsAreOneLine() throws Exception {
        Cli.Run both = Cli.plain("validate", "--data", csv.toString(), "--spec", specFile.toString(), "--target", "sales");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--spec names the model").hasLineCount(1);
        Cli.Run neither = Cli.plain("validate", "--data", csv.toString());
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("--target is required").hasLineCount(1);
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, spec.toJson().replace("\"tv\"", "\"nope\""));
        Cli.Run missing = Cli.plain("validate", "--data", csv.toString(), "--spec", broken.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("nope").hasLineCount(1);
        Path trailing = dir.resolve("trailing.json");
        Files.writeString(trailing, spec.toJson() + " {}");
        Cli.Run bad = Cli.plain("fit", "--data", csv.toString(), "--spec", trailing.toString(), "--out", dir.resolve("x").toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("trailing.json").hasLineCount(1);
    }
}
