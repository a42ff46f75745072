package org.isnad.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.isnad.text.DateParser;
import org.isnad.text.TextTidy;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What an HTML page says about itself and its article text, read one way for every door that takes
 * HTML (files, article pages, feed entries): title (og:title, &lt;title&gt;, h1), publication date (meta
 * tags, then &lt;time&gt;), outlet (og:site_name), canonical url, language (&lt;html lang&gt;), and the
 * text as one paragraph per innermost block element, without navigation, headers, footers or asides.
 */
public final class HtmlPage {

    private static final String[] DATE_META = {
        "meta[property=article:published_time]", "meta[name=article:published_time]", "meta[itemprop=datePublished]",
        "meta[name=pubdate]", "meta[name=publishdate]", "meta[name=date]", "meta[name=DC.date.issued]",
        "meta[name=dc.date]", "meta[property=og:published_time]", "meta[name=parsely-pub-date]",
    };
    private static final String NOISE = "nav, header, footer, aside, script, style, noscript, form, iframe, svg, "
            + "button, [role=navigation], [aria-hidden=true], .nav, .menu, .share, .social, .related, .comments, .advert, .ad";
    /** The block elements a paragraph is read from. */
    public static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, dd, dt";

    /** A page's own metadata; any field may be null. {@code lang} is a two-letter code. */
    public record Meta(String title, String date, String outlet, String url, String lang) {}

    private HtmlPage() {}

    public static Meta meta(Document page, DateParser dates) {
        String title = firstNonBlank(content(page, "meta[property=og:title]"), page.title(), text(page.selectFirst("h1")));
        String date = null;
        for (String selector : DATE_META) {
            String v = content(page, selector);
            if (v != null && dates.parse(v).isPresent()) {
                date = v;
                break;
            }
        }
        if (date == null) {
            for (Element time : page.select("time")) {
                String v = firstNonBlank(time.attr("datetime"), time.text());
                if (v != null && dates.parse(v).isPresent()) {
                    date = v;
                    break;
                }
            }
        }
        Element canonical = page.selectFirst("link[rel=canonical]");
        String url = firstNonBlank(canonical == null ? null : canonical.absUrl("href"), canonical == null ? null : canonical.attr("href"),
                content(page, "meta[property=og:url]"));
        Element html = page.selectFirst("html");
        String lang = html == null ? null : firstNonBlank(html.attr("lang"));
        return new Meta(title, date, content(page, "meta[property=og:site_name]"), url,
                lang == null ? null : lang.substring(0, Math.min(2, lang.length())));
    }

    /** The article's text: the article (or main, or body) without noise, a paragraph per innermost block; "" when none. */
    public static String articleText(Document page, String title) {
        Element root = page.selectFirst("article");
        root = root != null ? root : page.selectFirst("main");
        root = root != null ? root : page.selectFirst("[role=main]");
        root = root != null ? root : page.body();
        if (root == null) {
            return "";
        }
        root = root.clone();
        root.select(NOISE).remove();
        return paragraphs(root, title);
    }

    /** {@code root}'s innermost blocks as lines (a leading repeat of {@code title}, nullable, left out); its text when it has none. */
    public static String paragraphs(Element root, String title) {
        if (root == null) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (Element block : innermost(root, BLOCKS)) {
            String t = block.text().strip();
            if (!t.isEmpty() && !(title != null && t.equals(title.strip()) && out.isEmpty())) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            out.add(root.text().strip());
        }
        return TextTidy.tidy(String.join("\n", out));
    }

    /**
     * The elements matching {@code blocks} that hold no other such element, in document order, so a
     * {@code <li><p>…</p></li>} is read once. One pass up from each block, stopping at an ancestor
     * already marked: linear however deep never-closed tags nest (selecting each block's own subtree
     * was quadratic: 4,000 nested cells took 15 s).
     */
    public static List<Element> innermost(Element root, String blocks) {
        List<Element> all = root.select(blocks);
        Set<Element> holdsBlock = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element block : all) {
            for (Element up = block.parent(); up != null && holdsBlock.add(up); up = up.parent()) {
                // marked: up holds a block
            }
        }
        List<Element> out = new ArrayList<>();
        for (Element block : all) {
            if (!holdsBlock.contains(block)) {
                out.add(block);
            }
        }
        return out;
    }

    private static String content(Document page, String selector) {
        Element e = page.selectFirst(selector);
        return e == null ? null : firstNonBlank(e.attr("content"));
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
