package dev.mmm.cli;

import dev.mmm.core.data.DataException;
import dev.mmm.core.model.ControlSpec;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.model.SpecException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which model to fit, shared by {@code mmm fit} and {@code mmm validate}: either a JSON spec
 * ({@code --spec}, any model the DSL expresses, docs/MODEL-DSL.md) or the default model of
 * docs/MODEL.md named by its columns.
 */
final class ModelOptions {

    @Option(names = "--spec", paramLabel = "FILE", description = "A JSON model spec (docs/MODEL-DSL.md): any model the DSL can express. Replaces --date/--target/--channels/--controls/--yearly-seasonality.")
    Path spec;

    @Option(names = "--date", paramLabel = "COLUMN", description = "Date column (ISO yyyy-MM-dd). Default: date.")
    String date;

    @Option(names = "--target", paramLabel = "COLUMN", description = "Column to explain (sales, conversions...). Required without --spec.")
    String target;

    @Option(names = "--channels", split = ",", paramLabel = "COLUMN", description = "Media spend columns, comma-separated. Required without --spec.")
    List<String> channels = new ArrayList<>();

    @Option(names = "--controls", split = ",", paramLabel = "COLUMN", description = "Control columns (price, promotions...), comma-separated.")
    List<String> controls = new ArrayList<>();

    @Option(names = "--yearly-seasonality", paramLabel = "N", description = "Fourier order of yearly seasonality (0 = none; 2 is usual). Default: 0.")
    Integer yearlySeasonality;

    /** Checks the flags on their own (before any file is read): one of the two ways, not both. */
    void check() {
        if (spec != null) {
            UsageException.require(target == null && channels.isEmpty() && controls.isEmpty() && yearlySeasonality == null,
                    "--spec names the model; leave out --target, --channels, --controls and --yearly-seasonality"
                            + " (put them in the spec)");
            return;
        }
        UsageException.require(target != null, "--target is required (or give the whole model with --spec)");
        UsageException.require(!channels.isEmpty() && channels.stream().noneMatch(String::isBlank),
                "--channels must name at least one column, without empty names");
        UsageException.require(controls.stream().noneMatch(String::isBlank), "--controls has an empty column name");
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> all = new ArrayList<>();
        all.add(target);
        all.addAll(channels);
        all.addAll(controls);
        for (String column : all) {
            if (!seen.add(column)) {
                throw new IllegalArgumentException("column '" + dev.mmm.core.data.MessageText.value(column)
                        + "' is given more than once (as target, channel or control)");
            }
        }
        int order = yearlySeasonality == null ? 0 : yearlySeasonality;
        UsageException.require(order >= 0 && order <= 20, "--yearly-seasonality must be between 0 and 20, got " + order);
    }

    /** The model: read from --spec (errors name the file and the JSON path), or the default model of the flags. */
    ModelSpec spec() throws IOException {
        if (spec != null) {
            String json;
            try {
                json = Files.readString(spec, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new DataException(spec + ": no such file");
            }
            try {
                ModelSpec read = ModelSpec.fromJson(json);
                if (date != null && !date.equals(read.dateColumn())) {
                    throw new UsageException("--date " + date + " differs from the spec's date column '"
                            + read.dateColumn() + "'; leave --date out");
                }
                return read;
            } catch (SpecException e) {
                throw new SpecException(spec + ": " + e.getMessage(), e);
            }
        }
        return ModelSpec.builder()
                .date(date == null ? "date" : date)
                .target(target)
                .channels(channels.toArray(new String[0]))
                .controls(controls.toArray(new String[0]))
                .yearlySeasonality(yearlySeasonality == null ? 0 : yearlySeasonality)
                .build();
    }

    /** The columns the model reads: the target, every channel and every control. */
    static List<String> columns(ModelSpec spec) {
        List<String> needed = new ArrayList<>();
        needed.add(spec.targetColumn());
        needed.addAll(spec.channelNames());
        spec.controls().stream().map(ControlSpec::name).forEach(needed::add);
        return needed;
    }
}
