package org.isnad.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.isnad.Json;
import org.isnad.text.Language;

/**
 * What the bot must remember across restarts, in {@code <dataDir>/bot-state.json}: the last update it
 * has taken on (written before it replies, so a restart never answers an update twice) and each user's
 * /lang choice. Kept per bot and Bot API endpoint ({@code key}), since update ids are per bot and an
 * emulator starts its own count again. Written to a temporary file and moved into place, the
 * owner's only (0600). Users are stored as the answer log's pseudonyms of their ids, never the ids
 * (a file written before that is converted when read).
 */
public final class BotState {

    public static final String FILE_NAME = "bot-state.json";

    private final Path file;
    private final String key;
    private long lastUpdateId;
    /** The newest message date (epoch seconds) among the updates taken on: tells a reset of ids from a repeat. */
    private long lastUpdateDate;
    private final Map<String, Language> languages = new HashMap<>();
    private final java.util.function.Function<Long, String> pseudonym;
    /** Several instances: the languages live in the shared database, and there is no file. */
    private final SharedBotState shared;

    private BotState(Path file, String key, java.util.function.Function<Long, String> pseudonym, SharedBotState shared) {
        this.file = file;
        this.key = key;
        this.pseudonym = pseudonym;
        this.shared = shared;
    }

    /**
     * The state of one of several instances (webhook mode): each reader's language in the shared
     * database; no update ids to remember, since the shared ledger of updates does that.
     */
    public static BotState shared(SharedBotState shared, java.util.function.Function<Long, String> pseudonym) {
        return new BotState(null, null, pseudonym, shared);
    }

    /** Reads the state for {@code key} from {@code dataDir}; a missing or unreadable file starts afresh. */
    public static BotState open(Path dataDir, String key, java.util.function.Function<Long, String> pseudonym) {
        BotState state = new BotState(dataDir.resolve(FILE_NAME), key, pseudonym, null);
        if (Files.exists(state.file)) {
            try {
                JsonNode bot = Json.mapper().readTree(state.file.toFile()).path("bots").path(key);
                state.lastUpdateId = bot.path("lastUpdateId").asLong(0);
                state.lastUpdateDate = bot.path("lastUpdateDate").asLong(0);
                boolean[] rawIds = {false};
                bot.path("languages").fields().forEachRemaining(e -> {
                    Language l = Language.fromCode(e.getValue().asText());
                    String user = e.getKey();
                    if (user.matches("-?[0-9]+")) {
                        user = pseudonym.apply(Long.parseLong(user)); // written before users were pseudonymized
                        rawIds[0] = true;
                    }
                    if (l != Language.OTHER) {
                        state.languages.put(user, l);
                    }
                });
                if (rawIds[0]) {
                    state.save();
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("cannot read " + state.file + " (" + e.getMessage()
                        + "); move it away to start afresh", e);
            }
        }
        return state;
    }

    /** The shared database behind this state (several instances), or null. */
    SharedBotState sharedState() {
        return shared;
    }

    /** What a reader's id is stored as (the answer log's pseudonym). */
    String pseudonymOf(long id) {
        return pseudonym.apply(id);
    }

    public synchronized long lastUpdateId() {
        return lastUpdateId;
    }

    /** Records that updates up to {@code updateId} are taken on; persisted before this returns. */
    public synchronized void advanceTo(long updateId) {
        advanceTo(updateId, 0);
    }

    /** As {@link #advanceTo(long)}, remembering the newest message date taken on ({@code date}, epoch seconds). */
    public synchronized void advanceTo(long updateId, long date) {
        boolean changed = false;
        if (updateId > lastUpdateId) {
            lastUpdateId = updateId;
            changed = true;
        }
        if (date > lastUpdateDate) {
            lastUpdateDate = date;
            changed = true;
        }
        if (changed) {
            save();
        }
    }

    /**
     * Telegram chose a new, lower starting id (it does after a week without updates): updates from
     * {@code updateId + 1} on are new again. Persisted before this returns.
     */
    public synchronized void resetTo(long updateId) {
        lastUpdateId = updateId;
        save();
    }

    /**
     * Whether an update is new although its id is not above the last one taken on: Telegram started
     * ids again lower (it does after a week without updates), and its message is newer than any taken on.
     */
    public synchronized boolean newAfterIdReset(long updateId, long messageDate) {
        return updateId <= lastUpdateId && lastUpdateDate > 0 && messageDate > lastUpdateDate;
    }

    public synchronized long lastUpdateDate() {
        return lastUpdateDate;
    }

    /** The user's /lang choice; empty means "auto". */
    public Optional<Language> language(long userId) {
        if (shared != null) {
            return shared.language(pseudonym.apply(userId)); // outside the monitor: one reader's query holds up no other
        }
        synchronized (this) {
            return Optional.ofNullable(languages.get(pseudonym.apply(userId)));
        }
    }

    public void setLanguage(long userId, Language language) {
        if (shared != null) {
            shared.setLanguage(pseudonym.apply(userId), language);
            return;
        }
        setLanguageHere(userId, language);
    }

    private synchronized void setLanguageHere(long userId, Language language) {
        if (language == null || language == Language.OTHER) {
            languages.remove(pseudonym.apply(userId));
        } else {
            languages.put(pseudonym.apply(userId), language);
        }
        save();
    }

    private void save() {
        if (file == null) {
            return; // shared: nothing of this instance's own to keep
        }
        try {
            ObjectNode root = Files.exists(file) ? readOrEmpty() : Json.mapper().createObjectNode();
            ObjectNode bots = root.has("bots") && root.get("bots").isObject() ? (ObjectNode) root.get("bots") : root.putObject("bots");
            ObjectNode bot = bots.putObject(key);
            bot.put("lastUpdateId", lastUpdateId);
            bot.put("lastUpdateDate", lastUpdateDate);
            ObjectNode langs = bot.putObject("languages");
            languages.forEach((user, l) -> langs.put(user, l.code()));
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            org.isnad.config.PrivateFiles.restrict(tmp);
            Files.write(tmp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            org.isnad.config.PrivateFiles.replace(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private ObjectNode readOrEmpty() {
        try {
            JsonNode n = Json.mapper().readTree(file.toFile());
            return n instanceof ObjectNode o ? o : Json.mapper().createObjectNode();
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }
}
