package org.isnad.answer.direct;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            return score >= APPOSITIVE - 0.05 * (citation.n() - 1) - 1e-9 && (kind == Kind.NAME || kind == Kind.PLACE);
        }
    }

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
                List<Span> spans = new ArrayList<>(beside(part, quote, MAX_BESIDE_WORDS));
                spans.addAll(clause(part, quote));
                yield spans;
            }
        };
        return out.stream().sorted(java.util.Comparator.comparingDouble(Span::score).reversed()).toList();
    }

    private Quote read(Question q, Citation c, Language language) {
        String field = Analyzers.bodyField(language);
        Set<String> asked = new HashSet<>();
        for (TermGroup g : q.groups()) {
            (language == Language.AR ? g.arabic() : g.english()).forEach(asked::addAll);
        }
        List<Word> words = new ArrayList<>();
        for (Token t : Tokens.tokenize(c.quote())) {
            List<String> analyzed = analyzers.terms(field, t.text());
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
        double rank = 0.05 * (c.n() - 1);
        return new Span(part, kind, c, quote.language(), c.start() + start, c.start() + end,
                c.quote().substring(start, end), score - rank, date);
    }

    /** A word the glossary knows, but not as a name ("السلطة": power): no part of an unknown name. */
    private boolean commonWord(String arabic) {
        List<Glossary.Entry> found = glossary.byArabicTerms(analyzers.terms(Analyzers.bodyField(Language.AR), arabic));
        return !found.isEmpty() && found.stream().noneMatch(Glossary.Entry::isName);
    }

    private boolean knownName(String arabic) {
        return !glossary.byArabicTerms(analyzers.terms(Analyzers.bodyField(Language.AR), arabic)).isEmpty();
    }

    // ---- WHO and WHERE ------------------------------------------------------------------------

    private List<Span> names(QuestionType part, Quote quote, boolean places) {
        List<Span> out = new ArrayList<>();
        glossaryNames(part, quote, places, out);
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
            if (quote.citation().start() + d.start() < DATELINE_CHARS) {
                continue;
            }
            int from = wordAt(quote.words(), d.start());
            int to = wordAt(quote.words(), d.end() - 1);
            int distance = from < 0 ? FAR : quote.distance(from, Math.max(from, to));
            double prior = d.precision() == DateMention.Precision.DAY ? 1.0 : 0.9;
            out.add(spanAt(part, Kind.DATE, quote, d.start(), d.end(), prior - DISTANCE_COST * distance, d));
        }
        return out;
    }

    /** Dates within this many characters of the start of a document are its dateline, not a fact. */
    private static final int DATELINE_CHARS = 40;

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
     * The words standing right beside the question's own words, up to a clause break: what a lexical
     * reader takes as the answer to "what" ("the answer sits next to the question"). The words that
     * follow the question's words come first; a run never starts or ends on a function word.
     */
    private List<Span> beside(QuestionType part, Quote quote, int most) {
        List<Word> w = quote.words();
        List<Span> out = new ArrayList<>();
        int askedCount = (int) w.stream().filter(Word::asked).count();
        if (askedCount == 0) {
            return out;
        }
        for (int i = 0; i < w.size(); i++) {
            if (w.get(i).asked() || (i > 0 && !w.get(i - 1).asked() && !quote.breakAfter(i - 1))) {
                continue; // not the start of a run of other words
            }
            int end = i;
            while (end + 1 < w.size() && !w.get(end + 1).asked() && !quote.breakAfter(end)) {
                end++;
            }
            boolean follows = i > 0 && w.get(i - 1).asked() && !quote.breakAfter(i - 1);
            boolean precedes = end + 1 < w.size() && w.get(end + 1).asked() && !quote.breakAfter(end);
            int from = i;
            int to = end;
            if (follows) {
                to = Math.min(end, i + most - 1);
            } else if (precedes) {
                from = Math.max(i, end - most + 1);
            } else {
                i = end;
                continue;
            }
            while (from <= to && quote.cues().stopsSpan(w.get(from).token().text())) {
                from++;
            }
            while (to >= from && quote.cues().stopsSpan(w.get(to).token().text())) {
                to--;
            }
            if (from <= to) {
                // the longer the stretch of the question's words it stands against, the likelier the answer
                int stretch = 0;
                for (int k = follows ? i - 1 : end + 1; k >= 0 && k < w.size() && w.get(k).asked() && stretch < 4; k += follows ? -1 : 1) {
                    stretch++;
                }
                double prior = (follows ? 0.75 : 0.65) + 0.03 * Math.min(askedCount, 5) + 0.04 * stretch;
                // beside the question's words by construction: no distance to pay (span() would count one word)
                int start = w.get(from).token().start();
                int stop = w.get(to).token().end();
                out.add(spanAt(part, Kind.CLAUSE, quote, start, stop, prior, null));
            }
            i = end;
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
