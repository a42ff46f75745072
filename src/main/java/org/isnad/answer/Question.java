package org.isnad.answer;

import java.util.List;
import org.isnad.text.Language;

/**
 * An analyzed question. {@code text} is what was asked (as received), {@code analyzed} the cleaned,
 * length-capped text the analysis used, {@code language} the language the answer is framed in,
 * {@code groups} the key terms and entities with their translations and variants as index terms,
 * {@code parts} what it asks for in order: its type first, then each further question word a
 * conjunction introduces ("who … and when?" is WHO, WHEN).
 */
public record Question(
        String text,
        String analyzed,
        Language language,
        QuestionType type,
        List<TermGroup> groups,
        List<QuestionType> parts) {

    public Question {
        groups = List.copyOf(groups);
        parts = parts == null || parts.isEmpty() ? List.of(type) : List.copyOf(parts);
    }

    /** A question of one part, its type. */
    public Question(String text, String analyzed, Language language, QuestionType type, List<TermGroup> groups) {
        this(text, analyzed, language, type, groups, List.of(type));
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
