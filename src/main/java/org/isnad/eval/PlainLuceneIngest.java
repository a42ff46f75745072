package org.isnad.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.isnad.Json;
import org.isnad.index.Analyzers;
import org.isnad.text.Language;

/**
 * What "plain Lucene" does with a JSONL file, for the ingest benchmark: parse each line, add one
 * Lucene document per article (id, stored body, body analyzed with Isnad's chain for its language),
 * commit. Same analyzers, same directory type and RAM buffer as Isnad's index; nothing else.
 */
public final class PlainLuceneIngest {

    private PlainLuceneIngest() {}

    /** Indexes {@code jsonl} into {@code dir}; returns the number of articles indexed. */
    public static int index(Path jsonl, Path dir) {
        Analyzers analyzers = new Analyzers();
        int n = 0;
        try (Directory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzers.perField())
                        .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(64));
                BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode a;
                try {
                    a = Json.mapper().readTree(line);
                } catch (IOException e) {
                    continue;
                }
                String text = a.path("text").asText("");
                if (text.isEmpty()) {
                    continue;
                }
                var d = new org.apache.lucene.document.Document();
                d.add(new StringField("id", a.path("id").asText(), Field.Store.YES));
                d.add(new StoredField("text", text));
                d.add(new TextField(Analyzers.bodyField(Language.fromCode(a.path("lang").asText("other"))), text, Field.Store.NO));
                writer.addDocument(d);
                n++;
            }
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("plain Lucene indexing failed", e);
        }
        return n;
    }
}
