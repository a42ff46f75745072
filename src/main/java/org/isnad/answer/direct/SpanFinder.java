package org.isnad.answer.direct;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isnad.answer.AnswerTuning;
import org.isnad.answer.Citation;
import org.isnad.answer.Glossary;
import org.isnad.answer.Question;
import org.isnad.answer.QuestionType;
import org.isnad.answer.TermGroup;
import org.isnad.index.Analyzers;
import org.isnad.text.CueLexicon;
import org.isnad.text.DateMention;
import org.isnad.text.DateParser;
import org.isnad.text.Language;
import org.isnad.text.Token;
import org.isnad.text.Tokens;

/**
 * Finds, inside one verified quote, the spans that could answer a question part: names for WHO,
 * places for WHERE, dates for WHEN, a number with what it counts for HOW_MANY, the reason clause for
 * WHY, and the clause that holds the question for anything else. Spans are cut at word boundaries
 * of the quote, so each is an exact substring of the stored text, and are scored by how close they
 * stand to the question's own words (the classic lexical reader's cue: the answer sits next to the
 * words of the question it answers).
 */
final class SpanFinder {

    /** What a span is: decides how it is rendered for the reader. */
    enum Kind { NAME, PLACE, DATE, NUMBER, REASON, CLAUSE }

    /** A candidate span, at document offsets; {@code date} is set for dates. */
    record Span(QuestionType part, Kind kind, Citation citation, Language language, int start, int end, String text,
                double score, DateMention date) {

        /** A name standing right after the question's words for a role ("chief executive Bill Gammell"): the one answer. */
        boolean appositive() {
            return score >= APPOSITIVE - RANK_COST * (citation.n() - 1) - 1e-9 && (kind == Kind.NAME || kind == Kind.PLACE);
        }
    }

    /** How much less a span scores for each citation before its own: the first quote is the deciding evidence. */
    static final double RANK_COST = 0.05;
    /**
     * The same for a clause beside the question's words: a later quote's clause is rarely the answer
     * when the first quote holds the question (XQuAD ar span F1 0.156 at 0.05, 0.161 at 0.15, 0.164 at 0.4).
     */
    private static final double CLAUSE_RANK_COST = 0.4;
    /**
     * The same for a date: enough that the first quote's date is stated (XQuAD ar WHEN span F1 0.335
     * at 0.05, 0.363 at 0.15, 0.369 at 0.25), little enough that another source's date for the same
     * event, nearly as close to the question, is still stated beside it (within 0.3).
     */
    private static final double DATE_RANK_COST = 0.15;

    /** The prior of a name in apposition to the question's words; nothing else scores as high. */
    static final double APPOSITIVE = 1.2;

    /** Words a span may extend over, at most, after the words it starts from. */
    private static final int MAX_NAME_WORDS = 4;
    private static final int MAX_COUNTED_WORDS = 3;
    private static final int MAX_REASON_WORDS = 28;
    /** A reason this long ends at the next comma. */
    private static final int REASON_CLAUSE_WORDS = 6;
    /** A quote this short is its own clause. */
    private static final int SHORT_QUOTE_WORDS = 22;
    /** The most words a "what" answer beside the question's words is given. */
    private static final int MAX_BESIDE_WORDS = 8;
    /** How much less a span scores per word between it and the nearest question word. */
    private static final double DISTANCE_COST = 0.12;
    private static final int FAR = 8;

    private static final Pattern CLAUSE_END = Pattern.compile("[.!?؟;؛\\n]");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,،;؛:—–()\\[\\]«»“”\"]");
    private static final Pattern DIGITS = Pattern.compile("[0-9٠-٩۰-۹][0-9٠-٩۰-۹.,٫٬]*");
    private static final Pattern YEAR = Pattern.compile("(?:1[89]|20)[0-9]{2}|(?:١[٨٩]|٢٠)[٠-٩]{2}");
    private static final Pattern PERCENT_AFTER = Pattern.compile("^\\s?[%٪]");
    private static final Pattern AT_PLACE = Pattern.compile("(?i:in|at|inside|near|في|فى|داخل|إلى|الى|قرب)");
    private static final Pattern AT_PLACE_GLUED = Pattern.compile("(?:ب|وب|في)(?=\\p{IsArabic}{3})");
    private static final Pattern SAYING = Pattern.compile("(?:و|ف)?(?:قال|قالت|أكد|أكدت|أضاف|أضافت|أعلن|أعلنت|أوضح|صرح|يقول|تقول)");

    private final Analyzers analyzers;
    private final Glossary glossary;
    private final DateParser dates = new DateParser();

    SpanFinder(Analyzers analyzers, Glossary glossary) {
        this.analyzers = analyzers;
        this.glossary = glossary;
    }

    /** A quote's words with their analyzed terms and whether they are words of the question. */
    /** {@code analyzed}: the word's index terms in order (as the glossary analyzed its forms), read once per quote. */
    private record Word(Token token, List<String> analyzed, Set<String> terms, boolean asked) {}

    private record Quote(Citation citation, Language language, List<Word> words, CueLexicon cues) {
        String text() {
            return citation.quote();
        }

        /** Words between word {@code i} and the nearest asked word (0 when it is one). */
        int distance(int from, int to) {
            int best = FAR;
            for (int k = 0; k < words.size(); k++) {
                if (words.get(k).asked()) {
                    int d = k < from ? from - k : k > to ? k - to : 0;
                    best = Math.min(best, d);
                }
            }
            return best;
        }

        /** True when the text between word {@code i} and word {@code i + 1} breaks a phrase. */
        boolean breakAfter(int i) {
            if (i + 1 >= words.size()) {
                return true;
            }
            String between = text().substring(words.get(i).token().end(), words.get(i + 1).token().start());
            return CLAUSE_BREAK.matcher(between).find() || CLAUSE_END.matcher(between).find();
        }
    }

    /** The candidate spans for {@code part} in citation {@code c}, best first. */
    List<Span> find(QuestionType part, Question q, Citation c, Language language, LocalDate documentDate) {
        Quote quote = read(q, c, language);
        List<Span> out = switch (part) {
            case WHO -> names(part, quote, false);
            case WHERE -> names(part, quote, true);
            case WHEN -> dates(part, quote, documentDate);
            case HOW_MANY -> numbers(part, quote, documentDate);
            case WHY -> reasons(part, quote);
            default -> {
                // the clause holding the question only when nothing beside its words is a candidate
                List<Span> spans = beside(part, quote, MAX_BESIDE_WORDS);
                yield spans.isEmpty() ? clause(part, quote) : spans;
            }
        };
        return out.stream().sorted(java.util.Comparator.comparingDouble(Span::score).reversed()).toList();
    }

    private Quote read(Question q, Citation c, Language language) {
        Set<String> asked = new HashSet<>();
        for (TermGroup g : q.groups()) {
            (language == Language.AR ? g.arabic() : g.english()).forEach(asked::addAll);
        }
        List<Word> words = new ArrayList<>();
        for (Token t : Tokens.tokenize(c.quote())) {
            List<String> analyzed = analyzers.bodyTerms(language, t.text());
            Set<String> terms = new HashSet<>(analyzed);
            boolean isAsked = !terms.isEmpty() && terms.stream().anyMatch(asked::contains);
            words.add(new Word(t, analyzed, terms, isAsked));
        }
        return new Quote(c, language, words, CueLexicon.of(language));
    }

    private Span span(QuestionType part, Kind kind, Quote quote, int from, int to, double prior, DateMention date) {
        int start = quote.words().get(from).token().start();
        int end = quote.words().get(to).token().end();
        return spanAt(part, kind, quote, start, end, prior - DISTANCE_COST * quote.distance(from, to), date);
    }

    private Span spanAt(QuestionType part, Kind kind, Quote quote, int start, int end, double score, DateMention date) {
        Citation c = quote.citation();
        if ((kind == Kind.NAME || kind == Kind.PLACE) && quote.language() == Language.AR && end - start > 4) {
            // a glued conjunction is not part of the name: "وحماس" → "حماس", "والجهاد الإسلامي" → "الجهاد الإسلامي"
            char first = c.quote().charAt(start);
            if ((first == 'و' || first == 'ف') && (c.quote().startsWith("ال", start + 1) || c.quote().charAt(start + 1) == 'و'
                    || knownName(c.quote().substring(start + 1, end)))) {
                start++;
            }
        }
        // earlier citations are the better evidence: a small, steady preference
        double rank = (kind == Kind.CLAUSE ? CLAUSE_RANK_COST : kind == Kind.DATE ? DATE_RANK_COST : RANK_COST) * (c.n() - 1);
        return new Span(part, kind, c, quote.language(), c.start() + start, c.start() + end,
                c.quote().substring(start, end), score - rank, date);
    }

    /** A word the glossary knows, but not as a name ("السلطة": power): no part of an unknown name. */
    private boolean commonWord(String arabic) {
        List<Glossary.Entry> found = glossary.byArabicTerms(analyzers.bodyTerms(Language.AR, arabic));
        return !found.isEmpty() && found.stream().noneMatch(Glossary.Entry::isName);
    }

    private boolean knownName(String arabic) {
        return !glossary.byArabicTerms(analyzers.bodyTerms(Language.AR, arabic)).isEmpty();
    }

    // ---- WHO and WHERE ------------------------------------------------------------------------

    private List<Span> names(QuestionType part, Quote quote, boolean places) {
        List<Span> out = new ArrayList<>();
        glossaryNames(part, quote, places, out);
        boolean known = !out.isEmpty();
        if (quote.language() == Language.EN) {
            capitalizedNames(part, quote, places, out);
        } else if (!places) {
            arabicNames(part, quote, out);
        }
        if (out.isEmpty()) {
            // no name known or shaped like one: the words beside the question's, as a lexical reader takes them
            for (Span s : beside(part, quote, MAX_NAME_WORDS)) {
                out.add(new Span(s.part(), places ? Kind.PLACE : Kind.NAME, s.citation(), s.language(), s.start(), s.end(),
                        s.text(), s.score() - BESIDE_FOR_NAMES, null));
            }
        } else if (quote.language() == Language.AR && !places && !known) {
            // Arabic has no capitals: a name told only by the words around it (a verb of saying, quotation
            // marks) competes with the words beside the question's (XQuAD ar WHO span F1 0.123 with those as a
            // fallback only, 0.156 competing; for places the prepositions tell better, and competing lowered
            // WHERE from 0.226 to 0.191). They stay words, not names: never listed among further names, never
            // transliterated as one.
            out.addAll(beside(part, quote, MAX_NAME_WORDS));
        }
        return distinct(out);
    }

    /** How much less the words beside the question's count when they stand in for a name. */
    private static final double BESIDE_FOR_NAMES = 0.3;

    /** Known people, organizations and places (the glossary, with every country from CLDR). */
    private void glossaryNames(QuestionType part, Quote quote, boolean places, List<Span> out) {
        List<Word> w = quote.words();
        int longest = quote.language() == Language.AR ? glossary.longestArabic() : glossary.longestEnglish();
        for (int i = 0; i < w.size(); i++) {
            for (int len = Math.min(longest, w.size() - i); len >= 1; len--) {
                List<Glossary.Entry> found = lookUp(quote, i, len);
                Glossary.Entry e = found.stream().filter(x -> places ? x.isPlace() : x.isName()).findFirst().orElse(null);
                if (e == null) {
                    continue;
                }
                boolean asked = true;
                for (int k = i; k < i + len; k++) {
                    asked &= w.get(k).asked();
                }
                if (!asked) {
                    double prior = places || e.isActor() ? 1.0 : 0.6;
                    if (i > 0 && SAYING.matcher(w.get(i - 1).token().text()).matches() && !places) {
                        prior = 0.4; // "وقال اشتية": the speaker of a quote, rarely whom the question asks about
                    }
                    if (places && i > 0 && AT_PLACE.matcher(w.get(i - 1).token().text()).matches()) {
                        prior += 0.3; // "في موسكو", "in Moscow"
                    } else if (places && quote.language() == Language.AR && AT_PLACE_GLUED.matcher(w.get(i).token().text()).lookingAt()) {
                        prior += 0.2; // "بموسكو"
                    }
                    out.add(span(part, places ? Kind.PLACE : Kind.NAME, quote, i, i + len - 1, prior, null));
                }
                i += len - 1;
                break;
            }
        }
    }

    private List<Glossary.Entry> lookUp(Quote quote, int i, int len) {
        List<String> terms = new ArrayList<>();
        for (int k = i; k < i + len; k++) {
            List<String> analyzed = quote.words().get(k).analyzed();
            if (analyzed.isEmpty()) {
                return List.of();
            }
            terms.addAll(analyzed); // every term of each word, in order, as the glossary analyzed its forms
        }
        return quote.language() == Language.AR ? glossary.byArabicTerms(terms) : glossary.byEnglishTerms(terms);
    }

    /** Runs of capitalized English words; a place when it follows "in", "at", "to", "from". */
    private void capitalizedNames(QuestionType part, Quote quote, boolean places, List<Span> out) {
        List<Word> w = quote.words();
        for (int i = 0; i < w.size(); i++) {
            String first = w.get(i).token().text();
            if (!capitalized(first) || quote.cues().notAName(first) || w.get(i).asked()) {
                continue;
            }
            int j = i;
            while (j + 1 < w.size() && j - i + 1 < MAX_NAME_WORDS && !quote.breakAfter(j)
                    && capitalized(w.get(j + 1).token().text()) && !w.get(j + 1).asked()) {
                j++;
            }
            boolean afterPreposition = i > 0 && CueLexicon.of(Language.EN).beforePlace(w.get(i - 1).token().text()) && !quote.breakAfter(i - 1);
            if (places && afterPreposition) {
                out.add(span(part, Kind.PLACE, quote, i, j, 0.8, null));
            } else if (!places) {
                // a name right after the question's words ("chief executive Bill Gammell") is whom it asks about
                boolean appositive = i > 0 && w.get(i - 1).asked() && !quote.breakAfter(i - 1);
                out.add(span(part, Kind.NAME, quote, i, j, appositive ? APPOSITIVE : afterPreposition ? 0.5 : 0.8, null));
            }
            i = j;
        }
    }

    private static boolean capitalized(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
    }

    /**
     * Arabic has no capitals: a name is a short quoted name, the words a verb of saying introduces
     * ("وقال بيسكوف:"), or the words right after the question's own words when they name a role
     * ("المتحدث باسم الكرملين دميتري بيسكوف").
     */
    private void arabicNames(QuestionType part, Quote quote, List<Span> out) {
        List<Word> w = quote.words();
        String text = quote.text();
        Matcher quoted = Pattern.compile("[«“\"]([^»”\"\\n]{2,40})[»”\"]").matcher(text);
        while (quoted.find()) {
            String inner = quoted.group(1);
            int words = inner.strip().split("\\s+").length;
            if (words <= 3) {
                int from = wordAt(w, quoted.start(1));
                int to = wordAt(w, quoted.end(1) - 1);
                if (from >= 0 && to >= from && !allAsked(w, from, to)) {
                    // "رئيس وزراء السلطة الفلسطينية “محمد اشتية”": a quoted name right after the role asked about
                    boolean afterRole = from > 0 && w.get(from - 1).asked() && roleBefore(quote, from - 1)
                            && text.substring(w.get(from - 1).token().end(), quoted.start(1)).strip().length() <= 1;
                    out.add(span(part, Kind.NAME, quote, from, to, afterRole ? APPOSITIVE : 0.8, null));
                }
            }
        }
        for (int i = 0; i < w.size(); i++) {
            boolean saying = SAYING.matcher(w.get(i).token().text()).matches();
            boolean afterRole = w.get(i).asked() && (i + 1 < w.size() && !w.get(i + 1).asked()) && !quote.breakAfter(i)
                    && roleBefore(quote, i);
            if (!saying && !afterRole) {
                continue;
            }
            int from = i + 1;
            int to = from - 1;
            while (to + 1 < w.size() && to + 1 - from < 3 && !quote.cues().stopsSpan(w.get(to + 1).token().text())
                    && !w.get(to + 1).asked() && arabicWord(w.get(to + 1).token().text())
                    && !commonWord(w.get(to + 1).token().text())) {
                to++;
                if (quote.breakAfter(to)) {
                    break;
                }
            }
            if (to >= from) {
                out.add(span(part, Kind.NAME, quote, from, to, saying ? 0.5 : APPOSITIVE, null));
            }
        }
    }

    /** A title or role among the asked words that end at word {@code i} ("المتحدث باسم الكرملين"). */
    private static boolean roleBefore(Quote quote, int i) {
        for (int k = i; k >= Math.max(0, i - 3); k--) {
            if (quote.cues().isRole(quote.words().get(k).token().text())) {
                return true;
            }
            if (k < i && quote.breakAfter(k)) {
                return false;
            }
        }
        return false;
    }

    private static boolean arabicWord(String s) {
        return s.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
    }

    private static int wordAt(List<Word> w, int offset) {
        for (int k = 0; k < w.size(); k++) {
            if (w.get(k).token().start() <= offset && offset < w.get(k).token().end()) {
                return k;
            }
        }
        return -1;
    }

    private static boolean allAsked(List<Word> w, int from, int to) {
        for (int k = from; k <= to; k++) {
            if (!w.get(k).asked()) {
                return false;
            }
        }
        return true;
    }

    // ---- WHEN ---------------------------------------------------------------------------------

    private List<Span> dates(QuestionType part, Quote quote, LocalDate documentDate) {
        List<Span> out = new ArrayList<>();
        for (DateMention d : mentions(quote, documentDate)) {
            if (dateline(quote, d)) {
                continue;
            }
            int from = wordAt(quote.words(), d.start());
            int to = wordAt(quote.words(), d.end() - 1);
            int distance = from < 0 ? FAR : quote.distance(from, Math.max(from, to));
            double prior = d.precision() == DateMention.Precision.DAY ? 1.0 : 0.9;
            out.add(spanAt(part, Kind.DATE, quote, d.start(), d.end(), prior - DISTANCE_COST * distance, d));
        }
        if (out.isEmpty()) {
            // no date the parser reads ("as early as 1519", "في 1186", "the 1950s"): a year standing alone
            List<Word> w = quote.words();
            for (int i = 0; i < w.size(); i++) {
                if (BARE_YEAR.matcher(w.get(i).token().text()).matches()) {
                    out.add(span(part, Kind.NUMBER, quote, i, i, BARE_YEAR_PRIOR, null));
                }
            }
        }
        return out;
    }

    /** A year or decade written alone; its prior is below any date the parser reads. */
    private static final Pattern BARE_YEAR = Pattern.compile("(?:1[0-9]|20)[0-9]{2}s?|(?:١[٠-٩]|٢٠)[٠-٩]{2}");
    private static final double BARE_YEAR_PRIOR = 0.7;

    /** A dateline stands within this many characters of the start of a document. */
    private static final int DATELINE_CHARS = 40;
    private static final Pattern DATELINE_END = Pattern.compile("^\\s*(?:[-–—:|/()]|\\n|$)");

    /**
     * A date at the head of a report that dates the report, not what it tells: one closed off by a
     * dash, colon, bracket or line end ("القاهرة - 12 مارس 2024 (رويترز) -"). A date that opens a
     * sentence of the text ("في 1886، قام تسلا…", "قرر الاتحاد السوفييتي في عام 1954 بناء ملعب") is a
     * fact, even though a document without a date of its own is dated by it at ingest.
     */
    private static boolean dateline(Quote quote, DateMention d) {
        return quote.citation().start() + d.start() < DATELINE_CHARS
                && DATELINE_END.matcher(quote.text().substring(d.end())).lookingAt();
    }

    private List<DateMention> mentions(Quote quote, LocalDate documentDate) {
        try {
            return dates.findMentions(quote.text(), documentDate);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    // ---- HOW MANY -----------------------------------------------------------------------------

    private List<Span> numbers(QuestionType part, Quote quote, LocalDate documentDate) {
        List<DateMention> inDates = mentions(quote, documentDate);
        List<Word> w = quote.words();
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            Token t = w.get(i).token();
            boolean digits = DIGITS.matcher(t.text()).matches();
            CueLexicon.CountWord word = quote.cues().countWord(t.text());
            if (!digits && word == null) {
                continue;
            }
            int at = t.start();
            if (inDates.stream().anyMatch(d -> at >= d.start() && at < d.end())) {
                continue;
            }
            int end = t.end();
            int j = i;
            Matcher percent = PERCENT_AFTER.matcher(quote.text().substring(end));
            boolean counted = false;
            if (percent.find()) {
                end += percent.end();
            } else {
                // a scale word ("3 ملايين", "2.5 million"), then what is counted: a few words
                while (j + 1 < w.size() && !quote.breakAfter(j) && quote.cues().countWord(w.get(j + 1).token().text()) != null) {
                    j++;
                }
                int k = j;
                boolean of = false;
                while (k + 1 < w.size() && k + 1 - j <= MAX_COUNTED_WORDS && !quote.breakAfter(k)) {
                    String next = w.get(k + 1).token().text();
                    if (next.equalsIgnoreCase("of") && !of && k == j) {
                        of = true;
                        k++;
                        continue;
                    }
                    if (quote.cues().stopsSpan(next) || DIGITS.matcher(next).matches()) {
                        break;
                    }
                    k++;
                    counted = true;
                }
                if (counted) {
                    j = k;
                }
                end = w.get(j).token().end();
            }
            boolean year = digits && YEAR.matcher(t.text()).matches() && !counted && !percent.hitEnd() && j == i;
            double prior = year ? 0.3 : 1.0;
            // what the question counts, named next to the number, is the best sign it is the answer
            for (int k = i; k <= j; k++) {
                if (w.get(k).asked()) {
                    prior += 0.4;
                    break;
                }
            }
            out.add(spanAt(part, Kind.NUMBER, quote, t.start(), end, prior - DISTANCE_COST * quote.distance(i, j), null));
            i = j;
        }
        return out;
    }

    // ---- WHY ----------------------------------------------------------------------------------

    private static final Pattern REASON = CueLexicon.inEither(
            CueLexicon.of(Language.AR).statesReason(), CueLexicon.of(Language.EN).statesReason());

    /** The clause a reason cue opens, to the end of its sentence part (at most a few dozen words). */
    private List<Span> reasons(QuestionType part, Quote quote) {
        List<Span> out = new ArrayList<>();
        Matcher m = REASON.matcher(quote.text());
        while (m.find()) {
            int from = wordAt(quote.words(), m.start() + (Character.isWhitespace(quote.text().charAt(m.start())) ? 1 : 0));
            if (from < 0) {
                continue;
            }
            int to = from;
            while (to + 1 < quote.words().size() && to - from < MAX_REASON_WORDS) {
                String between = quote.text().substring(quote.words().get(to).token().end(), quote.words().get(to + 1).token().start());
                if (CLAUSE_END.matcher(between).find() || (to - from >= REASON_CLAUSE_WORDS && CLAUSE_BREAK.matcher(between).find())) {
                    break;
                }
                to++;
            }
            if (to > from) {
                out.add(span(part, Kind.REASON, quote, from, to, 1.0, null));
            }
        }
        return out;
    }

    /**
     * The words standing beside the question's own words: what a lexical reader takes as the answer
     * to "what" (the answer sits next to the question's words, and is not made of them). Every run of
     * up to {@code most} other words inside one clause is a candidate, never starting or ending on a
     * function word, and is scored by {@link SpanFeatures} with {@link AnswerTuning#SPAN_WEIGHTS}: how
     * much of the question stands near it in its sentence and on which side, whether it closes its
     * clause, its length. The best candidate of the quote gets {@link #BESIDE_PRIOR}, the others less
     * by how much lower the model scores them.
     */
    private List<Span> beside(QuestionType part, Quote quote, int most) {
        Runs runs = runsBeside(quote, most);
        if (runs.at().isEmpty()) {
            return List.of();
        }
        double[] scores = runs.score(AnswerTuning.SPAN_WEIGHTS);
        double best = java.util.Arrays.stream(scores).max().orElse(0);
        List<Span> out = new ArrayList<>();
        for (int k = 0; k < scores.length; k++) {
            int[] run = runs.at().get(k);
            int start = quote.words().get(run[0]).token().start();
            int stop = quote.words().get(run[1]).token().end();
            out.add(spanAt(part, Kind.CLAUSE, quote, start, stop, BESIDE_PRIOR + BESIDE_SPREAD * (scores[k] - best), null));
        }
        return distinct(out);
    }

    /** The runs of words a quote offers beside the question's words {from, to}, with their features. */
    private record Runs(List<int[]> at, double[][] features) {
        double[] score(List<Double> weights) {
            double[] out = new double[features.length];
            for (int k = 0; k < features.length; k++) {
                for (int i = 0; i < features[k].length; i++) {
                    out[k] += weights.get(i) * features[k][i];
                }
            }
            return out;
        }
    }

    /**
     * Every run of up to {@code most} words of the quote that holds none of the question's words,
     * stays inside one clause and neither starts nor ends on a function word.
     */
    private static Runs runsBeside(Quote quote, int most) {
        List<Word> w = quote.words();
        if (w.stream().noneMatch(Word::asked)) {
            return new Runs(List.of(), new double[0][]);
        }
        boolean[] asked = new boolean[w.size()];
        boolean[] weak = new boolean[w.size()];
        boolean[] breakAfter = new boolean[w.size()];
        String[] text = new String[w.size()];
        for (int i = 0; i < w.size(); i++) {
            asked[i] = w.get(i).asked();
            weak[i] = weak(quote, i);
            breakAfter[i] = quote.breakAfter(i);
            text[i] = w.get(i).token().text();
        }
        List<int[]> runs = new ArrayList<>();
        for (int from = 0; from < w.size(); from++) {
            if (asked[from] || weak[from]) {
                continue;
            }
            for (int to = from; to < w.size() && to - from < most && !asked[to]; to++) {
                if (to > from && breakAfter[to - 1]) {
                    break;
                }
                if (!weak[to]) {
                    runs.add(new int[] {from, to});
                }
            }
        }
        SpanFeatures features = new SpanFeatures(text, asked, weak, breakAfter, sentenceOf(quote));
        return new Runs(runs, features.of(runs));
    }

    /**
     * The candidates beside the question's words in citation {@code c}, each with its features, for
     * fitting {@link AnswerTuning#SPAN_WEIGHTS} ({@code isnad eval --span-features}).
     */
    List<SpanCandidate> candidates(Question q, Citation c, Language language) {
        Quote quote = read(q, c, language);
        Runs runs = runsBeside(quote, MAX_BESIDE_WORDS);
        List<SpanCandidate> out = new ArrayList<>();
        for (int k = 0; k < runs.at().size(); k++) {
            int[] run = runs.at().get(k);
            int start = quote.words().get(run[0]).token().start();
            int stop = quote.words().get(run[1]).token().end();
            List<Double> f = java.util.Arrays.stream(runs.features()[k]).boxed().toList();
            out.add(new SpanCandidate(c.start() + start, c.start() + stop, c.quote().substring(start, stop), f));
        }
        return out;
    }

    /** The prior of the quote's best candidate beside the question's words (above a whole clause's 0.7). */
    private static final double BESIDE_PRIOR = 0.8;
    /** How much a candidate's prior falls per unit of model score below the quote's best. */
    private static final double BESIDE_SPREAD = 0.05;

    /** A function word or a word with no index terms (a stop word): no span starts or ends on it. */
    private static boolean weak(Quote quote, int i) {
        Word word = quote.words().get(i);
        return word.analyzed().isEmpty() || quote.cues().stopsSpan(word.token().text());
    }

    /** Each word's sentence number inside the quote (a quote may hold more than one sentence). */
    private static int[] sentenceOf(Quote quote) {
        int[] out = new int[quote.words().size()];
        int n = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = n;
            if (i + 1 < out.length) {
                String between = quote.text().substring(quote.words().get(i).token().end(), quote.words().get(i + 1).token().start());
                if (CLAUSE_END.matcher(between).find()) {
                    n++;
                }
            }
        }
        return out;
    }

    // ---- WHAT and the rest --------------------------------------------------------------------

    /**
     * The shortest clause that holds the question's words and something besides them; the quote
     * itself when it is short, or when no clause holds more than the question.
     */
    private List<Span> clause(QuestionType part, Quote quote) {
        List<Word> w = quote.words();
        if (w.isEmpty()) {
            return List.of();
        }
        if (w.size() <= SHORT_QUOTE_WORDS) {
            return List.of(span(part, Kind.CLAUSE, quote, 0, w.size() - 1, 0.7, null));
        }
        List<int[]> clauses = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < w.size(); i++) {
            if (quote.breakAfter(i)) {
                clauses.add(new int[] {from, i});
                from = i + 1;
            }
        }
        int[] best = null;
        int bestAsked = 0;
        for (int[] cl : clauses) {
            int asked = 0;
            for (int k = cl[0]; k <= cl[1]; k++) {
                asked += w.get(k).asked() ? 1 : 0;
            }
            int size = cl[1] - cl[0] + 1;
            if (asked > bestAsked && size > asked + 2) {
                best = cl;
                bestAsked = asked;
            }
        }
        if (best == null) {
            return List.of(span(part, Kind.CLAUSE, quote, 0, w.size() - 1, 0.5, null));
        }
        int to = best[1];
        // a clause of a few words says too little on its own: take the next one with it
        if (to - best[0] < 6) {
            for (int[] cl : clauses) {
                if (cl[0] == to + 1) {
                    to = cl[1];
                }
            }
        }
        return List.of(span(part, Kind.CLAUSE, quote, best[0], to, 0.7, null));
    }

    /** One span per stretch of text: the best-scored of overlapping candidates. */
    private static List<Span> distinct(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(java.util.Comparator.comparingDouble(Span::score).reversed());
        List<Span> kept = new ArrayList<>();
        for (Span s : sorted) {
            if (kept.stream().noneMatch(k -> k.citation() == s.citation() && s.start() < k.end() && k.start() < s.end())) {
                kept.add(s);
            }
        }
        return kept;
    }
}
