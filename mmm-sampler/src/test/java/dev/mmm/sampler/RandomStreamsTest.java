package dev.mmm.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    @Test
    void neighbouringStreamsStartFarApart() {
        double[] first = new double[50];
        for (int k = 0; k < first.length; k++) {
            first[k] = RandomStreams.of(7, k).nextDouble();
        }
        double closest = 1;
        for (int i = 0; i < first.length; i++) {
            for (int j = i + 1; j < first.length; j++) {
                closest = Math.min(closest, Math.abs(first[i] - first[j]));
            }
        }
        // 50 uniforms: the closest pair is about 1 / 50^2 apart; 1e-6 would be a one-in-a-thousand event.
        assertThat(closest).isGreaterThan(1e-6);
        // The raw state {seed, k} is what this replaces: its first outputs are nearly equal.
        UniformRandomProvider a = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {7, 1});
        UniformRandomProvider b = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {7, 2});
        assertThat(Math.abs(a.nextDouble() - b.nextDouble())).isLessThan(1e-12);
    }

    @Test
    void aStreamIsReproducible() {
        assertThat(RandomStreams.of(3, 5).nextLong()).isEqualTo(RandomStreams.of(3, 5).nextLong());
        assertThat(RandomStreams.of(3, 5).nextLong()).isNotEqualTo(RandomStreams.of(3, 6).nextLong());
    }
}
