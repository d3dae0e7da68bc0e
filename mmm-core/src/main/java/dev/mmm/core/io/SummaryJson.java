package dev.mmm.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mmm.core.data.DataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code summary.json}: the keys of MODEL.md in that order, plus {@code complete},
 * {@code draws_completed} (per chain), {@code summary_chains} and {@code summary_draws}
 * (which chains, and how many draws of each, the parameter summaries use: after an interrupt,
 * the chains that have draws, cut to the shortest), {@code warnings}, {@code chains_report}
 * (per chain: step size, mean tree depth, divergences, max-treedepth hits, E-BFMI; optional on
 * reading) and, per parameter, {@code mcse_sd}.
 * A quantity that is undefined (NaN, e.g. R-hat of too few draws) is written as {@code null},
 * since JSON has no NaN; it reads back as NaN.
 */
public final class SummaryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    public static String toJson(FitSummary s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("chains", s.chains());
        root.put("warmup", s.warmup());
        root.put("draws", s.draws());
        root.put("seed", s.seed());
        number(root, "wall_seconds", s.wallSeconds());
        number(root, "warmup_seconds", s.warmupSeconds());
        number(root, "sampling_seconds", s.samplingSeconds());
        root.put("gradient_evaluations", s.gradientEvaluations());
        root.put("divergences", s.divergences());
        root.put("max_treedepth_hits", s.maxTreedepthHits());
        root.put("complete", s.complete());
        ArrayNode completed = root.putArray("draws_completed");
        s.drawsCompleted().forEach(completed::add);
        ArrayNode used = root.putArray("summary_chains");
        s.summaryChains().forEach(used::add);
        root.put("summary_draws", s.summaryDrawsPerChain());
        ArrayNode warnings = root.putArray("warnings");
        s.warnings().forEach(warnings::add);
        ArrayNode chains = root.putArray("chains_report");
        for (FitSummary.Chain c : s.chainsReport()) {
            ObjectNode o = chains.addObject();
            o.put("chain", c.chain());
            number(o, "step_size", c.stepSize());
            number(o, "mean_tree_depth", c.meanTreeDepth());
            o.put("divergences", c.divergences());
            o.put("max_treedepth_hits", c.maxTreedepthHits());
            number(o, "ebfmi", c.ebfmi());
        }
        ArrayNode params = root.putArray("parameters");
        for (FitSummary.Parameter p : s.parameters()) {
            ObjectNode o = params.addObject();
            o.put("name", p.name());
            number(o, "mean", p.mean());
            number(o, "sd", p.sd());
            number(o, "q05", p.q05());
            number(o, "q50", p.q50());
            number(o, "q95", p.q95());
            number(o, "rhat", p.rhat());
            number(o, "ess_bulk", p.essBulk());
            number(o, "ess_tail", p.essTail());
            number(o, "mcse_mean", p.mcseMean());
            number(o, "mcse_sd", p.mcseSd());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers and strings always serialises", e);
        }
    }

    public static void write(Path file, FitSummary summary) throws IOException {
        AtomicFiles.writeString(file, toJson(summary));
    }

    public static FitSummary read(Path file) throws IOException {
        String name = String.valueOf(file.getFileName());
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8), name);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file not found");
        }
    }

    /** @throws DataException naming the JSON path of the first missing or mistyped key */
    public static FitSummary fromJson(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new DataException(source + ": not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new DataException(source + ": $ must be a JSON object");
        }
        List<FitSummary.Parameter> parameters = new ArrayList<>();
        JsonNode params = field(root, "parameters", "$", source);
        if (!params.isArray()) {
            throw new DataException(source + ": $.parameters must be an array");
        }
        for (int i = 0; i < params.size(); i++) {
            JsonNode p = params.get(i);
            String path = "$.parameters[" + i + "]";
            JsonNode name = field(p, "name", path, source);
            if (!name.isTextual()) {
                throw new DataException(source + ": " + path + ".name must be a string");
            }
            parameters.add(new FitSummary.Parameter(name.asText(),
                    real(p, "mean", path, source), real(p, "sd", path, source), real(p, "q05", path, source),
                    real(p, "q50", path, source), real(p, "q95", path, source), real(p, "rhat", path, source),
                    real(p, "ess_bulk", path, source), real(p, "ess_tail", path, source),
                    real(p, "mcse_mean", path, source), optionalReal(p, "mcse_sd", path, source)));
        }
        List<Integer> completed = new ArrayList<>();
        JsonNode done = root.get("draws_completed");
        if (done != null && done.isArray()) {
            done.forEach(n -> completed.add(n.asInt()));
        }
        List<String> warnings = new ArrayList<>();
        JsonNode w = root.get("warnings");
        if (w != null && w.isArray()) {
            w.forEach(n -> warnings.add(n.asText()));
        }
        List<FitSummary.Chain> chainsReport = new ArrayList<>();
        JsonNode report = root.get("chains_report");
        if (report != null) {
            if (!report.isArray()) {
                throw new DataException(source + ": $.chains_report must be an array");
            }
            for (int i = 0; i < report.size(); i++) {
                JsonNode c = report.get(i);
                String path = "$.chains_report[" + i + "]";
                chainsReport.add(new FitSummary.Chain((int) integer(c, "chain", path, source),
                        real(c, "step_size", path, source), real(c, "mean_tree_depth", path, source),
                        integer(c, "divergences", path, source), integer(c, "max_treedepth_hits", path, source),
                        real(c, "ebfmi", path, source)));
            }
        }
        JsonNode complete = root.get("complete");
        int chains = (int) integer(root, "chains", source);
        List<Integer> summaryChains = FitSummary.chainsWithDraws(chains, completed);
        JsonNode used = root.get("summary_chains");
        if (used != null && used.isArray()) {
            summaryChains = new ArrayList<>();
            for (JsonNode n : used) {
                summaryChains.add(n.asInt());
            }
        }
        return new FitSummary(
                (int) integer(root, "chains", source), (int) integer(root, "warmup", source),
                (int) integer(root, "draws", source), integer(root, "seed", source),
                real(root, "wall_seconds", "$", source), real(root, "warmup_seconds", "$", source),
                real(root, "sampling_seconds", "$", source), integer(root, "gradient_evaluations", source),
                integer(root, "divergences", source), integer(root, "max_treedepth_hits", source),
                complete == null || complete.asBoolean(), completed, warnings, parameters, summaryChains,
                chainsReport);
    }

    private static void number(ObjectNode o, String key, double value) {
        if (Double.isFinite(value)) {
            o.put(key, value);
        } else {
            o.putNull(key);
        }
    }

    private static JsonNode field(JsonNode o, String key, String path, String source) {
        JsonNode v = o == null ? null : o.get(key);
        if (v == null) {
            throw new DataException(source + ": " + path + "." + key + " is missing");
        }
        return v;
    }

    private static double real(JsonNode o, String key, String path, String source) {
        JsonNode v = field(o, key, path, source);
        if (v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new DataException(source + ": " + path + "." + key + " must be a number or null");
        }
        return v.asDouble();
    }

    private static double optionalReal(JsonNode o, String key, String path, String source) {
        return o.has(key) ? real(o, key, path, source) : Double.NaN;
    }

    private static long integer(JsonNode o, String key, String source) {
        return integer(o, key, "$", source);
    }

    private static long integer(JsonNode o, String key, String path, String source) {
        JsonNode v = field(o, key, path, source);
        if (!v.isIntegralNumber()) {
            throw new DataException(source + ": " + path + "." + key + " must be an integer");
        }
        return v.asLong();
    }
}
