package org.isnad.brief;

import java.util.List;

/**
 * The key facts closing a briefing: the people and organizations most present, the places, and the
 * period the sources cover. Names are in the framing language when the gazetteer knows them, as
 * written in the source otherwise.
 */
public record KeyFacts(List<String> who, List<String> where, Period period) {
    public KeyFacts {
        who = List.copyOf(who);
        where = List.copyOf(where);
    }
}
