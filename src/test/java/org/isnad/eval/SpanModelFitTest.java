package org.isnad.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.isnad.answer.AnswerTuning;
import org.isnad.answer.direct.SpanCandidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The span model's fit: written rows read back, and a fit that finds the feature that tells the answer. */
class SpanModelFitTest {

    @TempDir
    Path dir;

    private static final int N = SpanCandidate.featureNames().size();

    /** Questions whose best candidate is the one with "closesClause" set; the other features are noise. */
    private static List<String> rows(int questions, long seed) {
        Random r = new Random(seed);
        int telling = SpanCandidate.featureNames().indexOf("closesClause");
        List<String> out = new ArrayList<>();
        for (int q = 0; q < questions; q++) {
            int answer = r.nextInt(6);
            for (int c = 0; c < 6; c++) {
                List<Double> f = new ArrayList<>(Collections.nCopies(N, 0.0));
                for (int j = 0; j < N; j++) {
                    f.set(j, (double) r.nextInt(2));
                }
                f.set(telling, c == answer ? 1.0 : 0.0);
                out.add(SpanModelFit.row("q" + q, c == answer ? 1.0 : 0.1, new SpanCandidate(c * 10, c * 10 + 5, "cand " + c, f)));
            }
        }
        return out;
    }

    @Test
    void aFitFindsTheFeatureThatTellsTheAnswerAndBeatsNoModel() throws Exception {
        Path file = dir.resolve("spans.tsv");
        SpanModelFit.write(file, rows(120, 7));
        assertThat(Files.readAllLines(file).get(0)).startsWith("question\tf1\ttext\tnear");
        List<SpanModelFit.Example> examples = SpanModelFit.read(List.of(file));
        assertThat(examples).hasSize(120);
        assertThat(examples.get(0).x()).hasNumberOfRows(6);

        double[] w = SpanModelFit.fit(examples);
        int telling = SpanCandidate.featureNames().indexOf("closesClause");
        for (int j = 0; j < N; j++) {
            if (j != telling) {
                assertThat(w[telling]).as(SpanCandidate.featureNames().get(j)).isGreaterThan(Math.abs(w[j]));
            }
        }
        assertThat(SpanModelFit.f1OfChoice(examples, w)).isGreaterThan(0.95);
        assertThat(SpanModelFit.report(examples, 42)).contains("two-fold held-out").contains("closesClause");
    }

    @Test
    void theWeightsInUseHaveOneWeightPerFeature() {
        assertThat(AnswerTuning.SPAN_WEIGHTS).hasSize(N);
    }
}
