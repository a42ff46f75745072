package org.isnad.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.isnad.Isnad;
import org.isnad.Json;
import org.isnad.archive.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "doc", mixinStandardHelpOptions = true,
        description = "Prints a stored document: the text quotes and offsets refer to.")
final class DocCommand implements Callable<Integer> {

    @ParentCommand
    IsnadCli root;

    @Option(names = "--json", description = "Print JSON (id, title, date, outlet, url, lang, text, hash, source).")
    boolean json;

    @Parameters(paramLabel = "DOC_ID")
    String id;

    @Override
    public Integer call() throws Exception {
        try (Isnad isnad = root.openIsnad()) {
            isnad.ensureSampleIndexed();
            var found = isnad.index().document(id);
            if (found.isEmpty()) {
                System.err.println("isnad: no document with id " + id);
                return 1;
            }
            Document d = found.get();
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("id", d.id());
                out.put("title", d.title());
                out.put("date", d.date() == null ? null : d.date().toString());
                out.put("outlet", d.outlet());
                out.put("url", d.url());
                out.put("lang", d.language().code());
                out.put("text", d.text());
                out.put("hash", d.contentHash());
                out.put("source", d.source());
                System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
            } else {
                System.out.println(d.title());
                System.out.println(String.join(" · ", java.util.stream.Stream.of(d.id(),
                        d.date() == null ? null : d.date().toString(), d.outlet(), d.language().code(), d.url())
                        .filter(s -> s != null).toList()));
                System.out.println();
                System.out.println(d.text());
            }
            return 0;
        }
    }
}
