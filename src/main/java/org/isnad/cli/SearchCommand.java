package org.isnad.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.isnad.Isnad;
import org.isnad.Json;
import org.isnad.index.PassageHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Top passages for plain words (no query syntax), with document id, offsets and score.")
final class SearchCommand implements Callable<Integer> {

    @ParentCommand
    IsnadCli root;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "-n", defaultValue = "10", description = "How many passages (default ${DEFAULT-VALUE}).")
    int n;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Words to search for.")
    List<String> words;

    record Row(int rank, String docId, String title, String date, String outlet, int start, int end, float score, String text) {}

    @Override
    public Integer call() throws Exception {
        try (Isnad isnad = root.openIsnad()) {
            isnad.ensureSampleIndexed();
            List<PassageHit> hits = isnad.index().search(String.join(" ", words), Math.max(1, Math.min(n, 1000)));
            List<Row> rows = new java.util.ArrayList<>();
            for (int i = 0; i < hits.size(); i++) {
                PassageHit h = hits.get(i);
                rows.add(new Row(i + 1, h.doc().id(), h.doc().title(), h.doc().date() == null ? null : h.doc().date().toString(),
                        h.doc().outlet(), h.passage().start(), h.passage().end(), h.score(), h.text()));
            }
            if (json) {
                System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
                return 0;
            }
            if (rows.isEmpty()) {
                System.out.println("No passages match.");
            }
            for (Row r : rows) {
                System.out.printf("%d. %s [%d-%d] score %.3f — %s%s%n   %s%n", r.rank(), r.docId(), r.start(), r.end(), r.score(),
                        r.title() == null ? "" : r.title(), r.date() == null ? "" : " (" + r.date() + ")", r.text());
            }
            return 0;
        }
    }
}
