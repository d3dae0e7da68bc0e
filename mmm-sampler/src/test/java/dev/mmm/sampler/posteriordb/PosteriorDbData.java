package dev.mmm.sampler.posteriordb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mmm.sampler.testutil.Reference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a posteriordb posterior's data.json and reference_draws.json. */
final class PosteriorDbData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PosteriorDbData() {
    }

    /** The posterior's data; skips the calling test when the reference data is absent. */
    static JsonNode data(String posterior) {
        return read(Reference.path("posteriordb/" + posterior + "/data.json"));
    }

    /** Reference draws as parameter name -> [chain][draw], in file order. */
    static Map<String, double[][]> referenceDraws(String posterior) {
        JsonNode chains = read(Reference.path("posteriordb/" + posterior + "/reference_draws.json"));
        Map<String, List<double[]>> byName = new LinkedHashMap<>();
        for (JsonNode chain : chains) {
            Iterator<Map.Entry<String, JsonNode>> fields = chain.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                byName.computeIfAbsent(field.getKey(), k -> new ArrayList<>())
                        .add(doubles(field.getValue()));
            }
        }
        Map<String, double[][]> draws = new LinkedHashMap<>();
        byName.forEach((name, list) -> draws.put(name, list.toArray(new double[0][])));
        return draws;
    }

    static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    static double[][] matrix(JsonNode rows) {
        double[][] values = new double[rows.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = doubles(rows.get(i));
        }
        return values;
    }

    private static JsonNode read(Path path) {
        try {
            return JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
