package org.isnad.feeds;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.isnad.Json;

/**
 * The feeds the archive follows, in {@code <dataDir>/feeds.json}, with what polling needs to be
 * polite and to resume: the validators of the last answer (ETag, Last-Modified) and, for a feed that
 * fails, how many times in a row and when to try again. Written to a temporary file and moved into place.
 */
public final class FeedList {

    public static final String FILE_NAME = "feeds.json";

    /**
     * One feed. {@code nextAttemptAt} (epoch ms, 0: whenever polled) holds a failing feed back.
     */
    public record Feed(String url, String outlet, String lang, String etag, String lastModified, long lastPolledAt,
                       int failures, long nextAttemptAt, String lastError) {

        static Feed of(String url, String outlet, String lang) {
            return new Feed(url, outlet, lang, null, null, 0, 0, 0, null);
        }

        Feed polled(long at, String etag, String lastModified) {
            return new Feed(url, outlet, lang, etag, lastModified, at, 0, 0, null);
        }

        Feed failed(long at, long retryAt, String error) {
            return new Feed(url, outlet, lang, etag, lastModified, at, failures + 1, retryAt, error);
        }
    }

    private final Path file;
    private final ObjectMapper json = Json.mapper();
    private final List<Feed> feeds = new ArrayList<>();

    private FeedList(Path file) {
        this.file = file;
    }

    public static FeedList open(Path dataDir) {
        FeedList list = new FeedList(dataDir.resolve(FILE_NAME));
        if (Files.exists(list.file)) {
            try {
                list.feeds.addAll(list.json.readValue(list.file.toFile(), new TypeReference<List<Feed>>() {}));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + list.file + " (" + e.getMessage() + "); fix or move it away", e);
            }
        }
        return list;
    }

    public synchronized List<Feed> all() {
        return List.copyOf(feeds);
    }

    public synchronized Optional<Feed> get(String url) {
        return feeds.stream().filter(f -> f.url().equals(url)).findFirst();
    }

    /** Adds a feed (or updates its outlet and language); returns false when it was there already. */
    public synchronized boolean add(String url, String outlet, String lang) {
        for (int i = 0; i < feeds.size(); i++) {
            Feed f = feeds.get(i);
            if (f.url().equals(url)) {
                feeds.set(i, new Feed(url, outlet != null ? outlet : f.outlet(), lang != null ? lang : f.lang(), f.etag(),
                        f.lastModified(), f.lastPolledAt(), f.failures(), f.nextAttemptAt(), f.lastError()));
                save();
                return false;
            }
        }
        feeds.add(Feed.of(url, outlet, lang));
        save();
        return true;
    }

    public synchronized boolean remove(String url) {
        boolean removed = feeds.removeIf(f -> f.url().equals(url));
        if (removed) {
            save();
        }
        return removed;
    }

    synchronized void replace(Feed updated) {
        for (int i = 0; i < feeds.size(); i++) {
            if (feeds.get(i).url().equals(updated.url())) {
                feeds.set(i, updated);
                save();
                return;
            }
        }
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), feeds);
            org.isnad.config.PrivateFiles.replace(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
