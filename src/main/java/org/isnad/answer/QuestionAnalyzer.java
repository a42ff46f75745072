package org.isnad.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isnad.index.Analyzers;
import org.isnad.text.CueLexicon;
import org.isnad.text.Language;
import org.isnad.text.LanguageDetector;

/**
 * Reads a question: its language, its type, and its key terms and names as {@link TermGroup}s ready
 * for retrieval in either language. English words are translated through the glossary (and the
 * optional dictionary); Arabic words are widened to their glossary variants (دعت → دعا، دعوة…) and
 * given their English equivalents for English documents.
 */
public final class QuestionAnalyzer {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}]+");

    private final Analyzers analyzers;
    private final Glossary glossary;
    private final FreeDict dictionary;
    private final LanguageDetector detector = new LanguageDetector();
    private final QuestionTypeDetector types = new QuestionTypeDetector();

    /** {@code dictionary} may be {@link FreeDict#NONE}. */
    public QuestionAnalyzer(Analyzers analyzers, Glossary glossary, FreeDict dictionary) {
        this.analyzers = analyzers;
        this.glossary = glossary;
        this.dictionary = dictionary;
    }

    /** Analyzes {@code cleaned} (the question as checked by the {@link InputGuard}); {@code forced} may be null. */
    public Question analyze(String original, String cleaned, Language forced) {
        Language detected = detector.detect(cleaned);
        boolean arabic = detected == Language.AR;
        Language framing = forced != null && forced != Language.OTHER ? forced : (arabic ? Language.AR : Language.EN);
        List<Word> words = words(cleaned);
        QuestionType type = types.detect(words.stream().map(Word::text).toList(), arabic);
        List<Word> content = words.stream().filter(w -> !isFiller(w.text(), arabic)).toList();
        List<TermGroup> groups = new ArrayList<>();
        if (arabic) {
            arabicGroups(content, groups);
        } else {
            englishGroups(content, groups);
        }
        Map<String, TermGroup> distinct = new LinkedHashMap<>();
        for (TermGroup g : groups) {
            if (!g.isEmpty()) {
                distinct.putIfAbsent(g.label(), g);
            }
        }
        return new Question(original, cleaned, framing, type, List.copyOf(distinct.values()), parts(type, cleaned));
    }

    /** The question's parts in order: its type, and each further question word joined by "and"/"و". */
    private List<QuestionType> parts(QuestionType type, String cleaned) {
        List<String> tokens = org.isnad.text.Tokens.tokenize(cleaned).stream().map(org.isnad.text.Token::text).toList();
        boolean arabicScript = cleaned.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
        java.util.Set<QuestionType> out = new java.util.LinkedHashSet<>();
        out.add(type);
        out.addAll(types.parts(tokens, arabicScript));
        return List.copyOf(out);
    }

    record Word(String text, int position, boolean capitalized) {}

    private static List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group();
            out.add(new Word(w, out.size(), Character.isUpperCase(w.codePointAt(0))));
        }
        return out;
    }

    /** Question words, particles and framing words (the {@link CueLexicon}'s fillers) are never key terms. */
    private static boolean isFiller(String word, boolean arabic) {
        CueLexicon cues = CueLexicon.of(arabic ? Language.AR : Language.EN);
        return cues.isFiller(QuestionTypeDetector.normalize(word, arabic)) || cues.isFiller(word);
    }

    /** The words that leave an index term in {@code field} (stopwords leave none), each with its term. */
    private record Analyzed(List<Word> words, List<String> terms) {}

    private Analyzed analyzed(List<Word> content, Language language) {
        List<Word> kept = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        for (Word w : content) {
            List<String> t = analyzers.bodyTerms(language, w.text());
            if (!t.isEmpty()) {
                kept.add(w);
                terms.add(t.get(0));
            }
        }
        return new Analyzed(kept, terms);
    }

    // ------------------------------------------------------------------ Arabic questions

    private void arabicGroups(List<Word> content, List<TermGroup> out) {
        Analyzed analyzed = analyzed(content, Language.AR);
        List<Word> kept = analyzed.words();
        List<String> terms = analyzed.terms();
        int i = 0;
        while (i < terms.size()) {
            int matched = 0;
            List<Glossary.Entry> entries = List.of();
            for (int len = Math.min(glossary.longestArabic(), terms.size() - i); len >= 1; len--) {
                entries = glossary.byArabicTerms(terms.subList(i, i + len));
                if (!entries.isEmpty()) {
                    matched = len;
                    break;
                }
            }
            if (matched == 0) {
                String term = terms.get(i);
                // A Latin word in an Arabic question (a name, an acronym) also searches English text.
                List<List<String>> english = isLatin(kept.get(i).text())
                        ? List.of(analyzers.bodyTerms(Language.EN,kept.get(i).text())) : List.of();
                boolean name = isLatin(kept.get(i).text()) && kept.get(i).text().chars().anyMatch(Character::isLetter);
                out.add(new TermGroup(kept.get(i).text(), withWrittenForms(kept.get(i).text(), term), english, name));
                i++;
                continue;
            }
            String label = String.join(" ", kept.subList(i, i + matched).stream().map(Word::text).toList());
            out.add(fromEntries(label, entries, List.of(terms.subList(i, i + matched)), List.of(), false));
            i += matched;
        }
    }

    /**
     * The word's term, and the terms of its written forms when it carries a prefix of spoken Arabic
     * ("بيواجه" is also looked for as "يواجه"): dialect questions meet MSA articles.
     */
    private List<List<String>> withWrittenForms(String word, String term) {
        List<List<String>> out = new ArrayList<>(List.of(List.of(term)));
        for (String written : CueLexicon.of(Language.AR).withoutColloquialPrefix(word)) {
            List<String> t = analyzers.bodyTerms(Language.AR,written);
            if (t.size() == 1 && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ English questions

    private void englishGroups(List<Word> content, List<TermGroup> out) {
        Analyzed analyzed = analyzed(content, Language.EN);
        List<Word> kept = analyzed.words();
        List<String> terms = analyzed.terms();
        int i = 0;
        while (i < terms.size()) {
            int matched = 0;
            List<Glossary.Entry> entries = List.of();
            for (int len = Math.min(glossary.longestEnglish(), terms.size() - i); len >= 1; len--) {
                String raw = String.join(" ", kept.subList(i, i + len).stream().map(Word::text).toList());
                entries = glossary.byEnglishTerms(terms.subList(i, i + len)).stream()
                        .filter(e -> !e.isName() || sameName(e.english(), raw)).toList();
                if (!entries.isEmpty()) {
                    matched = len;
                    break;
                }
            }
            if (matched > 0) {
                List<Word> span = kept.subList(i, i + matched);
                String label = String.join(" ", span.stream().map(Word::text).toList());
                boolean capitalized = span.stream().anyMatch(w -> w.capitalized() && w.position() > 0);
                out.add(fromEntries(label, entries, List.of(), List.of(terms.subList(i, i + matched)), capitalized));
                i += matched;
                continue;
            }
            Word w = kept.get(i);
            if (w.capitalized() && w.position() > 0) {
                // a run of capitalized words absent from the glossary: one name, all its words required
                int j = i + 1;
                while (j < kept.size() && kept.get(j).capitalized() && kept.get(j).position() == kept.get(j - 1).position() + 1
                        && glossary.byEnglishTerms(List.of(terms.get(j))).isEmpty()) {
                    j++;
                }
                String label = String.join(" ", kept.subList(i, j).stream().map(Word::text).toList());
                // A name by its shape alone: the optional dictionary may add Arabic senses ("Winter" → شتاء)
                // to look for in Arabic documents, but must not change how it weighs in English ones.
                out.add(new TermGroup(label, dictionaryArabic(label), List.of(terms.subList(i, j)), true));
                i = j;
                continue;
            }
            out.add(new TermGroup(w.text(), dictionaryArabic(w.text()), List.of(List.of(terms.get(i))), false));
            i++;
        }
    }

    /** Stems conflate names with words (Saied, say): a name matches only as written, give or take a plural s. */
    private static boolean sameName(String name, String asked) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        String a = asked.toLowerCase(java.util.Locale.ROOT);
        return n.equals(a) || (n + "s").equals(a) || n.equals(a + "s") || n.replace("-", " ").equals(a.replace("-", " "));
    }

    private List<List<String>> dictionaryArabic(String english) {
        List<List<String>> out = new ArrayList<>();
        for (String ar : dictionary.translations(english)) {
            List<String> t = analyzers.bodyTerms(Language.AR,ar);
            if (!t.isEmpty() && t.size() <= 3) {
                out.add(t);
            }
        }
        return out;
    }

    private TermGroup fromEntries(String label, List<Glossary.Entry> entries, List<List<String>> arabicSeed,
                                  List<List<String>> englishSeed, boolean capitalized) {
        List<List<String>> arabic = new ArrayList<>(arabicSeed);
        List<List<String>> english = new ArrayList<>(englishSeed);
        boolean entity = capitalized;
        for (Glossary.Entry e : entries) {
            arabic.addAll(e.arabicTerms());
            english.add(e.englishTerms());
            entity |= e.isName();
        }
        return new TermGroup(label, arabic, english, entity);
    }

    private static boolean isLatin(String word) {
        return word.chars().allMatch(c -> c < 0x250);
    }
}
