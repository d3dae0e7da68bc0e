package dev.mmm.core.geo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mmm.core.calibration.CalibrationJson;
import dev.mmm.core.calibration.LiftTest;
import dev.mmm.core.model.LikelihoodSpec;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.model.SpecException;
import dev.mmm.priors.Distribution;
import dev.mmm.priors.Priors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A hierarchical geo model: a national {@link ModelSpec} (date, target, channels with their
 * adstock and saturation, controls, seasonality, priors) fitted to a panel of geos, with the
 * choices of what is per geo, what is shared and how channel effects are pooled.
 *
 * <p>JSON: the model spec's object with one more key, {@code "geo"}:
 * <pre>{@code
 * {"date": "week", "target": "sales", "channels": ["tv", "search"], "controls": ["price"],
 *  "seasonality": {"yearly": 2},
 *  "geo": {"column": "geo", "population": "pop", "media_pooling": "log_normal",
 *          "parameterisation": "non_centred", "intercept": "per_geo", "sigma": "per_geo",
 *          "controls": "per_geo", "seasonality": "shared", "transforms": "shared",
 *          "priors": {"beta_tau": {"dist": "HalfNormal", "sigma": 0.5},
 *                     "sigma[Geo3]": {"dist": "HalfNormal", "sigma": 1}},
 *          "lift_tests": [{"geo": "Geo3", "channel": "tv", "start": "2021-03-01", "end": "2021-03-28",
 *                          "delta_spend": 50000, "lift": 120000, "se": 30000}]}}
 * }</pre>
 * {@code geo.lift_tests} holds the national spec's lift-test objects ({@code calibration.lift_tests},
 * docs/calibration.md) each with the {@code geo} it was run in; the national {@code calibration}
 * is refused.
 * {@code geo.priors} holds the priors of the geo blocks' families ({@code beta_mu},
 * {@code beta_tau}, {@code intercept_mu}, {@code intercept_tau}) and of single parameters under
 * their full names; the national families ({@code intercept}, {@code sigma}, ...) stay in the
 * spec's own {@code priors}.
 *
 * @param base             the national spec; trend, events and synergies are not supported per geo
 * @param geoColumn        the column naming each row's geo
 * @param populationColumn the column holding each geo's population (constant within a geo), or null
 * @param mediaPooling     how channel effects vary across geos
 * @param parameterisation how pooled blocks are sampled
 * @param intercept        per geo (independent), shared, or pooled across geos
 * @param sigma            noise scale per geo or shared
 * @param controls         control coefficients per geo or shared
 * @param seasonality      Fourier coefficients per geo or shared
 * @param transforms       adstock and saturation parameters per geo or shared
 * @param priors           priors of the geo blocks' families ({@code beta_mu}, {@code beta_tau},
 *                         {@code intercept_mu}, {@code intercept_tau}) and of single parameters by
 *                         full name ({@code sigma[Geo3]}); looked up before the base spec's families
 * @param liftTests        lift tests run in geos, calibrating the fit ({@link CalibratedGeoModel});
 *                         checked against the panel when the fit starts
 */
public record GeoSpec(ModelSpec base, String geoColumn, String populationColumn, Pooling mediaPooling,
                      Parameterisation parameterisation, Sharing intercept, Sharing sigma, Sharing controls,
                      Sharing seasonality, Sharing transforms, Map<String, Distribution> priors,
                      List<GeoLiftTest> liftTests) {

    private static final String NO_NATIONAL_CALIBRATION = "calibration: a national calibration is not used by a geo "
            + "model; give lift tests run in geos in geo.lift_tests (each with its \"geo\"), with --lift-tests (a CSV "
            + "with a geo column) or GeoSpec.withLiftTests";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The distribution of a geo's channel effect around the channel's national effect (as Meridian). */
    public enum Pooling {
        /** {@code beta[c,g] = exp(beta_mu[c] + beta_tau[c] * dev[c,g])}: positive, Meridian's default. */
        LOG_NORMAL,
        /** {@code beta[c,g] = beta_mu[c] + beta_tau[c] * dev[c,g]}. */
        NORMAL;

        String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a pooled block is written for the sampler. */
    public enum Parameterisation {
        /** Standard-normal deviations, the member a deterministic function of them (no funnel). */
        NON_CENTRED,
        /** The members themselves, drawn around the block's mean: a funnel when data are weak. */
        CENTRED;

        String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether a block of parameters is one per geo or one for all geos. */
    public enum Sharing {
        /** One independent parameter per geo, each with the block's prior. */
        PER_GEO,
        /** One parameter for every geo. */
        SHARED,
        /** One per geo, partially pooled around a sampled mean and scale (intercepts only). */
        POOLED;

        String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public GeoSpec {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(mediaPooling, "mediaPooling");
        Objects.requireNonNull(parameterisation, "parameterisation");
        Objects.requireNonNull(intercept, "intercept");
        Objects.requireNonNull(sigma, "sigma");
        Objects.requireNonNull(controls, "controls");
        Objects.requireNonNull(seasonality, "seasonality");
        Objects.requireNonNull(transforms, "transforms");
        priors = Collections.unmodifiableMap(new LinkedHashMap<>(priors == null ? Map.of() : priors));
        liftTests = liftTests == null ? List.of() : List.copyOf(liftTests);
        if (geoColumn == null || geoColumn.isBlank()) {
            throw new SpecException("geo.column: the geo column must be named");
        }
        if (base.trend() != null) {
            throw new SpecException("trend: a trend is not supported in a geo model yet");
        }
        if (!base.events().isEmpty()) {
            throw new SpecException("events: events are not supported in a geo model yet");
        }
        if (!base.calibration().isEmpty()) {
            // It would otherwise be ignored: a geo model's lift tests name their geo.
            throw new SpecException(NO_NATIONAL_CALIBRATION);
        }
        if (!base.synergies().isEmpty()) {
            throw new SpecException("synergies: synergies are not supported in a geo model yet");
        }
        if (!base.likelihood().family().equals(LikelihoodSpec.NORMAL)) {
            throw new SpecException("likelihood.family: a geo model has a normal likelihood, got '"
                    + base.likelihood().family() + "'");
        }
        for (var entry : new Object[][] {{"sigma", sigma}, {"controls", controls}, {"seasonality", seasonality},
                {"transforms", transforms}}) {
            if (entry[1] == Sharing.POOLED) {
                throw new SpecException("geo." + entry[0] + ": 'pooled' is for the intercept only; use per_geo or shared");
            }
        }
    }

    /** Meridian's defaults: log-normal non-centred media pooling, per-geo intercept and noise, shared transforms. */
    public static GeoSpec of(ModelSpec base, String geoColumn) {
        return new GeoSpec(base, geoColumn, null, Pooling.LOG_NORMAL, Parameterisation.NON_CENTRED, Sharing.PER_GEO,
                Sharing.PER_GEO, Sharing.PER_GEO, Sharing.SHARED, Sharing.SHARED, Map.of(), List.of());
    }

    public GeoSpec withPopulation(String column) {
        return new GeoSpec(base, geoColumn, column, mediaPooling, parameterisation, intercept, sigma, controls,
                seasonality, transforms, priors, liftTests);
    }

    public GeoSpec withMediaPooling(Pooling pooling) {
        return new GeoSpec(base, geoColumn, populationColumn, pooling, parameterisation, intercept, sigma, controls,
                seasonality, transforms, priors, liftTests);
    }

    public GeoSpec withParameterisation(Parameterisation p) {
        return new GeoSpec(base, geoColumn, populationColumn, mediaPooling, p, intercept, sigma, controls,
                seasonality, transforms, priors, liftTests);
    }

    public GeoSpec withIntercept(Sharing s) {
        return new GeoSpec(base, geoColumn, populationColumn, mediaPooling, parameterisation, s, sigma, controls,
                seasonality, transforms, priors, liftTests);
    }

    public GeoSpec withSigma(Sharing s) {
        return new GeoSpec(base, geoColumn, populationColumn, mediaPooling, parameterisation, intercept, s, controls,
                seasonality, transforms, priors, liftTests);
    }

    public GeoSpec withControls(Sharing s) {
        return new GeoSpec(base, geoColumn, populationColumn, mediaPooling, parameterisation, intercept, sigma, s,
                seasonality, transforms, priors, liftTests);
    }

    public GeoSpec withSeasonality(Sharing s) {
        return new GeoSpec(base, geoColumn, populationColumn, mediaPooling, parameterisation, intercept, sigma,
                controls, s, transforms, priors, liftTests);
    }

    public GeoSpec withTransforms(Sharing s) {
        return new GeoSpec(base, geoColumn, populationColumn, mediaPooling, parameterisation, intercept, sigma,
                controls, seasonality, s, priors, liftTests);
    }

    /** This spec with a prior for a geo block's family or for one parameter by its full name. */
    public GeoSpec withPrior(String nameOrFamily, Distribution prior) {
        LinkedHashMap<String, Distribution> p = new LinkedHashMap<>(priors);
        p.put(Objects.requireNonNull(nameOrFamily), Objects.requireNonNull(prior));
        return new GeoSpec(base, geoColumn, populationColumn, mediaPooling, parameterisation, intercept, sigma,
                controls, seasonality, transforms, p, liftTests);
    }

    /**
     * This spec with lift tests run in geos; the fit calibrates by them ({@link CalibratedGeoModel})
     * and they are checked against the panel before sampling.
     */
    public GeoSpec withLiftTests(List<GeoLiftTest> tests) {
        return new GeoSpec(base, geoColumn, populationColumn, mediaPooling, parameterisation, intercept, sigma,
                controls, seasonality, transforms, priors, tests);
    }

    /** Compiles this spec against a panel. */
    public GeoModel compile(GeoData data) {
        return GeoCompiler.compile(this, data);
    }

    /** The model spec's JSON with the {@code "geo"} object added. */
    public String toJson() {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(base.toJson());
            ObjectNode geo = root.putObject("geo");
            geo.put("column", geoColumn);
            if (populationColumn != null) {
                geo.put("population", populationColumn);
            }
            geo.put("media_pooling", mediaPooling.jsonName());
            geo.put("parameterisation", parameterisation.jsonName());
            geo.put("intercept", intercept.jsonName());
            geo.put("sigma", sigma.jsonName());
            geo.put("controls", controls.jsonName());
            geo.put("seasonality", seasonality.jsonName());
            geo.put("transforms", transforms.jsonName());
            if (!priors.isEmpty()) {
                ObjectNode ps = geo.putObject("priors");
                priors.forEach((k, v) -> ps.set(k, Priors.toJson(v)));
            }
            if (!liftTests.isEmpty()) {
                ArrayNode tests = geo.putArray("lift_tests");
                for (GeoLiftTest t : liftTests) {
                    ObjectNode o = tests.addObject();
                    o.put("geo", t.geo());
                    o.setAll(CalibrationJson.liftTestNode(t.test()));
                }
            }
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the spec's own JSON did not parse", e);
        }
    }

    /** A geo spec from JSON; bad input is a {@link SpecException} naming the JSON path. */
    public static GeoSpec fromJson(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SpecException("$: not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new SpecException("$: a geo spec must be a JSON object");
        }
        JsonNode geo = root.get("geo");
        if (geo == null || !geo.isObject()) {
            throw new SpecException("$.geo: a geo spec needs a \"geo\" object with at least \"column\"");
        }
        Set<String> keys = Set.of("column", "population", "media_pooling", "parameterisation", "intercept", "sigma",
                "controls", "seasonality", "transforms", "priors", "lift_tests");
        for (Iterator<String> it = geo.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k)) {
                throw new SpecException("$.geo." + k + ": unknown key; valid: " + String.join(", ", keys.stream().sorted().toList()));
            }
        }
        if (root.has("calibration")) {
            // Before the base spec reads it: a geo lift test's "geo" would be an unknown key there.
            throw new SpecException("$." + NO_NATIONAL_CALIBRATION);
        }
        ObjectNode rest = ((ObjectNode) root).deepCopy();
        rest.remove("geo");
        ModelSpec base = ModelSpec.fromJson(rest.toString());
        String column = text(geo, "column", true);
        String population = text(geo, "population", false);
        Pooling pooling = choice(geo, "media_pooling", Pooling.class, Pooling.LOG_NORMAL);
        Parameterisation param = choice(geo, "parameterisation", Parameterisation.class, Parameterisation.NON_CENTRED);
        // Every field read before the constructor: its errors already name their JSON path, the
        // constructor's are prefixed with "$." below.
        Sharing intercept = choice(geo, "intercept", Sharing.class, Sharing.PER_GEO);
        Sharing sigma = choice(geo, "sigma", Sharing.class, Sharing.PER_GEO);
        Sharing controls = choice(geo, "controls", Sharing.class, Sharing.PER_GEO);
        Sharing seasonality = choice(geo, "seasonality", Sharing.class, Sharing.SHARED);
        Sharing transforms = choice(geo, "transforms", Sharing.class, Sharing.SHARED);
        Map<String, Distribution> priors = priors(geo.get("priors"));
        List<GeoLiftTest> liftTests = liftTests(geo.get("lift_tests"));
        try {
            return new GeoSpec(base, column, population, pooling, param, intercept, sigma, controls, seasonality,
                    transforms, priors, liftTests);
        } catch (SpecException e) {
            throw new SpecException("$." + e.getMessage(), e);
        }
    }

    private static Map<String, Distribution> priors(JsonNode node) {
        LinkedHashMap<String, Distribution> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new SpecException("$.geo.priors: expected an object of priors by family or parameter name");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                out.put(e.getKey(), Priors.fromJson(e.getValue(), "$.geo.priors." + e.getKey()));
            } catch (RuntimeException ex) {
                throw new SpecException(ex.getMessage(), ex);
            }
        }
        return out;
    }

    /** {@code geo.lift_tests}: the national lift-test objects, each with the {@code geo} it was run in. */
    private static List<GeoLiftTest> liftTests(JsonNode node) {
        List<GeoLiftTest> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new SpecException("$.geo.lift_tests: expected an array of lift tests, got " + node);
        }
        for (int i = 0; i < node.size(); i++) {
            String p = "$.geo.lift_tests[" + i + "]";
            LiftTest test = CalibrationJson.liftTest(node.get(i), p, Set.of("geo"));
            out.add(new GeoLiftTest(CalibrationJson.text(node.get(i), "geo", p), test));
        }
        return out;
    }

    private static String text(JsonNode node, String key, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new SpecException("$.geo." + key + ": missing (the name of the column)");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new SpecException("$.geo." + key + ": expected a column name, got " + v);
        }
        return v.asText();
    }

    private static <E extends Enum<E>> E choice(JsonNode node, String key, Class<E> type, E fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        String s = v.isTextual() ? v.asText().toUpperCase(Locale.ROOT).replace('-', '_') : "";
        if (s.equals("NON_CENTERED")) {
            s = "NON_CENTRED";
        } else if (s.equals("CENTERED")) {
            s = "CENTRED";
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        StringBuilder valid = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            valid.append(valid.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw new SpecException("$.geo." + key + ": unknown value " + v + "; valid: " + valid);
    }
}
