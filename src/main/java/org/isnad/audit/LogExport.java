package org.isnad.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes log entries as CSV (RFC 4180) or JSON Lines, one at a time. */
final class LogExport {

    static final List<String> CSV_COLUMNS = List.of(
            "id", "at", "door", "kind", "chat", "user", "role", "telegram_update_id", "language", "answered",
            "question", "answer", "citations", "conflicts", "candidates", "notes", "mode", "latency_ms",
            "feedback", "feedback_at", "state", "moderator", "note", "reviewed_at");

    private final ExportFormat format;
    private final Writer out;
    private final ObjectMapper json;
    private boolean headerWritten;

    LogExport(ExportFormat format, Writer out, ObjectMapper json) {
        this.format = format;
        this.out = out;
        this.json = json.copy().disable(SerializationFeature.INDENT_OUTPUT);
    }

    void write(LogEntry e) throws IOException {
        if (format == ExportFormat.JSONL) {
            out.write(json.writeValueAsString(e));
            out.write('\n');
            return;
        }
        if (!headerWritten) {
            writeRow(CSV_COLUMNS);
            headerWritten = true;
        }
        List<String> cells = new ArrayList<>();
        cells.add(Long.toString(e.id()));
        cells.add(e.at().toString());
        cells.add(e.door().code());
        cells.add(e.kind().code());
        cells.add(e.chat());
        cells.add(e.user());
        cells.add(e.role());
        cells.add(e.telegramUpdateId() == null ? null : e.telegramUpdateId().toString());
        cells.add(e.language());
        cells.add(Boolean.toString(e.answered()));
        cells.add(e.question());
        cells.add(e.answer());
        cells.add(json.writeValueAsString(e.citations()));
        cells.add(json.writeValueAsString(e.conflicts()));
        cells.add(json.writeValueAsString(e.candidates()));
        cells.add(json.writeValueAsString(e.notes()));
        cells.add(e.mode());
        cells.add(Long.toString(e.latencyMs()));
        cells.add(e.feedback() == null ? null : e.feedback().code());
        cells.add(str(e.feedbackAt()));
        cells.add(e.state().code());
        cells.add(e.moderator());
        cells.add(e.note());
        cells.add(str(e.reviewedAt()));
        writeRow(cells);
    }

    private void writeRow(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(csvCell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** Quotes a cell when it holds a comma, quote, or line break; a cell starting with = + - @ is prefixed
     *  with ' so a spreadsheet does not run a user's question as a formula. */
    static String csvCell(String v) {
        if (v == null) {
            return "";
        }
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }
}
