package org.isnad.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.isnad.Isnad;
import org.isnad.feeds.ArchiveWatch;
import org.isnad.feeds.FeedPoller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code isnad watch}: keeps folders and feeds ingested, on a schedule, until stopped. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Keeps the archive up to date: folders (new, changed, deleted files) and the followed feeds,",
                "every interval, until Ctrl-C. Folders default to ingest.watch.folders."})
final class WatchCommand implements Callable<Integer> {

    @ParentCommand
    IsnadCli root;

    @Parameters(arity = "0..*", paramLabel = "FOLDER", description = "Folders to watch (default: ingest.watch.folders).")
    List<Path> folders;

    @Option(names = "--interval", paramLabel = "SECONDS", description = "Seconds between rounds (default: ingest.watch.intervalSeconds).")
    Integer interval;

    @Option(names = "--once", description = "One round, then exit.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        try (Isnad isnad = root.openIsnad()) {
            var watching = root.config().ingest().watching();
            List<Path> dirs = new ArrayList<>();
            if (folders != null && !folders.isEmpty()) {
                dirs.addAll(folders);
            } else {
                watching.folders().forEach(f -> dirs.add(Path.of(f)));
            }
            try (ArchiveWatch watch = new ArchiveWatch(isnad.ingester(), isnad.feeds(), dirs)) {
                if (once) {
                    print(watch.once());
                    return 0;
                }
                int seconds = interval != null && interval > 0 ? interval : watching.intervalSeconds();
                System.err.println("isnad: watching " + dirs.size() + " folder(s) and " + isnad.feeds().list().all().size()
                        + " feed(s) every " + seconds + " s; Ctrl-C stops it");
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "isnad-watch-stop"));
                watch.start(Duration.ofSeconds(seconds), WatchCommand::print);
                stop.await();
            }
        }
        return 0;
    }

    static void print(ArchiveWatch.Round round) {
        if (round.folders() != null) {
            System.out.println("folders: " + round.folders().summary());
        }
        for (FeedPoller.FeedResult r : round.feeds()) {
            System.out.println(r.url() + ": " + r.status() + (r.report() != null ? " — " + r.report().summary() : "")
                    + (r.error() != null ? " (" + r.error() + ")" : ""));
        }
    }
}
