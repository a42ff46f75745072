package org.isnad.answer.direct;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.isnad.answer.Glossary;
import org.isnad.index.Analyzers;
import org.isnad.text.CueLexicon;
import org.isnad.text.DateMention;
import org.isnad.text.Language;
import org.isnad.text.Token;
import org.isnad.text.Tokens;

/**
 * How a source span reads for the reader, without machine translation: in the source's own language
 * it is the span itself (a date stated in the reader's conventions); across languages names go
 * through the glossary (read in reverse for Arabic sources), countries through CLDR, other names by
 * transliteration (ICU4J, marked as such), dates and numbers in the reader's conventions, and what
 * none of these can render stays in the original, in quotes.
 */
final class Rendering {

    /** How a part was rendered (the {@code rendering} field of the JSON contract). */
    static final String GLOSSARY = "glossary";
    static final String CLDR = "cldr";
    static final String TRANSLITERATION = "transliteration";
    static final String ORIGINAL = "original";
    static final String DATE = "date";
    static final String NUMBER = "number";

    record Rendered(String text, String rendering) {}

    private static final String[] ENGLISH_MONTHS = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};
    /** Both Arabic month families, as Arab news writes them: the Levantine name, then the other. */
    private static final String[] ARABIC_MONTHS = {"كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل",
            "أيار/مايو", "حزيران/يونيو", "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر",
            "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر"};

    private final Analyzers analyzers;
    private final Glossary glossary;
    private volatile Transliterator arabicLatin;
    private volatile Transliterator latinArabic;

    Rendering(Analyzers analyzers, Glossary glossary) {
        this.analyzers = analyzers;
        this.glossary = glossary;
    }

    Rendered render(SpanFinder.Span span, Language reader) {
        boolean same = span.language() == reader;
        return switch (span.kind()) {
            case DATE -> span.date() == null ? new Rendered(span.text(), ORIGINAL) : new Rendered(date(span.date(), reader), DATE);
            case NUMBER -> number(span, reader);
            case NAME, PLACE -> same ? new Rendered(span.text(), ORIGINAL) : name(span.text(), span.language(), reader);
            case REASON, CLAUSE -> same ? new Rendered(span.text(), ORIGINAL) : quoted(span.text(), reader);
        };
    }

    /** A date at the precision the source gives: "2016", "September 2017", "26 February 2024". */
    static String date(DateMention d, Language reader) {
        String month = (reader == Language.AR ? ARABIC_MONTHS : ENGLISH_MONTHS)[d.date().getMonthValue() - 1];
        return switch (d.precision()) {
            case YEAR -> String.valueOf(d.date().getYear());
            case MONTH -> month + " " + d.date().getYear();
            case WEEK -> (reader == Language.AR ? "أسبوع " : "the week of ") + d.date().getDayOfMonth() + " " + month + " " + d.date().getYear();
            case DAY -> d.date().getDayOfMonth() + " " + month + " " + d.date().getYear();
        };
    }

    static Rendered quoted(String original, Language reader) {
        return new Rendered(reader == Language.AR ? "«" + original + "»" : "“" + original + "”", ORIGINAL);
    }

    /** A name or place: the glossary (whole, then word by word), CLDR countries, else transliterated. */
    Rendered name(String text, Language source, Language reader) {
        Glossary.Entry whole = entry(text, source);
        if (whole != null && whole.isName()) {
            return new Rendered(nameIn(whole, reader), "country".equals(whole.category()) ? CLDR : GLOSSARY);
        }
        List<String> parts = new ArrayList<>();
        for (Token t : Tokens.tokenize(text)) {
            Glossary.Entry e = entry(t.text(), source);
            if (e == null || !e.isName()) {
                parts = null;
                break;
            }
            parts.add(nameIn(e, reader));
        }
        if (parts != null && !parts.isEmpty()) {
            return new Rendered(String.join(" ", parts), GLOSSARY);
        }
        String latin = transliterate(text, source);
        if (latin == null || latin.isBlank()) {
            return quoted(text, reader);
        }
        return new Rendered(latin + (reader == Language.AR ? " (كتابة صوتية)" : " (transliterated)"), TRANSLITERATION);
    }

    private static String nameIn(Glossary.Entry e, Language reader) {
        return reader == Language.AR ? e.arabic().get(0) : e.english();
    }

    private Glossary.Entry entry(String text, Language source) {
        List<String> terms = new ArrayList<>();
        for (Token t : Tokens.tokenize(text)) {
            List<String> analyzed = analyzers.bodyTerms(source, t.text());
            terms.addAll(analyzed);
        }
        if (terms.isEmpty()) {
            return null;
        }
        List<Glossary.Entry> found = source == Language.AR ? glossary.byArabicTerms(terms) : glossary.byEnglishTerms(terms);
        // a name reads as the name ("السلطة": the Palestinian Authority, not "power")
        return found.stream().filter(Glossary.Entry::isName).findFirst().orElse(found.isEmpty() ? null : found.get(0));
    }

    private String transliterate(String text, Language source) {
        try {
            if (source == Language.AR) {
                String latin = arabicToLatin().transliterate(text.replaceAll("(?<![\\p{L}])ال", ""));
                return titleCase(latin.replaceAll("[^\\p{L}\\p{N}' -]", "").strip());
            }
            String arabic = latinToArabic().transliterate(text);
            // ICU writes short vowels as harakat and g as the Persian gaf: plain Arabic letters read better
            return arabic.replaceAll("[\\u064B-\\u0652]", "").replace('گ', 'غ').strip();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Transliterator arabicToLatin() {
        if (arabicLatin == null) {
            arabicLatin = Transliterator.getInstance("Arabic-Latin; Latin-ASCII");
        }
        return arabicLatin;
    }

    private Transliterator latinToArabic() {
        if (latinArabic == null) {
            latinArabic = Transliterator.getInstance("Latin-Arabic");
        }
        return latinArabic;
    }

    private static String titleCase(String s) {
        StringBuilder out = new StringBuilder();
        for (String w : s.split("\\s+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(w.substring(0, 1).toUpperCase(Locale.ROOT)).append(w.substring(1));
        }
        return out.toString();
    }

    /** A number with what it counts: digits in the reader's script, number words and known words rendered. */
    private Rendered number(SpanFinder.Span span, Language reader) {
        if (span.language() == reader) {
            return new Rendered(span.text(), NUMBER);
        }
        CueLexicon cues = CueLexicon.of(span.language());
        List<String> out = new ArrayList<>();
        List<String> adjectives = new ArrayList<>();
        boolean all = true;
        String text = span.text();
        List<Token> tokens = Tokens.tokenize(text);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String trailing = i + 1 < tokens.size() ? text.substring(t.end(), tokens.get(i + 1).start()) : text.substring(t.end());
            String sign = trailing.contains("%") || trailing.contains("٪") ? "%" : "";
            CueLexicon.CountWord word = cues.countWord(t.text());
            if (Character.isDigit(t.text().codePointAt(0))) {
                out.add(westernDigits(t.text()) + sign);
            } else if (word != null) {
                out.add(reader == Language.AR ? word.arabic() : word.english());
            } else if (t.text().equalsIgnoreCase("of") && reader == Language.AR) {
                continue;
            } else {
                Glossary.Entry e = entry(t.text(), span.language());
                if (e == null) {
                    all = false;
                    break;
                }
                // Arabic puts the adjective after its noun ("الفصائل الفلسطينية"), English before it
                if (reader == Language.EN && "nationality".equals(e.category())) {
                    adjectives.add(nameIn(e, reader));
                } else {
                    out.add(nameIn(e, reader));
                }
            }
        }
        if (!adjectives.isEmpty()) {
            // the adjectives go before the counted noun, which is the last word rendered
            int noun = out.size() - 1;
            out.addAll(Math.max(0, noun), adjectives);
        }
        if (all && !out.isEmpty()) {
            return new Rendered(String.join(" ", out).replace("of of", "of"), NUMBER);
        }
        return quoted(text, reader);
    }

    /** Arabic-Indic and Persian digits as Western ones, Arabic decimal and thousands separators as . and ,. */
    static String westernDigits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c >= '٠' && c <= '٩') {
                b.append((char) ('0' + c - '٠'));
            } else if (c >= '۰' && c <= '۹') {
                b.append((char) ('0' + c - '۰'));
            } else if (c == '٫') {
                b.append('.');
            } else if (c == '٬') {
                b.append(',');
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
