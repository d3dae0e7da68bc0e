package dev.mmm.benchmarks;

import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.optimize.AllocationResult;
import dev.mmm.core.optimize.BudgetOptimizer;
import dev.mmm.core.optimize.BudgetProblem;
import dev.mmm.core.optimize.ChannelBound;
import dev.mmm.core.optimize.Objective;
import dev.mmm.core.optimize.PlanningWindow;
import dev.mmm.core.optimize.PosteriorDraws;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole budget optimisation as {@code mmm optimize} runs it: a 10-channel default model
 * (156 weeks), a 13-week window, 1000 posterior draws, two channels bounded;
 * from reading the draws to the result with its intervals (the current and optimal plans'
 * scenarios included). The draws are a cloud around the prior's centre, as a posterior's would
 * be around its mode; the cost does not depend on their values beyond the iteration count.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class BudgetOptimizerBenchmark {

    static final int CHANNELS = 10;
    static final int PERIODS = 13;
    static final int DRAWS = 1000;

    /** The objective ({@code --objective}): the smooth mean, and CVaR with its kinks. */
    @Param({"mean", "cvar:0.1"})
    public String objective;

    private BudgetProblem problem;

    @Setup
    public void setUp() {
        CompiledModel model = BenchmarkData.defaultModel(CHANNELS, 2).compile(BenchmarkData.forSize("156x" + CHANNELS,
                2, 1));
        double[] centre = new double[model.parameterCount()];
        model.constrain(new double[model.dimension()], centre);
        double[] u = new double[model.dimension()];
        model.unconstrain(centre, u);
        SplittableRandom random = new SplittableRandom(5);
        double[][] thetas = new double[DRAWS][model.parameterCount()];
        double[] moved = new double[u.length];
        for (double[] theta : thetas) {
            for (int i = 0; i < u.length; i++) {
                moved[i] = u[i] + 0.3 * (random.nextDouble() * 2 - 1);
            }
            model.constrain(moved, theta);
        }
        PlanningWindow window = PlanningWindow.future(model, PERIODS);
        double budget = 0.0;
        for (String c : window.channels()) {
            budget += window.referenceSpend(c);
        }
        problem = BudgetProblem.builder(window, PosteriorDraws.of(thetas)).budget(budget)
                .bound("ch1", ChannelBound.relative(0.5, 1.5)).bound("ch2", ChannelBound.absolute(0, 0.05 * budget))
                .objective(Objective.parse(objective)).build();
    }

    @Benchmark
    public AllocationResult optimize() {
        return BudgetOptimizer.optimize(problem);
    }
}
