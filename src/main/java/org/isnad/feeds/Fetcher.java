package org.isnad.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Fetches feeds and article pages politely: time-outs, a size cap (a body over it is cut off and the
 * fetch refused), at most {@value #MAX_REDIRECTS} redirects (followed here, so each hop is counted),
 * conditional GET (ETag / Last-Modified), and a pause between two requests to the same host.
 * Thread-safe.
 */
public final class Fetcher {

    public static final int MAX_REDIRECTS = 5;
    static final String USER_AGENT = "Isnad/1.0 (news archive; +https://github.com/isnad)";

    /** What came back: 304 is {@code notModified}; {@code body} is null then. */
    public record Fetched(int status, URI finalUri, byte[] body, String contentType, String etag, String lastModified) {
        public boolean notModified() {
            return status == 304;
        }
    }

    /** A fetch that cannot give a usable body, with a reason a reader understands. */
    public static final class FetchException extends IOException {
        public FetchException(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final Duration timeout;
    private final long maxBytes;
    private final Duration perHostDelay;
    private final Map<String, Long> lastRequestAt = new HashMap<>();

    public Fetcher(Duration timeout, long maxBytes, Duration perHostDelay) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.perHostDelay = perHostDelay;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** GET {@code uri}; {@code etag} and {@code lastModified} (nullable) make it conditional. */
    public Fetched get(URI uri, String etag, String lastModified) throws IOException, InterruptedException {
        URI at = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (at.getScheme() == null || !(at.getScheme().equals("http") || at.getScheme().equals("https"))) {
                throw new FetchException("not an http(s) address: " + at);
            }
            politely(at);
            HttpRequest.Builder b = HttpRequest.newBuilder(at).timeout(timeout).header("User-Agent", USER_AGENT)
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.9, */*;q=0.5");
            if (etag != null && hop == 0) {
                b.header("If-None-Match", etag);
            }
            if (lastModified != null && hop == 0) {
                b.header("If-Modified-Since", lastModified);
            }
            HttpResponse<InputStream> r = http.send(b.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = r.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                Optional<String> location = r.headers().firstValue("Location");
                r.body().close();
                if (location.isEmpty()) {
                    throw new FetchException("redirect " + status + " without a Location");
                }
                at = at.resolve(location.get().strip());
                continue;
            }
            if (status == 304) {
                r.body().close();
                return new Fetched(304, at, null, null, etag, lastModified);
            }
            if (status >= 400) {
                r.body().close();
                throw new FetchException("HTTP " + status + " from " + at.getHost());
            }
            byte[] body = capped(r.body());
            return new Fetched(status, at, body, r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().firstValue("ETag").orElse(null), r.headers().firstValue("Last-Modified").orElse(null));
        }
        throw new FetchException("more than " + MAX_REDIRECTS + " redirects from " + uri);
    }

    private byte[] capped(InputStream in) throws IOException {
        try (in) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
            if (body.length > maxBytes) {
                throw new FetchException("larger than the size cap of " + maxBytes + " bytes");
            }
            return body;
        }
    }

    /** Waits until {@code perHostDelay} has passed since the last request to the same host. */
    private void politely(URI uri) throws InterruptedException {
        String host = String.valueOf(uri.getHost()) + ":" + uri.getPort();
        long wait;
        synchronized (lastRequestAt) {
            long now = System.currentTimeMillis();
            long next = lastRequestAt.getOrDefault(host, 0L) + perHostDelay.toMillis();
            wait = Math.max(0, next - now);
            lastRequestAt.put(host, now + wait);
        }
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
