package dev.mmm.core.geo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mmm.core.analysis.Interval;
import dev.mmm.core.data.DataException;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.AtomicFolder;
import dev.mmm.core.io.Draws;
import dev.mmm.core.io.FitMetadata;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.io.FitWriter;
import dev.mmm.core.model.FitWarnings;
import dev.mmm.core.posterior.DataFingerprint;
import dev.mmm.core.posterior.Posterior;
import dev.mmm.core.posterior.PosteriorStore;
import dev.mmm.core.posterior.Provenance;
import dev.mmm.core.posterior.SampledPosterior;
import dev.mmm.sampler.CancellationToken;
import dev.mmm.sampler.ProgressListener;
import dev.mmm.sampler.Sampler;
import dev.mmm.sampler.InitialMetric;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.SamplingResult;
import dev.mmm.sampler.WarmStart;
import dev.mmm.sampler.diagnostics.ParameterSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A fitted geo model: the compiled {@link GeoModel} and its {@link Posterior} (columns: the
 * parameters, then the derived per-geo values such as {@code beta[tv,Geo3]}).
 */
public final class GeoFit {

    /** The file beside summary.json and draws.csv holding the per-geo and national analysis. */
    public static final String GEO_FILE = "geo.json";

    /** The panel the model was fitted on, in long format (what {@link #load} compiles again). */
    public static final String DATA_FILE = "data.csv";

    /** The response curves of geo.json: 0 to 2 times each geo's historical spend in steps of a quarter. */
    static final double[] CURVE_MULTIPLIERS = {0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0};

    private final GeoModel model;
    private final Posterior posterior;
    private List<ParameterSummary> summary;

    private final List<GeoLiftTest> liftTests;

    private GeoFit(GeoModel model, Posterior posterior, List<GeoLiftTest> liftTests) {
        this.model = model;
        this.posterior = posterior;
        this.liftTests = List.copyOf(liftTests);
    }

    /**
     * The sampler settings geo fits default to: {@link SamplerSettings#defaults()} with Stan's
     * adapt_delta 0.8, unit initial metric and 1000 + 1000 iterations per chain (the geo numbers
     * below are at 1000 + 1000). The national model's 0.9, gradient-refreshed start and 750 + 1250
     * were measured on the national model; on the 40-geo scale panel they cost more: 0.9 with the
     * unit start took 239 s and gave a min bulk-ESS of 832, the gradient-refreshed start at 0.8 had
     * not finished after 8 CPU minutes, while 0.8 with the unit start took 214 s for a min bulk-ESS
     * of 1,247, with no divergence (BENCHMARKS.md, "Geo sampler defaults").
     */
    public static SamplerSettings defaultSettings() {
        return SamplerSettings.defaults().toBuilder().targetAcceptance(0.8).initialMetric(InitialMetric.UNIT)
                .warmup(1000).draws(1000).build();
    }

    /** Compiles {@code spec} against the panel and samples its posterior (calibrated by the spec's lift tests). */
    public static GeoFit fit(GeoSpec spec, GeoData data, SamplerSettings settings) {
        return fit(spec, data, settings, null, null);
    }

    /** As {@link #fit(GeoSpec, GeoData, SamplerSettings)} with progress and cancellation (either may be null). */
    public static GeoFit fit(GeoSpec spec, GeoData data, SamplerSettings settings, ProgressListener listener,
                             CancellationToken token) {
        return sample(spec.compile(data), settings, listener, token);
    }

    /**
     * The geo fit saved in {@code dir} by {@link #write}: the spec from the posterior's provenance,
     * the model compiled on the saved panel (checked against the fitted data's SHA-256) and the
     * posterior, every number bit for bit.
     */
    public static GeoFit load(Path dir) throws IOException {
        Posterior posterior = PosteriorStore.load(dir);
        GeoSpec spec = GeoSpec.fromJson(posterior.provenance().specJson());
        Path dataFile = dir.resolve(DATA_FILE);
        if (!java.nio.file.Files.isRegularFile(dataFile)) {
            throw new DataException(dataFile + ": no such file; a geo fit folder keeps the panel it was fitted on");
        }
        GeoData data = GeoData.read(dataFile, spec.base().dateColumn(), spec.geoColumn(), null);
        String sha = DataFingerprint.of(longTable(data));
        if (!sha.equals(posterior.provenance().dataSha256())) {
            throw new DataException(dataFile + ": its SHA-256 " + sha + " is not the fitted data's "
                    + posterior.provenance().dataSha256() + " (posterior.json $.provenance.data_sha256): the file was changed");
        }
        GeoModel model = spec.compile(data);
        if (!model.outputNames().equals(posterior.parameterNames())) {
            throw new DataException(dir + ": the posterior's columns are not the geo model's outputs");
        }
        return new GeoFit(model, posterior, spec.liftTests());
    }

    /** Whether {@code dir} holds a geo fit (its geo.json) rather than a national one. */
    public static boolean isGeoFit(Path dir) {
        return java.nio.file.Files.isRegularFile(dir.resolve(GEO_FILE));
    }

    /**
     * Compiles {@code spec} against the panel and samples its posterior calibrated by lift tests
     * run in geos ({@link CalibratedGeoModel}): the spec's own, then {@code liftTests} (so test i
     * of {@code liftTests} is {@code geo.lift_tests[k + i]} in errors, k the spec's count). The
     * fit's spec, kept in the posterior's provenance, holds them all. Listener and token may be null.
     */
    public static GeoFit fit(GeoSpec spec, GeoData data, List<GeoLiftTest> liftTests, SamplerSettings settings,
                             ProgressListener listener, CancellationToken token) {
        return fit(appendLiftTests(spec, liftTests), data, settings, listener, token);
    }

    /** {@code spec} with {@code liftTests} after its own lift tests. */
    public static GeoSpec appendLiftTests(GeoSpec spec, List<GeoLiftTest> liftTests) {
        if (liftTests.isEmpty()) {
            return spec;
        }
        List<GeoLiftTest> all = new java.util.ArrayList<>(spec.liftTests());
        all.addAll(liftTests);
        return spec.withLiftTests(all);
    }

    /**
     * Samples a compiled geo model, calibrated by its spec's lift tests (each checked against the
     * panel before sampling: a bad one is an error naming {@code geo.lift_tests[i]}).
     */
    public static GeoFit sample(GeoModel model, SamplerSettings settings, ProgressListener listener,
                                CancellationToken token) {
        return sample(model, settings, null, listener, token);
    }

    /**
     * As {@link #sample(GeoModel, SamplerSettings, ProgressListener, CancellationToken)}, each chain
     * warm-started from {@code warmStart}'s state when it is not null ({@link GeoRefresh}).
     */
    public static GeoFit sample(GeoModel model, SamplerSettings settings, WarmStart warmStart,
                                ProgressListener listener, CancellationToken token) {
        List<GeoLiftTest> tests = model.spec().liftTests();
        return sample(model, tests.isEmpty() ? model : CalibratedGeoModel.withLiftTests(model, tests), settings,
                warmStart, listener, token);
    }

    /**
     * Samples {@code density}, the geo model's log posterior with or without extra terms (its
     * coordinates must be the model's; with the spec's lift tests it is the caller's to add them),
     * and keeps the draws as the model's value vectors; the fit lists the spec's lift tests.
     */
    public static GeoFit sample(GeoModel model, dev.mmm.sampler.LogDensity density, SamplerSettings settings,
                                ProgressListener listener, CancellationToken token) {
        return sample(model, density, settings, null, listener, token);
    }

    private static GeoFit sample(GeoModel model, dev.mmm.sampler.LogDensity density, SamplerSettings settings,
                                 WarmStart warmStart, ProgressListener listener, CancellationToken token) {
        if (density.dimension() != model.dimension()) {
            throw new IllegalArgumentException("the density has " + density.dimension()
                    + " coordinates, the geo model " + model.dimension());
        }
        SamplingResult result = warmStart == null ? Sampler.sample(density, settings, (double[][]) null, listener, token)
                : Sampler.sample(density, settings, warmStart, listener, token);
        LinkedHashMap<String, Double> scales = new LinkedHashMap<>();
        for (int c = 0; c < model.channels().size(); c++) {
            scales.put(model.channels().get(c), model.channelScale(c));
        }
        LocalDate[] dates = model.dates();
        Provenance provenance = new Provenance(model.spec().toJson(), model.targetScale(), scales,
                DataFingerprint.of(longTable(model.data())), model.geoCount() * model.periods(), dates[0].toString(),
                dates[dates.length - 1].toString(), settings.seed(), SampledPosterior.settingsOf(settings),
                Provenance.currentLibraryVersion(), Instant.now().toString());
        GeoModel constrainer = model.copyForChain();
        Posterior posterior = SampledPosterior.of(model.outputNames(), constrainer::constrain, result, provenance);
        return new GeoFit(model, posterior, model.spec().liftTests());
    }

    /** The panel as one long table (dates repeat; a column {@code geo_index} says the geo) for fingerprints. */
    static Dataset longTable(GeoData data) {
        int t = data.periods();
        int n = t * data.geoCount();
        LocalDate[] dates = new LocalDate[n];
        double[] geoIndex = new double[n];
        LocalDate[] d = data.dates();
        for (int g = 0; g < data.geoCount(); g++) {
            for (int k = 0; k < t; k++) {
                dates[g * t + k] = d[k];
                geoIndex[g * t + k] = g;
            }
        }
        LinkedHashMap<String, double[]> cols = new LinkedHashMap<>();
        cols.put("geo_index", geoIndex);
        cols.putAll(data.longColumns());
        return Dataset.of(data.geo(0).dateColumn(), dates, cols);
    }

    public GeoModel model() {
        return model;
    }

    public Posterior posterior() {
        return posterior;
    }

    /**
     * False if the run was cancelled (Ctrl-C) before every chain finished: the posterior then holds
     * each chain's draws so far, and everything computed from it (summary, geo.json) uses those.
     */
    public boolean complete() {
        return posterior.run().complete();
    }

    /** Every output's mean, sd, quantiles, R-hat, ESS and MCSE, in {@link GeoModel#outputNames()} order. */
    public synchronized List<ParameterSummary> summary() {
        if (summary == null) {
            summary = List.copyOf(posterior.summary());
        }
        return summary;
    }

    /** The summary of one output by name, e.g. {@code beta[tv,Geo3]}. */
    public ParameterSummary summary(String name) {
        for (ParameterSummary p : summary()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no parameter named '" + name + "'");
    }

    /** Divergences, R-hat, ESS, E-BFMI warnings over the sampled parameters ({@link FitWarnings}). */
    public List<String> warnings() {
        return FitWarnings.of(posterior.chainReports(), summary().subList(0, model.parameterNames().size()));
    }

    /** The lift tests the fit was calibrated with (its spec's; a loaded fit reads them from the provenance's spec). */
    public List<GeoLiftTest> liftTests() {
        return liftTests;
    }

    public GeoAnalysis analysis() {
        return new GeoAnalysis(model, posterior);
    }

    /**
     * Writes summary.json and draws.csv (the contract of docs/MODEL.md, every per-geo output named
     * with its geo) and geo.json (ROAS nationally and per geo, per-geo fit), and returns what went
     * into summary.json. A cancelled fit writes the draws it kept, {@code "complete": false}, and
     * geo.json over those draws (its numbers null when no chain has a draw yet), as a national fit.
     */
    public FitSummary write(Path dir, List<String> extraWarnings) throws IOException {
        List<String> warnings = new java.util.ArrayList<>(extraWarnings);
        warnings.addAll(warnings());
        FitSummary s = FitWriter.summaryOf(posterior, summary(), new FitMetadata(warnings));
        double[][][] values = new double[posterior.chains()][][];
        for (int c = 0; c < values.length; c++) {
            values[c] = new double[posterior.drawsPerChain()[c]][];
            for (int d = 0; d < values[c].length; d++) {
                values[c][d] = new double[model.valueCount()];
                posterior.drawInto(posterior.chainStart(c) + d, values[c][d]);
            }
        }
        AtomicFolder.Content contract = FitWriter.content(s, new Draws(model.outputNames(), values));
        String geoJson = analysisJson();
        // One folder, written whole: the fit contract, the posterior bit for bit, and geo.json.
        AtomicFolder.write(dir, staging -> {
            contract.writeInto(staging);
            PosteriorStore.save(posterior, staging);
            AtomicFolder.writeText(staging, GEO_FILE, w -> w.write(geoJson));
            AtomicFolder.writeText(staging, DATA_FILE, w -> model.data().writeCsv(w));
        });
        return s;
    }

    /**
     * geo.json: the geos, national and per-geo ROAS, response curves, lift tests, the
     * decomposition's totals (national and per geo) and each geo's fit.
     */
    public String analysisJson() throws IOException {
        GeoAnalysis a = analysis();
        ObjectNode root = GeoJson.MAPPER.createObjectNode();
        ArrayNode geos = root.putArray("geos");
        model.geos().forEach(geos::add);
        root.put("population", model.spec().populationColumn());
        GeoAnalysis.Roas roas = a.roas();
        ArrayNode national = root.putArray("roas_national");
        for (GeoAnalysis.ChannelRoas r : roas.national()) {
            national.add(GeoJson.roas(r));
        }
        ArrayNode perGeo = root.putArray("roas_per_geo");
        for (GeoAnalysis.ChannelRoas r : roas.perGeo()) {
            perGeo.add(GeoJson.roas(r));
        }
        ArrayNode curves = root.putArray("response_curves");
        GeoAnalysis.ResponseCurves rc = a.responseCurves(a.all(), CURVE_MULTIPLIERS);
        for (List<GeoAnalysis.GeoResponseCurve> list : List.of(rc.national(), rc.perGeo())) {
            for (GeoAnalysis.GeoResponseCurve c : list) {
                curves.add(GeoJson.curve(c));
            }
        }
        ArrayNode lifts = root.putArray("lift_tests");
        List<Interval> modelLifts = a.liftTests(liftTests);
        for (int i = 0; i < liftTests.size(); i++) {
            GeoLiftTest t = liftTests.get(i);
            ObjectNode o = lifts.addObject();
            o.put("geo", t.geo());
            o.put("channel", t.test().channel());
            o.put("start", t.test().start().toString());
            o.put("end", t.test().end().toString());
            o.put("delta_spend", t.test().deltaSpend());
            o.put("lift", t.test().lift());
            o.put("se", t.test().se());
            o.set("model_lift", GeoJson.interval(modelLifts.get(i)));
        }
        ObjectNode decomposition = root.putObject("decomposition");
        GeoAnalysis.GeoDecomposition dec = a.decomposition(a.all(), false);
        decomposition.put("start", dec.national().dates().get(0).toString());
        decomposition.put("end", dec.national().dates().get(dec.national().dates().size() - 1).toString());
        decomposition.set("national", GeoJson.decomposition(dec.national()));
        ArrayNode decPerGeo = decomposition.putArray("per_geo");
        for (int g = 0; g < dec.geos().size(); g++) {
            ObjectNode o = decPerGeo.addObject();
            o.put("geo", dec.geos().get(g));
            o.setAll(GeoJson.decomposition(dec.perGeo().get(g)));
        }
        ArrayNode fits = root.putArray("geo_fit");
        for (GeoAnalysis.GeoFitSummary f : a.geoFits()) {
            fits.add(GeoJson.geoFit(f));
        }
        return GeoJson.MAPPER.writeValueAsString(root);
    }
}
