package org.isnad.brief;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import org.isnad.answer.Answer;
import org.isnad.answer.Citation;
import org.isnad.answer.Conflict;

/**
 * A briefing, independent of how it is shown: {@link BriefRenderer} makes plain text of it, the bot
 * makes HTML. When {@code found} is false there are no points and {@code message} says why in the
 * framing language (an empty topic, nothing matching, an unknown document).
 *
 * @param subject   the topic, or "doc:ID"
 * @param language  framing language code ("ar" or "en")
 * @param found     whether there is anything to brief on
 * @param message   why there is no briefing (when {@code found} is false), else null
 * @param headline  one line
 * @param points    3 to 8 points, ordered by date and importance
 * @param facts     who, where, when
 * @param period    the dates the cited sources span
 * @param notes     framing remarks, such as sources that differ on a date
 * @param conflicts the same disagreements by citation number, as in answers
 * @param mode      "extractive"
 * @param latencyMs time to build it
 */
@JsonPropertyOrder({"subject", "language", "found", "message", "headline", "points", "facts", "period", "notes", "conflicts", "mode", "latencyMs"})
public record Briefing(
        String subject,
        String language,
        boolean found,
        @JsonInclude(JsonInclude.Include.NON_NULL) String message,
        String headline,
        List<BriefPoint> points,
        KeyFacts facts,
        Period period,
        List<String> notes,
        List<Conflict> conflicts,
        String mode,
        long latencyMs) {

    public Briefing {
        points = List.copyOf(points);
        notes = List.copyOf(notes);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }

    static Briefing nothing(String subject, String language, String message, long latencyMs) {
        return new Briefing(subject, language, false, message, null, List.of(), null, null, List.of(), List.of(), "extractive", latencyMs);
    }

    /**
     * The briefing as an entry of the answer log (kind "briefing" is the caller's {@code AnswerEvent}):
     * the subject as the question, {@code text} (the rendered briefing, or the message) as the answer,
     * every point's citations.
     */
    public Answer asLogEntry(String text) {
        return new Answer(subject, language, found, found ? text : message, citations(), conflicts, mode, latencyMs,
                List.of(), notes);
    }

    /** Every citation of every point, in order of their numbers. */
    public List<Citation> citations() {
        List<Citation> all = new ArrayList<>();
        points.forEach(p -> all.addAll(p.citations()));
        return all;
    }
}
