package org.isnad;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.isnad.brief.Briefer;
import org.isnad.answer.AnswerFactory;
import org.isnad.answer.AnswerService;
import org.isnad.answer.llm.LlmAnswerers;
import org.isnad.audit.AuditLog;
import org.isnad.config.IsnadConfig;
import org.isnad.index.ArchiveStore;
import org.isnad.index.IsnadIndex;
import org.isnad.index.OpenSearchStore;
import org.isnad.ingest.IngestListener;
import org.isnad.ingest.IngestReport;
import org.isnad.ingest.Ingester;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every feature from one {@link IsnadConfig} and hands the doors
 * (CLI, bot, review page) the same core objects. Features are created on first use so a command
 * pays only for what it touches, and closed in reverse order of creation.
 */
public final class Isnad implements AutoCloseable {

    /** Where the bundled sample corpus sits inside the jar (config/ and prompts/ sit beside it). */
    private static final String SAMPLE_RESOURCE = "corpus/sample/";

    private final IsnadConfig config;
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private ArchiveStore index;
    private Ingester ingester;
    private Briefer briefer;
    private AnswerFactory answerFactory;
    private AnswerService answers;
    private AuditLog audit;

    private Isnad(IsnadConfig config) {
        this.config = config;
    }

    /** Opens (creating if needed) the data folder named by the configuration. */
    public static Isnad open(IsnadConfig config) {
        try {
            // the answer log, the bot's state and the keys live here: the owner's only (0700)
            org.isnad.config.PrivateFiles.privateFolder(config.dataPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + config.dataPath(), e);
        }
        return new Isnad(config);
    }

    public IsnadConfig config() {
        return config;
    }

    /**
     * The answer log ({@code <dataDir>/audit.db}), opened on first use. Doors record every answer with
     * {@link AuditLog#tryRecord} before replying; see {@code audit.*} in the configuration.
     */
    public synchronized AuditLog audit() {
        if (audit == null) {
            audit = AuditLog.open(config);
            toClose.push(audit);
        }
        return audit;
    }

    /**
     * The archive: the embedded Lucene index in {@code <dataDir>/index}, or with {@code store.backend:
     * opensearch} the cluster at {@code opensearch.hosts}.
     */
    public synchronized ArchiveStore index() {
        if (index == null) {
            if (config.store() != null && config.store().openSearch()) {
                index = OpenSearchStore.open(OpenSearchStore.Options.from(config.opensearch()));
            } else {
                index = IsnadIndex.open(config.dataPath().resolve("index"));
            }
            toClose.push(index);
        }
        return index;
    }

    private org.isnad.feeds.FeedPoller feeds;
    private org.isnad.feeds.Fetcher fetcher;

    /** The HTTP fetcher for feeds and web pages: 20 s time-outs, the ingest size cap, 1 s between requests to a host. */
    public synchronized org.isnad.feeds.Fetcher fetcher() {
        if (fetcher == null) {
            fetcher = new org.isnad.feeds.Fetcher(java.time.Duration.ofSeconds(20), config.ingest().maxDocumentBytes(),
                    java.time.Duration.ofSeconds(1));
        }
        return fetcher;
    }

    /** The followed feeds ({@code <dataDir>/feeds.json}) and their poller. */
    public synchronized org.isnad.feeds.FeedPoller feeds() {
        if (feeds == null) {
            feeds = new org.isnad.feeds.FeedPoller(org.isnad.feeds.FeedList.open(config.dataPath()), fetcher(), ingester());
        }
        return feeds;
    }

    public synchronized Ingester ingester() {
        if (ingester == null) {
            ingester = new Ingester(index(), config.ingest().maxDocumentBytes(), config.ingest().outletNames());
        }
        return ingester;
    }

    /** Briefings on a topic or on documents, over {@link #index()}. */
    public synchronized Briefer briefer() {
        if (briefer == null) {
            briefer = new Briefer(index(), config.brief(), answerFactory().analyzer());
        }
        return briefer;
    }

    /** The answer stack's parts (glossary, retriever, extractive answerer), built once. */
    public synchronized AnswerFactory answerFactory() {
        if (answerFactory == null) {
            answerFactory = new AnswerFactory(index(), config.answer());
        }
        return answerFactory;
    }

    /** The one entry point for questions (CLI, bot, briefings). */
    public synchronized AnswerService answers() {
        if (answers == null) {
            answers = "llm".equalsIgnoreCase(config.answer().answerer()) ? llmAnswers() : answerFactory().service();
        }
        return answers;
    }

    /** LLM mode ({@code answer.answerer: llm}); a configuration it cannot use leaves the extractive answerer. */
    private AnswerService llmAnswers() {
        try {
            return answerFactory().service(LlmAnswerers.fromConfig(config.llm(), index(), answerFactory()));
        } catch (IllegalArgumentException e) {
            LoggerFactory.getLogger(Isnad.class).warn("LLM mode is off, answering extractively: {}", e.getMessage());
            return answerFactory().service();
        }
    }

    /**
     * Indexes the bundled sample corpus when the index is empty (and the configuration allows it),
     * so that the README's first command works on a fresh clone with no set-up.
     *
     * @return the ingest report when the sample was indexed now
     */
    public synchronized Optional<IngestReport> ensureSampleIndexed() {
        if (!config.ingest().bundledSampleOnFirstUse() || index().documentCount() > 0) {
            return Optional.empty();
        }
        Path sample = bundledSample();
        return Optional.of(ingester().ingest(List.of(sample), false, IngestListener.NONE));
    }

    /** The bundled sample folder, copied out of the jar into the data folder (named "sample" so ids are stable). */
    private Path bundledSample() {
        Path target = config.dataPath().resolve("bundled").resolve("sample");
        ClassLoader loader = Isnad.class.getClassLoader();
        try (InputStream manifest = loader.getResourceAsStream(SAMPLE_RESOURCE + "MANIFEST")) {
            if (manifest == null) {
                throw new IllegalStateException("the bundled sample corpus is missing from the build");
            }
            Files.createDirectories(target);
            for (String name : new String(manifest.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (name.isBlank()) {
                    continue;
                }
                try (InputStream in = loader.getResourceAsStream(SAMPLE_RESOURCE + name.strip())) {
                    if (in != null) {
                        Files.copy(in, target.resolve(name.strip()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the bundled sample corpus", e);
        }
        return target;
    }

    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing failed: " + e.getMessage(), e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
