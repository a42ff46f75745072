package org.isnad.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.isnad.index.IsnadIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 5,000 real Arabic news articles from ../shared/eval load as they are, and a rerun changes nothing. */
class NewsCorpusIngestTest {

    static final Path NEWS_AR = Path.of("../shared/eval/news-ar/ant-multisource-ar-5000.jsonl");

    @TempDir
    Path dir;

    @Test
    void fiveThousandArabicArticlesLoadAndReloadUnchanged() {
        assertThat(NEWS_AR).as("../shared/eval beside the repository").exists();
        try (IsnadIndex index = IsnadIndex.open(dir.resolve("index"))) {
            Ingester ingester = new Ingester(index, 5_000_000);
            IngestReport first = ingester.ingest(List.of(NEWS_AR), false, IngestListener.NONE);
            assertThat(first.added()).isEqualTo(5000);
            assertThat(first.skipped()).isEmpty();
            IngestReport second = ingester.ingest(List.of(NEWS_AR), false, IngestListener.NONE);
            assertThat(second.unchanged()).isEqualTo(5000);
            assertThat(second.added() + second.updated()).isZero();
            var doc = index.document("BB-internationalNews-64-20180226").orElseThrow();
            assertThat(doc.outlet()).isEqualTo("BBC");
            assertThat(doc.date()).hasToString("2018-02-26");
            assertThat(index.stats().outlets()).hasSize(5);
        }
    }

    @Test
    void englishNewsLoadsToo() throws Exception {
        Path bbc = Path.of("../shared/eval/news-en/bbc-news-2127.jsonl");
        Path wiki = Path.of("../shared/eval/news-en/wikinews-en-2019-2020-293.jsonl");
        assertThat(Files.exists(bbc) && Files.exists(wiki)).isTrue();
        try (IsnadIndex index = IsnadIndex.open(dir.resolve("index-en"))) {
            IngestReport report = new Ingester(index, 5_000_000).ingest(List.of(bbc, wiki), false, IngestListener.NONE);
            assertThat(report.added()).isEqualTo(2127 + 293);
            assertThat(index.stats().languages()).containsEntry("en", 2420);
        }
    }
}
