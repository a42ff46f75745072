package org.isnad.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.isnad.Json;
import org.isnad.archive.Document;
import org.isnad.index.IsnadIndex;
import org.isnad.text.Sentence;
import org.isnad.text.SentenceSplitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample plus the 5,000 real Arabic news articles in one index (built once for the class): the
 * sample's questions still answer from the sample, questions about the articles answer from them,
 * and every citation of hundreds of generated questions is an exact span of its source.
 */
class NewsCorpusAnswersTest {

    @TempDir
    static Path dir;
    static IsnadIndex index;
    static AnswerService answers;
    static List<JsonNode> articles;

    @BeforeAll
    static void buildIndex() throws Exception {
        assertThat(SampleIndex.NEWS_AR).as("../shared/eval beside the repository").exists();
        index = SampleIndex.build(dir, SampleIndex.NEWS_AR);
        answers = SampleIndex.service(index);
        ObjectMapper json = Json.mapper();
        articles = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(SampleIndex.NEWS_AR, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                articles.add(json.readTree(line));
            }
        }
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static void assertExact(Answer a) {
        for (Citation c : a.citations()) {
            String text = index.document(c.docId()).map(Document::text).orElseThrow();
            assertThat(text.substring(c.start(), c.end())).as(a.question()).isEqualTo(c.quote());
        }
    }

    @Test
    void sampleQuestionsStillAnswerFromTheSample() {
        Answer who = answers.ask(AskRequest.of("من دعت روسيا إلى موسكو؟"));
        assertThat(who.answered()).isTrue();
        assertThat(who.citations()).allMatch(c -> c.docId().equals(SampleIndex.SAMPLE_ID));
        assertThat(String.join(" ", who.citations().stream().map(Citation::quote).toList())).contains("حماس").contains("فتح");

        Answer when = answers.ask(AskRequest.of("When will the Palestinian factions meet in Moscow?"));
        assertThat(when.answered()).isTrue();
        assertThat(when.citations()).allMatch(c -> c.docId().equals(SampleIndex.SAMPLE_ID));
        assertThat(when.conflicts()).extracting(Conflict::about).containsExactly("date");

        // "لماذا تستضيف موسكو هذه المحادثات؟" alone also fits 2018 articles on other talks in Moscow.
        Answer why = answers.ask(AskRequest.of("لماذا تستضيف موسكو محادثات الفصائل الفلسطينية؟"));
        assertThat(why.answered()).isTrue();
        assertThat(why.citations()).anyMatch(c -> c.quote().contains("إظهار قوة روسيا"));

        assertThat(answers.ask(AskRequest.of("What is the capital of Peru?")).citations())
                .noneMatch(c -> c.docId().equals(SampleIndex.SAMPLE_ID));
        List.of(who, when, why).forEach(NewsCorpusAnswersTest::assertExact);
    }

    @Test
    void aDocumentThatNeverMentionsAKeyWordDoesNotAnswer() {
        // 2018 World Cup reports name Peru but none says anything about its capital.
        for (String q : new String[] {"What is the capital of Peru?", "ما هي عاصمة بيرو؟"}) {
            Answer a = answers.ask(AskRequest.of(q));
            assertThat(a.answered()).as(q).isFalse();
        }
    }

    @Test
    void questionsAboutTheArticlesAnswerFromThem() {
        Answer a = answers.ask(AskRequest.of("من سيحضر حفل اختتام الألعاب الأولمبية الشتوية في سيول؟"));
        assertThat(a.answered()).isTrue();
        assertThat(a.citations()).anyMatch(c -> c.docId().equals("AL-internationalNews-160-20180222"));
        Answer en = answers.ask(AskRequest.of("Will Ivanka Trump attend the closing ceremony of the Winter Olympics?"));
        assertThat(en.answered()).isTrue();
        assertThat(en.citations()).anyMatch(c -> c.quote().contains("إيفانكا"));
        assertExact(a);
        assertExact(en);
    }

    /**
     * Questions made from random sentences of the articles (their longest words after a question
     * word): every citation is exact, and most answers cite the article the words came from.
     */
    @Test
    void generatedQuestionsKeepTheOffsetsInvariantAndMostlyFindTheirArticle() {
        Random random = new Random(20240220);
        SentenceSplitter splitter = new SentenceSplitter();
        String[] cues = {"من", "متى", "أين", "لماذا", "ما", "كم", "هل", "ماذا"};
        int asked = 0;
        int answered = 0;
        int fromSource = 0;
        int citations = 0;
        List<String> questions = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        while (questions.size() < 300) {
            JsonNode art = articles.get(random.nextInt(articles.size()));
            String text = art.get("text").asText();
            List<Sentence> sentences = splitter.split(text);
            if (sentences.isEmpty()) {
                continue;
            }
            String sentence = sentences.get(random.nextInt(sentences.size())).of(text);
            List<String> words = Arrays.stream(sentence.split("[^\\p{L}]+")).filter(w -> w.length() >= 4).distinct()
                    .sorted(Comparator.comparingInt(String::length).reversed()).limit(4).toList();
            if (words.size() < 3) {
                continue;
            }
            questions.add(cues[random.nextInt(cues.length)] + " " + String.join(" ", words) + "؟");
            sources.add(art.get("id").asText());
        }
        for (int i = 0; i < questions.size(); i++) {
            Answer a = answers.ask(AskRequest.of(questions.get(i)));
            asked++;
            assertThat(a.notes()).noneMatch(n -> n.startsWith("error"));
            assertExact(a);
            citations += a.citations().size();
            if (a.answered()) {
                answered++;
                String source = sources.get(i);
                if (a.citations().stream().anyMatch(c -> c.docId().equals(source))) {
                    fromSource++;
                }
            }
        }
        // Second pass, warmed up: answer latency beside plain Lucene top-10 search of the same words.
        List<Long> answerNs = new ArrayList<>();
        List<Long> searchNs = new ArrayList<>();
        for (String q : questions) {
            long t0 = System.nanoTime();
            answers.ask(AskRequest.of(q));
            answerNs.add(System.nanoTime() - t0);
            t0 = System.nanoTime();
            index.search(q, 10);
            searchNs.add(System.nanoTime() - t0);
        }
        answerNs.sort(null);
        searchNs.sort(null);
        double p50 = answerNs.get(asked / 2) / 1e6;
        double lucene = searchNs.get(asked / 2) / 1e6;
        System.out.printf("generated questions: %d asked, %d answered, %d from their article, %d citations checked;"
                        + " warm latency p50 %.1f ms, p90 %.1f ms; plain Lucene top-10 p50 %.2f ms (ratio %.1f; 5,001 documents)%n",
                asked, answered, fromSource, citations, p50, answerNs.get(asked * 9 / 10) / 1e6, lucene, p50 / lucene);
        assertThat(citations).isGreaterThan(300);
        assertThat(answered).isGreaterThan(asked / 3);
        assertThat((double) fromSource / answered).isGreaterThan(0.6);
    }
}
