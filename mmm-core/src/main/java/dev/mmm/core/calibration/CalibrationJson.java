package dev.mmm.core.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mmm.core.model.SpecException;
import dev.mmm.priors.Distribution;
import dev.mmm.priors.Priors;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The {@code calibration} object of the JSON spec:
 * <pre>
 * "calibration": {
 *   "lift_tests": [{"channel": "tv", "start": "2021-03-01", "end": "2021-03-28", "delta_spend": 50000,
 *                   "lift": 120000, "se": 30000, "measured_until": "2021-04-25", "likelihood": "normal"}],
 *   "roi_priors": [{"channel": "search", "kind": "roas", "prior": {"dist": "LogNormal", "mu": 0.7, "sigma": 0.3},
 *                   "start": "2021-01-04", "end": "2021-12-27"}]}
 * </pre>
 * {@code measured_until}, {@code likelihood}, and a ROI prior's {@code kind} ({@code roas}
 * (default), {@code mroas}, {@code share}, {@code cost_per_target}) and {@code start}/{@code end}
 * are optional. Errors are {@link SpecException}s starting with the JSON path.
 */
public final class CalibrationJson {

    private CalibrationJson() {
    }

    /** The JSON object of a calibration (every field spelled out except absent optional dates). */
    public static ObjectNode write(Calibration c) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ArrayNode tests = root.putArray("lift_tests");
        for (LiftTest t : c.liftTests()) {
            tests.add(liftTestNode(t));
        }
        ArrayNode rois = root.putArray("roi_priors");
        for (RoiPrior r : c.roiPriors()) {
            ObjectNode o = rois.addObject();
            o.put("channel", r.channel());
            o.put("kind", r.kind().jsonName());
            o.set("prior", Priors.toJson(r.prior()));
            if (r.start() != null) {
                o.put("start", r.start().toString());
            }
            if (r.end() != null) {
                o.put("end", r.end().toString());
            }
        }
        return root;
    }

    /** One lift test's JSON object, as in {@code calibration.lift_tests}. */
    public static ObjectNode liftTestNode(LiftTest t) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("channel", t.channel());
        o.put("start", t.start().toString());
        o.put("end", t.end().toString());
        o.put("delta_spend", t.deltaSpend());
        o.put("lift", t.lift());
        o.put("se", t.se());
        if (t.measuredUntil() != null) {
            o.put("measured_until", t.measuredUntil().toString());
        }
        o.put("likelihood", t.likelihood().jsonName());
        return o;
    }

    /**
     * A calibration object (as the spec's {@code calibration}) from a JSON file; errors start with
     * the file name and the JSON path, e.g. {@code roi.json: $.roi_priors[0].channel: missing}.
     */
    public static Calibration read(java.nio.file.Path file) throws java.io.IOException {
        String text = java.nio.file.Files.readString(file);
        JsonNode node;
        try {
            node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SpecException(file + ": not valid JSON: " + e.getOriginalMessage().replace('\n', ' '));
        }
        try {
            return read(node, "$");
        } catch (SpecException e) {
            throw new SpecException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the {@code calibration} object at JSON path {@code p}. */
    public static Calibration read(JsonNode node, String p) {
        requireObject(node, p);
        allowKeys(node, p, Set.of("lift_tests", "roi_priors"));
        List<LiftTest> tests = new ArrayList<>();
        JsonNode lt = node.get("lift_tests");
        if (lt != null && !lt.isNull()) {
            requireArray(lt, p + ".lift_tests");
            for (int i = 0; i < lt.size(); i++) {
                tests.add(liftTest(lt.get(i), p + ".lift_tests[" + i + "]"));
            }
        }
        List<RoiPrior> rois = new ArrayList<>();
        JsonNode rp = node.get("roi_priors");
        if (rp != null && !rp.isNull()) {
            requireArray(rp, p + ".roi_priors");
            for (int i = 0; i < rp.size(); i++) {
                rois.add(roiPrior(rp.get(i), p + ".roi_priors[" + i + "]"));
            }
        }
        try {
            return new Calibration(tests, rois);
        } catch (IllegalArgumentException e) {
            throw new SpecException(p + "." + e.getMessage(), e);
        }
    }

    private static LiftTest liftTest(JsonNode node, String p) {
        return liftTest(node, p, Set.of());
    }

    /**
     * One lift test's object at JSON path {@code p} (the fields of {@code calibration.lift_tests}),
     * with {@code extraKeys} allowed beside them for the caller to read (a geo lift test's
     * {@code geo}); errors are {@link SpecException}s starting with {@code p}.
     */
    public static LiftTest liftTest(JsonNode node, String p, Set<String> extraKeys) {
        requireObject(node, p);
        Set<String> keys = new java.util.HashSet<>(extraKeys);
        keys.addAll(List.of("channel", "start", "end", "delta_spend", "lift", "se", "measured_until", "likelihood"));
        allowKeys(node, p, keys);
        String channel = text(node, "channel", p);
        LocalDate start = date(node, "start", p, true);
        LocalDate end = date(node, "end", p, true);
        double delta = number(node, "delta_spend", p);
        double lift = number(node, "lift", p);
        double se = number(node, "se", p);
        LocalDate until = date(node, "measured_until", p, false);
        LiftLikelihood likelihood = null;
        if (node.has("likelihood")) {
            try {
                likelihood = LiftLikelihood.fromJsonName(text(node, "likelihood", p));
            } catch (SpecException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new SpecException(p + ".likelihood: " + e.getMessage(), e);
            }
        }
        try {
            return new LiftTest(channel, start, end, delta, lift, se, until, likelihood);
        } catch (IllegalArgumentException e) {
            throw new SpecException(p + ": " + e.getMessage(), e);
        }
    }

    private static RoiPrior roiPrior(JsonNode node, String p) {
        requireObject(node, p);
        allowKeys(node, p, Set.of("channel", "kind", "prior", "start", "end"));
        String channel = text(node, "channel", p);
        RoiPrior.Kind kind = RoiPrior.Kind.ROAS;
        if (node.has("kind")) {
            try {
                kind = RoiPrior.Kind.fromJsonName(text(node, "kind", p));
            } catch (SpecException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new SpecException(p + ".kind: " + e.getMessage(), e);
            }
        }
        if (!node.has("prior")) {
            throw new SpecException(p + ".prior: missing");
        }
        Distribution prior;
        try {
            prior = Priors.fromJson(node.get("prior"), p + ".prior");
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new SpecException(m != null && m.startsWith("$") ? m : p + ".prior: " + m, e);
        }
        try {
            return new RoiPrior(channel, prior, date(node, "start", p, false), date(node, "end", p, false), kind);
        } catch (IllegalArgumentException e) {
            throw new SpecException(p + ": " + e.getMessage(), e);
        }
    }

    private static void requireObject(JsonNode node, String p) {
        if (node == null || !node.isObject()) {
            throw new SpecException(p + ": expected an object, got " + node);
        }
    }

    private static void requireArray(JsonNode node, String p) {
        if (!node.isArray()) {
            throw new SpecException(p + ": expected an array, got " + node);
        }
    }

    private static void allowKeys(JsonNode node, String p, Set<String> allowed) {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new SpecException(p + "." + k + ": unknown key; valid: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    /** The required non-empty string {@code field} of the object at JSON path {@code p}. */
    public static String text(JsonNode node, String field, String p) {
        JsonNode v = node.get(field);
        if (v == null) {
            throw new SpecException(p + "." + field + ": missing");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new SpecException(p + "." + field + ": expected a non-empty string, got " + v);
        }
        return v.asText();
    }

    private static double number(JsonNode node, String field, String p) {
        JsonNode v = node.get(field);
        if (v == null) {
            throw new SpecException(p + "." + field + ": missing");
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new SpecException(p + "." + field + ": expected a finite number, got " + v);
        }
        return v.asDouble();
    }

    private static LocalDate date(JsonNode node, String field, String p, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new SpecException(p + "." + field + ": missing");
            }
            return null;
        }
        String s = text(node, field, p);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new SpecException(p + "." + field + ": not an ISO date (yyyy-mm-dd): '" + s + "'");
        }
    }
}
