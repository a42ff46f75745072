package org.isnad.text;

/**
 * A string folded for matching together with the way back to the original: {@code map[i]} is the
 * index in {@code original} of the character that produced {@code text.charAt(i)}. A match found at
 * {@code [s, e)} in {@link #text()} covers {@code original.substring(originalStart(s), originalEnd(e))}.
 */
public record NormalizedText(String original, String text, int[] map) {

    public NormalizedText {
        if (map.length != text.length()) {
            throw new IllegalArgumentException("map length " + map.length + " != text length " + text.length());
        }
    }

    public int length() {
        return text.length();
    }

    /** The original index of the normalized character at {@code normalizedIndex}; the original length at the end. */
    public int originalStart(int normalizedIndex) {
        if (normalizedIndex >= map.length) {
            return original.length();
        }
        return map[normalizedIndex];
    }

    /**
     * The original index just after the normalized span ending (exclusive) at {@code normalizedEnd}: right after
     * the last matched original character, extended over diacritics and tatweel that normalization dropped.
     */
    public int originalEnd(int normalizedEnd) {
        if (normalizedEnd <= 0) {
            return map.length == 0 ? 0 : map[0];
        }
        int last = map[Math.min(normalizedEnd, map.length) - 1];
        int end = last + 1;
        if (end < original.length() && Character.isHighSurrogate(original.charAt(last))
                && Character.isLowSurrogate(original.charAt(end))) {
            end++;
        }
        while (end < original.length() && ArabicNormalizer.isDropped(original.charAt(end))) {
            end++;
        }
        return end;
    }

    /**
     * Where {@code needle}, normalized the same way, first occurs at or after original index {@code from}: the
     * original span as {@code {start, end}}, or null. "وجهت روسيا" finds «وجّهت روسيا»; straight quotes find curly ones.
     */
    public int[] findOriginal(String needle, int from) {
        String n = ArabicNormalizer.normalizeWithMap(needle).text().strip();
        if (n.isEmpty()) {
            return null;
        }
        int lo = 0;
        int hi = map.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (map[mid] < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int at = text.indexOf(n, lo);
        return at < 0 ? null : new int[] {originalStart(at), originalEnd(at + n.length())};
    }
}
