package org.isnad.answer;

import java.util.List;

/**
 * What the evidence of one candidate document says about whether it answers the question; the
 * {@link AnswerabilityModel} reads nothing else. Shares are rarity-weighted (each of the question's
 * term groups weighs as its inverse document frequency) and taken over the whole question, so a
 * group with no translation into the document's language counts as missing.
 *
 * @param docId the candidate document
 * @param sentenceCover the share of the question its best sentence holds
 * @param contextCover the share that sentence's context holds (neighbours, passage, title)
 * @param documentCover the share the whole document (title and text) holds
 * @param distinctiveCover the share of the question's two rarest groups (what sets it apart from
 *        other questions on the topic: the year, the person, the prize category) the document holds
 * @param translatable the share of the question that can be looked for in the document's language
 *        (1 for a document in the question's language)
 * @param crossLanguage 1 when the document is not in the question's language
 * @param typeFit how well the best-fitting confident sentence fits the question's type (0–1)
 * @param retrieval the document's best passage score relative to the best of all candidates
 * @param margin the best sentence's confidence minus the best confidence of any other document
 * @param numbersPresent 1 when every number of the question is in the best sentence's context
 * @param questionSize the number of the question's term groups, log-scaled: ln(1 + groups)
 */
public record DocumentFeatures(
        String docId,
        double sentenceCover,
        double contextCover,
        double documentCover,
        double distinctiveCover,
        double translatable,
        double crossLanguage,
        double typeFit,
        double retrieval,
        double margin,
        double numbersPresent,
        double questionSize) {

    /** The names of {@link #vector()}'s entries, in order (the model's weights follow them). */
    public static final List<String> NAMES = List.of("sentenceCover", "contextCover", "documentCover", "distinctiveCover",
            "translatable", "crossLanguage", "typeFit", "retrieval", "margin", "numbersPresent", "questionSize");

    public double[] vector() {
        return new double[] {sentenceCover, contextCover, documentCover, distinctiveCover, translatable, crossLanguage,
                typeFit, retrieval, margin, numbersPresent, questionSize};
    }

    public DocumentFeatures withMargin(double m) {
        return new DocumentFeatures(docId, sentenceCover, contextCover, documentCover, distinctiveCover, translatable,
                crossLanguage, typeFit, retrieval, m, numbersPresent, questionSize);
    }
}
