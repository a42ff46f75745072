package org.isnad.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.isnad.index.IsnadIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestRobustnessTest {

    @TempDir
    Path dir;
    IsnadIndex index;
    Ingester ingester;

    @BeforeEach
    void open() {
        index = IsnadIndex.open(dir.resolve("index"));
        ingester = new Ingester(index, 2_000);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private Path in(String name) throws Exception {
        Path p = dir.resolve("in").resolve(name);
        Files.createDirectories(p.getParent());
        return p;
    }

    @Test
    void eachKindOfBadInputIsSkippedWithItsReasonWhileGoodFilesLoad() throws Exception {
        Files.writeString(in("good.txt"), "Good title\nGood body sentence.");
        Files.write(in("binary.txt"), new byte[] {'a', 0, 1, 2, 'b'});
        Files.write(in("latin1.txt"), "Titre\nCaf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(in("empty.md"), "  \n\n ");
        Files.writeString(in("big.txt"), "Big\n" + "word ".repeat(1000));
        Files.writeString(in("lines.jsonl"), """
                {"id": "ok-1", "text": "First good line."}
                {"id": "broken", "text": "no closing brace"
                {"id": "ok-2", "text": "Second good line."}
                {"id": "notext"}
                {"id": "number", "text": 123}
                """);
        Files.createSymbolicLink(in("dangling.txt"), dir.resolve("nowhere.txt"));
        List<Skip> heard = new ArrayList<>();
        IngestReport report = ingester.ingest(List.of(dir.resolve("in"), dir.resolve("missing-folder")), false, new IngestListener() {
            @Override
            public void skipped(Skip skip) {
                heard.add(skip);
            }
        });

        assertThat(report.added()).isEqualTo(3);
        assertThat(index.document("in/good")).isPresent();
        assertThat(index.document("ok-1")).isPresent();
        assertThat(index.document("ok-2")).isPresent();
        assertThat(heard).isEqualTo(report.skipped());
        assertThat(report.skipped()).extracting(Skip::toString).anySatisfy(s -> assertThat(s).contains("binary.txt").contains("binary"))
                .anySatisfy(s -> assertThat(s).contains("latin1.txt").contains("invalid UTF-8"))
                .anySatisfy(s -> assertThat(s).contains("empty.md").contains("empty"))
                .anySatisfy(s -> assertThat(s).contains("big.txt").contains("size cap"))
                .anySatisfy(s -> assertThat(s).contains("lines.jsonl:2").contains("malformed JSON"))
                .anySatisfy(s -> assertThat(s).contains("lines.jsonl:4").contains("text"))
                .anySatisfy(s -> assertThat(s).contains("lines.jsonl:5").contains("\"text\" is not a string"))
                .anySatisfy(s -> assertThat(s).contains("missing-folder").contains("no such file"));
    }

    @Test
    void devicesAndFifosAreRefusedWithoutReadingThem() throws Exception {
        Path good = in("good.txt");
        Files.writeString(good, "Good title\nGood body sentence.");
        Path fifo = in("pipe.txt");
        Path zero = in("zero.txt");
        Path inFolder = dir.resolve("in").resolve("sub");
        Files.createDirectories(inFolder);
        assertThat(new ProcessBuilder("mkfifo", fifo.toString(), inFolder.resolve("pipe2.txt").toString()).start().waitFor()).isZero();
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        Files.createSymbolicLink(inFolder.resolve("random.txt"), Path.of("/dev/urandom"));
        IngestReport report = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> ingester.ingest(List.of(good, fifo, zero, Path.of("/dev/zero"), inFolder), false, IngestListener.NONE));
        assertThat(report.added()).isEqualTo(1);
        assertThat(report.skipped()).extracting(Skip::toString)
                .anySatisfy(t -> assertThat(t).contains("pipe.txt").contains("not a regular file"))
                .anySatisfy(t -> assertThat(t).contains("zero.txt").contains("not a regular file"))
                .anySatisfy(t -> assertThat(t).contains("/dev/zero").contains("not a regular file"));
    }

    @Test
    void aFolderThatCannotBeOpenedCostsOnlyItselfNotTheGoodFilesBesideIt() throws Exception {
        for (int i = 0; i < 30; i++) {
            Files.writeString(in("f" + i + ".txt"), "Title " + i + "\nBody sentence number " + i + ".");
        }
        // A folder nested deeper than PATH_MAX cannot be opened by its path, even by root (ENAMETOOLONG):
        // a real unreadable folder that a permission change cannot give when the tests run as root.
        String segment = "d".repeat(200);
        StringBuilder script = new StringBuilder("cd '" + dir.resolve("in") + "'");
        for (int i = 0; i < 25; i++) {
            script.append(" && mkdir ").append(segment).append(" && cd ").append(segment);
        }
        script.append(" && echo 'Deep\nbody.' > deep.txt");
        try {
            assertThat(new ProcessBuilder("bash", "-c", script.toString()).inheritIO().start().waitFor()).isZero();
            IngestReport report = ingester.ingest(List.of(dir.resolve("in")), false, IngestListener.NONE);
            assertThat(report.added()).isEqualTo(30);
            assertThat(report.skipped()).isNotEmpty();
            assertThat(report.skipped()).allSatisfy(k -> assertThat(k.toString()).contains(segment).contains("cannot read"));
        } finally {
            // rm walks by file descriptor, so it can remove what no path can name (JUnit's clean-up cannot)
            new ProcessBuilder("rm", "-rf", dir.resolve("in").resolve(segment).toString()).start().waitFor();
        }
    }

    @Test
    void titlesOutletsAndIdsAreBoundedAtIngest() throws Exception {
        String huge = "Breaking news ".repeat(300_000);
        Files.writeString(in("page.html"), "<html><head><meta property=\"og:title\" content=\"" + huge + "\"><title>x</title></head>"
                + "<body><article><p>The body of the article is here.</p></article></body></html>");
        Files.writeString(in("docs.jsonl"), "{\"id\": \"o1\", \"outlet\": \"" + huge + "\", \"text\": \"Body of o1.\"}\n"
                + "{\"id\": \"" + "x".repeat(600) + "\", \"text\": \"Body with a long id.\"}\n");
        ingester = new Ingester(index, 50_000_000);
        IngestReport report = ingester.ingest(List.of(dir.resolve("in")), false, IngestListener.NONE);
        assertThat(report.added()).isEqualTo(2);
        assertThat(index.document("in/page").orElseThrow().title().length()).isLessThanOrEqualTo(org.isnad.text.FieldLimits.TITLE);
        assertThat(index.document("o1").orElseThrow().outlet().length()).isLessThanOrEqualTo(org.isnad.text.FieldLimits.OUTLET);
        assertThat(report.skipped()).extracting(Skip::toString).anySatisfy(t -> assertThat(t).contains("id longer than"));
    }

    @Test
    void aDocumentTooBigToSplitIsSkippedAndTheSummaryCountsWhatTheIndexHolds() throws Exception {
        for (int i = 0; i < 24; i++) {
            Files.writeString(in("ok" + i + ".txt"), "Title " + i + "\nA body sentence " + i + ".");
        }
        Files.writeString(in("lines.txt"), "Title\n" + "line\n".repeat(900_000)); // 4.5 MB, 900,000 lines
        ingester = new Ingester(index, 50_000_000);
        IngestReport report = ingester.ingest(List.of(dir.resolve("in")), false, IngestListener.NONE);
        assertThat(report.added()).isEqualTo(24);
        assertThat(index.storedStates()).hasSize(24);
        assertThat(report.skipped()).extracting(Skip::toString)
                .anySatisfy(t -> assertThat(t).contains("lines.txt").contains("too many lines"));
    }

    @Test
    void aJsonlFileOver2GbIsStreamedAndTheGoodFileBesideItLoads() throws Exception {
        Path huge = in("huge.jsonl");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.write("{\"id\": \"first\", \"text\": \"The first line is fine.\"}\n".getBytes(StandardCharsets.UTF_8));
            f.setLength(2_200_000_000L); // sparse: 2.2 GB on paper, nothing on disk; then one more good line
            f.seek(f.length());
            f.write("\n{\"id\": \"last\", \"text\": \"The last line is fine too.\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(in("good.jsonl"), "{\"id\": \"beside\", \"text\": \"A good file beside it.\"}\n");
        ingester = new Ingester(index, 1_000_000);
        IngestReport report = ingester.ingest(List.of(dir.resolve("in")), false, IngestListener.NONE);
        assertThat(index.document("first")).isPresent();
        assertThat(index.document("last")).isPresent();
        assertThat(index.document("beside")).isPresent();
        assertThat(report.added()).isEqualTo(3);
        assertThat(report.skipped()).extracting(Skip::toString)
                .anySatisfy(t -> assertThat(t).contains("huge.jsonl:2").contains("size cap"));
    }

    @Test
    void neverClosedNestedTagsAreReadInLinearTime() throws Exception {
        // 8,000 never-closed inline and table tags nested: selecting each cell's subtree made this about 35 s
        Files.writeString(in("nested.html"), "<html><body>" + "<b><i><table><tr><td><span>x ".repeat(8_000) + "</body></html>");
        Files.writeString(in("good.txt"), "Good title\nGood body sentence.");
        ingester = new Ingester(index, 50_000_000);
        IngestReport report = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> ingester.ingest(List.of(dir.resolve("in")), false, IngestListener.NONE));
        assertThat(report.added()).isEqualTo(2);
        assertThat(index.document("in/nested")).isPresent();
    }

    @Test
    void nothingReadableAtAllIsReportedAsSuchAndLeavesTheIndexEmpty() throws Exception {
        Files.write(in("x.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
        IngestReport report = ingester.ingest(List.of(in("x.json")), false, IngestListener.NONE);
        assertThat(report.read()).isZero();
        assertThat(report.skipped()).hasSize(1);
        assertThat(index.documentCount()).isZero();
    }

    @Test
    void reIngestingTheSameInputChangesNothing() throws Exception {
        Files.writeString(in("a.txt"), "Title A\nBody of A.");
        Files.writeString(in("b.jsonl"), "{\"id\": \"b1\", \"text\": \"Body of b1.\"}\n{\"id\": \"b2\", \"text\": \"Body of b2.\"}\n");
        IngestReport first = ingester.ingest(List.of(dir.resolve("in")), false, IngestListener.NONE);
        IngestReport second = ingester.ingest(List.of(dir.resolve("in")), false, IngestListener.NONE);
        assertThat(first.added()).isEqualTo(3);
        assertThat(second.unchanged()).isEqualTo(3);
        assertThat(second.added() + second.updated() + second.deleted()).isZero();
        assertThat(index.stats().passages()).isEqualTo(3);
    }

    @Test
    void aChangedDocumentReplacesItsOldVersionAndDeleteMissingRemovesGoneOnes() throws Exception {
        Files.writeString(in("a.txt"), "Title A\nOld body.");
        Files.writeString(in("b.txt"), "Title B\nBody of B.");
        Files.writeString(in("c.jsonl"), "{\"id\": \"c1\", \"text\": \"One.\"}\n{\"id\": \"c2\", \"text\": \"Two.\"}\n");
        ingester.ingest(List.of(dir.resolve("in")), false, IngestListener.NONE);

        Files.writeString(in("a.txt"), "Title A\nNew body, longer than before.");
        Files.delete(in("b.txt"));
        Files.writeString(in("c.jsonl"), "{\"id\": \"c1\", \"text\": \"One.\"}\n");
        IngestReport report = ingester.ingest(List.of(dir.resolve("in")), true, IngestListener.NONE);

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.deleted()).isEqualTo(2);
        assertThat(index.document("in/a").orElseThrow().text()).isEqualTo("New body, longer than before.");
        assertThat(index.document("in/b")).isEmpty();
        assertThat(index.document("c2")).isEmpty();
        assertThat(index.document("c1")).isPresent();
        assertThat(index.search("old", 10)).isEmpty();
        assertThat(index.search("longer", 10)).hasSize(1);
    }
}
