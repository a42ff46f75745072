package org.isnad.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isnad.text.DateMatch;

/**
 * The numbers the chosen quotes state for a HOW MANY question, grouped by value. Only quotes that
 * hold most of the question itself take part, so that two numbers about different things are not
 * taken for a disagreement; more than one group means the sources differ.
 */
public record NumberGroups(List<Group> groups) {

    /** A quote must hold this share of the question for its number to count as the same fact. */
    static final double SAME_FACT_OWN = 0.75;
    private static final Pattern NUMBER = Pattern.compile("(?<![0-9٠-٩۰-۹])[0-9٠-٩۰-۹]+(?:[.,٫٬][0-9٠-٩۰-۹]+)*");

    public record Group(String value, List<Integer> citations) {}

    public static NumberGroups of(List<Evidence> evidence, List<Citation> citations) {
        Map<String, List<Integer>> by = new LinkedHashMap<>();
        for (int i = 0; i < evidence.size() && i < citations.size(); i++) {
            Evidence e = evidence.get(i);
            if (e.own() < SAME_FACT_OWN) {
                continue;
            }
            Citation c = citations.get(i);
            Matcher m = NUMBER.matcher(c.quote());
            while (m.find()) {
                int at = c.start() + m.start();
                boolean inDate = e.dates().stream().anyMatch((DateMatch d) -> at >= d.start() && at < d.end());
                if (!inDate) {
                    by.computeIfAbsent(ascii(m.group()), k -> new ArrayList<>()).add(c.n());
                    break;
                }
            }
        }
        List<Group> out = new ArrayList<>();
        by.forEach((v, ns) -> out.add(new Group(v, List.copyOf(ns))));
        return new NumberGroups(List.copyOf(out));
    }

    public boolean differ() {
        return groups.size() > 1;
    }

    private static String ascii(String number) {
        StringBuilder out = new StringBuilder();
        for (char ch : number.toCharArray()) {
            int d = Character.digit(ch, 10);
            if (d >= 0) {
                out.append((char) ('0' + d));
            } else if (ch == '.' || ch == '٫') {
                out.append('.');
            }
        }
        return out.toString();
    }
}
