package org.isnad.feeds;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.isnad.ingest.RawDocument;
import org.isnad.text.DateParser;
import org.isnad.text.TextTidy;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An article page as a document: the article body found by Readability4J (a port of Mozilla's
 * Readability, which reader views use), one paragraph per line, and the page's metadata — title,
 * publication date, site name, canonical URL, language. The document's id is its canonical URL, so
 * the same article reached by two links is one document.
 */
public final class ArticlePage {

    private static final String[] DATE_META = {
        "meta[property=article:published_time]", "meta[name=article:published_time]", "meta[itemprop=datePublished]",
        "meta[name=pubdate]", "meta[name=date]", "meta[name=dc.date]", "meta[property=og:published_time]",
    };
    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td";

    private final DateParser dates = new DateParser();

    /** The article at {@code uri}, or null when the page holds no article text. */
    public RawDocument read(URI uri, byte[] html, String outlet, String lang) {
        String source = new String(html, StandardCharsets.UTF_8);
        Document page = Jsoup.parse(source, uri.toString());
        String canonical = attr(page.selectFirst("link[rel=canonical]"), "abs:href");
        String id = canonical != null && canonical.startsWith("http") ? canonical : uri.toString();
        String title = firstNonBlank(attr(page.selectFirst("meta[property=og:title]"), "content"), page.title(),
                text(page.selectFirst("h1")));
        String date = null;
        for (String selector : DATE_META) {
            String v = attr(page.selectFirst(selector), "content");
            if (v != null && dates.parse(v).isPresent()) {
                date = v;
                break;
            }
        }
        if (date == null) {
            Element time = page.selectFirst("time[datetime]");
            date = time == null ? null : time.attr("datetime");
        }
        String site = firstNonBlank(outlet, attr(page.selectFirst("meta[property=og:site_name]"), "content"), uri.getHost());
        String pageLang = firstNonBlank(lang, attr(page.selectFirst("html[lang]"), "lang"));
        String text = body(uri, page);
        if (text == null || text.isBlank()) {
            return null;
        }
        return new RawDocument(id, title, date, site, id, pageLang == null ? null : pageLang.substring(0, Math.min(2, pageLang.length())),
                text, uri.toString());
    }

    /** The article body: Readability's pick, else the page's own block elements. */
    private static String body(URI uri, Document page) {
        Element content = null;
        try {
            Article article = new Readability4J(uri.toString(), page.clone()).parse();
            content = article.getArticleContent();
        } catch (RuntimeException | LinkageError e) {
            // a page Readability cannot read: the plain blocks below
        }
        String text = paragraphs(content);
        if (text.isBlank()) {
            text = paragraphs(page.body());
        }
        return TextTidy.tidy(text);
    }

    private static String paragraphs(Element root) {
        if (root == null) {
            return "";
        }
        List<String> out = new ArrayList<>();
        var blocks = root.select(BLOCKS);
        java.util.Set<Element> holds = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Element b : blocks) {
            for (Element up = b.parent(); up != null && holds.add(up); up = up.parent()) {
                // marked
            }
        }
        for (Element b : blocks) {
            if (!holds.contains(b)) {
                String t = b.text().strip();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        if (out.isEmpty()) {
            String t = root.text().strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return String.join("\n", out);
    }

    private static String attr(Element e, String name) {
        if (e == null) {
            return null;
        }
        String v = e.attr(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
