package org.isnad.answer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isnad.text.DateMatch;
import org.isnad.text.DateParser;

/**
 * Finds the dates a sentence states, relative ones resolved against the document's date. Uses the
 * text package's {@link DateParser#findAll} and, where it finds nothing, a small reader of its own
 * for the forms news uses ("26 الشهر الجاري", "29 شباط/ فبراير", "فبراير ۲۰، ۲۰۲٤", "February 29").
 */
public final class DateMentions {

    /** Dates within this many characters of the start of a document are its dateline, not a fact. */
    static final int DATELINE_CHARS = 40;

    private static final String D = "[0-9٠-٩۰-۹]";
    private static final Map<String, Integer> MONTHS = months();
    private static final String MONTH = MONTHS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote).reduce((a, b) -> a + "|" + b).orElseThrow();
    private static final String M = "(" + MONTH + ")(?!\\p{L})(?:\\s*/\\s*(?:" + MONTH + ")(?!\\p{L}))?";
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?<![0-9٠-٩۰-۹])(" + D + "{1,2})(?:st|nd|rd|th)?\\s+(?:من\\s+|of\\s+)?(?:شهر\\s+)?" + M
                    + "(?:\\s*[،,]?\\s*(?:عام\\s+|سنة\\s+)?(" + D + "{4}))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTH_DAY = Pattern.compile(
            M + "\\s+(" + D + "{1,2})(?:st|nd|rd|th)?(?![0-9٠-٩۰-۹])(?:\\s*[،,]?\\s*(" + D + "{4}))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DAY_THIS_MONTH = Pattern.compile(
            "(?<![0-9٠-٩۰-۹])(" + D + "{1,2})\\s+(?:من\\s+)?(?:ال)?شهر\\s+(?:ال)?(جاري|حالي|مقبل|قادم|ماضي)");
    private static final Pattern ISO = Pattern.compile("(?<![0-9])(\\d{4})-(\\d{2})-(\\d{2})(?![0-9])");
    private static final Pattern TIME_WORDS = Pattern.compile(
            "(?:\\b(?:today|tomorrow|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
                    + "|next week|last week|next month|last month|this week|this month)\\b"
                    + "|اليوم|غدا|غدًا|أمس|الأمس|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد"
                    + "|الأسبوع المقبل|الأسبوع الماضي|الشهر المقبل|الشهر الماضي|الشهر الجاري|العام المقبل|العام الماضي)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern YEAR = Pattern.compile("(?<![0-9])(19|20)\\d{2}(?![0-9])");

    private final DateParser parser = new DateParser();

    /**
     * Every full date in {@code text}; {@code reference} (nullable) supplies missing years and months.
     * Only dates to the day: "في عام 2016" or "أيلول/سبتمبر 2017" state a year or a month, and
     * counting them as 1 January or 1 September would claim conflicts the sources do not have.
     */
    public List<DateMatch> findAll(String text, LocalDate reference) {
        List<DateMatch> fromText;
        try {
            fromText = parser.findMentions(text, reference).stream()
                    .filter(d -> d.precision() == org.isnad.text.DateMention.Precision.DAY)
                    .map(org.isnad.text.DateMention::toMatch).toList();
        } catch (RuntimeException e) {
            fromText = List.of();
        }
        if (!fromText.isEmpty()) {
            return fromText;
        }
        return own(text, reference);
    }

    /** A date stated at the very start of a document's text, if any. */
    public LocalDate dateline(String documentText) {
        String head = documentText.substring(0, Math.min(documentText.length(), 200));
        int firstLineEnd = head.indexOf('\n');
        for (DateMatch m : own(head, null)) {
            boolean atStart = m.start() < DATELINE_CHARS
                    || (firstLineEnd >= 0 && m.start() > firstLineEnd && m.start() < firstLineEnd + 1 + DATELINE_CHARS);
            if (atStart) {
                return m.date();
            }
        }
        return null;
    }

    /** True when the text speaks of a time without a full date: weekdays, "yesterday", a year. */
    public boolean hasTimeWords(String text) {
        return TIME_WORDS.matcher(text).find() || YEAR.matcher(text).find();
    }

    List<DateMatch> own(String text, LocalDate reference) {
        List<DateMatch> out = new ArrayList<>();
        Matcher m = DAY_MONTH.matcher(text);
        while (m.find()) {
            add(out, m.group(3), MONTHS.get(key(m.group(2))), m.group(1), reference, m.start(), m.end());
        }
        m = MONTH_DAY.matcher(text);
        while (m.find()) {
            add(out, m.group(3), MONTHS.get(key(m.group(1))), m.group(2), reference, m.start(), m.end());
        }
        if (reference != null) {
            m = DAY_THIS_MONTH.matcher(text);
            while (m.find()) {
                LocalDate month = switch (m.group(2)) {
                    case "مقبل", "قادم" -> reference.plusMonths(1);
                    case "ماضي" -> reference.minusMonths(1);
                    default -> reference;
                };
                add(out, String.valueOf(month.getYear()), month.getMonthValue(), m.group(1), null, m.start(), m.end());
            }
        }
        m = ISO.matcher(text);
        while (m.find()) {
            add(out, m.group(1), Integer.parseInt(m.group(2)), m.group(3), null, m.start(), m.end());
        }
        out.sort(Comparator.comparingInt(DateMatch::start));
        List<DateMatch> distinct = new ArrayList<>();
        for (DateMatch d : out) {
            if (distinct.isEmpty() || d.start() >= distinct.get(distinct.size() - 1).end()) {
                distinct.add(d);
            }
        }
        return distinct;
    }

    private static void add(List<DateMatch> out, String year, Integer month, String day, LocalDate reference, int start, int end) {
        if (month == null) {
            return;
        }
        int y;
        if (year != null) {
            y = number(year);
        } else if (reference != null) {
            y = reference.getYear();
        } else {
            return;
        }
        try {
            out.add(new DateMatch(LocalDate.of(y, month, number(day)), start, end));
        } catch (DateTimeException e) {
            // "31 February" and the like: not a date
        }
    }

    private static int number(String digits) {
        int n = 0;
        for (int i = 0; i < digits.length(); i++) {
            n = n * 10 + Character.digit(digits.charAt(i), 10);
        }
        return n;
    }

    private static String key(String month) {
        return month.toLowerCase(Locale.ROOT).replace('أ', 'ا').replace('إ', 'ا').replace('آ', 'ا');
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new java.util.HashMap<>();
        String[][] names = {
            {"يناير", "كانون الثاني", "january", "jan"},
            {"فبراير", "شباط", "february", "feb"},
            {"مارس", "آذار", "اذار", "march", "mar"},
            {"أبريل", "ابريل", "إبريل", "نيسان", "april", "apr"},
            {"مايو", "أيار", "ايار", "may"},
            {"يونيو", "يونيه", "حزيران", "june", "jun"},
            {"يوليو", "يوليه", "تموز", "july", "jul"},
            {"أغسطس", "اغسطس", "آب", "اب", "august", "aug"},
            {"سبتمبر", "أيلول", "ايلول", "september", "sep", "sept"},
            {"أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول", "october", "oct"},
            {"نوفمبر", "تشرين الثاني", "november", "nov"},
            {"ديسمبر", "كانون الأول", "كانون الاول", "december", "dec"},
        };
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, i + 1);
                m.put(key(n), i + 1);
            }
        }
        return Map.copyOf(m);
    }
}
