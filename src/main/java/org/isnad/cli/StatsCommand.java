package org.isnad.cli;

import java.util.concurrent.Callable;
import org.isnad.Isnad;
import org.isnad.Json;
import org.isnad.index.IndexStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "What the index holds: documents, passages, languages, outlets, date range.")
final class StatsCommand implements Callable<Integer> {

    @ParentCommand
    IsnadCli root;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Isnad isnad = root.openIsnad()) {
            IndexStats s = isnad.index().stats();
            if (json) {
                System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(s));
                return 0;
            }
            System.out.printf("documents: %d%npassages:  %d%nlanguages: %s%noutlets:   %s%ndates:     %s%n",
                    s.documents(), s.passages(), s.languages(), s.outlets(),
                    s.firstDate() == null ? "none" : s.firstDate() + " .. " + s.lastDate());
            return 0;
        }
    }
}
