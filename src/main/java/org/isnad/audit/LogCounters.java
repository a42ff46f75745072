package org.isnad.audit;

/**
 * The figures on top of the review page. Rates are over every entry in the log (retention bounds it)
 * and are 0 when the log is empty.
 *
 * @param answersToday   entries since midnight (UTC) today
 * @param total          entries in the log
 * @param unanswered     entries whose sources did not support an answer
 * @param down           entries with 👎 feedback
 * @param withFeedback   entries with any feedback
 * @param unreviewed     entries no moderator has looked at yet
 */
public record LogCounters(long answersToday, long total, long unanswered, long down, long withFeedback, long unreviewed) {

    /** Unanswered entries over all entries. */
    public double unansweredRate() {
        return total == 0 ? 0 : (double) unanswered / total;
    }

    /** 👎 over all entries that got feedback. */
    public double downRate() {
        return withFeedback == 0 ? 0 : (double) down / withFeedback;
    }
}
