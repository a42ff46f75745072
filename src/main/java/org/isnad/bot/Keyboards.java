package org.isnad.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.isnad.answer.Answer;
import org.isnad.answer.Citation;
import org.isnad.text.Language;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** The buttons under an answer: "Source [n]" for each quote (four to a row), then 👍 and 👎. */
final class Keyboards {

    private static final int SOURCES_PER_ROW = 4;

    private Keyboards() {}

    /** The buttons, signed for {@code chatId} and the asking {@code userId} ({@link ButtonSigner}). */
    static InlineKeyboardMarkup forAnswer(Answer answer, long ref, BotTexts texts, Language language,
                                          ButtonSigner signer, long chatId, long userId) {
        return forAnswer(answer, ref, texts, language, signer, chatId, userId, null, null);
    }

    /**
     * The buttons as they stand after feedback: the choice marked ✓ ({@code chosen}: TRUE 👍, FALSE
     * 👎, null none), and after a 👎 the reasons to pick from, the one picked ({@code reason}) marked.
     */
    static InlineKeyboardMarkup forAnswer(Answer answer, long ref, BotTexts texts, Language language,
                                          ButtonSigner signer, long chatId, long userId, Boolean chosen, String reason) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (Citation c : answer.citations()) {
            if (row.size() == SOURCES_PER_ROW) {
                rows.add(row);
                row = new InlineKeyboardRow();
            }
            row.add(button(texts.plain(language, "button.source", Map.of("n", c.n())), CallbackData.source(ref, c.n()), signer, chatId, userId));
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        String mark = " ✓";
        rows.add(new InlineKeyboardRow(
                button(texts.plain(language, "button.up", Map.of()) + (Boolean.TRUE.equals(chosen) ? mark : ""),
                        CallbackData.feedback(ref, true), signer, chatId, userId),
                button(texts.plain(language, "button.down", Map.of()) + (Boolean.FALSE.equals(chosen) ? mark : ""),
                        CallbackData.feedback(ref, false), signer, chatId, userId)));
        if (Boolean.FALSE.equals(chosen)) {
            InlineKeyboardRow reasons = new InlineKeyboardRow();
            for (int i = 0; i < CallbackData.REASONS.size(); i++) {
                String code = CallbackData.REASONS.get(i);
                reasons.add(button(texts.plain(language, "button.reason." + code, Map.of()) + (code.equals(reason) ? mark : ""),
                        CallbackData.reason(ref, i), signer, chatId, userId));
            }
            rows.add(reasons);
        }
        return new InlineKeyboardMarkup(rows);
    }

    /**
     * Under Source [n]'s view: ‹ Back and Next › to the paragraph before and after the one shown
     * ({@code shift} from the quote's), each only where there is one.
     */
    static InlineKeyboardMarkup forSource(long ref, int n, int shift, boolean hasBefore, boolean hasAfter, BotTexts texts,
                                          Language language, ButtonSigner signer, long chatId) {
        InlineKeyboardRow row = new InlineKeyboardRow();
        if (hasBefore) {
            row.add(button(texts.plain(language, "button.back", Map.of()), CallbackData.passage(ref, n, shift - 1), signer, chatId, 0));
        }
        if (hasAfter) {
            row.add(button(texts.plain(language, "button.next", Map.of()), CallbackData.passage(ref, n, shift + 1), signer, chatId, 0));
        }
        return row.isEmpty() ? null : new InlineKeyboardMarkup(List.of(row));
    }

    private static InlineKeyboardButton button(String label, CallbackData data, ButtonSigner signer, long chatId, long userId) {
        return InlineKeyboardButton.builder().text(label).callbackData(data.encode(signer, chatId, userId)).build();
    }
}
