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
 * number; the other lines still load.
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
        int lineNo = 0;
        int start = 0;
        boolean any = false;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNo++;
            String where = file + ":" + lineNo;
            int length = end - start;
            if (length > 0 && bytes[end - 1] == '\r') {
                length--;
            }
            if (length > 0 && !isBlank(bytes, start, length)) {
                any = true;
                try {
                    if (length > maxDocumentBytes) {
                        throw new BadInputException("larger than the size cap of " + maxDocumentBytes + " bytes");
                    }
                    out.accept(toRaw(parse(InputBytes.utf8(bytes, start, length)), where));
                } catch (BadInputException e) {
                    skips.accept(new Skip(where, e.getMessage()));
                }
            }
            start = end + 1;
        }
        if (!any) {
            throw new BadInputException("empty");
        }
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
