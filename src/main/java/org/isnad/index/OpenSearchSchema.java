package org.isnad.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The schema of an OpenSearch index holding Isnad's documents and passages
 * ({@code opensearch/index.json}): the same fields as {@link Fields}, and the same analysis chains as
 * {@link Analyzers}, declared with OpenSearch's built-in filters (standard tokenizer, lowercase,
 * decimal_digit, the Arabic and English stop sets, persian_normalization, arabic_normalization,
 * keyword_repeat, arabic_stem, remove_duplicates; possessive_english, porter_stem). The body fields
 * index each word's unstemmed form beside its stem and search with the plain chain, as the embedded
 * index does; ranking is BM25 with Lucene's defaults (k1 1.2, b 0.75).
 */
public final class OpenSearchSchema {

    /** The OpenSearch analyzer that indexes each field, by the field's name in {@link Fields}. */
    public static final Map<String, String> INDEX_ANALYZERS = Map.of(
            Fields.BODY_AR, "isnad_body_ar", Fields.BODY_EN, "isnad_body_en",
            Fields.TITLE_AR, "isnad_ar", Fields.TITLE_EN, "isnad_en");
    /** The analyzers queries use: {@link Analyzers#arabic()}, {@link Analyzers#english()}, {@link Analyzers#exact()}. */
    public static final String ARABIC = "isnad_ar";
    public static final String ENGLISH = "isnad_en";
    public static final String EXACT = "isnad_exact";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenSearchSchema() {}

    /** The body of the create-index request, with this many shards and replicas. */
    public static ObjectNode createIndexBody(int shards, int replicas) {
        if (shards < 1 || replicas < 0) {
            throw new IllegalArgumentException("shards must be at least 1 and replicas at least 0");
        }
        ObjectNode body = read();
        ObjectNode index = body.withObject("/settings/index");
        index.put("number_of_shards", shards);
        index.put("number_of_replicas", replicas);
        return body;
    }

    private static ObjectNode read() {
        try (InputStream in = OpenSearchSchema.class.getClassLoader().getResourceAsStream("opensearch/index.json")) {
            if (in == null) {
                throw new IllegalStateException("opensearch/index.json missing from the classpath");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read opensearch/index.json", e);
        }
    }
}
