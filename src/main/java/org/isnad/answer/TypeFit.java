package org.isnad.answer;

import java.util.List;
import java.util.regex.Pattern;
import org.isnad.text.DateMatch;

/**
 * How well a sentence fits what the question asks for, from 0 (not at all) to 1: names of people and
 * organizations for WHO, a date for WHEN, a place for WHERE, a cause or purpose for WHY, a number for
 * HOW MANY. Other types have no shape to fit (0).
 */
public final class TypeFit {

    /** An Arabic cue word: at a word start (after an optional و ف ب ل), with an optional pronoun suffix. */
    private static String arabicCues(String cues) {
        return "(?<!\\p{L})[وفبل]?(?:" + cues + ")(?:ها|هم|ه|نا|هما)?(?!\\p{L})";
    }

    private static final Pattern STRONG_CAUSE = Pattern.compile(
            arabicCues("لأن|لان|لأنه|بسبب|سبب|أسباب|اسباب|دوافع|دافع|الدافع|الدوافع|يهدف|تهدف|بهدف|أجل|اجل|لكي|كي"
                    + "|نتيجة|خلفية|ذريعة|بذريعة|محاولة|سعيا|سعياً|الأسباب|السبب|بمناسبة|إطار|اطار|احتفالا|احتفالاً"
                    + "|تكريما|تكريماً|إحياء|احياء")
                    + "|\\b(?:because|reasons?|aims? to|aimed at|in order to|motives?|motivated|so that|due to|owing to|purpose|goal"
                    + "|in an attempt|in a bid|seeking to|seeks to|intended to|the aim|argued|argues|arguing|citing"
                    + "|to mark|to celebrate|to commemorate|in hono(?:u)?r of|on the occasion of|to promote|for promoting|as part of)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern WEAK_CAUSE = Pattern.compile(
            // "الهدف" is an aim, but in a match report a goal scored: a hint, not a stated reason
            arabicCues("لذا|لذلك|لهذا|الهدف|هدف") + "|\\b(?:so|therefore|attempt|hence|thus)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![0-9٠-٩۰-۹])[0-9٠-٩۰-۹]+(?:[.,٫][0-9٠-٩۰-۹]+)?|عشرات|مئات|آلاف|ألف|الف|مليون|ملايين|مليار|اثنان|اثنين|ثلاث|أربع|خمس|ست |سبع|ثمان|تسع|عشر"
                    + "|\\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?|billions?)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final DateMentions dates;

    public TypeFit(DateMentions dates) {
        this.dates = dates;
    }

    /**
     * @param names people and organizations named in the sentence but not in the question
     * @param places places named in the sentence but not in the question
     * @param found the sentence's full dates (dateline excluded), offsets within {@code sentence}
     */
    public double fit(QuestionType type, String sentence, int names, int places, List<DateMatch> found) {
        return switch (type) {
            case WHO -> Math.min(1.0, names / 2.0);
            case WHEN -> !found.isEmpty() ? 1.0 : dates.hasTimeWords(sentence) ? 0.4 : 0.0;
            case WHERE -> places > 0 ? 1.0 : 0.0;
            case WHY -> STRONG_CAUSE.matcher(sentence).find() ? 1.0 : WEAK_CAUSE.matcher(sentence).find() ? 0.5 : 0.0;
            case HOW_MANY -> hasNumber(sentence, found) ? 1.0 : 0.0;
            default -> 0.0;
        };
    }

    /** A number that is not part of one of the sentence's full dates ("20 February 2024" counts nothing). */
    private static boolean hasNumber(String sentence, List<DateMatch> found) {
        var m = NUMBER.matcher(sentence);
        while (m.find()) {
            int at = m.start();
            if (found.stream().noneMatch(d -> at >= d.start() && at < d.end())) {
                return true;
            }
        }
        return false;
    }
}
