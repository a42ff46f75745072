package org.isnad.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.List;
import org.isnad.ingest.IngestListener;
import org.isnad.ingest.Ingester;
import org.isnad.ingest.RawDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsnadIndexTest {

    @TempDir
    Path dir;
    IsnadIndex index;

    @BeforeEach
    void open() {
        index = IsnadIndex.open(dir.resolve("index"));
        Ingester ingester = new Ingester(index, 1_000_000);
        ingester.ingest(List.of(Path.of("corpus/sample")), false, IngestListener.NONE);
        ingester.ingestDocuments(List.of(
                new RawDocument("en-1", "Talks", "2024-02-21", "Wire", null, "en",
                        "Russia invited the Palestinian factions to talks in Moscow.\nThe meetings were postponed.", null),
                new RawDocument("ar-digits", "أرقام", "2024-03-01", "Wire", null, "ar",
                        "بلغ عدد الزوار ۲۰۲٤ زائرا في العام الماضي.", null)));
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void arabicWordFindsTheSampleArticle() {
        List<PassageHit> hits = index.search("موسكو", 5);
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).doc().id()).isEqualTo("sample/moscow-talks-2024-02-20.ar");
    }

    @Test
    void arabicNormalizationAndStemmingMatchSpellingVariants() {
        // "الفصائل" in the text; the query has no article and a different alef/yaa spelling elsewhere.
        assertThat(index.search("فصائل", 5)).extracting(h -> h.doc().id()).contains("sample/moscow-talks-2024-02-20.ar");
        assertThat(index.search("اسرائيل", 5)).extracting(h -> h.doc().id()).contains("sample/moscow-talks-2024-02-20.ar");
    }

    @Test
    void easternAndWesternDigitsReturnTheSamePassages() {
        List<PassageHit> eastern = index.search("۲۰۲٤", 10);
        List<PassageHit> western = index.search("2024", 10);
        assertThat(eastern).isNotEmpty();
        assertThat(eastern).extracting(h -> h.doc().id() + ":" + h.passage().start())
                .containsExactlyElementsOf(western.stream().map(h -> h.doc().id() + ":" + h.passage().start()).toList());
    }

    @Test
    void englishStemmingMatchesInflections() {
        assertThat(index.search("inviting meeting", 5)).extracting(h -> h.doc().id()).contains("en-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Moscow AND talks", "\"Moscow\" OR", "Mos*", "title:Moscow", "Moscow~2", "\\", "(Moscow", "-",
            "+-&&||!(){}[]^\"~*?:\\/", "موسكو AND (بوتين OR", "   ", "", "🙂🙂", "<script>alert(1)</script>"})
    void userTextIsNeverParsedAsQuerySyntax(String query) {
        assertThatCode(() -> index.search(query, 5)).doesNotThrowAnyException();
    }

    @Test
    void queryWordsWithSyntaxCharactersStillMatchAsPlainWords() {
        assertThat(index.search("Moscow AND (talks*", 5)).extracting(h -> h.doc().id()).contains("en-1");
    }

    @Test
    void statsCountDocumentsLanguagesOutletsAndDates() {
        IndexStats s = index.stats();
        assertThat(s.documents()).isEqualTo(3);
        assertThat(s.languages()).containsEntry("ar", 2).containsEntry("en", 1);
        assertThat(s.outlets()).containsEntry("Wire", 2);
        assertThat(s.lastDate()).hasToString("2024-03-01");
        assertThat(s.latest().get(0).id()).isEqualTo("ar-digits");
    }

    @Test
    void statsFollowWhatIsIngestedAfterThemAndAnotherProcesssCommits() throws InterruptedException {
        assertThat(index.stats().documents()).isEqualTo(3);
        new Ingester(index, 1_000_000).ingestDocuments(List.of(
                new RawDocument("en-2", "More", "2024-04-02", "Agency", null, "en", "A later report from the agency.", null)));
        IndexStats s = index.stats();
        assertThat(s.documents()).isEqualTo(4);
        assertThat(s.outlets()).containsEntry("Agency", 1);
        assertThat(s.lastDate()).hasToString("2024-04-02");

        // a reader that does not write (the bot beside an ingest in another process) sees the commit soon
        try (IsnadIndex reader = IsnadIndex.open(dir.resolve("index"))) {
            assertThat(reader.stats().documents()).isEqualTo(4);
            new Ingester(index, 1_000_000).ingestDocuments(List.of(
                    new RawDocument("en-3", "Last", "2024-05-03", "Agency", null, "en", "The agency's last report.", null)));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (reader.stats().documents() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(reader.stats().documents()).isEqualTo(5);
        }
    }
}
