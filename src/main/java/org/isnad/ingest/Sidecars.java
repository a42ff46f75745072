package org.isnad.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.isnad.Json;

/**
 * Metadata a plain file cannot carry itself: {@code NAME.meta.json} beside {@code NAME} may give
 * title, date, outlet, url and lang, which win over what the reader found. The text is never
 * touched. Sidecars are not documents of their own.
 */
final class Sidecars {

    private static final String SUFFIX = ".meta.json";
    private final ObjectMapper json = Json.mapper();

    static boolean isSidecar(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(SUFFIX);
    }

    RawDocument apply(Path file, RawDocument raw) {
        Path sidecar = file.resolveSibling(file.getFileName() + SUFFIX);
        if (!Files.isRegularFile(sidecar)) {
            return raw;
        }
        try {
            JsonNode m = json.readTree(sidecar.toFile());
            return new RawDocument(raw.id(), or(m, "title", raw.title()), or(m, "date", raw.date()), or(m, "outlet", raw.outlet()),
                    or(m, "url", raw.url()), or(m, "lang", raw.lang()), raw.text(), raw.origin());
        } catch (IOException e) {
            return raw; // a broken sidecar must not cost the document; its own metadata stands
        }
    }

    private static String or(JsonNode m, String field, String fallback) {
        JsonNode v = m.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? fallback : v.asText().strip();
    }
}
