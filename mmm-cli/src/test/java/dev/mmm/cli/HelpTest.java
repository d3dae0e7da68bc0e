package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help teaches by example and renders without picocli's format warnings. */
class HelpTest {

    @Test
    void everySubcommandHasHelpWithAnExampleAndNoFormatWarnings() {
        CommandLine root = new CommandLine(new MmmCommand());
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String name : root.getSubcommands().keySet()) {
                if (name.equals("help")) {
                    continue;
                }
                Cli.Run run = Cli.plain(name, "--help");
                assertThat(run.exitCode()).as(name).isZero();
                assertThat(run.out()).as(name).contains("Usage: mmm " + name).containsIgnoringCase("example");
            }
        } finally {
            System.setErr(saved);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }
}
