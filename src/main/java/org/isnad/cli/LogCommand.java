package org.isnad.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.isnad.Isnad;
import org.isnad.Json;
import org.isnad.answer.Citation;
import org.isnad.audit.AuditLog;
import org.isnad.audit.ExportFormat;
import org.isnad.audit.Feedback;
import org.isnad.audit.LogEntry;
import org.isnad.audit.LogFilter;
import org.isnad.audit.LogPage;
import org.isnad.audit.LogSummary;
import org.isnad.audit.ModerationState;
import org.isnad.audit.TimeArgs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code isnad log}: the answer log (list, show, flag, export, purge). */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "The answer log: every answer and briefing, with feedback and moderation.",
        subcommands = {LogCommand.ListCmd.class, LogCommand.Show.class, LogCommand.Flag.class,
                LogCommand.Export.class, LogCommand.Purge.class})
public final class LogCommand implements Runnable {

    @ParentCommand
    IsnadCli root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The filter options shared by list and export. */
    static final class FilterOptions {
        @Option(names = "--since", paramLabel = "WHEN", description = "From this date (2026-11-01), instant, or age (7d).")
        String since;
        @Option(names = "--until", paramLabel = "WHEN", description = "Up to and including this date, or before this instant/age.")
        String until;
        @Option(names = "--lang", paramLabel = "LANG", description = "Only this language (ar, en).")
        String lang;
        @Option(names = "--feedback", paramLabel = "up|down", description = "Only entries with this feedback.")
        String feedback;
        @Option(names = "--state", paramLabel = "STATE", description = "Only this moderation state: ${COMPLETION-CANDIDATES}.")
        String state;
        @Option(names = "--unanswered", description = "Only entries the sources did not answer.")
        boolean unanswered;
        @Option(names = "--answered", description = "Only answered entries.")
        boolean answered;
        @Option(names = "--text", paramLabel = "T", description = "Question or answer contains this text.")
        String text;

        LogFilter filter() {
            Clock clock = Clock.systemUTC();
            if (answered && unanswered) {
                throw new IllegalArgumentException("--answered and --unanswered exclude each other");
            }
            return new LogFilter(
                    TimeArgs.bound(since, false, clock),
                    TimeArgs.bound(until, true, clock),
                    lang,
                    feedback == null ? null : Feedback.fromCode(feedback),
                    state == null ? null : ModerationState.fromCode(state),
                    answered ? Boolean.TRUE : unanswered ? Boolean.FALSE : null,
                    text);
        }
    }

    private static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists entries, newest first.")
    static final class ListCmd implements Callable<Integer> {
        @ParentCommand LogCommand parent;
        @Spec CommandSpec spec;
        @Mixin FilterOptions filter = new FilterOptions();
        @Option(names = "--page", defaultValue = "1", description = "Page number (default 1).")
        int page;
        @Option(names = "--size", defaultValue = "50", description = "Entries per page (default 50, at most 500).")
        int size;
        @ArgGroup(exclusive = true)
        Format format;

        static final class Format {
            @Option(names = "--json", description = "One JSON object with the page of entries.") boolean json;
            @Option(names = "--csv", description = "CSV rows.") boolean csv;
        }

        @Override
        public Integer call() throws IOException {
            LogFilter f;
            try {
                f = filter.filter();
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("isnad log list: " + e.getMessage());
                return 2;
            }
            try (Isnad isnad = parent.root.openIsnad()) {
                LogPage p = isnad.audit().list(f, page, size);
                PrintWriter out = out(spec);
                if (format != null && format.json) {
                    ObjectMapper json = Json.mapper().enable(SerializationFeature.INDENT_OUTPUT);
                    out.println(json.writeValueAsString(p));
                } else if (format != null && format.csv) {
                    out.print("id,at,door,kind,language,answered,citations,feedback,state,moderator,question\r\n");
                    for (LogSummary s : p.entries()) {
                        out.print(String.join(",", List.of(Long.toString(s.id()), s.at().toString(), s.door().code(),
                                s.kind().code(), nz(s.language()), Boolean.toString(s.answered()),
                                Integer.toString(s.citationCount()), s.feedback() == null ? "" : s.feedback().code(),
                                s.state().code(), csv(s.moderator()), csv(s.question()))) + "\r\n");
                    }
                } else {
                    for (LogSummary s : p.entries()) {
                        out.printf("%6d  %s  %-8s %-3s %-3s %-2s %-15s %s%n", s.id(),
                                s.at().toString().substring(0, 19).replace('T', ' '), s.door().code(), nz(s.language()),
                                s.answered() ? "yes" : "no", s.feedback() == null ? "" : (s.feedback() == Feedback.UP ? "👍" : "👎"),
                                s.state().code(), oneLine(s.question(), 80));
                    }
                    out.printf("page %d of %d, %d entries%n", p.page(), p.pages(), p.total());
                }
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one entry in full.")
    static final class Show implements Callable<Integer> {
        @ParentCommand LogCommand parent;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "ID") long id;
        @Option(names = "--json", description = "The entry as JSON.") boolean json;

        @Override
        public Integer call() throws IOException {
            try (Isnad isnad = parent.root.openIsnad()) {
                var found = isnad.audit().get(id);
                if (found.isEmpty()) {
                    spec.commandLine().getErr().println("isnad log show: no entry " + id);
                    return 1;
                }
                LogEntry e = found.get();
                PrintWriter out = out(spec);
                if (json) {
                    out.println(Json.mapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(e));
                } else {
                    out.printf("#%d  %s  %s/%s  %s  %s  %d ms%n", e.id(), e.at(), e.door().code(), e.kind().code(),
                            nz(e.language()), nz(e.mode()), e.latencyMs());
                    if (e.chat() != null || e.user() != null) {
                        out.printf("chat %s  user %s  role %s  update %s%n", nz(e.chat()), nz(e.user()), nz(e.role()),
                                e.telegramUpdateId() == null ? "" : e.telegramUpdateId());
                    }
                    out.println("Q: " + e.question());
                    out.println("A" + (e.answered() ? "" : " (not answered)") + ": " + nz(e.answer()));
                    for (Citation c : e.citations()) {
                        out.printf("[%d] %s — %s, %s (%s %d-%d)%n    «%s»%n", c.n(), nz(c.title()), nz(c.outlet()),
                                nz(c.date()), c.docId(), c.start(), c.end(), c.quote());
                    }
                    out.printf("feedback: %s%s%n", e.feedback() == null ? "none" : e.feedback().code(),
                            e.feedbackAt() == null ? "" : " at " + e.feedbackAt());
                    out.printf("state: %s%s%s%n", e.state().code(),
                            e.moderator() == null ? "" : " by " + e.moderator(),
                            e.reviewedAt() == null ? "" : " at " + e.reviewedAt());
                    if (e.note() != null) {
                        out.println("note: " + e.note());
                    }
                }
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "flag", mixinStandardHelpOptions = true, description = "Sets an entry's moderation state.")
    static final class Flag implements Callable<Integer> {
        @ParentCommand LogCommand parent;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID") long id;
        @Parameters(index = "1", paramLabel = "STATE", description = "unreviewed, ok, wrong-citation, wrong-answer, harmful")
        String state;
        @Option(names = "--note", paramLabel = "TEXT") String note;
        @Option(names = "--moderator", paramLabel = "NAME", description = "Who decided (default: $USER).")
        String moderator;

        @Override
        public Integer call() {
            ModerationState s;
            try {
                s = ModerationState.fromCode(state);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("isnad log flag: " + e.getMessage());
                return 2;
            }
            String who = moderator != null ? moderator : parent.root.env().getOrDefault("USER", "cli");
            try (Isnad isnad = parent.root.openIsnad()) {
                if (!isnad.audit().flag(id, s, who, note)) {
                    spec.commandLine().getErr().println("isnad log flag: no entry " + id);
                    return 1;
                }
                out(spec).println("#" + id + " is now " + s.code());
                out(spec).flush();
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Exports entries, oldest first.")
    static final class Export implements Callable<Integer> {
        @ParentCommand LogCommand parent;
        @Spec CommandSpec spec;
        @Mixin FilterOptions filter = new FilterOptions();
        @Option(names = "--format", required = true, paramLabel = "csv|jsonl") String format;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
        Path output;

        @Override
        public Integer call() throws IOException {
            ExportFormat f;
            LogFilter lf;
            try {
                f = ExportFormat.fromCode(format);
                lf = filter.filter();
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("isnad log export: " + e.getMessage());
                return 2;
            }
            try (Isnad isnad = parent.root.openIsnad()) {
                AuditLog log = isnad.audit();
                long n;
                if (output != null) {
                    try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                        n = log.export(f, lf, w);
                    }
                    spec.commandLine().getErr().println(n + " entries written to " + output);
                } else {
                    Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                    log.export(f, lf, w);
                    w.flush();
                }
            }
            return 0;
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true, description = "Deletes entries older than an age.")
    static final class Purge implements Callable<Integer> {
        @ParentCommand LogCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--older-than", required = true, paramLabel = "AGE", description = "e.g. 90d, 12h, 2w")
        String olderThan;

        @Override
        public Integer call() {
            java.time.Duration age;
            try {
                age = TimeArgs.duration(olderThan);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("isnad log purge: " + e.getMessage());
                return 2;
            }
            try (Isnad isnad = parent.root.openIsnad()) {
                int n = isnad.audit().purge(age);
                out(spec).println(n + " entries older than " + olderThan + " deleted");
                out(spec).flush();
            }
            return 0;
        }
    }

    private static String nz(Object s) {
        return s == null ? "" : s.toString();
    }

    private static String oneLine(String s, int max) {
        String t = nz(s).replaceAll("\\s+", " ").strip();
        return t.length() > max ? t.substring(0, max - 1) + "…" : t;
    }

    private static String csv(String v) {
        if (v == null) {
            return "";
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
