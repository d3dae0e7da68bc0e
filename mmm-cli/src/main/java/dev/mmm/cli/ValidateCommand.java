package dev.mmm.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mmm.core.analysis.InputDiagnostics;
import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.AnalysisJson;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.ControlSpec;
import dev.mmm.core.model.FitChecks;
import dev.mmm.core.model.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mmm validate}: check a model and its data without fitting. */
@Command(mixinStandardHelpOptions = true,
        name = "validate",
        sortOptions = false,
        description = {
            "Check a model spec and a data file together without fitting (seconds, not minutes).",
            "",
            "Reads the CSV as 'mmm fit' would, applies the same checks (dates, gaps, numbers, enough rows for the"
                    + " parameters), compiles the model on the data, and reports the parameters it would sample and what"
                    + " to know about the inputs (correlated channels, VIF, channels that rarely spend, constant columns)."},
        footer = {"", "Examples:", "  mmm validate --data sales.csv --spec model.json",
            "  mmm validate --data sales.csv --target sales --channels tv,radio --controls price --json"})
final class ValidateCommand extends CliCommand {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file with the data.")
    Path data;

    @Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--json", description = "Print JSON (the parameters, warnings and input diagnostics) instead of text.")
    boolean json;

    @Override
    protected int execute() throws Exception {
        model.check();
        ModelSpec spec = model.spec();
        Dataset dataset = CsvReader.read(data, spec.dateColumn(), ModelOptions.columns(spec));
        List<String> warnings = new ArrayList<>(FitChecks.validate(spec, dataset));
        CompiledModel compiled = spec.compile(dataset);
        Map<String, double[]> spend = new LinkedHashMap<>();
        for (String c : spec.channelNames()) {
            spend.put(c, dataset.column(c));
        }
        Map<String, double[]> controls = new LinkedHashMap<>();
        for (ControlSpec c : spec.controls()) {
            controls.put(c.name(), dataset.column(c.name()));
        }
        InputDiagnostics inputs = InputDiagnostics.of(spend, controls);
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("valid", true);
            root.put("rows", dataset.rows());
            root.put("first_date", dataset.date(0).toString());
            root.put("last_date", dataset.date(dataset.rows() - 1).toString());
            ArrayNode names = root.putArray("parameters");
            compiled.parameterNames().forEach(names::add);
            root.put("sampled_dimension", compiled.dimension());
            ArrayNode w = root.putArray("warnings");
            warnings.forEach(w::add);
            AnalysisJson.inputs(root.putObject("inputs"), inputs);
            out().print(mapper.writeValueAsString(root) + "\n");
            return ExitCodes.OK;
        }
        out().println("OK: " + dataset.rows() + " periods (" + dataset.date(0) + " to " + dataset.date(dataset.rows() - 1)
                + "), " + compiled.parameterCount() + " parameters (" + compiled.dimension() + " sampled): "
                + String.join(", ", compiled.parameterNames()));
        warnings.forEach(x -> out().println("warning: " + Errors.oneLine(x)));
        inputs.warnings().forEach(x -> out().println("about the inputs: " + Errors.oneLine(x)));
        return ExitCodes.OK;
    }
}
