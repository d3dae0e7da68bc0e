package dev.mmm.priors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The registry of distribution families by name, and their JSON form
 * {@code {"dist": "HalfNormal", "sigma": 2}}.
 */
public final class Priors {

    /** The key naming the family in a JSON prior. */
    public static final String DIST_KEY = "dist";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, List<Parametrisation>> FAMILIES = new LinkedHashMap<>();

    /**
     * One way to give a family's parameters: required fields, optional fields with their
     * defaults (omitted from JSON when equal to the default), and how to build the distribution
     * from the values in the order required then optional.
     */
    private record Parametrisation(List<String> required, LinkedHashMap<String, Double> optional,
                                   Function<double[], Distribution> factory) {

        boolean accepts(Set<String> keys) {
            return keys.containsAll(required) && allowed().containsAll(keys);
        }

        Set<String> allowed() {
            Set<String> all = new LinkedHashSet<>(required);
            all.addAll(optional.keySet());
            return all;
        }
    }

    static {
        family(Normal.NAME, List.of("mu", "sigma"), v -> new Normal(v[0], v[1]));
        family(HalfNormal.NAME, List.of("sigma"), v -> new HalfNormal(v[0]));
        family(Beta.NAME, List.of("alpha", "beta"), v -> new Beta(v[0], v[1]));
        alternative(Beta.NAME, List.of("mu", "sigma"), new LinkedHashMap<>(), v -> Beta.ofMeanSd(v[0], v[1]));
        family(Gamma.NAME, List.of("alpha", "beta"), v -> new Gamma(v[0], v[1]));
        alternative(Gamma.NAME, List.of("mu", "sigma"), new LinkedHashMap<>(), v -> Gamma.ofMeanSd(v[0], v[1]));
        family(Laplace.NAME, List.of("mu", "b"), v -> new Laplace(v[0], v[1]));
        family(Dirac.NAME, List.of("value"), v -> new Dirac(v[0]));
    }

    private Priors() {
    }

    private static void family(String name, List<String> required, Function<double[], Distribution> factory) {
        family(name, required, new LinkedHashMap<>(), factory);
    }

    private static void family(String name, List<String> required, LinkedHashMap<String, Double> optional,
                               Function<double[], Distribution> factory) {
        List<Parametrisation> list = new ArrayList<>();
        list.add(new Parametrisation(required, optional, factory));
        FAMILIES.put(name, list);
    }

    private static void alternative(String name, List<String> required, LinkedHashMap<String, Double> optional,
                                    Function<double[], Distribution> factory) {
        FAMILIES.get(name).add(new Parametrisation(required, optional, factory));
    }

    /** Every registered family name, in registration order. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(FAMILIES.keySet());
    }

    /**
     * Builds a family from named values, as JSON would give them (any of its parametrisations).
     *
     * @throws PriorSpecException for an unknown name, unknown or missing field, or an illegal value
     */
    public static Distribution create(String name, Map<String, Double> parameters) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(DIST_KEY, name);
        parameters.forEach(node::put);
        return fromJson(node, "$");
    }

    /** Reads {@code {"dist": ..., fields...}}; errors are prefixed with {@code $}. */
    public static Distribution fromJson(JsonNode node) {
        return fromJson(node, "$");
    }

    public static Distribution fromJson(String json) {
        return fromJson(json, "$");
    }

    public static Distribution fromJson(String json, String path) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PriorSpecException(path + ": not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
        return fromJson(node, path);
    }

    /**
     * Reads a prior at JSON path {@code path} (e.g. {@code $.channels.tv.priors.beta}), which
     * prefixes every error message: {@code $.channels.tv.priors.beta.sigma: must be > 0, got -1}.
     */
    public static Distribution fromJson(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new PriorSpecException(path + ": a prior must be a JSON object like {\"dist\": \"Normal\", \"mu\": 0, \"sigma\": 1}, got "
                    + (node == null ? "nothing" : node.toString()));
        }
        JsonNode distNode = node.get(DIST_KEY);
        if (distNode == null) {
            throw new PriorSpecException(path + "." + DIST_KEY + ": missing (one of " + String.join(", ", names()) + ")");
        }
        if (!distNode.isTextual()) {
            throw new PriorSpecException(path + "." + DIST_KEY + ": must be a string, got " + distNode);
        }
        String name = distNode.asText();
        List<Parametrisation> ways = FAMILIES.get(name);
        if (ways == null) {
            throw new PriorSpecException(path + "." + DIST_KEY + ": unknown distribution \"" + name
                    + "\" (known: " + String.join(", ", names()) + ")");
        }
        Set<String> known = new LinkedHashSet<>();
        ways.forEach(w -> known.addAll(w.allowed()));
        Map<String, Double> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (key.equals(DIST_KEY)) {
                continue;
            }
            if (!known.contains(key)) {
                throw new PriorSpecException(path + "." + key + ": unknown field for " + name
                        + " (expected " + describe(ways) + ")");
            }
            JsonNode value = field.getValue();
            if (!value.isNumber()) {
                throw new PriorSpecException(path + "." + key + ": must be a number, got " + value);
            }
            values.put(key, value.doubleValue());
        }
        Parametrisation chosen = ways.stream().filter(w -> w.accepts(values.keySet())).findFirst().orElse(null);
        if (chosen == null) {
            throw new PriorSpecException(noParametrisation(path, name, ways, values.keySet()));
        }
        double[] args = new double[chosen.required().size() + chosen.optional().size()];
        int i = 0;
        for (String key : chosen.required()) {
            args[i++] = values.get(key);
        }
        for (Map.Entry<String, Double> opt : chosen.optional().entrySet()) {
            args[i++] = values.getOrDefault(opt.getKey(), opt.getValue());
        }
        try {
            return chosen.factory().apply(args);
        } catch (ParameterException e) {
            JsonNode written = node.get(e.field());
            String got = written != null ? written.asText() : Double.toString(e.value());
            throw new PriorSpecException(path + "." + e.field() + ": " + e.requirement() + ", got " + got, e);
        }
    }

    private static String noParametrisation(String path, String name, List<Parametrisation> ways, Set<String> keys) {
        Parametrisation canonical = ways.get(0);
        boolean mixed = ways.size() > 1 && ways.stream().filter(w -> keys.stream().anyMatch(w.required()::contains)).count() > 1;
        if (mixed) {
            return path + ": " + name + " takes " + describe(ways) + ", not a mix of them, got " + keys;
        }
        Parametrisation started = ways.stream()
                .filter(w -> keys.stream().anyMatch(w.required()::contains)).findFirst().orElse(canonical);
        String missing = started.required().stream().filter(k -> !keys.contains(k)).findFirst().orElse("?");
        return path + "." + missing + ": missing (" + name + " needs " + describe(ways) + ")";
    }

    private static String describe(List<Parametrisation> ways) {
        List<String> options = new ArrayList<>();
        for (Parametrisation w : ways) {
            String text = String.join(", ", w.required());
            if (!w.optional().isEmpty()) {
                text += " and optionally " + String.join(", ", w.optional().keySet());
            }
            options.add(text);
        }
        return String.join(" or ", options);
    }

    /**
     * The JSON form of a distribution: {@code dist} then its parameters in order; an optional
     * parameter equal to its default (an infinite truncation bound) is left out, as JSON has no infinity.
     */
    public static ObjectNode toJson(Distribution distribution) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(DIST_KEY, distribution.name());
        List<Parametrisation> ways = FAMILIES.get(distribution.name());
        Map<String, Double> defaults = ways == null ? Map.of() : ways.get(0).optional();
        for (Map.Entry<String, Double> p : distribution.parameters().entrySet()) {
            Double dflt = defaults.get(p.getKey());
            if (dflt != null && Double.compare(dflt, p.getValue()) == 0) {
                continue;
            }
            node.put(p.getKey(), p.getValue());
        }
        return node;
    }
}
