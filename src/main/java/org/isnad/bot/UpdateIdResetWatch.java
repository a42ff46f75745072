package org.isnad.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.isnad.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.BotSession;

/**
 * Telegram starts update ids again at a random value after a week without updates. The polling
 * library drops every update whose id is below the last one it received, so after such a reset the
 * bot would hear nothing, silently, until restarted. This watch reads each getUpdates answer first:
 * an update whose id is not above the last one taken on, on a message newer than any taken on, is a
 * reset; the session's last received id is moved below it so the library hands it on, and
 * {@link IsnadBot#consume} takes it (and the ids after it) as new.
 */
final class UpdateIdResetWatch implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateIdResetWatch.class);
    private static final long MAX_PEEK_BYTES = 8L << 20;

    private final BotState state;
    private final AtomicReference<BotSession> session;

    UpdateIdResetWatch(BotState state, AtomicReference<BotSession> session) {
        this.state = state;
        this.session = session;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (!chain.request().url().encodedPath().toLowerCase(Locale.ROOT).endsWith("/getupdates") || !response.isSuccessful()) {
            return response;
        }
        try {
            JsonNode result = Json.mapper().readTree(response.peekBody(MAX_PEEK_BYTES).string()).path("result");
            long last = state.lastUpdateId();
            long lowest = Long.MAX_VALUE;
            for (JsonNode u : result) {
                long id = u.path("update_id").asLong(0);
                if (id > 0 && state.newAfterIdReset(id, u.path("message").path("date").asLong(0))) {
                    lowest = Math.min(lowest, id);
                }
            }
            BotSession s = session.get();
            if (lowest != Long.MAX_VALUE && s != null && s.getLastReceivedUpdate().get() >= lowest) {
                LOG.warn("Telegram restarted update ids (new id {} below {}); polling takes them on", lowest, last);
                s.getLastReceivedUpdate().set((int) lowest - 1);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not read a getUpdates answer for id resets: {}", e.toString());
        }
        return response;
    }
}
