package org.isnad.answer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Debian's English–Arabic FreeDict dictionary (package dict-freedict-eng-ara), read from where the
 * system installs it when present: {@code freedict-eng-ara.index} lines are headword TAB offset TAB
 * length (dictd base64) into the decompressed {@code .dict.dz}; an entry is "Headword /IPA/" then one
 * Arabic translation per line. Loaded on first use; without the files it translates nothing.
 */
public final class FreeDict {

    /** No dictionary: every lookup is empty. */
    public static final FreeDict NONE = new FreeDict(null);

    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final int MAX_SENSES = 4;

    private final Path dir;
    private volatile Map<String, long[]> index;
    private volatile byte[] dict;

    private FreeDict(Path dir) {
        this.dir = dir;
    }

    /** The dictionary in {@code dir} when its files are there, else {@link #NONE}. */
    public static FreeDict in(String dir) {
        if (dir == null || dir.isBlank()) {
            return NONE;
        }
        Path d = Path.of(dir);
        return Files.isRegularFile(d.resolve("freedict-eng-ara.index")) && Files.isRegularFile(d.resolve("freedict-eng-ara.dict.dz"))
                ? new FreeDict(d) : NONE;
    }

    public boolean present() {
        return dir != null;
    }

    /** Arabic translations of an English word or phrase (at most a few senses), or none. */
    public List<String> translations(String english) {
        if (dir == null) {
            return List.of();
        }
        load();
        if (dict == null) {
            return List.of();
        }
        long[] at = index.get(english.toLowerCase(Locale.ROOT));
        if (at == null || at[0] + at[1] > dict.length) {
            return List.of();
        }
        String entry = new String(dict, (int) at[0], (int) at[1], StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        String[] lines = entry.split("\n");
        for (int i = 1; i < lines.length && out.size() < MAX_SENSES; i++) {
            String line = lines[i].strip().replaceFirst("^\\d+\\.\\s*", "");
            if (!line.isEmpty() && line.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) {
                out.add(line);
            }
        }
        return out;
    }

    private synchronized void load() {
        if (index != null) {
            return;
        }
        Map<String, long[]> idx = new HashMap<>();
        try {
            for (String line : Files.readAllLines(dir.resolve("freedict-eng-ara.index"), StandardCharsets.UTF_8)) {
                String[] cols = line.split("\t");
                if (cols.length == 3) {
                    idx.putIfAbsent(cols[0].toLowerCase(Locale.ROOT), new long[] {b64(cols[1]), b64(cols[2])});
                }
            }
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("freedict-eng-ara.dict.dz")))) {
                dict = in.readAllBytes();
            }
        } catch (IOException | RuntimeException e) {
            dict = null;
        }
        index = idx;
    }

    private static long b64(String s) {
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            v = v * 64 + B64.indexOf(s.charAt(i));
        }
        return v;
    }
}
