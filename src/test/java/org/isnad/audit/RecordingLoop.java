package org.isnad.audit;

import java.nio.file.Path;
import java.time.Clock;

/**
 * A child process for {@link KilledWriterTest}: records answers in a loop and prints each id once
 * {@code record} has returned, i.e. once it is committed. It runs until it is killed.
 */
public final class RecordingLoop {

    public static void main(String[] args) {
        try (AuditLog log = AuditLog.open(Path.of(args[0]), Pseudonymizer.raw(), Clock.systemUTC())) {
            for (int i = 0; ; i++) {
                long id = log.record(Answers.english("question " + i), AnswerEvent.telegram(1L, 2L, "subscriber", i));
                System.out.println(id);
                System.out.flush();
            }
        }
    }
}
