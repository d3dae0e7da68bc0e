package dev.mmm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Java quick start" compiles as written: each {@code ```java} block of that section,
 * its imports kept and its statements put in a method, is compiled with {@code javax.tools}
 * against the project's classes (this module's test classpath: core, report, sampler, priors).
 */
class ReadmeJavaQuickStartTest {

    static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path classes;

    @Test
    void everyJavaBlockOfTheQuickStartCompiles() throws IOException {
        List<String> blocks = quickStartBlocks(readme());
        assertThat(blocks).as("java blocks in the README's Java quick start").hasSizeGreaterThanOrEqualTo(2);
        for (int i = 0; i < blocks.size(); i++) {
            String source = asClass("ReadmeBlock" + i, blocks.get(i));
            assertThat(compile("ReadmeBlock" + i, source)).as("block %d of the Java quick start:%n%s", i + 1, source)
                    .isEmpty();
        }
    }

    @Test
    void aBrokenBlockIsReported() {
        String source = asClass("Broken", "import dev.mmm.core.model.Mmm;\n\nMmm.fitt(null, null, null);\n");
        assertThat(compile("Broken", source)).contains("fitt");
    }

    @Test
    void theQuickStartUsesTheAnalysisApi() throws IOException {
        String section = String.join("\n", quickStartBlocks(readme()));
        assertThat(section).contains("PosteriorAnalysis", "channels(", "MediaMix").doesNotContain("channelContributions");
    }

    static String readme() throws IOException {
        Path root = Path.of(System.getProperty("mmm.projectRoot", "..")).toAbsolutePath().normalize();
        return Files.readString(root.resolve("README.md"));
    }

    /** The {@code ```java} blocks between "## Java quick start" and the next "## " heading. */
    static List<String> quickStartBlocks(String readme) {
        int start = readme.indexOf("\n## Java quick start");
        assertThat(start).as("the README has a '## Java quick start' section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(section);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    /** The block's import lines on top, everything else as the body of a method that may throw. */
    static String asClass(String name, String block) {
        List<String> imports = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (String line : block.split("\n")) {
            (line.startsWith("import ") ? imports : body).add(line);
        }
        return String.join("\n", imports) + "\n\nclass " + name + " {\n    static void run() throws Exception {\n"
                + body.stream().map(l -> "        " + l).collect(Collectors.joining("\n")) + "\n    }\n}\n";
    }

    /** Compiles one class; returns the error messages (empty when it compiles). */
    String compile(String name, String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("--release", "17", "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), "-proc:none");
        boolean ok = javac.getTask(null, null, diagnostics, options, null, List.of(file)).call();
        String errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
        return ok ? "" : (errors.isEmpty() ? "compilation failed" : errors);
    }
}
