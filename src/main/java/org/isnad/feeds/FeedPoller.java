package org.isnad.feeds;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.isnad.ingest.HtmlPage;
import org.isnad.ingest.IngestReport;
import org.isnad.ingest.Ingester;
import org.isnad.ingest.RawDocument;
import org.isnad.ingest.Skip;
import org.isnad.text.TextTidy;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the followed feeds (RSS 0.9x/2.0 and Atom, through ROME) into the archive. Each entry is a
 * document identified by its GUID (else its link), so an entry seen again is unchanged and an edited
 * one replaces its old version. Its text is the entry's full content when the feed carries it, else
 * the linked article page read by {@link ArticlePage}. A feed that fails is reported and tried again
 * later with growing back-off; the other feeds go on. Conditional GET spares unchanged feeds.
 */
public final class FeedPoller {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    /** An entry whose content is shorter than this is a summary: the article page is fetched for the text. */
    static final int FULL_CONTENT_CHARS = 600;
    static final Duration FIRST_BACKOFF = Duration.ofMinutes(5);
    static final Duration MAX_BACKOFF = Duration.ofHours(24);

    /** One feed's poll: {@code status} is ok, not-modified, failed or waiting (held back after failures). */
    public record FeedResult(String url, String status, int entries, IngestReport report, List<Skip> skipped, String error) {}

    private final FeedList feeds;
    private final Fetcher fetcher;
    private final Ingester ingester;
    private final ArticlePage pages = new ArticlePage();

    public FeedList list() {
        return feeds;
    }

    public Fetcher fetcher() {
        return fetcher;
    }

    public FeedPoller(FeedList feeds, Fetcher fetcher, Ingester ingester) {
        this.feeds = feeds;
        this.fetcher = fetcher;
        this.ingester = ingester;
    }

    /** Polls every feed that is due ({@code force}: failing ones too). Never throws for a bad feed. */
    public List<FeedResult> pollAll(boolean force) {
        List<FeedResult> out = new ArrayList<>();
        for (FeedList.Feed f : feeds.all()) {
            long now = System.currentTimeMillis();
            if (!force && f.nextAttemptAt() > now) {
                out.add(new FeedResult(f.url(), "waiting", 0, null, List.of(),
                        "failed " + f.failures() + " time(s) (" + f.lastError() + "); next try in "
                                + Duration.ofMillis(f.nextAttemptAt() - now).toMinutes() + " min"));
                continue;
            }
            out.add(poll(f));
        }
        return out;
    }

    FeedResult poll(FeedList.Feed f) {
        long now = System.currentTimeMillis();
        try {
            Fetcher.Fetched got = fetcher.get(URI.create(f.url()), f.etag(), f.lastModified());
            if (got.notModified()) {
                feeds.replace(f.polled(now, f.etag(), f.lastModified()));
                return new FeedResult(f.url(), "not-modified", 0, null, List.of(), null);
            }
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false); // no external entities, no billion laughs
            SyndFeed feed = input.build(reader(got.body()));
            String outlet = f.outlet() != null ? f.outlet() : blankToNull(feed.getTitle());
            String lang = f.lang() != null ? f.lang() : blankToNull(feed.getLanguage());
            List<RawDocument> docs = new ArrayList<>();
            List<Skip> skipped = new ArrayList<>();
            for (SyndEntry e : feed.getEntries()) {
                try {
                    RawDocument d = document(e, outlet, lang, f.url());
                    if (d != null) {
                        docs.add(d);
                    }
                } catch (RuntimeException | java.io.IOException ex) {
                    skipped.add(new Skip(f.url() + " " + String.valueOf(e.getLink()), "entry could not be read: " + ex.getMessage()));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            IngestReport report = ingester.ingestDocuments(docs);
            skipped.addAll(report.skipped());
            feeds.replace(f.polled(now, got.etag(), got.lastModified()));
            return new FeedResult(f.url(), "ok", feed.getEntries().size(), report, skipped, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FeedResult(f.url(), "failed", 0, null, List.of(), "interrupted");
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            long backoff = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(10, f.failures()));
            feeds.replace(f.failed(now, now + backoff, why));
            LOG.warn("feed {} failed ({}); next try in {} min", f.url(), why, backoff / 60_000);
            return new FeedResult(f.url(), "failed", 0, null, List.of(), why);
        }
    }

    /**
     * The feed's characters. Feeds often declare a charset they do not use ("ISO-8859-1" over UTF-8
     * Arabic): bytes that are valid UTF-8 with characters beyond ASCII are read as UTF-8, whatever the
     * prolog says; anything else as ROME reads it (prolog, byte-order mark, then UTF-8).
     */
    static java.io.Reader reader(byte[] body) throws java.io.IOException {
        boolean beyondAscii = false;
        for (byte b : body) {
            if (b < 0) {
                beyondAscii = true;
                break;
            }
        }
        if (beyondAscii) {
            try {
                String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(body)).toString();
                // the prolog's encoding no longer applies to characters already decoded
                text = text.replaceFirst("^\\uFEFF?(<\\?xml[^>]*?)\\s+encoding\\s*=\\s*[\"'][^\"']*[\"']", "$1");
                return new java.io.StringReader(text);
            } catch (java.nio.charset.CharacterCodingException notUtf8) {
                // a real single-byte charset: the prolog is right
            }
        }
        return new XmlReader(new ByteArrayInputStream(body));
    }

    /** An entry as a document; null when it has neither text nor a page to read it from. */
    private RawDocument document(SyndEntry e, String outlet, String lang, String feedUrl) throws java.io.IOException, InterruptedException {
        String rawLink = blankToNull(e.getLink());
        String link = rawLink;
        if (link != null) {
            try {
                link = URI.create(feedUrl).resolve(link).toString(); // relative links, as many feeds write them
            } catch (IllegalArgumentException bad) {
                link = null;
            }
        }
        // ROME gives an RSS item without a GUID its link as its URI: the resolved link is the id then
        String rawUri = blankToNull(e.getUri());
        String id = rawUri == null || rawUri.equals(rawLink) ? link : rawUri;
        if (id == null) {
            throw new IllegalArgumentException("an entry with neither a GUID nor a link");
        }
        Date when = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
        String date = when == null ? null : when.toInstant().toString().substring(0, 10);
        String text = null;
        for (SyndContent c : e.getContents()) {
            text = longer(text, html(c.getValue()));
        }
        if (e.getDescription() != null) {
            text = longer(text, html(e.getDescription().getValue()));
        }
        if ((text == null || text.length() < FULL_CONTENT_CHARS) && link != null) {
            try {
                Fetcher.Fetched page = fetcher.get(URI.create(link), null, null);
                RawDocument article = page.body() == null ? null : pages.read(page.finalUri(), page.body(), outlet, lang);
                if (article != null) {
                    text = longer(text, article.text());
                }
            } catch (Fetcher.FetchException | IllegalArgumentException ex) {
                LOG.info("entry page {} not read ({}); the feed's own text is used", link, ex.getMessage());
            }
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no text in the entry and none on its page");
        }
        return new RawDocument(id, blankToNull(e.getTitle()), date, outlet, link, lang, TextTidy.tidy(text), feedUrl);
    }

    private static String html(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = HtmlPage.paragraphs(Jsoup.parseBodyFragment(value).body(), null);
        return t.isBlank() ? null : t;
    }

    private static String longer(String a, String b) {
        return a == null ? b : b == null ? a : b.length() > a.length() ? b : a;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
