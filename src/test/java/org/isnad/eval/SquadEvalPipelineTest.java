package org.isnad.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.isnad.Isnad;
import org.isnad.answer.Citation;
import org.isnad.config.ConfigLoader;
import org.isnad.index.PassageHit;
import org.isnad.text.Sentence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small XQuAD slice end to end: dataset → fresh index → both systems → contract figures. */
class SquadEvalPipelineTest {

    @TempDir
    Path dir;

    /** Stands in for an answerer: Isnad's own retrieval, the first sentence of the top passage as the quote. */
    private static QaSystem searchOnly(Isnad isnad) {
        return question -> {
            long t0 = System.nanoTime();
            List<PassageHit> hits = isnad.index().search(question, 10);
            if (hits.isEmpty()) {
                return new QaSystem.Response(false, List.of(), List.of(), System.nanoTime() - t0);
            }
            PassageHit top = hits.get(0);
            Sentence s = top.passage().sentences().get(0);
            String text = isnad.index().document(top.doc().id()).orElseThrow().text();
            Citation c = new Citation(1, top.doc().id(), null, null, null, text.substring(s.start(), s.end()), s.start(), s.end(), null);
            return new QaSystem.Response(true, hits.stream().map(h -> h.doc().id()).distinct().toList(), List.of(c), System.nanoTime() - t0);
        };
    }

    @Test
    void aWithheldSliceIsScoredForBothSystemsWithEveryContractKey() {
        SquadDataset ar = SquadDataset.load(SquadDatasetTest.XQUAD_AR);
        try (Isnad isnad = Isnad.open(new ConfigLoader(Map.of()).load().withDataDir(dir.resolve("data").toString()))) {
            EvalReport report = SquadEval.run(ar, isnad, searchOnly(isnad), dir.resolve("lucene"), new SquadEval.Options(0.2, 42, 40, 5));
            assertThat(report.questions()).isEqualTo(40);
            assertThat(isnad.index().documentCount()).isEqualTo(192);
            Map<String, Double> lucene = report.lucene();
            assertThat(lucene.keySet()).containsAll(SquadEval.KEYS);
            assertThat(lucene).containsEntry("validity", 1.0).containsEntry("answered", 1.0).containsEntry("refusal", 0.0);
            assertThat(lucene.get("recall@5")).isGreaterThan(0.6);
            assertThat(report.isnad()).containsEntry("validity", 1.0);
            Map<String, Object> json = report.toJson(SquadEval.KEYS);
            assertThat(json.keySet()).containsExactly("dataset", "questions", "isnad", "lucene");
            assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) json.get("lucene")).keySet())).containsExactlyElementsOf(SquadEval.KEYS);
            assertThat(report.toTable(SquadEval.KEYS)).contains("recall@5").contains("hit@1");
        }
    }

    @Test
    void theRealAnswerPathOnACrossLingualSliceCitesOnlyValidQuotesAndRefusesMostWithheldQuestions() {
        SquadDataset enOverAr = SquadDataset.load(SquadDatasetTest.XQUAD_AR).withQuestionsFrom(SquadDataset.load(SquadDatasetTest.XQUAD_EN));
        try (Isnad isnad = Isnad.open(new ConfigLoader(Map.of()).load().withDataDir(dir.resolve("data").toString()))) {
            QaSystem answers = new IsnadQa(IsnadAnswers.of(isnad));
            EvalReport report = SquadEval.run(enOverAr, isnad, answers, dir.resolve("lucene"), new SquadEval.Options(0.2, 42, 30, 3));
            assertThat(report.isnad().get("validity")).isEqualTo(1.0);
            assertThat(report.isnad().keySet()).containsAll(SquadEval.KEYS);
            assertThat(report.isnad().get("recall@5")).as("cross-lingual retrieval beats plain Lucene")
                    .isGreaterThan(report.lucene().get("recall@5"));
        }
    }
}
