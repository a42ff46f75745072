package org.isnad.ingest;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.isnad.text.DateMatch;
import org.isnad.text.DateParser;
import org.isnad.text.TextTidy;

/**
 * {@code .txt} and {@code .md}: the first non-empty line is the title; a date on its own line, or a
 * date glued to the start of the first body line ("فبراير ۲۰، ۲۰۲٤اتخذت روسيا"), is the document
 * date and is removed from the body, so the body starts at the first real word.
 */
final class PlainTextReader implements DocumentReader {

    private final DateParser dates;

    PlainTextReader(DateParser dates) {
        this.dates = dates;
    }

    @Override
    public void read(Path file, byte[] bytes, long maxDocumentBytes, Consumer<RawDocument> out, Consumer<Skip> skips)
            throws BadInputException {
        if (bytes.length > maxDocumentBytes) {
            throw new BadInputException("larger than the size cap of " + maxDocumentBytes + " bytes");
        }
        String text = TextTidy.tidy(InputBytes.utf8(bytes, 0, bytes.length));
        boolean markdown = file.getFileName().toString().toLowerCase().endsWith(".md");
        int titleEnd = lineEnd(text, 0);
        String title = text.substring(0, titleEnd);
        String date = null;
        int bodyStart = next(text, titleEnd);

        // A title line that is only a date: take the date, and the title is the next line.
        DateMatch titleDate = dates.leadingDate(title).filter(m -> m.end() >= title.length()).orElse(null);
        if (titleDate != null && bodyStart < text.length()) {
            date = titleDate.date().toString();
            int nextEnd = lineEnd(text, bodyStart);
            String nextTitle = text.substring(bodyStart, nextEnd);
            bodyStart = next(text, nextEnd);
            emit(file, markdown ? stripMarkdownHeading(nextTitle) : nextTitle, date, text, bodyStart, out);
            return;
        }
        if (bodyStart < text.length()) {
            int lineEnd = lineEnd(text, bodyStart);
            String firstLine = text.substring(bodyStart, lineEnd);
            var match = dates.leadingDate(firstLine);
            if (match.isPresent()) {
                date = match.get().date().toString();
                int cut = bodyStart + match.get().end();
                while (cut < text.length() && (Character.isWhitespace(text.charAt(cut)) || isDateSeparator(text.charAt(cut)))) {
                    cut++;
                }
                bodyStart = cut;
            }
        }
        emit(file, markdown ? stripMarkdownHeading(title) : title, date, text, bodyStart, out);
    }

    private static void emit(Path file, String title, String date, String text, int bodyStart, Consumer<RawDocument> out)
            throws BadInputException {
        String body = bodyStart >= text.length() ? "" : text.substring(bodyStart);
        if (body.isBlank()) {
            throw new BadInputException("no text after the title");
        }
        out.accept(new RawDocument(null, title, date, null, null, null, body, file.toString()));
    }

    private static boolean isDateSeparator(char c) {
        return c == '-' || c == '—' || c == '–' || c == '|' || c == ':' || c == '،' || c == ',';
    }

    private static String stripMarkdownHeading(String line) {
        return line.replaceFirst("^#+\\s*", "");
    }

    private static int lineEnd(String text, int from) {
        int i = text.indexOf('\n', from);
        return i < 0 ? text.length() : i;
    }

    private static int next(String text, int lineEnd) {
        return Math.min(text.length(), lineEnd + 1);
    }
}
