package dev.mmm.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** PSIS-LOO on cases whose answer is known without R. */
class PsisLooTest {

    /**
     * y_i ~ N(mu, 1) with a flat prior: the posterior is mu ~ N(ybar, 1/n), and leaving y_i out
     * gives the predictive N(ybar_-i, 1 + 1/(n-1)), so exact LOO is in closed form.
     */
    @Test
    void matchesExactLooOfAGaussianModelWithinMonteCarloError() {
        SplittableRandom random = new SplittableRandom(21);
        int n = 20;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 3 + random.nextGaussian();
        }
        double ybar = LooTestData.mean(y);
        int draws = 4000;
        double[][] ll = new double[draws][n];
        for (int s = 0; s < draws; s++) {
            double mu = ybar + random.nextGaussian() / Math.sqrt(n);
            for (int i = 0; i < n; i++) {
                ll[s][i] = LooTestData.normalLogDensity(y[i], mu, 1);
            }
        }
        PsisLoo loo = PsisLoo.computeForChains(ll, 4);

        double exactElpd = 0;
        double exactPLoo = 0;
        for (int i = 0; i < n; i++) {
            double leaveOutMean = (n * ybar - y[i]) / (n - 1);
            double exactI = LooTestData.normalLogDensity(y[i], leaveOutMean, Math.sqrt(1 + 1.0 / (n - 1)));
            double exactLpdI = LooTestData.normalLogDensity(y[i], ybar, Math.sqrt(1 + 1.0 / n));
            exactElpd += exactI;
            exactPLoo += exactLpdI - exactI;
            // four Monte Carlo standard errors, plus the PSIS bias allowance of a k < 0.5 case
            assertThat(loo.pointwiseElpdLoo()[i]).as("observation %d", i + 1)
                    .isCloseTo(exactI, within(4 * loo.pointwiseMcseElpdLoo()[i] + 2e-3));
        }
        assertThat(loo.elpdLoo().value()).isCloseTo(exactElpd, within(4 * loo.mcseElpdLoo() + 0.01));
        // p_loo of a one-parameter model is about 1
        assertThat(loo.pLoo().value()).isCloseTo(exactPLoo, within(4 * loo.mcseElpdLoo() + 0.01));
        assertThat(exactPLoo).isCloseTo(1, within(0.2));
        assertThat(loo.looic().value()).isEqualTo(-2 * loo.elpdLoo().value());
        assertThat(loo.paretoKSummary().good()).isEqualTo(n);
        assertThat(loo.warnings()).isEmpty();
        // independent draws: r_eff near 1
        assertThat(Arrays.stream(loo.rEff()).boxed().toList()).allSatisfy(r -> assertThat(r).isCloseTo(1, within(0.15)));
    }

    /** Ratios that are Pareto with shape k: log r = -k log U. The fitted k comes back. */
    @Test
    void paretoKOfParetoDistributedRatiosIsTheirShape() {
        SplittableRandom random = new SplittableRandom(22);
        int draws = 16000;
        for (double shape : new double[] {0.2, 0.9}) {
            double[][] ll = new double[draws][1];
            for (int s = 0; s < draws; s++) {
                ll[s][0] = shape * Math.log(1 - random.nextDouble());
            }
            PsisLoo loo = PsisLoo.computeWithRelativeEfficiency(ll, new double[] {1});
            // tail of 3 sqrt(S) = 380 draws: se of k about (1 + k) / sqrt(380) < 0.1
            assertThat(loo.tailLength()[0]).isEqualTo(380);
            assertThat(loo.paretoK()[0]).as("shape %s", shape).isCloseTo(shape, within(0.2));
        }
    }

    @Test
    void generalizedParetoFitRecoversShapeAndScale() {
        SplittableRandom random = new SplittableRandom(23);
        int n = 20000;
        double k = 0.4;
        double sigma = 2;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sigma * (Math.pow(1 - random.nextDouble(), -k) - 1) / k;
        }
        Arrays.sort(x);
        GeneralizedParetoFit fit = GeneralizedParetoFit.fit(x);
        // standard errors at n = 20000: about 0.01 for k and 0.02 for sigma
        assertThat(fit.k()).isCloseTo(k, within(0.05));
        assertThat(fit.sigma()).isCloseTo(sigma, within(0.1));
        // the quantile is the inverse of the CDF 1 - (1 + k x / sigma)^(-1/k)
        double q = fit.quantile(0.9);
        assertThat(1 - Math.pow(1 + fit.k() * q / fit.sigma(), -1 / fit.k())).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void heavyTailsAreNamedInThePlainWordsWarning() {
        SplittableRandom random = new SplittableRandom(12);
        double[] y = LooTestData.data(random, 30, 4);
        double[][] ll = LooTestData.normalLogLik(random, y, 4, 250, LooTestData.mean(y), 0.18, 0.12, 0);
        PsisLoo loo = PsisLoo.computeForChains(ll, 4);
        PsisLoo.ParetoKSummary summary = loo.paretoKSummary();
        assertThat(summary.good() + summary.ok() + summary.bad() + summary.veryBad()).isEqualTo(34);
        // the four outliers (observations 31..34) are among the bad ones
        assertThat(summary.badObservations()).contains(31, 32, 33, 34);
        assertThat(loo.warnings().get(0))
                .startsWith(summary.badObservations().length + " of 34 observations (")
                .contains("31, 32, 33, 34) have Pareto k above 0.7")
                .contains("K-fold");
        assertThat(loo.mcseElpdLoo()).isNaN();
    }

    @Test
    void sampleSizeThresholdOfLoo26() {
        assertThat(PsisLoo.sampleSizeThreshold(1000)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(PsisLoo.sampleSizeThreshold(100)).isCloseTo(0.5, within(1e-15));
        assertThat(PsisLoo.sampleSizeThreshold(100_000)).isEqualTo(0.7);
    }

    @Test
    void kBetweenTheSampleSizeThresholdAndZeroPointSevenIsWarnedAbout() {
        // with S = 200 the threshold is 1 - 1/log10(200) = 0.565; ratios at the 200 evenly spaced
        // quantiles of a Pareto of shape 0.68 (the prior pulls the 40-draw tail fit towards 0.5)
        int draws = 200;
        double[][] ll = new double[draws][1];
        for (int s = 0; s < draws; s++) {
            ll[s][0] = 0.68 * Math.log(1 - (s + 0.5) / draws);
        }
        PsisLoo loo = PsisLoo.computeWithRelativeEfficiency(ll, new double[] {1});
        double k = loo.paretoK()[0];
        assertThat(k).isBetween(0.565, 0.7);
        assertThat(loo.paretoKSummary().aboveSampleSizeThreshold()).isEqualTo(1);
        assertThat(loo.warnings()).singleElement().asString()
                .contains("1 of 1 observation has Pareto k between 0.57 and 0.7: with only 200 draws");
    }

    @Test
    void flatAndShortTailsGiveInfiniteKAndSayWhy() {
        double[][] constant = new double[100][1];
        for (double[] draw : constant) {
            draw[0] = -1.5;
        }
        PsisLoo flat = PsisLoo.computeWithRelativeEfficiency(constant, new double[] {1});
        assertThat(flat.paretoK()[0]).isInfinite();
        assertThat(flat.pointwiseElpdLoo()[0]).isCloseTo(-1.5, within(1e-12));
        assertThat(flat.pointwisePLoo()[0]).isCloseTo(0, within(1e-12));
        assertThat(flat.warnings().get(0)).startsWith("All tail draws are equal for 1 of 1 observation (1)");

        double[][] few = new double[10][2];
        for (int s = 0; s < 10; s++) {
            few[s][0] = -s;
            few[s][1] = -2 * s;
        }
        PsisLoo shortTail = PsisLoo.computeWithRelativeEfficiency(few, new double[] {1, 1});
        assertThat(shortTail.tailLength()).containsExactly(2, 2);
        assertThat(shortTail.warnings().get(0)).startsWith("Too few draws to fit the Pareto tail");
    }

    @Test
    void relativeEfficiencyOfAutocorrelatedChains() {
        // AR(1) with phi = 0.5 has integrated autocorrelation time (1 + phi) / (1 - phi) = 3
        SplittableRandom random = new SplittableRandom(25);
        double phi = 0.5;
        double[][] chains = new double[4][5000];
        for (double[] chain : chains) {
            chain[0] = random.nextGaussian();
            for (int s = 1; s < chain.length; s++) {
                chain[s] = phi * chain[s - 1] + Math.sqrt(1 - phi * phi) * random.nextGaussian();
            }
        }
        assertThat(RelativeEfficiency.ess(chains) / 20000).isCloseTo(1.0 / 3, within(0.03));
        double[][] independent = new double[4][5000];
        for (double[] chain : independent) {
            for (int s = 0; s < chain.length; s++) {
                chain[s] = random.nextGaussian();
            }
        }
        assertThat(RelativeEfficiency.ess(independent) / 20000).isCloseTo(1, within(0.08));
    }

    @Test
    void nextSmoothSizeIsLoosFftGoodSize() {
        assertThat(RelativeEfficiency.nextSmoothSize(1)).isEqualTo(2);
        assertThat(RelativeEfficiency.nextSmoothSize(7)).isEqualTo(8);
        assertThat(RelativeEfficiency.nextSmoothSize(317)).isEqualTo(320);
        assertThat(RelativeEfficiency.nextSmoothSize(1000)).isEqualTo(1000);
        assertThat(RelativeEfficiency.nextSmoothSize(1001)).isEqualTo(1024);
    }

    @Test
    void badInputNamesTheDrawObservationOrChain() {
        double[][] ll = new double[8][3];
        ll[4][2] = Double.NaN;
        assertThatThrownBy(() -> PsisLoo.computeForChains(ll, 2))
                .hasMessage("log-likelihood is NaN at draw 5, observation 3; every value must be finite");
        double[][] ok = new double[9][3];
        assertThatThrownBy(() -> PsisLoo.computeForChains(ok, 2))
                .hasMessage("9 draws cannot be split into 2 chains of equal length");
        assertThatThrownBy(() -> PsisLoo.compute(ok, new int[] {1, 1, 1, 1, 2, 2, 2, 2, 2}))
                .hasMessageStartingWith("chain 2 has 5 draws, chain 1 has 4");
        assertThatThrownBy(() -> PsisLoo.compute(ok, new int[] {1, 1, 1}))
                .hasMessage("chain ids: 3 given for 9 draws; give one per draw");
        assertThatThrownBy(() -> PsisLoo.computeWithRelativeEfficiency(ok, new double[] {1, 0, 1}))
                .hasMessage("r_eff of observation 2 is 0.0; it must be positive and finite");
    }
}
