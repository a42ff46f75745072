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
        description = {"Reads documents into the index: .txt .md .html .htm .json .jsonl .pdf .docx .odt .rtf, folders walked",
                "recursively, and article pages by their https:// address.",
                "Unchanged documents are left alone; changed ones replace their old version; bad files are skipped with a reason."})
final class IngestCommand implements Callable<Integer> {

    @ParentCommand
    IsnadCli root;

    @Parameters(arity = "1..*", paramLabel = "PATH|URL", description = "Files, folders, or http(s) addresses of article pages.")
    List<String> inputs;

    @Option(names = "--delete-missing", description = "Remove documents whose source file (or JSONL line) is gone.")
    boolean deleteMissing;

    @Override
    public Integer call() {
        List<Path> paths = new java.util.ArrayList<>();
        List<String> urls = new java.util.ArrayList<>();
        for (String in : inputs) {
            if (in.startsWith("http://") || in.startsWith("https://")) {
                urls.add(in);
            } else {
                paths.add(Path.of(in));
            }
        }
        try (Isnad isnad = root.openIsnad()) {
            int pagesRead = pages(isnad, urls);
            if (paths.isEmpty()) {
                return urls.isEmpty() || pagesRead > 0 ? 0 : 1;
            }
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
            return report.read() == 0 && pagesRead == 0 && !report.skipped().isEmpty() ? 1 : 0;
        }
    }

    /** Fetches and ingests article pages; each failure is one line on stderr. Returns the pages read. */
    private static int pages(Isnad isnad, List<String> urls) {
        int read = 0;
        org.isnad.feeds.ArticlePage reader = new org.isnad.feeds.ArticlePage();
        for (String url : urls) {
            try {
                var got = isnad.fetcher().get(java.net.URI.create(url), null, null);
                var doc = reader.read(got.finalUri(), got.body(), null, null);
                if (doc == null) {
                    System.err.println(url + ": no article text on the page");
                    continue;
                }
                IngestReport r = isnad.ingester().ingestDocuments(List.of(doc));
                r.skipped().forEach(System.err::println);
                System.out.println(url + ": " + r.summary());
                read += r.read() > 0 ? 1 : 0;
            } catch (java.io.IOException | IllegalArgumentException e) {
                System.err.println(url + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return read;
    }
}
