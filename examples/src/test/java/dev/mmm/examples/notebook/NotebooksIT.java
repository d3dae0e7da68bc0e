package dev.mmm.examples.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Executes every notebook of {@code examples/notebooks} end to end with Jupyter's nbconvert
 * (Debian's {@code jupyter-nbconvert}, {@code scripts/install-notebook-deps.sh}) against
 * {@link JShellKernel}, and checks that every code cell ran without error and that every cell
 * tagged {@code chart} shows a PNG image.
 *
 * <p>Runs in the {@code integration-test} phase (failsafe), after {@code mmm-cli} has packaged
 * {@code mmm-cli/target/mmm-cli.jar}, the one jar the notebooks' {@code %jars} line loads. Without
 * Jupyter it is skipped with the reason, except under {@code CI=true}, where it fails so that CI
 * cannot pass without running the notebooks.
 */
class NotebooksIT {

    static final String KERNEL = "mmm-jshell";
    /** Names of the jars the kernel itself needs: the Jupyter protocol and what it depends on. */
    static final List<String> KERNEL_JARS = List.of("jjava-jupyter", "gson", "jeromq", "jnacl", "slf4j-api");

    static Path root;
    static Path work;
    static String nbconvert;

    @BeforeAll
    static void findJupyterAndWriteTheKernelSpec() throws IOException {
        root = Path.of(System.getProperty("mmm.projectRoot", "..")).toAbsolutePath().normalize();
        nbconvert = findNbconvert();
        if (nbconvert == null) {
            String why = "jupyter-nbconvert (with python3-nbclient) is not installed; scripts/install-notebook-deps.sh installs it";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but " + why);
            }
            System.err.println("NotebooksIT: skipped: " + why);
            Assumptions.abort("skipped: " + why);
        }
        Path jar = root.resolve("mmm-cli/target/mmm-cli.jar");
        assertThat(jar).as("the notebooks' %jars line loads it; mvn package builds it").isRegularFile();
        work = root.resolve("examples/target/notebook-kernel");
        Path spec = work.resolve("jupyter/kernels/" + KERNEL);
        Files.createDirectories(spec);
        ObjectMapper json = new ObjectMapper();
        ObjectNode kernel = json.createObjectNode();
        ArrayNode argv = kernel.putArray("argv");
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.add("-Djava.awt.headless=true");
        argv.add("-Xmx2g");
        argv.add("-cp");
        argv.add(kernelClasspath());
        argv.add(JShellKernel.class.getName());
        argv.add("{connection_file}");
        kernel.put("display_name", "Java (mmm JShell)");
        kernel.put("language", "java");
        Files.writeString(spec.resolve("kernel.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(kernel));
    }

    static Stream<Path> notebooks() throws IOException {
        Path dir = Path.of(System.getProperty("mmm.projectRoot", "..")).toAbsolutePath().normalize()
                .resolve("examples/notebooks");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("notebooks")
    void runsEndToEndWithChartsInline(Path notebook) throws Exception {
        Path out = work.resolve("executed");
        Path executed = out.resolve(notebook.getFileName());
        Run run = executeWithOneRetry(notebook, out);
        assertThat(run.exit).as("nbconvert on %s:%n%s", notebook.getFileName(), run.log).isZero();

        JsonNode nb = new ObjectMapper().readTree(executed.toFile());
        int codeCells = 0;
        int charts = 0;
        for (JsonNode cell : nb.get("cells")) {
            if (!cell.get("cell_type").asText().equals("code")) {
                continue;
            }
            codeCells++;
            String source = text(cell.get("source"));
            assertThat(cell.get("execution_count").isInt()).as("cell ran: %s", source).isTrue();
            List<BufferedImage> images = new ArrayList<>();
            for (JsonNode output : cell.get("outputs")) {
                assertThat(output.get("output_type").asText()).as("cell %s:%n%s", source, output).isNotEqualTo("error");
                JsonNode png = output.path("data").path("image/png");
                if (!png.isMissingNode()) {
                    byte[] bytes = Base64.getMimeDecoder().decode(text(png));
                    images.add(ImageIO.read(new ByteArrayInputStream(bytes)));
                }
            }
            if (tags(cell).contains("chart")) {
                charts++;
                assertThat(images).as("the chart cell shows an image: %s", source).hasSize(1);
                assertThat(images.get(0).getWidth()).isGreaterThan(200);
            }
        }
        assertThat(codeCells).isGreaterThan(2);
        assertThat(charts).as("chart cells in %s", notebook.getFileName()).isPositive();
    }

    @Test
    void aCellThatThrowsFailsTheRunAndNamesTheException() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode nb = json.createObjectNode();
        ArrayNode cells = nb.putArray("cells");
        for (String source : List.of("int x = 41;", "Integer.parseInt(\"forty-two\")", "x + 1")) {
            ObjectNode cell = cells.addObject();
            cell.put("cell_type", "code");
            cell.putNull("execution_count");
            cell.putObject("metadata");
            cell.putArray("outputs");
            cell.put("source", source);
        }
        nb.putObject("metadata");
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", 4);
        Path dir = work.resolve("broken");
        Files.createDirectories(dir);
        Path notebook = dir.resolve("broken.ipynb");
        Files.writeString(notebook, json.writeValueAsString(nb));
        Run run = executeWithOneRetry(notebook, dir.resolve("executed"));
        assertThat(run.exit).as(run.log).isNotZero();
        assertThat(run.log).contains("CellExecutionError").contains("NumberFormatException").contains("forty-two");
    }

    /** Runs nbconvert; a kernel that did not start is started once more. */
    private Run executeWithOneRetry(Path notebook, Path out) throws IOException, InterruptedException {
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve(notebook.getFileName()));
        Run run = execute(notebook, out);
        // The kernel's cold start has timed out once on a loaded 2-core machine: one retry of the start.
        if (run.exit != 0 && run.kernelDidNotStart()) {
            System.err.println("NotebooksIT: the kernel did not start for " + notebook.getFileName() + "; retrying once:\n" + run.log);
            run = execute(notebook, out);
        }
        return run;
    }

    private Run execute(Path notebook, Path out) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(nbconvert, "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=" + KERNEL,
                "--ExecutePreprocessor.timeout=900",
                "--ExecutePreprocessor.startup_timeout=180",
                "--output-dir", out.toString(), notebook.toString());
        // Everything Jupyter reads or writes stays under target/: nothing in the user's home.
        pb.environment().put("JUPYTER_PATH", work.resolve("jupyter").toString());
        pb.environment().put("JUPYTER_DATA_DIR", work.resolve("data").toString());
        pb.environment().put("JUPYTER_RUNTIME_DIR", work.resolve("runtime").toString());
        pb.environment().put("JUPYTER_CONFIG_DIR", work.resolve("config").toString());
        pb.environment().put("JUPYTER_PLATFORM_DIRS", "1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), log);
    }

    record Run(int exit, String log) {
        boolean kernelDidNotStart() {
            return !log.contains("CellExecutionError")
                    && (log.contains("Kernel didn't respond") || log.contains("kernel_info") || log.contains("Kernel died"));
        }
    }

    private static String kernelClasspath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (KERNEL_JARS.stream().anyMatch(name::startsWith)) {
                entries.add(entry);
            }
        }
        assertThat(entries).as("the kernel's jars on the test classpath").hasSize(KERNEL_JARS.size());
        try {
            entries.add(Path.of(JShellKernel.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String findNbconvert() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "jupyter-nbconvert");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return Files.isExecutable(Path.of("/usr/bin/jupyter-nbconvert")) ? "/usr/bin/jupyter-nbconvert" : null;
    }

    private static List<String> tags(JsonNode cell) {
        List<String> tags = new ArrayList<>();
        cell.path("metadata").path("tags").forEach(t -> tags.add(t.asText()));
        return tags;
    }

    /** Jupyter stores text either as one string or as a list of lines. */
    private static String text(JsonNode node) {
        if (node.isArray()) {
            StringBuilder b = new StringBuilder();
            node.forEach(n -> b.append(n.asText()));
            return b.toString();
        }
        return node.asText();
    }
}
