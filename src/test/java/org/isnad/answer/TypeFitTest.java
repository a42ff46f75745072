package org.isnad.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as a stated reason for a WHY question, in news wording of both languages. */
class TypeFitTest {

    private final TypeFit fit = new TypeFit(new DateMentions());

    private double why(String sentence) {
        return fit.fit(QuestionType.WHY, sentence, 0, 0, List.of());
    }

    @Test
    void occasionsAndArgumentsAreStatedReasons() {
        assertThat(why("سيخوض مباراة ودية في جوهانسبرغ في إطار الاحتفالات بمرور 100 عام على مولد نيلسون مانديلا.")).isEqualTo(1.0);
        assertThat(why("أقيم الحفل بمناسبة العيد الوطني.")).isEqualTo(1.0);
        assertThat(why("أن دوافع روسيا هي إظهار قوة روسيا كقوة إقليمية.")).isEqualTo(1.0);
        assertThat(why("He argued that economic growth was picking up.")).isEqualTo(1.0);
        assertThat(why("Indian Railways launched this event ahead of International Women's Day, for promoting gender equality.")).isEqualTo(1.0);
        assertThat(why("The concert was held to mark the anniversary.")).isEqualTo(1.0);
    }

    @Test
    void aGoalScoredIsOnlyAHintOfAnAim() {
        // "هدف" is an aim, and in a match report a goal: not enough to outrank a stated reason
        assertThat(why("صاحب هدف الفوز 1-صفر على هولندا في النهائي.")).isEqualTo(0.5);
        assertThat(why("Vote was held so the board could decide.")).isEqualTo(0.5);
    }

    @Test
    void aSentenceWithoutACauseDoesNotFit() {
        assertThat(why("وستقام المباراة في استاد إف.إن.بي.")).isZero();
        assertThat(why("MPC member Paul Tucker voted for a quarter point rise in interest rates to 5%.")).isZero();
    }

    @Test
    void aHowManyQuestionIsNotAnsweredByTheNumbersOfADate() {
        String sentence = "The talks are set for 26 February 2024.";
        int at = sentence.indexOf("26");
        var date = new org.isnad.text.DateMatch(java.time.LocalDate.of(2024, 2, 26), at, at + "26 February 2024".length());
        assertThat(fit.fit(QuestionType.HOW_MANY, sentence, 0, 0, List.of(date))).isZero();
        assertThat(fit.fit(QuestionType.HOW_MANY, "Six factions will attend on 26 February 2024.", 0, 0, List.of())).isEqualTo(1.0);
    }
}
