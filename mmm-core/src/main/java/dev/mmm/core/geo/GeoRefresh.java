package dev.mmm.core.geo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mmm.core.analysis.Decomposition;
import dev.mmm.core.analysis.Interval;
import dev.mmm.core.analysis.Refresh;
import dev.mmm.core.analysis.Window;
import dev.mmm.core.data.DataException;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.AnalysisJson;
import dev.mmm.sampler.CancellationToken;
import dev.mmm.sampler.ProgressListener;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.WarmStart;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refitting a geo model when new periods arrive, warm-started from the previous geo fit, as
 * {@link Refresh} does for national fits: the panel must hold the old fit's geos, columns and
 * periods unchanged plus new periods; each chain starts where the old fit's chain ended (its
 * values mapped into the new model's coordinates: the same parameter names, new scales) with its
 * step size and metric; then the drift of national ROAS and contribution, and per-geo ROAS, over
 * the old fit's periods.
 */
public final class GeoRefresh {

    private GeoRefresh() {
    }

    /**
     * Reads the panel of a refresh from {@code file}: the old fit's date and geo columns and every
     * column of its panel (target, channels, controls, population), checked by {@link #checkPanel}.
     */
    public static GeoData readPanel(Path file, GeoFit previous) throws IOException {
        GeoModel old = previous.model();
        GeoData panel = GeoData.read(file, old.spec().base().dateColumn(), old.spec().geoColumn(),
                old.data().columnNames());
        return checkPanel(file.toString(), old.data(), panel);
    }

    /**
     * {@code panel} with its geos in the old panel's order, once checked: every old geo and no
     * other, more periods than the old panel, its first periods the old ones with every old value
     * unchanged. A difference is a {@link DataException} of one line starting with {@code source}
     * and naming the geo, date and column.
     */
    public static GeoData checkPanel(String source, GeoData old, GeoData panel) {
        String geoColumn = old.geoColumn();
        for (String g : old.geos()) {
            if (!panel.geos().contains(g)) {
                throw new DataException(source + ": no rows for geo '" + g + "' (column '" + geoColumn
                        + "'); a refresh needs every geo of the old fit (" + String.join(", ", old.geos()) + ")");
            }
        }
        for (String g : panel.geos()) {
            if (!old.geos().contains(g)) {
                throw new DataException(source + ": geo '" + g + "' (column '" + geoColumn + "') is not a geo of the"
                        + " old fit (" + String.join(", ", old.geos()) + "); a refresh cannot add geos: fit the panel"
                        + " anew with 'mmm fit-geo'");
            }
        }
        LocalDate[] before = old.dates();
        LocalDate[] now = panel.dates();
        if (now.length <= before.length) {
            throw new DataException(source + ": has " + now.length + " periods, no more than the old fit's "
                    + before.length + "; a refresh needs the old periods plus new ones");
        }
        for (int t = 0; t < before.length; t++) {
            if (!now[t].equals(before[t])) {
                throw new DataException(source + ": period " + (t + 1) + " is " + now[t] + " but the old fit's is "
                        + before[t] + "; a refresh needs the old fit's periods (" + before[0] + " to "
                        + before[before.length - 1] + ") first, then the new ones");
            }
        }
        List<Dataset> ordered = new ArrayList<>();
        for (int g = 0; g < old.geoCount(); g++) {
            String geo = old.geos().get(g);
            Dataset was = old.geo(g);
            Dataset is = panel.geo(panel.geos().indexOf(geo));
            for (String column : was.columnNames()) {
                double[] a = was.column(column);
                double[] b = is.column(column);
                for (int t = 0; t < before.length; t++) {
                    if (Double.compare(a[t], b[t]) != 0) {
                        throw new DataException(source + ": geo '" + geo + "', date " + before[t] + ", column '" + column
                                + "': " + b[t] + " is not the old fit's " + a[t] + "; a refresh keeps the old periods"
                                + " as they were (fit anew with 'mmm fit-geo' if they were revised)");
                    }
                }
            }
            ordered.add(is);
        }
        return GeoData.of(panel.geoColumn(), old.geos(), ordered);
    }

    /**
     * The sampler settings of a refresh of {@code previous}: the geo defaults ({@link
     * GeoFit#defaultSettings()}) with the old fit's recorded adapt_delta and tree depth, and the
     * given chains, warm-up, draws and seed.
     */
    public static SamplerSettings settings(GeoFit previous, int chains, int warmup, int draws, long seed) {
        SamplerSettings.Builder b = GeoFit.defaultSettings().toBuilder().chains(chains).warmup(warmup).draws(draws)
                .seed(seed);
        Map<String, String> old = previous.posterior().provenance().samplerSettings();
        if (old.containsKey("target_acceptance")) {
            b.targetAcceptance(Double.parseDouble(old.get("target_acceptance")));
        }
        if (old.containsKey("max_tree_depth")) {
            b.maxTreeDepth(Integer.parseInt(old.get("max_tree_depth")));
        }
        return b.build();
    }

    /**
     * The warm start of {@code model} (the old spec compiled on the new panel) from {@code
     * previous}'s per-chain adaptation, one state per chain of {@code chains}: each old chain's
     * last position constrained by the old model and unconstrained by the new one.
     *
     * @throws IllegalArgumentException if the models' parameters differ, or the old fit kept no
     *                                  chain's adapted state (posterior.json {@code $.adaptation})
     */
    public static WarmStart warmStart(GeoFit previous, GeoModel model, int chains) {
        GeoModel before = previous.model().copyForChain();
        if (!model.parameterNames().equals(before.parameterNames())) {
            throw new IllegalArgumentException("the refit's parameters " + model.parameterNames()
                    + " are not the old geo fit's " + before.parameterNames());
        }
        double[] values = new double[before.valueCount()];
        try {
            return Refresh.warmStart(previous.posterior().adaptation(), before.dimension(), model.dimension(), chains,
                    (oldPosition, newPosition) -> {
                        before.constrain(oldPosition, values);
                        model.unconstrain(values, newPosition);
                    });
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the old geo fit keeps no chain's adapted state with a last position of "
                    + before.dimension() + " values (posterior.json $.adaptation) to warm-start from; fit anew with"
                    + " 'mmm fit-geo'", e);
        }
    }

    /**
     * Refits {@code previous}'s spec (its lift tests included) on {@code panel} (checked by {@link
     * #checkPanel}), every chain warm-started from the old fit's. Listener and token may be null.
     */
    public static GeoFit refit(GeoFit previous, GeoData panel, SamplerSettings settings, ProgressListener listener,
                               CancellationToken token) {
        GeoModel model = previous.model().spec().compile(panel);
        WarmStart start = warmStart(previous, model, settings.chains());
        return GeoFit.sample(model, settings, start, listener, token);
    }

    /** One channel's ROAS in one geo, old vs new over the old fit's periods; moved when the new mean leaves the old 90% interval. */
    public record GeoRoasDrift(String geo, String channel, Interval oldRoas, Interval newRoas, boolean moved) {
    }

    /**
     * The drift of a geo refresh over the old fit's periods.
     *
     * @param geos       the geos, in the model's order
     * @param national   per channel its national ROAS and contribution (the decomposition's channel total), old vs new
     * @param perGeo     per geo and channel its ROAS, old vs new
     * @param oldPeriods the old fit's periods
     * @param newPeriods the refit's periods
     */
    public record Drift(List<String> geos, Refresh.DriftReport national, List<GeoRoasDrift> perGeo, int oldPeriods, int newPeriods) {
    }

    /** The drift from {@code previous} to {@code refreshed}, both judged over {@code previous}'s periods. */
    public static Drift drift(GeoFit previous, GeoFit refreshed) {
        GeoAnalysis before = previous.analysis();
        GeoAnalysis after = refreshed.analysis();
        LocalDate[] dates = previous.model().dates();
        Window oldWindow = before.all();
        Window sameRows = after.between(dates[0], dates[dates.length - 1]);
        GeoAnalysis.Roas oldRoas = before.roas(oldWindow);
        GeoAnalysis.Roas newRoas = after.roas(sameRows);
        Decomposition oldParts = before.decomposition(oldWindow, false).national();
        Decomposition newParts = after.decomposition(sameRows, false).national();
        List<Refresh.ChannelDrift> channels = new ArrayList<>();
        for (String c : previous.model().channels()) {
            channels.add(Refresh.ChannelDrift.of(c, oldRoas.of(c, null).roas(), newRoas.of(c, null).roas(),
                    oldParts.part(c).total(), newParts.part(c).total()));
        }
        List<GeoRoasDrift> perGeo = new ArrayList<>();
        for (GeoAnalysis.ChannelRoas o : oldRoas.perGeo()) {
            Interval n = newRoas.of(o.channel(), o.geo()).roas();
            perGeo.add(new GeoRoasDrift(o.geo(), o.channel(), o.roas(), n, !o.roas().covers(n.mean())));
        }
        Refresh.DriftReport national = new Refresh.DriftReport(dates[0], dates[dates.length - 1], channels);
        return new Drift(previous.model().geos(), national, perGeo, previous.model().periods(), refreshed.model().periods());
    }

    /**
     * drift.json of a geo refresh: the national refresh's fields ({@link AnalysisJson#drift}) over
     * the national ROAS and contribution, then {@code geos} and {@code roas_per_geo} (geo, channel,
     * old and new ROAS, moved).
     */
    public static String driftJson(Drift drift) {
        ObjectNode root = AnalysisJson.driftNode(drift.national(), drift.oldPeriods(), drift.newPeriods());
        ArrayNode names = root.putArray("geos");
        drift.geos().forEach(names::add);
        ArrayNode rows = root.putArray("roas_per_geo");
        for (GeoRoasDrift d : drift.perGeo()) {
            ObjectNode o = rows.addObject();
            o.put("geo", d.geo());
            o.put("channel", d.channel());
            o.set("old_roas", GeoJson.interval(d.oldRoas()));
            o.set("new_roas", GeoJson.interval(d.newRoas()));
            o.put("moved", d.moved());
        }
        try {
            return GeoJson.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
