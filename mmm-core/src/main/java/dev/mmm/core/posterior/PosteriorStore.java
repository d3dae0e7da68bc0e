package dev.mmm.core.posterior;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mmm.core.data.DataException;
import dev.mmm.core.io.AtomicFolder;
import dev.mmm.core.model.ModelSpec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads a {@link Posterior} as two files in a folder: {@code posterior.json} (names,
 * chains, adaptation, provenance, run info, and the SHA-256 of the binary file) and
 * {@code posterior.bin} (an 8-byte magic {@code MMMPOST1}, the column and draw counts, then every
 * parameter column and every sampler column as little-endian IEEE doubles, column after column).
 * A load gives back every number bit for bit; a damaged or mismatched binary file is refused with
 * the path and what is wrong.
 */
public final class PosteriorStore {

    public static final String METADATA_FILE = "posterior.json";
    public static final String DRAWS_FILE = "posterior.bin";
    static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "MMMPOST1".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PosteriorStore() {
    }

    /** Writes both files into {@code dir} (which must exist; meant to be a staging folder of {@code AtomicFolder}). */
    public static void save(Posterior posterior, Path dir) throws IOException {
        MessageDigest sha = sha256();
        AtomicFolder.writeFile(dir, DRAWS_FILE, out -> writeBinary(posterior, out, sha));
        String json = metadataJson(posterior, HexFormat.of().formatHex(sha.digest()));
        AtomicFolder.writeText(dir, METADATA_FILE, w -> w.write(json));
    }

    private static void writeBinary(Posterior p, OutputStream raw, MessageDigest sha) throws IOException {
        int columns = p.parameterNames().size() + Posterior.SAMPLER_COLUMNS.size();
        {
            DigestOutputStream digest = new DigestOutputStream(new BufferedOutputStream(raw, 1 << 16), sha);
            ByteBuffer header = ByteBuffer.allocate(MAGIC.length + 4 + 8).order(ByteOrder.LITTLE_ENDIAN);
            header.put(MAGIC).putInt(columns).putLong(p.drawCount());
            digest.write(header.array());
            ByteBuffer buffer = ByteBuffer.allocate(8 * 4096).order(ByteOrder.LITTLE_ENDIAN);
            for (int k = 0; k < p.parameterNames().size(); k++) {
                writeColumn(p.rawColumn(k), buffer, digest);
            }
            for (String name : Posterior.SAMPLER_COLUMNS) {
                writeColumn(p.rawSamplerColumn(name), buffer, digest);
            }
            // Flush, not close: the folder writer owns the stream.
            digest.flush();
        }
    }

    private static void writeColumn(double[] values, ByteBuffer buffer, OutputStream out) throws IOException {
        for (double v : values) {
            if (!buffer.hasRemaining()) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            buffer.putDouble(v);
        }
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }

    static String metadataJson(Posterior p, String binarySha256) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "mmm-posterior");
        root.put("format_version", FORMAT_VERSION);
        ArrayNode names = root.putArray("parameters");
        p.parameterNames().forEach(names::add);
        ArrayNode sampler = root.putArray("sampler_columns");
        Posterior.SAMPLER_COLUMNS.forEach(sampler::add);
        ArrayNode perChain = root.putArray("draws_per_chain");
        for (int n : p.drawsPerChain()) {
            perChain.add(n);
        }
        ObjectNode binary = root.putObject("binary");
        binary.put("file", DRAWS_FILE);
        binary.put("byte_order", "little_endian");
        binary.put("layout", "column_major");
        binary.put("sha256", binarySha256);
        Posterior.RunInfo r = p.run();
        ObjectNode run = root.putObject("run");
        run.put("warmup", r.warmup());
        run.put("draws", r.drawsRequested());
        run.put("complete", r.complete());
        run.put("wall_seconds", r.wallSeconds());
        run.put("warmup_seconds", r.warmupSeconds());
        run.put("sampling_seconds", r.samplingSeconds());
        run.put("gradient_evaluations", r.gradientEvaluations());
        ArrayNode adaptation = root.putArray("adaptation");
        for (ChainAdaptation a : p.adaptation()) {
            ObjectNode o = adaptation.addObject();
            o.put("chain", a.chain());
            o.put("step_size", a.stepSize());
            ArrayNode m = o.putArray("inverse_metric_diagonal");
            for (double v : a.inverseMetricDiagonal()) {
                m.add(v);
            }
            ArrayNode q = o.putArray("last_position");
            for (double v : a.lastPosition()) {
                q.add(v);
            }
        }
        Provenance v = p.provenance();
        ObjectNode prov = root.putObject("provenance");
        try {
            prov.set("spec", MAPPER.readTree(v.specJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the spec's own JSON does not parse", e);
        }
        prov.put("target_scale", v.targetScale());
        ObjectNode scales = prov.putObject("channel_scales");
        v.channelScales().forEach(scales::put);
        prov.put("data_sha256", v.dataSha256());
        prov.put("data_rows", v.dataRows());
        prov.put("first_date", v.firstDate());
        prov.put("last_date", v.lastDate());
        prov.put("seed", v.seed());
        ObjectNode settings = prov.putObject("sampler_settings");
        v.samplerSettings().forEach(settings::put);
        prov.put("library_version", v.libraryVersion());
        prov.put("created_at", v.createdAt());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the posterior saved in {@code dir}; errors name the file and the JSON path or byte offset. */
    public static Posterior load(Path dir) throws IOException {
        Path metaFile = dir.resolve(METADATA_FILE);
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(metaFile, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new DataException(metaFile + ": no such file (is " + dir + " a fit folder written by 'mmm fit'?)");
        } catch (JsonProcessingException e) {
            throw new DataException(metaFile + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (!"mmm-posterior".equals(text(root, "format", metaFile)) || root.path("format_version").asInt() != FORMAT_VERSION) {
            throw new DataException(metaFile + ": $.format_version: expected mmm-posterior version " + FORMAT_VERSION);
        }
        List<String> names = strings(root, "parameters", metaFile);
        List<String> sampler = strings(root, "sampler_columns", metaFile);
        if (!sampler.equals(Posterior.SAMPLER_COLUMNS)) {
            throw new DataException(metaFile + ": $.sampler_columns: expected " + Posterior.SAMPLER_COLUMNS);
        }
        JsonNode perChainNode = array(root, "draws_per_chain", metaFile);
        int[] perChain = new int[perChainNode.size()];
        long total = 0;
        for (int c = 0; c < perChain.length; c++) {
            perChain[c] = perChainNode.get(c).asInt();
            total += perChain[c];
        }
        JsonNode run = object(root, "run", metaFile);
        Posterior.RunInfo runInfo = new Posterior.RunInfo(run.path("warmup").asInt(), run.path("draws").asInt(),
                run.path("complete").asBoolean(), run.path("wall_seconds").asDouble(),
                run.path("warmup_seconds").asDouble(), run.path("sampling_seconds").asDouble(),
                run.path("gradient_evaluations").asLong());
        List<ChainAdaptation> adaptation = new ArrayList<>();
        for (JsonNode a : array(root, "adaptation", metaFile)) {
            adaptation.add(new ChainAdaptation(a.path("chain").asInt(), a.path("step_size").asDouble(),
                    doubles(a.path("inverse_metric_diagonal")), doubles(a.path("last_position"))));
        }
        JsonNode prov = object(root, "provenance", metaFile);
        String specJson;
        try {
            JsonNode spec = prov.path("spec");
            // A geo fit's spec is a national spec plus "geo"; GeoFit.load checks it as a GeoSpec.
            specJson = spec.has("geo") ? MAPPER.writeValueAsString(spec)
                    : ModelSpec.fromJson(MAPPER.writeValueAsString(spec)).toJson();
        } catch (RuntimeException | JsonProcessingException e) {
            throw new DataException(metaFile + ": $.provenance.spec: " + e.getMessage());
        }
        Map<String, Double> scales = new LinkedHashMap<>();
        prov.path("channel_scales").fields().forEachRemaining(e -> scales.put(e.getKey(), e.getValue().asDouble()));
        Map<String, String> settings = new LinkedHashMap<>();
        prov.path("sampler_settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        Provenance provenance = new Provenance(specJson, prov.path("target_scale").asDouble(), scales,
                prov.path("data_sha256").asText(), prov.path("data_rows").asInt(), prov.path("first_date").asText(),
                prov.path("last_date").asText(), prov.path("seed").asLong(), settings,
                prov.path("library_version").asText(), prov.path("created_at").asText());

        Path binFile = dir.resolve(DRAWS_FILE);
        int columnCount = names.size() + sampler.size();
        if (total * columnCount > Integer.MAX_VALUE) {
            throw new DataException(metaFile + ": $.draws_per_chain: " + total + " draws of " + columnCount
                    + " columns are more than one posterior can hold");
        }
        int draws = (int) total;
        double[][] columns = new double[names.size()][];
        Map<String, double[]> samplerColumns = new LinkedHashMap<>();
        MessageDigest sha = sha256();
        try (InputStream raw = Files.newInputStream(binFile);
             DigestInputStream digest = new DigestInputStream(new BufferedInputStream(raw, 1 << 16), sha);
             DataInputStream in = new DataInputStream(digest)) {
            byte[] header = new byte[MAGIC.length + 12];
            in.readFully(header);
            ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            byte[] magic = new byte[MAGIC.length];
            h.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new DataException(binFile + ": not a posterior draws file (bad magic bytes)");
            }
            int fileColumns = h.getInt();
            long fileDraws = h.getLong();
            if (fileColumns != columnCount || fileDraws != draws) {
                throw new DataException(binFile + ": holds " + fileColumns + " columns x " + fileDraws + " draws but "
                        + METADATA_FILE + " says " + columnCount + " x " + draws);
            }
            byte[] bytes = new byte[8 * draws];
            for (int k = 0; k < columnCount; k++) {
                in.readFully(bytes);
                double[] column = new double[draws];
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(column);
                if (k < names.size()) {
                    columns[k] = column;
                } else {
                    samplerColumns.put(sampler.get(k - names.size()), column);
                }
            }
            if (in.read() != -1) {
                throw new DataException(binFile + ": has bytes after the last column");
            }
        } catch (NoSuchFileException e) {
            throw new DataException(binFile + ": no such file");
        } catch (EOFException e) {
            throw new DataException(binFile + ": ends early (truncated)");
        }
        String expected = root.path("binary").path("sha256").asText();
        String actual = HexFormat.of().formatHex(sha.digest());
        if (!expected.equals(actual)) {
            throw new DataException(binFile + ": SHA-256 " + actual + " does not match " + METADATA_FILE + " ($.binary.sha256 "
                    + expected + "): the file was changed or damaged");
        }
        return new Posterior(names, perChain, columns, samplerColumns, adaptation, provenance, runInfo);
    }

    private static String text(JsonNode root, String field, Path file) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual()) {
            throw new DataException(file + ": $." + field + ": expected a string");
        }
        return n.asText();
    }

    private static JsonNode array(JsonNode root, String field, Path file) {
        JsonNode n = root.get(field);
        if (n == null || !n.isArray()) {
            throw new DataException(file + ": $." + field + ": expected an array");
        }
        return n;
    }

    private static JsonNode object(JsonNode root, String field, Path file) {
        JsonNode n = root.get(field);
        if (n == null || !n.isObject()) {
            throw new DataException(file + ": $." + field + ": expected an object");
        }
        return n;
    }

    private static List<String> strings(JsonNode root, String field, Path file) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array(root, field, file)) {
            out.add(n.asText());
        }
        return out;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
