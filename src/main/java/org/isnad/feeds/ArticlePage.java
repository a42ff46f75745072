package org.isnad.feeds;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import net.dankito.readability4j.Readability4J;
import org.isnad.ingest.HtmlPage;
import org.isnad.ingest.RawDocument;
import org.isnad.text.DateParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An article page as a document: the article body found by Readability4J (a port of Mozilla's
 * Readability, which reader views use), one paragraph per line, and the page's metadata as
 * {@link HtmlPage} reads it for every HTML input. The document's id is its canonical URL, so the
 * same article reached by two links is one document.
 */
public final class ArticlePage {

    private final DateParser dates = new DateParser();

    /** The article at {@code uri}, or null when the page holds no article text. {@code outlet}, {@code lang} override the page's. */
    public RawDocument read(URI uri, byte[] html, String outlet, String lang) {
        Document page = Jsoup.parse(new String(html, StandardCharsets.UTF_8), uri.toString());
        HtmlPage.Meta meta = HtmlPage.meta(page, dates);
        String id = meta.url() != null && meta.url().startsWith("http") ? meta.url() : uri.toString();
        String text = body(uri, page, meta.title());
        if (text.isBlank()) {
            return null;
        }
        String site = outlet != null ? outlet : meta.outlet() != null ? meta.outlet() : uri.getHost();
        return new RawDocument(id, meta.title(), meta.date(), site, id, lang != null ? lang : meta.lang(), text, uri.toString());
    }

    /** The article body: Readability's pick, else the page's own blocks. */
    private static String body(URI uri, Document page, String title) {
        Element content = null;
        try {
            content = new Readability4J(uri.toString(), page.clone()).parse().getArticleContent();
        } catch (RuntimeException | LinkageError e) {
            // a page Readability cannot read: the plain blocks below
        }
        String text = HtmlPage.paragraphs(content, title);
        return text.isBlank() ? HtmlPage.articleText(page, title) : text;
    }
}
