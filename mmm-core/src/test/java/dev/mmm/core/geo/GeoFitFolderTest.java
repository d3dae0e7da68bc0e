package dev.mmm.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.core.posterior.Posterior;
import dev.mmm.sampler.SamplerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A geo fit folder read back: the panel, the model and the posterior bit for bit. */
class GeoFitFolderTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenGeoFitLoadsBackBitForBitAndAChangedPanelIsRefused() throws Exception {
        GeoSimulator.GeoSimulation sim = GeoSimulator.simulate(2, 20, 1, 1, true, 6);
        GeoFit fit = GeoFit.fit(sim.spec(), sim.data(),
                SamplerSettings.builder().chains(1).warmup(40).draws(20).seed(2).build());
        Path out = dir.resolve("fit");
        fit.write(out, java.util.List.of());
        assertThat(GeoFit.isGeoFit(out)).isTrue();
        GeoFit loaded = GeoFit.load(out);
        Posterior a = fit.posterior();
        Posterior b = loaded.posterior();
        assertThat(b.parameterNames()).isEqualTo(a.parameterNames());
        for (String name : a.parameterNames()) {
            assertThat(b.column(name)).as(name).containsExactly(a.column(name));
        }
        assertThat(loaded.model().geos()).isEqualTo(fit.model().geos());
        assertThat(loaded.model().targetScale()).isEqualTo(fit.model().targetScale());
        assertThat(loaded.analysis().roas().of("ch1", "Geo1").roas())
                .isEqualTo(fit.analysis().roas().of("ch1", "Geo1").roas());

        Path data = out.resolve(GeoFit.DATA_FILE);
        Files.writeString(data, Files.readString(data).replaceFirst("\n(\\S+?),Geo0,", "\n$1,Geo0,1"));
        assertThatThrownBy(() -> GeoFit.load(out)).hasMessageContaining("SHA-256").hasMessageContaining("data.csv");
    }
}
