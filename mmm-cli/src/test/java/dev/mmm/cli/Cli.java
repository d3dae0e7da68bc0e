package dev.mmm.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import picocli.CommandLine;

/** Runs the command in-process with captured output. */
final class Cli {

    record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    private Cli() {
    }

    /** As the task describes it: a plain picocli command line, no custom handlers. */
    static Run plain(String... args) {
        return run(new CommandLine(new MmmCommand()), args);
    }

    /** As {@code main} builds it, with the one-line handlers for command-line errors. */
    static Run configured(String... args) {
        return run(MmmCommand.newCommandLine(), args);
    }

    private static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Path projectRoot() {
        String root = System.getProperty("mmm.projectRoot");
        Assumptions.assumeTrue(root != null, "system property mmm.projectRoot is not set (run through Maven)");
        return Path.of(root);
    }

    /** The bad-input fixtures shared with mmm-core's BadInputsTest. */
    static Path dataFixtures() {
        return projectRoot().resolve("mmm-core/src/test/resources/dev/mmm/core/data");
    }
}
