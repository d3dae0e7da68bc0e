package dev.mmm.sampler;

/**
 * Told after every iteration of every chain. Called from the chains' threads, possibly
 * concurrently, so implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * @param chain            chain index, from 0
     * @param iteration        iterations this chain has finished in this phase, from 1
     * @param phase            warm-up or sampling
     * @param divergencesSoFar divergent transitions of this chain in this phase so far
     */
    void onIteration(int chain, int iteration, Phase phase, int divergencesSoFar);
}
