package dev.mmm.examples.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed notebooks stay small and loadable: no outputs, and a first code cell that loads
 * the jar that {@code mvn package} builds, by a path relative to the notebooks' folder.
 */
class NotebookFilesTest {

    static final String JARS_LINE = "%jars ../../mmm-cli/target/mmm-cli.jar";

    @Test
    void everyNotebookIsCommittedWithoutOutputsAndLoadsTheLibraryFirst() throws Exception {
        Path root = Path.of(System.getProperty("mmm.projectRoot", "..")).toAbsolutePath().normalize();
        Path dir = root.resolve("examples/notebooks");
        List<Path> notebooks;
        try (var files = Files.list(dir)) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertThat(notebooks).isNotEmpty();
        // The path in the %jars line is the shaded jar of mmm-cli's pom, seen from examples/notebooks.
        assertThat(Files.readString(root.resolve("mmm-cli/pom.xml"))).contains("<finalName>mmm-cli</finalName>");
        ObjectMapper json = new ObjectMapper();
        for (Path nb : notebooks) {
            JsonNode cells = json.readTree(nb.toFile()).get("cells");
            JsonNode firstCode = null;
            for (JsonNode cell : cells) {
                if (cell.get("cell_type").asText().equals("code")) {
                    assertThat(cell.get("outputs")).as("%s: outputs", nb.getFileName()).isEmpty();
                    assertThat(cell.get("execution_count").isNull()).as("%s: execution_count", nb.getFileName()).isTrue();
                    if (firstCode == null) {
                        firstCode = cell;
                    }
                }
            }
            assertThat(firstCode).as("%s has code", nb.getFileName()).isNotNull();
            StringBuilder source = new StringBuilder();
            firstCode.get("source").forEach(line -> source.append(line.asText()));
            assertThat(source.toString().strip()).as("%s: first code cell", nb.getFileName()).isEqualTo(JARS_LINE);
        }
    }
}
