package org.isnad.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerMatchTest {

    @Test
    void arabicSpellingVariantsDiacriticsAndDigitsDoNotMatter() {
        assertThat(AnswerMatch.contains("وأعلنت الحكومة أنّ المؤتمر سيُعقد في ٢٠٢٤", "ان المؤتمر سيعقد في 2024")).isTrue();
        assertThat(AnswerMatch.contains("ذهب إلى المدرسة", "الى المدرسه")).isTrue();
    }

    @Test
    void caseWhiteSpaceAndEdgePunctuationOfTheGoldAnswerDoNotMatter() {
        assertThat(AnswerMatch.contains("The Panthers defense gave up just 308\npoints.", "just 308 points.")).isTrue();
        assertThat(AnswerMatch.contains("Denver Broncos won", "\"denver broncos\"")).isTrue();
    }

    @Test
    void aParaphraseOrAnEmptyGoldAnswerIsAMiss() {
        assertThat(AnswerMatch.contains("The Panthers allowed three hundred and eight points", "308")).isFalse();
        assertThat(AnswerMatch.contains("anything", " . ")).isFalse();
        assertThat(AnswerMatch.containsAny("Paul Tucker voted", List.of("Mervyn King", "Tucker"))).isTrue();
    }
}
