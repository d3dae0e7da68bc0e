package dev.mmm.core.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.mmm.core.data.MessageText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mmm.core.transform.Adstock;
import dev.mmm.core.transform.Saturation;
import dev.mmm.core.transform.Transforms;
import dev.mmm.priors.Distribution;
import dev.mmm.priors.Priors;
import dev.mmm.priors.Support;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON form of a {@link ModelSpec}. The writer is canonical (every field spelled out), the reader
 * accepts short forms: a channel or control may be just its column name, and any field left out
 * takes its default. Example:
 * <pre>
 * {"date": "date_week", "target": "y", "target_scaling": "max",
 *  "channels": ["x1", {"name": "x2", "adstock": {"name": "delayed", "l_max": 12, "normalize": true},
 *                      "saturation": {"name": "hill"}, "order": "adstock_first", "scaling": "max",
 *                      "priors": {"beta": {"dist": "HalfNormal", "sigma": 1}}}],
 *  "controls": ["event_1", {"name": "price", "prior": {"dist": "Normal", "mu": 0, "sigma": 1}}],
 *  "seasonality": [{"prefix": "fourier", "period_days": 365.25, "order": 2}],
 *  "trend": {"changepoints": 4},
 *  "events": [{"name": "xmas", "dates": ["2020-12-25"], "shape": "gaussian", "width_days": 7}],
 *  "synergies": [{"channels": ["x1", "x2"]}],
 *  "likelihood": {"family": "student_t", "nu": 5},
 *  "priors": {"sigma": {"dist": "HalfNormal", "sigma": 1}}}
 * </pre>
 * Errors are {@link SpecException}s whose one-line message starts with the JSON path.
 */
public final class ModelSpecJson {

    /** Strict reading: one document only, and a key given twice is an error rather than the last one winning. */
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ModelSpecJson() {
    }

    // ---------------------------------------------------------------- writing

    public static String write(ModelSpec spec) {
        try {
            return MAPPER.writeValueAsString(toTree(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the spec as JSON", e);
        }
    }

    public static ObjectNode toTree(ModelSpec spec) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("date", spec.dateColumn());
        root.put("target", spec.targetColumn());
        root.put("target_scaling", spec.targetScaling().jsonName());
        ArrayNode channels = root.putArray("channels");
        for (ChannelSpec c : spec.channels()) {
            ObjectNode o = channels.addObject();
            o.put("name", c.name());
            ObjectNode a = o.putObject("adstock");
            a.put("name", c.adstock());
            a.put("l_max", c.lMax());
            a.put("normalize", c.normalize());
            o.putObject("saturation").put("name", c.saturation());
            o.put("order", c.order().jsonName());
            o.put("scaling", c.scaling().jsonName());
            o.set("priors", priorsNode(c.priors()));
        }
        ArrayNode controls = root.putArray("controls");
        for (ControlSpec c : spec.controls()) {
            ObjectNode o = controls.addObject();
            o.put("name", c.name());
            if (c.prior() != null) {
                o.set("prior", Priors.toJson(c.prior()));
            }
        }
        ArrayNode seasonality = root.putArray("seasonality");
        for (SeasonalitySpec s : spec.seasonalities()) {
            ObjectNode o = seasonality.addObject();
            o.put("prefix", s.prefix());
            o.put("period_days", s.periodDays());
            o.put("order", s.order());
            if (s.prior() != null) {
                o.set("prior", Priors.toJson(s.prior()));
            }
        }
        if (spec.trend() != null) {
            ObjectNode o = root.putObject("trend");
            o.put("changepoints", spec.trend().changepoints());
            if (spec.trend().kPrior() != null) {
                o.set("k_prior", Priors.toJson(spec.trend().kPrior()));
            }
            if (spec.trend().deltaPrior() != null) {
                o.set("delta_prior", Priors.toJson(spec.trend().deltaPrior()));
            }
        }
        ArrayNode events = root.putArray("events");
        for (EventSpec e : spec.events()) {
            ObjectNode o = events.addObject();
            o.put("name", e.name());
            ArrayNode dates = o.putArray("dates");
            e.dates().forEach(d -> dates.add(d.toString()));
            o.put("shape", e.shape().jsonName());
            o.put("width_days", e.widthDays());
            if (e.prior() != null) {
                o.set("prior", Priors.toJson(e.prior()));
            }
        }
        ArrayNode synergies = root.putArray("synergies");
        for (SynergySpec s : spec.synergies()) {
            ObjectNode o = synergies.addObject();
            o.putArray("channels").add(s.channelA()).add(s.channelB());
            if (s.prior() != null) {
                o.set("prior", Priors.toJson(s.prior()));
            }
        }
        ObjectNode lik = root.putObject("likelihood");
        lik.put("family", spec.likelihood().family());
        if (spec.likelihood().nu() != null) {
            lik.put("nu", spec.likelihood().nu());
        }
        if (spec.likelihood().nuPrior() != null) {
            lik.set("nu_prior", Priors.toJson(spec.likelihood().nuPrior()));
        }
        root.set("priors", priorsNode(spec.priors()));
        if (!spec.calibration().isEmpty()) {
            root.set("calibration", dev.mmm.core.calibration.CalibrationJson.write(spec.calibration()));
        }
        return root;
    }

    private static ObjectNode priorsNode(Map<String, Distribution> priors) {
        ObjectNode o = MAPPER.createObjectNode();
        priors.forEach((k, v) -> o.set(k, Priors.toJson(v)));
        return o;
    }

    // ---------------------------------------------------------------- reading

    public static ModelSpec read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SpecException(parseError(e));
        }
        return read(root);
    }

    /** A JSON syntax error as one line: the path where it happened, what, and the line and column. */
    private static String parseError(JsonProcessingException e) {
        String path = "$";
        if (e.getProcessor() instanceof JsonParser parser) {
            path = pathOf(parser.getParsingContext());
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Duplicate field")) {
            return path + ": key given twice" + where + "; each key may appear once";
        }
        if (message.startsWith("Trailing token")) {
            return "$: unexpected content after the JSON document" + where;
        }
        return path + ": not valid JSON" + where + ": " + MessageText.value(message);
    }

    /** The JSON path ({@code $.channels[1].priors}) of a parser's position. */
    private static String pathOf(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.add("." + MessageText.value(c.getCurrentName()));
            }
        }
        StringBuilder b = new StringBuilder("$");
        for (int i = parts.size() - 1; i >= 0; i--) {
            b.append(parts.get(i));
        }
        return b.toString();
    }

    public static ModelSpec read(JsonNode root) {
        String p = "$";
        requireObject(root, p);
        allowKeys(root, p, Set.of("date", "target", "target_scaling", "channels", "controls", "seasonality",
                "trend", "events", "synergies", "likelihood", "priors", "calibration"));
        ModelSpec.Builder b = ModelSpec.builder();
        String date = text(root, "date", p, true);
        String target = text(root, "target", p, true);
        if (target.equals(date)) {
            throw new SpecException(p + ".target: column '" + target + "' is also the date column");
        }
        b.date(date);
        b.target(target);
        if (root.has("target_scaling")) {
            b.targetScaling(scaling(root.get("target_scaling"), p + ".target_scaling"));
        }
        // Sets, not lists: a spec of a million channels must be checked in linear time.
        java.util.LinkedHashSet<String> channelNames = new java.util.LinkedHashSet<>();
        List<ChannelSpec> channelSpecs = new ArrayList<>();
        for (Item item : array(root, "channels", p)) {
            ChannelSpec c = channel(item.node, item.path);
            requireNotDateOrTarget(c.name(), date, target, item);
            if (channelNames.contains(c.name())) {
                throw new SpecException(item.path + ".name: channel '" + c.name() + "' is given twice");
            }
            channelNames.add(c.name());
            channelSpecs.add(c);
            b.channel(c);
        }
        java.util.LinkedHashSet<String> controlNames = new java.util.LinkedHashSet<>();
        for (Item item : array(root, "controls", p)) {
            ControlSpec c = control(item.node, item.path);
            requireNotDateOrTarget(c.name(), date, target, item);
            if (controlNames.contains(c.name()) || channelNames.contains(c.name())) {
                throw new SpecException(item.path + ": column '" + c.name() + "' is used twice");
            }
            controlNames.add(c.name());
            b.control(c);
        }
        Map<String, String> prefixes = new LinkedHashMap<>();
        java.util.Set<String> channelFamilies = ModelSpec.channelFamilies(channelSpecs);
        for (Item item : array(root, "seasonality", p)) {
            SeasonalitySpec s = seasonality(item.node, item.path);
            String prefixPath = item.node.has("prefix") ? item.path + ".prefix" : item.path;
            String first = prefixes.putIfAbsent(s.prefix(), item.path);
            if (first != null) {
                throw new SpecException(prefixPath + ": seasonality prefix '" + MessageText.value(s.prefix())
                        + "' is given twice (also at " + first + "); give each seasonality its own prefix");
            }
            String clash = ModelSpec.prefixClash(s.prefix(), channelNames, controlNames, channelFamilies);
            if (clash != null) {
                throw new SpecException(prefixPath + ": seasonality prefix '" + MessageText.value(s.prefix()) + "' " + clash);
            }
            b.seasonality(s);
        }
        if (root.has("trend") && !root.get("trend").isNull()) {
            b.trend(trend(root.get("trend"), p + ".trend"));
        }
        java.util.Set<String> eventNames = new java.util.HashSet<>();
        for (Item item : array(root, "events", p)) {
            EventSpec e = event(item.node, item.path);
            if (eventNames.contains(e.name())) {
                throw new SpecException(item.path + ".name: event '" + e.name() + "' is defined twice");
            }
            eventNames.add(e.name());
            b.event(e);
        }
        for (Item item : array(root, "synergies", p)) {
            b.synergy(synergy(item.node, item.path, channelNames));
        }
        LikelihoodSpec likelihood = LikelihoodSpec.normal();
        if (root.has("likelihood")) {
            likelihood = likelihood(root.get("likelihood"), p + ".likelihood");
            b.likelihood(likelihood);
        }
        if (root.has("priors")) {
            String pp = p + ".priors";
            requireObject(root.get("priors"), pp);
            Iterator<Map.Entry<String, JsonNode>> it = root.get("priors").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                Distribution d = prior(e.getValue(), pp + "." + e.getKey());
                checkKnownDomain(e.getKey(), d, pp + "." + e.getKey());
                b.prior(e.getKey(), d);
            }
        }
        if (root.has("calibration") && !root.get("calibration").isNull()) {
            b.calibration(dev.mmm.core.calibration.CalibrationJson.read(root.get("calibration"), p + ".calibration"));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new SpecException(m.startsWith("priors.") || m.startsWith("calibration.") ? p + "." + m : p + ": " + m, e);
        }
    }

    /** A channel or control that is the date or target column, named at its own path. */
    private static void requireNotDateOrTarget(String name, String date, String target, Item item) {
        String path = item.node.isTextual() ? item.path : item.path + ".name";
        if (name.equals(date)) {
            throw new SpecException(path + ": column '" + name + "' is already the date column");
        }
        if (name.equals(target)) {
            throw new SpecException(path + ": column '" + name + "' is already the target column");
        }
    }

    private static ChannelSpec channel(JsonNode node, String p) {
        if (node.isTextual()) {
            return ChannelSpec.of(textValue(node, p));
        }
        requireObject(node, p);
        allowKeys(node, p, Set.of("name", "adstock", "saturation", "order", "scaling", "priors"));
        String name = text(node, "name", p, true);
        String adstockName = ChannelSpec.DEFAULT_ADSTOCK;
        int lMax = ChannelSpec.DEFAULT_L_MAX;
        boolean normalize = true;
        if (node.has("adstock")) {
            String ap = p + ".adstock";
            JsonNode a = node.get("adstock");
            if (a.isTextual()) {
                adstockName = a.asText();
            } else {
                requireObject(a, ap);
                allowKeys(a, ap, Set.of("name", "l_max", "normalize"));
                adstockName = text(a, "name", ap, true);
                if (a.has("l_max")) {
                    JsonNode l = a.get("l_max");
                    if (!l.canConvertToInt() || !l.isIntegralNumber() || l.asInt() < 1 || l.asInt() > ChannelSpec.MAX_L_MAX) {
                        throw new SpecException(ap + ".l_max: must be an integer between 1 and " + ChannelSpec.MAX_L_MAX
                                + ", got " + describe(l));
                    }
                    lMax = l.asInt();
                }
                if (a.has("normalize")) {
                    if (!a.get("normalize").isBoolean()) {
                        throw new SpecException(ap + ".normalize: must be true or false, got " + a.get("normalize"));
                    }
                    normalize = a.get("normalize").asBoolean();
                }
            }
            if (!Transforms.adstockNames().contains(adstockName)) {
                throw new SpecException(ap + (a.isTextual() ? "" : ".name") + ": unknown adstock '" + adstockName
                        + "'; valid: " + String.join(", ", Transforms.adstockNames()));
            }
        }
        String saturationName = ChannelSpec.DEFAULT_SATURATION;
        if (node.has("saturation")) {
            String sp = p + ".saturation";
            JsonNode s = node.get("saturation");
            if (s.isTextual()) {
                saturationName = s.asText();
            } else {
                requireObject(s, sp);
                allowKeys(s, sp, Set.of("name"));
                saturationName = text(s, "name", sp, true);
            }
            if (!Transforms.saturationNames().contains(saturationName)) {
                throw new SpecException(sp + (s.isTextual() ? "" : ".name") + ": unknown saturation '" + saturationName
                        + "'; valid: " + String.join(", ", Transforms.saturationNames()));
            }
        }
        TransformOrder order = TransformOrder.ADSTOCK_FIRST;
        if (node.has("order")) {
            try {
                order = TransformOrder.fromJsonName(textValue(node.get("order"), p + ".order"));
            } catch (SpecException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new SpecException(p + ".order: " + e.getMessage());
            }
        }
        ScalingMethod scaling = node.has("scaling") ? scaling(node.get("scaling"), p + ".scaling") : ScalingMethod.MAX;
        LinkedHashMap<String, Distribution> priors = new LinkedHashMap<>();
        if (node.has("priors")) {
            String pp = p + ".priors";
            requireObject(node.get("priors"), pp);
            Adstock adstock = Transforms.adstock(adstockName, lMax, normalize);
            Saturation saturation = Transforms.saturation(saturationName);
            Map<String, Distribution> defaults = new LinkedHashMap<>();
            List<String> an = adstock.parameterNames();
            List<String> sn = saturation.parameterNames();
            an.forEach(n -> defaults.put(sn.contains(n) ? "adstock_" + n : n, adstock.defaultPriors().get(n)));
            sn.forEach(n -> defaults.put(an.contains(n) ? "saturation_" + n : n, saturation.defaultPriors().get(n)));
            Iterator<Map.Entry<String, JsonNode>> it = node.get("priors").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                String kp = pp + "." + key;
                if (!key.equals("beta") && !defaults.containsKey(key)) {
                    List<String> valid = new ArrayList<>(defaults.keySet());
                    valid.add("beta");
                    throw new SpecException(kp + ": channel '" + name + "' has no parameter '" + key + "'; valid: "
                            + String.join(", ", valid));
                }
                Distribution d = prior(e.getValue(), kp);
                if (defaults.containsKey(key)) {
                    checkWithin(d, defaults.get(key).support(), kp);
                }
                priors.put(key, d);
            }
        }
        try {
            return new ChannelSpec(name, adstockName, lMax, normalize, saturationName, order, scaling, priors);
        } catch (IllegalArgumentException e) {
            throw new SpecException(p + ": " + e.getMessage(), e);
        }
    }

    private static ControlSpec control(JsonNode node, String p) {
        if (node.isTextual()) {
            return ControlSpec.of(textValue(node, p));
        }
        requireObject(node, p);
        allowKeys(node, p, Set.of("name", "prior"));
        return new ControlSpec(text(node, "name", p, true), optionalPrior(node, "prior", p));
    }

    private static SeasonalitySpec seasonality(JsonNode node, String p) {
        requireObject(node, p);
        allowKeys(node, p, Set.of("prefix", "period_days", "order", "prior"));
        String prefix = node.has("prefix") ? text(node, "prefix", p, true) : "fourier";
        double period = node.has("period_days") ? number(node.get("period_days"), p + ".period_days")
                : SeasonalitySpec.YEAR_DAYS;
        int order = integer(node, "order", p, 2);
        if (order < 1 || order > SeasonalitySpec.MAX_ORDER) {
            throw new SpecException(p + ".order: must be between 1 and " + SeasonalitySpec.MAX_ORDER + ", got " + order);
        }
        if (!(period > 0.0 && period <= SeasonalitySpec.MAX_PERIOD_DAYS)) {
            throw new SpecException(p + ".period_days: must be > 0 and at most " + SeasonalitySpec.MAX_PERIOD_DAYS
                    + ", got " + period);
        }
        try {
            return new SeasonalitySpec(prefix, period, order, optionalPrior(node, "prior", p));
        } catch (IllegalArgumentException e) {
            throw new SpecException(p + ": " + e.getMessage(), e);
        }
    }

    private static TrendSpec trend(JsonNode node, String p) {
        requireObject(node, p);
        allowKeys(node, p, Set.of("changepoints", "k_prior", "delta_prior"));
        int changepoints = integer(node, "changepoints", p, 0);
        if (changepoints < 0 || changepoints > TrendSpec.MAX_CHANGEPOINTS) {
            throw new SpecException(p + ".changepoints: must be between 0 and " + TrendSpec.MAX_CHANGEPOINTS + ", got "
                    + changepoints);
        }
        try {
            return new TrendSpec(integer(node, "changepoints", p, 0), optionalPrior(node, "k_prior", p),
                    optionalPrior(node, "delta_prior", p));
        } catch (SpecException e) {
            throw e.getMessage().startsWith("$") ? e : new SpecException(p + ": " + e.getMessage(), e);
        }
    }

    private static EventSpec event(JsonNode node, String p) {
        requireObject(node, p);
        allowKeys(node, p, Set.of("name", "dates", "shape", "width_days", "prior"));
        String name = text(node, "name", p, true);
        List<LocalDate> dates = new ArrayList<>();
        for (Item d : array(node, "dates", p)) {
            String s = textValue(d.node, d.path);
            try {
                dates.add(LocalDate.parse(s));
            } catch (DateTimeParseException e) {
                throw new SpecException(d.path + ": not an ISO date (yyyy-mm-dd): '" + s + "'");
            }
        }
        EventSpec.Shape shape = EventSpec.Shape.DUMMY;
        if (node.has("shape")) {
            try {
                shape = EventSpec.Shape.fromJsonName(textValue(node.get("shape"), p + ".shape"));
            } catch (SpecException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new SpecException(p + ".shape: " + e.getMessage());
            }
        }
        double width = node.has("width_days") ? number(node.get("width_days"), p + ".width_days") : 0.0;
        if (!(width >= 0.0 && width <= EventSpec.MAX_WIDTH_DAYS) || (shape == EventSpec.Shape.GAUSSIAN && !(width > 0.0))) {
            throw new SpecException(p + ".width_days: must be " + (shape == EventSpec.Shape.GAUSSIAN ? "> 0" : ">= 0")
                    + " and at most " + EventSpec.MAX_WIDTH_DAYS + ", got " + width);
        }
        if (dates.size() > EventSpec.MAX_DATES) {
            throw new SpecException(p + ".dates: at most " + EventSpec.MAX_DATES + " dates, got " + dates.size());
        }
        try {
            return new EventSpec(name, dates, shape, width, optionalPrior(node, "prior", p));
        } catch (SpecException e) {
            throw e.getMessage().startsWith("$") ? e : new SpecException(p + ": " + e.getMessage(), e);
        }
    }

    private static SynergySpec synergy(JsonNode node, String p, java.util.Set<String> channelNames) {
        requireObject(node, p);
        allowKeys(node, p, Set.of("channels", "prior"));
        List<Item> pair = array(node, "channels", p);
        if (pair.size() != 2) {
            throw new SpecException(p + ".channels: needs exactly two channel names, got " + pair.size());
        }
        String a = textValue(pair.get(0).node, pair.get(0).path);
        String b = textValue(pair.get(1).node, pair.get(1).path);
        for (Item item : pair) {
            if (!channelNames.contains(item.node.asText())) {
                throw new SpecException(item.path + ": '" + item.node.asText() + "' is not a channel; the channels are "
                        + MessageText.names(new ArrayList<>(channelNames)));
            }
        }
        try {
            return new SynergySpec(a, b, optionalPrior(node, "prior", p));
        } catch (SpecException e) {
            throw e.getMessage().startsWith("$") ? e : new SpecException(p + ": " + e.getMessage(), e);
        }
    }

    private static LikelihoodSpec likelihood(JsonNode node, String p) {
        if (node.isTextual()) {
            node = MAPPER.createObjectNode().put("family", node.asText());
        }
        requireObject(node, p);
        allowKeys(node, p, Set.of("family", "nu", "nu_prior"));
        String family = text(node, "family", p, true);
        if (!Set.of(LikelihoodSpec.NORMAL, LikelihoodSpec.STUDENT_T, LikelihoodSpec.LOGNORMAL).contains(family)) {
            throw new SpecException(p + ".family: unknown likelihood '" + family + "'; valid: normal, student_t, lognormal");
        }
        Double nu = node.has("nu") ? number(node.get("nu"), p + ".nu") : null;
        if (nu != null && !(nu > 0.0 && nu <= LikelihoodSpec.MAX_NU)) {
            throw new SpecException(p + ".nu: must be > 0 and at most " + LikelihoodSpec.MAX_NU + ", got " + nu);
        }
        Distribution nuPrior = optionalPrior(node, "nu_prior", p);
        if (nuPrior != null) {
            checkWithin(nuPrior, Support.POSITIVE, p + ".nu_prior");
        }
        try {
            return new LikelihoodSpec(family, nu, nuPrior);
        } catch (SpecException e) {
            throw new SpecException(p + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private record Item(JsonNode node, String path) {
    }

    private static void requireObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new SpecException(path + ": expected an object, got " + describe(node));
        }
    }

    private static void allowKeys(JsonNode node, String path, Set<String> allowed) {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new SpecException(path + "." + k + ": unknown key; valid: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static String text(JsonNode node, String field, String path, boolean required) {
        JsonNode v = node.get(field);
        if (v == null) {
            if (required) {
                throw new SpecException(path + "." + field + ": missing");
            }
            return null;
        }
        return textValue(v, path + "." + field);
    }

    private static String textValue(JsonNode v, String path) {
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new SpecException(path + ": expected a non-empty string, got " + describe(v));
        }
        return v.asText();
    }

    private static double number(JsonNode v, String path) {
        if (!v.isNumber()) {
            throw new SpecException(path + ": expected a number, got " + describe(v));
        }
        double d = v.asDouble();
        if (!Double.isFinite(d)) {
            // 1e999 parses to Infinity, which the writer could not write back as a number.
            throw new SpecException(path + ": expected a finite number, got " + d);
        }
        return d;
    }

    private static int integer(JsonNode node, String field, String path, int fallback) {
        JsonNode v = node.get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new SpecException(path + "." + field + ": expected an integer, got " + describe(v));
        }
        return v.asInt();
    }

    private static ScalingMethod scaling(JsonNode v, String path) {
        String s = textValue(v, path);
        try {
            return ScalingMethod.fromJsonName(s);
        } catch (IllegalArgumentException e) {
            throw new SpecException(path + ": " + e.getMessage());
        }
    }

    private static List<Item> array(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        List<Item> items = new ArrayList<>();
        if (v == null || v.isNull()) {
            return items;
        }
        if (!v.isArray()) {
            throw new SpecException(path + "." + field + ": expected an array, got " + describe(v));
        }
        for (int i = 0; i < v.size(); i++) {
            items.add(new Item(v.get(i), path + "." + field + "[" + i + "]"));
        }
        return items;
    }

    private static Distribution optionalPrior(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : prior(v, path + "." + field);
    }

    private static Distribution prior(JsonNode node, String path) {
        try {
            return Priors.fromJson(node, path);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new SpecException(m != null && m.startsWith("$") ? m : path + ": " + m, e);
        }
    }

    /** Model-wide families whose domain we know: scales must be positive. */
    private static void checkKnownDomain(String family, Distribution d, String path) {
        if (family.equals("sigma") || family.equals("nu")) {
            checkWithin(d, Support.POSITIVE, path);
        }
    }

    private static void checkWithin(Distribution d, Support domain, String path) {
        Support s = d.support();
        if (s.lower() < domain.lower() || s.upper() > domain.upper()) {
            throw new SpecException(path + ": impossible prior " + d.name() + " with support [" + s.lower() + ", "
                    + s.upper() + "] for a parameter in [" + domain.lower() + ", " + domain.upper() + "]");
        }
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String s = node.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
