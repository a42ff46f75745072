package org.isnad.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.isnad.Isnad;
import org.isnad.answer.AskRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder (answer log, keys, bot state) is its owner's only, whatever the umask. */
class DataFolderPermissionsTest {

    @Test
    void theDataFolderIs0700AndTheLogAndKeys0600(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        IsnadConfig config = new ConfigLoader(Map.of("ISNAD_DATA_DIR", data.toString())).load();
        try (Isnad isnad = Isnad.open(config)) {
            isnad.ensureSampleIndexed();
            var a = isnad.answers().ask(AskRequest.of("من دعت روسيا إلى موسكو؟"));
            isnad.audit().tryRecord(a, org.isnad.audit.AnswerEvent.cli());
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        for (String f : new String[] {"audit.db", "audit.key"}) {
            assertThat(Files.exists(data.resolve(f))).as(f).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(f)))).as(f).isEqualTo("rw-------");
        }
    }
}
