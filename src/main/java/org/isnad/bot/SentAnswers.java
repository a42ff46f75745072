package org.isnad.bot;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which of the bot's sent messages carry which answer (its answer-log reference), so that "/brief"
 * sent as a reply to an answer can brief on that answer's documents. Bounded: the oldest messages are
 * forgotten first. Restart-safe like the references themselves: each message is appended to
 * {@code <dataDir>/bot-answers.tsv} ({@code key, chat, message, ref} a line; keys as in {@link BotState},
 * since message ids are per bot and an emulator counts afresh), and the file is rewritten with only
 * what is remembered when it grows past twice the capacity. A damaged line is skipped. The chat is
 * stored as the answer log's pseudonym of its id, never the id itself (a file written before that
 * is converted on open), and the file is the owner's only (0600).
 */
public final class SentAnswers {

    public static final String FILE_NAME = "bot-answers.tsv";

    private record Key(String chat, int messageId) {}

    private final Path file;
    private final String key;
    private final int capacity;
    private final Function<Long, String> pseudonym;
    private final LinkedHashMap<Key, Long> refs;
    private int lines;
    /** Several instances: the map lives in the shared database (this memory is its cache). */
    private SharedBotState shared;

    private SentAnswers(Path file, String key, int capacity, Function<Long, String> pseudonym) {
        this.file = file;
        this.key = key;
        this.pseudonym = pseudonym;
        this.capacity = Math.max(1, capacity);
        this.refs = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Long> eldest) {
                return size() > SentAnswers.this.capacity;
            }
        };
    }

    /** Kept in the shared database, so that an instance finds what another sent (webhook mode). */
    public static SentAnswers shared(SharedBotState shared, int capacity, Function<Long, String> pseudonym) {
        SentAnswers s = new SentAnswers(null, null, capacity, pseudonym);
        s.shared = shared;
        return s;
    }

    /** Kept in memory only (tests, benchmarks). */
    public static SentAnswers inMemory(int capacity) {
        return new SentAnswers(null, null, capacity, String::valueOf);
    }

    /**
     * Reads what {@code dataDir} remembers for the bot {@code key}; a missing file starts afresh.
     * {@code pseudonym} turns a chat id into what is stored (the answer log's pseudonymizer).
     */
    public static SentAnswers open(Path dataDir, String key, int capacity, Function<Long, String> pseudonym) {
        SentAnswers s = new SentAnswers(dataDir.resolve(FILE_NAME), key, capacity, pseudonym);
        boolean rawIds = false;
        if (Files.exists(s.file)) {
            try {
                for (String line : Files.readAllLines(s.file, StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t");
                    if (f.length == 4 && f[0].equals(key)) {
                        s.lines++;
                        try {
                            String chat = f[1];
                            if (chat.matches("-?[0-9]+")) {
                                chat = pseudonym.apply(Long.parseLong(chat)); // written before chats were pseudonymized
                                rawIds = true;
                            }
                            s.refs.put(new Key(chat, Integer.parseInt(f[2])), Long.parseLong(f[3]));
                        } catch (NumberFormatException damaged) {
                            // a line cut by a crash: skipped
                        }
                    }
                }
                if (rawIds) {
                    s.rewrite();
                }
                org.isnad.config.PrivateFiles.restrict(s.file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + s.file + "; move it away to start afresh", e);
            }
        }
        return s;
    }

    /** Remembers that message {@code messageId} in {@code chatId} carries answer {@code ref}. Never throws. */
    public void remember(long chatId, int messageId, long ref) {
        if (shared != null) {
            String chat = pseudonym.apply(chatId);
            synchronized (this) {
                refs.put(new Key(chat, messageId), ref);
            }
            try {
                shared.rememberAnswer(chat, messageId, ref, System.currentTimeMillis()); // outside the monitor
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(SentAnswers.class).warn("{}", e.getMessage());
            }
            return;
        }
        rememberHere(chatId, messageId, ref);
    }

    private synchronized void rememberHere(long chatId, int messageId, long ref) {
        String chat = pseudonym.apply(chatId);
        refs.put(new Key(chat, messageId), ref);
        if (file == null) {
            return;
        }
        try {
            if (lines >= 2 * capacity) {
                rewrite();
            } else {
                boolean fresh = !Files.exists(file);
                Files.writeString(file, line(key, chat, messageId, ref), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                if (fresh) {
                    org.isnad.config.PrivateFiles.restrict(file);
                }
                lines++;
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(SentAnswers.class).warn("cannot write {}: {}", file, e.toString());
        }
    }

    /** The answer reference carried by that message, if it is remembered. */
    public Optional<Long> ref(long chatId, int messageId) {
        Key k = new Key(pseudonym.apply(chatId), messageId);
        Long mine;
        synchronized (this) {
            mine = refs.get(k);
        }
        if (mine != null || shared == null) {
            return Optional.ofNullable(mine);
        }
        return shared.answerRef(k.chat(), messageId); // sent by another instance; outside the monitor
    }

    public synchronized int size() {
        return refs.size();
    }

    /** The file with other bots' lines kept as they are and this bot's cut to what is remembered. */
    private void rewrite() throws IOException {
        List<String> others = new ArrayList<>();
        if (Files.exists(file)) {
            for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!l.startsWith(key + "\t")) {
                    others.add(l);
                }
            }
        }
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        org.isnad.config.PrivateFiles.restrict(tmp);
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (String l : others) {
                w.write(l);
                w.write('\n');
            }
            for (Map.Entry<Key, Long> e : refs.entrySet()) {
                w.write(line(key, e.getKey().chat(), e.getKey().messageId(), e.getValue()));
            }
        }
        org.isnad.config.PrivateFiles.replace(tmp, file);
        lines = refs.size();
    }

    private static String line(String key, String chat, int messageId, long ref) {
        return key + "\t" + chat + "\t" + messageId + "\t" + ref + "\n";
    }
}
