package dev.mmm.core.optimize;

import dev.mmm.core.analysis.Interval;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mmm.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The JSON of {@code mmm optimize} and {@code mmm scenario} (every field in
 * {@code docs/optimize.md}). Money and target amounts are per period of the window (window totals
 * divided by its length); ratios (ROAS, marginal ROAS) are unitless. A number that is undefined
 * or infinite (a ROAS at zero spend, an infinite slope at zero spend, an unbounded upper bound)
 * is written as {@code null}.
 */
public final class OptimizeJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OptimizeJson() {
    }

    /** The allocation answer: {@code allocation}, {@code expected}, {@code uplift}, {@code mroas} and context. */
    public static String toJson(AllocationResult r) {
        double per = r.periods();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("periods", r.periods());
        number(root, "budget", r.budget() / per);
        root.put("budget_rule", r.budgetRule());
        root.put("objective", r.objective());
        ObjectNode objective = root.putObject("objective_value");
        number(objective, "current", r.objectiveValue().current() / per);
        number(objective, "optimal", r.objectiveValue().optimal() / per);
        ArrayNode allocation = root.putArray("allocation");
        for (AllocationResult.ChannelAllocation a : r.allocation()) {
            ObjectNode o = allocation.addObject();
            o.put("channel", a.channel());
            if (a.geo() != null) {
                o.put("geo", a.geo());
            }
            number(o, "current", a.current() / per);
            number(o, "optimal", a.optimal() / per);
            number(o, "change", a.change() / per);
            number(o, "lower", a.lower() / per);
            number(o, "upper", a.upper() / per);
            o.put("bound", a.bound());
            o.put("at_bound", a.atBound());
        }
        ObjectNode expected = root.putObject("expected");
        outcome(expected.putObject("current"), r.current(), per);
        outcome(expected.putObject("optimal"), r.optimal(), per);
        interval(root.putObject("uplift"), r.uplift(), per);
        ArrayNode mroas = root.putArray("mroas");
        for (AllocationResult.ChannelMarginal m : r.mroas()) {
            ObjectNode o = mroas.addObject();
            o.put("channel", m.channel());
            if (m.geo() != null) {
                o.put("geo", m.geo());
            }
            interval(o, m.mroas(), 1.0);
        }
        ArrayNode warnings = root.putArray("warnings");
        r.warnings().forEach(warnings::add);
        ObjectNode search = root.putObject("search");
        search.put("iterations", r.search().iterations());
        search.put("evaluations", r.search().evaluations());
        search.put("converged", r.search().converged());
        return write(root);
    }

    /** One or two plans: each plan's outcome, and if {@code other} is not null the difference {@code plan - other}. */
    public static String toJson(ScenarioOutcome plan, ScenarioOutcome other, ScenarioComparison difference,
                                int periods) {
        return toJson(plan, other, difference, periods, null);
    }

    /**
     * As {@link #toJson(ScenarioOutcome, ScenarioOutcome, ScenarioComparison, int)}; with a geo
     * window each spend entry names its {@code channel} and {@code geo} (the keys of
     * {@code channels} stay the units, {@code channel[geo]}).
     */
    public static String toJson(ScenarioOutcome plan, ScenarioOutcome other, ScenarioComparison difference,
                                PlanWindow window) {
        return toJson(plan, other, difference, window.periods(), window);
    }

    private static String toJson(ScenarioOutcome plan, ScenarioOutcome other, ScenarioComparison difference,
                                 int periods, PlanWindow window) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("periods", periods);
        scenario(root.putObject("plan"), plan, periods, window);
        if (other != null) {
            scenario(root.putObject("baseline"), other, periods, window);
        }
        if (difference != null) {
            ObjectNode d = root.putObject("difference");
            interval(d.putObject("expected_target"), difference.expectedTarget(), periods);
            interval(d.putObject("incremental"), difference.incremental(), periods);
            ObjectNode channels = d.putObject("channels");
            difference.channelIncremental().forEach((k, v) -> interval(channels.putObject(k), v, periods));
            number(d, "probability_higher", difference.probabilityHigher());
        }
        return write(root);
    }

    public static void write(Path file, AllocationResult r) throws IOException {
        AtomicFiles.writeString(file, toJson(r));
    }

    private static void scenario(ObjectNode o, ScenarioOutcome s, int periods, PlanWindow window) {
        ArrayNode spend = o.putArray("spend");
        for (Map.Entry<String, double[]> e : s.plan().asMap().entrySet()) {
            ObjectNode c = spend.addObject();
            String geo = window == null ? null : window.geoOf(e.getKey());
            c.put("channel", geo == null ? e.getKey() : window.channelOf(e.getKey()));
            if (geo != null) {
                c.put("geo", geo);
            }
            number(c, "total", s.plan().total(e.getKey()) / periods);
            ArrayNode per = c.putArray("per_period");
            for (double v : e.getValue()) {
                per.add(v);
            }
        }
        interval(o.putObject("expected_target"), s.expectedTarget(), periods);
        interval(o.putObject("predicted_target"), s.predictedTarget(), periods);
        interval(o.putObject("incremental"), s.incremental(), periods);
        Interval roas = s.roas();
        if (roas == null) {
            o.putNull("roas");
        } else {
            interval(o.putObject("roas"), roas, 1.0);
        }
        ObjectNode channels = o.putObject("channels");
        s.channelIncremental().forEach((k, v) -> interval(channels.putObject(k), v, periods));
    }

    private static void outcome(ObjectNode o, AllocationResult.PlanOutcome p, double per) {
        interval(o.putObject("incremental"), p.incremental(), per);
        if (p.roas() == null) {
            o.putNull("roas");
        } else {
            interval(o.putObject("roas"), p.roas(), 1.0);
        }
        interval(o.putObject("target"), p.target(), per);
    }

    private static void interval(ObjectNode o, Interval i, double divisor) {
        number(o, "mean", i.mean() / divisor);
        number(o, "q05", i.q05() / divisor);
        number(o, "q50", i.q50() / divisor);
        number(o, "q95", i.q95() / divisor);
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers and strings always serialises", e);
        }
    }
}
