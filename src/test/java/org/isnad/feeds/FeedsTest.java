package org.isnad.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.isnad.index.IsnadIndex;
import org.isnad.ingest.Ingester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds and article pages from a local HTTP server, through the real fetcher, ROME, Readability4J and ingest. */
class FeedsTest {

    static final String LONG_ARABIC = "وجهت روسيا الدعوة لكافة الفصائل الفلسطينية للاجتماع في موسكو في السادس والعشرين من الشهر الجاري. ".repeat(8);

    @TempDir
    Path dir;
    HttpServer server;
    String base;
    final Map<String, String> bodies = new ConcurrentHashMap<>();
    final Map<String, String> etags = new ConcurrentHashMap<>();
    final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    final AtomicInteger notModified = new AtomicInteger();
    IsnadIndex index;
    FeedPoller poller;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool()); // a slow answer holds only its own request
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        index = IsnadIndex.open(dir.resolve("index"));
        poller = new FeedPoller(FeedList.open(dir), new Fetcher(Duration.ofSeconds(2), 2_000_000, Duration.ZERO),
                new Ingester(index, 2_000_000));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        index.close();
    }

    final Map<String, byte[]> rawBodies = new ConcurrentHashMap<>();

    private void serve(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.equals("/slow.xml")) {
            try {
                Thread.sleep(4_000); // beyond the fetcher's time-out below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (rawBodies.containsKey(path)) {
            byte[] raw = rawBodies.get(path);
            ex.getResponseHeaders().set("Content-Type", "text/xml; charset=ISO-8859-1");
            ex.sendResponseHeaders(200, raw.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(raw);
            }
            return;
        }
        if (path.equals("/loop")) {
            ex.getResponseHeaders().set("Location", "/loop");
            ex.sendResponseHeaders(302, -1);
            ex.close();
            return;
        }
        Integer status = statuses.get(path);
        String body = bodies.get(path);
        if (status != null || body == null) {
            ex.sendResponseHeaders(status != null ? status : 404, -1);
            ex.close();
            return;
        }
        String etag = etags.get(path);
        if (etag != null && etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            notModified.incrementAndGet();
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
        }
        if (etag != null) {
            ex.getResponseHeaders().set("ETag", etag);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", path.endsWith(".html") ? "text/html; charset=utf-8" : "application/xml");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String rss(String firstContent) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><title>Test Wire</title><link>%1$s</link><language>ar</language><description>d</description>
                <item><title>موسكو تستضيف الفصائل</title><guid isPermaLink="false">wire-1</guid><link>%1$s/article/1.html</link>
                  <pubDate>Tue, 20 Feb 2024 10:00:00 GMT</pubDate><content:encoded><![CDATA[<p>%2$s</p>]]></content:encoded></item>
                <item><title>Cairn finds gas</title><guid isPermaLink="false">wire-2</guid><link>%1$s/article/2.html</link>
                  <pubDate>Wed, 21 Feb 2024 10:00:00 GMT</pubDate><description>Short summary.</description></item>
                </channel></rss>""".formatted(base, firstContent);
    }

    private void articlePage() {
        bodies.put("/article/2.html", """
                <html lang="en"><head><title>Cairn finds gas | Test Wire</title>
                <meta property="og:site_name" content="Test Wire"><link rel="canonical" href="%s/article/2.html"></head>
                <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <article><h1>Cairn finds gas</h1>
                <p>Shares in Cairn Energy rose 3.8%% after the UK firm announced a fresh gas discovery in northern India.</p>
                <p>However, chief executive Bill Gammell cautioned that additional evaluation was first needed at the site.</p>
                <p>Cairn has also been granted approval to extend its Rajasthan exploration area by the Indian government.</p>
                </article><footer>Copyright Test Wire</footer></body></html>""".formatted(base));
    }

    @Test
    void entriesBecomeDocumentsWithFullContentOrTheirArticlePageAndAnUnchangedFeedIsNotFetchedAgain() {
        bodies.put("/rss.xml", rss(LONG_ARABIC));
        etags.put("/rss.xml", "\"v1\"");
        articlePage();
        poller.list().add(base + "/rss.xml", null, null);
        List<FeedPoller.FeedResult> first = poller.pollAll(false);
        assertThat(first).singleElement().satisfies(r -> {
            assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo("ok");
            assertThat(r.report().added()).isEqualTo(2);
        });
        var one = index.document("wire-1").orElseThrow();
        assertThat(one.text()).contains("وجهت روسيا الدعوة لكافة الفصائل");
        assertThat(one.outlet()).isEqualTo("Test Wire");
        assertThat(one.date()).hasToString("2024-02-20");
        var two = index.document("wire-2").orElseThrow();
        assertThat(two.text()).contains("chief executive Bill Gammell cautioned").doesNotContain("Home").doesNotContain("Copyright");
        assertThat(two.url()).isEqualTo(base + "/article/2.html");

        assertThat(poller.pollAll(false)).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("not-modified"));
        assertThat(notModified.get()).isEqualTo(1);
    }

    @Test
    void anEditedEntryReplacesItsOldVersionAndOneSeenAgainIsUnchanged() {
        bodies.put("/rss.xml", rss(LONG_ARABIC));
        articlePage();
        poller.list().add(base + "/rss.xml", "Wire", "ar");
        poller.pollAll(false);
        bodies.put("/rss.xml", rss(LONG_ARABIC + " وأكد المتحدث أن الاجتماع سيعقد في موعده."));
        FeedPoller.FeedResult r = poller.pollAll(false).get(0);
        assertThat(r.report().updated()).isEqualTo(1);
        assertThat(r.report().unchanged()).isEqualTo(1);
        assertThat(index.document("wire-1").orElseThrow().text()).contains("سيعقد في موعده");
        assertThat(index.storedStates()).hasSize(2);
    }

    @Test
    void aFailingFeedIsReportedAndHeldBackWhileTheOthersGoOn() {
        bodies.put("/atom.xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:atom-wire</id><updated>2024-02-20T10:00:00Z</updated>
                <entry><title>Talks in Moscow</title><id>urn:atom-wire:1</id><updated>2024-02-20T10:00:00Z</updated>
                <content type="html">&lt;p&gt;%s&lt;/p&gt;</content></entry></feed>""".formatted("The talks in Moscow will bring the factions together. ".repeat(15)));
        statuses.put("/broken.xml", 500);
        poller.list().add(base + "/broken.xml", null, null);
        poller.list().add(base + "/atom.xml", null, "en");
        List<FeedPoller.FeedResult> results = poller.pollAll(false);
        assertThat(results.get(0).status()).isEqualTo("failed");
        assertThat(results.get(0).error()).contains("500");
        assertThat(results.get(1).status()).isEqualTo("ok");
        assertThat(index.document("urn:atom-wire:1")).isPresent();
        var broken = poller.list().get(base + "/broken.xml").orElseThrow();
        assertThat(broken.failures()).isEqualTo(1);
        assertThat(broken.nextAttemptAt()).isGreaterThan(System.currentTimeMillis());
        assertThat(poller.pollAll(false).get(0).status()).isEqualTo("waiting"); // held back, not hammered
    }

    @Test
    void badFeedsAndPagesGetAReasonNotACrash() throws Exception {
        bodies.put("/notxml.xml", "this is not a feed <<<");
        bodies.put("/big.xml", "<rss>" + "x".repeat(3_000_000) + "</rss>");
        poller.list().add(base + "/notxml.xml", null, null);
        poller.list().add(base + "/big.xml", null, null);
        poller.list().add(base + "/loop", null, null);
        List<FeedPoller.FeedResult> results = poller.pollAll(true);
        assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo("failed"));
        assertThat(results.get(1).error()).contains("size cap");
        assertThat(results.get(2).error()).contains("redirects");
        assertThat(index.storedStates()).isEmpty();
    }

    @Test
    void realWorldQuirksAreReadRight() {
        // declared ISO-8859-1, written in UTF-8 (Arabic); relative links; an entry without a date; HTML in the description
        String xml = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <rss version="2.0"><channel><title>وكالة الاختبار</title><link>/</link><description>d</description>
                <item><title>الفصائل في موسكو</title><link>/article/2.html</link>
                  <description>&lt;p&gt;%s&lt;/p&gt;&lt;p&gt;&lt;b&gt;فقرة ثانية&lt;/b&gt; بعلامات.&lt;/p&gt;</description></item>
                </channel></rss>""".formatted(LONG_ARABIC);
        rawBodies.put("/quirks.xml", xml.getBytes(StandardCharsets.UTF_8));
        articlePage();
        poller.list().add(base + "/quirks.xml", null, "ar");
        FeedPoller.FeedResult r = poller.pollAll(false).get(0);
        assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo("ok");
        var d = index.document(base + "/article/2.html").orElseThrow(); // the relative link, resolved, is its id
        assertThat(d.title()).isEqualTo("الفصائل في موسكو");
        assertThat(d.outlet()).isEqualTo("وكالة الاختبار");
        assertThat(d.date()).isNull();
        assertThat(d.text()).contains("وجهت روسيا الدعوة").contains("فقرة ثانية بعلامات.").doesNotContain("<b>");
    }

    @Test
    void aSlowFeedTimesOutAndTheNextOneIsStillRead() {
        bodies.put("/slow.xml", rss(LONG_ARABIC));
        bodies.put("/rss.xml", rss(LONG_ARABIC));
        articlePage();
        poller.list().add(base + "/slow.xml", null, null);
        poller.list().add(base + "/rss.xml", null, null);
        List<FeedPoller.FeedResult> results = poller.pollAll(false);
        assertThat(results.get(0).status()).isEqualTo("failed");
        assertThat(results.get(1).status()).isEqualTo("ok");
    }

    @Test
    void aWebPageIsIngestedByItsAddress() throws Exception {
        articlePage();
        int rc = org.isnad.cli.IsnadCli.run(Map.of("ISNAD_DATA_DIR", dir.resolve("cli").toString()), "ingest", base + "/article/2.html");
        assertThat(rc).isZero();
        try (IsnadIndex cli = IsnadIndex.open(dir.resolve("cli").resolve("index"))) {
            var d = cli.document(base + "/article/2.html").orElseThrow();
            assertThat(d.title()).isEqualTo("Cairn finds gas | Test Wire");
            assertThat(d.text()).contains("Bill Gammell").doesNotContain("Home");
        }
    }
}
