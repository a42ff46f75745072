package org.isnad.answer;

import java.nio.file.Path;
import java.util.List;
import org.isnad.index.IsnadIndex;
import org.isnad.ingest.IngestListener;
import org.isnad.ingest.Ingester;

/** A real index on disk holding the bundled sample (and optionally more files), for answer tests. */
final class SampleIndex {

    static final Path SAMPLE = Path.of("corpus/sample");
    static final Path NEWS_AR = eval("news-ar/ant-multisource-ar-5000.jsonl");
    static final Path NEWS_EN_BBC = eval("news-en/bbc-news-2127.jsonl");
    static final String SAMPLE_ID = "sample/moscow-talks-2024-02-20.ar";

    private SampleIndex() {}

    /** ../shared/eval beside the repository (a worktree one level deeper finds it one level up). */
    static Path eval(String file) {
        Path beside = Path.of("../shared/eval").resolve(file);
        Path worktree = Path.of("../../shared/eval").resolve(file);
        return java.nio.file.Files.exists(beside) || !java.nio.file.Files.exists(worktree) ? beside : worktree;
    }

    static IsnadIndex build(Path dir, Path... more) {
        IsnadIndex index = IsnadIndex.open(dir.resolve("index"));
        List<Path> inputs = new java.util.ArrayList<>(List.of(SAMPLE));
        inputs.addAll(List.of(more));
        new Ingester(index, 50_000_000).ingest(inputs, false, IngestListener.NONE);
        return index;
    }

    static AnswerService service(IsnadIndex index) {
        return new AnswerFactory(index, null).service();
    }
}
