package org.isnad.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.isnad.Isnad;
import org.isnad.Json;
import org.isnad.audit.AnswerEvent;
import org.isnad.audit.Door;
import org.isnad.brief.BriefRenderer;
import org.isnad.brief.BriefRequest;
import org.isnad.brief.Briefing;
import org.isnad.text.DateParser;
import org.isnad.text.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "brief", mixinStandardHelpOptions = true,
        description = "A briefing on a topic or a document: a headline, 3-8 verbatim cited points, key facts.")
final class BriefCommand implements Callable<Integer> {

    @ParentCommand
    IsnadCli root;

    @Option(names = "--json", description = "Print JSON: headline, points with citations and outlets, facts, period.")
    boolean json;

    @Option(names = "--lang", paramLabel = "ar|en", description = "Framing language (default: the topic's, or the document's).")
    String lang;

    @Option(names = "--since", paramLabel = "DATE", description = "Only documents dated on or after DATE (2018-03-01).")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Only documents dated on or before DATE.")
    String until;

    @Option(names = "--outlet", paramLabel = "NAME", description = "Only documents from this outlet (as `isnad stats` lists it).")
    String outlet;

    @Option(names = "--no-log", description = "Do not record this briefing in the answer log.")
    boolean noLog;

    @Option(names = "--doc", paramLabel = "DOC_ID", description = "Summarise this document (repeatable).")
    List<String> docIds;

    @Parameters(arity = "0..*", paramLabel = "TOPIC", description = "The topic's words.")
    List<String> words;

    @Override
    public Integer call() throws Exception {
        Language forced = null;
        if (lang != null) {
            forced = Language.fromCode(lang);
            if (forced == Language.OTHER) {
                System.err.println("isnad: --lang must be ar or en");
                return 2;
            }
        }
        LocalDate from = date("--since", since);
        LocalDate to = date("--until", until);
        if ((since != null && from == null) || (until != null && to == null)) {
            return 2;
        }
        BriefRequest request = docIds != null && !docIds.isEmpty()
                ? BriefRequest.documents(docIds)
                : BriefRequest.topic(words == null ? "" : String.join(" ", words));
        request = request.inLanguage(forced).between(from, to).fromOutlet(outlet);
        try (Isnad isnad = root.openIsnad()) {
            isnad.ensureSampleIndexed();
            Briefing b = isnad.briefer().brief(request);
            String text = b.found() ? new BriefRenderer(isnad.briefer()).plainText(b) : b.message();
            if (!noLog) {
                // Logged before it is shown, as every door does; a failed write never stops the briefing.
                isnad.audit().tryRecord(b.asLogEntry(text), AnswerEvent.briefing(Door.CLI, null, null, "cli", null));
            }
            if (json) {
                System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(b));
            } else if (b.found()) {
                System.out.println(text);
            } else {
                System.err.println(text);
            }
            return b.found() ? 0 : 1;
        }
    }

    private static LocalDate date(String option, String value) {
        if (value == null) {
            return null;
        }
        LocalDate d = new DateParser().parse(value).orElse(null);
        if (d == null) {
            System.err.println("isnad: " + option + " takes a date such as 2018-03-01, not " + value);
        }
        return d;
    }
}
