package org.isnad.answer;

import java.util.ArrayList;
import java.util.List;
import org.isnad.index.PassageHit;
import org.isnad.text.Language;

/**
 * The default, offline answerer: retrieve passages, measure their sentences against the question,
 * choose the quotes, state dates (and where the sources differ), frame it all from the templates.
 * Every word of evidence it shows is cut from the stored text by offsets.
 */
public final class ExtractiveAnswerer implements Answerer {

    private final PassageRetriever retriever;
    private final EvidenceScorer scorer;
    private final EvidenceSelector selector;
    private final QuoteTrimmer trimmer;
    private final SpeakerFinder speakers = new SpeakerFinder();
    private final AnswerWriter writer;
    private final DateMentions dates;
    private final NameMatcher names;
    private final AnswerabilityModel model;

    public ExtractiveAnswerer(PassageRetriever retriever, EvidenceScorer scorer, EvidenceSelector selector,
                              QuoteTrimmer trimmer, AnswerWriter writer, DateMentions dates, NameMatcher names) {
        this(retriever, scorer, selector, trimmer, writer, dates, names, null);
    }

    public ExtractiveAnswerer(PassageRetriever retriever, EvidenceScorer scorer, EvidenceSelector selector,
                              QuoteTrimmer trimmer, AnswerWriter writer, DateMentions dates, NameMatcher names,
                              AnswerabilityModel model) {
        this.model = model; // null: the confidence gate decides (the default until the fitted decision keeps the sample's answers)
        this.retriever = retriever;
        this.scorer = scorer;
        this.selector = selector;
        this.trimmer = trimmer;
        this.writer = writer;
        this.dates = dates;
        this.names = names;
    }

    public PassageRetriever retriever() {
        return retriever;
    }

    @Override
    public String mode() {
        return "extractive";
    }

    @Override
    public Draft answer(Question asked, DocumentTexts texts) {
        Retrieved r = retrieve(asked);
        Question q = r.question();
        List<PassageHit> hits = r.hits();
        List<Candidate> candidates = hits.stream()
                .map(h -> new Candidate(h.doc().id(), h.passage().start(), h.passage().end(), h.score())).toList();
        List<String> notes = new ArrayList<>();
        notes.add("type=" + q.type() + " terms=" + q.keyTerms() + " entities=" + q.entities());
        if (hits.isEmpty()) {
            notes.add("no passage matched");
            return Draft.notAnswered(writer.notAnswered(q), candidates, notes);
        }
        List<Evidence> chosen = model == null ? chooseByConfidence(q, hits, texts, notes) : chooseByModel(q, hits, texts, notes);
        if (chosen.isEmpty()) {
            return Draft.notAnswered(writer.notAnswered(q), candidates, notes);
        }
        return drafted(q, chosen, texts, candidates, notes);
    }

    /** The confidence gate: the sentences confident enough, from the document holding the best one. */
    private List<Evidence> chooseByConfidence(Question q, List<PassageHit> hits, DocumentTexts texts, List<String> notes) {
        List<Evidence> chosen = selector.choose(q, scorer.score(q, retriever.withNeighbours(hits), texts));
        if (chosen.isEmpty()) {
            notes.add("no sentence shares enough of the question");
            return List.of();
        }
        var answering = texts.document(chosen.get(0).docId());
        if (answering.isPresent()) {
            List<TermGroup> missing = scorer.missingFrom(q, answering.get());
            if (!EvidenceScorer.coversEnough(q, missing)) {
                notes.add("the best document never mentions " + missing.stream().map(TermGroup::label).toList());
                return List.of();
            }
        }
        List<Evidence> whole = quotesOf(q, chosen.get(0).docId(), hits, texts, chosen.get(0).sentence().start());
        return whole.isEmpty() ? chosen : whole;
    }

    /** The quotes of a document decided to answer, every sentence of it measured; {@code first} (an offset, or -1) leads. */
    private List<Evidence> quotesOf(Question q, String docId, List<PassageHit> hits, DocumentTexts texts, int first) {
        return selector.fromWholeDocument(q, scorer.scoreFully(q, retriever.wholeDocument(docId, hits), texts), first);
    }

    /** The fitted decision: the ranked candidate documents, the first answering when probable enough. */
    private List<Evidence> chooseByModel(Question q, List<PassageHit> hits, DocumentTexts texts, List<String> notes) {
        EvidenceScorer.Measured measured = scorer.measure(q, retriever.withNeighbours(hits), texts);
        List<AnswerabilityModel.Judged> ranked = model.rank(measured.documents());
        ranked.stream().limit(3).forEach(j -> notes.add("candidate %s p=%.3f".formatted(j.features().docId(), j.probability())));
        if (ranked.isEmpty() || ranked.get(0).probability() < model.threshold()) {
            notes.add("no document answers with enough confidence");
            return List.of();
        }
        String answeringDoc = ranked.get(0).features().docId();
        List<Evidence> chosen = quotesOf(q, answeringDoc, hits, texts, -1);
        if (chosen.isEmpty()) {
            notes.add("no sentence shares enough of the question");
        }
        return chosen;
    }

    private Draft drafted(Question q, List<Evidence> chosen, DocumentTexts texts, List<Candidate> candidates, List<String> notes) {
        List<Citation> citations = new ArrayList<>();
        List<Language> languages = new ArrayList<>();
        for (Evidence e : chosen) {
            citations.add(citation(citations.size() + 1, e, q, texts));
            languages.add(e.hit().doc().language());
        }
        DateGroups dateGroups = q.type() == QuestionType.WHEN ? DateGroups.of(chosen, citations) : null;
        List<Conflict> conflicts = new ArrayList<>();
        if (dateGroups != null && dateGroups.differ()) {
            List<Integer> cited = dateGroups.groups().stream().flatMap(g -> g.citations().stream()).sorted().toList();
            conflicts.add(new Conflict("date", cited, writer.conflictNote(q.language(), dateGroups)));
        }
        String numbersNote = null;
        if (q.type() == QuestionType.HOW_MANY) {
            NumberGroups numbers = NumberGroups.of(chosen, citations);
            if (numbers.differ()) {
                List<Integer> cited = numbers.groups().stream().flatMap(g -> g.citations().stream()).sorted().toList();
                numbersNote = writer.numbersConflict(q.language(), numbers);
                conflicts.add(new Conflict("number", cited, numbersNote));
            }
        }
        String text = writer.answer(q, citations, languages, dateGroups, numbersNote);
        return new Draft(true, text, citations, conflicts, candidates, notes);
    }

    /**
     * The candidate documents' features for a question, as the decision sees them (for fitting the
     * {@link AnswerabilityModel}); empty when nothing matched.
     */
    public List<DocumentFeatures> candidates(Question asked, DocumentTexts texts) {
        Retrieved r = retrieve(asked);
        return r.hits().isEmpty() ? List.of() : scorer.measure(r.question(), retriever.withNeighbours(r.hits()), texts).documents();
    }

    /** The question as searched (its names possibly widened) and the passages found for it. */
    private record Retrieved(Question question, List<PassageHit> hits) {}

    private Retrieved retrieve(Question asked) {
        List<PassageHit> hits = retriever.retrieve(asked);
        if (!NameMatcher.untranslated(asked).isEmpty() && !hits.isEmpty()) {
            // Latin names the glossary lacks: learn their Arabic spelling from the passages, search again.
            Question widened = names.widen(asked, retriever.withNeighbours(hits));
            if (!widened.equals(asked)) {
                return new Retrieved(widened, retriever.retrieve(widened));
            }
        }
        return new Retrieved(asked, hits);
    }

    private Citation citation(int n, Evidence e, Question q, DocumentTexts texts) {
        PassageHit h = e.hit();
        int[] span = trimmer.trim(e.text(), q, h.doc().language());
        int start = e.sentence().start() + span[0];
        int end = e.sentence().start() + span[1];
        String quote = e.text().substring(span[0], span[1]);
        String speaker = texts.text(h.doc().id()).map(t -> speakers.speaker(e.sentence(), t)).orElse(e.sentence().speaker());
        String date = h.doc().date() != null ? h.doc().date().toString() : dateline(h.doc().id(), texts);
        return new Citation(n, h.doc().id(), h.doc().title(), h.doc().outlet(), date, quote, start, end, speaker);
    }

    private String dateline(String docId, DocumentTexts texts) {
        var d = texts.referenceDate(docId, dates);
        return d == null ? null : d.toString();
    }
}
