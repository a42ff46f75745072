package org.isnad.index;

import java.time.LocalDate;
import java.util.List;
import org.isnad.text.Language;

/**
 * What to search passages for, in Isnad's terms rather than a search engine's: the question's
 * groups of alternatives (each alternative the analyzed terms of one wording: a phrase is all of its
 * terms), optionally plain words taken in every language, the languages searched, and filters. The
 * store turns it into its own query; callers never see one.
 *
 * @param groups     weighted groups; a group matches through any of its alternatives, and a word
 *                   with many translations weighs as one word
 * @param plainWords text searched as plain words in both languages (a briefing's topic), or null
 * @param language   the documents searched: {@link Language#AR}, {@link Language#EN}, or null for both
 * @param filters    date range and outlet the passages must have
 */
public record PassageQuery(List<Group> groups, String plainWords, Language language, Filters filters) {

    /** One group of a question: its weight and its alternatives in each language. */
    public record Group(double weight, List<List<String>> arabic, List<List<String>> english) {
        public Group {
            arabic = List.copyOf(arabic);
            english = List.copyOf(english);
        }
    }

    /** Date range (inclusive, either end open) and outlet (any spelling of it); nulls filter nothing. */
    public record Filters(LocalDate since, LocalDate until, String outlet) {
        public static final Filters NONE = new Filters(null, null, null);

        boolean none() {
            return since == null && until == null && outlet == null;
        }
    }

    public PassageQuery {
        groups = List.copyOf(groups);
        filters = filters == null ? Filters.NONE : filters;
    }

    /** A question's groups, searched in one language's documents (both when {@code language} is null). */
    public static PassageQuery of(List<Group> groups, Language language) {
        return new PassageQuery(groups, null, language, Filters.NONE);
    }
}
