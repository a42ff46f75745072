package org.isnad.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.isnad.answer.DocumentFeatures;
import org.junit.jupiter.api.Test;

/**
 * The fitter on made-up candidates whose answering document has the higher cover: the ranker learns
 * to put it first, and the cross-validated curve trades answered questions for precision.
 */
class AnswerabilityFitTest {

    static List<AnswerabilityFit.Row> rows() {
        Random r = new Random(7);
        int d = DocumentFeatures.NAMES.size();
        List<AnswerabilityFit.Row> rows = new ArrayList<>();
        for (int q = 0; q < 120; q++) {
            boolean answerable = q % 5 != 0;
            for (int c = 0; c < 6; c++) {
                boolean answers = answerable && c == 0;
                double[] x = new double[d];
                for (int i = 0; i < d; i++) {
                    x[i] = r.nextDouble() + (answers ? 0.3 : 0);
                }
                rows.add(new AnswerabilityFit.Row("q" + q, answerable, "d" + q + "-" + c, answers, x));
            }
        }
        return rows;
    }

    @Test
    void theRankerPutsTheAnsweringCandidateFirst() {
        List<AnswerabilityFit.Row> rows = rows();
        AnswerabilityFit.TwoStage m = AnswerabilityFit.fitTwoStage(rows);
        long right = rows.stream().filter(AnswerabilityFit.Row::answers)
                .filter(a -> rows.stream().filter(o -> o.question().equals(a.question()))
                        .allMatch(o -> o == a || m.rankScore(o.x()) < m.rankScore(a.x())))
                .count();
        assertThat(right).as("of 96 answerable questions").isGreaterThanOrEqualTo(80);
    }

    @Test
    void aHigherThresholdAnswersLessAndMorePrecisely() {
        List<AnswerabilityFit.Point> curve = AnswerabilityFit.curve(AnswerabilityFit.crossValidate(rows(), 5));
        AnswerabilityFit.Point low = curve.get(0);
        AnswerabilityFit.Point high = curve.get(curve.size() - 3);
        assertThat(high.answered()).isLessThan(low.answered());
        assertThat(high.refusal()).isGreaterThan(low.refusal());
        assertThat(high.precision()).isGreaterThanOrEqualTo(low.precision());
        assertThat(AnswerabilityFit.report(rows(), 5)).contains("sentenceCover", "rankMargin", "threshold");
    }

    @Test
    void aFileThatIsNotAFeatureFileIsRefusedWithItsLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path bad = java.nio.file.Files.writeString(dir.resolve("bad.tsv"), AnswerabilityFit.header() + "\nq1\t1\td\t1\tx\n");
        java.nio.file.Path empty = java.nio.file.Files.writeString(dir.resolve("empty.tsv"), AnswerabilityFit.header() + "\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AnswerabilityFit.read(List.of(bad)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.tsv:2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AnswerabilityFit.read(List.of(empty)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no feature rows");
    }
}
