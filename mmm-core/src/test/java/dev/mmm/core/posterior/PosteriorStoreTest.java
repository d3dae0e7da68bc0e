package dev.mmm.core.posterior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.core.data.DataException;
import dev.mmm.core.io.FitFolder;
import dev.mmm.core.io.FitMetadata;
import dev.mmm.core.io.FitWriter;
import dev.mmm.core.io.SummaryJson;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.simulate.DemoData;
import dev.mmm.core.simulate.Simulation;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.io.CmdStanCsv;
import dev.mmm.sampler.io.CmdStanDraws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save, load and export give back every number bit for bit, and a damaged file is refused. */
class PosteriorStoreTest {

    private static MmmFit fit;

    @BeforeAll
    static void fitOnce() {
        Simulation sim = DemoData.generate(3);
        fit = Mmm.fit(sim.spec(), sim.data(), SamplerSettings.builder().chains(2).warmup(150).draws(100).seed(4).build());
    }

    @Test
    void saveThenLoadGivesBackTheSamePosteriorAndSummary(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("fit");
        FitFolder.write(fit, FitWriter.summaryOf(fit, FitMetadata.none()), out);
        assertThat(out.resolve("posterior.json")).exists();
        assertThat(out.resolve("posterior.bin")).exists();
        assertThat(out.resolve("data.csv")).exists();
        MmmFit loaded = FitFolder.load(out);
        assertThat(loaded.posterior()).isEqualTo(fit.posterior());
        assertThat(loaded.samplingResult()).isNull();
        assertThat(loaded.model().parameterNames()).isEqualTo(fit.model().parameterNames());
        assertThat(loaded.scaling()).isEqualTo(fit.scaling());
        String before = SummaryJson.toJson(FitWriter.summaryOf(fit, FitMetadata.none()));
        String after = SummaryJson.toJson(FitWriter.summaryOf(loaded, FitMetadata.none()));
        assertThat(after).isEqualTo(before);
        Provenance p = loaded.posterior().provenance();
        assertThat(p.seed()).isEqualTo(4);
        assertThat(p.dataSha256()).hasSize(64).isEqualTo(DataFingerprint.of(fit.model().source()));
        assertThat(p.samplerSettings()).containsEntry("chains", "2").containsEntry("warmup", "150");
        assertThat(p.libraryVersion()).isNotBlank();
        assertThat(loaded.posterior().adaptation()).hasSize(2);
        assertThat(loaded.posterior().adaptation().get(1).lastPosition()).hasSize(fit.model().dimension());
    }

    @Test
    void aChangedDrawOrDataCellIsRefusedWithThePath(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("fit");
        FitFolder.write(fit, FitWriter.summaryOf(fit, FitMetadata.none()), out);
        byte[] bin = Files.readAllBytes(out.resolve("posterior.bin"));
        bin[bin.length - 3] ^= 1;
        Files.write(out.resolve("posterior.bin"), bin);
        assertThatThrownBy(() -> FitFolder.load(out)).isInstanceOf(DataException.class)
                .hasMessageContaining("posterior.bin").hasMessageContaining("SHA-256");
        Files.write(out.resolve("posterior.bin"), java.util.Arrays.copyOf(bin, 100));
        assertThatThrownBy(() -> FitFolder.load(out)).isInstanceOf(DataException.class)
                .hasMessageContaining("posterior.bin");

        Path again = dir.resolve("fit2");
        FitFolder.write(fit, FitWriter.summaryOf(fit, FitMetadata.none()), again);
        List<String> lines = Files.readAllLines(again.resolve("data.csv"));
        lines.set(5, lines.get(5).replaceFirst(",([0-9])", ",9$1"));
        Files.write(again.resolve("data.csv"), lines);
        assertThatThrownBy(() -> FitFolder.load(again)).isInstanceOf(DataException.class)
                .hasMessageContaining("data.csv").hasMessageContaining("data_sha256");
    }

    @Test
    void cmdStanCsvExportReadsBackBitForBit(@TempDir Path dir) throws IOException {
        Posterior p = fit.posterior();
        List<Path> files = CmdStanCsvExport.write(p, dir, "output");
        assertThat(files).hasSize(2);
        CmdStanDraws read = CmdStanCsv.read(files);
        assertThat(read.chains()).isEqualTo(2);
        assertThat(read.draws()).isEqualTo(100);
        for (String name : p.parameterNames()) {
            double[][] back = read.column(CmdStanCsvExport.cmdStanName(name));
            double[][] original = p.chainsOf(name);
            for (int c = 0; c < 2; c++) {
                assertThat(back[c]).as(name).isEqualTo(original[c]);
            }
        }
        double[] lp = p.samplerColumn("lp__");
        assertThat(read.column("lp__")[1][0]).isEqualTo(lp[p.chainStart(1)]);
        assertThat(CmdStanCsvExport.cmdStanName("beta[tv]")).isEqualTo("beta.tv");
        assertThat(CmdStanCsvExport.cmdStanName("beta[tv,Geo3]")).isEqualTo("beta.tv.Geo3");
        assertThat(CmdStanCsvExport.cmdStanName("sigma")).isEqualTo("sigma");
    }

    @Test
    void chainBookkeeping() {
        Posterior p = fit.posterior();
        assertThat(p.drawCount()).isEqualTo(200);
        assertThat(p.chainOf(0)).isZero();
        assertThat(p.chainOf(99)).isZero();
        assertThat(p.chainOf(100)).isEqualTo(1);
        assertThat(p.chainsWithDraws()).containsExactly(0, 1);
        double[] theta = new double[p.parameterNames().size()];
        p.drawInto(150, theta);
        assertThat(theta[p.parameterIndex("sigma")]).isEqualTo(p.column("sigma")[150]);
        assertThatThrownBy(() -> p.column("nope")).hasMessageContaining("no parameter named 'nope'");
    }
}
