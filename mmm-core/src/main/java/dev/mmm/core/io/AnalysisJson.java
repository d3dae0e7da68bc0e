package dev.mmm.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mmm.core.analysis.ChannelSummary;
import dev.mmm.core.analysis.ChannelTable;
import dev.mmm.core.analysis.FitMetrics;
import dev.mmm.core.analysis.Refresh;
import dev.mmm.core.analysis.Validation;
import dev.mmm.core.analysis.InputDiagnostics;
import dev.mmm.core.analysis.Interval;
import dev.mmm.core.analysis.Prediction;
import dev.mmm.core.analysis.SynergySummary;
import java.util.List;

/**
 * JSON of analysis results for tools ({@code mmm summary --json}, {@code mmm predict --json});
 * every field is documented in docs/analysis.md. An interval is {@code {"mean", "q05", "q50", "q95"}};
 * an undefined number (NaN, e.g. the ROAS of a channel with no spend in the window) is {@code null}.
 */
public final class AnalysisJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AnalysisJson() {
    }

    public static String summary(ChannelTable table, List<SynergySummary> synergies, String target) {
        return summary(table, synergies, null, target);
    }

    /** As above, with the input diagnostics of the window's data under {@code "inputs"} when given. */
    public static String summary(ChannelTable table, List<SynergySummary> synergies, InputDiagnostics inputs,
                                 String target) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("target", target);
        root.put("from", table.from().toString());
        root.put("to", table.to().toString());
        root.put("periods", table.periods());
        ArrayNode channels = root.putArray("channels");
        for (ChannelSummary c : table.channels()) {
            ObjectNode o = channels.addObject();
            o.put("channel", c.channel());
            interval(o.putObject("spend"), new Interval(c.spend(), c.spend(), c.spend(), c.spend()));
            interval(o.putObject("contribution"), c.contribution());
            interval(o.putObject("share"), c.share());
            interval(o.putObject("roas"), c.roas());
            interval(o.putObject("mroas"), c.mroas());
            interval(o.putObject("cost_per_unit"), c.costPerUnit());
        }
        ArrayNode syn = root.putArray("synergies");
        for (SynergySummary s : synergies) {
            ObjectNode o = syn.addObject();
            o.put("name", s.name());
            o.putArray("channels").add(s.channelA()).add(s.channelB());
            interval(o.putObject("contribution"), s.contribution());
            number(o, "probability_positive", s.probabilityPositive());
        }
        interval(root.putObject("baseline"), table.baseline());
        interval(root.putObject("media"), table.media());
        interval(root.putObject("total"), table.total());
        if (inputs != null) {
            inputs(root.putObject("inputs"), inputs);
        }
        return write(root);
    }

    public static String prediction(Prediction p) {
        ObjectNode root = MAPPER.createObjectNode();
        prediction(root, p);
        return write(root);
    }

    /**
     * A geo model's prediction: the national prediction's fields ({@code periods},
     * {@code coverage90}) and under {@code "geos"} one object per geo with its {@code "geo"} name
     * and the same fields; {@code geos.get(g)} names {@code perGeo.get(g)}.
     */
    public static String prediction(Prediction national, List<String> geos, List<Prediction> perGeo) {
        if (geos.size() != perGeo.size()) {
            throw new IllegalArgumentException(geos.size() + " geo names for " + perGeo.size() + " predictions");
        }
        ObjectNode root = MAPPER.createObjectNode();
        prediction(root, national);
        ArrayNode list = root.putArray("geos");
        for (int g = 0; g < geos.size(); g++) {
            ObjectNode o = list.addObject();
            o.put("geo", geos.get(g));
            prediction(o, perGeo.get(g));
        }
        return write(root);
    }

    private static void prediction(ObjectNode root, Prediction p) {
        ArrayNode periods = root.putArray("periods");
        for (int t = 0; t < p.dates().size(); t++) {
            ObjectNode o = periods.addObject();
            o.put("date", p.dates().get(t).toString());
            interval(o.putObject("mean"), p.mean().get(t));
            interval(o.putObject("predictive"), p.predictive().get(t));
            number(o, "observed", p.observed()[t]);
        }
        number(root, "coverage90", p.coverage90());
    }

    /** {@code validation.json} of {@code mmm fit --holdout N}. */
    public static String holdout(Validation.HoldoutResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("holdout_periods", r.outOfSample().periods());
        metrics(root.putObject("in_sample"), r.inSample());
        metrics(root.putObject("out_of_sample"), r.outOfSample());
        ArrayNode periods = root.putArray("holdout");
        Prediction p = r.prediction();
        for (int t = 0; t < p.dates().size(); t++) {
            ObjectNode o = periods.addObject();
            o.put("date", p.dates().get(t).toString());
            interval(o.putObject("predictive"), p.predictive().get(t));
            number(o, "observed", p.observed()[t]);
        }
        return write(root);
    }

    /** {@code drift.json} of {@code mmm refresh}. */
    public static String drift(Refresh.DriftReport drift, int oldPeriods, int newPeriods) {
        return write(driftNode(drift, oldPeriods, newPeriods));
    }

    /** The object of {@link #drift} (a geo refresh adds its per-geo rows to it). */
    public static ObjectNode driftNode(Refresh.DriftReport drift, int oldPeriods, int newPeriods) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("from", drift.from().toString());
        root.put("to", drift.to().toString());
        root.put("old_periods", oldPeriods);
        root.put("new_periods", newPeriods);
        ArrayNode channels = root.putArray("channels");
        for (Refresh.ChannelDrift c : drift.channels()) {
            ObjectNode o = channels.addObject();
            o.put("channel", c.channel());
            interval(o.putObject("old_roas"), c.oldRoas());
            interval(o.putObject("new_roas"), c.newRoas());
            interval(o.putObject("old_contribution"), c.oldContribution());
            interval(o.putObject("new_contribution"), c.newContribution());
            o.put("moved", c.moved());
        }
        ArrayNode moved = root.putArray("moved");
        drift.movedChannels().forEach(moved::add);
        return root;
    }

    /** Per column its statistics, every correlation, and the warnings. */
    public static void inputs(ObjectNode o, InputDiagnostics d) {
        o.put("periods", d.periods());
        ArrayNode columns = o.putArray("columns");
        for (InputDiagnostics.Column c : d.columns()) {
            ObjectNode n = columns.addObject();
            n.put("name", c.name());
            n.put("role", c.role());
            number(n, "mean", c.mean());
            number(n, "sd", c.sd());
            number(n, "coefficient_of_variation", c.coefficientOfVariation());
            number(n, "zero_share", c.zeroShare());
            number(n, "vif", c.vif());
            n.put("constant", c.constant());
        }
        ArrayNode correlations = o.putArray("correlations");
        for (InputDiagnostics.Correlation c : d.correlations()) {
            ObjectNode n = correlations.addObject();
            n.put("first", c.first());
            n.put("second", c.second());
            number(n, "pearson", c.pearson());
        }
        ArrayNode warnings = o.putArray("warnings");
        d.warnings().forEach(warnings::add);
    }

    private static void metrics(ObjectNode o, FitMetrics m) {
        o.put("periods", m.periods());
        number(o, "r2", m.r2());
        number(o, "mape", m.mape());
        number(o, "nrmse", m.nrmse());
        number(o, "crps", m.crps());
        number(o, "coverage90", m.coverage());
        ArrayNode w = o.putArray("warnings");
        m.warnings().forEach(w::add);
    }

    /** {@code {"mean", "q05", "q50", "q95"}} into {@code o}. */
    public static void interval(ObjectNode o, Interval i) {
        number(o, "mean", i.mean());
        number(o, "q05", i.q05());
        number(o, "q50", i.q50());
        number(o, "q95", i.q95());
    }

    /** A number, or {@code null} when it is not finite (JSON has no NaN). */
    public static void number(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
