package org.isnad.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.isnad.Isnad;
import org.isnad.ingest.IngestListener;
import org.isnad.ingest.IngestReport;
import org.isnad.ingest.Skip;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Reads documents into the index: .txt .md .html .htm .json .jsonl, folders walked recursively.",
                "Unchanged documents are left alone; changed ones replace their old version; bad files are skipped with a reason."})
final class IngestCommand implements Callable<Integer> {

    @ParentCommand
    IsnadCli root;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to ingest.")
    List<Path> paths;

    @Option(names = "--delete-missing", description = "Remove documents whose source file (or JSONL line) is gone.")
    boolean deleteMissing;

    @Override
    public Integer call() {
        try (Isnad isnad = root.openIsnad()) {
            IngestReport report;
            if (System.console() != null) {
                try (ProgressBar bar = new ProgressBarBuilder().setTaskName("ingest").setStyle(ProgressBarStyle.ASCII)
                        .setUnit(" MB", 1_000_000).showSpeed().continuousUpdate().build()) {
                    report = isnad.ingester().ingest(paths, deleteMissing, new IngestListener() {
                        @Override
                        public void started(long totalBytes) {
                            bar.maxHint(totalBytes);
                        }

                        @Override
                        public void progressed(long bytes) {
                            bar.stepBy(bytes);
                        }

                        @Override
                        public void skipped(Skip skip) {
                            System.err.println(skip);
                        }
                    });
                }
            } else {
                report = isnad.ingester().ingest(paths, deleteMissing, new IngestListener() {
                    @Override
                    public void skipped(Skip skip) {
                        System.err.println(skip);
                    }
                });
            }
            System.out.println(report.summary());
            return report.read() == 0 && !report.skipped().isEmpty() ? 1 : 0;
        }
    }
}
