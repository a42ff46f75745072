package org.isnad.text;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads dates in the forms news uses: ISO dates and date-times, RFC 822/1123 ("Thu, 22 Feb 2018 13:05:48
 * +0400"), English ("20 February 2024", "Feb. 20, 2024", "Friday, January 4, 2019"), Arabic with both month
 * families and combined forms ("29 شباط/ فبراير", "فبراير ۲۰، ۲۰۲٤", "الثلاثاء 20 فبراير عام 2024م"), in
 * Arabic-Indic, Persian or ASCII digits, numeric d/m/yyyy and yyyy/mm/dd, and in running text relative
 * expressions resolved against a reference date ("في 26 الشهر الجاري", "الشهر المقبل", "أمس", "yesterday",
 * "on Monday", "last week").
 *
 * <p>Matching runs on {@link ArabicNormalizer#normalizeWithMap(String)} text, so spelling variants (أ/ا, ة/ه),
 * digits and spacing need no special cases; spans are mapped back to the original offsets. Instances hold no
 * state and may be shared.
 */
public final class DateParser {

    private static final Map<String, Integer> MONTHS = new LinkedHashMap<>();
    private static final Map<String, Integer> ORDINALS = new HashMap<>();
    private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();

    static {
        String[][] months = {
            {"يناير", "جانفي", "كانون الثاني", "كانون ثاني", "january", "jan"},
            {"فبراير", "فيفري", "شباط", "february", "feb"},
            {"مارس", "اذار", "march", "mar"},
            {"ابريل", "افريل", "نيسان", "april", "apr"},
            {"مايو", "ايار", "may"},
            {"يونيو", "يونيه", "حزيران", "june", "jun"},
            {"يوليو", "يوليه", "جويليه", "تموز", "july", "jul"},
            {"اغسطس", "اب", "august", "aug"},
            {"سبتمبر", "ايلول", "september", "sept", "sep"},
            {"اكتوبر", "تشرين الاول", "تشرين اول", "october", "oct"},
            {"نوفمبر", "تشرين الثاني", "تشرين ثاني", "november", "nov"},
            {"ديسمبر", "كانون الاول", "كانون اول", "december", "dec"},
        };
        for (int m = 0; m < 12; m++) {
            for (String name : months[m]) {
                MONTHS.put(name, m + 1);
            }
        }
        String[] units = {"الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"};
        for (int i = 0; i < 9; i++) {
            ORDINALS.put(units[i], i + 1);
        }
        ORDINALS.put("العاشر", 10);
        ORDINALS.put("الحادي عشر", 11);
        for (int i = 1; i < 9; i++) {
            ORDINALS.put(units[i] + " عشر", 11 + i);
        }
        ORDINALS.put("العشرين", 20);
        ORDINALS.put("الثلاثين", 30);
        ORDINALS.put("الحادي والعشرين", 21);
        ORDINALS.put("الحادي والثلاثين", 31);
        for (int i = 1; i < 9; i++) {
            ORDINALS.put(units[i] + " والعشرين", 21 + i);
        }
        String[][] days = {
            {"اثنين", "monday"}, {"ثلاثاء", "tuesday"}, {"اربعاء", "wednesday"}, {"خميس", "thursday"},
            {"جمعه", "friday"}, {"سبت", "saturday"}, {"احد", "sunday"},
        };
        for (int d = 0; d < 7; d++) {
            for (String name : days[d]) {
                WEEKDAYS.put(name, DayOfWeek.of(d + 1));
            }
        }
    }

    /** Start of a word, or right after a one-letter proclitic (و ف ب ل) that starts one: "و29 شباط", "والشهر المقبل". */
    private static final String B = "(?:(?<![\\p{L}\\p{M}\\d])|(?<=(?:^|[^\\p{L}\\p{M}\\d])[وفبل]))";
    private static final String E = "(?![\\p{L}\\p{M}])";
    private static final String ND = "(?!\\d)";
    private static final String MONTH_NAMES = alternation(MONTHS.keySet());
    private static final String MON = "(?<m>" + MONTH_NAMES + ")" + E
            + "(?:(?<=jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.)?"; // "Feb.", not the period after "May."
    private static final String MONX = MON + "(?: ?/ ?(?:" + MONTH_NAMES + ")" + E + "| ?\\((?:" + MONTH_NAMES + ")\\))?";
    private static final String WEEKDAY_PREFIX = "(?:(?:يوم )?ال(?:احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)"
            + "|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)"
            + "\\.?)[,،]? ";
    private static final String DAY = "(?:ال ?)?(?<d>\\d{1,2})" + ND + "(?:st|nd|rd|th)?";
    private static final String YEAR = "(?<y>\\d{4})" + ND + "(?: ?م" + E + ")?";
    private static final String YEAR_SEP = "[,،]? ?(?:(?:من )?(?:عام|العام|سنه) )?";
    private static final String QUALIFIERS = "الجاري|الحالي|الماضي|المنصرم|الفائت|المقبل|القادم";
    private static final String QUAL = "(?: (?<q>" + QUALIFIERS + ")" + E + ")?";
    private static final String ORDINAL = "(?<o>" + alternation(ORDINALS.keySet()) + ")" + E;
    private static final String TAIL = "(?:" + YEAR_SEP + YEAR + "|" + QUAL + ")";
    private static final Pattern MONTH_CUE = Pattern.compile(B + "(?:[وف]?(?:في|منذ|خلال|حتى|بحلول|مطلع|بدايه|نهايه"
            + "|اواخر|اوائل|منتصف|شهر|الى|قبل|بعد)|in|since|during|until|by|early|late|mid|of|from|through|last|next|this) $");
    /** A day and month without a year is read in the nearest year only when that lands within this many days. */
    private static final int MAX_IMPLIED_YEAR_DISTANCE = 200;
    private static final int MIN_YEAR = 1600;
    /** Longest string taken as one date ("الثلاثاء، 20 شباط/ فبراير من عام 2024م 10:00:00 +0400" fits). */
    private static final int MAX_DATE_STRING = 100;
    private static final int MAX_YEAR = 2200;

    /** The kinds of word near which a form can match; the text is scanned once for them. */
    private enum Anchor {
        // characters before and after the anchor word that an expression built on it can reach
        MONTH(56, 44), DIGIT(14, 24), WEEKDAY(14, 14), REL_DAY(8, 8), REL_MONTH(32, 14), REL_YEAR(8, 14), REL_WEEK(8, 14);

        final int before;
        final int after;

        Anchor(int before, int after) {
            this.before = before;
            this.after = after;
        }
    }

    private enum Form {
        DMY(Anchor.MONTH), MDY(Anchor.MONTH), ORDINAL_DAY(Anchor.MONTH), MONTH_YEAR(Anchor.MONTH),
        MONTH_QUALIFIED(Anchor.MONTH), MONTH_CUED(Anchor.MONTH), DAY_OF_RELATIVE_MONTH(Anchor.REL_MONTH),
        DAY_OF_THIS_MONTH_EN(Anchor.DIGIT), RELATIVE_MONTH(Anchor.REL_MONTH), RELATIVE_YEAR(Anchor.REL_YEAR),
        RELATIVE_WEEK(Anchor.REL_WEEK), RELATIVE_DAY(Anchor.REL_DAY), WEEKDAY(Anchor.WEEKDAY), ISO(Anchor.DIGIT),
        NUMERIC_DMY(Anchor.DIGIT), NUMERIC_YMD(Anchor.DIGIT), YEAR_ONLY(Anchor.DIGIT);

        final Anchor anchor;

        Form(Anchor anchor) {
            this.anchor = anchor;
        }
    }

    private static final Map<String, Anchor> ANCHOR_WORDS = new HashMap<>();

    static {
        for (String name : MONTHS.keySet()) {
            ANCHOR_WORDS.put(name.split(" ")[0], Anchor.MONTH);
        }
        for (String w : new String[] {"الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "monday",
            "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
            ANCHOR_WORDS.put(w, Anchor.WEEKDAY);
        }
        for (String w : new String[] {"اليوم", "امس", "البارحه", "غدا", "غد", "today", "yesterday", "tomorrow"}) {
            ANCHOR_WORDS.put(w, Anchor.REL_DAY);
        }
        ANCHOR_WORDS.put("الشهر", Anchor.REL_MONTH);
        ANCHOR_WORDS.put("month", Anchor.REL_MONTH);
        ANCHOR_WORDS.put("العام", Anchor.REL_YEAR);
        ANCHOR_WORDS.put("السنه", Anchor.REL_YEAR);
        ANCHOR_WORDS.put("year", Anchor.REL_YEAR);
        ANCHOR_WORDS.put("الاسبوع", Anchor.REL_WEEK);
        ANCHOR_WORDS.put("week", Anchor.REL_WEEK);
    }

    private static final Map<Form, Pattern> PATTERNS = new LinkedHashMap<>();

    static {
        PATTERNS.put(Form.DMY, Pattern.compile(B + "(?:" + WEEKDAY_PREFIX + ")?" + DAY + "(?: of)?(?: من)?(?: شهر)? ?" + MONX + TAIL));
        PATTERNS.put(Form.MDY, Pattern.compile(B + "(?:" + WEEKDAY_PREFIX + ")?" + MONX + " ?" + DAY + E
                + "(?:[,،]? ?" + YEAR + "|" + QUAL + ")"));
        PATTERNS.put(Form.ORDINAL_DAY, Pattern.compile(B + "(?:" + WEEKDAY_PREFIX + ")?" + ORDINAL + "(?: من)?(?: شهر)? " + MONX + TAIL));
        PATTERNS.put(Form.MONTH_YEAR, Pattern.compile(B + "(?:شهر )?" + MONX + YEAR_SEP + YEAR));
        PATTERNS.put(Form.MONTH_QUALIFIED, Pattern.compile(B + "(?:شهر )?" + MONX + " (?<q>" + QUALIFIERS + ")" + E));
        PATTERNS.put(Form.MONTH_CUED, Pattern.compile(B + "(?:شهر )?" + MONX));
        PATTERNS.put(Form.DAY_OF_RELATIVE_MONTH, Pattern.compile(B + "(?:" + DAY + "|" + ORDINAL + ")"
                + "(?: من)? (?:هذا )?الشهر (?<q>" + QUALIFIERS + ")" + E));
        PATTERNS.put(Form.DAY_OF_THIS_MONTH_EN, Pattern.compile(B + "(?:on )?the (?<d>\\d{1,2})(?:st|nd|rd|th)"
                + "(?: of (?<e>this|next|last|the) month)?" + E + "(?! of)"));
        PATTERNS.put(Form.RELATIVE_MONTH, Pattern.compile(B + "(?:(?:هذا )?الشهر (?<q>" + QUALIFIERS + ")|(?<e>this|last|next|previous|coming) month)" + E));
        PATTERNS.put(Form.RELATIVE_YEAR, Pattern.compile(B + "(?:(?:هذا )?(?:العام|السنه) (?<q>" + QUALIFIERS + ")|(?<e>this|last|next|previous|coming) year)" + E));
        PATTERNS.put(Form.RELATIVE_WEEK, Pattern.compile(B + "(?:(?:هذا )?الاسبوع (?<q>" + QUALIFIERS + ")|(?<e>this|last|next|previous|coming) week)" + E));
        PATTERNS.put(Form.RELATIVE_DAY, Pattern.compile(B + "[وف]?(?<w>اول امس|امس الاول|بعد غد|اليوم|امس|البارحه|غدا|today|yesterday|tomorrow)"
                + E + "(?! ال| يوم| نفسه| ذاته| التالي)"));
        PATTERNS.put(Form.WEEKDAY, Pattern.compile(B + "(?:(?<p>[وف]?(?:يوم|في)|on|last|next|this|on last|on next) )?"
                + "(?:ال(?<wa>احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)|(?<we>monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
                + E + "(?: (?<q>الماضي|المنصرم|الفائت|المقبل|القادم)" + E + ")?"));
        PATTERNS.put(Form.ISO, Pattern.compile(B + "(?<y>\\d{4})-(?<mo>\\d{1,2})-(?<d>\\d{1,2})" + ND));
        PATTERNS.put(Form.NUMERIC_DMY, Pattern.compile(B + "(?<a>\\d{1,2})(?<s>[/.-])(?<b>\\d{1,2})\\k<s>(?<y>\\d{4})" + ND));
        PATTERNS.put(Form.NUMERIC_YMD, Pattern.compile(B + "(?<y>\\d{4})/(?<mo>\\d{1,2})/(?<d>\\d{1,2})" + ND));
        PATTERNS.put(Form.YEAR_ONLY, Pattern.compile(B + "(?:[وف]?(?:عام|العام|سنه|سنتي|عامي|منذ عام|في|منذ|حتى|بحلول|خلال)|in|since|during|until|by|before|after) (?<y>(?:1[6-9]|20)\\d{2})"
                + ND + "(?: ?م" + E + ")?"));
    }

    private static final Pattern TIME_TAIL = Pattern.compile(
            "[\\sT,]*(?:\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?\\s*(?:[ap]\\.?m\\.?)?\\s*(?:[+-]\\d{2}:?\\d{2}|z|gmt|utc|[a-z]{3,4})?\\s*");

    private static final DateTimeFormatter SPACED_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    /** The date a whole string denotes ("2024-02-20", "فبراير ۲۰، ۲۰۲٤", an RFC 822 date...), if any. */
    public Optional<LocalDate> parse(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        String t = s.strip();
        if (t.length() > MAX_DATE_STRING) {
            return Optional.empty(); // a whole-string date is short; this is running text
        }
        Optional<LocalDate> formal = parseFormal(t);
        if (formal.isPresent()) {
            return formal;
        }
        NormalizedText nt = ArabicNormalizer.normalizeWithMap(t);
        for (DateMention m : mentions(nt, null)) {
            if (m.precision() != DateMention.Precision.DAY || m.relative()) {
                continue;
            }
            int ns = normalizedIndex(nt, m.start());
            int ne = normalizedIndex(nt, m.end());
            if (onlyPunctuation(nt.text(), 0, ns) && TIME_TAIL.matcher(nt.text().substring(ne))
                    .replaceFirst("").chars().allMatch(c -> !Character.isLetterOrDigit(c))) {
                return Optional.of(m.date());
            }
        }
        return Optional.empty();
    }

    /**
     * A date at the very start of {@code s} (after white space), possibly glued to the next word: for
     * "فبراير ۲۰، ۲۰۲٤اتخذت روسيا" the match ends right after "٤". Only full dates (day, month and year) count.
     */
    public Optional<DateMatch> leadingDate(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        int first = 0;
        while (first < s.length() && Character.isWhitespace(s.charAt(first))) {
            first++;
        }
        int lineEnd = s.indexOf('\n', first);
        // the date has to sit at the start: a bounded prefix of the line is enough
        String line = s.substring(0, Math.min(lineEnd < 0 ? s.length() : lineEnd, first + MAX_DATE_STRING));
        Optional<LocalDate> whole = parseFormal(line.strip());
        if (whole.isPresent()) {
            return Optional.of(new DateMatch(whole.get(), first, line.stripTrailing().length()));
        }
        for (DateMention m : findMentions(line, null)) {
            if (m.start() == first && m.precision() == DateMention.Precision.DAY && !m.relative()) {
                return Optional.of(m.toMatch());
            }
            if (m.start() > first) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * Every date expression in {@code text}, relative ones ("26 الشهر الجاري", "next Tuesday")
     * resolved against {@code reference} (the document's date; may be null, then relative ones that
     * need it are skipped). Includes month-, week- and year-precision expressions; see {@link #findMentions}.
     */
    public List<DateMatch> findAll(String text, LocalDate reference) {
        return findMentions(text, reference).stream().map(DateMention::toMatch).collect(Collectors.toList());
    }

    /** Every date expression in {@code text} with its precision and whether it was relative, in text order. */
    public List<DateMention> findMentions(String text, LocalDate reference) {
        if (text == null || text.isEmpty()) {
            return new ArrayList<>();
        }
        return mentions(ArabicNormalizer.normalizeWithMap(text), reference);
    }

    private List<DateMention> mentions(NormalizedText nt, LocalDate ref) {
        String n = nt.text();
        List<DateMention> found = new ArrayList<>();
        // Patterns run only near the words they are built on: most of a text has none, and scanning every
        // position with a dozen patterns would cost far more than this one pass.
        Map<Anchor, List<int[]>> windows = anchorWindows(n);
        for (Map.Entry<Form, Pattern> e : PATTERNS.entrySet()) {
            List<int[]> around = windows.get(e.getKey().anchor);
            if (around == null) {
                continue;
            }
            Matcher m = e.getValue().matcher(n);
            m.useTransparentBounds(true).useAnchoringBounds(false);
            for (int[] w : around) {
                m.region(w[0], w[1]);
                collect(e.getKey(), m, nt, ref, found);
            }
        }
        // longest first, then earliest; keep those that overlap nothing already kept
        List<DateMention> ordered = new ArrayList<>(found);
        ordered.sort(Comparator.comparingInt((DateMention d) -> d.start() - d.end()).thenComparingInt(DateMention::start));
        List<DateMention> kept = new ArrayList<>();
        for (DateMention d : ordered) {
            boolean overlaps = false;
            for (DateMention k : kept) {
                if (d.start() < k.end() && k.start() < d.end()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(d);
            }
        }
        kept.sort(Comparator.comparingInt(DateMention::start));
        return kept;
    }

    private static void collect(Form form, Matcher m, NormalizedText nt, LocalDate ref, List<DateMention> found) {
        while (m.find()) {
            if (form == Form.MONTH_CUED && !nt.text().startsWith("شهر", m.start()) && !cuedMonth(nt.text(), m.start())) {
                continue;
            }
            Resolved r = resolve(form, m, nt, ref);
            // Hijri years ("16/8/1439", "1439/12/4هـ") are not Gregorian dates
            if (r != null && r.date.getYear() >= MIN_YEAR && r.date.getYear() <= MAX_YEAR) {
                found.add(new DateMention(r.date, nt.originalStart(m.start()), nt.originalEnd(m.end()), r.relative, r.precision));
            }
        }
    }

    private static boolean cuedMonth(String n, int monthStart) {
        Matcher c = MONTH_CUE.matcher(n);
        c.useTransparentBounds(true).useAnchoringBounds(true);
        c.region(Math.max(0, monthStart - 24), monthStart);
        return c.find();
    }

    private static Map<Anchor, List<int[]>> anchorWindows(String n) {
        Map<Anchor, List<int[]>> windows = new java.util.EnumMap<>(Anchor.class);
        int len = n.length();
        int i = 0;
        while (i < len) {
            char c = n.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            boolean digit = false;
            while (i < len && (Character.isLetterOrDigit(n.charAt(i)) || Character.getType(n.charAt(i)) == Character.NON_SPACING_MARK)) {
                digit |= n.charAt(i) >= '0' && n.charAt(i) <= '9';
                i++;
            }
            Anchor a = digit ? Anchor.DIGIT : anchorOf(n, start, i);
            if (a != null) {
                addWindow(windows, a, Math.max(0, start - a.before), Math.min(len, i + a.after));
            }
        }
        return windows;
    }

    private static Anchor anchorOf(String n, int start, int end) {
        int wordLength = end - start;
        if (wordLength < 2 || wordLength > 10) {
            return null;
        }
        Anchor a = ANCHOR_WORDS.get(n.substring(start, end));
        if (a == null && wordLength > 3) {
            char first = n.charAt(start);
            if (first == 'و' || first == 'ف' || first == 'ب' || first == 'ل') {
                a = ANCHOR_WORDS.get(n.substring(start + 1, end));
            }
        }
        return a;
    }

    private static void addWindow(Map<Anchor, List<int[]>> windows, Anchor a, int from, int to) {
        List<int[]> list = windows.computeIfAbsent(a, k -> new ArrayList<>());
        if (!list.isEmpty() && list.get(list.size() - 1)[1] >= from) {
            list.get(list.size() - 1)[1] = Math.max(list.get(list.size() - 1)[1], to);
        } else {
            list.add(new int[] {from, to});
        }
    }

    private record Resolved(LocalDate date, boolean relative, DateMention.Precision precision) {}

    private static Resolved resolve(Form form, Matcher m, NormalizedText nt, LocalDate ref) {
        try {
            return switch (form) {
                case DMY, MDY -> capitalized(m, nt) && !arabicMonthThenBareNumber(form, m)
                        ? dayMonth(Integer.parseInt(m.group("d")), month(m), m.group("y"), m.group("q"), ref) : null;
                case ORDINAL_DAY -> dayMonth(ORDINALS.get(m.group("o")), month(m), m.group("y"), m.group("q"), ref);
                case MONTH_YEAR -> englishMonthOk(m, nt)
                        ? new Resolved(LocalDate.of(Integer.parseInt(m.group("y")), month(m), 1), false, DateMention.Precision.MONTH)
                        : null;
                case MONTH_QUALIFIED, MONTH_CUED -> englishMonthOk(m, nt) && (form == Form.MONTH_QUALIFIED || !m.group("m").equals("اب"))
                        ? monthOnly(month(m), form == Form.MONTH_QUALIFIED ? m.group("q") : null, ref) : null;
                case DAY_OF_RELATIVE_MONTH -> {
                    if (ref == null) {
                        yield null;
                    }
                    int day = m.group("d") != null ? Integer.parseInt(m.group("d")) : ORDINALS.get(m.group("o"));
                    YearMonth ym = YearMonth.from(ref).plusMonths(shift(m.group("q")));
                    yield new Resolved(ym.atDay(day), true, DateMention.Precision.DAY);
                }
                case DAY_OF_THIS_MONTH_EN -> {
                    if (ref == null || !m.group().startsWith("on ") && m.group("e") == null && !endsClause(nt.text(), m.end())) {
                        yield null; // "the 26th anniversary"
                    }
                    String e = m.group("e");
                    YearMonth ym = YearMonth.from(ref).plusMonths("next".equals(e) ? 1 : "last".equals(e) ? -1 : 0);
                    yield new Resolved(ym.atDay(Integer.parseInt(m.group("d"))), true, DateMention.Precision.DAY);
                }
                case RELATIVE_MONTH -> ref == null ? null : new Resolved(
                        YearMonth.from(ref).plusMonths(shift(qualifier(m))).atDay(1), true, DateMention.Precision.MONTH);
                case RELATIVE_YEAR -> ref == null ? null : new Resolved(
                        LocalDate.of(ref.getYear() + shift(qualifier(m)), 1, 1), true, DateMention.Precision.YEAR);
                case RELATIVE_WEEK -> ref == null ? null : new Resolved(
                        ref.plusWeeks(shift(qualifier(m))), true, DateMention.Precision.WEEK);
                case RELATIVE_DAY -> ref == null || genericDay(nt.text(), m) ? null : new Resolved(ref.plusDays(switch (m.group("w")) {
                    case "امس", "البارحه", "yesterday" -> -1;
                    case "اول امس", "امس الاول" -> -2;
                    case "غدا", "tomorrow" -> 1;
                    case "بعد غد" -> 2;
                    default -> 0;
                }), true, DateMention.Precision.DAY);
                case WEEKDAY -> weekday(m, nt, ref);
                case ISO, NUMERIC_YMD -> new Resolved(LocalDate.of(Integer.parseInt(m.group("y")),
                        Integer.parseInt(m.group("mo")), Integer.parseInt(m.group("d"))), false, DateMention.Precision.DAY);
                case NUMERIC_DMY -> {
                    int a = Integer.parseInt(m.group("a"));
                    int b = Integer.parseInt(m.group("b"));
                    int y = Integer.parseInt(m.group("y"));
                    // day first as Arabic and British news write it, unless only month-first is possible
                    LocalDate d = b > 12 && a <= 12 ? LocalDate.of(y, a, b) : LocalDate.of(y, b, a);
                    yield new Resolved(d, false, DateMention.Precision.DAY);
                }
                case YEAR_ONLY -> new Resolved(LocalDate.of(Integer.parseInt(m.group("y")), 1, 1), false, DateMention.Precision.YEAR);
            };
        } catch (DateTimeException | NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private static Resolved dayMonth(int day, int month, String year, String q, LocalDate ref) {
        if (year != null) {
            return new Resolved(LocalDate.of(Integer.parseInt(year), month, day), false, DateMention.Precision.DAY);
        }
        if (ref == null) {
            return null;
        }
        int y = ref.getYear();
        LocalDate best = null;
        if (q == null) {
            for (int cy = y - 1; cy <= y + 1; cy++) {
                LocalDate c = safeDate(cy, month, day);
                if (c != null && (best == null || distance(c, ref) < distance(best, ref))) {
                    best = c;
                }
            }
            if (best != null && distance(best, ref) > MAX_IMPLIED_YEAR_DISTANCE) {
                return null; // "29 شباط" in a 2023 article: no nearby year has it
            }
        } else {
            int s = shift(q);
            best = safeDate(y, month, day);
            if (best == null) {
                return null;
            }
            if (s < 0 && best.isAfter(ref)) {
                best = safeDate(y - 1, month, day);
            } else if (s > 0 && !best.isAfter(ref)) {
                best = safeDate(y + 1, month, day);
            }
        }
        return best == null ? null : new Resolved(best, true, DateMention.Precision.DAY);
    }

    private static Resolved monthOnly(int month, String q, LocalDate ref) {
        if (ref == null) {
            return null;
        }
        YearMonth r = YearMonth.from(ref);
        YearMonth ym = YearMonth.of(ref.getYear(), month);
        int s = q == null ? 0 : shift(q);
        if (q == null) {
            YearMonth best = ym;
            for (YearMonth c : new YearMonth[] {ym.minusYears(1), ym.plusYears(1)}) {
                if (Math.abs(monthsBetween(c, r)) < Math.abs(monthsBetween(best, r))) {
                    best = c;
                }
            }
            ym = best;
        } else if (s < 0 && !ym.isBefore(r)) {
            ym = ym.minusYears(1);
        } else if (s > 0 && !ym.isAfter(r)) {
            ym = ym.plusYears(1);
        }
        return new Resolved(ym.atDay(1), true, DateMention.Precision.MONTH);
    }

    private static Resolved weekday(Matcher m, NormalizedText nt, LocalDate ref) {
        if (ref == null) {
            return null;
        }
        String p = m.group("p");
        String q = m.group("q");
        DayOfWeek dow;
        if (m.group("wa") != null) {
            String wa = m.group("wa");
            dow = WEEKDAYS.get(wa);
            if ((wa.equals("اثنين") || wa.equals("احد")) && p == null && q == null && !betweenCommas(nt.text(), m)) {
                return null; // "الاثنين" is also "the two", "الأحد" also "the one"
            }
        } else {
            dow = WEEKDAYS.get(m.group("we"));
            if (!Character.isUpperCase(nt.original().charAt(nt.originalStart(m.start("we"))))) {
                return null;
            }
            if (p != null && (p.endsWith("next"))) {
                q = "المقبل";
            } else if (p != null && p.endsWith("last")) {
                q = "الماضي";
            }
        }
        LocalDate d;
        if (q != null && shift(q) > 0) {
            d = ref.with(TemporalAdjusters.next(dow));
        } else if (q != null) {
            d = ref.with(TemporalAdjusters.previous(dow));
        } else {
            // news mostly reports what happened: the latest such day on or before the reference
            d = ref.with(TemporalAdjusters.previousOrSame(dow));
        }
        return new Resolved(d, true, DateMention.Precision.DAY);
    }

    private static boolean endsClause(String n, int end) {
        return end >= n.length() || ",.;:!?)،؛؟".indexOf(n.charAt(end)) >= 0;
    }

    /** "في اليوم" (per day), "ذلك اليوم", "نفس اليوم": the word, not the date. */
    private static boolean genericDay(String n, Matcher m) {
        if (!m.group("w").equals("اليوم")) {
            return false;
        }
        int s = m.start("w");
        for (String before : new String[] {"في ", "ذلك ", "نفس ", "هذا ", "ذات ", "لذلك ", "بذلك ", "per "}) {
            if (s >= before.length() && n.startsWith(before, s - before.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean betweenCommas(String n, Matcher m) {
        int before = m.start() - 1;
        while (before >= 0 && n.charAt(before) == ' ') {
            before--;
        }
        int after = m.end();
        while (after < n.length() && n.charAt(after) == ' ') {
            after++;
        }
        boolean b = before < 0 || n.charAt(before) == '،' || n.charAt(before) == ',';
        boolean a = after >= n.length() || n.charAt(after) == '،' || n.charAt(after) == ',' || n.charAt(after) == '.';
        return b && a;
    }

    /** "مارس 20 عاما" (practised for 20 years): Arabic writes month-first only with a year ("فبراير ۲۰، ۲۰۲٤"). */
    private static boolean arabicMonthThenBareNumber(Form form, Matcher m) {
        char c = m.group("m").charAt(0);
        return form == Form.MDY && m.group("y") == null && m.group("q") == null && (c < 'a' || c > 'z');
    }

    /** English month names are capitalized in news: "as many as 20 may die" is no date. */
    private static boolean capitalized(Matcher m, NormalizedText nt) {
        char c = m.group("m").charAt(0);
        return c < 'a' || c > 'z' || Character.isUpperCase(nt.original().charAt(nt.originalStart(m.start("m"))));
    }

    /** English month names must be capitalized in the original ("may" is a verb) unless a day or year is attached. */
    private static boolean englishMonthOk(Matcher m, NormalizedText nt) {
        String name = m.group("m");
        char c = name.charAt(0);
        if (c < 'a' || c > 'z') {
            return true;
        }
        return Character.isUpperCase(nt.original().charAt(nt.originalStart(m.start("m")))) && name.length() >= 3
                && (MONTHS.containsKey(name) && name.length() > 3 || name.equals("may"));
    }

    private static String qualifier(Matcher m) {
        if (m.group("q") != null) {
            return m.group("q");
        }
        return switch (m.group("e")) {
            case "last", "previous" -> "الماضي";
            case "next", "coming" -> "المقبل";
            default -> "الجاري";
        };
    }

    private static int shift(String q) {
        return switch (q) {
            case "الماضي", "المنصرم", "الفائت" -> -1;
            case "المقبل", "القادم" -> 1;
            default -> 0;
        };
    }

    private static int month(Matcher m) {
        return MONTHS.get(m.group("m"));
    }

    private static LocalDate safeDate(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static long distance(LocalDate a, LocalDate b) {
        return Math.abs(a.toEpochDay() - b.toEpochDay());
    }

    private static long monthsBetween(YearMonth a, YearMonth b) {
        return (a.getYear() * 12L + a.getMonthValue()) - (b.getYear() * 12L + b.getMonthValue());
    }

    private static Optional<LocalDate> parseFormal(String t) {
        if (t.isEmpty() || t.length() > 64) {
            return Optional.empty();
        }
        char c0 = t.charAt(0);
        if (Character.isDigit(c0) && c0 < 0x80) {
            try {
                if (t.length() == 10) {
                    return Optional.of(LocalDate.parse(t));
                }
                try {
                    return Optional.of(OffsetDateTime.parse(t).toLocalDate());
                } catch (DateTimeParseException e) {
                    try {
                        return Optional.of(ZonedDateTime.parse(t).toLocalDate());
                    } catch (DateTimeParseException e2) {
                        try {
                            return Optional.of(LocalDateTime.parse(t).toLocalDate());
                        } catch (DateTimeParseException e3) {
                            return Optional.of(LocalDateTime.parse(t, SPACED_ISO).toLocalDate());
                        }
                    }
                }
            } catch (DateTimeParseException e) {
                // not ISO: try the other forms
            }
        }
        if (c0 >= 'A' && c0 <= 'Z' && t.indexOf(':') > 0) {
            try {
                return Optional.of(ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate());
            } catch (DateTimeParseException e) {
                // handled below as an English date with a time tail
            }
        }
        return Optional.empty();
    }

    private static int normalizedIndex(NormalizedText nt, int originalIndex) {
        int[] map = nt.map();
        int lo = 0;
        int hi = map.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (map[mid] < originalIndex) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static boolean onlyPunctuation(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String alternation(Iterable<String> names) {
        List<String> list = new ArrayList<>();
        names.forEach(list::add);
        list.sort(Comparator.comparingInt(String::length).reversed());
        return list.stream().map(Pattern::quote).map(q -> q.replace(" ", "\\E \\Q")).collect(Collectors.joining("|"));
    }
}
