package org.isnad.ingest;

import org.isnad.archive.Document;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.isnad.index.IsnadIndex;
import org.isnad.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestFormatsTest {

    @TempDir
    Path dir;
    IsnadIndex index;
    Ingester ingester;

    @BeforeEach
    void open() {
        index = IsnadIndex.open(dir.resolve("index"));
        ingester = new Ingester(index, 1_000_000);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve("in").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void bundledSampleLoadsWithTitleAndTextStoredVerbatim() throws Exception {
        Path sample = Path.of("corpus/sample");
        IngestReport report = ingester.ingest(List.of(sample), false, IngestListener.NONE);
        assertThat(report.added()).isEqualTo(1);
        Document doc = index.document("sample/moscow-talks-2024-02-20.ar").orElseThrow();
        assertThat(doc.title()).isEqualTo("يدعو بوتين حماس لإجراء محادثات في موسكو بينما تتخذ الحرب منحىً عالميًّا");
        assertThat(doc.language()).isEqualTo(Language.AR);
        assertThat(doc.date()).isEqualTo(LocalDate.of(2024, 2, 20));
        assertThat(doc.outlet()).as("from the sidecar moscow-talks-2024-02-20.ar.txt.meta.json").isEqualTo("France 24");
        assertThat(report.read()).as("the sidecar is not a document").isEqualTo(1);
        assertThat(doc.text()).startsWith("اتخذت روسيا خطوة");
        String raw = Files.readString(sample.resolve("moscow-talks-2024-02-20.ar.txt"));
        assertThat(raw).contains(doc.text().substring(doc.text().indexOf("اتخذت روسيا")));
        assertThat(doc.text()).contains("بوتين: هذه مهمة إنسانية نبيلة");
    }

    @Test
    void plainTextTakesFirstLineAsTitleAndADateLineAsDate() throws Exception {
        write("a.txt", "Talks in Moscow\n2024-02-20\nRussia invited the factions to Moscow. They will meet soon.\n");
        ingester.ingest(List.of(dir.resolve("in")), false, IngestListener.NONE);
        Document doc = index.document("in/a").orElseThrow();
        assertThat(doc.title()).isEqualTo("Talks in Moscow");
        assertThat(doc.date()).isEqualTo(LocalDate.of(2024, 2, 20));
        assertThat(doc.text()).startsWith("Russia invited");
        assertThat(doc.language()).isEqualTo(Language.EN);
    }

    @Test
    void markdownHeadingBecomesTheTitle() throws Exception {
        write("b.md", "# A heading\n\nFirst paragraph here.\n\nSecond paragraph.\n");
        ingester.ingest(List.of(dir.resolve("in/b.md")), false, IngestListener.NONE);
        Document doc = index.document("b").orElseThrow();
        assertThat(doc.title()).isEqualTo("A heading");
        assertThat(doc.text()).isEqualTo("First paragraph here.\nSecond paragraph.");
    }

    @Test
    void htmlKeepsArticleTextAndDropsNavigation() throws Exception {
        write("c.html", """
                <html lang="en"><head><title>Site | Story</title>
                <meta property="og:title" content="Moscow hosts talks">
                <meta property="article:published_time" content="2024-02-21T08:00:00Z">
                <meta property="og:site_name" content="Example News">
                <link rel="canonical" href="https://example.org/story"></head>
                <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <article><h1>Moscow hosts talks</h1><p>Russia invited <b>all</b> factions.</p>
                <p>The meeting is on the 26th.</p><aside>Related: other story</aside></article>
                <footer>Copyright</footer></body></html>
                """);
        ingester.ingest(List.of(dir.resolve("in/c.html")), false, IngestListener.NONE);
        Document doc = index.document("c").orElseThrow();
        assertThat(doc.title()).isEqualTo("Moscow hosts talks");
        assertThat(doc.date()).isEqualTo(LocalDate.of(2024, 2, 21));
        assertThat(doc.outlet()).isEqualTo("Example News");
        assertThat(doc.url()).isEqualTo("https://example.org/story");
        assertThat(doc.text()).isEqualTo("Russia invited all factions.\nThe meeting is on the 26th.");
    }

    @Test
    void jsonAndJsonlCarryTheirOwnIdsAndMetadata() throws Exception {
        write("d.json", """
                {"id": "one", "title": "T1", "date": "2018-02-22T13:05:48+04:00", "source": "Alarabia", "url": "http://x", "lang": "ar", "text": "نص الخبر الأول. جملة ثانية."}
                """);
        write("e.jsonl", """
                {"id": "two", "title": "T2", "date": null, "outlet": "BBC News", "lang": "en", "text": "Quarterly profits jumped 76%.\\nSecond paragraph."}
                {"title": "no id", "lang": "en", "text": "A document without an id gets one from its file and line."}
                """);
        IngestReport report = ingester.ingest(List.of(dir.resolve("in")), false, IngestListener.NONE);
        assertThat(report.added()).isEqualTo(3);
        Document one = index.document("one").orElseThrow();
        assertThat(one.outlet()).isEqualTo("Alarabia");
        assertThat(one.date()).isEqualTo(LocalDate.of(2018, 2, 22));
        assertThat(one.language()).isEqualTo(Language.AR);
        Document two = index.document("two").orElseThrow();
        assertThat(two.outlet()).isEqualTo("BBC News");
        assertThat(two.date()).isNull();
        assertThat(two.text()).isEqualTo("Quarterly profits jumped 76%.\nSecond paragraph.");
        assertThat(index.document("in/e#2")).isPresent();
    }

    @Test
    void passagesAndSentencesPointIntoTheStoredText() throws Exception {
        ingester.ingest(List.of(Path.of("corpus/sample")), false, IngestListener.NONE);
        Document doc = index.document("sample/moscow-talks-2024-02-20.ar").orElseThrow();
        var passages = index.passagesOf(doc.id());
        assertThat(passages).isNotEmpty();
        for (var hit : passages) {
            assertThat(doc.text().substring(hit.passage().start(), hit.passage().end())).isEqualTo(hit.text());
            for (var s : hit.passage().sentences()) {
                assertThat(s.start()).isBetween(hit.passage().start(), hit.passage().end());
                assertThat(s.of(doc.text())).isEqualTo(s.of(doc.text()).strip()).isNotEmpty();
            }
        }
    }
}
