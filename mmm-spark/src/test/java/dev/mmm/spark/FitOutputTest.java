package dev.mmm.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.core.io.FitFolder;
import dev.mmm.core.io.FitMetadata;
import dev.mmm.core.io.FitWriter;
import dev.mmm.core.model.MmmFit;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy through the Hadoop FileSystem API that non-local outputs take, exercised on a file: URI. */
class FitOutputTest {

    @TempDir
    Path dir;

    @Test
    void aFitCopiedThroughHadoopLoadsBackBitForBitAndReplacesAnEarlierOne() throws Exception {
        Path data = BatchData.simulateGroup(dir, "g", 5);
        Path ref = dir.resolve("ref");
        BatchData.referenceFit(data, 11, ref);
        MmmFit fit = FitFolder.load(ref);

        FitOutput output = FitOutput.throughHadoop(dir.resolve("out").toUri().toString(), new Configuration());
        output.createRoot();
        assertThat(output.localFolder(output.groupPath("north/3"))).as("forced through Hadoop").isNull();
        for (int round = 0; round < 2; round++) {
            String written = output.write(fit, FitWriter.summaryOf(fit, FitMetadata.none()), "north/3");
            Path folder = dir.resolve("out/north/3");
            assertThat(written).endsWith("out/north/3");
            assertThat(Files.readAllBytes(folder.resolve("draws.csv"))).isEqualTo(Files.readAllBytes(ref.resolve("draws.csv")));
            MmmFit back = FitFolder.load(folder);
            for (String name : fit.parameterNames()) {
                assertThat(back.posterior().column(name)).isEqualTo(fit.posterior().column(name));
            }
        }
        // Loading through Hadoop (a copy to a local temporary folder) gives the same fit, with the extra file written.
        output.write(fit, FitWriter.summaryOf(fit, FitMetadata.none()), "north/3",
                staging -> Files.writeString(staging.resolve("drift.json"), "{}"));
        assertThat(dir.resolve("out/north/3/drift.json")).hasContent("{}");
        MmmFit loaded = output.load("north/3");
        for (String name : fit.parameterNames()) {
            assertThat(loaded.posterior().column(name)).isEqualTo(fit.posterior().column(name));
        }
        assertThat(loaded.model().rows()).isEqualTo(fit.model().rows());
        assertThatThrownBy(() -> output.load("south/1")).isInstanceOf(NoSuchFileException.class)
                .hasMessageEndingWith("out/south/1: no fit folder there");
        assertThatThrownBy(() -> FitOutput.to(dir.resolve("out").toString(), new Configuration()).load("south/1"))
                .isInstanceOf(NoSuchFileException.class).hasMessageEndingWith("out/south/1: no fit folder there");
        // No temporary copy is left beside the group's folder.
        try (Stream<Path> siblings = Files.list(dir.resolve("out/north"))) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("3");
        }
    }

    @Test
    void aLocalPathIsWrittenInPlace() throws Exception {
        FitOutput output = FitOutput.to(dir.resolve("plain").toString(), new Configuration());
        assertThat(output.localFolder(output.groupPath("a"))).isEqualTo(dir.resolve("plain/a"));
    }
}
