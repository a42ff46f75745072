package org.isnad.answer;

import java.util.List;
import org.isnad.text.Language;

/**
 * An analyzed question. {@code text} is what was asked (as received), {@code analyzed} the cleaned,
 * length-capped text the analysis used, {@code language} the language the answer is framed in,
 * {@code groups} the key terms and entities with their translations and variants as index terms.
 */
public record Question(
        String text,
        String analyzed,
        Language language,
        QuestionType type,
        List<TermGroup> groups) {

    public Question {
        groups = List.copyOf(groups);
    }

    /** Labels of the content words (names included). */
    public List<String> keyTerms() {
        return groups.stream().map(TermGroup::label).toList();
    }

    /** Labels of the names (people, organizations, places). */
    public List<String> entities() {
        return groups.stream().filter(TermGroup::entity).map(TermGroup::label).toList();
    }

    public double totalWeight() {
        return groups.stream().mapToDouble(TermGroup::weight).sum();
    }
}
