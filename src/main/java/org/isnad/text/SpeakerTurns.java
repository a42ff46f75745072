package org.isnad.text;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds who speaks: transcript turns at the start of a line ("فيليب تورو: حسنًا…", "Putin: …",
 * "JOHN SMITH: …") and reported speech inside a sentence («وقال اشتية: “…”», «Putin said: "…"»,
 * «"…", said Putin», «according to Reuters»).
 */
public final class SpeakerTurns {

    /** Longest speaker label, in characters, before the colon. */
    static final int MAX_LABEL = 40;
    private static final int MAX_WORDS = 4;

    private static final Set<String> SPEECH_VERBS = Set.of("قال", "قالت", "اضاف", "اضافت", "اكد", "اكدت", "اوضح",
            "اوضحت", "يوضح", "توضح", "صرح", "صرحت", "تابع", "تابعت", "ذكر", "ذكرت", "اشار", "اشارت", "يقول", "تقول",
            "اعلن", "اعلنت", "يضيف", "تضيف", "تساءل", "تساءلت", "ردف", "اردف", "اردفت");
    /** Words that make a line-start label reported speech or narration rather than a turn ("أجابت نويرت قائلة:"). */
    private static final Set<String> NARRATION = Set.of("اجاب", "اجابت", "يجيب", "تجيب", "سال", "سالت", "سالته",
            "سالها", "رد", "ردت", "اختتم", "اختتمت", "استطرد", "استطردت", "اكمل", "اكملت", "ابلغ", "ابلغت", "اتبع",
            "اصدر", "اصدرت", "غرد", "غردت", "مغردا", "مغرده", "بالقول", "بقوله", "بقولها", "ليقول", "لتقول", "يصيح",
            "اعقب", "اعقبها", "استدرك", "استدركت", "اضافوا", "قالوا", "يقولون", "كتب", "كتبت", "تساءل", "حديثه",
            "حديثها", "كلمته", "كلمتها", "يتحدى", "يهاجم", "تحذر", "يحذر", "تقول", "يقول", "البيان", "بيانا");
    private static final Set<String> ARABIC_FUNCTION_WORDS = Set.of("في", "من", "على", "الى", "عن", "ان", "انه",
            "انها", "هو", "هي", "هذا", "هذه", "ذلك", "تلك", "التي", "الذي", "الذين", "كان", "كانت", "قد", "لقد",
            "ما", "لا", "لم", "لن", "ثم", "حيث", "كما", "لكن", "او", "مع", "بعد", "قبل", "عند", "اذا", "هل", "لماذا",
            "متى", "اين", "كيف", "كم", "ماذا", "يجب", "السؤال", "الجواب", "اي", "منذ", "حتى", "لان", "بسبب", "وهو",
            "وهي", "وقد", "فقد", "انا", "نحن", "هم");
    private static final Set<String> HEADINGS = Set.of("النص", "نص", "الترجمه", "ترجمه", "المصدر", "المصادر",
            "مصدر", "ملاحظه", "تحديث", "عاجل", "شاهد", "اقرا", "صوره", "فيديو", "رابط", "الرابط", "تنويه", "تنبيه",
            "الخلاصه", "خلفيه", "ملخص", "الملخص", "اضغط", "تابعونا", "تابعوا", "وسوم", "note", "notes", "update",
            "updated", "source", "sources", "photo", "photos", "video", "read", "related", "breaking", "editor",
            "editors", "editor's", "transcript", "translation", "text", "watch", "link", "links", "tags", "image",
            "credit", "credits", "warning", "summary", "background", "see", "also", "more", "http", "https", "ftp",
            "mailto", "file", "www", "للمزيد", "القصه", "فرص", "اولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "كذلك",
            "الاجابه", "الجواب", "سؤال", "مثال", "انفوجرافيك", "بالصور", "كليك", "شكر", "المجموعه", "المشاركه",
            "دراسه", "اللغه", "اللغات", "العمله", "المساحه", "عدد", "متوسط", "الاسم", "الديانه", "العاصمه", "السكان",
            "الموقع", "التاريخ", "ملاحظات", "تفاصيل", "ايضا", "لاول", "هام", "مهم", "جديد", "اليوم", "الان", "caption", "disclaimer", "correction", "example", "subject", "from", "to", "date",
            "re", "fw", "fwd", "cc", "backs", "forwards", "replacements", "result", "results", "subs", "not", "score",
            "scorers", "squad", "team", "teams", "lineup", "referee", "attendance", "venue", "goals", "sent", "booked", "keywords", "category", "published", "posted", "by");
    private static final Set<String> LATIN_PARTICLES = Set.of("al", "el", "bin", "ibn", "de", "da", "di", "del",
            "van", "von", "der", "la", "le", "du", "dos", "abu", "bint", "y", "and", "&");
    private static final Set<String> PRONOUNS = Set.of("He", "She", "They", "It", "We", "I", "You", "This", "That",
            "There", "Everyone", "Nobody", "Someone", "Who", "Which", "But", "And", "Yet", "So", "Then");

    private static final String AR_WORD = "[\\p{IsArabic}&&[\\p{L}\\p{M}]]+";
    private static final Pattern ARABIC_REPORTED = Pattern.compile(
            "(?<![\\p{L}\\p{M}])[وف]?(?:" + String.join("|", SPEECH_VERBS) + ")(?![\\p{L}\\p{M}]) "
                    + "(?:\"([^\"]{2," + MAX_LABEL + "}?) ?\"|(" + AR_WORD + "(?: " + AR_WORD + "){0,4}?))"
                    + "(?= ?[:\",،(]| ?$| (?:ان|انه|انها|في|خلال|عبر|امام|بعد|من|منذ|عن|على|لـ|ل|الى|اليوم|امس|مساء|صباح"
                    + "|يوم|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الاحد|لوكاله|للصحفيين|لصحيفه|لقناه|لموقع|بان)(?![\\p{L}\\p{M}]))");
    private static final String NAME = "\\p{Lu}[\\p{L}\\p{M}'’.-]*(?: (?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|al|el|bin|ibn|de|da|van|von|der|la|le|du)){0,4}";
    private static final Pattern NAME_THEN_VERB = Pattern.compile(
            "(?<![\\p{L}\\p{M}])(" + NAME + ") (?:has |had |have |also |later |then |again |once )?"
                    + "(?:said|says|told|added|adds|stated|states|declared|announced|insisted|warned|explained|noted|wrote|tweeted)(?![\\p{L}])");
    private static final Pattern VERB_THEN_NAME = Pattern.compile(
            "[,\"”’'] ?(?:said|says|added|adds|declared|insisted|warned|explained|noted|wrote) (?:the )?(" + NAME + ")");
    private static final Pattern ACCORDING_TO = Pattern.compile("(?i:according to) (?:the )?(" + NAME + ")");

    private SpeakerTurns() {}

    /** A transcript turn: the label {@code text.substring(nameStart, nameEnd)} is {@code name}; the words begin at {@code bodyStart}. */
    public record Turn(String name, int nameStart, int nameEnd, int bodyStart) {}

    /** The turn label of {@code line}, if it opens with one ("بوتين: …"); a label with nothing after it is a heading. */
    public static Optional<Turn> turn(String line) {
        return Optional.ofNullable(turnAt(line, 0, line.length()));
    }

    /**
     * The turn label opening {@code text[lineStart, lineEnd)}, or null. At most {@value #MAX_LABEL} characters and
     * four words before the colon, no sentence punctuation inside, words after it; not a speech verb ("وقال …:"),
     * not a heading ("Note:", "المصدر:"), Latin words capitalized.
     */
    static Turn turnAt(String text, int lineStart, int lineEnd) {
        int p = lineStart;
        while (p < lineEnd && Character.isWhitespace(text.charAt(p))) {
            p++;
        }
        if (p + 4 < lineEnd && text.startsWith("((", p)) {
            return doubleParenthesisTurn(text, p, lineEnd);
        }
        if (p >= lineEnd || !Character.isLetter(text.charAt(p)) || text.charAt(p) == 'ـ') {
            return null;
        }
        int limit = Math.min(lineEnd, p + MAX_LABEL + 1);
        int colon = -1;
        for (int k = p; k < limit; k++) {
            char c = text.charAt(k);
            if (c == ':' || c == '：') {
                colon = k;
                break;
            }
            if (isLabelBreaker(c) || c == '.' && !abbreviationDot(text, p, k, lineEnd)) {
                return null;
            }
        }
        if (colon < 0) {
            return null;
        }
        int nameEnd = colon;
        while (nameEnd > p && Character.isWhitespace(text.charAt(nameEnd - 1))) {
            nameEnd--;
        }
        int body = colon + 1;
        if (body < lineEnd && (text.charAt(body) == '/' || Character.isDigit(text.charAt(body)))) {
            return null;
        }
        while (body < lineEnd && Character.isWhitespace(text.charAt(body))) {
            body++;
        }
        if (body >= lineEnd || nameEnd <= p) {
            return null;
        }
        String name = text.substring(p, nameEnd);
        String[] words = name.split(" +");
        if (words.length > MAX_WORDS) {
            return null;
        }
        for (int w = 0; w < words.length; w++) {
            String word = words[w];
            String norm = ArabicNormalizer.normalize(word);
            String bare = norm.endsWith(".") ? norm.substring(0, norm.length() - 1) : norm;
            if (HEADINGS.contains(bare) || bare.endsWith("image") || bare.endsWith("photo")) {
                return null; // "Note:", "المصدر:", a caption credit "Kamala Harris Image:"
            }
            if (hasArabic(word)) {
                if (ARABIC_FUNCTION_WORDS.contains(norm) || isSpeechVerb(norm) || isNarration(norm)
                        || w == 0 && looksLikeConjoinedVerb(norm)) {
                    return null;
                }
            } else if (Character.isLetter(word.charAt(0)) && !Character.isUpperCase(word.charAt(0))
                    && !LATIN_PARTICLES.contains(norm)) {
                return null;
            } else if (w == 0 && PRONOUNS.contains(word)) {
                return null;
            }
        }
        return new Turn(name, p, nameEnd, body);
    }

    /** After a quoted name the sentence goes on with a word («ويوضح “فيليب تورل” من قناة…»), after a quoted saying it does not. */
    private static boolean nameGoesOn(String text, int at) {
        return at + 1 < text.length() && text.charAt(at) == ' ' && Character.isLetter(text.charAt(at + 1));
    }

    /**
     * The speaker of reported speech in {@code sentence}: «وقال اشتية: “…”» gives "اشتية", «Putin said: "…"»
     * and «"…", said Putin» give "Putin", «according to Reuters» gives "Reuters". Empty when there is none or it
     * is only a pronoun ("وقال إن…", "He said").
     */
    public static Optional<String> reportedSpeaker(String sentence) {
        if (sentence == null || sentence.isBlank()) {
            return Optional.empty();
        }
        if (hasArabic(sentence)) {
            NormalizedText nt = ArabicNormalizer.normalizeWithMap(sentence);
            Matcher m = ARABIC_REPORTED.matcher(nt.text());
            while (m.find()) {
                if (m.group(1) != null && !nameGoesOn(nt.text(), m.end())) {
                    continue; // «قال "…"،»: a quotation closing the clause is what was said, not who said it
                }
                int g = m.group(1) != null ? 1 : 2;
                String candidate = nt.text().substring(m.start(g), m.end(g)).trim();
                String first = candidate.split(" ", 2)[0];
                if (candidate.isEmpty() || ARABIC_FUNCTION_WORDS.contains(first) || isSpeechVerb(first)) {
                    continue;
                }
                String name = sentence.substring(nt.originalStart(m.start(g)), nt.originalEnd(m.end(g))).strip();
                return Optional.of(name);
            }
        }
        for (Pattern p : new Pattern[] {NAME_THEN_VERB, VERB_THEN_NAME, ACCORDING_TO}) {
            Matcher m = p.matcher(sentence);
            while (m.find()) {
                String name = cleanLatinName(m.group(1));
                if (name != null) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    private static String cleanLatinName(String raw) {
        String name = raw.strip();
        while (name.endsWith(".") || name.endsWith("'") || name.endsWith("’") || name.endsWith("-")) {
            name = name.substring(0, name.length() - 1);
        }
        for (String lead : new String[] {"The ", "A ", "An "}) {
            if (name.startsWith(lead)) {
                name = name.substring(lead.length());
            }
        }
        String first = name.split(" ", 2)[0];
        if (name.isEmpty() || PRONOUNS.contains(first) || PRONOUNS.contains(name)) {
            return null;
        }
        return name;
    }

    private static boolean isSpeechVerb(String normalizedWord) {
        if (SPEECH_VERBS.contains(normalizedWord)) {
            return true;
        }
        char c = normalizedWord.isEmpty() ? 0 : normalizedWord.charAt(0);
        return (c == 'و' || c == 'ف') && SPEECH_VERBS.contains(normalizedWord.substring(1));
    }

    /** Wikinews interviews: "((WN)) How did it start?", "((Thomas Rivinius)) The 1.52 and 2.2m." */
    private static Turn doubleParenthesisTurn(String text, int p, int lineEnd) {
        int close = text.indexOf("))", p + 2);
        if (close < 0 || close > Math.min(lineEnd, p + 2 + MAX_LABEL)) {
            return null;
        }
        int nameStart = p + 2;
        while (nameStart < close && text.charAt(nameStart) == ' ') {
            nameStart++;
        }
        int nameEnd = close;
        while (nameEnd > nameStart && text.charAt(nameEnd - 1) == ' ') {
            nameEnd--;
        }
        if (nameEnd <= nameStart || !Character.isLetter(text.charAt(nameStart))) {
            return null;
        }
        for (int k = nameStart; k < nameEnd; k++) {
            if (isLabelBreaker(text.charAt(k)) && text.charAt(k) != '/') {
                return null;
            }
        }
        String name = text.substring(nameStart, nameEnd);
        if (name.split(" +").length > MAX_WORDS) {
            return null;
        }
        int body = close + 2;
        while (body < lineEnd && Character.isWhitespace(text.charAt(body))) {
            body++;
        }
        return body >= lineEnd ? null : new Turn(name, nameStart, nameEnd, body);
    }

    /** A period inside a label only after a short word followed by a space: "Dr. Jane", "J. Smith". */
    private static boolean abbreviationDot(String text, int labelStart, int k, int lineEnd) {
        if (k + 1 >= lineEnd || text.charAt(k + 1) != ' ') {
            return false;
        }
        int w = k;
        while (w > labelStart && Character.isLetter(text.charAt(w - 1))) {
            w--;
        }
        return k - w >= 1 && k - w <= 3;
    }

    private static boolean isNarration(String norm) {
        if (norm.contains("قائل") || NARRATION.contains(norm)) {
            return true;
        }
        char c = norm.isEmpty() ? 0 : norm.charAt(0);
        return (c == 'و' || c == 'ف' || c == 'ل') && NARRATION.contains(norm.substring(1));
    }

    /** "وأكمل", "واختتم", "وتابع", "ويقول": و + a verb or particle opening the line, not a name like "وزير". */
    private static boolean looksLikeConjoinedVerb(String norm) {
        if (norm.length() < 4 || norm.charAt(0) != 'و') {
            return false;
        }
        char second = norm.charAt(1);
        return second == 'ا' || second == 'ت' || second == 'ي' || second == 'ن';
    }

    private static boolean isLabelBreaker(char c) {
        return switch (c) {
            case '؟', '?', '!', '،', ',', ';', '؛', '"', '“', '”', '«', '»', '(', ')', '[', ']', '/', '|', '…', '#', '@',
                    '=', '<', '>', '\n' -> true;
            default -> Character.isDigit(c);
        };
    }

    static boolean hasArabic(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0600' && c <= '\u06FF' || c >= '\u0750' && c <= '\u077F' || c >= '\uFB50' && c <= '\uFEFC') {
                return true;
            }
        }
        return false;
    }
}
