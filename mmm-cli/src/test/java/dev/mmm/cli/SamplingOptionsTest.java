package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.core.geo.GeoFit;
import dev.mmm.sampler.SamplerSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Warm-up and draws left out keep each kind of model's own defaults; given, they win. */
class SamplingOptionsTest {

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        SamplingOptions sampling = new SamplingOptions();
    }

    private static SamplingOptions parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.sampling;
    }

    @Test
    void leftOutTheNationalModelGetsTheSamplersDefaultsAndAGeoModelItsOwn() {
        SamplerSettings national = parse().settings(5).build();
        assertThat(national.warmup()).isEqualTo(SamplerSettings.DEFAULT_WARMUP).isEqualTo(750);
        assertThat(national.draws()).isEqualTo(SamplerSettings.DEFAULT_DRAWS).isEqualTo(1250);
        assertThat(national.seed()).isEqualTo(5);
        assertThat(national.targetAcceptance()).isEqualTo(0.9);

        SamplerSettings geo = parse().settings(5, GeoFit.defaultSettings()).build();
        assertThat(geo.warmup()).isEqualTo(1000);
        assertThat(geo.draws()).isEqualTo(1000);
        assertThat(geo.targetAcceptance()).isEqualTo(0.8);
    }

    @Test
    void givenValuesOverrideEitherDefaults() {
        SamplingOptions options = parse("--chains", "2", "--warmup", "1000", "--draws", "1000", "--adapt-delta", "0.95");
        for (SamplerSettings settings : new SamplerSettings[] {options.settings(1).build(),
                options.settings(1, GeoFit.defaultSettings()).build()}) {
            assertThat(settings.chains()).isEqualTo(2);
            assertThat(settings.warmup()).isEqualTo(1000);
            assertThat(settings.draws()).isEqualTo(1000);
            assertThat(settings.targetAcceptance()).isEqualTo(0.95);
        }
        assertThat(parse("--warmup", "0").settings(1).build().warmup()).isZero();
    }

    @Test
    void sharedWarmupIsOffUnlessGiven() {
        assertThat(parse().settings(1).build().sharedWarmup()).isFalse();
        assertThat(parse("--shared-warmup").settings(1).build().sharedWarmup()).isTrue();
        assertThat(parse("--shared-warmup").settings(1, GeoFit.defaultSettings()).build().sharedWarmup()).isTrue();
    }

    @Test
    void outOfRangeValuesAreStillRefusedByName() {
        assertThatThrownBy(() -> parse("--warmup", "-1").settings(1)).hasMessage("--warmup must be at least 0, got -1");
        assertThatThrownBy(() -> parse("--draws", "0").settings(1)).hasMessage("--draws must be at least 1, got 0");
    }
}
