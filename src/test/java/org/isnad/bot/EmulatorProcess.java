package org.isnad.bot;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * telegram-test-api (npm) started through src/test/node/launcher.js on a free 127.0.0.1 port, and its
 * client API for acting as users. Fails the test, saying what to run, when node or the packages are missing.
 */
final class EmulatorProcess implements AutoCloseable {

    static final Path NODE_DIR = Path.of("src/test/node");

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private EmulatorProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static EmulatorProcess start() throws IOException, InterruptedException {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/telegram-test-api"))) {
            fail("the Telegram emulator is not installed: run `npm ci` in src/test/node (CI's .ci/run does)");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process p;
        try {
            p = new ProcessBuilder("node", "launcher.js", String.valueOf(port)).directory(NODE_DIR.toFile())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("cannot run `node` (" + e.getMessage() + "): install Node.js and run `npm ci` in src/test/node");
            throw e;
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.currentTimeMillis() + 15_000;
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains("ready on")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) { /* keep the pipe flowing */ }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                }, "emulator-out");
                drain.setDaemon(true);
                drain.start();
                return new EmulatorProcess(p, port);
            }
            if (System.currentTimeMillis() > deadline) {
                break;
            }
        }
        p.destroyForcibly();
        fail("the emulator did not start (run `npm ci` in src/test/node); it said:\n" + seen);
        return null;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    JsonNode post(String path, Object body) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        return json.readTree(http.send(r, HttpResponse.BodyHandlers.ofString()).body());
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close(); // the launcher exits when its stdin closes
        } catch (IOException ignored) {
            // already gone
        }
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
            process.destroy();
            process.waitFor(3, TimeUnit.SECONDS);
        }
    }
}
