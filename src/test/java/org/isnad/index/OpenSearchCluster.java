package org.isnad.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real OpenSearch cluster on 127.0.0.1 for the store tests: the official distribution Maven puts in
 * {@code target/opensearch/} (the integ-test zip, plus the analysis-common module it leaves out,
 * installed the way the full distribution ships it), one process per node, free ports, a small heap.
 * OpenSearch refuses to run as root, and CI runs as root: then every node runs as the unprivileged
 * user {@code nobody} (setpriv), in a folder it owns. {@link #close()} stops every node and removes
 * the folder.
 */
final class OpenSearchCluster implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NOBODY = 65534;
    private static final Duration START = Duration.ofSeconds(180);

    private final Path home;
    private final Path install;
    private final List<Node> nodes = new ArrayList<>();
    /** Nodes stopped on purpose ({@link #stop}): not expected to be running. */
    private final java.util.Set<String> stopped = new java.util.HashSet<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One node: its name, ports and process. */
    record Node(String name, int httpPort, int transportPort, Path dir, Process process) {
        String url() {
            return "http://127.0.0.1:" + httpPort;
        }
    }

    private OpenSearchCluster(Path home, Path install) {
        this.home = home;
        this.install = install;
    }

    /** Starts {@code count} nodes forming one cluster and waits until it is green with all of them. */
    static OpenSearchCluster start(int count) throws IOException, InterruptedException {
        Path dist = Path.of(System.getProperty("isnad.opensearch.dir", "target/opensearch"));
        String version = System.getProperty("isnad.opensearch.version", "3.3.2");
        if (!Files.exists(dist.resolve("opensearch.zip"))) {
            throw new IllegalStateException("no OpenSearch distribution in " + dist + ": run the tests through Maven (./test)");
        }
        Path home = Files.createTempDirectory(Path.of("/tmp"), "isnad-opensearch-");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        unzip(dist.resolve("opensearch.zip"), home);
        Path install = home.resolve("opensearch-" + version);
        Path module = Files.createDirectories(install.resolve("modules/analysis-common"));
        Files.copy(dist.resolve("analysis-common.jar"), module.resolve("analysis-common-" + version + ".jar"));
        Files.writeString(module.resolve("plugin-descriptor.properties"), String.join("\n",
                "description=Adds \"built in\" analyzers to OpenSearch.", "version=" + version, "name=analysis-common",
                "classname=org.opensearch.analysis.common.CommonAnalysisModulePlugin", "java.version=21",
                "opensearch.version=" + version, "custom.foldername=", "extended.plugins=", "has.native.controller=false", ""));
        Files.walk(install.resolve("bin")).filter(Files::isRegularFile).forEach(f -> f.toFile().setExecutable(true, false));

        OpenSearchCluster cluster = new OpenSearchCluster(home, install);
        try {
            int[] http = freePorts(count);
            int[] transport = freePorts(count);
            String seeds = java.util.Arrays.stream(transport).mapToObj(p -> "\"127.0.0.1:" + p + "\"").collect(Collectors.joining(", "));
            String names = java.util.stream.IntStream.range(0, count).mapToObj(i -> "\"n" + (i + 1) + "\"").collect(Collectors.joining(", "));
            for (int i = 0; i < count; i++) {
                cluster.nodes.add(cluster.startNode("n" + (i + 1), http[i], transport[i], seeds, names));
            }
            cluster.awaitHealth(count, "green");
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private Node startNode(String name, int httpPort, int transportPort, String seeds, String names) throws IOException {
        Path dir = Files.createDirectories(home.resolve(name));
        Path config = dir.resolve("config");
        copyTree(install.resolve("config"), config);
        Files.writeString(config.resolve("opensearch.yml"), String.join("\n",
                "cluster.name: isnad-test", "node.name: " + name, "network.host: 127.0.0.1",
                "http.port: " + httpPort, "transport.port: " + transportPort,
                "discovery.seed_hosts: [" + seeds + "]", "cluster.initial_cluster_manager_nodes: [" + names + "]",
                "path.data: " + dir.resolve("data"), "path.logs: " + dir.resolve("logs"),
                // the test machine's disk may be nearly full: shards must still be allocated
                "cluster.routing.allocation.disk.threshold_enabled: false", ""));
        String options = Files.readString(config.resolve("jvm.options"))
                .replaceAll("(?m)^-Xms\\S+", "-Xms384m").replaceAll("(?m)^-Xmx\\S+", "-Xmx384m");
        Files.writeString(config.resolve("jvm.options"), options);
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("tmp"));
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run("chown", "-R", NOBODY + ":" + NOBODY, home.toString());
        }
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        command.add(install.resolve("bin/opensearch").toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile());
        pb.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("OPENSEARCH_PATH_CONF", config.toString());
        pb.environment().put("OPENSEARCH_TMPDIR", dir.resolve("tmp").toString());
        pb.environment().put("HOME", dir.toString());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        return new Node(name, httpPort, transportPort, dir, pb.start());
    }

    private void awaitHealth(int count, String status) throws InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            for (Node n : nodes) {
                if (!stopped.contains(n.name()) && !n.process().isAlive()) {
                    throw new IllegalStateException("OpenSearch node " + n.name() + " exited: " + tail(n));
                }
            }
            try {
                JsonNode health = get("/_cluster/health?wait_for_nodes=" + count + "&wait_for_status=" + status + "&timeout=5s");
                last = health.toString();
                if (health.path("number_of_nodes").asInt() == count && !health.path("timed_out").asBoolean()) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("OpenSearch did not form a green cluster of " + count + " in " + START + ": " + last
                + "; " + tail(nodes.get(0)));
    }

    List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** The name of the node that is the elected cluster manager. */
    String clusterManager() throws IOException, InterruptedException {
        String id = get("/_cluster/state/cluster_manager_node").path("cluster_manager_node").asText();
        return get("/_nodes/" + id).path("nodes").path(id).path("name").asText();
    }

    /** Stops one node (SIGTERM, as an operator or a failing machine would), and waits until it is gone. */
    void stop(String name) throws InterruptedException {
        Node n = node(name);
        stopped.add(name);
        n.process().destroy();
        if (!n.process().waitFor(60, TimeUnit.SECONDS)) {
            n.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && listening(n.httpPort())) {
            Thread.sleep(200);
        }
    }

    /** Starts a stopped node again on its own folder and ports, and waits for a cluster of {@code count} nodes. */
    void restart(String name, int count) throws IOException, InterruptedException {
        Node old = node(name);
        String seeds = nodes.stream().map(n -> "\"127.0.0.1:" + n.transportPort() + "\"").collect(Collectors.joining(", "));
        String names = nodes.stream().map(n -> "\"" + n.name() + "\"").collect(Collectors.joining(", "));
        Node started = startNode(name, old.httpPort(), old.transportPort(), seeds, names);
        nodes.set(nodes.indexOf(old), started);
        stopped.remove(name);
        awaitHealth(count, "yellow");
    }

    private Node node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    private static boolean listening(int port) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The HTTP address of every node, comma-separated (what {@code opensearch.hosts} takes). */
    String hosts() {
        return nodes.stream().map(Node::url).collect(Collectors.joining(","));
    }

    /** A GET to any running node. */
    JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(liveNode().url() + path)).GET());
    }

    JsonNode put(String path, JsonNode body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(liveNode().url() + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(liveNode().url() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() >= 300) {
            throw new IOException("OpenSearch answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private Node liveNode() {
        return nodes.stream().filter(n -> n.process().isAlive()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OpenSearch node is running"));
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            n.process().destroy();
        }
        for (Node n : nodes) {
            try {
                if (!n.process().waitFor(30, TimeUnit.SECONDS)) {
                    n.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // the JVM a node's start script launched outlives the script when the script is killed first
        if ("root".equals(System.getProperty("user.name"))) {
            try {
                run("pkill", "-KILL", "-u", String.valueOf(NOBODY), "-f", home.toString());
            } catch (IOException | RuntimeException ignored) {
                // nothing left to stop
            }
        }
        deleteTree(home);
    }

    private static String tail(Node n) {
        try {
            List<String> lines = Files.readAllLines(n.dir().resolve("console.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no console log: " + e + ")";
        }
    }

    private static int[] freePorts(int count) throws IOException {
        int[] ports = new int[count];
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0);
                held.add(s);
                ports[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
        return ports;
    }

    private static void run(String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside its folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary folder left behind is no failure of the test
        }
    }
}
