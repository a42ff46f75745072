package org.isnad.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenSearch schema analyzes text exactly as the embedded index does: a real two-node cluster
 * ({@link OpenSearchCluster}) and the in-process chains ({@link Analyzers}) give the same tokens at
 * the same positions for several hundred Arabic and English sentences, in every field's chain, both
 * at index time (stems with the unstemmed forms beside them) and at query time; the sentences come
 * from our own test articles, and each Arabic one again with its digits in Eastern Arabic and
 * Persian script, hamza-less alef, ى for ي, ه for ة, tatweel and diacritics.
 */
class OpenSearchAnalysisTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static OpenSearchCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = OpenSearchCluster.start(2);
        cluster.put("/isnad-analysis", OpenSearchSchema.createIndexBody(2, 1));
        cluster.get("/_cluster/health/isnad-analysis?wait_for_status=green&timeout=60s");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private record Token(String term, int position) {}

    @Test
    void theClusterHasTwoNodesAndTheIndexItsReplicas() throws Exception {
        JsonNode health = cluster.get("/_cluster/health/isnad-analysis");
        assertThat(health.path("number_of_nodes").asInt()).isEqualTo(2);
        assertThat(health.path("active_shards").asInt()).isEqualTo(4); // 2 primaries, each with a replica on the other node
        assertThat(health.path("status").asText()).isEqualTo("green");
    }

    @Test
    void everyChainGivesTheSameTokensAtTheSamePositions() throws Exception {
        Analyzers analyzers = new Analyzers();
        Map<String, Analyzer> chains = Map.of(
                "isnad_body_ar", analyzers.perField(), "isnad_body_en", analyzers.perField(),
                OpenSearchSchema.ARABIC, analyzers.arabic(), OpenSearchSchema.ENGLISH, analyzers.english(),
                OpenSearchSchema.EXACT, analyzers.exact());
        Map<String, String> fieldOf = Map.of("isnad_body_ar", Fields.BODY_AR, "isnad_body_en", Fields.BODY_EN);
        List<String> sentences = sentences();
        assertThat(sentences).hasSizeGreaterThan(300);
        int compared = 0;
        List<String> differences = new ArrayList<>();
        for (String sentence : sentences) {
            boolean arabic = sentence.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
            for (String analyzer : chains.keySet()) {
                if (analyzer.contains("_ar") && !arabic || analyzer.contains("_en") && arabic && !analyzer.equals("isnad_en")) {
                    continue; // each body chain on its own language; the plain chains on everything (queries are mixed)
                }
                List<Token> local = local(chains.get(analyzer), fieldOf.getOrDefault(analyzer, "q"), sentence);
                List<Token> remote = remote(analyzer, sentence);
                compared++;
                if (!local.equals(remote)) {
                    differences.add(analyzer + " «" + sentence + "»\n  in process: " + local + "\n  OpenSearch: " + remote);
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
        assertThat(differences).as("analyses that differ").isEmpty();
    }

    private static List<Token> local(Analyzer analyzer, String field, String text) throws IOException {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                out.add(new Token(term.toString(), position));
            }
            ts.end();
        }
        return out;
    }

    private static List<Token> remote(String analyzer, String text) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("analyzer", analyzer).put("text", text);
        List<Token> out = new ArrayList<>();
        for (JsonNode t : cluster.post("/isnad-analysis/_analyze", body).path("tokens")) {
            out.add(new Token(t.path("token").asText(), t.path("position").asInt()));
        }
        return out;
    }

    /** Our test articles' sentences, and each Arabic one in the spellings and digits readers type. */
    private static List<String> sentences() {
        Set<String> out = new LinkedHashSet<>();
        for (String file : List.of("answer/articles-ar.jsonl", "answer/articles-en.jsonl", "answer/articles-spans.jsonl", "eval/news.jsonl")) {
            try {
                for (String line : Files.readAllLines(Path.of("src/test/resources", file))) {
                    if (line.isBlank()) {
                        continue;
                    }
                    for (String s : JSON.readTree(line).path("text").asText().split("(?<=[.!?؟])\\s+|\\n+")) {
                        if (s.strip().length() > 3) {
                            out.add(s.strip());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> variants = new ArrayList<>();
        for (String s : out) {
            if (s.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) {
                continue;
            }
            variants.add(digits(s, '٠'));
            variants.add(digits(s, '۰'));
            variants.add(s.replace('أ', 'ا').replace('إ', 'ا').replace('آ', 'ا').replace('ي', 'ى').replace('ة', 'ه'));
            variants.add(s.replace("ال", "الـ").replace("ما", "مَا").replace("ك", "ک").replace("ي", "ی") + " (Moscow 2024's)");
        }
        out.addAll(variants);
        return new ArrayList<>(out);
    }

    private static String digits(String s, char zero) {
        StringBuilder b = new StringBuilder(s.length());
        s.chars().forEach(c -> b.append(c >= '0' && c <= '9' ? (char) (zero + (c - '0')) : (char) c));
        return b.toString();
    }
}
