package org.isnad.ingest;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.isnad.text.DateParser;
import org.jsoup.Jsoup;

/**
 * {@code .html}/{@code .htm} with jsoup, read as {@link HtmlPage} reads every page: its metadata and
 * the article text, one paragraph per block element.
 */
final class HtmlReader implements DocumentReader {

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
        HtmlPage.Meta meta = HtmlPage.meta(page, dates);
        if (page.body() == null) {
            throw new BadInputException("no body");
        }
        String text = HtmlPage.articleText(page, meta.title());
        if (text.isBlank()) {
            throw new BadInputException("no article text");
        }
        out.accept(new RawDocument(null, meta.title(), meta.date(), meta.outlet(), meta.url(), meta.lang(), text, file.toString()));
    }
}
