package org.isnad.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole configuration, bound from {@code config/isnad.yaml} with environment overrides applied
 * (see {@link ConfigLoader}). Immutable; the composition root hands the relevant part to each feature.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IsnadConfig(
        String dataDir,
        Ingest ingest,
        Answer answer,
        Llm llm,
        Brief brief,
        Audit audit,
        Review review,
        Telegram telegram,
        Store store,
        OpenSearch opensearch) {

    public Path dataPath() {
        return Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir);
    }

    /** A copy with another data folder (the {@code --data} option). */
    public IsnadConfig withDataDir(String dir) {
        return new IsnadConfig(dir, ingest, answer, llm, brief, audit, review, telegram, store, opensearch);
    }

    /**
     * A copy whose archive is a fresh one named by {@code tag}: another data folder holds a fresh
     * embedded index already; on OpenSearch the index name gets the tag (benchmarks, evaluations).
     */
    public IsnadConfig withArchiveTag(String tag) {
        if (opensearch == null) {
            return this;
        }
        OpenSearch os = new OpenSearch(opensearch.hosts(), (opensearch.indexPrefix() == null ? "isnad-" : opensearch.indexPrefix()) + tag + "-",
                opensearch.shards(), opensearch.replicas());
        return new IsnadConfig(dataDir, ingest, answer, llm, brief, audit, review, telegram, store, os);
    }

    /** A copy with another answer section (tests, {@code --answerer}). */
    public IsnadConfig withAnswer(Answer a) {
        return new IsnadConfig(dataDir, ingest, a, llm, brief, audit, review, telegram, store, opensearch);
    }

    public IsnadConfig withLlm(Llm l) {
        return new IsnadConfig(dataDir, ingest, answer, l, brief, audit, review, telegram, store, opensearch);
    }

    public IsnadConfig withReview(Review r) {
        return new IsnadConfig(dataDir, ingest, answer, llm, brief, audit, r, telegram, store, opensearch);
    }

    public IsnadConfig withTelegram(Telegram t) {
        return new IsnadConfig(dataDir, ingest, answer, llm, brief, audit, review, t, store, opensearch);
    }

    public IsnadConfig withAudit(Audit a) {
        return new IsnadConfig(dataDir, ingest, answer, llm, brief, a, review, telegram, store, opensearch);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ingest(long maxDocumentBytes, boolean bundledSampleOnFirstUse, Watch watch,
                         java.util.Map<String, List<String>> outlets) {

        public Ingest(long maxDocumentBytes, boolean bundledSampleOnFirstUse) {
            this(maxDocumentBytes, bundledSampleOnFirstUse, null, null);
        }

        public Ingest(long maxDocumentBytes, boolean bundledSampleOnFirstUse, Watch watch) {
            this(maxDocumentBytes, bundledSampleOnFirstUse, watch, null);
        }

        /** The outlet alias table ({@code ingest.outlets}): each canonical name with its other spellings. */
        public org.isnad.text.OutletNames outletNames() {
            return new org.isnad.text.OutletNames(outlets);
        }

        /** The watch to keep, never null: none configured is no folders, and feeds polled every five minutes. */
        public Watch watching() {
            return watch == null ? new Watch(List.of(), 300) : watch;
        }
    }

    /**
     * What {@code isnad watch} (and {@code isnad serve}, when folders are named) keeps up to date:
     * these folders (new, changed and deleted files) and the followed feeds, every {@code intervalSeconds}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Watch(List<String> folders, int intervalSeconds) {
        public Watch {
            folders = folders == null ? List.of() : List.copyOf(folders);
            intervalSeconds = intervalSeconds <= 0 ? 300 : intervalSeconds;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Answer(int maxQuotes, int candidatePassages, String answerer, String glossary, String freedictDir, String decision) {
        /** Whether the fitted two-stage decision (answer.decision: fitted) decides, rather than the confidence gate. */
        public boolean fittedDecision() {
            return "fitted".equalsIgnoreCase(decision == null ? "" : decision.strip());
        }

        /** Whether {@code decision} names one of the two decisions (unset counts as the default, confidence). */
        public boolean knownDecision() {
            return decision == null || decision.isBlank() || fittedDecision() || "confidence".equalsIgnoreCase(decision.strip());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Llm(String provider, String baseUrl, String model, String apiKey, int timeoutS, boolean translateQueries) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Brief(int minPoints, int maxPoints, boolean openToAll) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    /**
     * The answer log: {@code backend} {@code sqlite} (a file in the data folder, the default) or
     * {@code postgres} (a database several instances share, at {@code jdbcUrl}, through a pool of
     * {@code poolSize}; user and password from {@code ISNAD_AUDIT_DB_USER} / {@code ISNAD_AUDIT_DB_PASSWORD}).
     */
    public record Audit(boolean enabled, boolean pseudonymize, String pseudonymKeyFile, int retentionDays,
                        String backend, String jdbcUrl, int poolSize) {
        public Audit(boolean enabled, boolean pseudonymize, String pseudonymKeyFile, int retentionDays) {
            this(enabled, pseudonymize, pseudonymKeyFile, retentionDays, "sqlite", null, 10);
        }

        public boolean postgres() {
            return backend != null && backend.strip().equalsIgnoreCase("postgres");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    /** {@code trustedProxies}: reverse-proxy addresses whose X-Forwarded-For / -Proto headers are believed. */
    public record Review(int port, String bind, String token, String publicUrl, List<String> trustedProxies) {
        public Review {
            trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        }

        /** Whether {@code isnad serve} hosts the page: it does whenever a moderator token is configured. */
        public boolean served() {
            return token != null && !token.isBlank();
        }

        /**
         * The link moderators get: {@code publicUrl} when set (the page behind a reverse proxy), else
         * {@code http://BIND:PORT/review}.
         */
        public String link() {
            if (publicUrl != null && !publicUrl.isBlank()) {
                return publicUrl.strip();
            }
            String b = bind == null || bind.isBlank() ? "127.0.0.1" : bind;
            String host = "0.0.0.0".equals(b) || "::".equals(b) ? "127.0.0.1" : b.contains(":") ? "[" + b + "]" : b;
            return "http://" + host + ":" + port + "/review";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Telegram(
            String apiUrl,
            String tokenFile,
            List<Long> staffIds,
            List<Long> moderatorIds,
            boolean allowlistOnly,
            List<Long> allowlist,
            int floodPerMinute,
            int maxQuestionChars,
            long perChatIntervalMs,
            int globalPerSecond,
            int deliveryRetryMinutes,
            String mode,
            Webhook webhook) {

        public Telegram(String apiUrl, String tokenFile, List<Long> staffIds, List<Long> moderatorIds, boolean allowlistOnly,
                        List<Long> allowlist, int floodPerMinute, int maxQuestionChars, long perChatIntervalMs, int globalPerSecond,
                        int deliveryRetryMinutes) {
            this(apiUrl, tokenFile, staffIds, moderatorIds, allowlistOnly, allowlist, floodPerMinute, maxQuestionChars,
                    perChatIntervalMs, globalPerSecond, deliveryRetryMinutes, "polling", null);
        }

        /** {@code telegram.mode: webhook}: updates arrive over HTTP (several instances behind a load balancer). */
        public boolean webhookMode() {
            return mode != null && mode.strip().equalsIgnoreCase("webhook");
        }

        /** A copy in another mode with other webhook settings (tests). */
        public Telegram withWebhook(String mode, Webhook webhook) {
            return new Telegram(apiUrl, tokenFile, staffIds, moderatorIds, allowlistOnly, allowlist, floodPerMinute, maxQuestionChars,
                    perChatIntervalMs, globalPerSecond, deliveryRetryMinutes, mode, webhook);
        }

        /** How long a reply is retried through a Bot API outage before it is given up on (and apologized for). */
        public static final int DEFAULT_DELIVERY_RETRY_MINUTES = 10;

        public Telegram(String apiUrl, String tokenFile, List<Long> staffIds, List<Long> moderatorIds, boolean allowlistOnly,
                        List<Long> allowlist, int floodPerMinute, int maxQuestionChars, long perChatIntervalMs, int globalPerSecond) {
            this(apiUrl, tokenFile, staffIds, moderatorIds, allowlistOnly, allowlist, floodPerMinute, maxQuestionChars,
                    perChatIntervalMs, globalPerSecond, DEFAULT_DELIVERY_RETRY_MINUTES);
        }

        public java.time.Duration deliveryRetry() {
            return java.time.Duration.ofMinutes(deliveryRetryMinutes > 0 ? deliveryRetryMinutes : DEFAULT_DELIVERY_RETRY_MINUTES);
        }
    }

    /**
     * Webhook mode: where this instance listens ({@code bind}, {@code port}, {@code path}), the public
     * {@code url} Telegram posts to (the load balancer's), {@code maxConnections} Telegram may open, and
     * whether {@code isnad serve} registers the webhook when it starts ({@code setOnStart}). The secret
     * token Telegram sends back comes from {@code ISNAD_TELEGRAM_WEBHOOK_SECRET} only.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Webhook(String url, String bind, int port, String path, int maxConnections, boolean setOnStart) {
        public String pathOrDefault() {
            return path == null || path.isBlank() ? "/telegram" : (path.startsWith("/") ? path : "/" + path);
        }

        /** Telegram's own default when unset. */
        public int maxConnectionsOrDefault() {
            return maxConnections > 0 ? maxConnections : 40;
        }

        public String bindOrDefault() {
            return bind == null || bind.isBlank() ? "127.0.0.1" : bind;
        }
    }

    /** Where the archive lives: {@code lucene} (the embedded index under the data folder, the default) or {@code opensearch}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Store(String backend) {
        public boolean openSearch() {
            return backend != null && backend.strip().equalsIgnoreCase("opensearch");
        }
    }

    /**
     * The OpenSearch cluster for {@code store.backend: opensearch}: comma-separated node addresses, the
     * index name's prefix, and shards and replicas for a new index. User and password come from the
     * environment only ({@code ISNAD_OPENSEARCH_USER}, {@code ISNAD_OPENSEARCH_PASSWORD}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OpenSearch(String hosts, String indexPrefix, int shards, int replicas) {
        public List<String> hostList() {
            return hosts == null ? List.of() : java.util.Arrays.stream(hosts.split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList();
        }
    }
}
