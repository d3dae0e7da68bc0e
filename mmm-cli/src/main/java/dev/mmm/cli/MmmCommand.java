package dev.mmm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mmm} command: a thin shell over the library. */
@Command(name = "mmm",
        mixinStandardHelpOptions = true,
        versionProvider = MmmCommand.Version.class,
        description = {
            "Bayesian media mix models with a hand-written NUTS sampler.",
            "",
            "Start with 'mmm demo', then 'mmm fit --help'."},
        footer = {
            "",
            "Exit codes: 0 success, 1 bad input or failed fit, 2 bad command line, 130 interrupted (partial draws saved).",
            "Rows in error messages are numbered as a spreadsheet shows them: the header is row 1."},
        subcommands = {
            FitCommand.class,
            FitGeoCommand.class,
            SummaryCommand.class,
            PredictCommand.class,
            CompareCommand.class,
            RefreshCommand.class,
            ReportCommand.class,
            DemoCommand.class,
            SimulateCommand.class,
            DiagnoseCommand.class,
            CommandLine.HelpCommand.class})
public final class MmmCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Set by {@link #main} only: whether stderr is an interactive terminal, so a live progress bar
     * makes sense. In-process callers (tests, embedding) get plain progress lines.
     */
    static volatile boolean stderrIsTerminal;

    public static void main(String[] args) {
        stderrIsTerminal = System.console() != null;
        int code = newCommandLine().execute(args);
        System.exit(code);
    }

    /**
     * The command line with the error handlers main uses: a bad command line also ends in one
     * line ({@code mmm: error: ...}) and exit code 2 instead of picocli's usage dump.
     */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new MmmCommand());
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("mmm: error: " + Errors.oneLine(ex.getMessage())
                    + " (see 'mmm " + cmd.getCommandName() + " --help')");
            cmd.getErr().flush();
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            Errors.report(cmd.getErr(), ex, Errors.debugRequested(parseResult));
            return ExitCodes.FAILURE;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Version from the filtered mmm-version.properties, so it cannot drift from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = MmmCommand.class.getResourceAsStream("/mmm-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {
                "mmm " + p.getProperty("version", "(unknown version)"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
