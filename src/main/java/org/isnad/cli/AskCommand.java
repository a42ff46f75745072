package org.isnad.cli;

import org.isnad.audit.AnswerEvent;
import java.util.List;
import java.util.concurrent.Callable;
import org.isnad.Isnad;
import org.isnad.Json;
import org.isnad.answer.Answer;
import org.isnad.answer.AskRequest;
import org.isnad.answer.Citation;
import org.isnad.text.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Answers a question from the indexed sources with verbatim, cited quotations.")
final class AskCommand implements Callable<Integer> {

    @ParentCommand
    IsnadCli root;

    @Option(names = "--json", description = "Print the answer as JSON (the ask --json contract).")
    boolean json;

    @Option(names = "--lang", paramLabel = "ar|en", description = "Answer in this language (default: the question's).")
    String lang;

    @Option(names = "--no-log", description = "Do not record this answer in the answer log.")
    boolean noLog;

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question (Arabic or English).")
    List<String> words;

    @Override
    public Integer call() throws Exception {
        Language forced = lang == null ? null : Language.fromCode(lang);
        if (forced == Language.OTHER) {
            System.err.println("isnad: --lang must be ar or en");
            return 2;
        }
        try (Isnad isnad = root.openIsnad()) {
            isnad.ensureSampleIndexed();
            Answer answer = isnad.answers().ask(new AskRequest(String.join(" ", words), forced));
            if (!noLog) {
                // Logged before it is shown, as every door does; a failed write never stops the answer.
                isnad.audit().tryRecord(answer, AnswerEvent.cli());
            }
            if (json) {
                System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(answer));
            } else {
                print(answer);
            }
            return 0;
        }
    }

    private static void print(Answer a) {
        if (a.direct() != null && !a.direct().text().isBlank()) {
            System.out.println(a.direct().text());
        }
        System.out.println(a.answer());
        for (Citation c : a.citations()) {
            StringBuilder meta = new StringBuilder();
            for (String part : new String[] {c.outlet(), c.date(), c.speaker()}) {
                if (part != null && !part.isBlank()) {
                    meta.append(meta.isEmpty() ? "" : ", ").append(part);
                }
            }
            System.out.printf("%n[%d] %s%s%n    %s%n    (%s %d-%d)%n", c.n(), c.title() == null ? c.docId() : c.title(),
                    meta.isEmpty() ? "" : " — " + meta, c.quote(), c.docId(), c.start(), c.end());
        }
    }
}
