package dev.mmm.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Base of the subcommands: any exception ends in one line on stderr and exit code 1, even when
 * the command line was built without {@link MmmCommand#newCommandLine()}'s handlers.
 */
abstract class CliCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", hidden = true, description = "Print the stack trace of an error.")
    boolean debug;

    /**
     * Counted down when the command has finished, its error (if any) included: a Ctrl-C shutdown
     * hook waits for it so that the JVM does not halt before the files and messages are out.
     */
    protected final CountDownLatch finished = new CountDownLatch(1);

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (UsageException e) {
            Errors.report(err(), e, debug);
            return ExitCodes.USAGE;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            Errors.report(err(), e, debug);
            return ExitCodes.FAILURE;
        } finally {
            out().flush();
            err().flush();
            finished.countDown();
        }
    }

    protected abstract int execute() throws Exception;

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
