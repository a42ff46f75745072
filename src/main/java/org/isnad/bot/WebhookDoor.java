package org.isnad.bot;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * One update through the webhook, answered exactly once across instances. The update's chat is held
 * ({@link SharedBotState#holdChat}) for as long as it is answered; under that hold the update is
 * claimed in the shared ledger, answered, and marked done once every reply is delivered, and only then
 * does the request get its 200. So:
 * <ul>
 *   <li>a redelivery (Telegram's, or a load balancer's retry after a cut connection) waits for the
 *       hold and then finds the update done: it is not answered again;</li>
 *   <li>the next update of the chat waits too: replies in a chat keep their order across instances;</li>
 *   <li>an instance killed mid-answer lets go of the hold with its database connection, and the
 *       redelivery claims the update {@link SharedBotState.Claim#AGAIN} and answers it.</li>
 * </ul>
 * What no design can close: an instance killed after Telegram accepted a reply and before the
 * ledger's "done" (one statement, about a millisecond) has it answered again on redelivery; so has
 * one cut off from the database (a partition) while it answers, since its hold goes with its session.
 */
final class WebhookDoor {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDoor.class);
    /** Below Telegram's own wait for a webhook answer (about a minute), so a long wait ends in a retry, not a pile-up. */
    static final Duration CHAT_WAIT = Duration.ofSeconds(50);

    private final IsnadBot bot;
    private final SharedBotState shared;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong again = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();

    WebhookDoor(IsnadBot bot, SharedBotState shared) {
        this.bot = bot;
        this.shared = shared;
    }

    /** Takes one update; returns the HTTP status for the request (503: try again later). */
    int take(Update u) {
        if (u == null || u.getUpdateId() == null) {
            return 400;
        }
        long updateId = u.getUpdateId();
        try (SharedBotState.ChatHold hold = shared.holdChat(chatOf(u))) {
            SharedBotState.Claim claim = hold.claim(updateId, System.currentTimeMillis());
            if (claim == SharedBotState.Claim.DONE) {
                duplicates.incrementAndGet();
                return 200;
            }
            if (claim == SharedBotState.Claim.AGAIN) {
                again.incrementAndGet();
                LOG.info("update {} was taken on by an instance that stopped before delivering it: answering it", updateId);
            }
            awaitDelivered(bot.answer(u));
            markDone(hold, updateId);
            answered.incrementAndGet();
            return 200;
        } catch (SQLException e) {
            unavailable.incrementAndGet();
            LOG.warn("update {} not taken on ({}): Telegram will send it again", updateId, e.getMessage());
            return 503;
        } catch (ExecutionException e) {
            LOG.error("update {} failed: {}", updateId, e.getCause().toString());
            return 500;
        }
    }

    /**
     * Waits until every reply is delivered or given up on (the sender's retries bound it). Never
     * cut short, not even by an interrupt (the server stopping): letting go of the chat while the
     * answer may still go out would have the redelivery answer it again.
     */
    private static void awaitDelivered(java.util.concurrent.CompletableFuture<Void> delivered) throws ExecutionException {
        boolean interrupted = false;
        while (true) {
            try {
                delivered.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Marks the update delivered, trying again on a failure: a miss would have the redelivery answer it twice. */
    private static void markDone(SharedBotState.ChatHold hold, long updateId) throws SQLException {
        SQLException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                hold.done(updateId, System.currentTimeMillis());
                return;
            } catch (SQLException e) {
                last = e;
            }
        }
        throw last;
    }

    /** The chat an update belongs to; an update without one stands alone. */
    static long chatOf(Update u) {
        if (u.hasMessage() && u.getMessage().getChatId() != null) {
            return u.getMessage().getChatId();
        }
        if (u.hasEditedMessage() && u.getEditedMessage().getChatId() != null) {
            return u.getEditedMessage().getChatId();
        }
        if (u.hasCallbackQuery() && u.getCallbackQuery().getMessage() != null) {
            return u.getCallbackQuery().getMessage().getChatId();
        }
        return Long.MIN_VALUE + u.getUpdateId(); // below any chat id Telegram gives
    }

    /** Updates answered here, answered again after another instance stopped, and redeliveries found done. */
    long answered() {
        return answered.get();
    }

    long answeredAgain() {
        return again.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long unavailable() {
        return unavailable.get();
    }
}
