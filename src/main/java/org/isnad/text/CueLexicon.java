package org.isnad.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cue words of one language, read once from {@code lexicon/<lang>/} on the class path (see the
 * README there): question words with the type they ask for, fillers that are never key terms, and
 * the words that state or hint at a reason. Every step that needs cues reads them here, so a word
 * is added in one place. Arabic entries are kept {@link ArabicNormalizer}-folded. Immutable.
 */
public final class CueLexicon {

    /** A question cue: its words (folded) and the answer type it asks for ("who", "how_many"...). */
    public record QuestionCue(List<String> words, String type) {}

    private static final Map<Language, CueLexicon> LOADED = Map.of(
            Language.AR, new CueLexicon(Language.AR), Language.EN, new CueLexicon(Language.EN));

    private final Language language;
    private final List<QuestionCue> questionCues;
    private final Set<String> fillers;
    private final Pattern strongCause;
    private final Pattern weakCause;
    private final Set<String> spanStops;
    private final Set<String> notNames;
    private final Set<String> roleWords;
    private final Map<String, String> smallTalk;
    private final Set<String> followUpOpeners;
    private final Map<String, CountWord> countWords;
    private final List<Prefix> colloquialPrefixes;
    private final Set<String> placePrepositions;

    /** A prefix of spoken language, stripped when one of {@code before} follows and {@code least} letters stay. */
    private record Prefix(String prefix, String before, int least) {}

    /** A number word ("عشرات", "dozens") and how a reader of each language reads it. */
    public record CountWord(String english, String arabic) {}

    private CueLexicon(Language language) {
        this.language = language;
        String dir = "lexicon/" + language.code() + "/";
        List<QuestionCue> cues = new ArrayList<>();
        for (String line : lines(dir + "question-words.tsv")) {
            String[] cols = line.split("\t");
            if (cols.length == 2) {
                cues.add(new QuestionCue(List.of(fold(cols[0]).split("\\s+")), cols[1].strip()));
            }
        }
        cues.sort(Comparator.comparingInt((QuestionCue c) -> -c.words().size()));
        this.questionCues = List.copyOf(cues);
        Set<String> f = new HashSet<>();
        for (String line : lines(dir + "fillers.txt")) {
            for (String w : line.split("\\s+")) {
                f.add(fold(w));
            }
        }
        this.fillers = Set.copyOf(f);
        this.strongCause = causes(lines(dir + "cause-strong.txt"));
        this.weakCause = causes(lines(dir + "cause-weak.txt"));
        this.spanStops = words(lines(dir + "span-stops.txt"));
        this.roleWords = words(lines(dir + "role-words.txt"));
        Map<String, String> talk = new java.util.HashMap<>();
        for (String line : lines(dir + "small-talk.tsv")) {
            String[] cols = line.split("\t");
            if (cols.length == 2) {
                talk.put(smallTalkKey(cols[0]), cols[1].strip());
            }
        }
        this.smallTalk = Map.copyOf(talk);
        this.followUpOpeners = words(lines(dir + "follow-ups.txt"));
        Set<String> nn = new HashSet<>();
        lines(dir + "not-names.txt").forEach(l -> nn.addAll(List.of(l.split("\\s+"))));
        this.notNames = Set.copyOf(nn);
        Map<String, CountWord> counts = new java.util.HashMap<>();
        for (String line : lines(dir + "count-words.tsv")) {
            String[] cols = line.split("\t");
            if (cols.length == 3) {
                counts.putIfAbsent(fold(cols[0]), new CountWord(cols[1].strip(), cols[2].strip()));
            }
        }
        this.countWords = Map.copyOf(counts);
        List<Prefix> prefixes = new ArrayList<>();
        for (String line : lines(dir + "colloquial-prefixes.tsv")) {
            String[] cols = line.split("\t");
            if (cols.length == 3) {
                prefixes.add(new Prefix(fold(cols[0]), cols[1].strip(), Integer.parseInt(cols[2].strip())));
            }
        }
        this.colloquialPrefixes = List.copyOf(prefixes);
        this.placePrepositions = words(lines(dir + "place-prepositions.txt"));
    }

    /** Whether {@code word} comes before a place ("in", "at", "near"; "في", "قرب"). */
    public boolean beforePlace(String word) {
        return placePrepositions.contains(fold(word));
    }

    /**
     * The word as it would be written, without a prefix of the spoken language the analysis chain
     * keeps ("بيواجه" → "يواجه", "هتدفع" → "تدفع", "بجائزة" → "جائزة"); empty when it has none.
     */
    public List<String> withoutColloquialPrefix(String word) {
        String w = fold(word);
        List<String> out = new ArrayList<>();
        for (Prefix p : colloquialPrefixes) {
            if (w.startsWith(p.prefix()) && w.length() - p.prefix().length() >= p.least()) {
                String rest = w.substring(p.prefix().length());
                if ((p.before().equals("*") || p.before().indexOf(rest.charAt(0)) >= 0) && !out.contains(rest)) {
                    out.add(rest);
                }
            }
        }
        return out;
    }

    private Set<String> words(List<String> lines) {
        Set<String> out = new HashSet<>();
        for (String line : lines) {
            for (String w : line.split("\\s+")) {
                out.add(fold(w));
            }
        }
        return Set.copyOf(out);
    }

    /** Whether {@code word} ends a direct-answer span: a function word or a verb of saying. */
    public boolean stopsSpan(String word) {
        return spanStops.contains(fold(word));
    }

    /** "greeting", "thanks" or "bye" when the whole message is small talk ("مرحبا!", "thanks 🙏"), else null. */
    public String smallTalk(String message) {
        return message == null ? null : smallTalk.get(smallTalkKey(message));
    }

    private String smallTalkKey(String s) {
        return String.join(" ", fold(s.replaceAll("[^\\p{L}\\p{N}\\s]", " ")).split("\\s+")).strip();
    }

    /** Whether {@code word} may open a follow-up before its question word ("and", "و", "طيب"). */
    public boolean opensFollowUp(String word) {
        return followUpOpeners.contains(fold(word));
    }

    /** Whether {@code word} is a title or role a name follows ("المتحدث", "رئيس"). */
    public boolean isRole(String word) {
        return roleWords.contains(fold(word));
    }

    /** Whether a capitalized {@code word} (as written) is not the start of a name ("The", "Monday"). */
    public boolean notAName(String word) {
        return notNames.contains(word);
    }

    /** The number word {@code word} (as written), or null. */
    public CountWord countWord(String word) {
        return countWords.get(fold(word));
    }

    /** The lexicon of {@code language}; English for any language without its own. */
    public static CueLexicon of(Language language) {
        return LOADED.getOrDefault(language, LOADED.get(Language.EN));
    }

    /** Question cues, longest first. */
    public List<QuestionCue> questionCues() {
        return questionCues;
    }

    /** Whether {@code word} (as written) is a filler: never a key term of a question. */
    public boolean isFiller(String word) {
        return fillers.contains(fold(word));
    }

    /** Words that state a reason ("because", "بسبب"), as one pattern to find in a sentence. */
    public Pattern statesReason() {
        return strongCause;
    }

    /** Words that only hint at a reason ("so", "لذلك"). */
    public Pattern hintsReason() {
        return weakCause;
    }

    /** Either pattern of both lexicons as one: a sentence is scanned once, whatever its language. */
    public static Pattern inEither(Pattern arabic, Pattern english) {
        return Pattern.compile(arabic.pattern() + "|" + english.pattern(), arabic.flags());
    }

    /** A word as entries are kept: lower case, and for Arabic folded by {@link ArabicNormalizer}. */
    public String fold(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        return language == Language.AR ? ArabicNormalizer.normalize(w) : w;
    }

    private Pattern causes(List<String> lines) {
        List<String> alternatives = new ArrayList<>();
        for (String line : lines) {
            if (language == Language.AR) {
                for (String w : line.split("\\s+")) {
                    alternatives.add(Pattern.quote(w));
                }
            } else {
                alternatives.add(Pattern.quote(line.strip()).replace(" ", "\\E\\s+\\Q"));
            }
        }
        if (alternatives.isEmpty()) {
            return Pattern.compile("(?!)");
        }
        String body = String.join("|", alternatives);
        // Arabic: at a word start after an optional و ف ب ل, with an optional pronoun suffix
        String regex = language == Language.AR
                ? "(?<!\\p{L})[وفبل]?(?:" + body + ")(?:ها|هم|ه|نا|هما)?(?!\\p{L})"
                : "\\b(?:" + body + ")\\b";
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static List<String> lines(String resource) {
        InputStream in = CueLexicon.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing lexicon resource " + resource);
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    out.add(l);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return out;
    }
}
