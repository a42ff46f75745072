package org.isnad.answer;

import java.util.List;
import java.util.Set;

/**
 * One content word or phrase of a question with its alternatives, already analyzed into index terms:
 * {@code arabic} for Arabic text (body_ar terms), {@code english} for English text (body_en terms).
 * Each alternative is a list of terms that must all occur. Evidence "shares" the group when any
 * alternative occurs. {@code entity} marks names (people, organizations, places).
 */
public record TermGroup(String label, List<List<String>> arabic, List<List<String>> english, boolean entity) {

    public TermGroup {
        arabic = arabic.stream().filter(a -> !a.isEmpty()).map(List::copyOf).distinct().toList();
        english = english.stream().filter(a -> !a.isEmpty()).map(List::copyOf).distinct().toList();
    }

    public double weight() {
        return entity ? 1.5 : 1.0;
    }

    /** True when some alternative has all its terms in {@code terms}. */
    public boolean matches(Set<String> terms) {
        return any(arabic, terms) || any(english, terms);
    }

    private static boolean any(List<List<String>> alternatives, Set<String> terms) {
        for (List<String> alt : alternatives) {
            if (terms.containsAll(alt)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return arabic.isEmpty() && english.isEmpty();
    }
}
