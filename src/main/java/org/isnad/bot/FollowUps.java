package org.isnad.bot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.isnad.answer.QuestionTypeDetector;
import org.isnad.text.CueLexicon;
import org.isnad.text.Language;
import org.isnad.text.Token;
import org.isnad.text.Tokens;

/**
 * Reads "and when?", "ومتى؟", "why?", "مين كمان؟" in the context of the chat's previous question:
 * the follow-up's question word takes the place of the previous question's, which keeps its own
 * words ("Who did Russia invite to Moscow?" + "and when?" → "when did Russia invite to Moscow?").
 * Remembered per chat only (nothing of one chat ever reaches another), for {@link #WINDOW_MS} and
 * at most {@link #MAX_FOLLOW_UPS} follow-ups in a row; in a group only a reply to the bot's answer
 * is read so. Thread-safe.
 */
final class FollowUps {

    /** How long a question stays the context of the next message. */
    static final long WINDOW_MS = 10 * 60_000L;
    static final int MAX_FOLLOW_UPS = 3;
    /** A follow-up is short: its question word, an opener or two, a word of its own at most. */
    private static final int MAX_WORDS = 4;
    private static final int MAX_CHATS = 10_000;

    /** A chat's last question, when it was asked, and how many follow-ups have been read with it. */
    record Last(String question, long at, int followUps) {}

    /** Where the last questions are kept: this process's memory, or the database every instance shares. */
    interface Memory {
        Last get(long chatId);

        void put(long chatId, Last last);
    }

    private final QuestionTypeDetector types = new QuestionTypeDetector();
    private final Memory last;

    /** Kept in this process's memory (one instance). */
    FollowUps() {
        Map<Long, Last> map = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Last> eldest) {
                return size() > MAX_CHATS;
            }
        };
        this.last = new Memory() {
            @Override
            public Last get(long chatId) {
                return map.get(chatId);
            }

            @Override
            public void put(long chatId, Last l) {
                map.put(chatId, l);
            }
        };
    }

    /** Kept where {@code memory} says (several instances: the shared database, so a follow-up may reach any). */
    FollowUps(Memory memory) {
        this.last = memory;
    }

    /**
     * The question to ask for {@code text} in {@code chatId}: the follow-up read with the previous
     * question ({@code replyToQuestion}, the question of the answer replied to, comes first), or
     * {@code text} itself. {@code privateChat} false: only a reply is read as a follow-up.
     */
    synchronized String expand(long chatId, String text, boolean privateChat, String replyToQuestion, long now) {
        Last prev = last.get(chatId);
        String context = replyToQuestion != null ? replyToQuestion
                : privateChat && prev != null && now - prev.at() <= WINDOW_MS && prev.followUps() < MAX_FOLLOW_UPS ? prev.question() : null;
        String asked = context == null ? null : combine(context, text);
        int followUps = asked == null ? 0 : (prev == null ? 0 : prev.followUps()) + 1;
        // a follow-up's own context stays the original question: "and when?" then "and why?" both read with it
        last.put(chatId, new Last(asked == null ? text : context, now, followUps));
        return asked == null ? text : asked;
    }

    /** The follow-up read with {@code previous}, or null when {@code text} is no follow-up. */
    String combine(String previous, String text) {
        boolean arabic = hasArabic(text);
        List<String> words = Tokens.tokenize(text).stream().map(Token::text).toList();
        if (words.isEmpty() || words.size() > MAX_WORDS) {
            return null;
        }
        CueLexicon cues = CueLexicon.of(arabic ? Language.AR : Language.EN);
        List<String> rest = new ArrayList<>(words);
        while (!rest.isEmpty() && cues.opensFollowUp(rest.get(0))) {
            rest.remove(0);
        }
        if (rest.isEmpty()) {
            return null;
        }
        int[] cue = types.cueAt(rest, arabic);
        if (cue == null || cue[0] != 0) {
            return null;
        }
        List<String> tail = rest.subList(cue[1], rest.size()).stream().filter(w -> !cues.opensFollowUp(w)).toList();
        if (tail.size() > 1) {
            return null; // a question of its own, not a follow-up
        }
        String questionWord = String.join(" ", rest.subList(0, cue[1]));
        if (arabic && questionWord.length() > 2 && (questionWord.startsWith("و") || questionWord.startsWith("ف"))
                && types.cueAt(List.of(questionWord.substring(1)), true) != null) {
            questionWord = questionWord.substring(1); // "ومتى" → "متى"
        }
        boolean prevArabic = hasArabic(previous);
        List<String> prevWords = Tokens.tokenize(previous).stream().map(Token::text).toList();
        int[] prevCue = types.cueAt(prevWords, prevArabic);
        List<String> body = prevCue == null ? prevWords : prevWords.subList(prevCue[0] + prevCue[1], prevWords.size());
        if (body.isEmpty()) {
            return null;
        }
        String joined = questionWord + " " + String.join(" ", body) + (tail.isEmpty() ? "" : " " + tail.get(0));
        return joined + (prevArabic ? "؟" : "?");
    }

    private static boolean hasArabic(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
    }
}
