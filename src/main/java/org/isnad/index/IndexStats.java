package org.isnad.index;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the index holds. {@code languages} and {@code outlets} count documents; the dates are the
 * earliest and latest document dates (null when no document has one); {@code latest} lists the
 * newest documents first.
 */
public record IndexStats(
        int documents,
        int passages,
        Map<String, Integer> languages,
        Map<String, Integer> outlets,
        LocalDate firstDate,
        LocalDate lastDate,
        List<DocInfo> latest) {}
