package dev.mmm.examples.notebook;

import java.awt.image.RenderedImage;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.common.Image;

/**
 * The small Jupyter kernel that the notebook test executes the notebooks with: JShell running in
 * this JVM, on the Jupyter wire protocol of {@code org.dflib.jjava:jjava-jupyter} (the base of
 * the JJava kernel, the maintained IJava fork; the full kernels are not served by the package
 * registry this project builds from).
 *
 * <p>It understands what the notebooks use and what IJava, JJava and rapaio understand alike:
 * Java snippets, the value of a cell's last expression shown as its result (an image as
 * {@code image/png}, anything else as text), and the line magic {@code %jars PATH...} (paths
 * relative to the notebook's folder; a folder adds every jar in it). Any other magic is an error
 * naming it.
 */
public final class JShellKernel extends BaseKernel {

    private final ObjectKeepingControl control = new ObjectKeepingControl();
    private final JShell shell;

    private JShellKernel(Builder b) {
        super(b.name(), "1.0", new LanguageInfo.Builder("Java").version(Runtime.version().toString())
                        .mimetype("text/x-java-source").fileExtension(".jshell").pygments("java").codemirror("java").build(),
                List.of(), b.history(), b.io(), b.comms(), b.renderer(), null, b.magics(), false, b.styler());
        Image.registerAll(getRenderer());
        ExecutionControlProvider provider = new ExecutionControlProvider() {
            @Override
            public String name() {
                return "mmm-in-process";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
        shell = JShell.builder().executionEngine(provider, Map.of()).build();
    }

    /** Starts the kernel on the connection file Jupyter passes as the only argument. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: JShellKernel CONNECTION_FILE");
        }
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        JupyterConnection connection = new JupyterConnection(props);
        JShellKernel kernel = new Builder().build();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
    }

    @Override
    public Object evalRaw(String code) {
        StringBuilder java = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("%")) {
                magic(trimmed.substring(1));
            } else {
                java.append(line).append('\n');
            }
        }
        Object last = null;
        String remaining = java.toString();
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source = info.completeness().isComplete() ? info.source() : remaining;
            remaining = info.completeness().isComplete() ? info.remaining() : "";
            last = evalSnippet(source);
        }
        return last;
    }

    /** Evaluates one snippet; returns the value of an expression, null for a declaration or statement. */
    private Object evalSnippet(String source) {
        control.lastClass = null;
        Object value = null;
        for (SnippetEvent e : shell.eval(source)) {
            if (e.exception() != null) {
                throw new IllegalStateException(describe(e.exception()), e.exception());
            }
            if (e.status() == Snippet.Status.REJECTED) {
                String diagnostics = shell.diagnostics(e.snippet()).map(d -> diagnostic(source, d))
                        .collect(Collectors.joining("\n"));
                throw new IllegalArgumentException("does not compile:\n" + diagnostics);
            }
            if (e.causeSnippet() == null && e.snippet() instanceof VarSnippet v
                    && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND && control.lastClass != null) {
                value = control.staticField(v.name());
            }
        }
        return value;
    }

    private void magic(String line) {
        List<String> words = List.of(line.strip().split("\\s+"));
        if (!words.get(0).equals("jars")) {
            throw new IllegalArgumentException("this kernel knows only the %jars magic, not %" + words.get(0));
        }
        for (String word : words.subList(1, words.size())) {
            Path path = Path.of(word).toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                try (var jars = Files.list(path)) {
                    for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        shell.addToClasspath(jar.toString());
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(path)) {
                shell.addToClasspath(path.toString());
            } else {
                throw new IllegalArgumentException("%jars: no file or folder " + path + " (build it with mvn package)");
            }
        }
    }

    private static String describe(JShellException e) {
        if (e instanceof EvalException ee) {
            return ee.getExceptionClassName() + ": " + ee.getMessage();
        }
        return e.toString();
    }

    private static String diagnostic(String source, Diag d) {
        long start = Math.max(0, d.getStartPosition());
        long end = Math.min(source.length(), Math.max(start, d.getEndPosition()));
        return d.getMessage(null) + "\n  at: " + source.substring((int) start, (int) end);
    }

    @Override
    public DisplayData eval(String code) {
        Object value = evalRaw(code);
        if (value == null) {
            return null;
        }
        if (value instanceof RenderedImage) {
            return getRenderer().render(value);
        }
        return new DisplayData(String.valueOf(value));
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return null;
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return null;
    }

    @Override
    public String isComplete(String code) {
        return shell.sourceCodeAnalysis().analyzeCompletion(code).completeness().isComplete() ? IS_COMPLETE_YES
                : IS_COMPLETE_MAYBE;
    }

    @Override
    public void onShutdown(boolean restart) {
        shell.close();
    }

    /** In-process execution that remembers the class of the last snippet it ran, to read its value. */
    private static final class ObjectKeepingControl extends LocalExecutionControl {
        private volatile String lastClass;

        @Override
        public String invoke(String className, String methodName) throws RunException, InternalException,
                EngineTerminationException {
            String result = super.invoke(className, methodName);
            lastClass = className;
            return result;
        }

        Object staticField(String name) {
            try {
                Field f = findClass(lastClass).getDeclaredField(name);
                f.setAccessible(true);
                return f.get(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read the value of " + name, e);
            }
        }
    }

    /** Builds the kernel from the base builder's defaults. */
    private static final class Builder extends BaseKernelBuilder<Builder, JShellKernel> {
        String name() {
            return "mmm-jshell";
        }

        org.dflib.jjava.jupyter.kernel.history.HistoryManager history() {
            return buildHistoryManager();
        }

        org.dflib.jjava.jupyter.kernel.JupyterIO io() {
            return buildJupyterIO(buildJupyterIOEncoding());
        }

        org.dflib.jjava.jupyter.kernel.comm.CommManager comms() {
            return buildCommManager();
        }

        org.dflib.jjava.jupyter.kernel.display.Renderer renderer() {
            return buildRenderer();
        }

        org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry magics() {
            return buildMagicsRegistry();
        }

        org.dflib.jjava.jupyter.kernel.util.StringStyler styler() {
            return buildErrorStyler();
        }

        @Override
        public JShellKernel build() {
            return new JShellKernel(this);
        }
    }
}
