package org.isnad.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Properties that must hold on every real article: 5,000 Arabic news texts and the English sets. */
class NewsCorpusTextTest {

    private static final List<String> AR_TEXTS = new ArrayList<>();
    private static final List<String> AR_DATES = new ArrayList<>();
    private static final List<String> EN_TEXTS = new ArrayList<>();

    static Path evalDir() {
        for (String candidate : new String[] {"../shared/eval", "../../shared/eval", "/work/shared/eval"}) {
            Path p = Path.of(candidate);
            if (Files.isDirectory(p.resolve("news-ar"))) {
                return p;
            }
        }
        return null;
    }

    @BeforeAll
    static void load() throws IOException {
        Path eval = evalDir();
        if (eval == null) {
            return;
        }
        ObjectMapper json = new ObjectMapper();
        read(json, eval.resolve("news-ar/ant-multisource-ar-5000.jsonl"), AR_TEXTS, AR_DATES);
        read(json, eval.resolve("news-en/bbc-news-2127.jsonl"), EN_TEXTS, new ArrayList<>());
        read(json, eval.resolve("news-en/wikinews-en-2019-2020-293.jsonl"), EN_TEXTS, new ArrayList<>());
    }

    private static void read(ObjectMapper json, Path file, List<String> texts, List<String> dates) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (BufferedReader r = Files.newBufferedReader(file)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                texts.add(n.path("text").asText(""));
                dates.add(n.path("date").asText(""));
            }
        }
    }

    @Test
    void everySentenceOfTheArabicNewsIsAnExactTrimmedOrderedSubstring() {
        assumeThat(AR_TEXTS).as("../shared/eval/news-ar present").isNotEmpty();
        assertThat(AR_TEXTS).hasSize(5000);
        SentenceSplitter splitter = new SentenceSplitter();
        long sentences = 0;
        for (String raw : AR_TEXTS) {
            for (String text : new String[] {raw, TextTidy.tidy(raw)}) {
                List<Sentence> list = splitter.split(text);
                SentenceSplitterTest.assertInvariants(text, list);
                sentences += list.size();
                if (!text.isBlank()) {
                    assertThat(list).isNotEmpty();
                }
            }
        }
        assertThat(sentences).isGreaterThan(100_000);
    }

    @Test
    void everySentenceOfTheEnglishNewsIsAnExactTrimmedOrderedSubstring() {
        assumeThat(EN_TEXTS).as("../shared/eval/news-en present").isNotEmpty();
        SentenceSplitter splitter = new SentenceSplitter();
        for (String text : EN_TEXTS) {
            SentenceSplitterTest.assertInvariants(text, splitter.split(text));
        }
    }

    @Test
    void splittingTheArabicNewsIsFast() {
        assumeThat(AR_TEXTS).isNotEmpty();
        SentenceSplitter splitter = new SentenceSplitter();
        long chars = 0;
        for (String t : AR_TEXTS) {
            chars += t.length();
            splitter.split(t); // warm up
        }
        long t0 = System.nanoTime();
        for (String t : AR_TEXTS) {
            splitter.split(t);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        // ~8 M characters; measured well under 0.2 s on the 2-core box; generous bound for a shared machine
        assertThat(seconds).as("%d chars split in %.3f s", chars, seconds).isLessThan(3.0);
    }

    @Test
    void dateMentionsInTheArabicNewsHaveValidOrderedSpans() {
        assumeThat(AR_TEXTS).isNotEmpty();
        DateParser parser = new DateParser();
        int mentions = 0;
        for (int i = 0; i < AR_TEXTS.size(); i++) {
            String text = AR_TEXTS.get(i);
            String d = AR_DATES.get(i);
            LocalDate ref = d.length() >= 10 ? LocalDate.parse(d.substring(0, 10)) : null;
            int previousEnd = 0;
            for (DateMention m : parser.findMentions(text, ref)) {
                assertThat(m.start()).isGreaterThanOrEqualTo(previousEnd);
                assertThat(m.end()).isGreaterThan(m.start()).isLessThanOrEqualTo(text.length());
                String expr = text.substring(m.start(), m.end());
                assertThat(expr).isEqualTo(expr.strip());
                assertThat(m.date().getYear()).isBetween(1600, 2200);
                previousEnd = m.end();
                mentions++;
            }
        }
        assertThat(mentions).isGreaterThan(10_000);
    }

    @Test
    void everyArabicArticleIsDetectedAsArabic() {
        assumeThat(AR_TEXTS).isNotEmpty();
        LanguageDetector detector = new LanguageDetector();
        long arabic = AR_TEXTS.stream().filter(t -> detector.detect(t) == Language.AR).count();
        assertThat(arabic).isEqualTo(AR_TEXTS.size());
        long english = EN_TEXTS.stream().filter(t -> detector.detect(t) == Language.EN).count();
        assertThat(english).isEqualTo(EN_TEXTS.size());
    }
}
