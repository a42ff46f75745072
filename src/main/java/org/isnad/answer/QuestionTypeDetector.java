package org.isnad.answer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.isnad.text.ArabicNormalizer;

/**
 * Reads the kind of answer a question wants from its question words, Arabic or English. The first
 * cue among the first few words decides; longer cues ("ما سبب", "how many") are tried before shorter.
 */
public final class QuestionTypeDetector {

    private static final int LOOK_AHEAD = 4;

    /** Cues as normalized word sequences, longest first within each language. */
    private static final List<Map.Entry<String, QuestionType>> ARABIC = List.of(
            Map.entry("ما سبب", QuestionType.WHY), Map.entry("ما اسباب", QuestionType.WHY),
            Map.entry("ما دوافع", QuestionType.WHY), Map.entry("ما الهدف", QuestionType.WHY),
            Map.entry("ما هدف", QuestionType.WHY), Map.entry("ما الدافع", QuestionType.WHY),
            Map.entry("لاي سبب", QuestionType.WHY), Map.entry("ما السبب", QuestionType.WHY),
            Map.entry("ما تاريخ", QuestionType.WHEN), Map.entry("ما موعد", QuestionType.WHEN),
            Map.entry("في اي يوم", QuestionType.WHEN), Map.entry("في اي تاريخ", QuestionType.WHEN),
            Map.entry("في اي عام", QuestionType.WHEN), Map.entry("في اي سنه", QuestionType.WHEN),
            Map.entry("في اي شهر", QuestionType.WHEN),
            Map.entry("في اي مدينه", QuestionType.WHERE), Map.entry("في اي بلد", QuestionType.WHERE),
            Map.entry("في اي دوله", QuestionType.WHERE), Map.entry("الى اين", QuestionType.WHERE),
            Map.entry("ما عدد", QuestionType.HOW_MANY),
            Map.entry("لماذا", QuestionType.WHY), Map.entry("لم", QuestionType.WHY), Map.entry("علام", QuestionType.WHY),
            Map.entry("متي", QuestionType.WHEN), Map.entry("اين", QuestionType.WHERE),
            Map.entry("كم", QuestionType.HOW_MANY), Map.entry("هل", QuestionType.YES_NO),
            Map.entry("من", QuestionType.WHO), Map.entry("ماذا", QuestionType.WHAT),
            Map.entry("ما", QuestionType.WHAT), Map.entry("ماهي", QuestionType.WHAT),
            Map.entry("ماهو", QuestionType.WHAT), Map.entry("اي", QuestionType.WHAT),
            Map.entry("كيف", QuestionType.WHAT));

    private static final List<Map.Entry<String, QuestionType>> ENGLISH = List.of(
            Map.entry("what is the reason", QuestionType.WHY), Map.entry("what are the reasons", QuestionType.WHY),
            Map.entry("what was the reason", QuestionType.WHY), Map.entry("for what reason", QuestionType.WHY),
            Map.entry("what is the motive", QuestionType.WHY), Map.entry("what are the motives", QuestionType.WHY),
            Map.entry("what is the aim", QuestionType.WHY), Map.entry("what is the purpose", QuestionType.WHY),
            Map.entry("how come", QuestionType.WHY),
            Map.entry("on what date", QuestionType.WHEN), Map.entry("what date", QuestionType.WHEN),
            Map.entry("what day", QuestionType.WHEN), Map.entry("which day", QuestionType.WHEN),
            Map.entry("what year", QuestionType.WHEN), Map.entry("which year", QuestionType.WHEN),
            Map.entry("what time", QuestionType.WHEN), Map.entry("what month", QuestionType.WHEN),
            Map.entry("in which country", QuestionType.WHERE), Map.entry("in which city", QuestionType.WHERE),
            Map.entry("in what city", QuestionType.WHERE), Map.entry("which city", QuestionType.WHERE),
            Map.entry("which country", QuestionType.WHERE), Map.entry("what city", QuestionType.WHERE),
            Map.entry("how many", QuestionType.HOW_MANY), Map.entry("how much", QuestionType.HOW_MANY),
            Map.entry("what number", QuestionType.HOW_MANY),
            Map.entry("why", QuestionType.WHY), Map.entry("when", QuestionType.WHEN),
            Map.entry("where", QuestionType.WHERE), Map.entry("who", QuestionType.WHO),
            Map.entry("whom", QuestionType.WHO), Map.entry("whose", QuestionType.WHO),
            Map.entry("what", QuestionType.WHAT), Map.entry("which", QuestionType.WHAT),
            Map.entry("how", QuestionType.WHAT));

    private static final List<String> AUXILIARIES = List.of("is", "are", "was", "were", "do", "does", "did",
            "can", "could", "will", "would", "has", "have", "had", "should", "shall", "may", "might", "must");

    /** The question's type from its words (already split, in order). */
    public QuestionType detect(List<String> words, boolean arabic) {
        List<String> norm = words.stream().map(w -> normalize(w, arabic)).toList();
        List<Map.Entry<String, QuestionType>> cues = arabic ? ARABIC : ENGLISH;
        for (int i = 0; i < Math.min(LOOK_AHEAD, norm.size()); i++) {
            for (Map.Entry<String, QuestionType> cue : cues) {
                if (i > 0 && arabic && cue.getKey().equals("من")) {
                    continue; // past the first word من is the preposition "of/from", not "who"
                }
                if (startsAt(norm, i, cue.getKey().split(" "))) {
                    return cue.getValue();
                }
            }
        }
        if (!arabic && !norm.isEmpty() && AUXILIARIES.contains(norm.get(0))) {
            return QuestionType.YES_NO;
        }
        return QuestionType.OTHER;
    }

    /** A word as cues are written: lower case; Arabic normalized, a glued و/ف dropped before a question word. */
    static String normalize(String word, boolean arabic) {
        String w = word.toLowerCase(Locale.ROOT);
        if (!arabic) {
            return w;
        }
        String n = ArabicNormalizer.normalize(w);
        // a conjunction glued to a question word: ومن، فمتى، ولماذا
        if (n.length() > 2 && (n.startsWith("و") || n.startsWith("ف")) && isCueWord(n.substring(1))) {
            return n.substring(1);
        }
        return n;
    }

    private static boolean isCueWord(String w) {
        return ARABIC.stream().anyMatch(e -> e.getKey().split(" ")[0].equals(w));
    }

    private static boolean startsAt(List<String> words, int i, String[] cue) {
        if (i + cue.length > words.size()) {
            return false;
        }
        for (int k = 0; k < cue.length; k++) {
            if (!words.get(i + k).equals(cue[k])) {
                return false;
            }
        }
        return true;
    }
}
