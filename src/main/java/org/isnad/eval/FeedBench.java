package org.isnad.eval;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.isnad.feeds.FeedList;
import org.isnad.feeds.FeedPoller;
import org.isnad.feeds.Fetcher;
import org.isnad.index.IsnadIndex;
import org.isnad.ingest.Ingester;

/**
 * Feed ingest speed: a local HTTP server on 127.0.0.1 serves one RSS feed of {@code entries}
 * generated entries, with their full content or (with {@code pages}) with a summary and an article
 * page each; every round polls it into a fresh index. Reports entries per second (median round).
 */
public final class FeedBench {

    public record Result(int entries, boolean pages, List<Double> roundMillis) {
        public double medianMillis() {
            List<Double> sorted = new ArrayList<>(roundMillis);
            sorted.sort(Double::compare);
            return sorted.get(sorted.size() / 2);
        }

        public double entriesPerSecond() {
            return entries / (medianMillis() / 1000.0);
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("entries", entries);
            m.put("articlePages", pages);
            m.put("medianMs", Math.round(medianMillis()));
            m.put("entriesPerSecond", Math.round(entriesPerSecond()));
            return m;
        }

        public String toTable() {
            return "feed ingest from 127.0.0.1: %d entries (%s), median round %.0f ms, %.0f entries/s%n"
                    .formatted(entries, pages ? "summary + article page each" : "full content in the feed", medianMillis(), entriesPerSecond());
        }
    }

    private FeedBench() {}

    static String paragraph(int i) {
        return ("Entry " + i + " reports that the delegations met in the capital on Tuesday to discuss the ceasefire, "
                + "the exchange of prisoners and the reconstruction fund, officials said. ").repeat(6)
                + "وقال المتحدث إن الاجتماع رقم " + i + " تناول ملف إعادة الإعمار.";
    }

    public static Result run(int entries, boolean pages, int warmup, int rounds, Path tmp) throws Exception {
        StringBuilder items = new StringBuilder();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        for (int i = 0; i < entries; i++) {
            items.append("<item><title>Entry ").append(i).append("</title><guid>bench-").append(i).append("</guid><link>")
                    .append(base).append("/a/").append(i).append(".html</link><pubDate>Tue, 20 Feb 2024 10:00:00 GMT</pubDate>")
                    .append(pages ? "<description>A short summary.</description>" : "<description><![CDATA[<p>" + paragraph(i) + "</p>]]></description>")
                    .append("</item>");
        }
        byte[] feed = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Bench Wire</title><link>"
                + base + "</link><description>d</description>" + items + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
        server.createContext("/rss.xml", ex -> {
            ex.sendResponseHeaders(200, feed.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(feed);
            }
        });
        server.createContext("/a/", ex -> {
            String n = ex.getRequestURI().getPath().replaceAll("\\D", "");
            byte[] page = ("<html><head><title>Entry " + n + "</title></head><body><nav>Home World</nav><article><h1>Entry " + n
                    + "</h1><p>" + paragraph(Integer.parseInt(n.isEmpty() ? "0" : n)) + "</p></article></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, page.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(page);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        try {
            List<Double> measured = new ArrayList<>();
            for (int round = 0; round < warmup + rounds; round++) {
                Path dir = Files.createTempDirectory(tmp, "feedbench");
                try (IsnadIndex index = IsnadIndex.open(dir.resolve("index"))) {
                    FeedPoller poller = new FeedPoller(FeedList.open(dir), new Fetcher(Duration.ofSeconds(20), 50_000_000, Duration.ZERO),
                            new Ingester(index, 50_000_000));
                    poller.list().add(base + "/rss.xml", null, null);
                    long t0 = System.nanoTime();
                    var r = poller.pollAll(true).get(0);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (!"ok".equals(r.status()) || r.report().added() != entries) {
                        throw new IllegalStateException("the bench feed did not load: " + r.status() + " " + r.error());
                    }
                    if (round >= warmup) {
                        measured.add(ms);
                    }
                }
            }
            return new Result(entries, pages, measured);
        } finally {
            server.stop(0);
        }
    }
}
