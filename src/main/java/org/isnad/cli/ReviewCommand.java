package org.isnad.cli;

import java.util.concurrent.Callable;
import org.isnad.Isnad;
import org.isnad.archive.Document;
import org.isnad.config.IsnadConfig;
import org.isnad.review.ReviewServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code isnad review}: serves the moderators' review page alone (until Ctrl-C). */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Serves the moderators' review page (needs review.token / ISNAD_REVIEW_TOKEN).")
public final class ReviewCommand implements Callable<Integer> {

    @ParentCommand
    IsnadCli root;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "Port (default review.port, ISNAD_REVIEW_PORT).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address (default review.bind, 127.0.0.1).")
    String bind;

    @Override
    public Integer call() throws InterruptedException {
        IsnadConfig config = root.config();
        ReviewServer.Options options = ReviewServer.Options.from(config.review());
        options = new ReviewServer.Options(bind != null ? bind : options.bind(), port != null ? port : options.port(),
                options.token());
        if (options.token() == null || options.token().isBlank()) {
            spec.commandLine().getErr().println(
                    "isnad review: no moderator token; set ISNAD_REVIEW_TOKEN (or review.token in a config file)");
            return 2;
        }
        try (Isnad isnad = Isnad.open(config)) {
            ReviewServer server = ReviewServer.start(options, isnad.audit(),
                    docId -> isnad.index().document(docId).map(Document::text));
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "review-stop"));
            spec.commandLine().getOut().println("review page: " + server.url() + "  (Ctrl-C stops)");
            spec.commandLine().getOut().flush();
            server.join();
        }
        return 0;
    }
}
