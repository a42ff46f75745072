package org.isnad.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.isnad.answer.QuestionType;
import org.junit.jupiter.api.Test;

class QuestionCuesTest {

    @Test
    void leadingCueWordsGiveTheTypeInBothLanguagesEvenBehindADirectionMark() {
        assertThat(QuestionCues.typeOf("\u200fمن دعت روسيا إلى موسكو؟")).isEqualTo(QuestionType.WHO);
        assertThat(QuestionCues.typeOf("كم نقطة تخلى عنها دفاع البانثرز؟")).isEqualTo(QuestionType.HOW_MANY);
        assertThat(QuestionCues.typeOf("\u200fما اسم الملعب؟")).isEqualTo(QuestionType.WHAT);
        assertThat(QuestionCues.typeOf("متى ولد مانديلا؟")).isEqualTo(QuestionType.WHEN);
        assertThat(QuestionCues.typeOf("How many points did the Panthers defense surrender?")).isEqualTo(QuestionType.HOW_MANY);
        assertThat(QuestionCues.typeOf("Why is Moscow hosting the talks?")).isEqualTo(QuestionType.WHY);
        assertThat(QuestionCues.typeOf("Where was the race held?")).isEqualTo(QuestionType.WHERE);
        assertThat(QuestionCues.typeOf("Does the system need a shell?")).isEqualTo(QuestionType.YES_NO);
    }
}
