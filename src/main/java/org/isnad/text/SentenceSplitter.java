package org.isnad.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a document's text into sentences with exact offsets, paragraph numbers and transcript
 * speakers. FIRST CUT (to be completed by the text package owner): splits on . ! ? ؟ ؛ and line breaks.
 */
public final class SentenceSplitter {

    public List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int paragraph = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int lineEnd = text.indexOf('\n', i);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            int s = i;
            for (int j = i; j < lineEnd; j++) {
                char c = text.charAt(j);
                if (c == '.' || c == '!' || c == '?' || c == '؟' || c == '؛') {
                    add(text, s, j + 1, paragraph, out);
                    s = j + 1;
                }
            }
            add(text, s, lineEnd, paragraph, out);
            if (lineEnd > i) {
                paragraph++;
            }
            i = lineEnd + 1;
        }
        return out;
    }

    private static void add(String text, int start, int end, int paragraph, List<Sentence> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Sentence(start, end, paragraph, null));
        }
    }
}
