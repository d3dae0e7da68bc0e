package dev.mmm.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's own checks, all made before Spark starts. */
class BatchCommandTest {

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = BatchCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpNamesTheFilesAndRendersCleanly() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("batch.csv").contains("channels.csv").contains("90% intervals").contains("--master");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aBadCommandLineIsOneLineAndExitTwo() {
        Run r = run("--data", "t.csv", "--group", "store", "--target", "y", "--channels", "a");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("mmm: error: Missing required option: '--out=DIR'").doesNotContain("\n");
    }

    @Test
    void conflictingModelFlagsAreRejectedBeforeSparkStarts() {
        Run r = run("--data", "t.csv", "--group", "store", "--spec", "m.json", "--target", "y", "--out", "o");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("mmm: error: --spec names the target, channels and controls; do not give"
                + " --target, --channels, --controls or --yearly-seasonality with it");
        r = run("--data", "t.csv", "--group", "store", "--target", "y", "--out", "o");
        assertThat(r.err().strip()).isEqualTo("mmm: error: --channels must name at least one column, without empty names (or give --spec)");
        r = run("--data", "t.csv", "--table", "sales", "--group", "store", "--target", "y", "--channels", "a", "--out", "o");
        assertThat(r.err().strip()).isEqualTo("mmm: error: give exactly one of --data and --table");
        r = run("--data", "t.csv", "--group", "store", "--target", "y", "--channels", "a", "--chains", "0", "--out", "o");
        assertThat(r.err().strip()).isEqualTo("mmm: error: --chains must be at least 1, got 0");
    }

    private static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void refreshAndOptimizeHaveTheirOwnHelpAndOneLineErrors() {
        Run r = run(BatchCommand.refreshCommandLine(), "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("mmm batch refresh").contains("drift.csv").contains("90%").doesNotContain("%%")
                .contains("Default: 250");
        r = run(BatchCommand.optimizeCommandLine(), "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("mmm batch optimize").contains("allocation.csv").contains("90%").doesNotContain("%%");
        assertThat(run("--help").out()).contains("mmm batch refresh --help");

        r = run(BatchCommand.refreshCommandLine(), "--data", "t.csv", "--group", "store", "--out", "o");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("mmm: error: Missing required option: '--previous=DIR'"
                + " (see 'mmm batch refresh --help')");
        r = run(BatchCommand.refreshCommandLine(), "--previous", "p", "--group", "store", "--out", "o");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("mmm: error: give exactly one of --data and --table");
        r = run(BatchCommand.optimizeCommandLine(), "--fits", "f", "--group", "store", "--periods", "4", "--out", "o");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("mmm: error: give exactly one of --budget and --budgets");
        r = run(BatchCommand.optimizeCommandLine(), "--fits", "f", "--group", "store", "--periods", "4", "--budget",
                "100", "--bounds", "tv=5:1", "--out", "o");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("mmm: error: bounds tv: ");
        r = run(BatchCommand.optimizeCommandLine(), "--fits", "f", "--group", "store", "--periods", "4", "--budget",
                "100", "--objective", "best", "--out", "o");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("mmm: error: ").contains("best");
    }
}
