package org.isnad.answer;

import java.nio.file.Files;
import java.nio.file.Path;
import org.isnad.index.IsnadIndex;
import org.junit.jupiter.api.Test;

class DebugMain {
    @Test
    void debug() throws Exception {
        try (IsnadIndex index = IsnadIndex.open(Path.of(System.getProperty("idx", "/tmp/ans-5000/index")))) {
            AnswerFactory f = new AnswerFactory(index, null);
            for (String qs : System.getProperty("qs", "من دعت روسيا إلى موسكو؟").split("\\|\\|")) {
                Question q = f.analyzer().analyze(qs, qs, null);
                System.out.println(q);
                var texts = new DocumentTexts(index);
                var hits = f.retriever().retrieve(q);
                var scorer = new EvidenceScorer(index.analyzers(), Glossary.load("glossary.tsv", index.analyzers()), new DateMentions());
                var ev = scorer.score(q, f.retriever().withNeighbours(hits), texts);
                ev.stream().sorted(java.util.Comparator.comparingDouble(Evidence::score).reversed()).limit(8).forEach(e ->
                        System.out.printf("%.2f own=%.2f near=%.2f ctx=%.2f names=%s fit=%.2f ret=%.2f %s%n", e.score(), e.own(), e.near(), e.context(), e.namesPresent(), e.fit(), e.retrieval(), e.text().substring(0, Math.min(70, e.text().length()))));
                var ans = f.service().ask(AskRequest.of(qs));
                System.out.println(ans.answer());
                ans.citations().forEach(c -> System.out.println("  " + c.docId()));
            }
        }
    }
}
