package org.isnad.text;

import java.util.Locale;
import java.util.Set;

/**
 * Tells Arabic from English from anything else. Arabic-script letters (Persian and Urdu letters count as
 * Arabic) against Latin letters, ignoring hashtags, @mentions, URLs and e-mail addresses; Latin text that
 * reads as another European language (its function words outnumber English ones) is {@link Language#OTHER}.
 */
public final class LanguageDetector {

    private static final Set<String> ENGLISH = Set.of("the", "a", "an", "of", "to", "in", "and", "is", "are", "was",
            "were", "who", "what", "when", "where", "why", "how", "did", "does", "do", "will", "which", "on", "for",
            "with", "that", "this", "it", "he", "she", "they", "be", "has", "have", "had", "from", "by", "at", "not",
            "as", "or", "said", "can", "would", "there", "about", "i", "you", "we", "his", "her", "their", "its");
    private static final Set<String> OTHER_LATIN = Set.of("le", "la", "les", "des", "du", "et", "est", "une", "un",
            "dans", "pour", "pas", "qui", "que", "sur", "avec", "el", "los", "las", "y", "es", "en", "del", "por",
            "con", "una", "der", "die", "das", "und", "ist", "nicht", "mit", "ein", "eine", "den", "il", "di", "che",
            "non", "per", "sono", "da", "og", "och", "het", "een", "van", "o", "os", "não", "com", "uma");

    /** The language of {@code text}; {@link Language#OTHER} for null, empty, emoji-only or non-Arabic/Latin text. */
    public Language detect(String text) {
        if (text == null || text.isEmpty()) {
            return Language.OTHER;
        }
        Language byWords = detect(text, true);
        // text made only of hashtags, mentions or links still has a language
        return byWords == null ? orOther(detect(text, false)) : byWords;
    }

    private static Language orOther(Language l) {
        return l == null ? Language.OTHER : l;
    }

    /** The language, or null when no Arabic or Latin letter was counted. */
    private static Language detect(String text, boolean skipMarkup) {
        int arabic = 0;
        int latin = 0;
        int otherLetters = 0;
        int english = 0;
        int otherLatin = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (start == i || skipMarkup && isMarkup(text, start, i)) {
                continue;
            }
            int wordLatin = 0;
            for (int j = start; j < i; ) {
                int cp = text.codePointAt(j);
                j += Character.charCount(cp);
                if (!Character.isLetter(cp)) {
                    continue;
                }
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                if (script == Character.UnicodeScript.ARABIC) {
                    arabic++;
                } else if (script == Character.UnicodeScript.LATIN) {
                    latin++;
                    wordLatin++;
                } else {
                    otherLetters++;
                }
            }
            if (wordLatin > 0) {
                String w = stripPunct(text, start, i);
                if (ENGLISH.contains(w)) {
                    english++;
                } else if (OTHER_LATIN.contains(w)) {
                    otherLatin++;
                }
            }
        }
        if (arabic == 0 && latin == 0) {
            return null;
        }
        // Arabic words carry fewer letters (short vowels unwritten): weigh them up a little.
        if (arabic * 2 >= latin && arabic * 2 >= otherLetters) {
            return Language.AR;
        }
        if (latin >= otherLetters) {
            return otherLatin > english && otherLatin >= 2 ? Language.OTHER : Language.EN;
        }
        return Language.OTHER;
    }

    private static boolean isMarkup(String text, int start, int end) {
        char c = text.charAt(start);
        if (c == '#' || c == '@') {
            return true;
        }
        String w = text.substring(start, end);
        return w.contains("://") || w.startsWith("www.") || (w.indexOf('@') > 0 && w.indexOf('.') > 0);
    }

    private static String stripPunct(String text, int start, int end) {
        while (start < end && !Character.isLetter(text.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end).toLowerCase(Locale.ROOT);
    }
}
