package org.isnad.bot;

import java.util.List;
import org.isnad.answer.Answer;
import org.isnad.answer.Citation;
import org.isnad.text.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Runs each path once at start-up, so the first subscriber does not wait for it: the library's JSON
 * readers for updates and messages (building them takes over a second on a small machine), and the
 * renderer. Nothing is sent.
 */
final class WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

    private static final String UPDATES = """
            {"ok":true,"result":[
             {"update_id":1,"message":{"message_id":1,"date":1700000000,"text":"/start@bot x",
               "entities":[{"type":"bot_command","offset":0,"length":10}],
               "from":{"id":1,"is_bot":false,"first_name":"A","language_code":"ar"},
               "chat":{"id":1,"type":"private","first_name":"A"},
               "reply_to_message":{"message_id":2,"date":1700000000,"text":"t","from":{"id":2,"is_bot":true,"first_name":"B"},
                 "chat":{"id":1,"type":"private"}}}},
             {"update_id":2,"callback_query":{"id":"1","chat_instance":"c","data":"fb:1:up",
               "from":{"id":1,"is_bot":false,"first_name":"A"},
               "message":{"message_id":3,"date":1700000000,"text":"t","chat":{"id":1,"type":"private"},
                 "reply_markup":{"inline_keyboard":[[{"text":"x","callback_data":"fb:1:up"}]]}}}},
             {"update_id":3,"message":{"message_id":4,"date":1700000000,"chat":{"id":-5,"type":"group","title":"g"},
               "from":{"id":1,"is_bot":false,"first_name":"A"},
               "sticker":{"file_id":"f","file_unique_id":"u","type":"regular","width":1,"height":1,"is_animated":false,"is_video":false}}}]}""";

    private static final String SENT = """
            {"ok":true,"result":{"message_id":5,"date":1700000000,"text":"t","chat":{"id":1,"type":"private"},
              "from":{"id":2,"is_bot":true,"first_name":"B"},
              "reply_markup":{"inline_keyboard":[[{"text":"x","callback_data":"fb:1:up"}]]}}}""";

    private WarmUp() {}

    static void run(ReplyRenderer renderer) {
        long t0 = System.nanoTime();
        try {
            new GetUpdates().deserializeResponse(UPDATES);
            new SendMessage("1", "t").deserializeResponse(SENT);
        } catch (TelegramApiRequestException | RuntimeException e) {
            LOG.debug("warm-up of the JSON readers failed: {}", e.toString());
        }
        Citation c = new Citation(1, "d", "عنوان <t>", "Outlet", "2024-02-20", "اقتباس & quote", 0, 14, "اسم");
        for (Language l : List.of(Language.AR, Language.EN)) {
            renderer.answer(new Answer("q", l.code(), true, "a [1]", List.of(c), List.of(), "warm-up", 0, List.of(), List.of()), l);
        }
        LOG.debug("warm-up took {} ms", (System.nanoTime() - t0) / 1_000_000);
    }
}
