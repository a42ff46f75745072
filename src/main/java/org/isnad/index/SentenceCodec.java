package org.isnad.index;

import java.util.ArrayList;
import java.util.List;
import org.isnad.text.Sentence;

/**
 * Stores a passage's sentences in one stored field: {@code start,end,paragraph[,speaker]} joined by
 * U+001E (record separator), with U+001F between fields, so speakers may contain commas.
 */
final class SentenceCodec {

    private static final char RECORD = '\u001E';
    private static final char FIELD = '\u001F';

    private SentenceCodec() {}

    static String encode(List<Sentence> sentences) {
        StringBuilder out = new StringBuilder();
        for (Sentence s : sentences) {
            if (!out.isEmpty()) {
                out.append(RECORD);
            }
            out.append(s.start()).append(FIELD).append(s.end()).append(FIELD).append(s.paragraph());
            if (s.speaker() != null) {
                out.append(FIELD).append(s.speaker().replace(RECORD, ' ').replace(FIELD, ' '));
            }
        }
        return out.toString();
    }

    static List<Sentence> decode(String stored) {
        List<Sentence> out = new ArrayList<>();
        if (stored == null || stored.isEmpty()) {
            return out;
        }
        for (String record : stored.split(String.valueOf(RECORD))) {
            String[] f = record.split(String.valueOf(FIELD), 4);
            out.add(new Sentence(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    f.length > 3 ? f[3] : null));
        }
        return out;
    }
}
