package org.isnad.ingest;

import org.isnad.archive.Document;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.isnad.index.IsnadIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real child JVM is killed in the middle of an ingest; the index must open and the rerun finish it. */
class KilledIngestTest {

    private static final int DOCS = 12_000;

    @TempDir
    Path dir;

    @Test
    void aKilledIngestLeavesTheIndexAtItsLastCommitAndARerunCompletesIt() throws Exception {
        Path input = dir.resolve("many.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < DOCS; i++) {
            lines.append("{\"id\": \"d").append(i).append("\", \"lang\": \"en\", \"text\": \"Document number ").append(i)
                    .append(" talks about Moscow and the factions. A second sentence follows here.\"}\n");
        }
        Files.writeString(input, lines);
        Path data = dir.resolve("data");

        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.isnad.cli.IsnadCli", "--data", data.toString(), "ingest", input.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path indexDir = data.resolve("index");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (child.isAlive() && Instant.now().isBefore(deadline) && commits(indexDir) < 2) {
            Thread.sleep(5);
        }
        child.destroyForcibly().waitFor();

        int survived;
        try (IsnadIndex index = IsnadIndex.open(indexDir)) {
            survived = index.documentCount();
            assertThat(survived).as("killed before the end").isBetween(0, DOCS - 1);
            assertThat(survived % Ingester.COMMIT_EVERY == 0 || survived == DOCS).as("only whole commits survive").isTrue();
            IngestReport rerun = new Ingester(index, 1_000_000).ingest(List.of(input), false, IngestListener.NONE);
            assertThat(rerun.unchanged()).isEqualTo(survived);
            assertThat(rerun.added()).isEqualTo(DOCS - survived);
            assertThat(index.documentCount()).isEqualTo(DOCS);
        }
    }

    private static long commits(Path indexDir) throws Exception {
        if (!Files.isDirectory(indexDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(indexDir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("segments_")).count()
                    + (Files.exists(indexDir.resolve("write.lock")) ? 1 : 0);
        }
    }
}
