package org.isnad.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.isnad.ingest.IngestReport;
import org.isnad.ingest.Ingester;
import org.isnad.ingest.RawDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How bulk writes meet a cluster that pushes back or refuses, on a stand-in for OpenSearch's REST
 * API (a real cluster cannot be made to answer 429 on demand): entries rejected with 429 are sent
 * again with back-off until they are taken, and a document the cluster refuses is skipped with the
 * cluster's reason while the other documents of the batch are written.
 */
class OpenSearchBulkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        ObjectNode out = JSON.createObjectNode();
        if (path.endsWith("/_bulk")) {
            ArrayNode items = out.putArray("items");
            boolean errors = false;
            String[] lines = body.split("\n");
            for (int i = 0; i < lines.length; i++) {
                JsonNode action = JSON.readTree(lines[i]);
                String kind = action.fieldNames().next();
                String id = action.path(kind).path("_id").asText();
                if (!kind.equals("delete")) {
                    i++; // its source
                }
                ObjectNode result = items.addObject().putObject(kind).put("_id", id);
                int attempt = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                if (id.contains("busy") && attempt <= 2) {
                    result.put("status", 429).putObject("error").put("reason", "rejected execution (queue full)");
                    errors = true;
                } else if (id.contains("refused")) {
                    result.put("status", 400).putObject("error").put("reason", "failed to parse field [body_en]");
                    errors = true;
                } else {
                    result.put("status", 201);
                    written.add(id);
                }
            }
            out.put("errors", errors);
        } else if (path.endsWith("/_mget")) {
            out.putArray("docs");
        } else if (path.endsWith("/_search")) {
            out.putObject("hits").putArray("hits");
        } else if (path.endsWith("/_count")) {
            out.put("count", 0);
        }
        byte[] bytes = "HEAD".equals(x.getRequestMethod()) ? new byte[0] : out.toString().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(200, "HEAD".equals(x.getRequestMethod()) ? -1 : bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Test
    void pushedBackEntriesAreSentAgainAndARefusedDocumentIsSkippedWithItsReason() {
        String host = "http://127.0.0.1:" + server.getAddress().getPort();
        try (OpenSearchStore store = OpenSearchStore.open(new OpenSearchStore.Options(List.of(host), null, null, "t-", 1, 0))) {
            IngestReport r = new Ingester(store, 1_000_000).ingestDocuments(List.of(
                    new RawDocument("fine", "Fine", "2024-01-01", "Wire", null, "en", "A plain report.", null),
                    new RawDocument("busy", "Busy", "2024-01-02", "Wire", null, "en", "A report sent while the cluster was busy.", null),
                    new RawDocument("refused", "Refused", "2024-01-03", "Wire", null, "en", "A report the cluster refuses.", null)));
            assertThat(written).contains("d:fine", "p:fine#0", "d:busy", "p:busy#0").doesNotContain("d:refused");
            assertThat(attempts.get("d:busy").get()).isEqualTo(3); // two 429s, then taken
            assertThat(r.added()).isEqualTo(2);
            assertThat(r.skipped()).hasSize(1);
            assertThat(r.skipped().get(0).toString()).contains("refused").contains("failed to parse field");
        }
    }
}
