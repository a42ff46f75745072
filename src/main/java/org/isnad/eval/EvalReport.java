package org.isnad.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one evaluation: the contract figures for Isnad and for plain Lucene, plus a
 * breakdown (by question type, or language) printed in the human-readable table only.
 */
public record EvalReport(String dataset, int questions, Map<String, Double> isnad, Map<String, Double> lucene, List<Row> breakdown,
        String breakdownTitle, String notes) {

    public EvalReport {
        isnad = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(isnad));
        lucene = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lucene));
        breakdown = List.copyOf(breakdown);
    }

    /** One line of the breakdown: a group, its question count and the main figure for each system. */
    public record Row(String group, int questions, double isnad, double lucene) {}

    /** {@code {"dataset", "questions", "isnad": {...}, "lucene": {...}}}, keys in contract order. */
    public Map<String, Object> toJson(List<String> keyOrder) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataset", dataset);
        out.put("questions", questions);
        out.put("isnad", ordered(isnad, keyOrder));
        out.put("lucene", ordered(lucene, keyOrder));
        return out;
    }

    private static Map<String, Double> ordered(Map<String, Double> m, List<String> keyOrder) {
        Map<String, Double> out = new LinkedHashMap<>();
        keyOrder.forEach(k -> {
            if (m.containsKey(k)) {
                out.put(k, m.get(k));
            }
        });
        return out;
    }

    /** A table: one line per figure, Isnad beside Lucene, then the breakdown. */
    public String toTable(List<String> keyOrder) {
        StringBuilder sb = new StringBuilder();
        sb.append("dataset: ").append(dataset).append("   questions: ").append(questions).append('\n');
        sb.append(String.format("%-12s %10s %10s%n", "", "isnad", "lucene"));
        for (String k : keyOrder) {
            if (isnad.containsKey(k) || lucene.containsKey(k)) {
                sb.append(String.format("%-12s %10s %10s%n", k, fmt(isnad.get(k)), fmt(lucene.get(k))));
            }
        }
        if (!breakdown.isEmpty()) {
            sb.append('\n').append(breakdownTitle).append('\n');
            sb.append(String.format("%-12s %9s %10s %10s%n", "", "questions", "isnad", "lucene"));
            for (Row r : breakdown) {
                sb.append(String.format("%-12s %9d %10s %10s%n", r.group(), r.questions(), fmt(r.isnad()), fmt(r.lucene())));
            }
        }
        if (notes != null && !notes.isBlank()) {
            sb.append('\n').append(notes).append('\n');
        }
        return sb.toString();
    }

    private static String fmt(Double v) {
        return v == null ? "-" : String.format("%.3f", v);
    }
}
