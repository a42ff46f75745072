package org.isnad.ingest;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Stable ids for documents that bring none: the file's path relative to the folder that was given
 * to ingest, prefixed with that folder's name and without the extension
 * ({@code corpus/sample/x.ar.txt} given as {@code corpus/sample} → {@code sample/x.ar}); a JSONL line
 * adds {@code #LINE}. Independent of where the folder sits on disk, so a clone elsewhere keeps ids.
 */
final class DocumentIds {

    private DocumentIds() {}

    static String forFile(Path root, Path file) {
        Path base = root.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        String relative;
        if (base.equals(f)) {
            relative = f.getFileName().toString();
        } else {
            Path name = base.getFileName();
            relative = (name == null ? "" : name + "/") + base.relativize(f).toString().replace('\\', '/');
        }
        int dot = relative.lastIndexOf('.');
        int slash = relative.lastIndexOf('/');
        if (dot > slash + 1) {
            relative = relative.substring(0, dot);
        }
        return relative.toLowerCase(Locale.ROOT);
    }
}
