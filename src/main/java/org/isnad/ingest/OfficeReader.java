package org.isnad.ingest;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.ToXMLContentHandler;
import org.isnad.text.TextTidy;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * {@code .pdf}, {@code .docx}, {@code .odt} and {@code .rtf} through Apache Tika (its PDF, Microsoft
 * and misc-office parsers only). Quotes are cut from what this returns, so it must read as the
 * document does: one paragraph per line (the lines of a PDF paragraph joined, a word broken at a
 * hyphen mended), Arabic in logical order with its letters, not the presentation-form glyphs a PDF
 * draws (NFKC), and no page header or footer repeated on every page.
 */
final class OfficeReader implements DocumentReader {

    /** A first or last line of a page that recurs on this share of the pages (and on three at least) is a header or footer. */
    private static final double RUNNING_LINE_SHARE = 0.5;
    private static final int RUNNING_LINE_MIN_PAGES = 3;

    private final AutoDetectParser parser = new AutoDetectParser();

    @Override
    public void read(Path file, byte[] bytes, long maxDocumentBytes, Consumer<RawDocument> out, Consumer<Skip> skips)
            throws BadInputException {
        if (bytes.length > maxDocumentBytes) {
            throw new BadInputException("larger than the size cap of " + maxDocumentBytes + " bytes");
        }
        ToXMLContentHandler xhtml = new ToXMLContentHandler();
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        try {
            parser.parse(new ByteArrayInputStream(bytes), xhtml, metadata, new ParseContext());
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new BadInputException("cannot read this document: " + why);
        }
        var page = Jsoup.parse(xhtml.toString());
        List<List<String>> pages = new ArrayList<>();
        var pageDivs = page.select("div.page");
        if (pageDivs.isEmpty()) {
            pages.add(paragraphs(page.body()));
        } else {
            for (Element div : pageDivs) {
                pages.add(paragraphs(div));
            }
        }
        List<String> kept = withoutRunningLines(pages);
        String text = TextTidy.tidy(String.join("\n", kept));
        if (text.isBlank()) {
            throw new BadInputException("no text (a scanned PDF needs OCR first)");
        }
        String title = first(metadata.get(TikaCoreProperties.TITLE));
        String date = first(metadata.get(TikaCoreProperties.CREATED));
        String lang = first(metadata.get(TikaCoreProperties.LANGUAGE));
        out.accept(new RawDocument(null, title, date == null ? null : date.substring(0, Math.min(10, date.length())), null, null,
                lang == null ? null : lang.substring(0, Math.min(2, lang.length())), text, file.toString()));
    }

    private static String first(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A container's paragraphs, each on one line. */
    private static List<String> paragraphs(Element root) {
        List<String> out = new ArrayList<>();
        var blocks = HtmlPage.innermost(root, "p, h1, h2, h3, h4, h5, h6, li, td");
        if (blocks.isEmpty()) {
            for (String line : root.wholeText().split("\n\\s*\n")) {
                add(out, line);
            }
            return out;
        }
        for (Element b : blocks) {
            add(out, b.wholeText());
        }
        return out;
    }

    private static void add(List<String> out, String raw) {
        String p = joinLines(raw);
        if (!p.isBlank()) {
            out.add(p);
        }
    }

    /** The lines of one paragraph as one line: "inter-\nnational" mended, other breaks a space; PDF glyph forms as letters. */
    static String joinLines(String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC) // Arabic presentation forms (U+FB50–U+FEFF) → letters
                .replace('\u00A0', ' ');
        s = s.replaceAll("(?<=\\p{IsLatin})-\\s*\\n\\s*(?=\\p{IsLatin}\\p{Ll})", "");
        return s.replaceAll("\\s*\\n\\s*", " ").replaceAll("[ \\t]{2,}", " ").strip();
    }

    /** The pages' paragraphs in order, without the first or last lines that recur on most pages (page numbers aside). */
    static List<String> withoutRunningLines(List<List<String>> pages) {
        List<String> out = new ArrayList<>();
        if (pages.size() < RUNNING_LINE_MIN_PAGES) {
            pages.forEach(out::addAll);
            return out;
        }
        Map<String, Integer> edgeCounts = new HashMap<>();
        for (List<String> p : pages) {
            if (p.isEmpty()) {
                continue;
            }
            edgeCounts.merge(shape(p.get(0)), 1, Integer::sum);
            if (p.size() > 1) {
                edgeCounts.merge(shape(p.get(p.size() - 1)), 1, Integer::sum);
            }
        }
        int needed = Math.max(RUNNING_LINE_MIN_PAGES, (int) Math.ceil(RUNNING_LINE_SHARE * pages.size()));
        for (List<String> p : pages) {
            for (int i = 0; i < p.size(); i++) {
                boolean edge = i == 0 || i == p.size() - 1;
                if (edge && edgeCounts.getOrDefault(shape(p.get(i)), 0) >= needed) {
                    continue;
                }
                out.add(p.get(i));
            }
        }
        return out;
    }

    /** A line with its numbers as one sign: "Page 3 of 9" and "Page 4 of 9" are the same running line. */
    private static String shape(String line) {
        return line.replaceAll("[0-9٠-٩۰-۹]+", "#").strip();
    }
}
