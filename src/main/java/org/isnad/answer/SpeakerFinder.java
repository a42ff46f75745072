package org.isnad.answer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isnad.text.Sentence;

/**
 * Who speaks a sentence: the transcript turn the sentence splitter recorded, else reported speech in
 * the sentence («وقال اشتية: "…"», «ويوضح “فيليب تورل”», "…, said Lavrov"), else a turn label
 * ("فيليب تورو:") at the start of its paragraph.
 */
public final class SpeakerFinder {

    private static final String VERBS = "قال|قالت|أضاف|أضافت|أكد|أكدت|أوضح|أوضحت|يوضح|توضح|صرح|صرّح|صرحت|ذكر|ذكرت|أشار|أشارت|يقول|تقول|أعلن|أعلنت";
    private static final Pattern ARABIC_QUOTED = Pattern.compile("(?:" + VERBS + ")\\s+[“\"«]([^”\"»\\n]{2,40})[”\"»]");
    private static final Pattern ARABIC_COLON = Pattern.compile("(?:^|\\s)و?(?:" + VERBS + ")\\s+([^\\s:،“”\"«»]+(?:\\s+[^\\s:،“”\"«»]+){0,2})\\s*:");
    private static final String NAME = "([A-Z][\\p{L}.'-]+(?:\\s+[A-Z][\\p{L}.'-]+){0,3})";
    private static final Pattern ENGLISH_AFTER = Pattern.compile("\\b(?:said|says|told reporters|added)\\s+" + NAME);
    private static final Pattern ENGLISH_BEFORE = Pattern.compile(NAME + "\\s+(?:said|says|told|added|stated)\\b");
    private static final Pattern TURN = Pattern.compile("^([^\\n:.!?؟،,\"“”]{2,40}):");
    private static final Pattern SPEECH_VERB = Pattern.compile("^و?(?:" + VERBS + ")(?!\\p{L})");

    /** The speaker, or null. {@code documentText} is the whole text the sentence's offsets refer to. */
    public String speaker(Sentence sentence, String documentText) {
        if (sentence.speaker() != null && !sentence.speaker().isBlank()) {
            return sentence.speaker();
        }
        String s = sentence.of(documentText);
        String reported = reported(s);
        if (reported != null) {
            return reported;
        }
        int paragraphStart = documentText.lastIndexOf('\n', Math.max(0, sentence.start() - 1)) + 1;
        if (sentence.start() == 0) {
            paragraphStart = 0;
        }
        Matcher turn = TURN.matcher(documentText.substring(paragraphStart, Math.min(documentText.length(), paragraphStart + 42)));
        if (turn.find()) {
            String name = turn.group(1).strip();
            if (name.split("\\s+").length <= 4 && !SPEECH_VERB.matcher(name).find() && paragraphStart + turn.end() <= sentence.end()) {
                return name;
            }
        }
        return null;
    }

    static String reported(String s) {
        for (Pattern p : new Pattern[] {ARABIC_QUOTED, ARABIC_COLON, ENGLISH_AFTER, ENGLISH_BEFORE}) {
            Matcher m = p.matcher(s);
            if (m.find()) {
                String name = m.group(1).strip();
                if (!name.isEmpty() && !name.equals("It") && !name.equals("He") && !name.equals("She") && !name.equals("They")) {
                    return name;
                }
            }
        }
        return null;
    }
}
