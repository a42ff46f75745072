package org.isnad.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.isnad.cli.IsnadCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    private static String stderrOf(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void serveWithoutATokenSaysHowToGiveOne(@TempDir Path data) {
        int[] code = new int[1];
        String err = stderrOf(() -> code[0] = IsnadCli.run(Map.of("ISNAD_DATA_DIR", data.toString()), "serve"));
        assertThat(code[0]).isEqualTo(1);
        assertThat(err).contains("TELEGRAM_BOT_TOKEN");
    }

    @Test
    void anUnreachableBotApiFailsClearlyWithoutShowingTheToken(@TempDir Path data) {
        int[] code = new int[1];
        String err = stderrOf(() -> code[0] = IsnadCli.run(Map.of("ISNAD_DATA_DIR", data.toString(),
                "TELEGRAM_BOT_TOKEN", "777:VerySecretToken", "ISNAD_TELEGRAM_API_URL", "http://127.0.0.1:9"), "serve"));
        assertThat(code[0]).isEqualTo(1);
        assertThat(err).contains("did not answer getMe").doesNotContain("VerySecretToken");
    }
}
