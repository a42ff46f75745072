package org.isnad.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.isnad.archive.Passage;
import org.isnad.index.DocInfo;
import org.isnad.index.PassageHit;
import org.isnad.text.Language;
import org.isnad.text.Sentence;
import org.junit.jupiter.api.Test;

/**
 * The selector's decisions on hand-made evidence: when a question is answered at all (confidence,
 * the question's numbers), which document answers, and what a WHY question quotes.
 */
class EvidenceSelectorTest {

    private final EvidenceSelector selector = new EvidenceSelector(4);

    private static Question question(QuestionType type, String... labels) {
        List<TermGroup> groups = java.util.Arrays.stream(labels)
                .map(l -> new TermGroup(l, List.of(), List.of(List.of(l.toLowerCase())), false)).toList();
        return new Question(String.join(" ", labels) + "?", String.join(" ", labels), Language.EN, type, groups);
    }

    /** Sentence {@code n} of document {@code doc}, measured as given. */
    private static Evidence sentence(String doc, int n, double own, double ownRare, double nearRare, double rare,
                                     double fit, boolean numbers) {
        return sentence(doc, n, own, ownRare, nearRare, rare, Math.max(own, rare), fit, numbers);
    }

    private static Evidence sentence(String doc, int n, double own, double ownRare, double nearRare, double rare,
                                     double context, double fit, boolean numbers) {
        return sentence(doc, null, n, own, ownRare, nearRare, rare, context, fit, numbers);
    }

    private static Evidence sentence(String doc, java.time.LocalDate date, int n, double own, double ownRare, double nearRare,
                                     double rare, double context, double fit, boolean numbers) {
        Sentence s = new Sentence(n * 100, n * 100 + 90, n, null);
        Passage p = new Passage(doc, n, n, s.start(), s.end(), List.of(s));
        PassageHit hit = new PassageHit(p, "x".repeat(90), new DocInfo(doc, null, date, null, null, Language.EN), 1f);
        return new Evidence(hit, s, doc + " sentence " + n + " " + "w".repeat(n), own, 0, context, numbers, fit, 1.0, 0,
                List.of(), rare, ownRare, nearRare);
    }

    @Test
    void aSentenceBelowTheConfidenceThresholdIsNotEvidence() {
        double justBelow = EvidenceSelector.MIN_CONFIDENCE - 0.01;
        Evidence weak = sentence("a", 1, 0.6, justBelow / 2, 0, justBelow / 2, 0, true);
        assertThat(weak.confidence()).isLessThan(EvidenceSelector.MIN_CONFIDENCE);
        assertThat(selector.choose(question(QuestionType.WHAT, "capital", "peru", "city"), List.of(weak))).isEmpty();

        Evidence enough = sentence("a", 1, 0.6, 0.5, 0, 0.5, 0, true);
        assertThat(selector.choose(question(QuestionType.WHAT, "capital", "peru", "city"), List.of(enough)))
                .containsExactly(enough);
    }

    @Test
    void aConfidentSentenceWithoutTheQuestionsNumberIsNotEvidence() {
        // "Who won the contest in 1998?" is not answered by a report of wins that never says 1998
        Evidence noYear = sentence("a", 1, 0.7, 0.6, 0, 0.6, 1, false);
        assertThat(noYear.confidence()).isGreaterThan(EvidenceSelector.MIN_CONFIDENCE);
        assertThat(selector.choose(question(QuestionType.WHO, "won", "contest", "1998"), List.of(noYear))).isEmpty();
    }

    @Test
    void theDocumentHoldingTheBestSentenceAnswersNotTheOneRepeatingTheTopic() {
        Evidence best = sentence("answers", 1, 1.0, 1.0, 0, 1.0, 0, true);
        List<Evidence> topical = List.of(
                sentence("topical", 1, 0.8, 0.5, 0, 0.9, 0, true),
                sentence("topical", 2, 0.8, 0.5, 0, 0.9, 0, true),
                sentence("topical", 3, 0.8, 0.5, 0, 0.9, 0, true));
        List<Evidence> all = new java.util.ArrayList<>(topical);
        all.add(best);
        List<Evidence> chosen = selector.choose(question(QuestionType.WHAT, "treaty", "signed", "maastricht"), all);
        assertThat(chosen).isNotEmpty();
        assertThat(chosen).allMatch(e -> e.docId().equals("answers"));
        assertThat(chosen.get(0)).isSameAs(best);
    }

    @Test
    void aWhyQuestionQuotesTheStatedReasonNextToTheConfidentSentence() {
        Evidence restates = sentence("a", 1, 1.0, 1.0, 0, 1.0, 0, true);
        // states the reason without repeating the question's words: not confident on its own
        Evidence reason = sentence("a", 2, 0.0, 0.0, 0.2, 0.4, 0.7, 1, true);
        assertThat(reason.confidence()).isLessThan(EvidenceSelector.MIN_CONFIDENCE);
        List<Evidence> chosen = selector.choose(question(QuestionType.WHY, "moscow", "host", "talks"), List.of(restates, reason));
        assertThat(chosen.get(0)).isSameAs(reason);
    }

    @Test
    void aWhyQuestionWithNoStatedReasonQuotesTheConfidentSentence() {
        Evidence restates = sentence("a", 1, 1.0, 1.0, 0, 1.0, 0, true);
        assertThat(selector.choose(question(QuestionType.WHY, "moscow", "host", "talks"), List.of(restates)))
                .containsExactly(restates);
    }

    @Test
    void ofTwoDocumentsAnsweringAboutEquallyWellTheNewerAnswers() {
        Question q = question(QuestionType.WHO, "invited", "russia", "moscow");
        Evidence older = sentence("2018", java.time.LocalDate.of(2018, 10, 16), 1, 1.0, 1.0, 0, 1.0, 1.0, 1, true);
        Evidence newer = sentence("2024", java.time.LocalDate.of(2024, 2, 20), 1, 0.95, 0.95, 0, 1.0, 1.0, 1, true);
        assertThat(older.score()).isGreaterThan(newer.score());
        assertThat(selector.choose(q, List.of(older, newer)).get(0)).isSameAs(newer);

        // a clearly better answer is not outranked by a newer, weaker one
        Evidence weakNewer = sentence("2024", java.time.LocalDate.of(2024, 2, 20), 1, 0.5, 0.5, 0, 1.0, 1.0, 1, true);
        assertThat(selector.choose(q, List.of(older, weakNewer)).get(0)).isSameAs(older);
    }

    @Test
    void aDecidedDocumentIsQuotedWholeItsDecidingSentenceFirst() {
        Question q = question(QuestionType.HOW_MANY, "vote", "morocco", "2026");
        // the sentence that restates the question decided; the one with the count shares little of it
        Evidence restates = sentence("d", 1, 0.9, 0.8, 0, 0.8, 0.9, 1.0, true);
        Evidence other = sentence("d", 2, 0.6, 0.5, 0, 0.6, 0.7, 0.0, true);
        Evidence counts = sentence("d", 3, 0.2, 0.15, 0, 0.3, 0.3, 1.0, true);
        Evidence unrelated = sentence("d", 4, 0.0, 0.0, 0, 0.0, 0.0, 0.0, true);
        List<Evidence> quotes = selector.fromWholeDocument(q, List.of(other, counts, unrelated, restates), 100);
        assertThat(quotes.get(0)).isSameAs(restates);
        assertThat(quotes).contains(counts).doesNotContain(unrelated);
        // no deciding sentence given: the best by score leads
        assertThat(selector.fromWholeDocument(q, List.of(other, counts, restates), -1).get(0)).isSameAs(restates);
    }

    @Test
    void aFurtherPartOfTheQuestionGetsASentenceOfItsShape() {
        Question whoAndWhen = new Question("who and when", "who vote and when", Language.EN, QuestionType.WHO,
                question(QuestionType.WHO, "vote").groups(), List.of(QuestionType.WHO, QuestionType.WHEN));
        Evidence names = sentence("d", 1, 0.9, 0.8, 0, 0.8, 0.9, 1.0, true);
        Evidence a = sentence("d", 2, 0.8, 0.7, 0, 0.8, 0.8, 1.0, true);
        Evidence b = sentence("d", 3, 0.8, 0.7, 0, 0.8, 0.8, 1.0, true);
        Evidence c = sentence("d", 4, 0.8, 0.7, 0, 0.8, 0.8, 1.0, true);
        Sentence s = new Sentence(500, 590, 5, null);
        Passage p = new Passage("d", 5, 5, s.start(), s.end(), List.of(s));
        PassageHit hit = new PassageHit(p, "x".repeat(90), new DocInfo("d", null, null, null, null, Language.EN), 1f);
        Evidence dated = new Evidence(hit, s, "It met on 26 February 2024.", 0.3, 0, 0.3, true, 0, 1.0, 0,
                List.of(new org.isnad.text.DateMatch(java.time.LocalDate.of(2024, 2, 26), 510, 526)), 0.3, 0.2, 0);
        List<Evidence> quotes = selector.fromWholeDocument(whoAndWhen, List.of(names, a, b, c, dated), 100);
        assertThat(quotes).hasSize(4).contains(dated);
        assertThat(quotes.get(1)).isSameAs(dated);
    }
}
