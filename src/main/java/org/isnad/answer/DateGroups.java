package org.isnad.answer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.isnad.text.DateMatch;

/**
 * The dates the chosen quotes state for a WHEN question, grouped: each distinct date with the
 * citation numbers that give it. More than one group means the sources differ.
 */
public record DateGroups(List<Group> groups) {

    public record Group(LocalDate date, List<Integer> citations) {}

    /** {@code evidence.get(i)} is cited as {@code citations.get(i)}; a date counts when it lies inside the quote. */
    public static DateGroups of(List<Evidence> evidence, List<Citation> citations) {
        Map<LocalDate, List<Integer>> by = new LinkedHashMap<>();
        for (int i = 0; i < evidence.size() && i < citations.size(); i++) {
            Citation c = citations.get(i);
            for (DateMatch d : evidence.get(i).dates()) {
                if (d.start() >= c.start() && d.end() <= c.end()) {
                    by.computeIfAbsent(d.date(), k -> new ArrayList<>()).add(c.n());
                    break;
                }
            }
        }
        List<Group> out = new ArrayList<>();
        by.forEach((date, ns) -> out.add(new Group(date, List.copyOf(ns))));
        return new DateGroups(List.copyOf(out));
    }

    public boolean differ() {
        return groups.size() > 1;
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }
}
