package org.isnad.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.isnad.text.DateParser;
import org.isnad.text.TextTidy;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * {@code .html}/{@code .htm} with jsoup: title (og:title, then &lt;title&gt;, then h1), publication date
 * (meta tags, then &lt;time&gt;), outlet (og:site_name), url (canonical), language (&lt;html lang&gt;) and
 * the article text without navigation, headers, footers, asides, scripts or forms: one paragraph per
 * block element.
 */
final class HtmlReader implements DocumentReader {

    private static final String[] DATE_META = {
        "meta[property=article:published_time]", "meta[name=article:published_time]", "meta[itemprop=datePublished]",
        "meta[name=pubdate]", "meta[name=publishdate]", "meta[name=date]", "meta[name=DC.date.issued]",
        "meta[name=dc.date]", "meta[property=og:published_time]", "meta[name=parsely-pub-date]",
    };
    private static final String NOISE = "nav, header, footer, aside, script, style, noscript, form, iframe, svg, "
            + "button, [role=navigation], [aria-hidden=true], .nav, .menu, .share, .social, .related, .comments, .advert, .ad";
    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, dd, dt";

    private final DateParser dates;

    HtmlReader(DateParser dates) {
        this.dates = dates;
    }

    @Override
    public void read(Path file, byte[] bytes, long maxDocumentBytes, Consumer<RawDocument> out, Consumer<Skip> skips)
            throws BadInputException {
        if (bytes.length > maxDocumentBytes) {
            throw new BadInputException("larger than the size cap of " + maxDocumentBytes + " bytes");
        }
        var page = Jsoup.parse(InputBytes.utf8(bytes, 0, bytes.length));
        String title = firstNonBlank(meta(page, "meta[property=og:title]"), page.title(), text(page.selectFirst("h1")));
        String date = null;
        for (String selector : DATE_META) {
            String v = meta(page, selector);
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
        String outlet = meta(page, "meta[property=og:site_name]");
        Element canonical = page.selectFirst("link[rel=canonical]");
        String url = firstNonBlank(canonical == null ? null : canonical.attr("href"), meta(page, "meta[property=og:url]"));
        String lang = page.selectFirst("html") == null ? null : page.selectFirst("html").attr("lang");

        Element root = firstNonNull(page.selectFirst("article"), page.selectFirst("main"), page.selectFirst("[role=main]"), page.body());
        if (root == null) {
            throw new BadInputException("no body");
        }
        root = root.clone();
        root.select(NOISE).remove();
        List<String> paragraphs = new ArrayList<>();
        Elements blocks = root.select(BLOCKS);
        // Only innermost blocks, so a <li><p>…</p></li> is not taken twice. Found in one pass up from each
        // block, stopping at an ancestor already marked: linear however deep never-closed tags nest
        // (selecting each block's own subtree was quadratic: 4,000 nested cells took 15 s).
        java.util.Set<Element> holdsBlock = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Element block : blocks) {
            for (Element up = block.parent(); up != null && holdsBlock.add(up); up = up.parent()) {
                // marked: up holds a block
            }
        }
        for (Element block : blocks) {
            if (holdsBlock.contains(block)) {
                continue;
            }
            String t = block.text().strip();
            if (!t.isEmpty() && !(title != null && t.equals(title.strip()) && paragraphs.isEmpty())) {
                paragraphs.add(t);
            }
        }
        if (paragraphs.isEmpty()) {
            paragraphs.add(root.text());
        }
        String text = TextTidy.tidy(String.join("\n", paragraphs));
        if (text.isBlank()) {
            throw new BadInputException("no article text");
        }
        out.accept(new RawDocument(null, title, date, outlet, url, lang == null || lang.isBlank() ? null : lang.substring(0, Math.min(2, lang.length())),
                text, file.toString()));
    }

    private static String meta(org.jsoup.nodes.Document page, String selector) {
        Element e = page.selectFirst(selector);
        if (e == null) {
            return null;
        }
        String v = e.attr("content").strip();
        return v.isEmpty() ? null : v;
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

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
