package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpAndVersionTest {

    @Test
    void versionComesFromTheBuild() {
        Cli.Run run = Cli.configured("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("mmm 0.1.0-SNAPSHOT").contains("Java 17");
    }

    @Test
    void helpListsEverySubcommand() {
        Cli.Run run = Cli.configured("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("fit", "demo", "simulate", "diagnose", "Exit codes");
    }

    @Test
    void fitHelpShowsEveryFlagOfTheContract() {
        Cli.Run run = Cli.configured("fit", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--data", "--date", "--target", "--channels", "--controls",
                "--yearly-seasonality", "--chains", "--warmup", "--draws", "--seed", "--threads", "--out");
        assertThat(run.out()).doesNotContain("--debug");
    }

    @Test
    void noSubcommandPrintsUsage() {
        Cli.Run run = Cli.configured();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: mmm");
    }
}
