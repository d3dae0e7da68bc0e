package dev.mmm.sampler;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Reproducible, well-separated random streams from one seed: stream {@code k} of seed {@code s}
 * is a xoroshiro128++ generator whose state is SplitMix64-mixed from both. Passing small numbers
 * such as {@code {seed, k}} straight in as the generator's state would not do: nearby states
 * give nearly equal first outputs (about 1e-14 apart for k = 0..4).
 */
public final class RandomStreams {

    private RandomStreams() {
    }

    /** Stream {@code stream} of {@code seed}: the same pair always gives the same sequence. */
    public static UniformRandomProvider of(long seed, long stream) {
        long s0 = splitMix64(seed ^ 0x9E3779B97F4A7C15L * (stream + 1L));
        long s1 = splitMix64(s0 + seed);
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {s0, s1});
    }

    static long splitMix64(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
