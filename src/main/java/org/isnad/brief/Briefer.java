package org.isnad.brief;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.isnad.answer.Citation;
import org.isnad.answer.Conflict;
import org.isnad.answer.Draft;
import org.isnad.answer.EvidenceScorer;
import org.isnad.answer.PassageRetriever;
import org.isnad.answer.Question;
import org.isnad.answer.QuestionAnalyzer;
import org.isnad.answer.QuoteVerifier;
import org.isnad.answer.SpeakerFinder;
import org.isnad.answer.TermGroup;
import org.isnad.archive.Document;
import org.isnad.config.IsnadConfig;
import org.isnad.index.Analyzers;
import org.isnad.index.ArchiveStore;
import org.isnad.index.PassageHit;
import org.isnad.index.PassageQuery;
import org.isnad.text.DateMatch;
import org.isnad.text.DateParser;
import org.isnad.text.Language;
import org.isnad.text.LanguageDetector;

/**
 * Builds briefings: on a topic across the index (with optional date and outlet filters) or on given
 * documents. Extractive: candidate sentences from the best passages are ranked by centrality,
 * retrieval and cues ({@link SentenceRanker}), chosen with diversity ({@link PointSelector}), and
 * quoted verbatim — every quote passes the answer package's {@link QuoteVerifier} before it is used. The same news
 * from several outlets becomes one point listing its outlets. Thread-safe.
 */
public final class Briefer {

    /** Passages read for a topic briefing. */
    static final int TOPIC_PASSAGES = 60;
    /** Longer topics are cut to this in the headline and messages. */
    static final int SHOWN_TOPIC_CHARS = 80;
    /** Only this much of a topic is searched. */
    static final int MAX_TOPIC_CHARS = 1000;

    private final ArchiveStore index;
    private final int minPoints;
    private final int maxPoints;
    private final Gazetteer gazetteer;
    private final CandidatePool candidates;
    private final SentenceRanker ranker;
    private final KeyFactsFinder facts;
    private final Map<Language, BriefTemplates> templates = new HashMap<>();
    private final LanguageDetector languages = new LanguageDetector();
    private final QuestionAnalyzer questions;
    private final QuoteVerifier verifier = new QuoteVerifier();
    private final SpeakerFinder speakers = new SpeakerFinder();

    /**
     * @param index     the index briefed on
     * @param config    point limits
     * @param questions the answer package's question analysis (glossary, dictionary): a topic is read as
     *                  a question so "Russia" also searches روسيا
     */
    public Briefer(ArchiveStore index, IsnadConfig.Brief config, QuestionAnalyzer questions) {
        this.index = index;
        this.questions = questions;
        this.minPoints = config == null || config.minPoints() <= 0 ? 3 : config.minPoints();
        this.maxPoints = config == null || config.maxPoints() < minPoints ? Math.max(8, minPoints) : config.maxPoints();
        this.gazetteer = Gazetteer.load();
        this.candidates = new CandidatePool(index.analyzers());
        this.ranker = new SentenceRanker(gazetteer, index.analyzers());
        this.facts = new KeyFactsFinder(gazetteer);
        for (Language l : List.of(Language.AR, Language.EN)) {
            templates.put(l, BriefTemplates.load(l));
        }
    }

    /** The framing templates for a language (the bot renders with the same ones). */
    public BriefTemplates templates(Language language) {
        return templates.get(language == Language.AR ? Language.AR : Language.EN);
    }

    /**
     * A briefing for {@code request}; never null, never throws for bad input: an empty topic, nothing
     * matching or an unknown document gives {@code found == false} with a message.
     */
    public Briefing brief(BriefRequest request) {
        long t0 = System.nanoTime();
        if (request.onDocuments()) {
            return onDocuments(request, t0);
        }
        String topic = request.topic() == null ? "" : request.topic().strip();
        Language lang = framing(request.language(), topic.isEmpty() ? Language.OTHER : languages.detect(topic));
        BriefTemplates t = templates(lang);
        if (topic.isEmpty()) {
            return Briefing.nothing("", lang.code(), t.text("empty.topic"), ms(t0));
        }
        if (request.outlet() != null) {
            request = request.fromOutlet(outletAsIndexed(request.outlet()));
        }
        String shown = shortened(topic);
        // Nobody briefs on a page of text: past MAX_TOPIC_CHARS the words add cost, not meaning.
        String searched = topic.length() <= MAX_TOPIC_CHARS ? topic : topic.substring(0, MAX_TOPIC_CHARS);
        String expanded = expand(searched);
        Question question = questions.analyze(topic, searched, lang);
        // the topic's words as written, in both languages, and its groups with their translations
        PassageQuery query = new PassageQuery(PassageRetriever.groups(question), expanded, null,
                new PassageQuery.Filters(request.since(), request.until(), request.outlet()));
        // A topic of only little words ("في من", "the of") names nothing to brief on.
        boolean arabicTopic = languages.detect(searched) == Language.AR;
        boolean contentless = index.analyzers().bodyTerms(arabicTopic ? Language.AR : Language.EN, searched).isEmpty()
                && question.groups().isEmpty();
        List<PassageHit> hits = contentless ? List.of() : index.search(query, TOPIC_PASSAGES);
        if (hits.isEmpty()) {
            return Briefing.nothing(topic, lang.code(), t.format("empty.nothing",
                    Map.of("topic", shown, "filters", filtersText(request, t))), ms(t0));
        }
        Set<String> topicTerms = new HashSet<>();
        Analyzers a = index.analyzers();
        topicTerms.addAll(a.bodyTerms(Language.AR, expanded));
        topicTerms.addAll(a.bodyTerms(Language.EN, expanded));
        for (TermGroup g : question.groups()) {
            g.arabic().forEach(topicTerms::addAll);
            g.english().forEach(topicTerms::addAll);
        }
        List<CandidateSentence> pool = about(question, candidates.build(hits, topicTerms));
        return compose(request.subject(), shown, pool, true, lang, t0, List.of());
    }

    /**
     * The share of a topic's words (weighted by rarity, as the answers weigh them) a point's sentence and its
     * article's title must hold between them: the standard the answers use, so that "Peru capital"
     * is not briefed with eight match reports that name Peru. A topic of one or two words needs them
     * all.
     */
    static final double TOPIC_COVER = 0.6;

    /** The candidates whose sentence, with its article's title, is about the whole topic (see {@link #TOPIC_COVER}). */
    private List<CandidateSentence> about(Question topic, List<CandidateSentence> pool) {
        if (topic.groups().isEmpty()) {
            return pool;
        }
        Map<Language, Map<TermGroup, Double>> weights = new HashMap<>();
        Map<String, Set<String>> titles = new HashMap<>();
        List<CandidateSentence> out = new ArrayList<>();
        for (CandidateSentence c : pool) {
            Set<String> terms = new HashSet<>(c.terms().keySet());
            terms.addAll(titles.computeIfAbsent(c.doc().id(), id -> c.doc().title() == null ? Set.of()
                    : new HashSet<>(index.analyzers().bodyTerms(c.doc().language(), c.doc().title()))));
            Map<TermGroup, Double> w = weights.computeIfAbsent(c.doc().language(), l -> rarityWeights(topic, l));
            double total = w.values().stream().mapToDouble(Double::doubleValue).sum();
            double covered = 0;
            int missing = 0;
            for (var g : w.entrySet()) {
                if (g.getKey().matches(terms)) {
                    covered += g.getValue();
                } else {
                    missing++;
                }
            }
            boolean enough = w.size() <= 2 ? missing == 0 && !w.isEmpty() : total > 0 && covered / total >= TOPIC_COVER;
            if (enough) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Each topic group's weight times how rare it is in {@code language}'s documents (its most common
     * alternative's rarest word), so that the name that sets a topic apart ("Salah" in "Salah
     * Liverpool injury") weighs more than the words many reports share.
     */
    private Map<TermGroup, Double> rarityWeights(Question topic, Language language) {
        Map<TermGroup, Double> out = new HashMap<>();
        for (TermGroup g : topic.groups()) {
            if ((language == Language.AR ? g.arabic() : g.english()).isEmpty() && !g.entity()) {
                continue; // a word with no translation into the article's language cannot be expected there
            }
            double idf = EvidenceScorer.groupIdf(g, language, index::idf);
            out.put(g, g.weight() * (Double.isNaN(idf) ? 1.0 : Math.max(idf, 0.05)));
        }
        return out;
    }

    private Briefing onDocuments(BriefRequest request, long t0) {
        List<Document> docs = new ArrayList<>();
        for (String id : request.docIds()) {
            Optional<Document> d = id == null ? Optional.empty() : index.document(id.strip());
            if (d.isEmpty()) {
                Language lang = framing(request.language(), Language.EN);
                return Briefing.nothing(request.subject(), lang.code(),
                        templates(lang).format("empty.document", Map.of("id", String.valueOf(id))), ms(t0));
            }
            docs.add(d.get());
        }
        Language lang = framing(request.language(), docs.getFirst().language());
        List<PassageHit> hits = new ArrayList<>();
        for (Document d : docs) {
            hits.addAll(index.passagesOf(d.id()));
        }
        List<CandidateSentence> pool = candidates.build(hits, List.of());
        return compose(request.subject(), docs.size() == 1 ? docs.getFirst().title() : null, pool, false, lang, t0, docs);
    }

    private Briefing compose(String subject, String topicOrTitle, List<CandidateSentence> pool, boolean topicMode,
            Language lang, long t0, List<Document> givenDocs) {
        BriefTemplates t = templates(lang);
        Map<String, String> texts = new HashMap<>();
        givenDocs.forEach(d -> texts.put(d.id(), d.text()));
        double[] importance = ranker.rank(pool, topicMode);
        List<PointSelector.Chosen> chosen = new PointSelector().select(pool, importance, minPoints, maxPoints, topicMode,
                c -> verifies(c, texts));
        if (chosen.isEmpty()) {
            return Briefing.nothing(subject, lang.code(),
                    t.format("empty.points", Map.of("topic", topicOrTitle == null ? subject : topicOrTitle)), ms(t0));
        }
        List<PointSelector.Chosen> ordered = order(chosen, topicMode, givenDocs);
        List<BriefPoint> points = new ArrayList<>();
        int n = 0;
        Set<LocalDate> dates = new LinkedHashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        for (PointSelector.Chosen c : ordered) {
            List<Citation> citations = new ArrayList<>();
            List<String> outlets = new ArrayList<>();
            for (CandidateSentence s : concat(c.lead(), c.echoes())) {
                if (!verifies(s, texts)) {
                    continue;
                }
                Citation plain = citation(++n, s);
                String speaker = speakers.speaker(s.sentence(), texts.get(s.doc().id()));
                citations.add(new Citation(plain.n(), plain.docId(), plain.title(), plain.outlet(), plain.date(),
                        plain.quote(), plain.start(), plain.end(), speaker));
                dates.add(s.doc().date());
                sources.add(s.doc().id());
                String outlet = s.doc().outlet() == null ? s.doc().id() : s.doc().outlet();
                if (!outlets.contains(outlet)) {
                    outlets.add(outlet);
                }
            }
            if (citations.isEmpty()) {
                continue;
            }
            LocalDate date = c.lead().doc().date();
            points.add(new BriefPoint(points.size() + 1, date == null ? null : date.toString(), citations, outlets, c.importance()));
        }
        Period period = Period.of(dates);
        String periodText = periodText(period, t, lang);
        List<KeyFactsFinder.Source> factSources = pool.stream()
                .filter(CandidateSentence::onTopic)
                .map(c -> new KeyFactsFinder.Source(c.doc().id(), c.text(), c.doc().language(), c.sentence().speaker(), c.doc().outlet()))
                .toList();
        KeyFactsFinder.WhoWhere ww = facts.find(factSources, lang, topicMode ? topicOrTitle : null);
        String headline;
        if (topicMode) {
            headline = t.format("headline.topic", Map.of("topic", topicOrTitle, "points", points.size(),
                    "sources", sources.size(), "period", periodText));
        } else if (givenDocs.size() == 1) {
            Document d = givenDocs.getFirst();
            headline = t.format("headline.document", Map.of("title", d.title() == null ? d.id() : d.title(),
                    "points", points.size(), "outlet", d.outlet() == null ? d.id() : d.outlet(), "period", periodText));
        } else {
            headline = t.format("headline.documents", Map.of("points", points.size(), "sources", sources.size(), "period", periodText));
        }
        List<String> notes = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        dateNotes(points, t, lang, notes, conflicts);
        return new Briefing(subject, lang.code(), true, null, oneLine(headline), points,
                new KeyFacts(ww.who(), ww.where(), period), period, notes, conflicts, "extractive", ms(t0));
    }

    private static List<CandidateSentence> concat(CandidateSentence lead, List<CandidateSentence> echoes) {
        List<CandidateSentence> all = new ArrayList<>(echoes.size() + 1);
        all.add(lead);
        all.addAll(echoes);
        return all;
    }

    /** Points by date, then the documents' importance, then reading order within a document. */
    private static List<PointSelector.Chosen> order(List<PointSelector.Chosen> chosen, boolean topicMode, List<Document> givenDocs) {
        Map<String, Double> docWeight = new HashMap<>();
        for (PointSelector.Chosen c : chosen) {
            docWeight.merge(c.lead().doc().id(), c.importance(), Math::max);
        }
        if (!topicMode) {
            for (int i = 0; i < givenDocs.size(); i++) {
                docWeight.put(givenDocs.get(i).id(), (double) -i);
            }
        }
        Comparator<PointSelector.Chosen> byDate = Comparator.comparing(c -> c.lead().doc().date(),
                Comparator.nullsLast(Comparator.naturalOrder()));
        Comparator<PointSelector.Chosen> cmp = (topicMode ? byDate : (a, b) -> 0);
        cmp = cmp.thenComparing(c -> -docWeight.get(c.lead().doc().id()))
                .thenComparing(c -> c.lead().doc().id())
                .thenComparingInt(c -> c.lead().sentence().start());
        return chosen.stream().sorted(cmp).toList();
    }

    private boolean verifies(CandidateSentence c, Map<String, String> texts) {
        return !verified(List.of(citation(1, c)), texts).isEmpty();
    }

    /** The citations that pass the one quote verifier (renumbered 1..n by it). */
    private List<Citation> verified(List<Citation> citations, Map<String, String> texts) {
        Draft draft = new Draft(true, "", citations, List.of(), List.of(), List.of());
        return verifier.verify(draft, id -> Optional.ofNullable(
                texts.computeIfAbsent(id, k -> index.document(k).map(Document::text).orElse(null)))).citations();
    }

    private static Citation citation(int n, CandidateSentence c) {
        return new Citation(n, c.doc().id(), c.doc().title(), c.doc().outlet(),
                c.doc().date() == null ? null : c.doc().date().toString(), c.text(),
                c.sentence().start(), c.sentence().end(), c.sentence().speaker());
    }

    /** The topic with the other language's names of the people, places and organizations it names ("Russia" → روسيا). */
    private String expand(String topic) {
        StringBuilder q = new StringBuilder(topic);
        Set<String> added = new LinkedHashSet<>();
        for (Gazetteer.Entity e : gazetteer.find(topic)) {
            added.add(e.arabic());
            added.add(e.english());
        }
        added.forEach(w -> q.append(' ').append(w));
        return q.toString();
    }

    /** The outlet's name as the index spells it ("bbc" → "BBC"), or as given when none matches. */
    private String outletAsIndexed(String outlet) {
        String wanted = outlet.strip();
        return index.stats().outlets().keySet().stream()
                .filter(o -> o.equalsIgnoreCase(wanted))
                .findFirst().orElse(wanted);
    }

    private static String filtersText(BriefRequest r, BriefTemplates t) {
        List<String> parts = new ArrayList<>();
        if (r.since() != null) {
            parts.add(t.format("filter.since", Map.of("date", r.since())));
        }
        if (r.until() != null) {
            parts.add(t.format("filter.until", Map.of("date", r.until())));
        }
        if (r.outlet() != null) {
            parts.add(t.format("filter.outlet", Map.of("outlet", r.outlet())));
        }
        return parts.isEmpty() ? "" : t.format("empty.filters", Map.of("filters", t.list(parts)));
    }

    /**
     * Notes where points from one document give different dates for what reads as the same event
     * (they share content words): the sample's "26 الشهر الجاري" and "29 شباط/ فبراير".
     */
    private void dateNotes(List<BriefPoint> points, BriefTemplates t, Language lang, List<String> notes, List<Conflict> conflicts) {
        DateParser parser = new DateParser();
        Map<Integer, Set<LocalDate>> mentioned = new LinkedHashMap<>();
        Map<Integer, Set<String>> terms = new HashMap<>();
        for (BriefPoint p : points) {
            Citation c = p.lead();
            LocalDate ref = c.date() == null ? null : LocalDate.parse(c.date());
            Set<LocalDate> ds = new LinkedHashSet<>();
            for (DateMatch m : parser.findAll(c.quote(), ref)) {
                if (m.date() != null && !m.date().equals(ref)) {
                    ds.add(m.date());
                }
            }
            if (!ds.isEmpty()) {
                mentioned.put(p.n(), ds);
                Set<String> words = new HashSet<>(index.analyzers().bodyTerms(Language.AR, c.quote()));
                words.addAll(index.analyzers().bodyTerms(Language.EN, c.quote()));
                words.removeIf(w -> w.chars().allMatch(Character::isDigit));
                terms.put(p.n(), words);
            }
        }
        Set<Integer> noted = new HashSet<>();
        for (BriefPoint a : points) {
            if (!mentioned.containsKey(a.n()) || noted.contains(a.n())) {
                continue;
            }
            List<BriefPoint> group = new ArrayList<>(List.of(a));
            for (BriefPoint b : points) {
                if (b.n() > a.n() && mentioned.containsKey(b.n()) && !noted.contains(b.n())
                        && b.lead().docId().equals(a.lead().docId())
                        && !mentioned.get(b.n()).equals(mentioned.get(a.n()))
                        && shared(terms.get(a.n()), terms.get(b.n())) >= 2) {
                    group.add(b);
                }
            }
            if (group.size() > 1) {
                List<String> items = new ArrayList<>();
                List<Integer> cited = new ArrayList<>();
                for (BriefPoint p : group) {
                    noted.add(p.n());
                    cited.add(p.lead().n());
                    for (LocalDate d : mentioned.get(p.n())) {
                        items.add(t.format("note.date", Map.of("n", p.lead().n(), "date", formatDate(d, lang))));
                    }
                }
                String note = t.format("note.dates", Map.of("dates", t.list(items)));
                notes.add(note);
                conflicts.add(new Conflict("date", cited, note));
            }
        }
    }

    private static int shared(Set<String> a, Set<String> b) {
        int n = 0;
        for (String w : a) {
            if (b.contains(w)) {
                n++;
            }
        }
        return n;
    }

    static String periodText(Period p, BriefTemplates t, Language lang) {
        if (p == null || !p.known()) {
            return t.text("period.unknown");
        }
        if (p.from().equals(p.to())) {
            return t.format("period.single", Map.of("date", formatDate(LocalDate.parse(p.from()), lang)));
        }
        return t.format("period.range", Map.of("from", formatDate(LocalDate.parse(p.from()), lang),
                "to", formatDate(LocalDate.parse(p.to()), lang)));
    }

    static String formatDate(LocalDate d, Language lang) {
        return d.format(DateTimeFormatter.ofPattern("d MMMM yyyy", lang == Language.AR ? Locale.of("ar") : Locale.ENGLISH));
    }

    private static Language framing(Language forced, Language detected) {
        if (forced == Language.AR || forced == Language.EN) {
            return forced;
        }
        return detected == Language.AR ? Language.AR : Language.EN;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** A topic as framing shows it: one line, at most {@link #SHOWN_TOPIC_CHARS} characters. */
    private static String shortened(String topic) {
        String line = oneLine(topic);
        return line.length() <= SHOWN_TOPIC_CHARS ? line : line.substring(0, SHOWN_TOPIC_CHARS).strip() + "…";
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
