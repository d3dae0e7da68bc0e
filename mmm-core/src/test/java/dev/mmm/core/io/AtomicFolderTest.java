package dev.mmm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fault injection into a fit's save: whichever step fails (the first file, the second file,
 * moving the old folder aside, moving the new one in), the folder afterwards holds the complete
 * old output, byte for byte; with no failure, the complete new one. Never a mix.
 */
class AtomicFolderTest {

    @TempDir
    Path dir;

    @AfterEach
    void noFaults() {
        AtomicFolder.faults = (step, path) -> { };
    }

    private static final List<String> NAMES = List.of("intercept", "beta[tv]");

    private Map<String, String> writeOld(Path out) throws IOException {
        FitWriter.write(FitFilesTest.summary(true), FitFilesTest.draws(new int[] {4, 4}, NAMES, 1), out);
        return contents(out);
    }

    private static void writeNew(Path out) throws IOException {
        FitWriter.write(FitFilesTest.summary(false), FitFilesTest.draws(new int[] {7, 2}, NAMES, 2), out);
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return files;
    }

    private List<String> hiddenLeftovers() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    private static void failAt(String step, String fileName) {
        AtomicFolder.faults = (s, path) -> {
            if (s.equals(step) && (fileName == null || path.getFileName().toString().equals(fileName))) {
                throw new FileSystemException(path.toString(), null, "No space left on device");
            }
        };
    }

    @ParameterizedTest(name = "failing at {0} keeps the complete old output")
    @ValueSource(strings = {"file:draws.csv", "file:summary.json", "move-old-aside", "move-new-in"})
    void aFailureAtAnyStepKeepsTheCompleteOldOutput(String where) throws IOException {
        Path out = dir.resolve("out");
        Map<String, String> old = writeOld(out);
        String[] parts = where.split(":");
        failAt(parts[0], parts.length > 1 ? parts[1] : null);

        assertThatThrownBy(() -> writeNew(out)).isInstanceOf(IOException.class)
                .hasMessageContaining(out.toString()).hasMessageContaining("No space left on device");

        assertThat(contents(out)).isEqualTo(old);
        assertThat(hiddenLeftovers()).isEmpty();
    }

    @Test
    void aFullDiskWhileWritingAFileNamesThatFile() throws IOException {
        Path out = dir.resolve("out");
        writeOld(out);
        failAt(AtomicFolder.STEP_FILE, "summary.json");
        assertThatThrownBy(() -> writeNew(out)).hasMessage(out.resolve("summary.json")
                + ": could not be written: No space left on device; nothing in " + out + " was changed");
    }

    @Test
    void withoutAFailureTheCompleteNewOutputReplacesTheOld() throws IOException {
        Path out = dir.resolve("out");
        Map<String, String> old = writeOld(out);
        writeNew(out);
        Map<String, String> now = contents(out);
        assertThat(now).isNotEqualTo(old).containsOnlyKeys("draws.csv", "summary.json", AtomicFolder.MARKER);
        assertThat(SummaryJson.read(out.resolve("summary.json"))).isEqualTo(FitFilesTest.summary(false));
        assertThat(DrawsCsv.read(out.resolve("draws.csv")).values()[0]).hasNumberOfRows(7);
        assertThat(hiddenLeftovers()).isEmpty();
    }

    @Test
    void failingToDeleteTheOldFolderStillLeavesTheCompleteNewOutput() throws IOException {
        Path out = dir.resolve("out");
        writeOld(out);
        failAt(AtomicFolder.STEP_DELETE_OLD, null);
        writeNew(out);
        assertThat(SummaryJson.read(out.resolve("summary.json"))).isEqualTo(FitFilesTest.summary(false));
    }

    @Test
    void aFolderOfOtherFilesIsNotReplaced() throws IOException {
        Path out = Files.createDirectories(dir.resolve("documents"));
        Files.writeString(out.resolve("thesis.txt"), "years of work");
        assertThatThrownBy(() -> writeNew(out)).hasMessage(out
                + ": the folder holds files that mmm did not write (thesis.txt); choose a new or empty folder for the output");
        assertThatThrownBy(() -> AtomicFolder.checkWritable(out)).hasMessageContaining("thesis.txt");
        assertThat(Files.readString(out.resolve("thesis.txt"))).isEqualTo("years of work");
    }

    @Test
    void aFileInPlaceOfTheFolderIsRefusedBeforeAnyWork() throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "x");
        assertThatThrownBy(() -> AtomicFolder.checkWritable(file)).hasMessageContaining("exists and is not a folder");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void anEmptyFolderAndALegacyFitFolderAreReplaced() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        AtomicFolder.checkWritable(empty);
        writeNew(empty);
        Path legacy = Files.createDirectories(dir.resolve("legacy"));
        Files.writeString(legacy.resolve("summary.json"), "{}");
        Files.writeString(legacy.resolve("draws.csv"), "chain,draw\n");
        writeNew(legacy);
        assertThat(SummaryJson.read(legacy.resolve("summary.json"))).isEqualTo(FitFilesTest.summary(false));
    }

    @Test
    void filesAndFoldersGetTheModeTheUmaskGivesNotOwnerOnly() throws IOException {
        Path out = dir.resolve("out");
        writeNew(out);
        Path single = dir.resolve("single.csv");
        AtomicFiles.writeString(single, "a\n");
        // What any tool gets under this process's umask (open with 0666, mkdir with 0777).
        Set<PosixFilePermission> fileMode = Files.getPosixFilePermissions(Files.createFile(dir.resolve("reference")));
        Set<PosixFilePermission> folderMode = Files.getPosixFilePermissions(Files.createDirectory(dir.resolve("reference-dir")));
        assertThat(Files.getPosixFilePermissions(out.resolve("summary.json"))).isEqualTo(fileMode);
        assertThat(Files.getPosixFilePermissions(out.resolve("draws.csv"))).isEqualTo(fileMode);
        assertThat(Files.getPosixFilePermissions(single)).isEqualTo(fileMode);
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(folderMode);
    }

    @Test
    void aDeviceOrAFifoIsNotReplacedByARegularFile() throws Exception {
        assertThatThrownBy(() -> AtomicFiles.writeString(Path.of("/dev/null"), "x"))
                .hasMessage("/dev/null: exists and is not a regular file (a device, FIFO or socket); refusing to replace it");
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> AtomicFiles.writeString(fifo, "x")).hasMessageContaining("is not a regular file");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
    }
}
