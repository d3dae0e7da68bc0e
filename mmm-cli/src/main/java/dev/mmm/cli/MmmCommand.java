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
            OptimizeCommand.class,
            ScenarioCommand.class,
            RefreshCommand.class,
            ReportCommand.class,
            ValidateCommand.class,
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
            String help = cmd.getCommandSpec().qualifiedName();
            String message = Errors.oneLine(ex.getMessage());
            if (cmd.getParent() == null && ex instanceof CommandLine.UnmatchedArgumentException u
                    && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
                String typed = u.getUnmatched().get(0);
                String nearest = nearestCommand(typed, cmd.getSubcommands().keySet());
                message = "unknown command '" + Errors.oneLine(typed) + "'"
                        + (nearest == null ? "" : "; did you mean '" + help + " " + nearest + "'?");
            }
            cmd.getErr().println("mmm: error: " + message + " (see '" + help + " --help')");
            cmd.getErr().flush();
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            Errors.report(cmd.getErr(), ex, Errors.debugRequested(parseResult));
            return ExitCodes.FAILURE;
        });
        return cl;
    }

    /** The command closest to {@code typed} in edit distance, if within a third of its length (at least 2). */
    static String nearestCommand(String typed, java.util.Collection<String> commands) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : commands) {
            int d = editDistance(typed, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best != null && bestDistance <= Math.max(2, best.length() / 3) ? best : null;
    }

    /** Levenshtein distance; command names are short. */
    static int editDistance(String a, String b) {
        if (a.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
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
