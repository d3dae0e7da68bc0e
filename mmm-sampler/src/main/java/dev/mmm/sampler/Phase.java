package dev.mmm.sampler;

/** Which part of a chain's run an iteration belongs to. */
public enum Phase {
    WARMUP,
    SAMPLING
}
