package org.isnad.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.isnad.Json;
import org.isnad.text.TextTidy;

/**
 * {@code .json} (one document, or an array of them) and {@code .jsonl} (one per line) with fields
 * id, title, date, outlet (or source), url, lang, text. In JSONL a bad line is skipped with its
 * number; the other lines still load; JSONL is read as a stream (see {@link #readLines}).
 */
final class JsonReader implements DocumentReader {

    private final ObjectMapper json = Json.mapper();

    @Override
    public void read(Path file, byte[] bytes, long maxDocumentBytes, Consumer<RawDocument> out, Consumer<Skip> skips)
            throws BadInputException {
        boolean lines = file.getFileName().toString().toLowerCase().endsWith(".jsonl");
        if (!lines) {
            if (bytes.length > maxDocumentBytes) {
                throw new BadInputException("larger than the size cap of " + maxDocumentBytes + " bytes");
            }
            JsonNode node = parse(InputBytes.utf8(bytes, 0, bytes.length));
            if (node.isArray()) {
                int i = 0;
                for (JsonNode item : node) {
                    i++;
                    String where = file + "#" + i;
                    try {
                        out.accept(toRaw(item, where));
                    } catch (BadInputException e) {
                        skips.accept(new Skip(where, e.getMessage()));
                    }
                }
            } else {
                out.accept(toRaw(node, file.toString()));
            }
            return;
        }
        try {
            readLines(file, new java.io.ByteArrayInputStream(bytes), maxDocumentBytes, out, skips);
        } catch (java.io.IOException e) {
            throw new BadInputException("cannot read: " + e.getMessage());
        }
    }

    /**
     * {@code .jsonl} read as a stream, a line at a time: a file of any size (over 2 GB too) costs
     * memory for one line only, and a line over {@code maxLineBytes} is skipped with its number
     * without being held. Returns the bytes read.
     */
    long readLines(Path file, java.io.InputStream stream, long maxLineBytes, Consumer<RawDocument> out, Consumer<Skip> skips)
            throws java.io.IOException, BadInputException {
        java.io.InputStream in = stream instanceof java.io.BufferedInputStream ? stream : new java.io.BufferedInputStream(stream, 1 << 16);
        int cap = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(1, maxLineBytes));
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        int lineNo = 0;
        long total = 0;
        boolean any = false;
        boolean over = false;
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            int from = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] != '\n') {
                    continue;
                }
                if (!over) {
                    line.write(buf, from, i - from);
                }
                lineNo++;
                any |= emit(file, lineNo, line, over, cap, out, skips);
                line.reset();
                over = false;
                from = i + 1;
            }
            if (!over) {
                line.write(buf, from, n - from);
                if (line.size() > cap) {
                    over = true; // the rest of this line is counted, not kept
                    line.reset();
                }
            }
        }
        if (line.size() > 0 || over) {
            lineNo++;
            any |= emit(file, lineNo, line, over, cap, out, skips);
        }
        if (!any) {
            throw new BadInputException("empty");
        }
        return total;
    }

    /** One line: parsed into a document, skipped with its reason, or (blank) ignored; true unless blank. */
    private boolean emit(Path file, int lineNo, java.io.ByteArrayOutputStream line, boolean over, int cap,
                         Consumer<RawDocument> out, Consumer<Skip> skips) {
        String where = file + ":" + lineNo;
        if (over) {
            skips.accept(new Skip(where, "larger than the size cap of " + cap + " bytes"));
            return true;
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        if (length == 0 || isBlank(bytes, 0, length)) {
            return false;
        }
        try {
            out.accept(toRaw(parse(InputBytes.utf8(bytes, 0, length)), where));
        } catch (BadInputException e) {
            skips.accept(new Skip(where, e.getMessage()));
        }
        return true;
    }

    private static boolean isBlank(byte[] bytes, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private JsonNode parse(String text) throws BadInputException {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadInputException("malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static RawDocument toRaw(JsonNode node, String where) throws BadInputException {
        if (node == null || !node.isObject()) {
            throw new BadInputException("not a JSON object");
        }
        JsonNode textNode = node.get("text");
        if (textNode != null && !textNode.isNull() && !textNode.isTextual()) {
            // a number or an object is no article text: {"text": 123} must not become the document "123"
            throw new BadInputException("\"text\" is not a string");
        }
        String text = string(node, "text");
        if (text == null || text.isBlank()) {
            throw new BadInputException("no \"text\" field");
        }
        String outlet = string(node, "outlet");
        if (outlet == null) {
            outlet = string(node, "source");
        }
        return new RawDocument(string(node, "id"), string(node, "title"), string(node, "date"), outlet,
                string(node, "url"), string(node, "lang"), TextTidy.tidy(text), where);
    }

    private static String string(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
