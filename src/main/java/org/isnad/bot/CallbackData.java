package org.isnad.bot;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What an inline button carries back, within Telegram's 1–64 bytes: {@code src:<ref>:<n>:<sig>} for
 * "Source [n]", {@code pg:<ref>:<n>.<shift>:<sig>} for its Back / Next (the paragraph {@code shift}
 * paragraphs from the quote's) and {@code fb:<ref>:up|down:<sig>} for feedback. {@code ref} is the answer's reference
 * (its answer-log id); {@code sig} binds the button to the chat it was sent to (and, for feedback, to
 * the user who asked), see {@link ButtonSigner}. Data without a valid signature acts on nothing.
 */
public record CallbackData(Kind kind, long ref, int n, boolean up, String signature, int shift) {

    public CallbackData(Kind kind, long ref, int n, boolean up, String signature) {
        this(kind, ref, n, up, signature, 0);
    }

    public static final int MAX_BYTES = 64;

    public enum Kind { SOURCE, PASSAGE, FEEDBACK, REASON }

    /** Why an answer got 👎, one tap more: the codes the buttons carry and the log keeps. */
    public static final List<String> REASONS = List.of("quote", "article", "unanswered", "other");

    public static CallbackData source(long ref, int n) {
        return new CallbackData(Kind.SOURCE, ref, n, false, null);
    }

    /** Source [n]'s view moved {@code shift} paragraphs from the quote's (negative: back). */
    public static CallbackData passage(long ref, int n, int shift) {
        return new CallbackData(Kind.PASSAGE, ref, n, false, null, shift);
    }

    public static CallbackData feedback(long ref, boolean up) {
        return new CallbackData(Kind.FEEDBACK, ref, 0, up, null);
    }

    /** A 👎 reason button: {@code n} indexes {@link #REASONS}. */
    public static CallbackData reason(long ref, int n) {
        return new CallbackData(Kind.REASON, ref, n, false, null);
    }

    public String reasonCode() {
        return kind == Kind.REASON && n >= 0 && n < REASONS.size() ? REASONS.get(n) : null;
    }

    /** What is signed: the data without its signature. */
    public String payload() {
        return switch (kind) {
            case SOURCE -> "src:" + ref + ":" + n;
            case PASSAGE -> "pg:" + ref + ":" + n + "." + shift;
            case FEEDBACK -> "fb:" + ref + ":" + (up ? "up" : "down");
            case REASON -> "fr:" + ref + ":" + n;
        };
    }

    /** The user a press must come from: the asker for feedback, anyone in the chat (0) for a source and its passages. */
    private long boundUser(long userId) {
        return kind == Kind.SOURCE || kind == Kind.PASSAGE ? 0 : userId;
    }

    /** The data signed for the chat (and user) the answer goes to. */
    String encode(ButtonSigner signer, long chatId, long userId) {
        String s = payload() + ":" + signer.sign(payload(), chatId, boundUser(userId));
        if (s.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalStateException("callback data over 64 bytes: " + s);
        }
        return s;
    }

    /** Whether this press, from {@code chatId} by {@code userId}, is one the button was made for. */
    boolean pressedWhereSent(ButtonSigner signer, long chatId, long userId) {
        return signer.valid(payload(), chatId, boundUser(userId), signature);
    }

    /** The parsed data (signature unchecked), or empty for anything this bot could not have written. */
    public static Optional<CallbackData> decode(String data) {
        if (data == null) {
            return Optional.empty();
        }
        String[] p = data.split(":", -1);
        if (p.length != 3 && p.length != 4) {
            return Optional.empty();
        }
        String sig = p.length == 4 ? p[3] : null;
        try {
            long ref = Long.parseLong(p[1]);
            return switch (p[0]) {
                case "src" -> Optional.of(new CallbackData(Kind.SOURCE, ref, Integer.parseInt(p[2]), false, sig));
                case "pg" -> {
                    String[] at = p[2].split("\\.", -1);
                    yield at.length == 2 ? Optional.of(new CallbackData(Kind.PASSAGE, ref, Integer.parseInt(at[0]), false, sig,
                            Integer.parseInt(at[1]))) : Optional.empty();
                }
                case "fr" -> Optional.of(new CallbackData(Kind.REASON, ref, Integer.parseInt(p[2]), false, sig));
                case "fb" -> p[2].equals("up") || p[2].equals("down")
                        ? Optional.of(new CallbackData(Kind.FEEDBACK, ref, 0, p[2].equals("up"), sig)) : Optional.empty();
                default -> Optional.empty();
            };
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
