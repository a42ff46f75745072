package org.isnad.brief;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isnad.brief.Gazetteer.Entity;
import org.isnad.brief.Gazetteer.Kind;
import org.isnad.text.Language;

/**
 * Who and where a set of sentences is about. Known names come from the {@link Gazetteer} (shown in
 * the framing language); unknown people are found by cues: in Arabic a short quoted name after a
 * title ("رئيس الوزراء “محمد اشتية”") or a speaker ("وقال اشتية:"), in English capitalized names.
 * Each name is counted once per sentence; the most present come first.
 */
final class KeyFactsFinder {

    static final int MAX_WHO = 8;
    static final int MAX_WHERE = 4;

    /** A title, then within a few words a quoted name of one to three words. */
    private static final Pattern ARABIC_TITLED_NAME = Pattern.compile(
            "(?:رئيس|وزير|نائب|المتحدث|الناطق|محرر|المبعوث|مبعوث|الرئيس|الأمين|السفير|الجنرال|الملك|الأمير|قائد|مدير|زعيم|مراسل|المراسل|الصحفي|السيناتور|النائب|المستشار|الشيخ)"
                    + "[^“\"«.\\n]{0,40}[“\"«]\\s*([\\p{IsArabic}]{2,}(?:\\s+[\\p{IsArabic}]{2,}){0,2})\\s*[”\"»]");
    /** A verb of saying, then one or two words, then a colon or an opening quote: "وقال اشتية:". */
    private static final Pattern ARABIC_SPEAKER = Pattern.compile(
            "(?:^|\\s)(?:و|ف)?(?:قال|أكد|أضاف|أعلن|أوضح|يوضح|صرح|تابع|يقول|قالت|أكدت|أضافت|أعلنت)\\s+([\\p{IsArabic}]{3,}(?:\\s+[\\p{IsArabic}]{3,})?)\\s*:");
    /** Runs of capitalized English words (names, organizations, places). */
    private static final Pattern ENGLISH_NAME = Pattern.compile("\\b([A-Z][a-z]+(?:[ -](?:al-|bin |de |)?[A-Z][a-z]+){0,3})\\b");
    private static final Set<String> ENGLISH_NOT_NAMES = Set.of(
            "The", "A", "An", "In", "On", "At", "He", "She", "It", "They", "We", "I", "But", "And", "This", "That",
            "There", "These", "Those", "Mr", "Mrs", "Ms", "Dr", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December", "According", "After", "Before", "While", "When", "If",
            "As", "For", "His", "Her", "Their", "Our", "However", "Also", "Last", "Next", "One", "Two", "Some");

    /** Transcript labels that name a role, not a person ("مذيع الأخبار:", "Reporter:"). */
    private static final Pattern ROLE = Pattern.compile(
            "(?:ال)?(?:مذيع|مذيعة|مراسل|مراسلة|محاور|معلق|راوي|صوت|متحدث|سائل)|(?i:anchor|reporter|narrator|host|interviewer|voice|speaker|presenter)");

    private final Gazetteer gazetteer;

    KeyFactsFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** A sentence to read, with its language and speaker (nullable). */
    record Source(String docId, String text, Language language, String speaker, String outlet) {

        Source(String docId, String text, Language language, String speaker) {
            this(docId, text, language, speaker, null);
        }
    }

    record WhoWhere(List<String> who, List<String> where) {}

    /** Who and where, most present first; {@code topic} (nullable) is not listed as a "who". */
    WhoWhere find(List<Source> sentences, Language framing, String topic) {
        Map<String, Integer> who = new LinkedHashMap<>();
        Map<String, Integer> where = new LinkedHashMap<>();
        Set<String> known = new java.util.HashSet<>();
        Set<String> voices = new java.util.HashSet<>();
        for (Source s : sentences) {
            Set<String> people = new LinkedHashSet<>();
            Set<String> places = new LinkedHashSet<>();
            for (Entity e : gazetteer.find(s.text())) {
                (e.kind() == Kind.PLACE ? places : people).add(e.name(framing));
                known.add(e.name(framing));
            }
            // A speaker's turn runs over many sentences: the speaker counts once per document.
            boolean newVoice = s.speaker() != null && voices.add(s.docId() + "\u0000" + s.speaker());
            for (String name : cueNames(s, newVoice)) {
                List<Entity> entities = gazetteer.find(name);
                if (entities.isEmpty()) {
                    people.add(name);
                    if (name.equals(s.speaker())) {
                        known.add(name);
                    }
                } else if (entities.getFirst().kind() != Kind.PLACE) {
                    people.add(entities.getFirst().name(framing));
                    known.add(entities.getFirst().name(framing));
                }
            }
            people.forEach(p -> who.merge(p, 1, Integer::sum));
            places.forEach(p -> where.merge(p, 1, Integer::sum));
        }
        // A name found only by a cue (not in the gazetteer, not a speaker) must recur to count: cues misfire.
        who.entrySet().removeIf(e -> !known.contains(e.getKey()) && e.getValue() < 2);
        // The outlet that reported a sentence is not who it is about ("BBC", "France 24")
        Set<String> outlets = new java.util.HashSet<>();
        sentences.stream().map(Source::outlet).filter(o -> o != null && !o.isBlank())
                .forEach(o -> outlets.add(org.isnad.text.OutletNames.key(o)));
        who.keySet().removeIf(name -> isOutlet(name, outlets));
        if (topic != null) {
            List<String> topicWords = NameTokens.fold(topic);
            who.keySet().removeIf(name -> NameTokens.fold(name).equals(topicWords) || isDemonym(name));
        }
        return new WhoWhere(top(who, MAX_WHO), top(where, MAX_WHERE));
    }

    private static List<String> cueNames(Source s, boolean newVoice) {
        List<String> names = new ArrayList<>();
        if (newVoice && !s.speaker().isBlank() && !ROLE.matcher(s.speaker()).lookingAt()) {
            names.add(s.speaker().strip());
        }
        if (s.language() == Language.AR) {
            Matcher m = ARABIC_TITLED_NAME.matcher(s.text());
            while (m.find()) {
                names.add(m.group(1).strip());
            }
            m = ARABIC_SPEAKER.matcher(s.text());
            while (m.find()) {
                names.add(m.group(1).strip());
            }
        } else {
            Matcher m = ENGLISH_NAME.matcher(s.text());
            while (m.find()) {
                String name = m.group(1);
                boolean sentenceStart = m.start() == 0 && !name.contains(" ");
                if (!sentenceStart && !ENGLISH_NOT_NAMES.contains(name.split("[ -]")[0])) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** A name that is an outlet, or the start of one ("BBC" of "BBC News"). */
    private static boolean isOutlet(String name, Set<String> outletKeys) {
        String key = org.isnad.text.OutletNames.key(name);
        return !key.isEmpty() && outletKeys.stream().anyMatch(o -> o.equals(key) || o.startsWith(key));
    }

    /** "British", "Russian", "Chinese": adjectives of nationality, not actors. */
    private static boolean isDemonym(String name) {
        return name.matches("[A-Z][a-z]+(?:ish|ese|ian|ean)") && !name.matches("(?:Brian|Julian|Christian|Ian|Vivian|Adrian|Damian|Sebastian|Sean)");
    }

    private static List<String> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .limit(n)
                .map(Map.Entry::getKey)
                .toList();
    }
}
