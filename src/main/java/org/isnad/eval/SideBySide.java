package org.isnad.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How every benchmark reports: Isnad's figures beside plain Lucene's, as the JSON object
 * {@code {"isnad": {…}, "lucene": {…}, "ratio": …}} or as a two-column table.
 */
final class SideBySide {

    private SideBySide() {}

    static Map<String, Object> json(Map<String, Object> isnad, Map<String, Object> lucene, double ratio) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("isnad", isnad);
        m.put("lucene", lucene);
        m.put("ratio", ratio);
        return m;
    }

    /**
     * One row per Isnad figure ({@code -} where Lucene has none), under a header naming the bench and
     * the Lucene column, then the ratio line ({@code ratioLabel} with the ratio, e.g. "1.29x").
     */
    static String table(String bench, String luceneLabel, Map<String, Object> isnad, Map<String, Object> lucene,
            String ratioLabel, double ratio) {
        StringBuilder sb = new StringBuilder(String.format("%-14s %12s %14s%n", bench, "isnad", luceneLabel));
        isnad.keySet().forEach(k -> sb.append(String.format("%-14s %12s %14s%n", k, isnad.get(k), lucene.getOrDefault(k, "-"))));
        sb.append(String.format("ratio (%s): %.2fx%n", ratioLabel, ratio));
        return sb.toString();
    }
}
