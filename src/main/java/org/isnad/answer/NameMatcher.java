package org.isnad.answer;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.isnad.index.Analyzers;
import org.isnad.index.PassageHit;
import org.isnad.text.Language;

/**
 * Finds how Arabic text spells a Latin-script name the glossary and dictionary do not know
 * (Skripal → سكريبال): the Arabic words of the retrieved passages are transliterated with ICU4J's
 * Arabic-Latin transform and compared with the name by consonant skeleton. Only long skeletons count
 * and only the best few spellings are kept, so short, coarse skeletons cannot flood a question.
 */
public final class NameMatcher {

    /** Skeletons of three consonants are too coarse alone (Tesla ~ توصل); a second name part makes them safe. */
    private static final int MIN_SKELETON = 4;
    private static final int MIN_SKELETON_IN_FULL_NAME = 3;
    private static final int MAX_SPELLINGS = 3;

    private final Analyzers analyzers;
    private Transliterator arabicLatin;

    public NameMatcher(Analyzers analyzers) {
        this.analyzers = analyzers;
    }

    /** Name groups with no Arabic alternative that transliteration could help. */
    static List<TermGroup> untranslated(Question q) {
        return q.groups().stream()
                .filter(g -> g.entity() && g.arabic().isEmpty() && g.label().chars().allMatch(c -> c < 0x250))
                .toList();
    }

    /** The question with Arabic spellings, found in {@code pool}, added to its untranslated names. */
    public Question widen(Question q, List<PassageHit> pool) {
        List<TermGroup> names = untranslated(q);
        if (names.isEmpty()) {
            return q;
        }
        Set<String> words = new LinkedHashSet<>();
        for (PassageHit h : pool) {
            if (h.doc().language() == Language.AR) {
                for (String w : h.text().split("[^\\p{IsArabic}]+")) {
                    if (w.length() >= 3) {
                        words.add(w);
                    }
                }
            }
        }
        List<TermGroup> groups = new ArrayList<>();
        for (TermGroup g : q.groups()) {
            if (!names.contains(g)) {
                groups.add(g);
                continue;
            }
            List<List<String>> spellings = new ArrayList<>();
            String[] parts = g.label().split("\\s+");
            for (String part : parts) {
                String skeleton = latinSkeleton(part);
                if (!usable(skeleton, parts.length)) {
                    continue;
                }
                for (String w : words) {
                    if (spellings.size() >= MAX_SPELLINGS) {
                        break;
                    }
                    if (skeleton.equals(latinSkeleton(stripArticle(transliterate(w))))) {
                        List<String> terms = analyzers.bodyTerms(Language.AR,w);
                        if (!terms.isEmpty() && !spellings.contains(terms)) {
                            spellings.add(terms);
                        }
                    }
                }
            }
            groups.add(new TermGroup(g.label(), spellings, g.english(), true));
        }
        return new Question(q.text(), q.analyzed(), q.language(), q.type(), groups, q.parts());
    }

    static boolean usable(String skeleton, int nameParts) {
        return skeleton.length() >= (nameParts > 1 ? MIN_SKELETON_IN_FULL_NAME : MIN_SKELETON);
    }

    private synchronized String transliterate(String arabic) {
        if (arabicLatin == null) {
            arabicLatin = Transliterator.getInstance("Arabic-Latin; Latin-ASCII");
        }
        return arabicLatin.transliterate(arabic);
    }

    private static String stripArticle(String latin) {
        return latin.startsWith("al") && latin.length() > 4 ? latin.substring(2) : latin;
    }

    /**
     * Consonants only, with the letters Arabic cannot tell apart folded together: p/b, v/f, c/k/q,
     * g/j, and digraphs (sh, th, kh, ch, ph) as one sound; vowels, w, y and h dropped.
     */
    static String latinSkeleton(String word) {
        String w = word.toLowerCase(Locale.ROOT)
                .replace("sch", "s").replace("sh", "s").replace("ch", "s").replace("th", "t").replace("kh", "k")
                .replace("ph", "f").replace("gh", "g").replace("ck", "k").replace("x", "ks");
        StringBuilder out = new StringBuilder();
        for (char c : w.toCharArray()) {
            char m = switch (c) {
                case 'p' -> 'b';
                case 'v' -> 'f';
                case 'c', 'q' -> 'k';
                case 'g' -> 'j';
                case 'a', 'e', 'i', 'o', 'u', 'y', 'w', 'h' -> 0;
                default -> (c >= 'a' && c <= 'z') ? c : 0;
            };
            if (m != 0 && (out.isEmpty() || out.charAt(out.length() - 1) != m)) {
                out.append(m);
            }
        }
        return out.toString();
    }
}
