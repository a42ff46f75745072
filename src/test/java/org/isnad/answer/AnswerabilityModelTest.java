package org.isnad.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fitted decision with its shipped weights: the better-covered document ranks first, weak evidence stays below the threshold. */
class AnswerabilityModelTest {

    final AnswerabilityModel model = new AnswerabilityModel(AnswerTuning.defaults());

    static DocumentFeatures doc(String id, double cover, double retrieval, double crossLanguage) {
        return new DocumentFeatures(id, cover, cover, cover, cover, 1 - 0.3 * crossLanguage, crossLanguage, 1, retrieval, 0, 1,
                Math.log1p(4));
    }

    @Test
    void theDocumentHoldingTheQuestionRanksAboveOnesThatShareTheTopic() {
        List<AnswerabilityModel.Judged> ranked = model.rank(List.of(
                doc("topic", 0.4, 0.9, 0).withMargin(-0.8), doc("answers", 1.0, 1.0, 0).withMargin(0.8)));
        assertThat(ranked).extracting(j -> j.features().docId()).containsExactly("answers", "topic");
        assertThat(ranked.get(0).probability()).isGreaterThanOrEqualTo(model.threshold());
    }

    @Test
    void aDocumentSharingLittleOfTheQuestionDoesNotAnswerItEvenAlone() {
        List<AnswerabilityModel.Judged> ranked = model.rank(List.of(doc("weak", 0.3, 1.0, 1)));
        assertThat(ranked).hasSize(1);
        assertThat(ranked.get(0).probability()).isLessThan(model.threshold());
    }

    @Test
    void tuningNeedsOneWeightPerFeature() {
        AnswerTuning t = AnswerTuning.defaults();
        assertThat(t.rankingWeights()).hasSize(DocumentFeatures.NAMES.size());
        assertThat(t.answerabilityWeights()).hasSize(DocumentFeatures.NAMES.size() + 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AnswerTuning(List.of(1.0), t.answerabilityWeights(),
                t.answerabilityBias(), t.minAnswerability(), t.expandedDocsPerLanguage())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDecisionIsChosenInConfigurationAndAMisspeltOneIsKnownAsSuch() {
        var fitted = new org.isnad.config.ConfigLoader(java.util.Map.of("ISNAD_ANSWER_DECISION", "fitted")).load().answer();
        var shipped = new org.isnad.config.ConfigLoader(java.util.Map.of()).load().answer();
        var misspelt = new org.isnad.config.ConfigLoader(java.util.Map.of("ISNAD_ANSWER_DECISION", "fited")).load().answer();
        assertThat(fitted.fittedDecision()).isTrue();
        assertThat(shipped.fittedDecision()).isFalse();
        assertThat(shipped.knownDecision()).isTrue();
        assertThat(misspelt.fittedDecision()).isFalse();
        assertThat(misspelt.knownDecision()).isFalse();
    }
}
