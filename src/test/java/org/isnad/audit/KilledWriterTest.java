package org.isnad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real child JVM writing to the log is killed (SIGKILL) mid-run; every id it saw committed is there. */
class KilledWriterTest {

    private static final int KILL_AFTER = 300;

    @TempDir
    Path dir;

    @Test
    void aProcessKilledMidRunLosesNoCommittedRecord() throws Exception {
        Path db = dir.resolve("audit.db");
        Path printed = dir.resolve("child.out");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RecordingLoop.class.getName(), db.toString())
                .redirectOutput(printed.toFile()).redirectError(dir.resolve("child.err").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (child.isAlive() && Instant.now().isBefore(deadline) && committedIds(printed).size() < KILL_AFTER) {
            Thread.sleep(10);
        }
        child.destroyForcibly(); // SIGKILL while it keeps writing: no shutdown hooks, no close()
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // Read after the kill: ids printed after our last poll were committed too.
        List<Long> committed = committedIds(printed);
        assertThat(committed).as("the child wrote records before it was killed (see child.err)").hasSizeGreaterThanOrEqualTo(KILL_AFTER);

        try (AuditLog log = AuditLog.open(db, Pseudonymizer.raw(), Clock.systemUTC())) {
            for (long id : committed) {
                assertThat(log.get(id)).as("committed id " + id).isPresent();
            }
            long total = log.list(LogFilter.all(), 1, 1).total();
            assertThat(total).isGreaterThanOrEqualTo(committed.size());
            // The log is still writable after the crash.
            assertThat(log.tryRecord(Answers.english("after the crash"), AnswerEvent.cli())).isPresent();
        }
    }

    /** Complete lines only: a line cut by the kill has no newline and was not acknowledged. */
    private static List<Long> committedIds(Path printed) throws IOException {
        if (!Files.exists(printed)) {
            return List.of();
        }
        String text = Files.readString(printed, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        List<Long> ids = new ArrayList<>();
        for (String line : text.substring(0, end + 1).split("\n")) {
            if (!line.isBlank()) {
                ids.add(Long.parseLong(line.trim()));
            }
        }
        return ids;
    }
}
