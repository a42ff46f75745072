package org.isnad.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isnad.index.Analyzers;
import org.isnad.index.PassageHit;
import org.isnad.text.CueLexicon;
import org.isnad.text.DateMatch;
import org.isnad.text.Language;
import org.isnad.text.Sentence;

/**
 * Measures every sentence of the retrieved passages against the question: which of its term groups
 * the sentence, its neighbours, its passage and its document's title share, whether the question's
 * numbers are there, and how well the sentence fits the question's type.
 */
public final class EvidenceScorer {

    private static final Pattern CAPITALIZED = Pattern.compile("\\b[A-Z][\\p{L}'-]+(?:\\s+[A-Z][\\p{L}'-]+)*");
    private static final Pattern QUOTED_NAME = Pattern.compile("[“\"«]([^”\"»\\n]{3,30})[”\"»]");

    /**
     * How much of a question's weight that has no translation into a document's language counts as
     * missing from that document when it is not in the question's language (0: none, as if the
     * question were only its translated words; 1: all). A cross-language match is weaker evidence
     * than the same match in the question's language: Arabic questions were answered from English
     * articles sharing the two words that had a translation. Measured on the development set over
     * the whole archive, pass overall / ar→ar / ar→en: 0.31 / 0.33 / 0.19 at 0 (before the spoken
     * prefixes were looked for without), 0.34 / 0.44 / 0.19
     * at 0.25, 0.34 / 0.46 / 0.06 at 0.5; XQuAD en→ar with a fifth withheld, first-quote hit 0.282,
     * 0.276, 0.270. 0.25 gains in Arabic without giving up Arabic questions about English articles.
     */
    static final double UNTRANSLATED_MISSING = 0.25;

    private final Analyzers analyzers;
    private final Glossary glossary;
    private final DateMentions dates;
    private final TypeFit typeFit;
    private final Rarity rarity;

    /** How rare a term is in a field across the whole index (inverse document frequency). */
    @FunctionalInterface
    public interface Rarity {
        double idf(Language language, String term);
    }

    public EvidenceScorer(Analyzers analyzers, Glossary glossary, DateMentions dates) {
        this(analyzers, glossary, dates, (language, term) -> 1.0);
    }

    public EvidenceScorer(Analyzers analyzers, Glossary glossary, DateMentions dates, Rarity rarity) {
        this.rarity = rarity;
        this.analyzers = analyzers;
        this.glossary = glossary;
        this.dates = dates;
        this.typeFit = new TypeFit(dates);
    }

    private record Unit(PassageHit hit, Sentence sentence, String text, List<String> terms, Set<String> termSet) {}

    /** Every sentence of the pool, measured, and every document of it, measured as a whole. */
    public record Measured(List<Evidence> sentences, List<DocumentFeatures> documents) {}

    /** Every sentence of {@code pool}, measured; order unspecified. */
    public List<Evidence> score(Question q, List<PassageHit> pool, DocumentTexts texts) {
        return score(q, pool, texts, null, false);
    }

    /**
     * Every sentence of {@code pool} with every measure taken, the type fit included, however little
     * of the question it holds: for the sentences of a document already chosen to answer, where the
     * answer is often a sentence that repeats none of the question ("134 votes to 65").
     */
    public List<Evidence> scoreFully(Question q, List<PassageHit> pool, DocumentTexts texts) {
        return score(q, pool, texts, null, true);
    }

    /**
     * Every sentence of {@code pool} and every document it draws from, measured. A document's
     * {@link DocumentFeatures} see the sentences of it that the pool holds (all of them for the
     * documents the retriever expands).
     */
    public Measured measure(Question q, List<PassageHit> pool, DocumentTexts texts) {
        Map<String, Set<String>> docTerms = new LinkedHashMap<>();
        List<Evidence> sentences = score(q, pool, texts, docTerms, false);
        return new Measured(sentences, documentFeatures(q, pool, sentences, docTerms));
    }

    /** As {@link #score(Question, List, DocumentTexts)}; also gathers each document's terms into {@code docTerms} unless it is null. */
    private List<Evidence> score(Question q, List<PassageHit> pool, DocumentTexts texts, Map<String, Set<String>> docTerms, boolean fully) {
        double best = pool.stream().mapToDouble(PassageHit::score).max().orElse(0);
        Map<String, List<Unit>> byDoc = new LinkedHashMap<>();
        Map<PassageHit, Set<String>> passageTerms = new HashMap<>();
        for (PassageHit h : pool) {
            Set<String> pt = new HashSet<>();
            for (Sentence s : h.passage().sentences()) {
                int from = s.start() - h.passage().start();
                int to = s.end() - h.passage().start();
                if (from < 0 || to > h.text().length() || from >= to) {
                    continue;
                }
                String text = h.text().substring(from, to);
                List<String> terms = texts.sentenceTerms(h.doc().id(), s.start(),
                        () -> analyzers.bodyTerms(h.doc().language(), text));
                Set<String> termSet = new HashSet<>(terms);
                if (s.speaker() != null) {
                    // a transcript turn's speaker ("بوتين:") is part of what the sentence says
                    termSet.addAll(analyzers.bodyTerms(h.doc().language(), s.speaker()));
                }
                Unit u = new Unit(h, s, text, terms, termSet);
                pt.addAll(u.termSet());
                byDoc.computeIfAbsent(h.doc().id(), k -> new ArrayList<>()).add(u);
            }
            passageTerms.put(h, pt);
        }
        List<Evidence> out = new ArrayList<>();
        Map<Language, Map<TermGroup, Double>> rareCache = new HashMap<>();
        for (List<Unit> units : byDoc.values()) {
            units.sort(Comparator.comparingInt(u -> u.sentence().start()));
            PassageHit first = units.get(0).hit();
            double total = lookedFor(q, first.doc().language());
            Map<TermGroup, Double> rareWeights = rareWeights(q, first.doc().language(), rareCache);
            double rareTotal = 0;
            double rareAll = 0;
            double all = 0;
            for (TermGroup g : q.groups()) {
                rareTotal += searchable(g, first.doc().language()) ? rareWeights.get(g) : 0;
                rareAll += rareWeights.get(g);
                all += g.weight();
            }
            if (first.doc().language() != askedIn(q)) {
                // across languages, what has no translation counts (partly) as missing: a match on the
                // two words that were translated is weaker evidence than the same match in the question's language
                total += UNTRANSLATED_MISSING * (all - total);
                rareTotal += UNTRANSLATED_MISSING * (rareAll - rareTotal);
            }
            Set<String> titleTerms = first.doc().title() == null ? Set.of()
                    : new HashSet<>(analyzers.titleTerms(first.doc().language(), first.doc().title()));
            if (docTerms != null) {
                Set<String> allTerms = docTerms.computeIfAbsent(first.doc().id(), k -> new HashSet<>());
                allTerms.addAll(titleTerms);
                units.forEach(u -> allTerms.addAll(u.termSet()));
            }
            java.time.LocalDate reference = texts.referenceDate(first.doc().id(), dates);
            for (int i = 0; i < units.size(); i++) {
                Unit u = units.get(i);
                Set<String> near = new HashSet<>();
                if (i > 0 && units.get(i - 1).sentence().paragraph() == u.sentence().paragraph()) {
                    near.addAll(units.get(i - 1).termSet());
                }
                if (i + 1 < units.size() && units.get(i + 1).sentence().paragraph() == u.sentence().paragraph()) {
                    near.addAll(units.get(i + 1).termSet());
                }
                Set<String> context = new HashSet<>(u.termSet());
                context.addAll(near);
                context.addAll(passageTerms.get(u.hit()));
                context.addAll(titleTerms);
                double own = 0;
                double nearShare = 0;
                double ctx = 0;
                double inTitle = 0;
                double rareCtx = 0;
                double rareOwn = 0;
                double rareNear = 0;
                boolean numbers = true;
                for (TermGroup g : q.groups()) {
                    boolean inOwn = g.matches(u.termSet());
                    own += inOwn ? g.weight() : 0;
                    nearShare += !inOwn && g.matches(near) ? g.weight() : 0;
                    boolean inCtx = inOwn || g.matches(context);
                    ctx += inCtx ? g.weight() : 0;
                    rareCtx += inCtx ? rareWeights.get(g) : 0;
                    rareOwn += inOwn ? rareWeights.get(g) : 0;
                    rareNear += !inOwn && g.matches(near) ? rareWeights.get(g) : 0;
                    numbers &= !isNumber(g) || inCtx;
                    inTitle += g.matches(titleTerms) ? g.weight() : 0;
                }
                double rare = rareTotal <= 0 ? 0 : Math.min(1.0, rareCtx / rareTotal);
                double ownRare = rareTotal <= 0 ? 0 : Math.min(1.0, rareOwn / rareTotal);
                double nearRare = rareTotal <= 0 ? 0 : Math.min(1.0, rareNear / rareTotal);
                boolean mayStateReason = q.type() == QuestionType.WHY && ctx / Math.max(total, 1e-9) >= EvidenceSelector.REASON_CONTEXT;
                if (!fully && Evidence.confidence(ownRare, nearRare, rare) < EvidenceSelector.MIN_CONFIDENCE - EvidenceSelector.STATED_REASON_ALLOWANCE
                        && !mayStateReason) {
                    // cannot be evidence, not even a stated reason: skip the costlier measures
                    out.add(new Evidence(u.hit(), u.sentence(), u.text(), total == 0 ? 0 : own / total,
                            total == 0 ? 0 : nearShare / total, total == 0 ? 0 : ctx / total, numbers, 0,
                            best <= 0 ? 0 : u.hit().score() / best, total == 0 ? 0 : inTitle / total, List.of(), rare, ownRare, nearRare));
                    continue;
                }
                List<DateMatch> found = q.parts().contains(QuestionType.WHEN) || q.type() == QuestionType.HOW_MANY
                        ? factDates(u, reference) : List.of();
                boolean arabicText = u.hit().doc().language() == Language.AR;
                boolean needsNames = q.type() == QuestionType.WHO || q.type() == QuestionType.WHERE;
                List<Glossary.Entry> named = !needsNames ? List.of() : glossary.mentionedIn(u.terms(), arabicText).stream()
                        .filter(e -> !inQuestion(e, q)).toList();
                int actors = !needsNames ? 0
                        : (int) named.stream().filter(e -> e.isActor() || e.category().equals("country")).count() + extraNames(u.text(), arabicText, q);
                int places = (int) named.stream().filter(Glossary.Entry::isPlace).count()
                        + (q.type() == QuestionType.WHERE && !arabicText ? placesByShape(u.text(), q) : 0);
                int at = u.sentence().start();
                List<DateMatch> inSentence = found.stream().map(d -> new DateMatch(d.date(), d.start() - at, d.end() - at)).toList();
                double fit = typeFit.fit(q.type(), u.text(), actors, places, inSentence);
                out.add(new Evidence(u.hit(), u.sentence(), u.text(),
                        total == 0 ? 0 : own / total, total == 0 ? 0 : nearShare / total, total == 0 ? 0 : ctx / total,
                        numbers, fit, best <= 0 ? 0 : u.hit().score() / best, total == 0 ? 0 : inTitle / total, found, rare, ownRare, nearRare));
            }
        }
        return out;
    }

    /** Confidence above which a document's sentence counts when its type fit is read (its share of the best). */
    private static final double FIT_AMONG_CONFIDENT = 0.7;

    private List<DocumentFeatures> documentFeatures(Question q, List<PassageHit> pool, List<Evidence> sentences,
                                                    Map<String, Set<String>> docTerms) {
        if (q.groups().isEmpty()) {
            return List.of();
        }
        Language asked = askedIn(q);
        Map<TermGroup, Double> weights = rareWeights(q, asked, new HashMap<>());
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        List<TermGroup> distinctive = q.groups().stream()
                .sorted(Comparator.comparingDouble((TermGroup g) -> -weights.get(g))).limit(2).toList();
        double distinctiveTotal = distinctive.stream().mapToDouble(weights::get).sum();
        double bestRetrieval = pool.stream().mapToDouble(PassageHit::score).max().orElse(0);
        Map<String, List<Evidence>> byDoc = new LinkedHashMap<>();
        sentences.forEach(e -> byDoc.computeIfAbsent(e.docId(), k -> new ArrayList<>()).add(e));
        Map<String, Double> retrieval = new HashMap<>();
        pool.forEach(h -> retrieval.merge(h.doc().id(), (double) h.score(), Math::max));
        List<DocumentFeatures> out = new ArrayList<>();
        for (var entry : byDoc.entrySet()) {
            List<Evidence> ev = entry.getValue();
            Language lang = ev.get(0).hit().doc().language();
            Set<String> terms = docTerms.getOrDefault(entry.getKey(), Set.of());
            double translatable = 0;
            double covered = 0;
            for (TermGroup g : q.groups()) {
                translatable += searchable(g, lang) ? weights.get(g) : 0;
                covered += g.matches(terms) ? weights.get(g) : 0;
            }
            double distinct = 0;
            for (TermGroup g : distinctive) {
                distinct += g.matches(terms) ? weights.get(g) : 0;
            }
            double share = total <= 0 ? 0 : translatable / total;
            Evidence best = ev.stream().max(Comparator.comparingDouble(Evidence::confidence)).orElseThrow();
            double fit = ev.stream().filter(e -> e.confidence() >= FIT_AMONG_CONFIDENT * best.confidence())
                    .mapToDouble(Evidence::fit).max().orElse(0);
            out.add(new DocumentFeatures(entry.getKey(), best.ownRare() * share, best.rare() * share,
                    total <= 0 ? 0 : Math.min(1, covered / total), distinctiveTotal <= 0 ? 0 : distinct / distinctiveTotal,
                    share, lang == asked ? 0 : 1, fit,
                    bestRetrieval <= 0 ? 0 : retrieval.getOrDefault(entry.getKey(), 0.0) / bestRetrieval, 0,
                    best.numbersPresent() ? 1 : 0, Math.log1p(q.groups().size())));
        }
        // the margin: how far the best sentence's confidence stands above every other document's
        for (int i = 0; i < out.size(); i++) {
            double mine = out.get(i).sentenceCover() + out.get(i).contextCover();
            double others = 0;
            for (int j = 0; j < out.size(); j++) {
                if (j != i) {
                    others = Math.max(others, out.get(j).sentenceCover() + out.get(j).contextCover());
                }
            }
            out.set(i, out.get(i).withMargin(mine - others));
        }
        return out;
    }

    /** The language the question is written in (Arabic script or not), whatever language the answer is framed in. */
    private static Language askedIn(Question q) {
        return q.analyzed().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)
                ? Language.AR : Language.EN;
    }

    /**
     * The weight of the question's groups that can be looked for in a document of {@code language}:
     * names always count (a missing name is a missing name), but a common word with no translation
     * into the document's language cannot be expected there.
     */
    private static double lookedFor(Question q, Language language) {
        double total = 0;
        for (TermGroup g : q.groups()) {
            if (searchable(g, language)) {
                total += g.weight();
            }
        }
        return total;
    }

    private static boolean searchable(TermGroup g, Language language) {
        return g.entity() || (language == Language.AR ? !g.arabic().isEmpty()
                : language == Language.EN ? !g.english().isEmpty() : true);
    }

    /**
     * Each group's weight times how rare its words are across the whole index (in the document's
     * language): an alternative weighs as its rarest word, a group as its most common alternative
     * (as Lucene's SynonymQuery counts it), so a common word shared proves less than a rare one.
     */
    private Map<TermGroup, Double> rareWeights(Question q, Language language, Map<Language, Map<TermGroup, Double>> cache) {
        return cache.computeIfAbsent(language, lang -> {
            Map<TermGroup, Double> out = new HashMap<>();
            for (TermGroup g : q.groups()) {
                double idf = groupIdf(g, lang, rarity);
                if (Double.isNaN(idf)) {
                    idf = groupIdf(g, lang == Language.EN ? Language.AR : Language.EN, rarity);
                }
                out.put(g, g.weight() * (Double.isNaN(idf) ? 1.0 : Math.max(idf, 0.05)));
            }
            return out;
        });
    }

    /**
     * How rare a group's words are in {@code language}'s documents: an alternative as its rarest word,
     * the group as its most common alternative; NaN when the group has no words in that language.
     * Answers and briefings weigh a question's (a topic's) words by it.
     */
    public static double groupIdf(TermGroup g, Language language, Rarity rarity) {
        List<List<String>> alternatives = language == Language.AR ? g.arabic() : g.english();
        double min = Double.NaN;
        for (List<String> alt : alternatives) {
            double rarest = 0;
            for (String t : alt) {
                rarest = Math.max(rarest, rarity.idf(language, t));
            }
            min = Double.isNaN(min) ? rarest : Math.min(min, rarest);
        }
        return min;
    }

    /** Full dates in the sentence, as absolute document offsets, without the document's own dateline. */
    private List<DateMatch> factDates(Unit u, java.time.LocalDate reference) {
        List<DateMatch> out = new ArrayList<>();
        for (DateMatch d : dates.findAll(u.text(), reference)) {
            int start = u.sentence().start() + d.start();
            if (start < DateMentions.DATELINE_CHARS) {
                continue;
            }
            out.add(new DateMatch(d.date(), start, u.sentence().start() + d.end()));
        }
        return out;
    }

    private static boolean inQuestion(Glossary.Entry e, Question q) {
        for (TermGroup g : q.groups()) {
            if (g.english().contains(e.englishTerms())) {
                return true;
            }
            for (List<String> alt : e.arabicTerms()) {
                if (g.arabic().contains(alt)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Pattern DIGITS = Pattern.compile("[0-9٠-٩۰-۹]+");

    /** A year or an amount asked about: the one word of a question no other word can stand for. */
    private static boolean isNumber(TermGroup g) {
        return DIGITS.matcher(g.label()).matches();
    }

    /**
     * Names the glossary does not know: capitalized spans in English, quoted names in Arabic. A name
     * standing right after a word of the question ("chief executive Bill Gammell") names whom the
     * question asks about and counts twice.
     */
    private static int extraNames(String text, boolean arabicText, Question q) {
        int n = 0;
        Matcher m = (arabicText ? QUOTED_NAME : CAPITALIZED).matcher(text);
        String question = q.analyzed().toLowerCase(java.util.Locale.ROOT);
        Set<String> questionWords = null; // split only for a sentence that names someone the question does not
        while (m.find()) {
            String name = (arabicText ? m.group(1) : m.group()).strip();
            if ((arabicText || m.start() > 0) && !question.contains(name.toLowerCase(java.util.Locale.ROOT))
                    && name.split("\\s+").length <= 4) {
                if (questionWords == null) {
                    questionWords = new HashSet<>(List.of(question.split("[^\\p{L}\\p{N}]+")));
                }
                n += appositive(text, m.start(), questionWords) ? 2 : 1;
            }
        }
        return n;
    }

    /** A word, an optional article, then a capitalized word: a place when the first word comes before places. */
    private static final Pattern WORD_THEN_CAPITALIZED = Pattern.compile(
            "\\b(\\p{L}+)\\s+(?:(?:a|an|the)\\s+)?([A-Z][\\p{L}'-]+)");

    /**
     * English places the glossary does not know, by their shape: a capitalized word after "in", "at",
     * "near"... ("died at a Frederick, Maryland assisted living facility"), the question's own names excepted.
     */
    private static int placesByShape(String text, Question q) {
        String question = q.analyzed().toLowerCase(java.util.Locale.ROOT);
        int n = 0;
        Matcher m = WORD_THEN_CAPITALIZED.matcher(text);
        CueLexicon cues = CueLexicon.of(Language.EN);
        while (m.find()) {
            if (cues.beforePlace(m.group(1)) && !question.contains(m.group(2).toLowerCase(java.util.Locale.ROOT))) {
                n++;
            }
            m.region(m.start(2), text.length()); // the capitalized word may itself open the next pair
        }
        return n;
    }

    private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}]{4,})[\\s\\u00A0]+$");

    private static boolean appositive(String text, int nameStart, Set<String> questionWords) {
        Matcher w = LAST_WORD.matcher(text.substring(Math.max(0, nameStart - 40), nameStart));
        return w.find() && questionWords.contains(w.group(1).toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The question's groups that the whole document (title and text) never mentions, among those that
     * can be looked for in its language. A document that lacks a key word of a short question cannot
     * answer it, however well it matches the rest ("What is the capital of Peru?" is not answered by
     * a match report that names Peru).
     */
    public List<TermGroup> missingFrom(Question q, org.isnad.archive.Document doc) {
        Set<String> terms = new HashSet<>(analyzers.bodyTerms(doc.language(), doc.text()));
        if (doc.title() != null) {
            terms.addAll(analyzers.bodyTerms(doc.language(), doc.title()));
        }
        List<TermGroup> missing = new ArrayList<>();
        for (TermGroup g : q.groups()) {
            boolean searchable = doc.language() == Language.AR ? !g.arabic().isEmpty()
                    : doc.language() == Language.EN ? !g.english().isEmpty() : true;
            if ((g.entity() || searchable) && !g.matches(terms)) {
                missing.add(g);
            }
        }
        return missing;
    }

    /**
     * Whether a document missing {@code missing} may still answer: a question of one or two words needs
     * them all (the sentence's confidence cannot tell "capital" + "Peru" from "Peru" alone); a longer
     * question is left to {@link Evidence#confidence()}, which weighs what is missing by its rarity
     * (questions paraphrase: "تستضيف" is asked where "دعت" is written, "Germany" where "German").
     */
    public static boolean coversEnough(Question q, List<TermGroup> missing) {
        return q.groups().size() > 2 || missing.isEmpty();
    }
}
