package dev.mmm.core.geo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mmm.core.analysis.Decomposition;
import dev.mmm.core.analysis.Interval;
import dev.mmm.core.analysis.Window;
import dev.mmm.core.io.AnalysisJson;
import dev.mmm.core.io.FitSummary;
import java.util.List;

/**
 * The JSON objects of a geo fit's analysis, shared by geo.json ({@link GeoFit#analysisJson()}) and
 * {@code mmm summary --json} of a geo fit ({@link #summary}): a ROAS row, a decomposition's totals,
 * a response curve, a geo's fit. Intervals are {@code {"mean", "q05", "q50", "q95"}}; an undefined
 * number (NaN, e.g. the ROAS of a channel without spend in the window) is {@code null}.
 */
public final class GeoJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GeoJson() {
    }

    /**
     * {@code mmm summary --json} of a geo fit over one window: the target, the window, the geos,
     * the sampler's diagnostics (from the fit's summary.json), the national ROAS rows and
     * decomposition, and per geo its ROAS rows, decomposition and fit (observed and predicted
     * total, R^2 over the window's periods).
     */
    public static String summary(GeoFit fit, Window window, FitSummary sampler) {
        GeoAnalysis a = fit.analysis();
        GeoModel model = fit.model();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("target", model.spec().base().targetColumn());
        root.put("from", model.dates()[window.from()].toString());
        root.put("to", model.dates()[window.to() - 1].toString());
        root.put("periods", window.rows());
        ArrayNode geoNames = root.putArray("geos");
        model.geos().forEach(geoNames::add);
        root.set("sampler", sampler(sampler));
        GeoAnalysis.Roas roas = a.roas(window);
        GeoAnalysis.GeoDecomposition dec = a.decomposition(window, false);
        List<GeoAnalysis.GeoFitSummary> fits = a.geoFits(window);
        ObjectNode national = root.putObject("national");
        ArrayNode nationalRoas = national.putArray("roas");
        roas.national().forEach(r -> nationalRoas.add(roas(r)));
        national.set("decomposition", decomposition(dec.national()));
        ArrayNode perGeo = root.putArray("per_geo");
        for (int g = 0; g < model.geoCount(); g++) {
            String geo = model.geos().get(g);
            ObjectNode o = perGeo.addObject();
            o.put("geo", geo);
            ArrayNode rows = o.putArray("roas");
            for (GeoAnalysis.ChannelRoas r : roas.perGeo()) {
                if (r.geo().equals(geo)) {
                    rows.add(roas(r));
                }
            }
            o.set("decomposition", decomposition(dec.of(geo)));
            o.set("fit", geoFit(fits.get(g)));
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers and strings always serialises", e);
        }
    }

    /**
     * The sampler's diagnostics: chains, warm-up and draws, divergences, max-treedepth hits, the
     * largest R-hat and the smallest bulk and tail ESS over every output with the output's name,
     * the fit's warnings.
     */
    static ObjectNode sampler(FitSummary s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("chains", s.chains());
        o.put("warmup", s.warmup());
        o.put("draws", s.draws());
        o.put("divergences", s.divergences());
        o.put("max_treedepth_hits", s.maxTreedepthHits());
        o.put("complete", s.complete());
        worst(o, "max_rhat", s, FitSummary.Parameter::rhat, true);
        worst(o, "min_ess_bulk", s, FitSummary.Parameter::essBulk, false);
        worst(o, "min_ess_tail", s, FitSummary.Parameter::essTail, false);
        ArrayNode warnings = o.putArray("warnings");
        s.warnings().forEach(warnings::add);
        return o;
    }

    /** {@code {"value", "parameter"}}: the largest (or smallest) finite value of one statistic and whose it is. */
    private static void worst(ObjectNode into, String key, FitSummary s,
                              java.util.function.ToDoubleFunction<FitSummary.Parameter> stat, boolean largest) {
        FitSummary.Parameter worst = worstParameter(s, stat, largest);
        ObjectNode o = into.putObject(key);
        if (worst == null) {
            o.putNull("value");
            o.putNull("parameter");
        } else {
            o.put("value", stat.applyAsDouble(worst));
            o.put("parameter", worst.name());
        }
    }

    /** The parameter with the largest (or smallest) finite value of {@code stat}, or null when none is finite. */
    public static FitSummary.Parameter worstParameter(FitSummary s,
                                                      java.util.function.ToDoubleFunction<FitSummary.Parameter> stat,
                                                      boolean largest) {
        FitSummary.Parameter worst = null;
        for (FitSummary.Parameter p : s.parameters()) {
            double v = stat.applyAsDouble(p);
            if (Double.isFinite(v) && (worst == null
                    || (largest ? v > stat.applyAsDouble(worst) : v < stat.applyAsDouble(worst)))) {
                worst = p;
            }
        }
        return worst;
    }

    /** A ROAS row: channel, geo (absent nationally), spend, incremental target, ROAS and marginal ROAS. */
    public static ObjectNode roas(GeoAnalysis.ChannelRoas r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("channel", r.channel());
        if (r.geo() != null) {
            o.put("geo", r.geo());
        }
        AnalysisJson.number(o, "spend", r.spend());
        o.set("incremental", interval(r.incremental()));
        o.set("roas", interval(r.roas()));
        o.set("mroas", interval(r.mroas()));
        return o;
    }

    /** A decomposition's totals: the prediction, baseline and media, and each part's total and share. */
    public static ObjectNode decomposition(Decomposition d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.set("prediction", interval(d.prediction().total()));
        o.set("baseline", part(d.baseline()));
        o.set("media", part(d.media()));
        ArrayNode parts = o.putArray("parts");
        for (Decomposition.Series s : d.parts()) {
            ObjectNode p = parts.addObject();
            p.put("name", s.name());
            p.put("media", s.media());
            p.setAll(part(s));
        }
        return o;
    }

    private static ObjectNode part(Decomposition.Series s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.set("total", interval(s.total()));
        o.set("share", interval(s.share()));
        return o;
    }

    /** A response curve: channel, geo (absent nationally), current spend, and per point spend, response and mROAS. */
    public static ObjectNode curve(GeoAnalysis.GeoResponseCurve c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("channel", c.curve().channel());
        if (c.geo() != null) {
            o.put("geo", c.geo());
        }
        o.put("current_spend", c.curve().currentSpend());
        ArrayNode points = o.putArray("points");
        for (int j = 0; j < c.curve().multipliers().length; j++) {
            ObjectNode p = points.addObject();
            p.put("multiplier", c.curve().multipliers()[j]);
            p.put("spend", c.curve().spend()[j]);
            p.set("response", interval(c.curve().response().get(j)));
            p.set("mroas", interval(c.curve().marginalRoas().get(j)));
        }
        return o;
    }

    /** A geo's fit: its name, observed total, predicted total and R^2. */
    public static ObjectNode geoFit(GeoAnalysis.GeoFitSummary f) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("geo", f.geo());
        AnalysisJson.number(o, "observed_total", f.observedTotal());
        o.set("predicted_total", interval(f.predictedTotal()));
        AnalysisJson.number(o, "r_squared", f.rSquared());
        return o;
    }

    /** {@code {"mean", "q05", "q50", "q95"}}. */
    public static ObjectNode interval(Interval i) {
        ObjectNode o = MAPPER.createObjectNode();
        AnalysisJson.interval(o, i);
        return o;
    }
}
