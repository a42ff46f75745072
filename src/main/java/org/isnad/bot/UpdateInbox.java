package org.isnad.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.isnad.Json;
import org.isnad.config.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The updates taken on but not yet delivered, in {@code <dataDir>/bot-inbox.jsonl}: each update is
 * written (and forced to disk) before the polling offset moves past it, and marked done once every
 * reply to it is sent or given up on. On start the bot answers what is still pending, so a kill
 * mid-burst loses nothing; what was delivered is never answered again. One line per event:
 * {@code {"bot": key, "update": {…}}} or {@code {"bot": key, "done": id}}; a line cut by a crash is
 * skipped. The file is rewritten with only what is pending when it grows. The owner's only (0600).
 */
public final class UpdateInbox implements AutoCloseable {

    public static final String FILE_NAME = "bot-inbox.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(UpdateInbox.class);
    /** Lines written before the file is rewritten with only the pending updates. */
    private static final int COMPACT_EVERY = 5_000;

    private final Path file;
    private final String key;
    private final ObjectMapper json = Json.mapper();
    /** This bot's pending updates by id; other bots' lines are kept as they are. */
    private final TreeMap<Long, JsonNode> pending = new TreeMap<>();
    private final List<String> otherBots = new ArrayList<>();
    private FileChannel out;
    private int lines;

    private UpdateInbox(Path file, String key) {
        this.file = file;
        this.key = key;
    }

    /** Opens the inbox of the bot {@code key} (keys as in {@link BotState}); a missing file starts empty. */
    public static UpdateInbox open(Path dataDir, String key) {
        UpdateInbox inbox = new UpdateInbox(dataDir.resolve(FILE_NAME), key);
        try {
            if (Files.exists(inbox.file)) {
                for (String line : Files.readAllLines(inbox.file, StandardCharsets.UTF_8)) {
                    inbox.replayLine(line);
                }
            }
            inbox.rewrite();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + inbox.file + "; move it away to start afresh", e);
        }
        return inbox;
    }

    private void replayLine(String line) {
        if (line.isBlank()) {
            return;
        }
        JsonNode n;
        try {
            n = json.readTree(line);
        } catch (IOException e) {
            return; // a line cut by a crash
        }
        if (n == null || !n.isObject()) {
            return;
        }
        if (!key.equals(n.path("bot").asText())) {
            otherBots.add(line);
        } else if (n.has("done")) {
            pending.remove(n.path("done").asLong());
        } else if (n.path("update").has("update_id")) {
            pending.put(n.path("update").path("update_id").asLong(), n.path("update"));
        }
    }

    /** Records {@code updates} as taken on, durably, before anything is answered. */
    public synchronized void take(List<Update> updates) {
        StringBuilder b = new StringBuilder();
        for (Update u : updates) {
            if (u.getUpdateId() == null) {
                continue;
            }
            JsonNode node = json.valueToTree(u);
            pending.put(u.getUpdateId().longValue(), node);
            ObjectNode line = json.createObjectNode().put("bot", key);
            line.set("update", node);
            b.append(line).append('\n');
        }
        append(b.toString(), true);
    }

    /** Forgets an update: every reply to it is out (or given up on and apologized for). */
    public synchronized void done(long updateId) {
        if (pending.remove(updateId) == null) {
            return;
        }
        append(json.createObjectNode().put("bot", key).put("done", updateId) + "\n", false);
        if (lines >= COMPACT_EVERY) {
            try {
                rewrite();
            } catch (IOException e) {
                LOG.warn("cannot compact {}: {}", file, e.toString());
            }
        }
    }

    /** The updates taken on but not delivered, oldest first. */
    public synchronized List<Update> pending() {
        List<Update> out = new ArrayList<>();
        for (Map.Entry<Long, JsonNode> e : pending.entrySet()) {
            try {
                out.add(json.treeToValue(e.getValue(), Update.class));
            } catch (IOException | RuntimeException bad) {
                LOG.warn("a pending update {} cannot be read back; it is dropped: {}", e.getKey(), bad.toString());
            }
        }
        return out;
    }

    public synchronized int size() {
        return pending.size();
    }

    private void append(String text, boolean force) {
        if (text.isEmpty()) {
            return;
        }
        try {
            if (out == null) {
                out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                PrivateFiles.restrict(file);
            }
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                out.write(buf);
            }
            if (force) {
                out.force(false); // on disk before the offset moves on
            }
            lines += (int) text.chars().filter(c -> c == '\n').count();
        } catch (IOException e) {
            // answering goes on; only a crash before delivery could now lose these updates
            LOG.error("cannot write {}: {}", file, e.toString());
        }
    }

    /** The file with other bots' lines as they are and only this bot's pending updates. */
    private void rewrite() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        PrivateFiles.restrict(tmp);
        StringBuilder b = new StringBuilder();
        otherBots.forEach(l -> b.append(l).append('\n'));
        for (JsonNode u : pending.values()) {
            ObjectNode line = json.createObjectNode().put("bot", key);
            line.set("update", u);
            b.append(line).append('\n');
        }
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            c.write(ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8)));
            c.force(false);
        }
        org.isnad.config.PrivateFiles.replace(tmp, file);
        lines = otherBots.size() + pending.size();
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("closing {}: {}", file, e.toString());
            }
            out = null;
        }
    }
}
