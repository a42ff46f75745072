package org.isnad.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.isnad.config.IsnadConfig;
import org.isnad.index.IsnadIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The optional English–Arabic dictionary only bridges languages: a question about an article in its
 * own language gets the same answer with it, with a stand-in dictionary written here (so the test
 * does not depend on what the machine has installed), and with the installed one when there is one.
 */
class DictionaryIndependenceTest {

    @org.junit.jupiter.api.io.TempDir
    static Path dir;
    static IsnadIndex index;
    static AnswerService without;
    static List<AnswerService> with;

    @BeforeAll
    static void build() throws IOException {
        Path res = Path.of("src/test/resources/answer");
        index = SampleIndex.build(dir, res.resolve("articles-ar.jsonl"), res.resolve("articles-en.jsonl"));
        without = service(dir.resolve("no-dictionary-here").toString());
        Path standIn = Files.createDirectories(dir.resolve("dictd"));
        writeDictionary(standIn, standInEntries());
        with = new java.util.ArrayList<>(List.of(service(standIn.toString())));
        if (FreeDict.in("/usr/share/dictd").present()) {
            with.add(service("/usr/share/dictd"));
        }
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Who is the chief executive of Cairn Energy?",
            "Who was elected Conservative leader?",
            "When will Theresa May step down?",
            "Who is Boris Johnson?",
            "Who is the chief executive of the firm Cairn Energy, the UK firm?",
            "What did Cairn Energy find in India?",
            "متى ستصل الفصائل الفلسطينية إلى موسكو؟",
            "من هو المتحدث باسم الكرملين؟",
            "كم عدد الفصائل المشاركة في اجتماع موسكو؟"})
    void sameLanguageAnswersDoNotDependOnTheDictionary(String question) {
        Answer plain = without.ask(AskRequest.of(question));
        for (AnswerService s : with) {
            Answer a = s.ask(AskRequest.of(question));
            assertThat(a.answered()).as(question).isEqualTo(plain.answered());
            assertThat(a.answer()).as(question).isEqualTo(plain.answer());
            assertThat(a.citations().stream().map(c -> c.docId() + "@" + c.start()).toList()).as(question)
                    .isEqualTo(plain.citations().stream().map(c -> c.docId() + "@" + c.start()).toList());
        }
    }

    private static AnswerService service(String dictionaryDir) {
        IsnadConfig.Answer config = new IsnadConfig.Answer(4, 30, "extractive", "glossary.tsv", dictionaryDir, "confidence");
        return new AnswerFactory(index, config).service();
    }

    /** Common words of the questions above, with Arabic senses, as the real dictionary has them. */
    private static Map<String, List<String>> standInEntries() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("chief", List.of("رئيس", "زعيم"));
        m.put("executive", List.of("تنفيذي", "مدير"));
        m.put("energy", List.of("طاقة"));
        m.put("elected", List.of("منتخب"));
        m.put("leader", List.of("زعيم", "قائد"));
        m.put("conservative", List.of("محافظ"));
        m.put("step", List.of("خطوة"));
        m.put("find", List.of("وجد", "اكتشف"));
        m.put("may", List.of("أيار", "مايو"));
        m.put("india", List.of("الهند"));
        return m;
    }

    /** dictd format: the .index holds headword TAB offset TAB length in dictd's base64; .dict.dz is gzip. */
    static void writeDictionary(Path dir, Map<String, List<String>> entries) throws IOException {
        StringBuilder dict = new StringBuilder();
        StringBuilder idx = new StringBuilder();
        for (Map.Entry<String, List<String>> e : entries.entrySet()) {
            String body = e.getKey() + " /x/\n" + String.join("\n", e.getValue()) + "\n";
            int offset = dict.toString().getBytes(StandardCharsets.UTF_8).length;
            int length = body.getBytes(StandardCharsets.UTF_8).length;
            dict.append(body);
            idx.append(e.getKey()).append('\t').append(b64(offset)).append('\t').append(b64(length)).append('\n');
        }
        Files.writeString(dir.resolve("freedict-eng-ara.index"), idx);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("freedict-eng-ara.dict.dz")))) {
            out.write(dict.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String b64(long v) {
        String digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        if (v == 0) {
            return "A";
        }
        StringBuilder s = new StringBuilder();
        while (v > 0) {
            s.insert(0, digits.charAt((int) (v % 64)));
            v /= 64;
        }
        return s.toString();
    }
}
