package org.isnad.eval;

import java.util.Locale;
import org.isnad.answer.QuestionType;
import org.isnad.text.ArabicNormalizer;

/**
 * A rough question type from the question's leading cue words, used only to break evaluation
 * figures down by type (datasets such as XQuAD carry no type). The answer path has its own analysis.
 */
public final class QuestionCues {

    private QuestionCues() {}

    public static QuestionType typeOf(String question) {
        String q = " " + ArabicNormalizer.normalize(question).toLowerCase(Locale.ROOT)
                .replaceAll("\\p{Cf}", "").replaceAll("[\\p{Punct}؟،؛«»“”]", " ").replaceAll("\\s+", " ").strip() + " ";
        if (q.contains(" how many ") || q.contains(" how much ") || q.startsWith(" كم ") || q.contains(" كم ")) {
            return QuestionType.HOW_MANY;
        }
        if (q.contains(" why ") || q.contains(" لماذا ") || q.contains(" لم ") && q.startsWith(" لم ")) {
            return QuestionType.WHY;
        }
        if (q.contains(" when ") || q.contains(" what year ") || q.contains(" متي ") || q.contains(" في اي عام ") || q.contains(" في اي سنه ")) {
            return QuestionType.WHEN;
        }
        if (q.contains(" where ") || q.contains(" اين ") || q.contains(" في اي مدينه ") || q.contains(" في اي بلد ")) {
            return QuestionType.WHERE;
        }
        if (q.contains(" who ") || q.contains(" whom ") || q.contains(" whose ") || q.startsWith(" من ") || q.contains(" من الذي ")
                || q.contains(" من هو ") || q.contains(" من هي ") || q.contains(" من هم ")) {
            return QuestionType.WHO;
        }
        if (q.startsWith(" is ") || q.startsWith(" are ") || q.startsWith(" does ") || q.startsWith(" do ") || q.startsWith(" did ")
                || q.startsWith(" was ") || q.startsWith(" were ") || q.startsWith(" can ") || q.startsWith(" هل ")) {
            return QuestionType.YES_NO;
        }
        if (q.contains(" what ") || q.contains(" which ") || q.contains(" how ") || q.startsWith(" ما ") || q.startsWith(" ماذا ")
                || q.contains(" ما هو ") || q.contains(" ما هي ") || q.contains(" اي ") || q.contains(" ايه ") || q.contains(" كيف ")
                || q.startsWith(" ماسم ") || q.startsWith(" بماذا ") || q.startsWith(" بما ") || q.startsWith(" اذكر ") || q.startsWith(" اعط ")) {
            return QuestionType.WHAT;
        }
        return QuestionType.OTHER;
    }
}
