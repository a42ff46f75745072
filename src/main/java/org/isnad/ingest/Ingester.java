package org.isnad.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.isnad.archive.Document;
import org.isnad.index.ArchiveStore;
import org.isnad.text.DateParser;
import org.isnad.text.FieldLimits;
import org.isnad.text.Language;
import org.isnad.text.LanguageDetector;
import org.isnad.text.SentenceSplitter;

/**
 * Reads files and folders into the index. Each document is parsed, given an id, language and
 * content hash, split into sentences and passages, and written only when new or changed. Bad input
 * never stops a batch: it is skipped with a one-line reason. The index is committed every
 * {@link #COMMIT_EVERY} changed documents and at the end, so a killed run resumes where it left off.
 */
public final class Ingester {

    static final int COMMIT_EVERY = 2000;
    private static final Set<String> JSON = Set.of("json", "jsonl");
    private static final Set<String> TEXT = Set.of("txt", "md");
    private static final Set<String> HTML = Set.of("html", "htm");
    private static final Set<String> OFFICE = Set.of("pdf", "docx", "odt", "rtf");

    private final ArchiveStore index;
    private final long maxDocumentBytes;
    private final org.isnad.text.OutletNames outlets;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final LanguageDetector languages = new LanguageDetector();
    private final DateParser dates = new DateParser();
    private final JsonReader json = new JsonReader();
    private final DocumentReader text = new PlainTextReader(dates);
    private final DocumentReader html = new HtmlReader(dates);
    private final DocumentReader office = new OfficeReader();
    private final Sidecars sidecars = new Sidecars();

    public Ingester(ArchiveStore index, long maxDocumentBytes) {
        this(index, maxDocumentBytes, org.isnad.text.OutletNames.none());
    }

    /** @param outlets the outlet alias table: each document's outlet is stored under its one name */
    public Ingester(ArchiveStore index, long maxDocumentBytes, org.isnad.text.OutletNames outlets) {
        this.index = index;
        this.maxDocumentBytes = maxDocumentBytes;
        this.outlets = outlets;
    }

    /** Ingests files and folders (walked recursively; files of other types in folders are ignored). */
    public IngestReport ingest(List<Path> paths, boolean deleteMissing, IngestListener listener) {
        long t0 = System.nanoTime();
        try (Run run = new Run(listener, index.storedStates(), newPipeline())) {
            List<Input> inputs = new ArrayList<>();
            for (Path path : paths) {
                collect(path, inputs, run);
            }
            listener.started(inputs.stream().mapToLong(Input::size).sum());
            for (Input input : inputs) {
                readFile(input, run);
                listener.progressed(input.size());
            }
            settle(run);
            if (deleteMissing) {
                deleteMissing(run);
            }
            index.commit();
            return run.report(System.nanoTime() - t0);
        }
    }

    private WritePipeline newPipeline() {
        return new WritePipeline(Runtime.getRuntime().availableProcessors(), this::write);
    }

    /** Waits for the documents being written and counts the ones that failed as skipped. */
    private static void settle(Run run) {
        for (WritePipeline.Failed f : run.pipeline.drain()) {
            run.skip(new Skip(f.origin() == null ? f.doc().id() : f.origin(), "could not be indexed: " + f.reason()));
            run.stored.remove(f.doc().id());
            if (f.wasNew()) {
                run.added--;
            } else {
                run.updated--;
            }
        }
    }

    /** Ingests documents built in memory (evaluation sets); ids are required. */
    public IngestReport ingestDocuments(List<RawDocument> documents) {
        long t0 = System.nanoTime();
        try (Run run = new Run(IngestListener.NONE, index.storedStates(), newPipeline())) {
            for (RawDocument raw : documents) {
                accept(raw, raw.id(), null, run);
            }
            settle(run);
            index.commit();
            return run.report(System.nanoTime() - t0);
        }
    }

    /** Turns a raw document into the stored form: id, tidy metadata, language, date, hash. */
    public Document prepare(RawDocument raw, String fallbackId, String source) {
        String id = raw.id() != null ? raw.id() : fallbackId;
        Language lang = raw.lang() == null ? languages.detect(raw.text()) : Language.fromCode(raw.lang());
        if (lang == Language.OTHER && raw.lang() != null) {
            lang = languages.detect(raw.text());
        }
        var date = raw.date() == null ? null : dates.parse(raw.date()).orElse(null);
        String title = FieldLimits.bound(raw.title() != null ? raw.title() : firstWords(raw.text()), FieldLimits.TITLE);
        String outlet = outlets.canonical(FieldLimits.bound(raw.outlet(), FieldLimits.OUTLET));
        String url = raw.url() == null || raw.url().length() > FieldLimits.URL ? null : raw.url().strip();
        String hash = hash(id, title, date == null ? "" : date.toString(), outlet, url, lang.code(), raw.text());
        return new Document(id, title, date, outlet, url, lang, raw.text(), hash, source);
    }

    /**
     * The most lines and sentences one document may have. A news article has a few hundred; a file of
     * 900,000 lines once exhausted the heap while its sentences were encoded, and the summary still
     * counted it as added. Such a document is skipped with this reason instead.
     */
    static final int MAX_LINES = 50_000;
    static final int MAX_SENTENCES = 100_000;

    /** Splits and writes one prepared document (no commit); a document over the bounds is refused. */
    public void write(Document doc) {
        var sentences = splitter.split(doc.text());
        if (sentences.size() > MAX_SENTENCES) {
            throw new IllegalArgumentException("too many sentences (" + sentences.size() + ", at most " + MAX_SENTENCES
                    + "): split the document");
        }
        index.upsert(doc, Passages.of(doc.id(), sentences));
    }

    /** Why a document is too big to split and index, or null. Counted on the reader's thread, cheaply. */
    static String tooManyLines(String text) {
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' && ++lines > MAX_LINES) {
                return "too many lines (more than " + MAX_LINES + "): split the document";
            }
        }
        return null;
    }

    private void collect(Path path, List<Input> inputs, Run run) {
        if (!Files.exists(path)) {
            run.skip(new Skip(path.toString(), "no such file or folder"));
            return;
        }
        if (!Files.isDirectory(path) && !Files.isRegularFile(path)) {
            // a device (/dev/zero), a FIFO or a socket never ends or never starts: regular files only
            run.skip(new Skip(path.toString(), "not a regular file (a device, a FIFO or a socket)"));
            return;
        }
        if (!Files.isReadable(path)) {
            run.skip(new Skip(path.toString(), "cannot read (permission denied)"));
            return;
        }
        if (Files.isDirectory(path)) {
            List<Path> found = new ArrayList<>();
            try {
                Files.walkFileTree(path, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(path) && !Files.isReadable(dir)) {
                            run.skip(new Skip(dir.toString(), "cannot read the folder (permission denied)"));
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                        // a link to a regular file counts; devices, FIFOs and sockets (or links to them) do not
                        if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")
                                && !Sidecars.isSidecar(p) && readerFor(p).isPresent()) {
                            found.add(p);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path p, IOException e) {
                        // one unreadable entry costs that entry, with its reason, never the rest of the folder
                        run.skip(new Skip(p.toString(), "cannot read: " + reason(e)));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                        if (e != null) {
                            run.skip(new Skip(dir.toString(), "cannot read all of the folder: " + reason(e)));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException | RuntimeException e) {
                run.skip(new Skip(path.toString(), "cannot walk the folder: " + reason(e)));
            }
            found.stream().sorted().forEach(p -> inputs.add(new Input(path, p, size(p))));
            return;
        }
        if (readerFor(path).isEmpty()) {
            run.skip(new Skip(path.toString(), "unsupported file type (use .txt .md .html .htm .json .jsonl .pdf .docx .odt .rtf)"));
            return;
        }
        inputs.add(new Input(path, path, size(path)));
    }

    /** An exception as a reader would say it: its kind without the package, and its message. */
    private static String reason(Exception e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private Optional<DocumentReader> readerFor(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        if (JSON.contains(ext)) {
            return Optional.of(json);
        }
        if (TEXT.contains(ext)) {
            return Optional.of(text);
        }
        if (HTML.contains(ext)) {
            return Optional.of(html);
        }
        if (OFFICE.contains(ext)) {
            return Optional.of(office);
        }
        return Optional.empty();
    }

    private void readFile(Input input, Run run) {
        Path file = input.file();
        byte[] bytes;
        try {
            if (!Files.isReadable(file)) {
                run.skip(new Skip(file.toString(), "cannot read (permission denied)"));
                return;
            }
            if (file.toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
                readLines(input, run);
                return;
            }
            if (input.size() > Math.max(maxDocumentBytes, 1)) {
                run.skip(new Skip(file.toString(), "larger than the size cap of " + maxDocumentBytes + " bytes"));
                return;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            run.skip(new Skip(file.toString(), "cannot read: " + e.getMessage()));
            return;
        }
        String source = file.toAbsolutePath().normalize().toString();
        String baseId = DocumentIds.forFile(input.root(), file);
        run.sourcesRead.add(source);
        run.bytes += bytes.length;
        try {
            List<RawDocument> docs = new ArrayList<>();
            List<Skip> skips = new ArrayList<>();
            readWithinBudget(readerFor(file).orElseThrow(), file, bytes, docs, skips);
            skips.forEach(run::skip);
            for (RawDocument raw : docs) {
                accept(sidecars.apply(file, raw), fallbackId(baseId, raw.origin(), file), source, run);
            }
        } catch (BadInputException e) {
            run.skip(new Skip(file.toString(), e.getMessage()));
        } catch (RuntimeException e) {
            run.skip(new Skip(file.toString(), "could not be read: " + e));
        }
    }

    /**
     * The last resort against input no reader handles in reasonable time: a file's parsing gets
     * {@link #PARSE_BUDGET_SECONDS}, then it is skipped with that reason and ingest goes on. (The readers
     * are linear; this guards against what no one has found yet.) A parse past its budget is abandoned
     * on its own daemon thread; nothing it produces is used.
     */
    static final int PARSE_BUDGET_SECONDS = 60;
    private static final java.util.concurrent.ExecutorService PARSERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "isnad-parse");
        t.setDaemon(true);
        return t;
    });

    private void readWithinBudget(DocumentReader reader, Path file, byte[] bytes, List<RawDocument> docs, List<Skip> skips)
            throws BadInputException {
        List<RawDocument> d = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Skip> k = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.Future<?> parse = PARSERS.submit(() -> {
            reader.read(file, bytes, maxDocumentBytes, d::add, k::add);
            return null;
        });
        try {
            parse.get(PARSE_BUDGET_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            parse.cancel(true);
            throw new BadInputException("took longer than " + PARSE_BUDGET_SECONDS + " s to read; skipped");
        } catch (InterruptedException e) {
            parse.cancel(true);
            Thread.currentThread().interrupt();
            throw new BadInputException("interrupted while reading");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof BadInputException bad) {
                throw bad;
            }
            if (e.getCause() instanceof OutOfMemoryError || e.getCause() instanceof StackOverflowError) {
                throw new BadInputException("too large to read (" + e.getCause().getClass().getSimpleName() + ")");
            }
            throw new IllegalStateException(String.valueOf(e.getCause()), e.getCause());
        }
        synchronized (d) {
            docs.addAll(d);
        }
        synchronized (k) {
            skips.addAll(k);
        }
    }

    /** A JSONL file, streamed a line at a time (any size; each line within the size cap). */
    private void readLines(Input input, Run run) {
        Path file = input.file();
        String source = file.toAbsolutePath().normalize().toString();
        String baseId = DocumentIds.forFile(input.root(), file);
        run.sourcesRead.add(source);
        try (java.io.InputStream in = Files.newInputStream(file)) {
            run.bytes += json.readLines(file, in, maxDocumentBytes,
                    raw -> accept(sidecars.apply(file, raw), fallbackId(baseId, raw.origin(), file), source, run), run::skip);
        } catch (BadInputException e) {
            run.skip(new Skip(file.toString(), e.getMessage()));
        } catch (IOException | RuntimeException e) {
            run.skip(new Skip(file.toString(), "could not be read: " + e));
        }
    }

    private static String fallbackId(String baseId, String origin, Path file) {
        String f = file.toString();
        if (origin.length() > f.length() && origin.startsWith(f)) {
            return baseId + "#" + origin.substring(f.length() + 1);
        }
        return baseId;
    }

    private void accept(RawDocument raw, String fallbackId, String source, Run run) {
        if (raw.id() == null && fallbackId == null) {
            run.skip(new Skip(raw.origin() == null ? "(memory)" : raw.origin(), "no id"));
            return;
        }
        String id = raw.id() != null ? raw.id() : fallbackId;
        if (id.length() > FieldLimits.ID) {
            run.skip(new Skip(raw.origin() == null ? "(memory)" : raw.origin(), "an id longer than " + FieldLimits.ID + " characters"));
            return;
        }
        String tooBig = tooManyLines(raw.text());
        if (tooBig != null) {
            run.skip(new Skip(raw.origin() == null ? "(memory)" : raw.origin(), tooBig));
            return;
        }
        Document doc = prepare(raw, fallbackId, source);
        run.idsSeen.add(doc.id());
        ArchiveStore.StoredState old = run.stored.get(doc.id());
        if (old != null && old.hash().equals(doc.contentHash())) {
            run.unchanged++;
            return;
        }
        run.pipeline.submit(doc, raw.origin(), old == null);
        run.stored.put(doc.id(), new ArchiveStore.StoredState(doc.contentHash(), source));
        if (old == null) {
            run.added++;
        } else {
            run.updated++;
        }
        if (++run.sinceCommit >= COMMIT_EVERY) {
            // Whole batches only: every document counted so far is written before the commit.
            settle(run);
            index.commit();
            run.sinceCommit = 0;
        }
    }

    /** Removes documents whose source file is gone, or whose JSON line vanished from a file read now. */
    private void deleteMissing(Run run) {
        for (var e : Map.copyOf(run.stored).entrySet()) {
            String source = e.getValue().source();
            if (source == null || run.idsSeen.contains(e.getKey())) {
                continue;
            }
            boolean fileGone = !Files.exists(Path.of(source));
            boolean lineGone = run.sourcesRead.contains(source);
            if ((fileGone || lineGone) && index.delete(e.getKey())) {
                run.deleted++;
            }
        }
    }

    private static String firstWords(String text) {
        String first = text.lines().findFirst().orElse("").strip();
        return first.length() <= 80 ? first : first.substring(0, 80).strip() + "…";
    }

    static String hash(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update((p == null ? "" : p).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Input(Path root, Path file, long size) {}

    /** The mutable tally of one run, kept out of the ingester so the ingester holds no run state. */
    private static final class Run implements AutoCloseable {
        final IngestListener listener;
        final WritePipeline pipeline;
        final Map<String, ArchiveStore.StoredState> stored;
        final Set<String> idsSeen = new HashSet<>();
        final Set<String> sourcesRead = new HashSet<>();
        final List<Skip> skips = new ArrayList<>();
        int added;
        int updated;
        int unchanged;
        int deleted;
        int sinceCommit;
        long bytes;

        Run(IngestListener listener, Map<String, ArchiveStore.StoredState> stored, WritePipeline pipeline) {
            this.listener = listener;
            this.pipeline = pipeline;
            this.stored = new HashMap<>(stored);
        }

        void skip(Skip s) {
            skips.add(s);
            listener.skipped(s);
        }

        @Override
        public void close() {
            pipeline.close();
        }

        IngestReport report(long nanos) {
            return new IngestReport(added, updated, unchanged, deleted, skips, bytes, nanos / 1_000_000);
        }
    }
}
