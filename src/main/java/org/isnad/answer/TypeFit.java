package org.isnad.answer;

import java.util.List;
import java.util.regex.Pattern;
import org.isnad.text.CueLexicon;
import org.isnad.text.DateMatch;
import org.isnad.text.Language;

/**
 * How well a sentence fits what the question asks for, from 0 (not at all) to 1: names of people and
 * organizations for WHO, a date for WHEN, a place for WHERE, a cause or purpose for WHY, a number for
 * HOW MANY. Other types have no shape to fit (0). Reason cues come from the {@link CueLexicon}.
 */
public final class TypeFit {

    private static final Pattern STRONG_CAUSE = CueLexicon.inEither(
            CueLexicon.of(Language.AR).statesReason(), CueLexicon.of(Language.EN).statesReason());
    private static final Pattern WEAK_CAUSE = CueLexicon.inEither(
            CueLexicon.of(Language.AR).hintsReason(), CueLexicon.of(Language.EN).hintsReason());
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

    /**
     * Whether a sentence has the shape a further part of a question asks for, where that shape needs
     * no names: a full date for WHEN, a stated reason for WHY, a number for HOW MANY.
     *
     * @param found the sentence's full dates, offsets within {@code sentence}
     */
    public static boolean fitsPart(QuestionType part, String sentence, List<DateMatch> found) {
        return switch (part) {
            case WHEN -> !found.isEmpty();
            case WHY -> STRONG_CAUSE.matcher(sentence).find();
            case HOW_MANY -> hasNumber(sentence, found);
            default -> false;
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
