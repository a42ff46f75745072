package org.isnad.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.isnad.text.ArabicNormalizer;
import org.isnad.text.CueLexicon;
import org.isnad.text.Language;

/**
 * Reads the kind of answer a question wants from its question words, Arabic (standard and
 * colloquial) or English, as listed in the {@link CueLexicon}. The first cue among the first few words
 * decides; longer cues ("ما سبب", "how many") are tried before shorter.
 */
public final class QuestionTypeDetector {

    private static final int LOOK_AHEAD = 4;

    private static final CueLexicon ARABIC = CueLexicon.of(Language.AR);
    private static final CueLexicon ENGLISH = CueLexicon.of(Language.EN);

    private static final List<String> AUXILIARIES = List.of("is", "are", "was", "were", "do", "does", "did",
            "can", "could", "will", "would", "has", "have", "had", "should", "shall", "may", "might", "must");

    /** The question's type from its words (already split, in order). */
    public QuestionType detect(List<String> words, boolean arabic) {
        List<String> norm = words.stream().map(w -> normalize(w, arabic)).toList();
        List<CueLexicon.QuestionCue> cues = (arabic ? ARABIC : ENGLISH).questionCues();
        for (int i = 0; i < Math.min(LOOK_AHEAD, norm.size()); i++) {
            for (CueLexicon.QuestionCue cue : cues) {
                if (i > 0 && arabic && cue.words().equals(List.of("من"))) {
                    continue; // past the first word من is the preposition "of/from", not "who"
                }
                if (startsAt(norm, i, cue.words())) {
                    return QuestionType.valueOf(cue.type().toUpperCase(Locale.ROOT));
                }
            }
        }
        if (!arabic && !norm.isEmpty() && AUXILIARIES.contains(norm.get(0))) {
            return QuestionType.YES_NO;
        }
        return QuestionType.OTHER;
    }

    /**
     * Where the first question word is among the first few words: {start, length in words}, or null.
     */
    public int[] cueAt(List<String> words, boolean arabic) {
        List<String> norm = words.stream().map(w -> normalize(w, arabic)).toList();
        List<CueLexicon.QuestionCue> cues = (arabic ? ARABIC : ENGLISH).questionCues();
        for (int i = 0; i < Math.min(LOOK_AHEAD, norm.size()); i++) {
            for (CueLexicon.QuestionCue cue : cues) {
                if (i > 0 && arabic && cue.words().equals(List.of("من"))) {
                    continue;
                }
                if (startsAt(norm, i, cue.words())) {
                    return new int[] {i, cue.words().size()};
                }
            }
        }
        return null;
    }

    /**
     * The further parts of a multi-part question, in order: each question word that a conjunction
     * introduces past the first ("who … and when?", "ليش … وقديش؟"). Empty for a one-part question.
     */
    public List<QuestionType> parts(List<String> words, boolean arabic) {
        List<QuestionType> out = new ArrayList<>();
        List<CueLexicon.QuestionCue> cues = (arabic ? ARABIC : ENGLISH).questionCues();
        for (int i = 1; i < words.size(); i++) {
            String raw = words.get(i).toLowerCase(Locale.ROOT);
            int at;
            if (arabic) {
                String n = ArabicNormalizer.normalize(raw);
                boolean glued = n.length() > 2 && (n.startsWith("و") || n.startsWith("ف")) && isCueWord(n.substring(1));
                boolean separate = (n.equals("و") || n.equals("او")) && i + 1 < words.size();
                if (!glued && !separate) {
                    continue;
                }
                at = glued ? i : i + 1;
            } else {
                if (!(raw.equals("and") || raw.equals("or")) || i + 1 >= words.size()) {
                    continue;
                }
                at = i + 1;
            }
            List<String> norm = words.stream().map(w -> normalize(w, arabic)).toList();
            for (CueLexicon.QuestionCue cue : cues) {
                if (arabic && cue.words().equals(List.of("من"))) {
                    continue; // "ومن" after the first part is "and from" far more often than "and who"
                }
                if (startsAt(norm, at, cue.words())) {
                    QuestionType t = QuestionType.valueOf(cue.type().toUpperCase(Locale.ROOT));
                    if (!out.contains(t)) {
                        out.add(t);
                    }
                    break;
                }
            }
        }
        return out;
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
        return ARABIC.questionCues().stream().anyMatch(c -> c.words().get(0).equals(w));
    }

    private static boolean startsAt(List<String> words, int i, List<String> cue) {
        if (i + cue.size() > words.size()) {
            return false;
        }
        for (int k = 0; k < cue.size(); k++) {
            if (!words.get(i + k).equals(cue.get(k))) {
                return false;
            }
        }
        return true;
    }
}
