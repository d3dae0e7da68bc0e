package dev.mmm.core.analysis;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.posterior.Posterior;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.diagnostics.ParameterSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Does the model predict weeks it has not seen? A holdout of the last periods, rolling-origin
 * time-slice cross-validation, and PSIS-LOO of a fit.
 */
public final class Validation {

    private Validation() {
    }

    /**
     * In-sample metrics of {@code fit} on its own rows and out-of-sample metrics on
     * {@code heldOut} (the periods right after them, target included), from predictive draws.
     *
     * @param prediction the predictive distribution of the held-out periods
     */
    public record HoldoutResult(FitMetrics inSample, FitMetrics outOfSample, Prediction prediction) {
    }

    public static HoldoutResult holdout(MmmFit fit, Dataset heldOut, long seed) {
        PosteriorAnalysis analysis = PosteriorAnalysis.of(fit);
        String target = fit.spec().targetColumn();
        Prediction inside = analysis.fitted(seed, true);
        Prediction outside = analysis.predict(heldOut, seed, true);
        FitMetrics in = FitMetrics.of(fit.model().source().column(target), inside.draws());
        FitMetrics out = FitMetrics.of(heldOut.column(target), outside.draws());
        return new HoldoutResult(in, out, new Prediction(outside.dates(), outside.mean(), outside.predictive(),
                outside.observed(), null));
    }

    /** PSIS-LOO of a fit's training rows (chains cut to the shortest one with draws). */
    public static PsisLoo loo(MmmFit fit) {
        return loo(fit.posterior(), PosteriorAnalysis.of(fit).pointwiseLogLikelihood());
    }

    /**
     * PSIS-LOO of a pointwise log likelihood {@code [draw][observation]} over every draw of
     * {@code posterior} (chain after chain): chains without draws are left out and the others cut
     * to the shortest one, since r_eff needs chains of equal length.
     */
    public static PsisLoo loo(Posterior posterior, double[][] logLik) {
        if (logLik.length != posterior.drawCount()) {
            throw new IllegalArgumentException("the log-likelihood matrix has " + logLik.length
                    + " draws, the posterior " + posterior.drawCount());
        }
        List<Integer> used = posterior.chainsWithDraws();
        int shortest = Integer.MAX_VALUE;
        for (int c : used) {
            shortest = Math.min(shortest, posterior.drawsPerChain()[c]);
        }
        double[][] equal = new double[used.size() * shortest][];
        int k = 0;
        for (int c : used) {
            for (int d = 0; d < shortest; d++) {
                equal[k++] = logLik[posterior.chainStart(c) + d];
            }
        }
        return PsisLoo.computeForChains(equal, used.size());
    }

    /**
     * One fold of a rolling-origin cross-validation.
     *
     * @param trainRows     the fold was fitted on rows {@code [0, trainRows)}
     * @param firstTestDate first predicted period
     * @param outOfSample   metrics on the next {@code horizon} periods
     * @param parameters    the fold's posterior summary of every parameter
     */
    public record Fold(int trainRows, LocalDate firstTestDate, FitMetrics outOfSample, List<ParameterSummary> parameters) {
    }

    /**
     * How much a parameter's posterior mean moves between folds, against its posterior sd:
     * {@code sdOfMeans / meanSd} well below 1 means the data pin it down the same way in every
     * fold; near or above 1, the estimate depends on which weeks were seen.
     */
    public record Stability(String parameter, double meanOfMeans, double sdOfMeans, double meanSd, double ratio) {
    }

    public record CrossValidation(List<Fold> folds, List<Stability> stability) {
    }

    /**
     * Rolling-origin time-slice cross-validation: fold k (k = 1..folds) fits the rows before
     * {@code rows - (folds - k + 1) * horizon} and predicts the {@code horizon} rows after them,
     * carry-over from the fold's own training tail. Each fold uses {@code settings} as given.
     */
    public static CrossValidation rollingOrigin(ModelSpec spec, Dataset data, SamplerSettings settings, int folds,
                                                int horizon, long seed) {
        if (folds < 1 || horizon < 1) {
            throw new IllegalArgumentException("folds and horizon must be at least 1, got " + folds + " and " + horizon);
        }
        int firstTrain = data.rows() - folds * horizon;
        if (firstTrain < 2 * horizon) {
            throw new IllegalArgumentException(folds + " folds of " + horizon + " periods leave " + firstTrain
                    + " rows for the first fold's fit, of " + data.rows() + "; use fewer folds or a shorter horizon");
        }
        List<Fold> out = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            int train = firstTrain + k * horizon;
            Dataset trainRows = data.slice(0, train);
            Dataset testRows = data.slice(train, train + horizon);
            MmmFit fit = Mmm.fit(spec, trainRows, settings);
            Prediction p = PosteriorAnalysis.of(fit).predict(testRows, seed, true);
            FitMetrics metrics = FitMetrics.of(testRows.column(spec.targetColumn()), p.draws());
            out.add(new Fold(train, testRows.date(0), metrics, fit.summary()));
        }
        List<Stability> stability = new ArrayList<>();
        List<ParameterSummary> first = out.get(0).parameters();
        for (int i = 0; i < first.size(); i++) {
            double[] means = new double[folds];
            double sdSum = 0;
            for (int k = 0; k < folds; k++) {
                ParameterSummary p = out.get(k).parameters().get(i);
                means[k] = p.mean();
                sdSum += p.sd();
            }
            double mean = 0;
            for (double m : means) {
                mean += m;
            }
            mean /= folds;
            double ss = 0;
            for (double m : means) {
                ss += (m - mean) * (m - mean);
            }
            double sdOfMeans = folds > 1 ? Math.sqrt(ss / (folds - 1)) : 0.0;
            double meanSd = sdSum / folds;
            stability.add(new Stability(first.get(i).name(), mean, sdOfMeans, meanSd, sdOfMeans / meanSd));
        }
        return new CrossValidation(out, stability);
    }
}
