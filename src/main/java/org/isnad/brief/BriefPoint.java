package org.isnad.brief;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.isnad.answer.Citation;

/**
 * One point of a briefing: a verified verbatim quote (the first citation) and, when other outlets
 * carried the same news, their matching quotes. {@code outlets} lists every outlet that carried it.
 *
 * @param n          the point's number, from 1
 * @param date       the (first) source's date, ISO, or null
 * @param citations  verified quotes; the first is the point's quote
 * @param outlets    the outlets that carried this news, first source first
 * @param importance the ranking score (for the log and ties, not shown)
 */
@JsonPropertyOrder({"n", "date", "citations", "outlets"})
public record BriefPoint(int n, String date, List<Citation> citations, List<String> outlets, @JsonIgnore double importance) {

    public BriefPoint {
        citations = List.copyOf(citations);
        outlets = List.copyOf(outlets);
    }

    /** The point's own quote (the first citation). */
    public Citation lead() {
        return citations.getFirst();
    }

    /** The lead quote's text. */
    public String quote() {
        return lead().quote();
    }
}
